"""SK tables as surveyors type them: CSV with decimal commas, XLSX, KML, GeoJSON, bad rows."""

from pathlib import Path

import pytest

from fieldapp.exchange.boundary_import import read_boundary_file
from fieldapp.exchange.problems import ImportFailed

LON1 = 116 + 54 / 60 + 10.125 / 3600
LAT1 = -(31 / 60 + 20.350 / 3600)


@pytest.mark.parametrize("name", ["sk_semicolon.csv", "sk_split_columns.xlsx"])
def test_sk_tables_with_decimal_commas(fixtures_dir: Path, name: str) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / name)
    assert [p.number for p in table.points] == [str(i) for i in range(1, 11)]
    first = table.points[0]
    assert first.lon == pytest.approx(LON1, abs=1e-12)
    assert first.lat == pytest.approx(LAT1, abs=1e-12)
    assert table.points[4].lat == pytest.approx(-(32 / 60 + 45.350 / 3600), abs=1e-12)
    assert first.source is not None and first.source.startswith(name)
    assert not table.notes


def test_source_keeps_the_line_of_each_point(fixtures_dir: Path) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / "sk_semicolon.csv")
    assert table.points[0].source == "sk_semicolon.csv:3"  # after a title line and the header
    assert table.points[0].lon_text == "116° 54' 10,125\" BT"


def test_column_order_follows_the_header(fixtures_dir: Path) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / "sk_swapped_tab.txt")
    assert table.points[0].lon == pytest.approx(LON1) and table.points[0].lat == pytest.approx(LAT1)
    assert not table.notes


def test_swapped_columns_are_detected_and_said(fixtures_dir: Path) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / "sk_swapped_headers.csv")
    assert table.points[0].lon == pytest.approx(LON1) and table.points[0].lat == pytest.approx(LAT1)
    assert len(table.notes) == 1 and "swapped" in table.notes[0]


def test_decimal_degree_columns_swapped(tmp_path: Path) -> None:
    f = tmp_path / "dd.csv"
    f.write_text("No,Longitude,Latitude\n1,-0.5,116.9\n2,-0.5,117.0\n3,-0.6,117.0\n4,-0.6,116.9\n")
    table = read_boundary_file(f)
    assert table.points[0].lon == 116.9 and table.points[0].lat == -0.5
    assert "swapped" in table.notes[0]


def test_google_earth_kml(fixtures_dir: Path) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / "google_earth.kml")
    assert [(p.lon, p.lat) for p in table.points] == [
        (116.25, -0.25),
        (116.275, -0.25),
        (116.275, -0.275),
        (116.25, -0.275),
    ]


def test_geojson_polygon(fixtures_dir: Path) -> None:
    table = read_boundary_file(fixtures_dir / "sk" / "wiup.geojson")
    assert len(table.points) == 6 and table.points[0].number == "1"
    assert (table.points[3].lon, table.points[3].lat) == (121.51, -3.12)


def test_letter_o_for_zero_names_the_line(fixtures_dir: Path) -> None:
    path = fixtures_dir / "sk" / "sk_letter_o.csv"
    with pytest.raises(ImportFailed) as info:
        read_boundary_file(path)
    [problem] = info.value.problems
    assert problem.line == 5
    assert str(problem).startswith(f"{path}:5: point 4, longitude")
    assert "letter O" in problem.message


def test_every_bad_line_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(
        "No;Bujur (BT);Lintang (LS)\n1;116 05 12,3 BT;1 22 03 LS\n2;116 65 00 BT;1 22 03 LS\n"
        "3;116 05 12 BT;1 22 61 LS\n;116 05 12 BT;1 23 00 LS\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as info:
        read_boundary_file(f)
    assert [p.line for p in info.value.problems] == [3, 4, 5]
    assert "minutes 65" in info.value.problems[0].message
    assert "seconds 61" in info.value.problems[1].message
    assert "number (No) is empty" in info.value.problems[2].message


def test_missing_hemisphere_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "nohemi.csv"
    f.write_text("No;Bujur;Lintang\n1;116 05 12,3;1 22 03,000\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="no hemisphere"):
        read_boundary_file(f)


def test_windows_encoding_and_closing_row(tmp_path: Path) -> None:
    f = tmp_path / "cp1252.csv"
    rows = [
        "No;Bujur (BT);Lintang (LS)",
        "1;116° 0' 0\" BT;1° 0' 0\" LS",
        "2;116° 1' 0\" BT;1° 0' 0\" LS",
        "3;116° 1' 0\" BT;1° 1' 0\" LS",
        "4;116° 0' 0\" BT;1° 1' 0\" LS",
        "5;116° 0' 0\" BT;1° 0' 0\" LS",
    ]
    f.write_bytes("\r\n".join(rows).encode("cp1252"))
    table = read_boundary_file(f)
    assert len(table.points) == 4 and "repeats point 1" in table.notes[0]


@pytest.mark.parametrize(
    "name, content", [("x.json", "{not json"), ("x.kml", "<kml><Placemark>"), ("x.pdf", "")]
)
def test_unreadable_formats_say_why(tmp_path: Path, name: str, content: str) -> None:
    f = tmp_path / name
    f.write_text(content)
    with pytest.raises(ImportFailed) as info:
        read_boundary_file(f)
    assert str(info.value).startswith(str(f))
