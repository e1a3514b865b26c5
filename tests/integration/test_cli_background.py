"""`fieldapp job background add|list|set|remove` through the CLI on a real job folder."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from tests.tilekit import make_mbtiles

AREA = (116.90, -0.55, 116.94, -0.52)


def fieldapp(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def listed(job: Path) -> list[dict[str, object]]:
    r = fieldapp("job", "background", "list", job, "--json")
    assert r.returncode == 0, r.stderr
    out: list[dict[str, object]] = json.loads(r.stdout)
    return out


@pytest.fixture
def job(tmp_path: Path) -> Path:
    from fieldapp.store import JobStore

    folder = tmp_path / "uji.fieldapp"
    JobStore.create(folder, "WIUP Uji").close()  # the job exists; the CLI under test is below
    return folder


def test_add_list_set_remove(job: Path, tmp_path: Path) -> None:
    ortho = make_mbtiles(tmp_path / "ortho.mbtiles", AREA, [12, 13], fmt="jpg", name="Ortho")
    big = make_mbtiles(tmp_path / "besar.mbtiles", AREA, [12], name="Besar")

    r = fieldapp("job", "background", "add", job, ortho, "--opacity", "0.8")
    assert r.returncode == 0, r.stderr
    assert "added background 'Ortho' (mbtiles, copied into the job as backgrounds/" in r.stdout
    assert "bounds: lon 116.900000 .. 116.940000, lat -0.550000 .. -0.520000" in r.stdout
    assert "zoom 12..13, finest pixel 19.11 m on the ground" in r.stdout
    r = fieldapp("job", "background", "add", job, big, "--link", "--name", "Peta besar")
    assert r.returncode == 0, r.stderr
    assert f"linked to {big.resolve()}" in r.stdout

    first, second = listed(job)
    copy = Path(str(first["path"]))
    assert copy.parent == (job / "backgrounds").resolve() or copy.parent == job / "backgrounds"
    assert copy.read_bytes() == ortho.read_bytes()
    assert {k: first[k] for k in ("position", "name", "kind", "copied", "opacity", "visible")} == {
        "position": 0, "name": "Ortho", "kind": "mbtiles", "copied": True, "opacity": 0.8,
        "visible": True,
    }  # fmt: skip
    assert (second["name"], second["copied"], second["path"], second["missing"]) == (
        "Peta besar", False, str(big.resolve()), False,
    )  # fmt: skip

    r = fieldapp("job", "background", "set", job, "Peta besar", "--position", "0", "--hide")
    assert r.returncode == 0, r.stderr
    assert [(b["name"], b["position"], b["visible"]) for b in listed(job)] == [
        ("Peta besar", 0, False), ("Ortho", 1, True),
    ]  # fmt: skip
    r = fieldapp("job", "background", "set", job, "Ortho", "--opacity", "1.5")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "opacity 1.5: expected a number from 0 (invisible) to 1 (opaque)" in r.stderr

    big.unlink()
    r = fieldapp("job", "background", "list", job)
    assert r.returncode == 0 and "MISSING" in r.stdout and "Peta besar" in r.stdout

    r = fieldapp("job", "background", "remove", job, "Ortho")
    assert r.returncode == 0 and "its copy in the job was deleted" in r.stdout
    assert not copy.exists()
    r = fieldapp("job", "background", "remove", job, str(second["id"]))
    assert r.returncode == 0, r.stderr
    assert listed(job) == []


def test_bad_files_are_refused_and_nothing_is_stored(job: Path, tmp_path: Path) -> None:
    import rasterio
    from rasterio.errors import NotGeoreferencedWarning

    corrupt = tmp_path / "rusak.mbtiles"
    good = make_mbtiles(tmp_path / "baik.mbtiles", AREA, [12])
    corrupt.write_bytes(good.read_bytes()[:3000])  # a pack cut short in the copying
    plain = tmp_path / "tanpa_georef.tif"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        with rasterio.open(
            plain, "w", driver="GTiff", width=64, height=64, count=3, dtype="uint8"
        ) as dst:
            dst.write(np.full((3, 64, 64), 120, np.uint8))

    for bad, said in ((corrupt, "rusak.mbtiles"), (plain, "tanpa_georef.tif")):
        r = fieldapp("job", "background", "add", job, bad)
        assert r.returncode == 2, (r.stdout, r.stderr)
        assert said in r.stderr and r.stderr.count("\n") == 1, r.stderr
        assert "nothing was added, the job is unchanged" in r.stderr
    assert "georeference" in r.stderr
    assert listed(job) == []
    assert list((job / "backgrounds").glob("*")) == []  # nothing copied, not even a part file
