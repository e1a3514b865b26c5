"""Boundary points (Titik Batas) from an SK attachment table, GeoJSON or KML.

Tables are read as a surveyor types them from the decree: ``No;Bujur (BT);Lintang (LS)``
with DMS and a decimal comma, in CSV/TXT (semicolon, comma or tab) or XLSX, degrees,
minutes and seconds in one cell or split over several. Every problem found is reported
with its line; nothing is returned unless the whole table is good.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.exchange import geodoc, limits
from fieldapp.exchange.geodoc import LonLat
from fieldapp.exchange.limits import refuse
from fieldapp.exchange.plausible import boundary_problem, lonlat_problem
from fieldapp.exchange.problems import ImportFailed, Problem
from fieldapp.exchange.tables import Row, read_rows
from fieldapp.survey.dms import DmsError, ParsedAngle, parse_angle
from fieldapp.survey.models import BoundaryPoint

_NUMBER_WORDS = {"no", "nomor", "nomer", "titik", "tb", "point", "pt", "id", "nama", "name"}
_LON_WORDS = {"bujur", "bt", "bb", "longitude", "long", "lon", "lng", "x", "timur", "barat"}
_LAT_WORDS = {"lintang", "ls", "lu", "latitude", "lat", "y", "selatan", "utara"}
_SOUTH_WORDS = {"ls", "selatan", "s"}
_WEST_WORDS = {"bb", "barat", "w"}
# Indonesia lies within 6°N..11°S and 94°E..141°E: decimal values outside say "swapped".
_INDONESIA_LAT = 15.0
# SK numbers are "1", "12A", "TB-03": they name markers, photos and report rows.
_MAX_NUMBER_CHARS = 20
_INDONESIA_LON = (90.0, 145.0)


@dataclass(frozen=True, slots=True)
class BoundaryTable:
    """The points read, and notes about what the reader had to interpret."""

    points: list[BoundaryPoint]
    notes: list[str] = field(default_factory=list)


def _words(cell: str) -> set[str]:
    return set(re.findall(r"[a-z]+", cell.lower()))


@dataclass
class _Layout:
    number: int
    lon: range
    lat: range
    lon_sign: int
    lat_sign: int
    lat_hemisphere_in_header: bool
    header_line: int | None


def _find_layout(rows: list[Row]) -> _Layout:
    for row in rows[:30]:
        words = [_words(c) for c in row.cells]
        lon_idx = next((i for i, w in enumerate(words) if w & _LON_WORDS), None)
        lat_idx = next((i for i, w in enumerate(words) if w & _LAT_WORDS), None)
        if lon_idx is None or lat_idx is None or lon_idx == lat_idx:
            continue
        num_idx = next((i for i, w in enumerate(words) if w & _NUMBER_WORDS), 0)
        starts = sorted(i for i, c in enumerate(row.cells) if c.strip())

        def span(start: int, starts: list[int] = starts, width: int = len(row.cells)) -> range:
            # A header cell covers the empty (merged) cells after it: split D/M/S columns.
            nxt = [s for s in starts if s > start]
            return range(start, nxt[0] if nxt else max(width, start + 1))

        return _Layout(
            num_idx,
            span(lon_idx),
            span(lat_idx),
            -1 if words[lon_idx] & _WEST_WORDS else 1,
            -1 if words[lat_idx] & _SOUTH_WORDS else 1,
            bool(words[lat_idx] & {"ls", "lu", "selatan", "utara"}),
            row.line,
        )
    return _Layout(0, range(1, 2), range(2, 3), 1, 1, False, None)


def _join(cells: tuple[str, ...], span: range, open_end: bool) -> str:
    stop = len(cells) if open_end else span.stop
    return " ".join(c for c in cells[span.start : stop] if c.strip())


def _apply_header_sign(angle: ParsedAngle, text: str, sign: int) -> float:
    explicit = angle.axis is not None or text.strip().startswith(("-", "−"))
    return angle.degrees if explicit else angle.degrees * sign


def read_boundary_table(path: Path) -> BoundaryTable:
    """Read an SK table (CSV/TXT/XLSX); raise ImportFailed listing every bad line."""
    name = str(path)
    rows = read_rows(path)
    layout = _find_layout(rows)
    problems: list[Problem] = []
    notes: list[str] = []
    parsed: list[tuple[Row, str, ParsedAngle, ParsedAngle, str, str]] = []
    last_col = max(layout.lon.stop, layout.lat.stop)
    for row in rows:
        if layout.header_line is not None and row.line <= layout.header_line:
            continue
        if row.blank or not any(ch.isdigit() for ch in "".join(row.cells)):
            continue  # blank lines and unit sub-headers such as "°  '  \""
        cells = row.cells + ("",) * max(0, last_col - len(row.cells))
        number = cells[layout.number].strip() if layout.number < len(cells) else ""
        if re.fullmatch(r"\d+\.0", number):
            number = number[:-2]
        lon_open = layout.lon.start > layout.lat.start
        lon_text = _join(cells, layout.lon, lon_open)
        lat_text = _join(cells, layout.lat, not lon_open)
        if not number:
            problems.append(Problem(name, row.line, "the point number (No) is empty"))
            continue
        if len(number) > _MAX_NUMBER_CHARS or not number.isprintable():
            problems.append(
                Problem(
                    name,
                    row.line,
                    f"the point number {limits.show(number)} is not a Titik Batas number"
                    f" (at most {_MAX_NUMBER_CHARS} printable characters)",
                )
            )
            continue
        try:
            lon = parse_angle(lon_text)
        except DmsError as exc:
            problems.append(Problem(name, row.line, f"point {number}, longitude (Bujur): {exc}"))
            continue
        try:
            lat = parse_angle(lat_text)
        except DmsError as exc:
            problems.append(Problem(name, row.line, f"point {number}, latitude (Lintang): {exc}"))
            continue
        parsed.append((row, number, lon, lat, lon_text, lat_text))

    if problems:
        raise ImportFailed(problems)
    if not parsed:
        raise ImportFailed(
            [Problem(name, None, "no boundary points found (expected No;Bujur;Lintang)")]
        )
    if len(parsed) > limits.MAX_VERTICES:
        raise refuse(
            name,
            f"{len(parsed)} boundary points: more than {limits.MAX_VERTICES} is not an SK table",
        )

    swapped = _detect_swap(parsed)
    if swapped:
        notes.append(
            f"{name}: the longitude and latitude columns are swapped ({swapped});"
            " read them the other way round"
        )
    points: list[BoundaryPoint] = []
    lines: dict[str, int] = {}
    for row, number, lon, lat, lon_text, lat_text in parsed:
        lon_sign, lat_sign = layout.lon_sign, layout.lat_sign
        hemisphere_known = layout.lat_hemisphere_in_header
        if swapped:
            lon, lat, lon_text, lat_text = lat, lon, lat_text, lon_text
            # The header words describe the wrong column: trust only the values themselves.
            lon_sign = lat_sign = 1
            hemisphere_known = False
        lat_deg = _apply_header_sign(lat, lat_text, lat_sign)
        lon_deg = _apply_header_sign(lon, lon_text, lon_sign)
        if lat.seconds_decimals is not None and lat.axis is None and not hemisphere_known:
            problems.append(
                Problem(
                    name,
                    row.line,
                    f"point {number}: latitude {lat_text!r} has no hemisphere: add LS or LU"
                    " to the value or to the column header (e.g. 'Lintang (LS)')",
                )
            )
            continue
        if problem := lonlat_problem(lon_deg, lat_deg):
            problems.append(Problem(name, row.line, f"point {number}: {problem}"))
            continue
        lines.setdefault(number, row.line)
        points.append(
            BoundaryPoint(number, lat_deg, lon_deg, lat_text, lon_text, f"{path.name}:{row.line}")
        )
    if problems:
        raise ImportFailed(problems)
    points, notes = _drop_closing_repeat(points, notes, name)
    seen: set[str] = set()
    for p in points:
        if p.number in seen:
            line = int((p.source or ":0").rsplit(":", 1)[1])
            problems.append(
                Problem(
                    name,
                    line,
                    f"point number {p.number} appears twice (first on line {lines[p.number]}):"
                    " each Titik Batas needs its own number",
                )
            )
        seen.add(p.number)
    if problems:
        raise ImportFailed(problems)
    return BoundaryTable(points, notes)


def _detect_swap(parsed: list[tuple[Row, str, ParsedAngle, ParsedAngle, str, str]]) -> str:
    lon_axes = {p[2].axis for p in parsed}
    lat_axes = {p[3].axis for p in parsed}
    if lon_axes == {"lat"} and lat_axes == {"lon"}:
        return "the Bujur column holds LS/LU values and the Lintang column BT/BB values"
    if None in lon_axes and None in lat_axes:
        lons = [abs(p[2].degrees) for p in parsed]
        lats = [abs(p[3].degrees) for p in parsed]
        if max(lons) <= _INDONESIA_LAT and all(
            _INDONESIA_LON[0] <= v <= _INDONESIA_LON[1] for v in lats
        ):
            return (
                "the longitude column holds values near the equator,"
                " the latitude column values of 90-145°"
            )
    return ""


def _drop_closing_repeat(
    points: list[BoundaryPoint], notes: list[str], name: str
) -> tuple[list[BoundaryPoint], list[str]]:
    if len(points) > 2 and (points[0].lat, points[0].lon) == (points[-1].lat, points[-1].lon):
        notes.append(
            f"{name}: the last row repeats point {points[0].number}; the ring closes by itself"
        )
        points = points[:-1]
    return points, notes


def _ring_points(ring: tuple[LonLat, ...], source: str, where: str) -> BoundaryTable:
    name = source
    for i, (lon, lat) in enumerate(ring):
        if problem := lonlat_problem(lon, lat):
            # A GeoJSON place is a JSON path, a KML one a placemark: say the vertex each way.
            at = f"{where}[{i}]" if where.endswith("]") else f"{where}, vertex {i + 1}"
            raise refuse(name, f"{at}: {problem}")
    label = Path(source).name
    return BoundaryTable(
        [
            BoundaryPoint(str(i), lat, lon, repr(lat), repr(lon), label)
            for i, (lon, lat) in enumerate(ring, start=1)
        ]
    )


def read_boundary_geojson(path: Path) -> BoundaryTable:
    """The outer ring of the first Polygon (or one-part MultiPolygon) in the file."""
    name = str(path)
    data = limits.load_json(path)
    for poly in geodoc.geojson_polygons(data, name, limits.MAX_VERTICES):
        if len(poly.rings) != 1:
            raise refuse(
                name,
                f"{poly.where}: a MultiPolygon of {len(poly.rings)} parts: a WIUP boundary"
                " is one polygon",
            )
        return _ring_points(poly.rings[0], name, poly.ring_where[0])
    raise refuse(name, "expected a GeoJSON Polygon (or a MultiPolygon with one part)")


def read_boundary_kml(path: Path) -> BoundaryTable:
    """The outer ring of the first Polygon placemark (Google Earth style)."""
    name = str(path)
    root = limits.parse_xml(path)
    for poly in geodoc.kml_polygons(root, name, limits.MAX_VERTICES):
        return _ring_points(poly.rings[0], name, poly.ring_where[0])
    raise refuse(name, "no Polygon with coordinates in this KML")


def read_boundary_file(path: str | Path) -> BoundaryTable:
    """Dispatch on the file type: CSV/TXT/TSV/XLSX tables, GeoJSON, KML.

    Whatever the format, the result is a polygon inside Indonesia with at least three
    distinct points and an area, or ImportFailed saying why not.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file():
        raise refuse(str(p), limits.not_a_file(p))
    if suffix in (".geojson", ".json"):
        table = read_boundary_geojson(p)
    elif suffix == ".kml":
        table = read_boundary_kml(p)
    elif suffix in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        table = read_boundary_table(p)
    else:
        raise ImportFailed(
            [
                Problem(
                    str(p), None, "unsupported file type: expected CSV, TXT, XLSX, GeoJSON or KML"
                )
            ]
        )
    if problem := boundary_problem(table.points):
        raise refuse(str(p), problem)
    return table
