"""Real `fieldapp` processes on one job, and the checks that a job holds no litter or orphans.

Used by the two-process, kill -9 and full-disk tests: the CLI runs as `python -m fieldapp`
in its own process (this worktree's code through PYTHONPATH), so locks, kills and disk
limits act on a real program.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
INTERNAL_ERROR = 70  # fieldapp.cli.INTERNAL_ERROR_EXIT: always a bug in these tests
LITTER_SUFFIXES = (".part", ".partial", ".intent")


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), **extra}
    env.pop("FIELDAPP_CRASH_AT", None)
    env.update(extra)
    return env


def start(
    *args: str | Path,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fieldapp", *map(str, args)],
        cwd=PROJECT,
        env=env or cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=preexec_fn,  # tests only: POSIX resource limits (CI is Linux)
    )


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    proc = start(*args, env=env, preexec_fn=preexec_fn)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def run_step(
    *args: str | Path, job: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run to the end, and measure how long the step held ``job.lock`` (seconds).

    Random kills are aimed inside that window, so they land in the step on a fast machine
    and a slow one alike, instead of after it on one and before it on the other.
    """
    import time

    proc = start(*args, env=env)
    lock = job / "job.lock"
    began = None
    while proc.poll() is None:
        if began is None and lock.exists():
            began = time.monotonic()
        time.sleep(0.001)
    ended = time.monotonic()
    out, err = proc.communicate(timeout=120)
    held = ended - began if began is not None else 0.0
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), held


def assert_no_crash(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 0, 1 or 2 with at most one line on stderr: never a traceback or exit 70."""
    what = f"{' '.join(map(str, result.args[2:]))} -> {result.returncode}\n{result.stderr}"
    assert result.returncode in (0, 1, 2), what
    assert "Traceback" not in result.stderr, what
    assert len(result.stderr.strip().splitlines()) <= 1, what


def litter(job: Path) -> list[Path]:
    """Part files, partial bags, intents and a left lock anywhere in the job folder."""
    found = [p for p in job.rglob(".*") if p.name.endswith(LITTER_SUFFIXES)]
    if (job / "job.lock").exists():
        found.append(job / "job.lock")
    return sorted(found)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(job: Path) -> str:
    with sqlite3.connect(job / "job.sqlite") as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def rows(job: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(job / "job.sqlite")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def assert_photos_consistent(job: Path, before: set[str] | frozenset[str] = frozenset()) -> None:
    """Every photo row's file is there and complete; every new file in photos/ has a row."""
    recorded = {}
    for name, digest, size in rows(job, "SELECT file_name, sha256, size_bytes FROM photo"):
        path = job / "photos" / str(name)
        assert path.is_file(), f"photo row {name} without its file"
        assert path.stat().st_size == size and sha256(path) == digest, f"{name} is incomplete"
        recorded[str(name)] = digest
    files = {p.name for p in (job / "photos").iterdir()} - set(before)
    assert files <= set(recorded), f"photo files without a row: {sorted(files - set(recorded))}"


def assert_outbox_consistent(job: Path) -> None:
    """Every sealed row has its bag; every bag in outbox/ has a sealed row; no drafts' bags."""
    bags = (
        {f"outbox/{p.name}" for p in (job / "outbox").iterdir() if not p.name.startswith(".")}
        if (job / "outbox").is_dir()
        else set()
    )
    sealed = {str(r[0]) for r in rows(job, "SELECT bag_dir FROM outbox WHERE state != 'draft'")}
    assert bags <= sealed, f"bags without a sealed row: {sorted(bags - sealed)}"
    for bag in sealed:
        assert (job / bag / "tagmanifest-sha256.txt").is_file(), f"{bag} incomplete"


def assert_occupation_raw_consistent(job: Path) -> None:
    """Every occupation's raw capture is there; every occupation capture in raw/ has a row."""
    named = {str(r[0]) for r in rows(job, "SELECT raw_log FROM occupation") if r[0]}
    for raw in named:
        assert (job / raw).is_file() and (job / raw).stat().st_size > 0, f"{raw} missing"
    files = {f"raw/{p.name}" for p in (job / "raw").glob("occupation-*")}
    assert files <= named, f"raw captures without a row: {sorted(files - named)}"


def kill_during_step(proc: subprocess.Popen[str], job: Path, delay_s: float) -> bool:
    """SIGKILL ``proc`` ``delay_s`` after its step took the job lock; True if it still ran.

    Waiting for ``job.lock`` first puts the kill inside the step (copying, fsync, rename,
    commit) rather than in the interpreter's start-up.
    """
    import signal
    import time

    lock = job / "job.lock"
    deadline = time.monotonic() + 60
    while proc.poll() is None and not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(delay_s)
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    return running
