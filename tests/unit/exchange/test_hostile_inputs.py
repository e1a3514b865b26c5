"""What the readers refuse, and why, in one line naming the file and place (in process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.exchange.boundary_import import read_boundary_file
from fieldapp.exchange.control_import import read_control_table
from fieldapp.exchange.problems import ImportFailed

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo"
HEADER = "No;Bujur (BT);Lintang (LS)\n"
SQUARE = [[116.90, -0.50], [116.91, -0.50], [116.91, -0.51], [116.90, -0.51]]


def _refusal(path: Path, **kwargs: str) -> str:
    reader = read_control_table if "kontrol" in path.name else read_boundary_file
    with pytest.raises(ImportFailed) as info:
        reader(path, **kwargs)
    text = str(info.value.problems[0])
    assert text.startswith(str(path)), text
    return text


def _geojson(tmp_path: Path, ring: list[list[float]]) -> Path:
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps({"type": "Polygon", "coordinates": [ring]}), encoding="utf-8")
    return path


def test_duplicate_numbers_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dupe.csv"
    path.write_text((DEMO / "titik_batas.csv").read_text("utf-8").replace("\n7;", "\n2;"), "utf-8")
    assert _refusal(path) == (
        f"{path}:8: point number 2 appears twice (first on line 3):"
        " each Titik Batas needs its own number"
    )


def test_a_closing_row_repeating_point_1_is_still_read(tmp_path: Path) -> None:
    text = (DEMO / "titik_batas.csv").read_text(encoding="utf-8")
    path = tmp_path / "closed.csv"
    path.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    table = read_boundary_file(path)
    assert len(table.points) == 10 and "repeats point 1" in table.notes[0]


def test_excel_unicode_text_utf16_is_read(tmp_path: Path) -> None:
    text = (DEMO / "titik_batas.csv").read_text(encoding="utf-8").replace(";", "\t")
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode("utf-16"))  # Excel's "Unicode text": UTF-16 LE with a BOM
    assert len(read_boundary_file(path).points) == 10


@pytest.mark.parametrize(
    ("ring", "reason"),
    [
        ([], "no boundary points: a boundary needs at least 3"),
        (SQUARE[:2], "2 distinct point(s): a boundary needs at least 3"),
        ([[116.9, -0.5], [116.91, -0.5], [116.92, -0.5]], "the boundary has no area"),
        ([[x, y + 49.4] for x, y in SQUARE], "latitude 48.900000° N is outside Indonesia"),
        ([[x - 23.0, y - 4.0] for x, y in SQUARE], "UTM zone 46S is outside Indonesia's zones"),
        ([[x + 30.0, y] for x, y in SQUARE], "outside Indonesia's UTM zones 46-54"),
    ],
)
def test_degenerate_or_foreign_boundaries_are_refused(
    tmp_path: Path, ring: list[list[float]], reason: str
) -> None:
    assert reason in _refusal(_geojson(tmp_path, ring))


def test_a_long_or_unprintable_point_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(HEADER + "1\x07;116 54 10 BT;0 31 20 LS\n", encoding="utf-8")
    assert "is not a Titik Batas number" in _refusal(path)


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ("BM-1;BM;inf;9942452.1;;", "Easting: not a number: 'inf'"),
        ("BM-1;BM;488_969.5;9942452.1;;", "Easting: not a number: '488_969.5'"),
        ("BM-1;BM;488969.5;9942452.1;1e308;", "height (Tinggi) 1e+308 m is out of range"),
        ("BM-1;BM;488969.5;9942452.1;;-0,5", "sigma_h -0.5 m is out of range (0 to 10 m)"),
        ("BM-1;BM;488969.5;99424520.1;;", "is outside Indonesia"),
    ],
)
def test_control_values_are_finite_and_plausible(tmp_path: Path, cells: str, reason: str) -> None:
    path = tmp_path / "kontrol.csv"
    path.write_text(f"Nama;Jenis;Easting;Northing;Tinggi;SigmaH\n{cells}\n", encoding="utf-8")
    assert reason in _refusal(path, default_crs="SRGI2013/UTM50S")


def test_xlsx_dimension_is_ignored_in_process(tmp_path: Path) -> None:
    from crafted_inputs import xlsx_from_cells

    rows = [
        [c.strip() for c in line.split(";")]
        for line in (DEMO / "titik_batas.csv").read_text(encoding="utf-8").splitlines()
    ]
    path = xlsx_from_cells(tmp_path / "dim.xlsx", rows, dimension="A1:XFD1048576")
    assert [p.number for p in read_boundary_file(path).points] == [str(i) for i in range(1, 11)]


def test_a_folder_or_a_missing_file_says_which(tmp_path: Path) -> None:
    folder = tmp_path / "boundary.csv"
    folder.mkdir()
    assert _refusal(folder).endswith("a folder, not a file")
    assert _refusal(tmp_path / "none.csv").endswith("no such file")


def test_angles_excel_turned_into_durations_and_times_read_back(tmp_path: Path) -> None:
    """Excel stores a typed 116:54:10,125 as 116 hours; 00:31:20,35 as a time of day."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["No", "Bujur (BT)", "Lintang (LS)"])
    corners = [(10.125, 20.35), (45.125, 20.35), (45.125, 50.35), (10.125, 50.35)]
    for i, (lon_s, lat_s) in enumerate(corners, start=1):
        ws.append([i, dt.timedelta(hours=116, minutes=54, seconds=lon_s), dt.time(0, 31)])
        ws.cell(i + 1, 2).number_format = "[h]:mm:ss.000"
        ws.cell(i + 1, 3).value = dt.time(0, 31, int(lat_s), round(lat_s % 1 * 1e6))
    path = tmp_path / "durations.xlsx"
    wb.save(path)
    first = read_boundary_file(path).points[0]
    assert first.lon == pytest.approx(116 + 54 / 60 + 10.125 / 3600, abs=1e-9)
    assert first.lat == pytest.approx(-(31 / 60 + 20.35 / 3600), abs=1e-9)


def test_a_deeply_nested_attribute_is_no_name_and_no_depth(tmp_path: Path) -> None:
    """Only strings and numbers are names and depths; a nested list was a 1,800-char name."""
    from fieldapp.exchange.areas import AreaFileError, read_activity_zones, read_neighbors

    deep = "[" * 900 + "]" * 900
    square = json.dumps([[*SQUARE, SQUARE[0]]])
    path = tmp_path / "nb.geojson"
    props = f'{{"name": {deep}, "depth_m": {deep}}}'
    geometry = f'{{"type": "Polygon", "coordinates": {square}}}'
    feature = f'{{"type": "Feature", "properties": {props}, "geometry": {geometry}}}'
    path.write_text(feature, encoding="utf-8")
    assert [n.name for n in read_neighbors(path)] == ["nb 1"]
    with pytest.raises(AreaFileError, match="depth_m is not a number"):
        read_activity_zones(path)


def test_the_cli_line_stays_readable_for_thousands_of_long_bad_rows(tmp_path: Path) -> None:
    from fieldapp.commands.job import import_refused

    path = tmp_path / "fat.csv"
    path.write_text(HEADER + f"1;{'x' * 4000};0 31 20 LS\n" * 2000, encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        read_boundary_file(path)
    line = str(import_refused(info.value))
    assert len(line) < 1200 and "\n" not in line
    assert line.startswith(f"{path}:2: point 1, longitude (Bujur): 'xxx")
    assert line.endswith("(and 1996 more); nothing was imported, the job is unchanged")
