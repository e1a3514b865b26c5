"""Background workers on their own QThreads, kept alive until each thread has really ended."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QApplication


class Cancellable(Protocol):
    """What a worker needs: a ``done`` signal ending its run and a thread-safe ``cancel()``."""

    def cancel(self) -> None: ...


W = TypeVar("W", bound=QObject)


class _Reaper(QObject):
    """Lives on the GUI thread: forgets finished threads once they have really ended."""

    def __init__(self, workers: dict[QThread, QObject]) -> None:
        super().__init__()
        self._workers = workers

    @Slot()
    def reap(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()  # finished is emitted just before the thread ends: let it end
            self._workers.pop(thread, None)


class WorkerThreads(Generic[W]):
    """The running workers of one kind, by thread.

    A view closed with its job must not drop a thread still running (Qt aborts on a QThread
    destroyed while it runs), and quitting the application cancels and waits for every one.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.workers: dict[QThread, W] = {}
        self._reaper: _Reaper | None = None

    def start(self, worker: W) -> QThread:
        """Start ``worker.run`` on a new thread, kept here until the thread has finished."""
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)  # type: ignore[attr-defined]
        # Direct: quit() is thread-safe, and the GUI thread may be waiting for this thread.
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # type: ignore[attr-defined]
        if self._reaper is None:  # made on the GUI thread, where the first start comes from
            self._reaper = _Reaper(self.workers)  # type: ignore[arg-type]
        thread.finished.connect(self._reaper.reap)  # queued to the GUI thread
        self.workers[thread] = worker
        self._stop_all_on_quit()
        thread.start()
        return thread

    def running(self) -> list[QThread]:
        return list(self.workers)

    def stop_all(self) -> None:
        """Cancel every running worker and wait for its thread (on quit, on job close)."""
        for thread, worker in list(self.workers.items()):
            worker.cancel()  # type: ignore[attr-defined]
            thread.wait()
        self.workers.clear()

    def _stop_all_on_quit(self) -> None:
        app = QApplication.instance()
        key = f"fieldapp_{self.name}_stop_on_quit"
        if app is not None and not app.property(key):
            app.setProperty(key, True)
            app.aboutToQuit.connect(self.stop_all)
