"""`fieldapp control` on a real job: GEONET 3040 tied to 0759 (as a JKHN station) with RTKLIB.

The GEONET files are recorded at 30 s: the 697/1996 "15 s" interval rule fails honestly, so
acceptance here goes through --override with the reason recorded.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyproj import Transformer

from fieldapp.cli import main
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import ControlKind, ControlPoint

OVERRIDE = "GEONET records at 30 s, not the 15 s of 697/1996 (RTKLIB test data)"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["control", *args])
    out, err = capsys.readouterr()
    return code, out, err


def header_position(obs: Path) -> tuple[float, float, float]:
    """The RINEX header's APPROX POSITION XYZ as latitude, longitude, ellipsoidal height."""
    for line in obs.read_text().splitlines():
        if "APPROX POSITION XYZ" in line:
            x, y, z = (float(v) for v in line.split()[:3])
            lon, lat, h = Transformer.from_crs(4978, 4979, always_xy=True).transform(x, y, z)
            return lat, lon, h
    raise AssertionError(f"{obs}: no APPROX POSITION XYZ")


@dataclass
class Job:
    path: Path
    raw: Path
    base: tuple[float, float, float]  # 0759 from its RINEX header (GSI's coordinates)


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Job:
    from testpaths import shared_data_dir

    raw = shared_data_dir() / "gnss-raw"
    path = tmp_path_factory.mktemp("control") / "kontrol.fieldapp"
    # GEONET is in Japan, outside Indonesia's UTM zones: the job's grid is geographic.
    assert main(["job", "create", str(path), "--name", "Kontrol GEONET", "--crs", "SRGI2013"]) == 0
    base = header_position(raw / "07590920.05o")
    assert main(["control", "session", "add", str(path), "--point", "0759", "--role", "base",
                 "--kind", "JKHN", "--antenna-height-before", "0", "--antenna-height-after", "0",
                 str(raw / "07590920.05o"), str(raw / "07590920.05n")]) == 0  # fmt: skip
    return Job(path, raw, base)


def test_control_survey_through_the_cli(
    job: Job, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    j, raw = str(job.path), job.raw
    capsys.readouterr()
    # A rover session whose heights differ by 8 mm: stored, and the surveyor is told.
    code, out, _ = run(capsys, "session", "add", j, "--point", "3040", "--role", "rover",
                       "--antenna-height-before", "1.500", "--antenna-height-after", "1.508",
                       "--antenna", "TRM29659.00", "--receiver", "TRIMBLE 5700",
                       str(raw / "30400920.05o"), str(raw / "30400920.05n"))  # fmt: skip
    assert code == 0
    assert "differ by 8 mm (more than 5 mm)" in out and "used 1.5040 m vertical" in out
    code, out, _ = run(capsys, "session", "list", j, "--json")
    sessions = json.loads(out)
    assert [(s["point"], s["heights_disagree"]) for s in sessions] == [
        ("0759", False),
        ("3040", True),
    ]
    for f in sessions[1]["files"]:
        assert (job.path / f["path"]).read_bytes() == (raw / f["original_name"]).read_bytes()
    code, out, _ = run(capsys, "session", "show", j, str(sessions[1]["id"]))
    assert code == 0 and "3040 (rover)" in out and "120 epochs" in out and "differ by 8 mm" in out

    # 0759 is not in the job's control: the base position must be given, and the CLI says so.
    code, _, err = run(capsys, "process", j, "--rover", "3040", "--base", "0759")
    assert code == 2 and "--base-position" in err and "0759" in err

    lat, lon, h = job.base
    code, out, _ = run(capsys, "process", j, "--rover", "3040", "--base", "0759",
                       "--base-position", f"{lat:.10f} {lon:.10f} {h:.4f}", "--json")  # fmt: skip
    assert code == 0
    first = json.loads(out)
    for key in ("lat", "lon", "h", "fix", "ratio", "sigma_e", "sigma_n", "sigma_u",
                "baseline_m", "duration_s", "epochs", "rules"):  # fmt: skip
        assert key in first
    assert first["fix"] == "fixed" and 3000 < float(first["baseline_m"]) < 3600
    # GEONET is in Japan, outside the bundled Indonesian geoid: H is null, the geoid named.
    assert first["H"] is None and first["geoid"].startswith("EGM96")
    assert max(first["sigma_e"], first["sigma_n"], first["sigma_u"]) < 0.02
    _compare_with_rnx2rtkp(raw, job.base, first, tmp_path, rover_height=1.504)
    failing = [v["rule"] for v in first["rules"] if not v["passed"]]
    assert "interval" in failing

    # A failing rule refuses the acceptance, naming the rule; an override records its reason.
    code, _, err = run(capsys, "accept", j, str(first["baseline_id"]))
    assert code == 2 and "interval" in err and "--override" in err
    with JobStore.open(job.path) as store:
        assert rec.load_control_points(store.db) == []
    code, out, _ = run(capsys, "accept", j, str(first["baseline_id"]), "--override", OVERRIDE)
    assert code == 0 and out.startswith("BM 3040") and "tied to 0759" in out

    # The antenna height was re-measured (0.100 m): a new session, re-processed with the
    # base now in control (no --base-position), accepted again; the old coordinate is kept.
    with JobStore.open(job.path) as store:
        rec.add_control_points(store.db, [ControlPoint(
            "0759", ControlKind.JKHN, lat, lon, h, "SRGI2013", lat, lon,
            source="RINEX header APPROX POSITION (GSI)")])  # fmt: skip
    code, _, _ = run(capsys, "session", "add", j, "--point", "3040", "--role", "rover",
                     "--antenna-height-before", "0.100", "--antenna-height-after", "0.100",
                     str(raw / "30400920.05o"), str(raw / "30400920.05n"))  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "process", j, "--rover", "3040", "--base", "0759", "--json")
    second = json.loads(out)
    assert second["h"] == pytest.approx(first["h"] + 1.404, abs=0.002)
    code, _, _ = run(capsys, "accept", j, str(second["baseline_id"]), "--override", OVERRIDE)
    assert code == 0
    code, _, err = run(capsys, "accept", j, str(second["baseline_id"]), "--override", OVERRIDE)
    assert code == 2 and "already accepted" in err
    code, out, _ = run(capsys, "history", j, "3040")
    lines = out.splitlines()
    assert len(lines) == 2 and f"from baseline {first['baseline_id']}" in lines[0]
    assert "replaced" in lines[0] and lines[1].endswith("current")
    assert f"{first['h']:.4f}" in lines[0] and f"{second['h']:.4f}" in lines[1]

    with JobStore.open(job.path) as store:
        from fieldapp.fieldwork import load_map_layers
        from fieldapp.store.baselines import load_baselines

        bm = {c.name: c for c in rec.load_control_points(store.db)}["3040"]
        assert (bm.kind, bm.tied_to, bm.h) == (ControlKind.BM, "0759", second["h"])
        assert bm.sigma_h is not None and bm.sigma_h < 0.02
        # What the stake-out map draws is the accepted point.
        (drawn,) = [p for p in load_map_layers(store).control if p.name == "3040"]
        assert (drawn.lat, drawn.lon) == (bm.lat, bm.lon)
        statuses = [(b.status, b.override_reason) for b in load_baselines(store.db)]
        assert statuses == [("superseded", OVERRIDE), ("accepted", OVERRIDE)]
    assert main(["job", "show", j]) == 0
    shown = capsys.readouterr().out
    assert any(line.startswith("BM") and "3040" in line and f"{bm.h:9.3f}" in line
               for line in shown.splitlines())  # fmt: skip


def _compare_with_rnx2rtkp(
    raw: Path,
    base: tuple[float, float, float],
    ours: dict[str, object],
    tmp_path: Path,
    rover_height: float,
) -> None:
    """An independent rnx2rtkp run of the same files: static, 15 deg, fix-and-hold, to 1 cm."""
    out = tmp_path / "ref.pos"
    subprocess.run(
        ["rnx2rtkp", "-p", "3", "-m", "15", "-h", "-l", *(f"{v:.10f}" for v in base),
         "-o", str(out), str(raw / "30400920.05o"), str(raw / "07590920.05o"),
         str(raw / "07590920.05n"), str(raw / "30400920.05n")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    last = [line for line in out.read_text().splitlines() if not line.startswith("%")][-1]
    lat, lon, h = (float(v) for v in last.split()[2:5])
    assert float(ours["lat"]) == pytest.approx(lat, abs=1e-7)  # ~1 cm
    assert float(ours["lon"]) == pytest.approx(lon, abs=1e-7)
    assert float(ours["h"]) + rover_height == pytest.approx(h, abs=0.01)


def test_a_non_gnss_file_is_refused_by_name_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_data: Path
) -> None:
    path = tmp_path / "j.fieldapp"
    assert main(["job", "create", str(path), "--name", "J"]) == 0
    fake = tmp_path / "3040_field_notes.05o"
    fake.write_text("not a RINEX file\n" * 40)
    obs = shared_data / "gnss-raw" / "30400920.05o"
    capsys.readouterr()
    code, _, err = run(capsys, "session", "add", str(path), "--point", "3040", "--role",
                       "rover", "--antenna-height-before", "1.5", "--antenna-height-after",
                       "1.5", str(obs), str(fake))  # fmt: skip
    assert code == 2 and "3040_field_notes.05o" in err and "nothing stored" in err
    assert list((path / "raw").iterdir()) == []
    assert run(capsys, "session", "list", str(path), "--json")[1].strip() == "[]"
    assert shutil.which("rnx2rtkp")  # the engine the other tests use is installed
