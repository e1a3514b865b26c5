"""The window on a job opened read-only: it says so, every page builds, a write is refused
in words in the status bar (not a traceback on stderr) and nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.ui.main_window import MainWindow


def test_gui_shows_a_read_only_job_and_refuses_a_write_in_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = tmp_path / "unplanned.fieldapp"
    create_demo_job(job).close()  # boundary and control, no marker: the planner has work
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_store(JobStore.open(job, read_only=True))
    assert window.windowTitle().endswith("read-only")
    assert "is read-only" in window.statusBar().currentMessage()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # every page builds from a read-only job
        qtbot.wait(10)
    window.statusBar().clearMessage()
    planner = window.planning_page.view()
    assert planner.run() is not None
    # Accepting the plan writes markers: the store refuses, the window says why.
    qtbot.mouseClick(planner.accept_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is read-only" in window.statusBar().currentMessage())
    assert window.session is not None
    assert window.session.store.db.execute("SELECT count(*) FROM marker").fetchone()[0] == 0
    window.close()
