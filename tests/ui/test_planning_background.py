"""The Perencanaan tab plans a large WIUP off the GUI thread: the window keeps ticking, the
buttons wait, progress shows, the result lands; a late plan of a closed job is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from wiupgen import create_large_job

from fieldapp.demo_job import create_demo_job
from fieldapp.fieldwork import plan_job
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import MarkerStatus
from fieldapp.ui import plan_worker
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.planning_view import PlanningView
from fieldapp.ui.session import JobSession


@pytest.fixture(autouse=True)
def no_thread_left():  # type: ignore[no-untyped-def]
    yield
    plan_worker.stop_all()  # a failed test must not leave a planner thread behind


@pytest.mark.slow  # ~9 s here: a 4,000-point job, its plan twice (window and reference)
def test_a_4000_point_plan_runs_while_the_gui_thread_ticks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = create_large_job(tmp_path / "Besar.fieldapp", 4000)
    session = JobSession(JobStore.open(job))
    view = PlanningView(session)
    qtbot.addWidget(view)
    view.show()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(view.progress.value()))
    timer.start(5)
    with qtbot.waitSignal(view.planned, timeout=120_000) as blocker:
        assert view.start()
        # While it runs the buttons wait and the bar shows; a second press starts nothing.
        assert view.running and not view.run_btn.isEnabled() and not view.accept_btn.isEnabled()
        assert view.progress.isVisible() and not view.start()
    timer.stop()
    plan = blocker.args[0]
    assert plan is not None and view.plan is plan and not view.running
    # The GUI thread turned many times during the plan, and saw the bar move.
    assert len(ticks) >= 10
    assert len({v for v in ticks if 0 < v < 100}) >= 3
    assert view.run_btn.isEnabled() and view.accept_btn.isEnabled()
    assert not view.progress.isVisible()
    # The plan is the planner's own (the same one a synchronous run gives).
    same = plan_job(session.store)
    assert [(m.name, m.lat, m.lon) for m in plan.markers] == [
        (m.name, m.lat, m.lon) for m in same.markers
    ]
    assert view.table.rowCount() == len(plan.markers) > 4000
    assert view.report is not None and view.report.valid
    session.close()


def test_a_plan_for_a_job_closed_meanwhile_is_dropped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = create_large_job(tmp_path / "Besar.fieldapp", 1000)
    demo = tmp_path / "Demo.fieldapp"
    create_demo_job(demo).close()  # no markers yet
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_job(big)
    old = window.planning
    assert old.start()
    window.open_job(demo)  # the surveyor opens another job while the plan still runs
    running = list(plan_worker._RUNNING)
    for thread in running:
        thread.wait(120_000)  # the closed job's plan stops at its next step
    qtbot.wait(50)  # any queued result is delivered now
    assert running and not plan_worker._RUNNING
    new = window.planning
    assert new is not old and new.plan is None and not new.accept_btn.isEnabled()
    assert new.table.rowCount() == 0
    assert window.session is not None
    assert rec.load_markers(window.session.store.db) == []
    # The new job plans normally afterwards.
    plan = new.run()
    assert plan is not None and {m.status for m in plan.markers} == {MarkerStatus.PLANNED}
    window.close()


def test_a_failed_plan_says_why_in_the_status_bar(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = tmp_path / "Kosong.fieldapp"
    JobStore.create(job, "Kosong").close()  # no boundary: the planner refuses
    session = JobSession(JobStore.open(job))
    view = PlanningView(session)
    qtbot.addWidget(view)
    messages: list[str] = []
    session.message.connect(messages.append)
    with qtbot.waitSignal(view.planned, timeout=30_000) as blocker:
        view.start()
    assert blocker.args == [None]
    assert messages and messages[-1].startswith("Planning failed: ")
    assert "boundary points" in messages[-1]
    assert view.run_btn.isEnabled() and not view.accept_btn.isEnabled()
    session.close()


def test_a_result_arriving_after_the_job_closed_is_not_shown(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    session = JobSession(JobStore.open(demo_job))
    view = PlanningView(session)
    qtbot.addWidget(view)
    assert view.start()
    session.close()  # the window closes the job before the queued result is delivered
    for thread in list(plan_worker._RUNNING):
        thread.wait(60_000)
    qtbot.waitUntil(lambda: not view.running)
    assert view.plan is None and view.table.rowCount() == 0
    assert not view.accept_btn.isEnabled() and view.run_btn.isEnabled()


def test_quitting_cancels_a_running_plan_quietly(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = create_large_job(tmp_path / "Besar.fieldapp", 1000)
    session = JobSession(JobStore.open(job))
    view = PlanningView(session)
    qtbot.addWidget(view)
    assert view.start()
    plan_worker.stop_all()  # what the application does on aboutToQuit
    assert not plan_worker._RUNNING
    qtbot.waitUntil(lambda: not view.running)  # the Cancelled result is not raised as a bug
    assert view.plan is None and view.run_btn.isEnabled()
    session.close()
