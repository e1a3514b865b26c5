"""Two `fieldapp` processes on one job: they wait for each other or one refuses clearly.

Real processes started together (subprocess.Popen), 10 trials each: no traceback, no exit 70,
no orphan file, and every result the processes reported is in the job.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from jobkit import (
    assert_no_crash,
    assert_occupation_raw_consistent,
    assert_photos_consistent,
    cli_env,
    integrity,
    litter,
    rows,
    run,
    start,
)
from test_marker_cli import photo, sk_job, synthetic_capture

TRIALS = 10


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The children's config (crash logs) in the test's folder, never the real one."""
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "device-home"))
    return tmp_path / "device-home"


@pytest.fixture
def occupy_job(tmp_path: Path) -> Path:
    job = Path(sk_job(tmp_path))
    for name, lon in (("1", LON0), ("2", LON0 + 1e-3)):
        assert (
            run("marker", "add", job, name, "--lat", str(LAT0), "--lon", str(lon)).returncode == 0
        )
    return job


def _both(*argvs: list[str | Path]) -> list[subprocess.CompletedProcess[str]]:
    procs = [start(*argv) for argv in argvs]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def test_two_occupations_at_once_both_stored(occupy_job: Path, tmp_path: Path) -> None:
    capture = synthetic_capture(tmp_path / "cap.nmea")
    expected = 0
    for trial in range(TRIALS):
        # The same marker twice in one trial, the other marker too: one database, two writers.
        markers = ("1", "1") if trial % 2 else ("1", "2")
        results = _both(
            *(["marker", "occupy", occupy_job, m, "--replay", capture, "--json"] for m in markers)
        )
        for result in results:
            assert_no_crash(result)
            # Both wait for each other: neither is refused, both occupations pass.
            assert result.returncode == 0, result.stderr
            reported = json.loads(result.stdout)["occupation"]
            assert reported["result"]["passed"] and reported["result"]["epochs_used"] == 30
            expected += 1
    states = rows(
        occupy_job,
        "SELECT state, epochs_used, (SELECT count(*) FROM occupation_epoch e"
        " WHERE e.occupation_id = o.id) FROM occupation o",
    )
    assert len(states) == expected == 2 * TRIALS
    assert all(row == ("finished", 30, 40) for row in states), states
    assert integrity(occupy_job) == "ok"
    assert_occupation_raw_consistent(occupy_job)
    assert litter(occupy_job) == []


def test_two_photo_imports_at_once(occupy_job: Path, tmp_path: Path) -> None:
    """The same photo twice at once: one import, one clear "already imported"; never two rows."""
    for trial in range(TRIALS):
        f = photo(tmp_path / f"p{trial}.jpg", f"#{20 * trial + 10:02x}8040")
        first, second = _both(
            *(["marker", "photo", occupy_job, "1", f, "--direction", "utara"] for _ in "ab")
        )
        for result in (first, second):
            assert_no_crash(result)
        codes = sorted((first.returncode, second.returncode))
        assert codes == [0, 2], (first.stderr, second.stderr)
        refusal = first.stderr or second.stderr
        assert "already imported" in refusal or "in use by" in refusal
    assert len(rows(occupy_job, "SELECT id FROM photo")) == TRIALS
    assert_photos_consistent(occupy_job)
    assert litter(occupy_job) == []
    assert integrity(occupy_job) == "ok"


_HOLDER = """
import sys, time
from fieldapp.store import JobStore
from fieldapp.store.joblock import job_lock
store = JobStore.open(sys.argv[1])
with job_lock(store, "sealing a package"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_live_holder_is_named_in_the_refusal(occupy_job: Path, tmp_path: Path) -> None:
    """A photo while another program holds the job: after the wait, who holds it and since when."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(occupy_job)],
        env=cli_env(), stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        f = photo(tmp_path / "p.jpg", "#808040")
        result = run(
            "marker", "photo", occupy_job, "1", f, "--direction", "utara",
            env=cli_env(FIELDAPP_LOCK_WAIT_S="0.5"),
        )  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    assert_no_crash(result)
    assert result.returncode == 2
    line = result.stderr.strip()
    assert f"job {occupy_job} is in use by" in line and "sealing a package" in line
    assert f"PID {holder.pid} on host {socket.gethostname()} since" in line
    assert "wait for it or close it" in line
    assert rows(occupy_job, "SELECT id FROM photo") == []
    # The holder was killed: its lock is stale and the next import takes it over.
    assert run("marker", "photo", occupy_job, "1", f, "--direction", "utara").returncode == 0
    assert litter(occupy_job) == []
    assert len(list((occupy_job / "photos").iterdir())) == 1
