"""Values of a job spec checked one by one: numbers finite, texts bounded, geometry in range.

Shared by the spec parser (``jobspec``) and the reader of the office's answers
(``office_answers``); every failure is a SpecError naming the place and what was expected.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# Bounds on what an office (or whoever answers in its place) may send: far above any real
# WIUP (tens of points, a few areas), low enough that a hostile spec costs little memory.
MAX_SPEC_BYTES = 8 * 1024 * 1024
MAX_FEATURES = 5000  # per data file
MAX_VERTICES = 200_000  # over all area rings of a spec
MAX_TEXT = 2000
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class SpecError(ValueError):
    """A job spec that cannot become a job; the message says where and what was expected."""


def shown(value: Any) -> str:
    """A value as a message quotes it: short, one line, whatever was sent."""
    quoted = repr(value)
    return quoted if len(quoted) <= 60 else quoted[:57] + "..."


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load_spec_json(data: bytes, where: str) -> Any:
    """JSON bytes (a file, an office answer) to objects; SpecError naming ``where`` if not."""
    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise SpecError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SpecError(f"{where}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except ValueError as exc:
        raise SpecError(f"{where}: not valid JSON: {exc}") from exc
    except RecursionError:
        raise SpecError(f"{where}: JSON nested too deeply") from None


def number(value: Any, where: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SpecError(f"{where}: expected a finite number, got {shown(value)}")
    return float(value)


def text(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value.strip()):
        raise SpecError(f"{where}: expected text, got {shown(value)}")
    if len(value) > MAX_TEXT:
        raise SpecError(f"{where}: {len(value)} characters; at most {MAX_TEXT}")
    if _CONTROL_CHARS.search(value):
        raise SpecError(f"{where}: holds a control character (line break, tab …): {shown(value)}")
    return value


def flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise SpecError(f"{where}: expected true or false, got {shown(value)}")
    return value


def _ring(ring: Any, where: str) -> int:
    if not isinstance(ring, list) or not 4 <= len(ring) <= MAX_VERTICES:
        raise SpecError(f"{where}: expected a closed ring of 4 to {MAX_VERTICES} positions")
    for i, pos in enumerate(ring, 1):
        if not isinstance(pos, list) or not 2 <= len(pos) <= 3:
            raise SpecError(f"{where} position {i}: expected [lon, lat], got {shown(pos)}")
        lon = number(pos[0], f"{where} position {i} lon")
        lat = number(pos[1], f"{where} position {i} lat")
        assert lon is not None and lat is not None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise SpecError(f"{where} position {i}: {lon}, {lat} is not a lon/lat in degrees")
    return len(ring)


def _polygon(coords: Any, where: str) -> int:
    if not isinstance(coords, list) or not coords:
        raise SpecError(f"{where}: expected a list of rings, got {shown(coords)}")
    return sum(_ring(r, f"{where} ring {i}") for i, r in enumerate(coords, 1))


def check_geometry(geometry: Any, where: str, depth: int = 0) -> int:
    """A Polygon, MultiPolygon or flat GeometryCollection of them, every position finite and
    in range; returns the number of positions. SpecError naming the place otherwise."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind == "Polygon":
        return _polygon(coords, where)
    if kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            raise SpecError(f"{where}: expected a list of polygons, got {shown(coords)}")
        return sum(_polygon(c, f"{where} polygon {i}") for i, c in enumerate(coords, 1))
    if kind == "GeometryCollection" and depth == 0 and isinstance(geometry, dict):
        parts = geometry.get("geometries")
        if not isinstance(parts, list) or not parts:
            raise SpecError(f"{where}: expected a list of geometries, got {shown(parts)}")
        return sum(check_geometry(g, f"{where} part {i}", 1) for i, g in enumerate(parts, 1))
    raise SpecError(f"{where}: expected a Polygon or MultiPolygon, got {shown(kind)}")
