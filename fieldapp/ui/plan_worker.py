"""PlanWorker: boundary check and planning on their own thread, progress and result as signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from fieldapp.survey.boundary import BoundaryReport
from fieldapp.survey.planning import Plan

CHECK = "check"  # the phase names the task reports: "check" (validation), "plan"


@dataclass(frozen=True, slots=True)
class PlanResult:
    report: BoundaryReport
    plan: Plan


class Cancelled(Exception):
    """Raised inside the task from its progress callback once the run is cancelled."""


class PlanWorker(QObject):
    """Runs ``task(report)``; ``done`` carries its result, or the exception it raised."""

    Report = Callable[[str, int, int], None]  # (phase, done, total)
    progressed = Signal(str, int, int)
    done = Signal(object)

    def __init__(
        self, task: Callable[[Report], object], job: Path, stop: Callable[[], bool] = bool
    ) -> None:
        super().__init__()
        self.task = task
        self.job = job
        self.stop = stop  # asked at each progress step: True ends the run (the job closed)
        self.cancelled = False
        self._last: tuple[str, int] | None = None

    def run(self) -> None:
        try:
            result: object = self.task(self._report)
        except Exception as exc:  # handed to the GUI thread, which decides what it means
            result = exc
        self.done.emit(result)

    def _report(self, phase: str, done: int, total: int) -> None:
        if self.cancelled or self.stop():
            raise Cancelled
        # A signal per percent, not per boundary line: thousands of lines, one GUI update each
        # would cost the GUI thread more than the work saves.
        step = (phase, 100 * done // max(total, 1))
        if step != self._last:
            self._last = step
            self.progressed.emit(phase, done, total)


# Running workers by thread: a view closed with its job must not drop a thread still running.
_RUNNING: dict[QThread, PlanWorker] = {}


def start_worker(worker: PlanWorker) -> QThread:
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


def stop_all() -> None:
    """Cancel every running plan and wait for its thread (on quit)."""
    for thread, worker in list(_RUNNING.items()):
        worker.cancelled = True
        thread.wait()
    _RUNNING.clear()


def _stop_all_on_quit() -> None:
    app = QApplication.instance()
    if app is not None and not app.property("fieldapp_plan_stop_on_quit"):
        app.setProperty("fieldapp_plan_stop_on_quit", True)
        app.aboutToQuit.connect(stop_all)
