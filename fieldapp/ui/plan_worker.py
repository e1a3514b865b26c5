"""PlanWorker: boundary check and planning on their own thread, progress and result as signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.survey.boundary import BoundaryReport
from fieldapp.survey.planning import Plan
from fieldapp.ui.worker_threads import WorkerThreads

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

    def cancel(self) -> None:
        """Thread-safe: the run stops at its next progress step."""
        self.cancelled = True

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


# A view closed with its job must not drop a thread still running: they are kept here.
_THREADS: WorkerThreads[PlanWorker] = WorkerThreads("plan")
_RUNNING = _THREADS.workers
start_worker = _THREADS.start
running = _THREADS.running
stop_all = _THREADS.stop_all
