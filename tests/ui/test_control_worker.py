"""The baseline worker: progress reaches the GUI thread, cancel sets the task's event and ends it,
an error comes back as a value; the GUI thread keeps turning meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread, QTimer, Slot

from fieldapp.ui import control_worker
from fieldapp.ui.control_worker import ControlWorker, start_worker


@pytest.fixture(autouse=True)
def no_thread_left():  # type: ignore[no-untyped-def]
    yield
    control_worker.stop_all()


class Cancelled(Exception):
    pass


class OnGuiThread(QObject):
    """Receives a worker's signals as the window does: a QObject slot, so queued to this thread.

    Not qtbot.waitSignal: PySide6 calls a slot that is not a QObject's on the emitting thread, so
    the blocker would quit its loop from the worker, racing the GUI thread entering that loop (a
    hang the per-test timeout cannot break while Qt waits in C++).
    """

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[object, ...]] = []
        self.threads: set[QThread] = set()

    @Slot(object)
    def one(self, value: object) -> None:
        self.threads.add(QThread.currentThread())
        self.calls.append((value,))

    @Slot(float, str)
    def two(self, fraction: float, step: str) -> None:
        self.threads.add(QThread.currentThread())
        self.calls.append((fraction, step))


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
    progress, done = OnGuiThread(), OnGuiThread()
    worker.progressed.connect(progress.two)
    worker.done.connect(done.one)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    thread = start_worker(worker)
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress.calls) >= 3, timeout=5000)
    worker.cancel()
    qtbot.waitUntil(lambda: bool(done.calls), timeout=5000)
    timer.stop()
    assert isinstance(done.calls[0][0], Cancelled) and worker.cancelled
    gui = QThread.currentThread()
    assert progress.threads == {gui} and done.threads == {gui}
    assert thread.wait(5000)
    assert len(ticks) >= 3  # the GUI thread ran while the task worked
    # One signal per percent or step, in order, never more than the task's 1000 calls.
    fractions = [float(f) for f, _ in progress.calls]  # type: ignore[arg-type]
    assert fractions == sorted(fractions) and len(progress.calls) < 1000
    assert all(0.0 <= f <= 1.0 for f in fractions)
    qtbot.waitUntil(lambda: not control_worker.running(), timeout=5000)


def test_result_and_error_come_back_as_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    ok = ControlWorker(lambda progress, cancel: (progress(1.0, "end"), 42)[1])
    got = OnGuiThread()
    ok.done.connect(got.one)
    start_worker(ok)
    qtbot.waitUntil(lambda: bool(got.calls), timeout=5000)
    assert got.calls == [(42,)]

    def broken(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValueError("rover.obs: no common epochs with the base")

    bad = ControlWorker(broken)
    failed = OnGuiThread()
    bad.done.connect(failed.one)
    start_worker(bad)
    qtbot.waitUntil(lambda: bool(failed.calls), timeout=5000)
    error = failed.calls[0][0]
    assert isinstance(error, ValueError) and "no common epochs" in str(error)
