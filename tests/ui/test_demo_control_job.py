"""A job holding only a control survey (no WIUP, no marker) opens in the demo window."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import ControlKind, ControlPoint
from fieldapp.ui.demo import demo_source, open_demo_window


def test_a_job_without_a_wiup_opens_with_nothing_to_plan(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = tmp_path / "Kontrol.fieldapp"
    JobStore.create(job, "Kontrol saja").close()
    window = open_demo_window(job, connect=True)  # used to fail in the planner: no boundary
    qtbot.addWidget(window)
    assert window.session is not None and not rec.load_markers(window.session.store.db)
    assert demo_source(window.session.store) is None  # nowhere to stand: no receiver started
    window.tabs.setCurrentWidget(window.control_page)
    assert window.tabs.currentWidget() is window.control_page
    assert window.control.table.rowCount() == 0
    window.close()

    with JobStore.open(job) as store:
        rec.add_control_points(
            store.db,
            [ControlPoint("BM-01", ControlKind.BM, -0.5, 117.1, 40.0, "SRGI2013", -0.5, 117.1)],
        )
        source = demo_source(store)
    assert source is not None  # the simulated pole starts by the control point
    assert abs(source.simulator.config.start_lat - (-0.5 - 0.0004)) < 1e-9
