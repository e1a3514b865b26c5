"""Pemeliharaan tab, inspection dialog and compliance calendar on a real documented demo job."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from fieldapp.app.calendar import job_calendar
from fieldapp.demo_documented import export_documented_demo
from fieldapp.store import JobStore
from fieldapp.store.inspections import list_inspections, record_inspection
from fieldapp.store.kpo import set_kpo_card
from fieldapp.store.records import load_surveyors
from fieldapp.ui.app import TEXT_COLOURS
from fieldapp.ui.calendar_dialog import CalendarDialog
from fieldapp.ui.inspection_dialog import InspectionDialog
from fieldapp.ui.main_window import MainWindow

RECORDED = dt.date(2026, 12, 1)  # the demo is installed on 2026-11-09
GREEN = QColor(TEXT_COLOURS["good"][0])
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def documented_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_documented_demo(tmp_path_factory.mktemp("maint") / "demo.fieldapp",
                                  background=False)  # fmt: skip


@pytest.fixture
def job(documented_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "job.fieldapp"
    shutil.copytree(documented_template, path)
    return path


def _photo(path: Path, colour: str) -> Path:
    Image.new("RGB", (640, 480), colour).save(path)
    return path


def _window(qtbot, job: Path, today: dt.date) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.today = lambda: today
    window.resize(1366, 768)
    window.show()
    window.set_store(JobStore.open(job))
    return window


def _rows(view) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    t = view.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(t.columnCount())]
            for r in range(t.rowCount())}  # fmt: skip


def _condition_colour(view, marker: str) -> QColor:  # type: ignore[no-untyped-def]
    t = view.table
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == marker)
    return t.item(row, 1).foreground().color()


def test_view_lists_markers_with_their_latest_condition(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with JobStore.open(job) as store:
        record_inspection(store, "4", condition="rusak", vegetation_cleared=False,
                          inspected_on=dt.date(2026, 11, 12), today=RECORDED,
                          photos=[(_photo(tmp_path / "crack.jpg", "grey"), "detail")])  # fmt: skip
        record_inspection(
            store, "4", condition="baik", vegetation_cleared=True,
            inspected_on=dt.date(2026, 11, 20), action_taken="cat diperbarui",
            photos=[(_photo(tmp_path / "n.jpg", "red"), "utara", None),
                    (_photo(tmp_path / "v.jpg", "green"), "vegetasi", None)],
            today=RECORDED,
        )  # fmt: skip
        record_inspection(store, "4A", condition="hilang", vegetation_cleared=False,
                          inspected_on=dt.date(2026, 11, 25), today=RECORDED,
                          photos=[(_photo(tmp_path / "hole.jpg", "brown"), "detail")])  # fmt: skip
        # The lost marker's reinstallation, opened (the reinst helper's table, as its CLI writes).
        with store.db.atomic():
            store.db.execute(
                "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at)"
                " SELECT 'r-1', id, 'tugu hilang', status, '2026-11-26T04:00:00+00:00'"  # noon WITA
                " FROM marker WHERE name = '4A'"
            )
    window = _window(qtbot, job, dt.date(2027, 1, 10))
    window.tabs.setCurrentWidget(window.maintenance_page)
    view = window.maintenance
    rows = _rows(view)
    assert set(rows) == {"4", "4A", "4B"}
    assert rows["4"][1:4] == ["good", "2026-11-20", "51"]
    assert rows["4A"][1:3] == ["lost", "2026-11-25"]
    assert rows["4B"][1] == "never inspected"
    assert rows["4A"][5] == "open since 2026-11-26" and rows["4"][5] == rows["4B"][5] == "—"
    assert _condition_colour(view, "4") == GREEN
    assert _condition_colour(view, "4A") == QColor(TEXT_COLOURS["bad"][0])
    assert _condition_colour(view, "4B") != GREEN  # never inspected is never shown green

    # Choosing a marker shows its history and its visits, newest first, with thumbnails.
    view.table.selectRow(0)
    assert view.selected_marker() == "4"
    kinds = [view.history.item(r, 1).text() for r in range(view.history.rowCount())]
    assert "Installed" in kinds and kinds.count("Inspected") == 2
    assert [view.visits.item(r, 1).text() for r in range(view.visits.rowCount())] == [
        "good", "damaged"]  # fmt: skip
    assert "cat diperbarui" in view.visit_detail.text()
    assert [view.photos.item(i).text() for i in range(view.photos.count())] == [
        "North", "Vegetation"]  # fmt: skip
    assert view.thumbs.wait()
    qtbot.waitUntil(lambda: not view.photos.item(1).icon().isNull())

    # Half a year later the good marker is no longer known to be good: not green any more.
    view.today = lambda: dt.date(2027, 6, 1)
    view.refresh()
    assert _rows(view)["4"][1] == "good (over 6 months ago)"
    assert _condition_colour(view, "4") != GREEN

    # The lost marker reinstalled (closed): the column says when, no longer in red.
    view.session.store.db.execute(
        "UPDATE reinstallation SET closed_at = '2026-12-01T03:00:00+00:00', status = 'documented'"
    )
    view.session.store.db.conn.commit()
    view.refresh()
    assert _rows(view)["4A"][5] == "done 2026-12-01" and _rows(view)["4"][5] == "—"


def test_dialog_records_an_inspection_into_the_job(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, job, RECORDED)
    view = window.maintenance
    dialog = view.record_inspection("4A")
    assert isinstance(dialog, InspectionDialog)
    dialog.condition.setCurrentIndex(dialog.condition.findData("rusak"))
    dialog.vegetation_photo.setText(str(_photo(tmp_path / "veg.jpg", "green")))
    dialog.vegetation.setChecked(True)
    dialog.access.setText("jalan tertutup semak")
    dialog.action.setText("beton ditambal")
    dialog.note.setPlainText("retak di sisi timur")
    dialog.add_photo(_photo(tmp_path / "east.jpg", "blue"), "timur")
    # A photo that is not there: refused with its name, nothing stored, everything kept.
    dialog.add_photo(tmp_path / "missing.jpg", "detail")
    with qtbot.waitSignal(dialog.finished_saving, timeout=20000):
        qtbot.mouseClick(dialog.save_btn, LEFT)
    assert dialog.isVisible() and "missing.jpg" in dialog.error.text()
    assert dialog.access.text() == "jalan tertutup semak" and dialog.photos.rowCount() == 2
    with JobStore.open(job) as store:
        assert list_inspections(store.db, "4A") == []

    dialog.photos.selectRow(1)
    dialog._remove_photo()
    # Saved, then closed (and deleted: WA_DeleteOnClose), in that order.
    with qtbot.waitSignals([dialog.saved, dialog.accepted], order="strict", timeout=20000):
        qtbot.mouseClick(dialog.save_btn, LEFT)
    with JobStore.open(job) as store:
        [ins] = list_inspections(store.db, "4A")
    assert (ins.condition, ins.vegetation_cleared, ins.inspected_on) == ("rusak", True, RECORDED)
    assert (ins.access_condition, ins.action_taken, ins.note) == (
        "jalan tertutup semak", "beton ditambal", "retak di sisi timur")  # fmt: skip
    assert sorted(p.direction for p in ins.photos) == ["timur", "vegetasi"]
    assert all((job / p.file_name).is_file() for p in ins.photos)
    # The view shows it, and the status bar says saved only now that it is stored.
    assert _rows(view)["4A"][1:3] == ["damaged", "2026-12-01"]
    assert "4A" in window.statusBar().currentMessage()


def test_calendar_shows_overdue_items_on_opening(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2027, 8, 1)  # the demo's markers were installed a year before nearly
    window = _window(qtbot, job, today)
    qtbot.waitUntil(lambda: window.calendar_dialog is not None)
    dialog = window.calendar_dialog
    assert isinstance(dialog, CalendarDialog) and dialog.isVisible()
    assert not dialog.isModal()  # the window stays usable behind it
    overdue = [i for i in dialog.items if i.overdue]
    assert overdue and all(i.date < today for i in overdue)
    bad = QColor(TEXT_COLOURS["bad"][0])
    for r, item in enumerate(dialog.items):
        assert dialog.table.item(r, 0).text() == item.date.isoformat()
        assert dialog.table.item(r, 2).text() == item.text
        assert (dialog.table.item(r, 0).foreground().color() == bad) == item.overdue
    assert "2027-08-01" in dialog.heading.text()
    ics = dialog.export_ics(tmp_path / "kalender.ics")
    assert ics is not None and "Exported" in dialog.note.text()
    text = ics.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == len(dialog.items)
    assert text.replace("\r\n ", "").count("SUMMARY:TERLAMBAT") == len(overdue)
    # A folder that is not there: said in the dialog, no traceback.
    assert dialog.export_ics(tmp_path / "nowhere" / "k.ics") is None
    assert "Not exported" in dialog.note.text()

    # Opened again the same day: not shown by itself again, but there from the menu.
    dialog.close()
    window.set_store(JobStore.open(job))
    qtbot.wait(50)
    assert window.calendar_dialog is None
    window.toolbar.actions_["calendar"].trigger()
    assert isinstance(window.calendar_dialog, CalendarDialog)
    assert window.calendar_dialog.isVisible()


def test_calendar_does_not_open_when_nothing_is_pressing(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 12, 1)
    with JobStore.open(job) as store:
        for s in load_surveyors(store.db):
            if s.kpo_no:  # the demo's cards carry no update date: overdue until one is recorded
                set_kpo_card(store.db, s.name, number=s.kpo_no, status="aktif",
                             updated_on=dt.date(2026, 11, 20), today=today)  # fmt: skip
        items = job_calendar(store.db, today)
    # Next: the KPO update on 30 January, the inspections in May; last RKAB window is shut.
    assert items and not any(i.overdue for i in items)
    assert min(i.date for i in items) > today + dt.timedelta(days=30)
    window = _window(qtbot, job, today)
    qtbot.wait(50)
    assert window.calendar_dialog is None


def test_check_shot_from_the_live_receiver_is_saved_with_the_inspection(  # type: ignore[no-untyped-def]
    qtbot, job: Path, tmp_path: Path, fast_sim
) -> None:
    window = _window(qtbot, job, RECORDED)
    view = window.maintenance
    dialog = view.record_inspection("4")
    assert isinstance(dialog, InspectionDialog)
    assert not dialog.measure()  # no receiver yet: said, nothing collected
    assert "Connect" in dialog.check_note.text()
    # The simulated rover stands on the monument (its design position; the stake is within cm).
    window.adapter.connect_source(fast_sim(window.session.store, "4", offset_deg=0.0))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    dialog.pole.setValue(2.0)
    assert dialog.measure() and not dialog.save_btn.isEnabled()
    qtbot.waitUntil(lambda: not dialog.measuring, timeout=20000)
    assert dialog.check is not None, dialog.check_note.text()
    assert dialog.check.source == "gnss" and "penerima-langsung" in dialog.check.detail
    window.adapter.disconnect_device()
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        qtbot.mouseClick(dialog.save_btn, LEFT)
    with JobStore.open(job) as store:
        [ins] = list_inspections(store.db, "4")
    assert ins.check is not None and ins.check.source == "gnss"
    assert ins.check.horizontal_m < 1.0
    assert _rows(view)["4"][4].startswith(("passed", "FAILED"))


def test_colours_follow_the_night_theme(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with JobStore.open(job) as store:
        record_inspection(store, "4", condition="baik", vegetation_cleared=False,
                          inspected_on=dt.date(2026, 11, 20), today=RECORDED)  # fmt: skip
    window = _window(qtbot, job, dt.date(2027, 8, 1))
    view = window.maintenance
    dialog = window.show_calendar()
    assert dialog is not None
    try:
        window.set_theme("dark")
        # Good once, not looked at for over 6 months: the night theme's amber, not green.
        assert _condition_colour(view, "4") == QColor(TEXT_COLOURS["warn"][1])
        overdue = [r for r, i in enumerate(dialog.items) if i.overdue]
        assert overdue
        assert dialog.table.item(overdue[0], 0).foreground().color() == QColor(
            TEXT_COLOURS["bad"][1])  # fmt: skip
    finally:
        window.set_theme("light")


def test_the_calendar_and_the_view_outliving_their_job_take_a_language_change(
    qtbot, job: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, job, dt.date(2027, 8, 1))
    qtbot.waitUntil(lambda: window.calendar_dialog is not None)
    dialog = window.calendar_dialog
    session = window.session
    assert dialog is not None and session is not None
    view = window.maintenance  # built while the job is open
    window.close_job()
    assert session.closed and window.calendar_dialog is None
    # Qt sends LanguageChange to every widget still alive when a translator is installed: the
    # dialog, closed with its job, must not read the closed database then.
    dialog._set_texts()
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    view.set_dark(True)
