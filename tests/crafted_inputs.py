"""Hostile boundary/control files, generated at test time (bombs are never committed).

Each builder writes one file into a folder and returns its path; ``BOUNDARY`` and ``CONTROL``
map a short id to a builder so a test can parametrize over them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
SK = Path(__file__).resolve().parent / "fixtures" / "sk"

# A small valid square near the demo WIUP (East Kalimantan, UTM 50S).
SQUARE = [[116.90, -0.50], [116.91, -0.50], [116.91, -0.51], [116.90, -0.51], [116.90, -0.50]]
PARIS = [[2.30, 48.85], [2.31, 48.85], [2.31, 48.86], [2.30, 48.86], [2.30, 48.85]]

Builder = Callable[[Path], Path]


def polygon(ring: Any) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def _text(name: str, content: str, encoding: str = "utf-8") -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding=encoding)
        return path

    return build


def _bytes(name: str, content: bytes) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return build


def _kml(coords: str, prolog: str = "", wrap: int = 0) -> str:
    body = f"<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>{coords}</coordinates>"
    body += "</LinearRing></outerBoundaryIs></Polygon></Placemark>"
    body = "<Folder>" * wrap + body + "</Folder>" * wrap
    return f'<?xml version="1.0"?>{prolog}<kml xmlns="http://www.opengis.net/kml/2.2">{body}</kml>'


ENTITY_BOMB = (
    '<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def xlsx_from_cells(path: Path, rows: list[list[Any]], dimension: str | None = None) -> Path:
    """A workbook written by openpyxl; ``dimension`` then overrides the declared sheet size."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    if dimension is not None:
        _rewrite_member(
            path,
            "xl/worksheets/sheet1.xml",
            lambda xml: _replace_dimension(xml, dimension),
        )
    return path


def _replace_dimension(xml: bytes, ref: str) -> bytes:
    start = xml.index(b"<dimension ")
    end = xml.index(b"/>", start) + 2
    return xml[:start] + f'<dimension ref="{ref}"/>'.encode() + xml[end:]


def _rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def _xlsx(rows: list[list[Any]], dimension: str | None = None) -> Builder:
    return lambda folder: xlsx_from_cells(folder / "table.xlsx", rows, dimension)


def _odd_cells(folder: Path) -> Path:
    rows: list[list[Any]] = [
        ["No", "Bujur (BT)", "Lintang (LS)"],
        [1, "116 54 10,125 BT", "00 31 20,350 LS"],
        [2, "=1/0", dt.datetime(2024, 10, 15)],
        [True, "#DIV/0!", None],
        [4, float("nan"), 1e308],
    ]
    return xlsx_from_cells(folder / "odd_cells.xlsx", rows)


def _bad_cell_xml(folder: Path) -> Path:
    path = xlsx_from_cells(folder / "bad_cell.xlsx", [["No", "Bujur", "Lintang"], [1, 2, 3]])
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"<v>2</v>", b"<v>not-a-number</v>"),
    )
    return path


def _zip_bomb(folder: Path) -> Path:
    """A valid workbook whose sheet part unpacks to 64 MB of spaces (about 64 KB packed)."""
    path = xlsx_from_cells(folder / "bomb.xlsx", [["No", "Bujur", "Lintang"]])
    block = b" " * (1 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as f,
    ):
        for _ in range(64):
            f.write(block)
    return path


def _ratio_bomb(folder: Path) -> Path:
    """Under the size limit but compressed 1000 times: refused on the ratio."""
    path = xlsx_from_cells(folder / "ratio.xlsx", [["No", "Bujur", "Lintang"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/padding.xml", b"\0" * (8 << 20))
    return path


def _many_members(folder: Path) -> Path:
    path = xlsx_from_cells(folder / "members.xlsx", [["No", "Bujur", "Lintang"]])
    with zipfile.ZipFile(path, "a") as z:
        for i in range(600):
            z.writestr(f"xl/media/x{i}.bin", b"x")
    return path


def _sk_rows(n: int) -> str:
    return "No;Bujur (BT);Lintang (LS)\n" + "".join(
        f"{i};116 54 {i % 60:02d} BT;00 31 {(i * 7) % 60:02d} LS\n" for i in range(1, n + 1)
    )


_SK_HEADER = "No;Bujur (BT);Lintang (LS)\n"
MANY_ELEMENTS = _kml("1,1").replace("<Placemark>", '<a x="1"/>' * 99_000 + "<Placemark>", 1)
_DEMO_ROWS = (DEMO / "titik_batas.csv").read_text(encoding="utf-8")

BOUNDARY: dict[str, Builder] = {
    "geojson_nan_literal": _text("nan.geojson", polygon(SQUARE).replace("116.91", "NaN", 1)),
    "geojson_overflow_inf": _text("inf.geojson", polygon(SQUARE).replace("116.91", "1e400", 1)),
    "geojson_lat_95": _text("lat95.geojson", polygon(SQUARE).replace("-0.51", "95", 1)),
    "geojson_string_coords": _text("str.geojson", polygon([["a", "b"], *SQUARE])),
    "geojson_wrong_types": _text("types.geojson", '{"type":"Polygon","coordinates":5}'),
    "geojson_top_level_list": _text("list.geojson", "[1, 2, 3]"),
    "geojson_deep_nesting": _text("deep.geojson", "[" * 200_000 + "]" * 200_000),
    "geojson_empty_ring": _text("empty_ring.geojson", polygon([])),
    "geojson_collinear": _text(
        "line.geojson", polygon([[116.9, -0.5], [116.91, -0.5], [116.92, -0.5], [116.9, -0.5]])
    ),
    "geojson_outside_indonesia": _text("paris.geojson", polygon(PARIS)),
    "geojson_zone_46S": _text("zone46s.geojson", polygon([[x - 23.0, y - 4.0] for x, y in SQUARE])),
    "geojson_not_utf8": _bytes("latin.geojson", b'{"type": "Polygon", "name": "\xe9\xff"}'),
    "geojson_4mb_plus": _text("big.geojson", " " * (5 << 20) + polygon(SQUARE)),
    "kml_nan": _text("nan.kml", _kml("116.9,nan 116.91,-0.5 116.91,-0.51")),
    # Worst cases just under the size and element limits: the memory they cost is bounded.
    "geojson_4mb_of_arrays": _text("arrays.geojson", "[" + ",".join(["[]"] * 1_398_000) + "]"),
    "kml_many_elements": _text("many.kml", MANY_ELEMENTS),
    "kml_entity_bomb": _text("bomb.kml", _kml("&j;", ENTITY_BOMB)),
    "kml_external_entity": _text(
        "xxe.kml", _kml("&x;", '<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    ),
    "kml_deep_nesting": _text("deep.kml", _kml("116.9,-0.5", wrap=500)),
    "kml_binary_garbage": _bytes("garbage.kml", bytes(range(256)) * 64),
    "csv_duplicate_numbers": _text("dupe.csv", _DEMO_ROWS.replace("\n4;", "\n3;")),
    "csv_long_line": _text("long.csv", _SK_HEADER + "1;" + "9" * 1_000_000 + ";1 LS\n"),
    "csv_too_many_rows": _text("rows.csv", _sk_rows(20_000)),
    "csv_binary_garbage": _bytes("garbage.csv", bytes(range(256)) * 64),
    "csv_out_of_indonesia": _text(
        "north.csv", _SK_HEADER + "".join(f"{i};2 1{i} 00 BT;48 5{i} 00 LU\n" for i in range(4))
    ),
    "csv_nul_in_utf16": _bytes("utf16.txt", "\ufeffNo\tBujur\n".encode("utf-16-le") + b"\0\0"),
    "empty_file": _text("empty.csv", ""),
    "xlsx_named_csv": _bytes("table.csv", (SK / "sk_split_columns.xlsx").read_bytes()),
    "csv_named_xlsx": _text("table.xlsx", _DEMO_ROWS),
    "wrong_extension": _text("boundary.shp", _DEMO_ROWS),
    "xlsx_odd_cells": _odd_cells,
    "xlsx_bad_cell_xml": _bad_cell_xml,
    "xlsx_zip_bomb": _zip_bomb,
    "xlsx_ratio_bomb": _ratio_bomb,
    "xlsx_many_members": _many_members,
}

CONTROL: dict[str, Builder] = {
    "control_nan_easting": _text(
        "nan.csv", "Nama;Jenis;Easting;Northing;CRS\nBM-1;BM;nan;9942452.1;SRGI2013/UTM50S\n"
    ),
    "control_huge_height": _text(
        "h.csv",
        "Nama;Jenis;Easting;Northing;Tinggi;CRS\nBM-1;BM;488969.5;9942452.1;1e308;SRGI2013/UTM50S\n",
    ),
    "control_outside_indonesia": _text(
        "far.csv", "Nama;Jenis;Easting;Northing;CRS\nBM-1;BM;5000000;9942452.1;SRGI2013/UTM50S\n"
    ),
    "control_duplicate_names": _text(
        "dupe.csv",
        "Nama;Jenis;Lintang;Bujur;CRS\nBM-1;BM;0 31 10 LS;116 54 10 BT;SRGI2013\n"
        "BM-1;BM;0 31 11 LS;116 54 11 BT;SRGI2013\n",
    ),
    "control_xlsx_odd_cells": lambda folder: xlsx_from_cells(
        folder / "kontrol.xlsx",
        [
            ["Nama", "Jenis", "Lintang", "Bujur", "Tinggi", "CRS"],
            [True, "BM", dt.time(0, 31, 10), "=A1", float("inf"), "SRGI2013"],
        ],
    ),
}


def _activity(depth: str) -> str:
    feature = {
        "type": "Feature",
        "properties": {"name": "Pit 1", "kind": "pit", "depth_m": "__DEPTH__"},
        "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
    }
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).replace(
        '"__DEPTH__"', depth
    )


DEEP_JSON = '{"a":' * 5000 + "1" + "}" * 5000
# (option of `job plan`, builder): neighbour and activity-zone files.
AREAS: dict[str, tuple[str, Builder]] = {
    "neighbors_entity_bomb": ("--neighbors", _text("tetangga.kml", _kml("&j;", ENTITY_BOMB))),
    "neighbors_outside_indonesia": ("--neighbors", _text("paris.geojson", polygon(PARIS))),
    "neighbors_deep_json": ("--neighbors", _text("deep.geojson", DEEP_JSON)),
    "activity_infinite_depth": ("--activity", _text("pit.geojson", _activity("1e400"))),
    "activity_nan_depth": ("--activity", _text("pit_nan.geojson", _activity('"nan"'))),
}


def dump_job(folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the job's database (read-only), for before/after checks."""
    con = sqlite3.connect(f"file:{folder / 'job.sqlite'}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        out = {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
        out["pragma user_version"] = con.execute("PRAGMA user_version").fetchall()
        return out
    finally:
        con.close()


def star(vertices: int, amplitude: float) -> str:
    """A neighbour around the demo WIUP with many vertices: its outline grows with amplitude."""
    import math

    ring = [
        [
            116.92 + (0.05 + amplitude * (i % 2)) * math.cos(2 * math.pi * i / vertices),
            -0.535 + (0.05 + amplitude * (i % 2)) * math.sin(2 * math.pi * i / vertices),
        ]
        for i in range(vertices)
    ]
    return polygon([*ring, ring[0]])
