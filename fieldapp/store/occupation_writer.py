"""OccupationWriter: one occupation recorded in a writer thread with its own job-file connection.

A GUI must not wait for ``synchronous = FULL`` commits on a slow card, so the epochs go through
a queue to a thread that owns a second SQLite connection to the same job file (WAL lets the
GUI's connection read meanwhile). The thread drains whatever has queued up, feeds it to an
:class:`~fieldapp.store.occupations.OccupationRecorder` and commits it as one transaction; only
then does it report :class:`EpochsSaved`. So the caller may say "saved" exactly for what an
event confirms: an epoch still in the queue when the process dies was never reported as saved.

A commit that fails (database locked, disk full) is reported as a non-fatal
:class:`WriterFailed`; the epochs stay in the recorder and the commit is retried, so nothing
queued is dropped. Finishing, abandoning and closing are queued behind the epochs already
given. Events are delivered by calling ``on_event`` in the writer thread: a GUI turns them into
queued signals.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from fieldapp.gnss.fix import Fix
from fieldapp.store.installation import record_stake_from_occupation
from fieldapp.store.jobfile import JobFileError, JobStore
from fieldapp.store.occupations import (
    OccupationRecorder,
    begin_occupation,
    check_antenna_after,
    recover_occupation,
)
from fieldapp.survey.installation import OccupationRecord, StakeRecord
from fieldapp.survey.occupation import (
    AntennaHeight,
    GateProfile,
    Occupation,
    OccupationProgress,
    RejectReason,
)

log = logging.getLogger(__name__)

MAX_GROUP = 200  # epochs per transaction at most: a backlog drains in a few commits
RETRY_S = 1.0  # after a failed commit, try again this often even when no epoch arrives
# What a job file can throw at a writer: SQLite errors, the disk, our own store checks.
STORE_ERRORS = (sqlite3.Error, OSError, JobFileError, LookupError, ValueError)


@dataclass(frozen=True, slots=True)
class WriterStarted:
    """The ``running`` occupation row is committed."""

    occupation_id: int
    marker: str


@dataclass(frozen=True, slots=True)
class EpochsSaved:
    """Every epoch given so far up to ``epochs_on_disk`` is committed; counts are provisional."""

    occupation_id: int
    epochs_on_disk: int
    progress: OccupationProgress
    rejected_by_reason: Mapping[RejectReason, int]


@dataclass(frozen=True, slots=True)
class WriterFinished:
    """The result is committed; ``stake`` is the staked position recorded from a pass."""

    record: OccupationRecord
    stake: StakeRecord | None


@dataclass(frozen=True, slots=True)
class WriterAbandoned:
    occupation_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class WriterClosed:
    """Recording stopped with the occupation left ``running`` on disk (recoverable)."""

    occupation_id: int
    epochs_on_disk: int


@dataclass(frozen=True, slots=True)
class WriterFailed:
    """``fatal``: the writer has stopped. Otherwise the work is kept and retried."""

    message: str
    occupation_id: int | None
    fatal: bool


WriterEvent = (
    WriterStarted | EpochsSaved | WriterFinished | WriterAbandoned | WriterClosed | WriterFailed
)
TERMINAL = (WriterFinished, WriterAbandoned, WriterClosed)


@dataclass(frozen=True, slots=True)
class _Finish:
    antenna: AntennaHeight | None
    antenna_after_m: float | None = None


@dataclass(frozen=True, slots=True)
class _Abandon:
    reason: str


class _Close:
    pass


_Item = Fix | _Finish | _Abandon | _Close


class OccupationWriter:
    """Records one occupation of ``marker`` in ``job_path`` off the caller's thread.

    ``add``/``finish``/``abandon``/``close`` never block; ``join`` waits for the thread. The
    last terminal event (finished, abandoned, closed, fatal failure) is kept in ``outcome``
    so a caller that joined can act on it without waiting for its own event delivery.
    """

    def __init__(
        self,
        job_path: Path,
        marker: str,
        profile: GateProfile,
        antenna: AntennaHeight | None = None,
        *,
        on_event: Callable[[WriterEvent], None],
        device: str | None = None,
        source: str | None = None,
        raw_log: str | None = None,
        surveyor: str | None = None,
        stake_when_passed: bool = True,
        busy_timeout_s: float | None = None,
        base_station: str | None = None,
        equipment_id: int | None = None,
    ) -> None:
        self.job_path = job_path
        self.marker = marker
        self.profile = profile
        self.antenna = antenna
        self._on_event = on_event
        self._meta = {"device": device, "source": source, "raw_log": raw_log}
        self._surveyor = surveyor
        self._method = {"base_station": base_station, "equipment_id": equipment_id}
        self._stake = stake_when_passed
        self._busy_timeout_s = busy_timeout_s
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=self._run, name=f"occupation-writer-{marker}", daemon=True
        )
        self._stopping = False
        self.occupation_id: int | None = None
        self.outcome: WriterEvent | None = None

    # --- caller side -----------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def add(self, fix: Fix) -> None:
        """Queue an epoch; it counts as saved once an :class:`EpochsSaved` covers it."""
        if not self._stopping:
            self._queue.put(fix)

    def finish(
        self, antenna: AntennaHeight | None = None, antenna_after_m: float | None = None
    ) -> None:
        """Commit what is queued, then the result (and the stake when it passed).

        ``antenna_after_m``: the height measured again after the session; a value out of
        range raises here, before anything is queued, so the caller can ask again.
        """
        check_antenna_after(antenna_after_m)
        self._stopping = True
        self._queue.put(_Finish(antenna or self.antenna, antenna_after_m))

    def abandon(self, reason: str) -> None:
        self._stopping = True
        self._queue.put(_Abandon(reason))

    def close(self) -> None:
        """Commit what is queued and stop, leaving the occupation running on disk."""
        self._stopping = True
        self._queue.put(_Close())

    def join(self, timeout: float | None = None) -> bool:
        """True when the thread has ended."""
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # --- writer thread ---------------------------------------------------------------
    def _emit(self, event: WriterEvent) -> None:
        if isinstance(event, TERMINAL) or (isinstance(event, WriterFailed) and event.fatal):
            self.outcome = event
        try:
            self._on_event(event)
        except Exception:  # a receiver gone (window closed) must not kill the writer
            log.exception("occupation writer: event receiver failed")

    def _open(self) -> JobStore:
        store = JobStore.open(self.job_path)
        if self._busy_timeout_s is not None:
            store.db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_s * 1000)}")
        return store

    def _run(self) -> None:
        try:
            store = self._open()
        except STORE_ERRORS as exc:
            self._emit(WriterFailed(f"{self.job_path}: {exc}", None, fatal=True))
            return
        try:
            self._record(store)
        finally:
            store.close()

    def _record(self, store: JobStore) -> None:
        try:
            # Batching is ours (one commit per drained group), never the recorder's.
            recorder = begin_occupation(
                store.db, self.marker, self.profile, self.antenna, surveyor=self._surveyor,
                batch=10**9, **self._meta, **self._method,
            )  # fmt: skip
        except STORE_ERRORS as exc:
            self._emit(WriterFailed(str(exc), None, fatal=True))
            return
        self.occupation_id = recorder.id
        self._emit(WriterStarted(recorder.id, self.marker))
        reasons: Counter[RejectReason] = Counter()
        on_disk = 0
        unsaved = 0  # epochs in the recorder whose commit failed so far
        while True:
            items = self._drain(block_s=RETRY_S if unsaved else None)
            control: _Item | None = None
            for item in items:
                if isinstance(item, Fix):
                    verdict = recorder.add(item)
                    unsaved += 1
                    if verdict.reason is not None:
                        reasons[verdict.reason] += 1
                else:
                    control = item
                    break  # nothing is queued after a control item (add refuses)
            if unsaved:
                try:
                    recorder.commit()
                except STORE_ERRORS as exc:
                    self._emit(WriterFailed(self._not_saved(unsaved, exc), recorder.id, False))
                    if control is None:
                        continue
                else:
                    on_disk += unsaved
                    unsaved = 0
                    self._emit(
                        EpochsSaved(recorder.id, on_disk, recorder.occupation.progress,
                                    dict(reasons))
                    )  # fmt: skip
            if control is not None and self._control(store, recorder, control, on_disk):
                return

    @staticmethod
    def _not_saved(n: int, exc: BaseException) -> str:
        return f"{n} epoch(s) not saved yet ({exc}); retrying"

    def _drain(self, block_s: float | None) -> list[_Item]:
        try:
            items = [self._queue.get(timeout=block_s)]
        except queue.Empty:
            return []
        while len(items) < MAX_GROUP:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return items

    def _control(
        self, store: JobStore, recorder: OccupationRecorder, item: _Item, on_disk: int
    ) -> bool:
        """Carry out finish/abandon/close; False when it failed and the writer goes on."""
        try:
            if isinstance(item, _Finish):
                record = recorder.finish(item.antenna, item.antenna_after_m)
                stake = None
                if self._stake and record.result is not None and record.result.passed:
                    stake = record_stake_from_occupation(store.db, record.id)
                self._emit(WriterFinished(record, stake))
            elif isinstance(item, _Abandon):
                recorder.abandon(item.reason)
                self._emit(WriterAbandoned(recorder.id, item.reason))
            else:
                recorder.commit()
                self._emit(WriterClosed(recorder.id, on_disk))
        except STORE_ERRORS as exc:
            # The epochs are on disk (or still in the recorder): ask again, or recover later.
            self._stopping = False
            self._emit(WriterFailed(str(exc), recorder.id, fatal=False))
            return False
        return True


class RecoveryJob:
    """An interrupted occupation finished from the epochs on disk (or abandoned), in a thread."""

    def __init__(
        self,
        job_path: Path,
        occupation_id: int,
        on_event: Callable[[WriterEvent], None],
        abandon_reason: str | None = None,
    ) -> None:
        self.job_path = job_path
        self.occupation_id = occupation_id
        self._on_event = on_event
        self._abandon = abandon_reason
        self.outcome: WriterEvent | None = None
        self._thread = threading.Thread(target=self._run, name="occupation-recovery", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        event: WriterEvent
        try:
            with JobStore.open(self.job_path) as store:
                if self._abandon is not None:
                    # The gates do not matter for abandoning: nothing is computed.
                    OccupationRecorder(store.db, self.occupation_id, Occupation()).abandon(
                        self._abandon
                    )
                    event = WriterAbandoned(self.occupation_id, self._abandon)
                else:
                    record = recover_occupation(store.db, self.occupation_id)
                    stake = None
                    if record.result is not None and record.result.passed:
                        stake = record_stake_from_occupation(store.db, record.id)
                    event = WriterFinished(record, stake)
        except STORE_ERRORS as exc:
            event = WriterFailed(str(exc), self.occupation_id, fatal=True)
        self.outcome = event
        try:
            self._on_event(event)
        except Exception:
            log.exception("occupation recovery: event receiver failed")
