"""The job commands as a surveyor runs them: real processes, real job folders."""

import csv
import json
import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import ezdxf
import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "Loa-Kulu.fieldapp"
    r = fieldapp(
        "job",
        "create",
        str(path),
        "--name",
        "WIUP Loa Kulu",
        "--holder",
        "PT Uji",
        "--sk-number",
        "540/1127",
        "--sk-date",
        "2024-10-15",
        "--sk-area-ha",
        "745.54",
    )
    assert r.returncode == 0, r.stderr
    return path


def test_version() -> None:
    r = fieldapp("--version")
    assert r.returncode == 0 and r.stdout.startswith("fieldapp 0.")


def test_create_import_validate_json(job: Path) -> None:
    r = fieldapp("job", "import-boundary", str(job), str(DEMO / "titik_batas.csv"))
    assert r.returncode == 0, r.stderr
    assert "imported 10 boundary points" in r.stdout
    r = fieldapp("job", "validate", str(job), "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["area_ha"] == pytest.approx(745.54, abs=0.005)
    assert report["sk_area_ha"] == 745.54
    assert report["errors"] == [] and report["warnings"] == []
    assert [e["direction"] for e in report["edges"]] == ["E-W", "N-S"] * 5
    assert report["edges"][0] == {
        "from": "1",
        "to": "2",
        "direction": "E-W",
        "length_m": pytest.approx(2937.476, abs=1e-3),
    }


def test_invalid_polygon_exits_1_and_names_the_edge(job: Path, fixtures_dir: Path) -> None:
    fieldapp(
        "job", "import-boundary", str(job), str(fixtures_dir / "sk" / "sk_not_rectilinear.csv")
    )
    r = fieldapp("job", "validate", str(job), "--json")
    assert r.returncode == 1
    errors = json.loads(r.stdout)["errors"]
    edge_errors = [e for e in errors if e["code"] == "edge_not_rectilinear"]
    assert [e["edge"] for e in edge_errors] == [["3", "4"], ["4", "5"]] or [
        e["edge"] for e in edge_errors
    ] == [["3", "4"]]
    human = fieldapp("job", "validate", str(job))
    assert human.returncode == 1 and "KESALAHAN [edge_not_rectilinear] edge 3-4" in human.stdout


def test_malformed_table_fails_with_line_and_imports_nothing(job: Path, fixtures_dir: Path) -> None:
    assert (
        fieldapp("job", "import-boundary", str(job), str(DEMO / "titik_batas.csv")).returncode == 0
    )
    before = fieldapp("job", "show", str(job)).stdout
    bad = fixtures_dir / "sk" / "sk_letter_o.csv"
    r = fieldapp("job", "import-boundary", str(job), str(bad))
    assert r.returncode != 0
    assert f"{bad}:5: point 4, longitude" in r.stderr
    assert "nothing was imported" in r.stderr
    assert fieldapp("job", "show", str(job)).stdout == before


def test_xlsx_kml_geojson_imports(job: Path, fixtures_dir: Path) -> None:
    for name, count in [
        ("sk_split_columns.xlsx", 10),
        ("google_earth.kml", 4),
        ("wiup.geojson", 6),
    ]:
        r = fieldapp("job", "import-boundary", str(job), str(fixtures_dir / "sk" / name))
        assert r.returncode == 0 and f"imported {count} boundary points" in r.stdout, r.stderr


def test_control_import_is_all_or_nothing(job: Path, fixtures_dir: Path) -> None:
    fieldapp("job", "import-boundary", str(job), str(DEMO / "titik_batas.csv"))
    r = fieldapp("job", "import-control", str(job), str(fixtures_dir / "sk" / "kontrol_bad.csv"))
    assert r.returncode != 0
    assert f"{fixtures_dir / 'sk' / 'kontrol_bad.csv'}:3:" in r.stderr
    assert "BM-A" not in fieldapp("job", "show", str(job)).stdout
    assert fieldapp("job", "import-control", str(job), str(DEMO / "kontrol.csv")).returncode == 0
    again = fieldapp("job", "import-control", str(job), str(DEMO / "kontrol.csv"))
    assert again.returncode != 0 and "already in the job" in again.stderr


@pytest.mark.parametrize("fmt", ["csv", "geojson", "kml", "gpx", "dxf"])
def test_exports(job: Path, tmp_path: Path, fmt: str) -> None:
    fieldapp("job", "import-boundary", str(job), str(DEMO / "titik_batas.csv"))
    fieldapp("job", "import-control", str(job), str(DEMO / "kontrol.csv"))
    out = tmp_path / f"points.{fmt}"
    r = fieldapp("job", "export", str(job), "--format", fmt, "-o", str(out))
    assert r.returncode == 0, r.stderr
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        assert len(rows) == 1 + 10 + 12
        assert rows[1][3:5] == ["00° 31' 20,350\" LS", "116° 54' 10,125\" BT"]
        assert rows[1][8:] == ["489185.906", "9942267.908"]
    elif fmt == "geojson":
        data = json.loads(out.read_text())
        assert data["features"][0]["geometry"]["type"] == "Polygon"
        assert len(data["features"]) == 1 + 22
    elif fmt in ("kml", "gpx"):
        root = ET.parse(out).getroot()
        tag = "Placemark" if fmt == "kml" else "wpt"
        assert sum(1 for e in root.iter() if e.tag.endswith(tag)) == (23 if fmt == "kml" else 22)
    else:
        doc = ezdxf.readfile(out)
        layers = {e.dxf.layer for e in doc.modelspace()}
        assert {"WIUP", "TITIK_BATAS", "KONTROL"} <= layers
        poly = next(iter(doc.modelspace().query("LWPOLYLINE")))
        assert poly.closed and len(poly) == 10
        assert poly[0][0] == pytest.approx(489185.906, abs=1e-3)


def test_crs_convert_json_with_factors() -> None:
    r = fieldapp(
        "crs",
        "convert",
        "--from",
        "SRGI2013",
        "--to",
        "SRGI2013/UTM50S",
        "--json",
        "00° 31' 20,350\" LS",
        "116° 54' 10,125\" BT",
        "95",
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["e"] == pytest.approx(489185.906, abs=1e-3)
    assert out["n"] == pytest.approx(9942267.908, abs=1e-3)
    assert 0.9996 < out["point_scale_factor"] < 0.99961
    # gamma ~ dLon * sin(lat) a tenth of a degree west of the 117° central meridian.
    dlon, lat = 116 + 54 / 60 + 10.125 / 3600 - 117, -(31 / 60 + 20.35 / 3600)
    assert out["meridian_convergence_deg"] == pytest.approx(
        dlon * math.sin(math.radians(lat)), rel=1e-3
    )
    back = fieldapp(
        "crs",
        "convert",
        "--from",
        "SRGI2013/UTM50S",
        "--to",
        "SRGI2013",
        "--json",
        str(out["e"]),
        str(out["n"]),
    )
    geo = json.loads(back.stdout)
    assert geo["lat_dms"] == "00° 31' 20,35000\" LS"
    assert geo["lon"] == pytest.approx(116 + 54 / 60 + 10.125 / 3600, abs=1e-10)


def test_crs_convert_negative_decimal_and_bad_spec() -> None:
    r = fieldapp("crs", "convert", "--from", "WGS84", "--to", "DGN95/TM3-50.2", "-1.5", "118.0")
    assert r.returncode == 0 and r.stdout.startswith("E ")
    bad = fieldapp("crs", "convert", "--from", "UTM44S", "--to", "SRGI2013", "1", "2")
    assert bad.returncode == 2 and "UTM zone 44S" in bad.stderr


def test_demo_report(tmp_path: Path) -> None:
    r = fieldapp("demo", "--job", str(tmp_path / "d.fieldapp"), "--report")
    assert r.returncode == 0, r.stderr
    assert "Hasil: WIUP valid" in r.stdout and "745.54" in r.stdout
