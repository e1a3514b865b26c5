"""Occupation view over the writer thread: saved means committed, abandon, close, recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.store import JobStore
from fieldapp.store.jobfile import DB_NAME
from fieldapp.store.occupations import incomplete_occupations, load_occupations
from fieldapp.survey.installation import OccupationState
from fieldapp.ui.main_window import MainWindow


def _epochs_on_disk(job: Path) -> int:
    conn = sqlite3.connect(job / DB_NAME)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM occupation_epoch").fetchone()[0])
    finally:
        conn.close()


def _window(qtbot, job: Path, fast_sim) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(job)
    assert window.session is not None
    window.adapter.connect_source(fast_sim(window.session.store, "1", offset_deg=0.0))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    # The occupation view is built on first use; its start guard needs an epoch it saw live.
    qtbot.waitUntil(lambda: window.occupation.liveness().live, timeout=10000)
    return window


def test_counts_only_what_is_committed_while_the_disk_is_locked(
    qtbot, demo_job: Path, fast_sim
) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    view.auto_finish.setChecked(False)
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 5, timeout=10000)
    assert _epochs_on_disk(demo_job) >= view.epochs_saved
    assert "Used" in view.counts.text() or "Dipakai" in view.counts.text()

    # Another connection holds the write lock (a slow card, a photo being saved elsewhere).
    blocker = sqlite3.connect(demo_job / DB_NAME, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    claimed = _epochs_on_disk(demo_job)  # nothing can commit while the lock is held
    epochs = window.adapter.epochs
    # The event loop keeps running: epochs keep arriving and the redraw timer keeps firing ...
    qtbot.waitUntil(lambda: window.adapter.epochs >= epochs + 20, timeout=10000)
    # ... but nothing is called saved that is not on disk.
    assert view.epochs_saved == claimed
    assert _epochs_on_disk(demo_job) == claimed
    blocker.execute("ROLLBACK")
    blocker.close()
    qtbot.waitUntil(lambda: view.epochs_saved >= claimed + 20, timeout=10000)
    assert _epochs_on_disk(demo_job) >= view.epochs_saved

    view.after_edit.setText("1,800")  # the antenna height measured again after the session
    view.stop()
    assert not view.stop_btn.isEnabled()  # no double finish while the writer commits
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    assert view.record is not None and view.record.epochs_on_disk >= claimed + 20
    assert view.start_btn.isEnabled() and not view.running
    window.close()


def test_abandon_and_close_mid_occupation(qtbot, demo_job: Path, fast_sim) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    view.auto_finish.setChecked(False)
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    view.abandon_btn.click()
    qtbot.waitUntil(lambda: not view.running, timeout=10000)
    assert "abandon" in view.saved.text().lower() or "dibatalkan" in view.saved.text().lower()

    # Closing the window mid-occupation finishes it first (the writer commits the result).
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    window.close()
    with JobStore.open(demo_job) as store:
        states = [o.state for o in load_occupations(store.db)]
        assert states == [OccupationState.ABANDONED, OccupationState.FINISHED]
        assert incomplete_occupations(store.db) == []


def test_an_interrupted_occupation_is_offered_for_recovery(qtbot, demo_job: Path, fast_sim) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    view.auto_finish.setChecked(False)
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 40, timeout=15000)
    writer = view.writer
    assert writer is not None
    # The app dies mid-way: recording stops, the occupation stays running on disk.
    view._detach()
    writer.close()
    assert writer.join(10)
    view.writer = None
    window.adapter.disconnect_device()
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_job(demo_job)
    view = again.occupation
    assert not view.recover_box.isHidden()
    assert "1" in view.recover_label.text()
    view.recover_btn.click()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    assert view.record is not None and view.record.state is OccupationState.FINISHED
    assert view.record.epochs_on_disk >= 40
    assert view.recover_box.isHidden()
    with JobStore.open(demo_job) as store:
        assert incomplete_occupations(store.db) == []
    again.close()


def test_stop_and_save_needs_the_antenna_height_after(qtbot, demo_job: Path, fast_sim) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    view.auto_finish.setChecked(False)
    assert not view.after_edit.isEnabled()  # measured after the session, not before it
    assert view.start()
    assert view.after_edit.isEnabled() and view.after_edit.text() == ""
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    # Empty: nothing is finished, the occupation runs on and the field says what to do.
    view.stop_btn.click()
    assert view.running and view.stop_btn.isEnabled() and view.record is None
    assert "again" in view.saved.text() or "lagi" in view.saved.text()
    # Out of range like the height before: refused the same way.
    view.after_edit.setText("18")
    view.stop_btn.click()
    assert view.running and ("5" in view.saved.text())
    view.after_edit.setText("1,807")
    view.stop_btn.click()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    assert not view.after_edit.isEnabled()
    assert "7 mm" in view.saved.text()  # before 1,800 (the form's default), after 1,807
    window.close()
    with JobStore.open(demo_job) as store:
        [occ] = load_occupations(store.db)
    assert occ.antenna_after_m == 1.807 and occ.antenna_changed


def test_a_view_outliving_its_closed_job_takes_a_language_change(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.device_adapter import DeviceAdapter
    from fieldapp.ui.occupation_view import OccupationView
    from fieldapp.ui.session import JobSession

    session = JobSession(JobStore.open(demo_job))
    session.select("1")
    view = OccupationView(session, DeviceAdapter())
    qtbot.addWidget(view)
    session.close()  # the job closes; Qt deletes the view later
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))  # no closed-database error
    assert view.start_btn.text() == "Start occupation"
