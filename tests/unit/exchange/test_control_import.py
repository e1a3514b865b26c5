"""Control points from CSV: geographic or grid input, converted to SRGI2013."""

from pathlib import Path

import pytest

from fieldapp.exchange.control_import import read_control_table
from fieldapp.exchange.problems import ImportFailed
from fieldapp.survey.crs import parse_crs, transform
from fieldapp.survey.models import ControlKind

ROOT = Path(__file__).resolve().parents[3]


def test_grid_coordinates_are_converted_and_kept_as_given() -> None:
    points = read_control_table(ROOT / "resources" / "demo" / "kontrol.csv")
    assert len(points) == 12
    bm = points[0]
    assert bm.kind is ControlKind.BM and bm.input_crs == "SRGI2013/UTM50S"
    e, n, _ = transform(parse_crs("SRGI2013"), parse_crs("SRGI2013/UTM50S"), bm.lon, bm.lat)
    assert (e, n) == pytest.approx((bm.input_a, bm.input_b), abs=1e-6)
    assert points[2].kind is ControlKind.TITIK_BANTU and points[2].tied_to == "BM-01"
    assert bm.sigma_h == 0.012 and bm.h == 96.412


def test_geographic_dms_with_decimal_commas(fixtures_dir: Path) -> None:
    points = read_control_table(fixtures_dir / "sk" / "kontrol_geo.csv")
    assert points[0].lat == pytest.approx(-(31 / 60 + 10 / 3600))
    assert points[1].kind is ControlKind.TITIK_BANTU and points[1].h == 96.1


def test_bad_rows_are_all_reported_with_lines(fixtures_dir: Path) -> None:
    with pytest.raises(ImportFailed) as info:
        read_control_table(fixtures_dir / "sk" / "kontrol_bad.csv")
    assert [p.line for p in info.value.problems] == [3, 4]
    assert "expected BM, TB" in info.value.problems[0].message
    assert "not a number" in info.value.problems[1].message
