"""`fieldapp crs height`: h, N and H with the geoid's name, and one-line refusals."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from fieldapp.store.job_geoid import BUNDLED_NAME, bundled_geoid


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, check=False
    )


def test_height_json_over_the_bundled_geoid() -> None:
    r = fieldapp("crs", "height", "--lat", "-6.2", "--lon", "106.8167", "--h", "50", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"h", "N", "H", "geoid"}
    assert out["geoid"] == BUNDLED_NAME
    assert out["N"] == pytest.approx(bundled_geoid().undulation(-6.2, 106.8167), abs=1e-9)
    assert out["H"] == pytest.approx(50.0 - out["N"], abs=1e-9)
    text = fieldapp("crs", "height", "--lat", "06° 12' LS", "--lon", "106.8167", "--h", "50")
    assert (
        text.returncode == 0 and BUNDLED_NAME in text.stdout and f"H {out['H']:.3f}" in text.stdout
    )


def test_height_with_a_user_grid_and_refusals(tmp_path: Path) -> None:
    grid = tmp_path / "konstan.gtx"
    grid.write_bytes(
        struct.pack(">4d2i", -14.0, 92.0, 1.0, 1.0, 23, 51)
        + np.full(23 * 51, 30.0, ">f4").tobytes()
    )
    r = fieldapp(
        "crs", "height", "--lat", "-1", "--lon", "117", "--h", "100", "--geoid", str(grid), "--json"
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"h": 100.0, "N": 30.0, "H": 70.0, "geoid": "konstan"}
    for args, said in (
        (("--lat", "50", "--lon", "10", "--h", "0"), "outside the geoid grid"),
        (("--lat", "95", "--lon", "110", "--h", "0"), "out of range"),
        (("--lat", "-1", "--lon", "117", "--h", "x"), "input"),
        (
            ("--lat", "-1", "--lon", "117", "--h", "0", "--geoid", str(tmp_path / "no.tif")),
            "no.tif",
        ),
    ):
        bad = fieldapp("crs", "height", *args)
        assert bad.returncode == 2 and said in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1


def test_job_geoid_import_takes_precedence_and_default_restores(tmp_path: Path) -> None:
    job = tmp_path / "Uji.fieldapp"
    assert fieldapp("job", "create", str(job), "--name", "WIUP Uji").returncode == 0
    crop = bundled_geoid().path.read_bytes()
    values = np.frombuffer(crop[40:], dtype=">f4").astype(np.float64) + 0.5
    grid = tmp_path / "INAGeoid uji.gtx"
    grid.write_bytes(crop[:40] + values.astype(">f4").tobytes())
    point = ("--lat", "-0.5225", "--lon", "116.9028", "--h", "80", "--json")

    jpeg = tmp_path / "foto.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    bad = fieldapp("crs", "geoid", str(job), "--import", str(jpeg))
    assert bad.returncode == 2 and "foto.jpg" in bad.stderr
    assert not (job / "geoid").exists() or not any((job / "geoid").iterdir())

    before = json.loads(fieldapp("crs", "height", "--job", str(job), *point).stdout)
    assert before["geoid"] == BUNDLED_NAME
    r = fieldapp("crs", "geoid", str(job), "--import", str(grid), "--name", "Uji +0,5", "--json")
    assert r.returncode == 0, r.stderr
    stored = json.loads(r.stdout)
    assert stored["geoid"] == "Uji +0,5" and (job / stored["file"]).is_file()
    grid.unlink()  # the job holds its own copy
    after = json.loads(fieldapp("crs", "height", "--job", str(job), *point).stdout)
    assert after["geoid"] == "Uji +0,5"
    assert after["N"] - before["N"] == pytest.approx(0.5, abs=1e-5)
    assert before["H"] - after["H"] == pytest.approx(0.5, abs=1e-5)

    shown = json.loads(fieldapp("crs", "geoid", str(job), "--default", "--json").stdout)
    assert shown == {"geoid": BUNDLED_NAME, "kind": "bundled", "file": "egm96_indonesia_2p5.gtx"}
    assert not (job / stored["file"]).exists()
    again = json.loads(fieldapp("crs", "height", "--job", str(job), *point).stdout)
    assert again == before
