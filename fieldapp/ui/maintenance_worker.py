"""SaveWorker: an inspection written on its own thread (photos hashed, copied), then a signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from fieldapp.store import JobStore
from fieldapp.ui.worker_threads import WorkerThreads


class SaveWorker(QObject):
    """Runs ``task(store)`` on a connection of its own; ``done`` carries the result or the error.

    The result is only emitted once ``task`` has returned, that is once the store's transaction
    has committed: the dialog says "saved" on that, never before.
    """

    done = Signal(object)

    def __init__(self, job: Path, task: Callable[[JobStore], Any]) -> None:
        super().__init__()
        self.job = job
        self.task = task

    def cancel(self) -> None:
        """A save is short and must not stop half-way: quitting waits for it."""

    def run(self) -> None:
        try:
            store = JobStore.open(self.job)
            try:
                result: object = self.task(store)
            finally:
                store.close()
        except Exception as exc:  # handed to the GUI thread, which shows it in the dialog
            result = exc
        self.done.emit(result)


_THREADS: WorkerThreads[SaveWorker] = WorkerThreads("maintenance")
start_worker = _THREADS.start
running = _THREADS.running
stop_all = _THREADS.stop_all
