"""The job lock: who holds it, stale locks taken over, live holders named, re-entrant."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.store import JobStore
from fieldapp.store.joblock import (
    LOCK_NAME,
    JobBusyError,
    job_lock,
    pid_alive,
    read_holder,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    with JobStore.create(tmp_path / "j.fieldapp", "J") as s:
        yield s


def _write_lock(store: JobStore, **fields: object) -> None:
    record = {
        "program": "fieldapp sync seal", "operation": "sealing a package", "pid": 1,
        "host": socket.gethostname(), "started": "2026-12-03T08:15:00+07:00",
        "process_started": None, "token": "theirs", **fields,
    }  # fmt: skip
    (store.path / LOCK_NAME).write_text(json.dumps(record), "utf-8")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_lock_file_names_the_holder_and_goes_after(store: JobStore) -> None:
    with job_lock(store, "importing a photo"):
        holder = read_holder(store.path)
        assert holder is not None
        assert holder.pid == os.getpid() and holder.host == socket.gethostname()
        assert holder.operation == "importing a photo" and holder.program and holder.started
    assert not (store.path / LOCK_NAME).exists()


def test_re_entrant_in_one_thread(store: JobStore) -> None:
    with job_lock(store, "a"), job_lock(store, "b"):
        assert (store.path / LOCK_NAME).exists()
    assert not (store.path / LOCK_NAME).exists()


def test_a_dead_holders_lock_is_taken_over(store: JobStore) -> None:
    _write_lock(store, pid=_dead_pid())
    with job_lock(store, "importing a photo", wait_s=0):
        holder = read_holder(store.path)
        assert holder is not None and holder.pid == os.getpid()
    assert not (store.path / LOCK_NAME).exists()


def test_an_unreadable_lock_is_taken_over(store: JobStore) -> None:
    (store.path / LOCK_NAME).write_bytes(b"")  # killed between creating and writing it
    with job_lock(store, "sealing a package", wait_s=0):
        assert read_holder(store.path) is not None


def test_a_reused_pid_is_not_the_holder(store: JobStore) -> None:
    """After a reboot the lock's PID may belong to a process started after the lock."""
    _write_lock(store, pid=os.getppid(), process_started=1.0)
    with job_lock(store, "sealing a package", wait_s=0):
        holder = read_holder(store.path)
        assert holder is not None and holder.pid == os.getpid()


def test_a_live_holder_is_named(store: JobStore) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(store, pid=sleeper.pid)
        with pytest.raises(JobBusyError) as caught, job_lock(store, "importing a photo", 0.2):
            pass
    finally:
        sleeper.kill()
        sleeper.wait()
    assert str(caught.value) == (
        f"job {store.path} is in use by fieldapp sync seal (sealing a package; PID "
        f"{sleeper.pid} on host {socket.gethostname()} since 08:15); wait for it or close it"
    )
    assert read_holder(store.path).token == "theirs"  # type: ignore[union-attr]


def test_a_holder_on_another_host_is_never_taken_over(store: JobStore) -> None:
    _write_lock(store, pid=_dead_pid(), host="laptop-kantor")
    refused = f"if it no longer runs there, delete .*{LOCK_NAME}"
    with pytest.raises(JobBusyError, match=refused), job_lock(store, "sealing a package", 0):
        pass


def test_another_thread_waits_its_turn(store: JobStore) -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with job_lock(store, "sealing a package"):
            held.set()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    held.wait(10)
    try:
        refused = r"in use by this program \(sealing a package\)"
        with pytest.raises(JobBusyError, match=refused), job_lock(store, "photo", wait_s=0.1):
            pass
    finally:
        release.set()
        worker.join()
    with job_lock(store, "importing a photo", wait_s=0):
        pass


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(_dead_pid())
    assert not pid_alive(0)


def test_pid_alive_without_psutil() -> None:
    """The fallback where psutil is missing (POSIX here; Windows asks OpenProcess)."""
    from fieldapp.store.joblock import _pid_alive_plain

    assert _pid_alive_plain(os.getpid())
    assert not _pid_alive_plain(_dead_pid())
