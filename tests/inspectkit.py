"""Parts of the inspection tests: a documented demo job, captures at a known spot, JPEGs, dumps."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from PIL import Image

from fieldapp.demo_documented import populate_documented, synthetic_photo
from fieldapp.demo_job import create_demo_job
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation
from fieldapp.survey.local import metres_per_degree

ANTENNA_M = 1.8
# The demo's occupations end on 2026-11-10 (UTC); a visit in December follows them.
VISIT = dt.date(2026, 12, 1)
TODAY = dt.date(2026, 12, 4)


def documented_job(path: Path) -> Path:
    """The demo job with 4, 4A, 4B installed and documented (small photos: fast)."""
    with create_demo_job(path, background=False) as store:
        populate_documented(store, photo_size=(160, 120))
    return path


def copy_job(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def stake_position(job: Path, marker: str) -> tuple[float, float, float | None]:
    with JobStore.open(job) as store:
        stake = load_installation(store.db, marker).current_stake
        assert stake is not None
        return stake.position.lat, stake.position.lon, stake.position.h


def capture_at(
    path: Path,
    lat: float,
    lon: float,
    mark_h: float,
    *,
    north_m: float = 0.0,
    east_m: float = 0.0,
    epochs: int = 20,
    quality: int = 4,
    gst: bool = True,
    seed: int = 7,
) -> Path:
    """A real NMEA capture (GGA RMC GSA GSV GST) of a pole standing north_m/east_m off a point."""
    kn, ke = metres_per_degree(lat)
    sim = Simulator(
        SimConfig(
            start_lat=lat + north_m / kn,
            start_lon=lon + east_m / ke,
            height_m=mark_h + ANTENNA_M,
            noise_m=0.004,
            noise_up_m=0.008,
            quality=quality,
            gst=gst,
            start=dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC),
            seed=seed,
        )
    )
    path.write_bytes(b"".join(sim.next_epoch() for _ in range(epochs)))
    return path


def jpeg(path: Path, direction: str = "vegetasi", label: str = "Tanda Batas 4") -> Path:
    when = dt.datetime(2026, 12, 1, 10, 15)
    return synthetic_photo(path, (160, 120), label, direction, when)


def plain_jpeg(path: Path, colour: str) -> Path:
    Image.new("RGB", (48, 32), colour).save(path, "JPEG")
    return path


def dump(job: Path) -> tuple[list[str], list[str]]:
    """Every row of the job database and every file under photos/: equal means unchanged."""
    conn = sqlite3.connect(job / "job.sqlite")
    try:
        rows = list(conn.iterdump())
    finally:
        conn.close()
    files = sorted(str(p.relative_to(job)) for p in (job / "photos").rglob("*") if p.is_file())
    return rows, files
