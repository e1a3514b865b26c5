"""The PyInstaller one-folder build runs: version, and the demo job validates from the bundle."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from testpaths import shared_data_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_build_runs_and_validates_the_demo_job(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    exe = dist / "fieldapp" / ("fieldapp.exe" if sys.platform == "win32" else "fieldapp")
    assert exe.is_file()

    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("fieldapp ")

    job = tmp_path / "demo.fieldapp"
    demo = subprocess.run(
        [str(exe), "demo", "--job", str(job), "--report"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    validate = subprocess.run(
        [str(exe), "job", "validate", str(job), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert validate.returncode == 0, validate.stderr
    report = json.loads(validate.stdout)
    assert report["errors"] == [] and abs(report["area_ha"] - 745.54) < 0.01
    # The PROJ database travelled with the bundle: a TM-3 conversion works in the frozen app.
    conv = subprocess.run(
        [
            str(exe),
            "crs",
            "convert",
            "--from",
            "SRGI2013",
            "--to",
            "SRGI2013/TM3-50.1",
            "--json",
            "0",
            "115.5",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert conv.returncode == 0, conv.stderr
    assert abs(json.loads(conv.stdout)["e"] - 200000.0) < 1e-6
    # The bundled EGM96 crop travelled too: an orthometric height over it in the frozen app.
    height = subprocess.run(
        [str(exe), "crs", "height", "--lat", "-6.2", "--lon", "106.8167", "--h", "50", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert height.returncode == 0, height.stderr
    assert json.loads(height.stdout)["geoid"].startswith("EGM96")
    # RTKLIB travelled too: a static baseline with no rnx2rtkp on PATH uses the bundled one.
    raw = shared_data_dir() / "gnss-raw"
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_RTKLIB_DIR"}
    env["PATH"] = str(tmp_path)
    baseline = subprocess.run(
        [
            str(exe),
            "control",
            "process-files",
            "--rover",
            str(raw / "30400920.05o"),
            str(raw / "30400920.05n"),
            "--base",
            str(raw / "07590920.05o"),
            str(raw / "07590920.05n"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert baseline.returncode == 0, baseline.stderr
    solution = json.loads(baseline.stdout)
    assert solution["fix"] == "fixed" and abs(solution["baseline_m"] - 3335.39) < 0.05
    assert solution["engine"].startswith("RTKLIB rnx2rtkp 2.4.3")
    bundled = dist / "fieldapp" / "_internal" / "rtklib"
    assert (bundled / ("rnx2rtkp.exe" if sys.platform == "win32" else "rnx2rtkp")).is_file()
    if Path("/usr/share/doc/rtklib/copyright").is_file():  # Debian's notice, when built there
        assert (bundled / "copyright").is_file()
