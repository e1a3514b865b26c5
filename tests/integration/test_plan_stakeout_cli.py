"""`fieldapp job plan --json/--apply` and `fieldapp stakeout --replay` run as subprocesses."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from pyproj import Geod

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.crs import parse_crs
from fieldapp.survey.scale import mean_radius
from fieldapp.survey.stakeout import position_from_geographic, position_from_grid

GEOD = Geod(ellps="GRS80")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo job.fieldapp"  # a space, as on Windows desktops
    create_demo_job(path).close()
    return path


def test_job_plan_json_contract(demo: Path) -> None:
    res = run("job", "plan", str(demo), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert {"markers", "overlaps"} <= set(out)
    sk = {str(i) for i in range(1, 11)}
    for m in out["markers"]:
        assert set(m) >= {"name", "kind", "lat", "lon", "edge"}
        assert m["kind"] in ("corner", "infill")
        assert isinstance(m["lat"], float) and isinstance(m["lon"], float)
        assert len(m["edge"]) == 2 and set(m["edge"]) <= sk
        if m["kind"] == "corner":
            assert m["name"] == m["edge"][0]
        else:
            assert m["name"].startswith(m["edge"][0]) and m["name"][len(m["edge"][0]) :].isalpha()
    assert len(out["markers"]) == 23
    assert [o["kind"] for o in out["overlaps"]] == ["overlap", "gap"]
    for o in out["overlaps"]:
        assert set(o) >= {"neighbor", "area_m2", "area_ha", "max_width_m", "kind"}
        assert o["area_ha"] == pytest.approx(o["area_m2"] / 1e4, abs=1e-6)
    assert out["applied"] is False
    with JobStore.open(demo) as store:
        assert rec.load_markers(store.db) == []  # without --apply nothing is stored


def test_job_plan_apply_with_files_and_replan(demo: Path, tmp_path: Path) -> None:
    # A neighbour given as KML on the north edge 1-2 (lat 0° 31' 20,350" S), sharing its
    # western 1 km: markers at 0 / 500 / 1000 m instead of nothing.
    lat = -(31 * 60 + 20.350) / 3600
    lon_w = 116 + (54 * 60 + 10.125) / 3600
    lon_e = lon_w + math.degrees(1000.0 / 6378137.0 / math.cos(math.radians(lat)))
    coords = " ".join(
        f"{x},{y},0"
        for x, y in (
            (lon_w, lat),
            (lon_e, lat),
            (lon_e, lat + 0.01),
            (lon_w, lat + 0.01),
            (lon_w, lat),
        )
    )
    kml = tmp_path / "utara.kml"
    kml.write_text(
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
        "<name>PT Utara</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        f"{coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>",
        encoding="utf-8",
    )
    res = run("job", "plan", str(demo), "--neighbors", str(kml), "--apply", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    names = [m["name"] for m in out["markers"]]
    assert "1A" in names and "1B" in names and "4A" not in names  # stored neighbour replaced
    assert out["applied"] and "stored neighbour area PT Utara" in out["notes"]
    with JobStore.open(demo) as store:
        stored = {m.name for m in rec.load_markers(store.db)}
        assert stored == set(names)
        rec.set_marker_status(store.db, "1A", rec.MarkerStatus.INSTALLED)
        before = rec.load_marker(store.db, "1A")
    # Re-plan with the job's stored areas (demo neighbour + PT Utara + pit) and a spacing.
    res = run("job", "plan", str(demo), "--spacing", "300", "--apply")
    assert res.returncode == 0, res.stderr
    assert "plan stored in the job" in res.stdout
    with JobStore.open(demo) as store:
        after = rec.load_marker(store.db, "1A")
        assert (after.lat, after.lon, after.status) == (before.lat, before.lon, before.status)
        assert len(rec.load_geojson_rows(store.db, "neighbor_area")) == 2


def test_job_plan_bad_input_is_one_line(demo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "pits.geojson"
    ring = [[116.9, -0.5], [116.91, -0.5], [116.91, -0.51], [116.9, -0.5]]
    feature = {"type": "Feature", "properties": {"name": "P"}}
    feature["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    res = run("job", "plan", str(demo), "--activity", str(bad))
    assert res.returncode == 2
    assert "pit/dump" in res.stderr and "Traceback" not in res.stderr


def _nmea(body: str) -> bytes:
    cs = functools.reduce(lambda a, c: a ^ ord(c), body, 0)
    return f"${body}*{cs:02X}\r\n".encode()


def _as_sent(v: float) -> float:
    """The angle a GGA field with 8 decimals of minutes carries."""
    d = int(abs(v))
    return math.copysign(d + round((abs(v) - d) * 60, 8) / 60, v)


def _gga(t: dt.time, lat: float, lon: float, alt: float, sep: float) -> bytes:
    def dm(v: float, width: int) -> str:
        d = int(abs(v))
        return f"{d:0{width}d}{(abs(v) - d) * 60:011.8f}"

    body = (
        f"GPGGA,{t.strftime('%H%M%S')}.00,{dm(lat, 2)},{'N' if lat >= 0 else 'S'},"
        f"{dm(lon, 3)},{'E' if lon >= 0 else 'W'},4,14,0.7,{alt:.3f},M,{sep:.3f},M,1.0,0001"
    )
    return _nmea(body)


def test_stakeout_replay_walks_to_the_marker(demo: Path, tmp_path: Path) -> None:
    assert run("job", "plan", str(demo), "--apply").returncode == 0
    grid = parse_crs("SRGI2013/UTM50S")
    with JobStore.open(demo) as store:
        target = rec.load_marker(store.db, "5C")
    tp = position_from_geographic(grid, target.lat, target.lon, None)
    # Walk grid north from 12 m south of the marker, 1.5 m a second, then stand on it.
    steps = [-12.0 + 1.5 * i for i in range(8)] + [-0.6, -0.05, 0.0, 0.03]
    alt, sep = 40.0, 28.5
    capture = bytearray(b"# synthetic RTK walk to 5C\n")
    expected = []
    for i, dn in enumerate(steps):
        p = position_from_grid(grid, tp.e, tp.n + dn, None)
        capture += _gga(dt.time(2, 0, i), p.lat, p.lon, alt, sep)
        expected.append((_as_sent(p.lat), _as_sent(p.lon)))
    nmea = tmp_path / "walk.nmea"
    nmea.write_bytes(bytes(capture))

    res = run("stakeout", str(demo), "--target", "5C", "--replay", str(nmea), "--jsonl")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == len(steps)
    h = alt + sep
    for rec_, (lat, lon), dn in zip(lines, expected, steps, strict=True):
        # Independent figures: Geod azimuth and geodesic distance scaled to the height.
        az, _, dist = GEOD.inv(lon, lat, target.lon, target.lat)
        r = mean_radius(lat)
        # Against the position as sent (8 decimals of minutes); JSON keeps 0.1 mm / 1e-6 deg.
        assert rec_["distance_m"] == pytest.approx(dist * (r + h) / r, abs=1e-3)
        if dist > 0.5:
            assert (rec_["azimuth_deg"] - az % 360 + 180) % 360 - 180 == pytest.approx(0, abs=2e-6)
        assert rec_["dn_m"] == pytest.approx(-dn, abs=1e-3) and rec_["de_m"] == pytest.approx(
            0, abs=1e-3
        )
    assert lines[0]["heading_deg"] is None and lines[0]["forward_m"] is None
    assert lines[1]["heading_deg"] == pytest.approx(0.0, abs=0.01)
    assert lines[1]["forward_m"] == pytest.approx(10.5, abs=1e-3)
    # RTK fixed but no GST: the sigma is only estimated, so on the marker it is "quality".
    assert [x["state"] for x in lines] == ["far"] * 7 + ["near"] * 2 + ["quality"] * 3
    assert lines[-1]["fix"] == "rtk fixed" and lines[-1]["sigma_source"] == "estimated"

    text = run("stakeout", str(demo), "--target", "5C", "--replay", str(nmea))
    assert text.returncode == 0, text.stderr
    out = text.stdout.splitlines()
    assert len(out) == len(steps)
    assert "heading unknown" in out[0] and "FAR" in out[0] and "dN +12.000" in out[0]
    assert "NOT PROVEN" in out[-1] and "rtk fixed" in out[-1] and "estimated" in out[-1]


def test_stakeout_unknown_target_and_nearest(demo: Path, tmp_path: Path) -> None:
    res = run("stakeout", str(demo), "--target", "5C", "--replay", str(tmp_path / "x.nmea"))
    assert res.returncode == 2 and "no markers" in res.stderr
    assert run("job", "plan", str(demo), "--apply").returncode == 0
    res = run("stakeout", str(demo), "--target", "99Z", "--replay", str(tmp_path / "x.nmea"))
    assert res.returncode == 2 and "no marker named '99Z'" in res.stderr
    with JobStore.open(demo) as store:
        m = rec.load_marker(store.db, "4A")
    nmea = tmp_path / "near4a.nmea"
    nmea.write_bytes(_gga(dt.time(3, 0, 0), m.lat + 1e-5, m.lon, 30.0, 28.0))
    res = run("stakeout", str(demo), "--target", "nearest", "--replay", str(nmea), "--jsonl")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["target"] == "4A"
