"""Read neighbouring permit areas and activity zones (pits, dumps) from GeoJSON, KML or SK tables.

Coordinates are taken as SRGI2013 lon/lat: GeoJSON (RFC 7946) and KML are WGS 84 by
definition, which matches SRGI2013 (ITRF2008) to a few centimetres. Activity zones need a
``kind`` (pit/dump; inferred from which of ``depth_m``/``height_m`` is given) and the depth
or height, from GeoJSON properties or KML ExtendedData (Data or SimpleData).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.exchange import geodoc, limits
from fieldapp.exchange.geodoc import GeoPolygon
from fieldapp.exchange.limits import show
from fieldapp.exchange.plausible import lonlat_problem, ring_problem, value_problem
from fieldapp.exchange.problems import ImportFailed
from fieldapp.survey.neighbors import (
    ActivityZone,
    AreaError,
    NeighborArea,
    Ring,
    ZoneKind,
)

# Indonesian words surveyors put in attribute tables, mapped to the two kinds.
_KIND_WORDS = {
    "pit": "pit", "tambang": "pit", "bukaan": "pit", "galian": "pit",
    "dump": "dump", "disposal": "dump", "timbunan": "dump", "waste": "dump",
}  # fmt: skip
_NAME_KEYS = ("name", "nama", "Name", "NAMA", "title")
# Total outline of all polygons of a file, degrees (~2,200 km): dozens of permits around one
# WIUP; the planner densifies it to ~10 m steps (20°: 4.7 s and 181 MB at the vertex limit).
MAX_OUTLINE_DEG = 20.0
# The deepest open pits and highest dumps are hundreds of metres: a kilometre is a typo.
MAX_ZONE_SIZE_M = 2000.0
_MAX_NAME_CHARS = 80


class AreaFileError(ValueError):
    """A neighbour/activity file that cannot be read, with the file and feature named."""


@dataclass(frozen=True, slots=True)
class AreaFeature:
    """One polygon feature of a file: its name, outer rings and attributes."""

    name: str
    rings: tuple[Ring, ...]
    properties: dict[str, Any] = field(default_factory=dict)


def read_area_features(path: str | Path) -> list[AreaFeature]:
    """Polygon features of a GeoJSON, KML or SK boundary-table file."""
    p = Path(path)
    if not p.is_file():
        raise AreaFileError(f"{p}: {limits.not_a_file(p)}")
    suffix = p.suffix.lower()
    if suffix in (".geojson", ".json"):
        return _read_geojson(p)
    if suffix == ".kml":
        return _read_kml(p)
    return _read_sk_table(p)


def read_neighbors(path: str | Path) -> list[NeighborArea]:
    return [NeighborArea(f.name, f.rings) for f in read_area_features(path)]


def read_activity_zones(path: str | Path) -> list[ActivityZone]:
    zones = []
    for f in read_area_features(path):
        try:
            zones.append(activity_zone_from(f.name, f.rings, f.properties))
        except AreaError as exc:
            raise AreaFileError(f"{path}: feature {f.name!r}: {exc}") from exc
    return zones


def _text(value: Any) -> str:
    """An attribute as text: strings and numbers only (a nested list is no name or depth)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _number(value: Any, what: str) -> float | None:
    """A depth/height in metres as typed (decimal comma too): finite, positive, plausible."""
    if value is None or value == "":
        return None
    try:
        number = float(_text(value).replace(",", "."))
    except ValueError as exc:
        raise AreaError(f"{what} is not a number: {show(value)}") from exc
    if problem := value_problem(number, what, 0.0, MAX_ZONE_SIZE_M):
        raise AreaError(problem)
    return number


def activity_zone_from(
    name: str, rings: tuple[Ring, ...], props: Mapping[str, Any]
) -> ActivityZone:
    """An ActivityZone from attributes (kind, depth_m, height_m), with the kind inferred."""
    low = {str(k).lower(): v for k, v in props.items()}
    depth = _number(low.get("depth_m", low.get("kedalaman_m", low.get("depth"))), "depth_m")
    height = _number(low.get("height_m", low.get("tinggi_m", low.get("height"))), "height_m")
    raw = _text(low.get("kind", low.get("jenis", ""))).lower()
    kind: ZoneKind
    if raw in _KIND_WORDS:
        kind = "pit" if _KIND_WORDS[raw] == "pit" else "dump"
    elif depth is not None and height is None:
        kind = "pit"
    elif height is not None and depth is None:
        kind = "dump"
    else:
        raise AreaError("needs kind pit/dump (or exactly one of depth_m / height_m)")
    zone = ActivityZone(name, kind, rings, depth, height)
    zone.size_m  # noqa: B018 - raises AreaError when the depth/height is missing or not positive
    return zone


def _feature_name(props: Mapping[str, Any], fallback: str) -> str:
    for key in _NAME_KEYS:
        if text := _text(props.get(key))[:_MAX_NAME_CHARS]:
            return text
    return fallback


def _checked_feature(path: Path, poly: GeoPolygon, name: str) -> AreaFeature:
    """The feature if every outer ring is a polygon inside Indonesia, else AreaFileError."""
    for where, ring in zip(poly.ring_where, poly.rings, strict=True):
        problem = next(filter(None, (lonlat_problem(lon, lat) for lon, lat in ring)), None)
        problem = problem or ring_problem(ring)
        if problem:
            raise AreaFileError(f"{path}: {where} ({name}): {problem}")
    return AreaFeature(name, poly.rings, poly.properties)


def _perimeter_check(path: Path, features: list[AreaFeature]) -> list[AreaFeature]:
    # The planner densifies every edge to ~10 m steps: bound the total outline it will walk.
    total = sum(
        math.dist(ring[i - 1], ring[i])
        for f in features
        for ring in f.rings
        for i in range(len(ring))
    )
    if total > MAX_OUTLINE_DEG:
        raise AreaFileError(
            f"{path}: the polygons' outlines total {total:.0f}° (limit {MAX_OUTLINE_DEG:.0f}°,"
            " ~2,200 km): expected the permits and pits around one WIUP"
        )
    return features


def _read_geojson(path: Path) -> list[AreaFeature]:
    try:
        data = limits.load_json(path)
        polys = list(geodoc.geojson_polygons(data, str(path), limits.MAX_AREA_VERTICES))
    except ImportFailed as exc:
        raise AreaFileError(str(exc.problems[0])) from exc
    out = [
        _checked_feature(path, poly, _feature_name(poly.properties, f"{path.stem} {i}"))
        for i, poly in enumerate(polys, start=1)
    ]
    if not out:
        raise AreaFileError(f"{path}: no Polygon or MultiPolygon features")
    return _perimeter_check(path, out)


def _read_kml(path: Path) -> list[AreaFeature]:
    try:
        root = limits.parse_xml(path)
        polys = list(geodoc.kml_polygons(root, str(path), limits.MAX_AREA_VERTICES))
    except ImportFailed as exc:
        raise AreaFileError(str(exc.problems[0])) from exc
    out = [
        _checked_feature(path, poly, poly.name or f"{path.stem} {i}")
        for i, poly in enumerate(polys, start=1)
    ]
    if not out:
        raise AreaFileError(f"{path}: no Placemark with a Polygon")
    return _perimeter_check(path, out)


def _read_sk_table(path: Path) -> list[AreaFeature]:
    """A neighbour's SK boundary table (CSV/TXT/XLSX): one polygon named after the file."""
    from fieldapp.exchange.boundary_import import read_boundary_table

    if path.suffix.lower() not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        raise AreaFileError(
            f"{path}: unsupported file type {path.suffix!r}: use GeoJSON, KML or an SK table"
        )
    try:
        table = read_boundary_table(path)
    except ImportFailed as exc:
        raise AreaFileError(str(exc.problems[0])) from exc
    ring = tuple((float(p.lon), float(p.lat)) for p in table.points)
    if problem := ring_problem(ring):
        raise AreaFileError(f"{path}: {problem}")
    return [AreaFeature(path.stem, (ring,), {"source": "sk_table"})]
