"""Control points (BM, Titik Bantu, JKHN) from CSV/XLSX: lat/lon/h or E/N/h with a CRS."""

from __future__ import annotations

import math
import re
from pathlib import Path

from pyproj.exceptions import ProjError

from fieldapp.exchange.limits import not_a_file, show
from fieldapp.exchange.plausible import HEIGHT_RANGE, SIGMA_MAX_M, lonlat_problem, value_problem
from fieldapp.exchange.problems import ImportFailed, Problem
from fieldapp.exchange.tables import Row, read_rows
from fieldapp.survey.crs import CrsError, GridSpec, parse_crs, transform
from fieldapp.survey.dms import DmsError, parse_angle
from fieldapp.survey.models import ControlKind, ControlPoint

_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("nama", "name", "titik", "id", "kode"),
    "kind": ("jenis", "type", "tipe", "kind", "kategori"),
    "lat": ("lintang", "latitude", "lat"),
    "lon": ("bujur", "longitude", "lon", "long"),
    "e": ("easting", "timur", "e", "x"),
    "n": ("northing", "utara", "n", "y"),
    "h": ("tinggi", "height", "h", "elevasi", "z"),
    "crs": ("crs", "datum", "sistem"),
    "tied_to": ("terikat", "tied", "diikat", "ikatan"),
    "source": ("sumber", "source", "keterangan"),
    "sigma_h": ("sigmah", "sigma_h", "sh"),
    "sigma_v": ("sigmav", "sigma_v", "sv"),
}
_KINDS = {
    "bm": ControlKind.BM,
    "benchmark": ControlKind.BM,
    "tb": ControlKind.TITIK_BANTU,
    "titikbantu": ControlKind.TITIK_BANTU,
    "titik_bantu": ControlKind.TITIK_BANTU,
    "auxiliary": ControlKind.TITIK_BANTU,
    "jkhn": ControlKind.JKHN,
}


def _header_map(row: Row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        key = re.sub(r"[^a-z_]", "", cell.lower().split("(")[0])
        for column, names in _COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    return found


_MAX_NAME_CHARS = 40
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")


def _number(text: str, what: str = "value") -> float:
    """A decimal number as typed (a decimal comma too); never nan, inf or 1_000."""
    t = text.strip().replace(" ", "")
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    if not _DECIMAL.fullmatch(t):
        raise ValueError(f"{what}: not a number: {text.strip()[:40]!r}")
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(f"{what}: {text.strip()[:40]!r} is not a finite number")
    return value


def _checked(value: float | None, what: str, low: float, high: float) -> float | None:
    if value is not None and (problem := value_problem(value, what, low, high)):
        raise ValueError(problem)
    return value


def _to_srgi(spec: GridSpec, srgi: GridSpec, a: float, b: float) -> tuple[float, float]:
    """(lon, lat) in SRGI2013 of x=a, y=b in ``spec``, refused unless it lies in Indonesia."""
    try:
        lon, lat, _ = transform(spec, srgi, a, b)
    except ProjError as exc:
        raise ValueError(f"cannot convert ({a:g}, {b:g}) from {spec.code}: {exc}") from exc
    if problem := lonlat_problem(lon, lat):
        raise ValueError(f"({a:g}, {b:g}) in {spec.code}: {problem}")
    return lon, lat


def read_control_table(path: str | Path, default_crs: str = "SRGI2013") -> list[ControlPoint]:
    """Read control points; every bad row is reported as FILE:LINE and nothing is returned."""
    p = Path(path)
    name = str(p)
    if not p.is_file():
        raise ImportFailed([Problem(name, None, not_a_file(p))])
    rows = [r for r in read_rows(p) if not r.blank]
    if not rows:
        raise ImportFailed([Problem(name, None, "the file is empty")])
    header = _header_map(rows[0])
    geographic = "lat" in header and "lon" in header
    projected = "e" in header and "n" in header
    if "name" not in header or not (geographic or projected):
        raise ImportFailed(
            [
                Problem(
                    name,
                    rows[0].line,
                    "expected a header with Nama, Jenis and either Lintang/Bujur or"
                    " Easting/Northing (optional Tinggi, CRS, Terikat, Sumber, SigmaH, SigmaV)",
                )
            ]
        )
    problems: list[Problem] = []
    points: list[ControlPoint] = []
    seen: dict[str, int] = {}
    srgi = parse_crs("SRGI2013")
    for row in rows[1:]:

        def cell(column: str, row: Row = row) -> str:
            i = header.get(column)
            return row.cells[i].strip() if i is not None and i < len(row.cells) else ""

        label = cell("name")
        where = f"point {label}" if label else "row"
        try:
            if not label:
                raise ValueError("the name (Nama) is empty")
            if len(label) > _MAX_NAME_CHARS or not label.isprintable():
                raise ValueError(
                    f"the name {show(label)} is not a point name"
                    f" (at most {_MAX_NAME_CHARS} printable characters)"
                )
            if label in seen:
                raise ValueError(f"{label} appears twice in the file (first on line {seen[label]})")
            kind_text = re.sub(r"[\s-]", "", cell("kind").lower()) or "tb"
            if kind_text not in _KINDS:
                raise ValueError(f"type {cell('kind')!r}: expected BM, TB (Titik Bantu) or JKHN")
            crs_text = cell("crs") or default_crs
            spec: GridSpec = parse_crs(crs_text)
            h = _number(cell("h"), "height (Tinggi)") if cell("h") else None
            _checked(h, "height (Tinggi)", *HEIGHT_RANGE)
            if geographic:
                if not spec.is_geographic:
                    raise ValueError(f"CRS {crs_text} is a grid but the columns are Lintang/Bujur")
                a = parse_angle(cell("lat"), "lat").degrees
                b = parse_angle(cell("lon"), "lon").degrees
                lon, lat = _to_srgi(spec, srgi, b, a)
            else:
                if spec.is_geographic:
                    raise ValueError(f"CRS {crs_text} is geographic but the columns are E/N")
                a, b = _number(cell("e"), "Easting"), _number(cell("n"), "Northing")
                lon, lat = _to_srgi(spec, srgi, a, b)
            sigmas = [
                _checked(_number(cell(k), k) if cell(k) else None, k, 0.0, SIGMA_MAX_M)
                for k in ("sigma_h", "sigma_v")
            ]
            points.append(
                ControlPoint(
                    name=label,
                    kind=_KINDS[kind_text],
                    lat=lat,
                    lon=lon,
                    h=h,
                    input_crs=spec.code,
                    input_a=a,
                    input_b=b,
                    tied_to=cell("tied_to") or None,
                    source=cell("source") or f"{p.name}:{row.line}",
                    sigma_h=sigmas[0],
                    sigma_v=sigmas[1],
                )
            )
            seen[label] = row.line
        except (ValueError, DmsError, CrsError) as exc:
            message = str(exc)
            problems.append(Problem(name, row.line, f"{where}: {message}"))
    if problems:
        raise ImportFailed(problems)
    return points
