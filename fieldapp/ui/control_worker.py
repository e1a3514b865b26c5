"""ControlWorker: a baseline run on its own thread, progress and result as signals, cancellable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from fieldapp.app.control import process_baseline
from fieldapp.gnss.baseline import GeodeticPosition
from fieldapp.store import JobStore

Progress = Callable[[float, str], None]  # (fraction 0..1, what the engine does now)
Task = Callable[[Progress, threading.Event], object]


class ControlWorker(QObject):
    """Runs ``task(progress, cancel)``; ``done`` carries its result, or the exception it raised.

    Cancel only sets the event the task was given: the engine sees it between its steps (and
    stops the RTKLIB process it runs), so the task ends with its own ProcessingCancelled.
    """

    progressed = Signal(float, str)
    done = Signal(object)

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.cancel_event = threading.Event()
        self._last: tuple[int, str] | None = None

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def cancel(self) -> None:
        """Thread-safe: the GUI thread sets it, the task reads it."""
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result: object = self.task(self._progress, self.cancel_event)
        except Exception as exc:  # handed to the GUI thread, which decides what it means
            result = exc
        self.done.emit(result)

    def _progress(self, fraction: float, step: str) -> None:
        # A signal per percent or new step, not per engine line: the GUI thread stays free.
        key = (int(100 * max(0.0, min(1.0, fraction))), step)
        if key != self._last:
            self._last = key
            self.progressed.emit(key[0] / 100.0, step)


def baseline_task(job: Path, rover: str, base: str, base_position: GeodeticPosition | None) -> Task:
    """The work of one run: its own connection to the job, on the worker thread."""

    def task(progress: Progress, cancel: threading.Event) -> object:
        store = JobStore.open(job)
        try:
            return process_baseline(
                store, rover, base, base_position, progress=progress, cancel=cancel
            )
        finally:
            store.close()

    return task


# Running workers by thread: a view closed with its job must not drop a thread still running.
_RUNNING: dict[QThread, ControlWorker] = {}


def start_worker(worker: ControlWorker) -> QThread:
    """Start ``worker`` on a new thread, kept alive here until it has finished."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and the GUI thread may be waiting for this thread.
    worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(_reaper().reap)  # queued to the GUI thread, where _RUNNING lives
    _RUNNING[thread] = worker
    _stop_all_on_quit()
    thread.start()
    return thread


class _Reaper(QObject):
    """Lives on the GUI thread: forgets finished threads once they have really ended."""

    @Slot()
    def reap(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()  # finished is emitted just before the thread ends: let it end
            _RUNNING.pop(thread, None)


_REAPER: list[_Reaper] = []


def _reaper() -> _Reaper:
    if not _REAPER:
        _REAPER.append(_Reaper())
    return _REAPER[0]


def running() -> list[QThread]:
    return list(_RUNNING)


def stop_all() -> None:
    """Cancel every running baseline and wait for its thread (on quit, on job close)."""
    for thread, worker in list(_RUNNING.items()):
        worker.cancel()
        thread.wait()
    _RUNNING.clear()


def _stop_all_on_quit() -> None:
    app = QApplication.instance()
    if app is not None and not app.property("fieldapp_control_stop_on_quit"):
        app.setProperty("fieldapp_control_stop_on_quit", True)
        app.aboutToQuit.connect(stop_all)
