"""A full disk under `marker photo`, `marker occupy`, `marker witness` and `sync seal`.

Two ways to run out of room, both with real processes:

- ``tmpfs``: the job on a small tmpfs the test mounts (root on Linux, as CI and the dev
  machine run) and fills, leaving a little free: the message says what is needed and what
  is free. Where mounting is not permitted this case uses the file-size limit instead, so it
  never skips.
- ``fsize``: ``resource.RLIMIT_FSIZE`` in the child (POSIX; CI is Linux): writes fail half-way
  through a file (EFBIG), which exercises the clean-up of what was half written.

Either way: exit 2, one line, no traceback, and nothing half-written stays (no part file, no
row without its file, no file without its row).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from jobkit import (
    assert_no_crash,
    assert_occupation_raw_consistent,
    assert_outbox_consistent,
    assert_photos_consistent,
    integrity,
    litter,
    rows,
    run,
)
from PIL import Image
from test_marker_cli import sk_job, synthetic_capture

from fieldapp.sync.identity import load_or_create_identity

pytestmark = pytest.mark.posix(reason="a tmpfs mount or RLIMIT_FSIZE fills the disk")

DISK_BYTES = 8 * 1024 * 1024


@dataclass
class SmallDisk:
    """Where the job lives and how the child runs out of room."""

    root: Path
    mounted: bool

    def fill(self, leave: int) -> None:
        """Leave about ``leave`` bytes free (tmpfs); nothing to do under a file-size limit."""
        if not self.mounted:
            return
        free = shutil.disk_usage(self.root).free
        with (self.root / "filler").open("wb") as fh:
            fh.truncate(0)
            fh.write(b"\0" * max(0, free - leave))

    def limit(self, size: int) -> Callable[[], None] | None:
        """The child's file-size limit when no tmpfs could be mounted."""
        if self.mounted:
            return None

        def apply() -> None:
            import resource  # POSIX only, like the test

            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

        return apply


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "device-home"))
    load_or_create_identity()
    return tmp_path / "device-home"


@pytest.fixture(params=["tmpfs", "fsize"])
def disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SmallDisk]:
    root = tmp_path / "small"
    root.mkdir()
    mounted = False
    if request.param == "tmpfs":
        # Mounting needs root (CAP_SYS_ADMIN); without it the file-size limit stands in.
        mount = ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(root)]
        mounted = subprocess.run(mount, capture_output=True).returncode == 0
    try:
        yield SmallDisk(root, mounted)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(root)], check=True)


@pytest.fixture
def job_on(disk: SmallDisk, tmp_path: Path) -> Path:
    """A job with marker 1 and one photo, copied onto the small disk."""
    made = Path(sk_job(tmp_path / "made"))
    assert run("marker", "add", made, "1", "--lat", str(LAT0), "--lon", str(LON0)).returncode == 0
    first = noisy_photo(tmp_path / "first.jpg", 1)
    assert run("marker", "photo", made, "1", first, "--direction", "utara").returncode == 0
    job = disk.root / made.name
    shutil.copytree(made, job)
    return job


def noisy_photo(path: Path, seed: int, size: int = 800) -> Path:
    Image.effect_noise((size, size), 30 + seed).convert("RGB").save(path, "JPEG", quality=95)
    return path


def assert_refused_for_space(result: subprocess.CompletedProcess[str], disk: SmallDisk) -> None:
    assert_no_crash(result)
    assert result.returncode == 2, result.stderr
    if disk.mounted:
        line = result.stderr.strip()
        assert "not enough free space" in line and "needed" in line and "free" in line, line


def assert_nothing_half_written(job: Path) -> None:
    assert litter(job) == []
    assert integrity(job) == "ok"
    assert_photos_consistent(job)
    assert_occupation_raw_consistent(job)
    assert_outbox_consistent(job)


def test_photo_on_a_full_disk(disk: SmallDisk, job_on: Path, tmp_path: Path) -> None:
    big = noisy_photo(tmp_path / "big.jpg", 2, size=1400)
    disk.fill(leave=512 * 1024)
    result = run(
        "marker", "photo", job_on, "1", big, "--direction", "timur",
        preexec_fn=disk.limit(128 * 1024),
    )  # fmt: skip
    assert_refused_for_space(result, disk)
    assert len(rows(job_on, "SELECT id FROM photo")) == 1
    assert_nothing_half_written(job_on)


def test_occupy_on_a_full_disk(disk: SmallDisk, job_on: Path, tmp_path: Path) -> None:
    capture = synthetic_capture(tmp_path / "cap.nmea", epochs=60)
    disk.fill(leave=256 * 1024)
    result = run(
        "marker", "occupy", job_on, "1", "--replay", capture, preexec_fn=disk.limit(8 * 1024)
    )
    assert_refused_for_space(result, disk)
    assert rows(job_on, "SELECT id FROM occupation") == []
    assert_nothing_half_written(job_on)


def test_witness_on_a_full_disk(disk: SmallDisk, job_on: Path) -> None:
    # Room for SQLite to open the job (its shared-memory file) but not for the new pages.
    disk.fill(leave=36 * 1024)
    # Under a size limit: another program (this test) has the job open, so its shared-memory
    # file exists at full size and only the new WAL pages pass the limit.
    reader = sqlite3.connect(job_on / "job.sqlite")
    try:
        reader.execute("SELECT count(*) FROM witness").fetchone()
        result = run(
            "marker", "witness", job_on, "1", "--name", "Pak Camat", "--institution",
            "Kecamatan", "--category", "district-village-officer",
            preexec_fn=disk.limit(8 * 1024),
        )  # fmt: skip
    finally:
        reader.close()
    assert_no_crash(result)
    assert result.returncode == 2, result.stderr
    if disk.mounted:
        assert "not enough free space to record the witness" in result.stderr
    else:
        # SQLite reports a write past the size limit as "disk I/O error", not as a full disk.
        assert "the last change was not saved" in result.stderr, result.stderr
    assert rows(job_on, "SELECT id FROM witness") == []
    assert_nothing_half_written(job_on)


def test_seal_on_a_full_disk(disk: SmallDisk, job_on: Path) -> None:
    disk.fill(leave=512 * 1024)
    result = run("sync", "seal", job_on, preexec_fn=disk.limit(64 * 1024))
    assert_refused_for_space(result, disk)
    assert rows(job_on, "SELECT id FROM outbox") == []
    assert_nothing_half_written(job_on)
    assert not (job_on / "outbox").exists() or list((job_on / "outbox").iterdir()) == []
    # Room again: the same job seals, and nothing of the refused attempt is in the way.
    (disk.root / "filler").unlink(missing_ok=True)
    sealed = run("sync", "seal", job_on)
    assert sealed.returncode == 0, sealed.stderr
    assert_nothing_half_written(job_on)
