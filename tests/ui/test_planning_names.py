"""The planning view refuses to store a plan whose marker names break the SK rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.ui.planning_view import PlanningView
from fieldapp.ui.session import JobSession


def test_accept_refuses_a_name_outside_the_rule(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    session = JobSession(JobStore.open(demo_job))
    view = PlanningView(session)
    qtbot.addWidget(view)
    plan = view.run()
    assert plan is not None and view.accept_btn.isEnabled()
    before = [m.name for m in rec.load_markers(session.store.db)]
    # A plan edited to carry a typed name (as a future name cell would): the view must refuse.
    first_infill = next(i for i, m in enumerate(plan.markers) if m.kind.value == "infill")
    bad = dataclasses.replace(plan.markers[first_infill], name="1 A")
    markers = list(plan.markers)
    markers[first_infill] = bad
    view.plan = dataclasses.replace(plan, markers=tuple(markers))
    messages: list[str] = []
    session.message.connect(messages.append)
    view.accept()
    assert len(messages) == 1
    assert "'1 A' (accepting the plan) refused" in messages[0]
    assert "Titik Batas number of the SK" in messages[0]
    assert view.accept_btn.isEnabled()  # nothing stored: the surveyor can re-run and accept
    assert [m.name for m in rec.load_markers(session.store.db)] == before
    session.close()
