"""ControlWorker: a baseline run on its own thread, progress and result as signals, cancellable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.app.control import process_baseline
from fieldapp.gnss.baseline import GeodeticPosition
from fieldapp.store import JobStore
from fieldapp.ui.worker_threads import WorkerThreads

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


# A view closed with its job must not drop a thread still running: they are kept here.
_THREADS: WorkerThreads[ControlWorker] = WorkerThreads("control")
_RUNNING = _THREADS.workers
start_worker = _THREADS.start
running = _THREADS.running
stop_all = _THREADS.stop_all
