"""The baseline worker: progress reaches the GUI thread, cancel sets the task's event and ends it,
an error comes back as a value; the GUI thread keeps turning meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from fieldapp.ui import control_worker
from fieldapp.ui.control_worker import ControlWorker, start_worker


@pytest.fixture(autouse=True)
def no_thread_left():  # type: ignore[no-untyped-def]
    yield
    control_worker.stop_all()


class Cancelled(Exception):
    pass


def _slow_task(started: threading.Event):  # type: ignore[no-untyped-def]
    def task(progress, cancel: threading.Event) -> str:  # type: ignore[no-untyped-def]
        started.set()
        for i in range(1000):  # ~20 s if nobody cancels
            progress(i / 1000, f"step {i // 100}")
            if cancel.wait(0.02):
                raise Cancelled("stopped at the cancel")
        return "done"

    return task


def test_cancel_stops_the_task_and_the_gui_keeps_turning(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    worker = ControlWorker(_slow_task(started))
    seen: list[tuple[float, str]] = []
    worker.progressed.connect(lambda f, s: seen.append((f, s)))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    thread = start_worker(worker)
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    with qtbot.waitSignal(worker.done, timeout=5000) as blocker:
        worker.cancel()
    timer.stop()
    assert isinstance(blocker.args[0], Cancelled) and worker.cancelled
    assert thread.wait(5000)
    assert len(ticks) >= 3  # the GUI thread ran while the task worked
    # One signal per percent or step, in order, never more than the task's 1000 calls.
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and len(seen) < 1000
    assert all(0.0 <= f <= 1.0 for f in fractions)
    qtbot.waitUntil(lambda: not control_worker.running(), timeout=5000)


def test_result_and_error_come_back_as_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    ok = ControlWorker(lambda progress, cancel: (progress(1.0, "end"), 42)[1])
    with qtbot.waitSignal(ok.done, timeout=5000) as blocker:
        start_worker(ok)
    assert blocker.args == [42]

    def broken(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValueError("rover.obs: no common epochs with the base")

    bad = ControlWorker(broken)
    with qtbot.waitSignal(bad.done, timeout=5000) as blocker:
        start_worker(bad)
    assert isinstance(blocker.args[0], ValueError) and "no common epochs" in str(blocker.args[0])
