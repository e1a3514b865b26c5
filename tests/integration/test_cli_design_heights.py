"""Design heights given as h or H on a real job through the CLI; a geoid change moves H designs."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from fieldapp.cli import main
from fieldapp.fieldwork import apply_plan, plan_job
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store.job_geoid import BUNDLED_NAME, bundled_geoid
from fieldapp.store.records import load_marker, replace_boundary_points
from fieldapp.survey.models import BoundaryPoint, HeightSystem

LAT, LON = -0.502, 117.153  # where the simulated receiver stands (near Samarinda)
STEP = 0.009  # about 1 km
RING = [(0, 0), (1, 0), (1, -1), (0, -1)]


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=120
    )


def ok(*args: str) -> str:
    r = fieldapp(*args)
    assert r.returncode == 0, r.stderr
    return r.stdout


def inproc(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The same CLI in this process: for the secondary outputs (a subprocess costs ~0.5 s)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SK points 1-4; marker 1 on point 1 designed at H 12.5 m, marker 2 at h 50 m."""
    path = tmp_path_factory.mktemp("tinggi") / "Tinggi.fieldapp"
    with JobStore.create(path, "WIUP Tinggi", crs="SRGI2013/UTM50S") as store:
        replace_boundary_points(
            store.db,
            [BoundaryPoint(str(i), LAT + dy * STEP, LON + dx * STEP, "", "")
             for i, (dx, dy) in enumerate(RING, 1)],
        )  # fmt: skip
    ok("marker", "add", str(path), "1", "--lat", str(LAT), "--lon", str(LON), "--h", "12.5",
       "--height-system", "orthometric")  # fmt: skip
    ok("marker", "add", str(path), "2", "--lat", str(LAT), "--lon", str(LON + STEP), "--h", "50")
    return path


@pytest.fixture
def job(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / template.name))


def design(job: Path, name: str) -> tuple[float, float | None, HeightSystem]:
    with JobStore.open(job) as store:
        m = load_marker(store.db, name)
    assert m.h is not None
    return m.h, m.h_given, m.h_system


def test_orthometric_design_is_h_equals_h_plus_n_and_the_json_carries_h_and_geoid(
    job: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = bundled_geoid().undulation(LAT, LON)
    h, given, system = design(job, "1")
    assert (given, system) == (12.5, HeightSystem.ORTHOMETRIC)
    assert h == pytest.approx(12.5 + n, abs=0.001)
    assert bundled_geoid().heights(LAT, LON, h).orthometric == pytest.approx(12.5, abs=0.001)
    assert design(job, "2") == (50.0, 50.0, HeightSystem.ELLIPSOIDAL)

    shown = json.loads(ok("marker", "show", str(job), "1", "--json"))["design"]
    assert shown["h"] == pytest.approx(12.5 + n, abs=1e-9)  # h keeps its meaning: ellipsoidal
    assert shown["H"] == pytest.approx(12.5, abs=1e-9)
    assert (shown["geoid"], shown["h_system"], shown["h_given"]) == (
        BUNDLED_NAME, "orthometric", 12.5)  # fmt: skip
    rows = {
        r["name"]: r for r in json.loads(inproc(capsys, "marker", "list", str(job), "--json")[1])
    }
    assert rows["2"]["h"] == 50.0 and rows["2"]["h_system"] == "ellipsoidal"
    assert rows["2"]["H"] == pytest.approx(50.0 - bundled_geoid().undulation(LAT, LON + STEP))
    assert rows["1"]["geoid"] == BUNDLED_NAME
    text = inproc(capsys, "marker", "show", str(job), "1")[1]
    assert f"H 12.500 m [{BUNDLED_NAME}]" in text and "given as orthometric 12.500 m" in text
    assert f"[{BUNDLED_NAME}]" in inproc(capsys, "job", "show", str(job))[1]

    # An existing marker gets its design height given anew, in the other system.
    code, said, _ = inproc(
        capsys, "marker", "design-height", str(job), "2", "--h", "7.25", "--height-system",
        "orthometric",
    )  # fmt: skip
    assert code == 0 and "H 7.250 m (orthometric)" in said and BUNDLED_NAME in said
    assert design(job, "2")[0] == pytest.approx(7.25 + bundled_geoid().undulation(LAT, LON + STEP))
    code, _, err = inproc(capsys, "marker", "add", str(job), "3", "--lat", str(LAT), "--lon",
                          str(LON), "--h", "1e6", "--height-system", "orthometric")  # fmt: skip
    assert code == 2 and "design height" in err and len(err.strip().splitlines()) == 1


def _offset_crop(path: Path, offset: float) -> Path:
    crop = bundled_geoid().path.read_bytes()
    values = np.frombuffer(crop[40:], dtype=">f4").astype(np.float64) + offset
    path.write_bytes(crop[:40] + values.astype(">f4").tobytes())
    return path


def test_a_new_geoid_moves_orthometric_designs_by_its_offset_and_only_them(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    h1, h2 = design(job, "1")[0], design(job, "2")[0]
    grid = _offset_crop(tmp_path / "uji.gtx", 0.75)
    said = ok("crs", "geoid", str(job), "--import", str(grid), "--name", "Uji +0,75")
    assert "recomputed (h = H + N): 1" in said
    # The grid's nodes are float32: the offset is exact to their resolution (~4 µm at 60 m).
    assert design(job, "1")[0] - h1 == pytest.approx(0.75, abs=1e-5)
    assert design(job, "2")[0] == h2
    with JobStore.open(job) as store:
        rows = store.db.execute(
            "SELECT detail FROM change_log WHERE table_name = 'marker' AND detail LIKE '%geoid%'"
        ).fetchall()
    logged = [json.loads(r[0]) for r in rows]
    assert logged[-1]["geoid"] == "Uji +0,75" and logged[-1]["design_h"][0] == pytest.approx(h1)
    shown = json.loads(ok("marker", "show", str(job), "1", "--json"))["design"]
    assert shown["H"] == pytest.approx(12.5, abs=1e-9) and shown["geoid"] == "Uji +0,75"
    assert inproc(capsys, "crs", "geoid", str(job), "--default")[0] == 0
    assert design(job, "1")[0] == pytest.approx(h1, abs=1e-9)

    # A grid that covers Jakarta but not the marker: refused whole, nothing changed.
    small = tmp_path / "jawa.gtx"
    small.write_bytes(
        struct.pack(">4d2i", -8.0, 105.0, 0.5, 0.5, 9, 9) + np.full(81, 30.0, ">f4").tobytes()
    )
    code, _, err = inproc(capsys, "crs", "geoid", str(job), "--import", str(small))
    assert code == 2 and "marker 1" in err and "outside the geoid grid" in err
    assert inproc(capsys, "crs", "geoid", str(job), "--show")[1].startswith(BUNDLED_NAME)
    assert design(job, "1")[0] == pytest.approx(h1, abs=1e-9)
    assert not any((job / "geoid").iterdir())


def test_replanning_keeps_a_design_height_given_at_the_same_place(job: Path) -> None:
    with JobStore.open(job) as store:
        apply_plan(store, plan_job(store))
        kept = load_marker(store.db, "1")
    assert (kept.h_given, kept.h_system) == (12.5, HeightSystem.ORTHOMETRIC)


def test_stakeout_and_occupation_outputs_carry_h_h_and_the_geoid(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "berdiri.nmea"
    sim = Simulator(SimConfig(start_lat=LAT, start_lon=LON, noise_m=0.003, noise_up_m=0.003))
    capture.write_bytes(b"".join(sim.next_epoch() for _ in range(12)))
    out = ok("stakeout", str(job), "--target", "1", "--replay", str(capture), "--jsonl")
    lines = [json.loads(x) for x in out.splitlines() if '"target"' in x]
    assert lines
    n = bundled_geoid().undulation(LAT, LON)
    for r in lines:
        assert r["dH_system"] == "orthometric" and r["geoid"] == BUNDLED_NAME
        assert r["target_H"] == pytest.approx(12.5, abs=0.001)
        assert r["H"] == pytest.approx(45.0 - n, abs=0.05)  # the simulator's h is 45 m
        assert r["dH_m"] == pytest.approx(r["dh_m"], abs=0.002)  # same place, same N
    text = inproc(capsys, "stakeout", str(job), "--target", "1", "--replay", str(capture))[1]
    assert f"(H, {BUNDLED_NAME})" in text

    occ = fieldapp(
        "marker", "occupy", str(job), "1", "--replay", str(capture),
        "--antenna-height", "1.8", "--antenna-height-after", "1.8", "--json",
    )  # fmt: skip
    result = json.loads(occ.stdout)["occupation"]["result"]
    assert result["geoid"] == BUNDLED_NAME
    assert result["mark_H"] == pytest.approx(result["mark_h"] - n, abs=0.001)
    assert result["H"] == pytest.approx(result["h"] - n, abs=0.001)
