"""The occupation writer thread: saved means committed, locks are waited out, nothing dropped."""

from __future__ import annotations

import queue
import sqlite3
import threading
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0, make_fix

from fieldapp.gnss.fix import GgaQuality
from fieldapp.store import JobStore
from fieldapp.store.jobfile import DB_NAME
from fieldapp.store.occupation_writer import (
    EpochsSaved,
    OccupationWriter,
    RecoveryJob,
    WriterAbandoned,
    WriterClosed,
    WriterEvent,
    WriterFailed,
    WriterFinished,
    WriterStarted,
)
from fieldapp.store.occupations import incomplete_occupations, load_epochs, load_occupation
from fieldapp.store.records import load_marker, upsert_markers
from fieldapp.survey.installation import OccupationState
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.survey.occupation import AntennaHeight, GateProfile, RejectReason

QUICK = GateProfile(name="quick", min_epochs=5, min_seconds=4.0)


@pytest.fixture
def job(tmp_path: Path) -> Path:
    with JobStore.create(tmp_path / "t.fieldapp", "Test") as store:
        upsert_markers(store.db, [Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, 40.0)])
    return tmp_path / "t.fieldapp"


def _rows_on_disk(job: Path, occ_id: int) -> int:
    """Read through a connection of our own: what another process would find after a crash."""
    conn = sqlite3.connect(job / DB_NAME)
    try:
        return int(
            conn.execute(
                "SELECT COUNT(*) FROM occupation_epoch WHERE occupation_id = ?", [occ_id]
            ).fetchone()[0]
        )
    finally:
        conn.close()


class Events:
    """Collects events; for each EpochsSaved it counts the rows actually committed then."""

    def __init__(self, job: Path) -> None:
        self.job = job
        self.q: queue.Queue[WriterEvent] = queue.Queue()
        self.all: list[WriterEvent] = []
        self.on_disk_when_saved: list[tuple[int, int]] = []

    def __call__(self, e: WriterEvent) -> None:
        if isinstance(e, EpochsSaved):
            self.on_disk_when_saved.append(
                (e.epochs_on_disk, _rows_on_disk(self.job, e.occupation_id))
            )
        self.all.append(e)
        self.q.put(e)

    def until(self, kind: type, timeout: float = 10.0) -> WriterEvent:
        while True:
            e = self.q.get(timeout=timeout)
            if isinstance(e, kind):
                return e


def test_saved_means_committed_and_the_result_is_stored(job: Path) -> None:
    events = Events(job)
    w = OccupationWriter(job, "1", QUICK, AntennaHeight(1.5), on_event=events, device="sim")
    w.start()
    started = events.until(WriterStarted)
    assert isinstance(started, WriterStarted) and started.marker == "1"
    for i in range(8):
        w.add(make_fix(i, quality=GgaQuality.RTK_FLOAT if i == 2 else GgaQuality.RTK_FIXED))
    w.finish()
    done = events.until(WriterFinished)
    assert w.join(5)
    saved = [e for e in events.all if isinstance(e, EpochsSaved)]
    assert saved and saved[-1].epochs_on_disk == 8
    assert saved[-1].progress.epochs_used == 7 and saved[-1].progress.epochs_rejected == 1
    assert saved[-1].rejected_by_reason == {RejectReason.NOT_FIXED: 1}
    # Every confirmation came when at least that many rows were readable by another connection.
    assert all(rows >= claimed for claimed, rows in events.on_disk_when_saved)
    assert isinstance(done, WriterFinished) and w.outcome == done
    assert done.record.state is OccupationState.FINISHED and done.record.result is not None
    assert done.record.result.passed and done.record.epochs_on_disk == 8
    assert done.stake is not None and done.stake.occupation_id == done.record.id
    with JobStore.open(job) as store:
        assert load_occupation(store.db, done.record.id) == done.record
        assert load_marker(store.db, "1").status.value == "staked"


def test_a_locked_database_is_waited_out_and_no_epoch_is_lost(job: Path) -> None:
    events = Events(job)
    w = OccupationWriter(job, "1", QUICK, on_event=events, busy_timeout_s=0.05)
    w.start()
    events.until(WriterStarted)
    # Another writer (the GUI saving a photo on a slow card, say) holds the write lock.
    blocker = sqlite3.connect(job / DB_NAME, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    for i in range(6):
        w.add(make_fix(i))  # returns at once: the caller never waits for the lock
    failed = events.until(WriterFailed)
    assert isinstance(failed, WriterFailed) and not failed.fatal
    assert "locked" in failed.message and "retrying" in failed.message
    assert _rows_on_disk(job, failed.occupation_id or 0) == 0
    blocker.execute("ROLLBACK")
    blocker.close()
    saved = events.until(EpochsSaved)  # the retry, without any new epoch
    assert isinstance(saved, EpochsSaved) and saved.epochs_on_disk == 6
    w.finish()
    done = events.until(WriterFinished)
    assert isinstance(done, WriterFinished) and done.record.epochs_on_disk == 6


def test_close_leaves_it_running_for_recovery_and_abandon(job: Path) -> None:
    events = Events(job)
    w = OccupationWriter(job, "1", QUICK, on_event=events)
    w.start()
    for i in range(6):
        w.add(make_fix(i))
    w.close()
    w.add(make_fix(99))  # after close: refused, never half-recorded
    closed = events.until(WriterClosed)
    assert isinstance(closed, WriterClosed) and closed.epochs_on_disk == 6
    with JobStore.open(job) as store:
        (pending,) = incomplete_occupations(store.db)
        assert pending.epochs_on_disk == 6 and len(load_epochs(store.db, pending.id)) == 6

    recovered: queue.Queue[WriterEvent] = queue.Queue()
    job_thread = RecoveryJob(job, pending.id, recovered.put)
    job_thread.start()
    done = recovered.get(timeout=10)
    assert isinstance(done, WriterFinished) and done.record.result is not None
    assert done.record.result.passed and done.stake is not None

    second = OccupationWriter(job, "1", QUICK, on_event=events)
    second.start()
    second.add(make_fix(200))
    second.abandon("pole knocked over")
    gone = events.until(WriterAbandoned)
    assert isinstance(gone, WriterAbandoned) and gone.reason == "pole knocked over"
    with JobStore.open(job) as store:
        occ = load_occupation(store.db, gone.occupation_id)
        assert occ.state is OccupationState.ABANDONED and occ.epochs_on_disk == 1


def test_recovery_job_abandons_an_interrupted_occupation(job: Path) -> None:
    events = Events(job)
    w = OccupationWriter(job, "1", QUICK, on_event=events)
    w.start()
    w.add(make_fix(0))
    w.close()
    closed = events.until(WriterClosed)
    assert isinstance(closed, WriterClosed)
    out: queue.Queue[WriterEvent] = queue.Queue()
    RecoveryJob(job, closed.occupation_id, out.put, abandon_reason="interrupted").start()
    assert isinstance(out.get(timeout=10), WriterAbandoned)
    with JobStore.open(job) as store:
        assert incomplete_occupations(store.db) == []


def test_unknown_marker_and_missing_job_are_fatal_messages(job: Path, tmp_path: Path) -> None:
    events = Events(job)
    OccupationWriter(job, "9Z", QUICK, on_event=events).start()
    e = events.until(WriterFailed)
    assert isinstance(e, WriterFailed) and e.fatal and "9Z" in e.message
    OccupationWriter(tmp_path / "gone.fieldapp", "1", QUICK, on_event=events).start()
    e = events.until(WriterFailed)
    assert isinstance(e, WriterFailed) and e.fatal and "gone.fieldapp" in e.message


def test_a_receiver_that_raises_does_not_stop_the_recording(job: Path) -> None:
    done = threading.Event()

    def receiver(e: WriterEvent) -> None:
        if isinstance(e, WriterFinished):
            done.set()
        raise RuntimeError("window already closed")

    w = OccupationWriter(job, "1", QUICK, on_event=receiver)
    w.start()
    for i in range(6):
        w.add(make_fix(i))
    w.finish()
    assert done.wait(10) and w.join(5)
    assert isinstance(w.outcome, WriterFinished) and w.outcome.record.epochs_on_disk == 6
