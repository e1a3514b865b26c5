"""kill -9 at every step of `marker photo` (20 trials): the next import leaves no litter.

Named steps (FIELDAPP_CRASH_AT: the part file written, the file renamed into place, the row
committed) and SIGKILL at a random delay after the import took the job lock; after each, the
same photo is imported again and the job must hold every committed photo complete, no file
without a row and no part file.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from jobkit import (
    assert_no_crash,
    assert_photos_consistent,
    cli_env,
    integrity,
    kill_during_step,
    litter,
    rows,
    run,
    run_step,
    start,
)
from PIL import Image
from test_marker_cli import sk_job

KILLS = 20
CRASH_POINTS = ("photo.part-written", "photo.published", "photo.committed")


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "device-home"))
    return tmp_path / "device-home"


def big_photo(path: Path, seed: int) -> Path:
    """A noisy JPEG of about a MB: kills are aimed inside the time its import takes."""
    Image.effect_noise((1000, 1000), 40 + seed).convert("RGB").save(path, "JPEG", quality=95)
    return path


def test_a_killed_photo_import_leaves_nothing_after_the_next(tmp_path: Path) -> None:
    job = Path(sk_job(tmp_path))
    assert run("marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0)).returncode == 0
    rng = random.Random(14)
    interrupted = 0
    step_s = 0.0  # how long the last whole import held the lock: kills are aimed inside it
    directions = ("utara", "timur", "selatan", "barat", "detail")
    for trial in range(KILLS):
        src = big_photo(tmp_path / f"p{trial}.jpg", trial)
        argv = ("marker", "photo", job, "1", src, "--direction", directions[trial % 5])
        if trial < 3 * len(CRASH_POINTS):
            point = CRASH_POINTS[trial % len(CRASH_POINTS)]
            crashed = run(*argv, env=cli_env(FIELDAPP_CRASH_AT=point))
            assert crashed.returncode == 137, crashed.stderr
        else:
            delay = rng.uniform(0.05, 0.9) * step_s
            interrupted += kill_during_step(start(*argv), job, delay)
        again, step_s = run_step(*argv, job=job)
        assert_no_crash(again)
        if again.returncode == 2:
            assert "already imported" in again.stderr, again.stderr  # the killed one committed
        else:
            assert again.returncode == 0, again.stderr
        assert litter(job) == [], f"trial {trial}"
        assert integrity(job) == "ok"
        assert_photos_consistent(job)
        assert len(rows(job, "SELECT id FROM photo")) == trial + 1
    # The random kills are worth something only if some landed while the import ran.
    print(f"random kills that interrupted the step: {interrupted}/{KILLS - 3 * len(CRASH_POINTS)}")
    assert interrupted > 0
