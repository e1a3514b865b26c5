"""The PyInstaller one-folder build runs: version, the demo job validates, a GeoTIFF opens."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from testpaths import shared_data_dir

ROOT = Path(__file__).resolve().parents[2]


def _small_geotiff(path: Path) -> Path:
    """10 x 10 m of 1 m pixels in UTM 50S at (500000, 9940000), DEFLATE-compressed, tiled."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    img = np.full((3, 10, 10), 128, dtype=np.uint8)
    profile = {"driver": "GTiff", "width": 10, "height": 10, "count": 3, "dtype": "uint8"}
    with rasterio.open(
        path,
        "w",
        **profile,
        crs="EPSG:32750",
        transform=from_origin(500000.0, 9940000.0, 1.0, 1.0),
        compress="deflate",
    ) as ds:
        ds.write(img)
    return path


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
    # The window's program (no console on Windows) beside it: it is `fieldapp demo`.
    gui = exe.with_name("fieldapp-gui.exe" if sys.platform == "win32" else "fieldapp-gui")
    shown = subprocess.run([str(gui), "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    if sys.platform != "win32":  # a windowed Windows program has no stdout to print to
        assert "usage: fieldapp demo" in shown.stdout

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
    # rasterio and GDAL travelled with their data: a compressed GeoTIFF in UTM 50S (GDAL
    # resolves its EPSG code through rasterio's own proj.db) opens as a background of the job.
    ortho = _small_geotiff(tmp_path / "ortho.tif")
    added = subprocess.run(
        [str(exe), "job", "background", "add", str(job), str(ortho)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    assert "(geotiff, copied into the job" in added.stdout, added.stdout
    assert "bounds: lon 117.000000 .. 117.000090, lat -0.542929 .. -0.542839" in added.stdout
    listed = subprocess.run(
        [str(exe), "job", "background", "list", str(job), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    # The demo job came with its bundled starter background (resources/backgrounds travelled).
    assert [(b["kind"], b["missing"]) for b in json.loads(listed.stdout)] == [
        ("mbtiles", False),
        ("geotiff", False),
    ]
    rasterio_data = dist / "fieldapp" / "_internal" / "rasterio"
    assert (rasterio_data / "proj_data" / "proj.db").is_file()
    assert (rasterio_data / "gdal_data" / "gdalvrt.xsd").is_file()
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
