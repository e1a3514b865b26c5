"""Documenting a marker on Pemasangan: picker, photo slots (withdraw, retake, move), witnesses."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.installation import record_stake
from fieldapp.store.jobfile import DB_NAME
from fieldapp.survey.installation import PhotoDirection, StakeSource, WitnessCategory
from fieldapp.survey.local import Position
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.record_dialogs import MoveDialog, ReasonDialog, WitnessDialog

LEFT = Qt.MouseButton.LeftButton
UTARA, TIMUR = PhotoDirection.UTARA, PhotoDirection.TIMUR


def _jpeg(path: Path, size: tuple[int, int] = (640, 480), colour: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (colour, 120, 200)).save(path, "JPEG", quality=80)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stake(job: Path, marker: str) -> None:
    with JobStore.open(job) as store:
        m = rec.load_marker(store.db, marker)
        record_stake(store.db, marker, Position(m.lat, m.lon, m.h), StakeSource.TOTAL_STATION,
                     ts_shot="TS-1")  # fmt: skip


def _query(job: Path, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(job / DB_NAME)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _answer(act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog once its exec() runs (the view waits in it)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def _give_reason(reason: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog | WitnessDialog | MoveDialog)
        dialog.reason.setText(reason)
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    return act


def _window(qtbot, job: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    assert window.open_job(job)
    window.show()
    window.tabs.setCurrentWidget(window.installation)
    return window


def _pick(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))


def test_photo_withdrawn_with_reason_and_retaken_for_the_same_slot(
    qtbot, demo_job: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _stake(demo_job, "1")
    window = _window(qtbot, demo_job)
    view = window.installation
    slot = view.slots[UTARA]
    assert slot.photo is None and not slot.withdraw_btn.isEnabled()

    # A full-size camera JPEG: its thumbnail is decoded off the GUI thread in draft mode.
    first = _jpeg(tmp_path / "in" / "utara_1.jpg", (4000, 3000), 10)
    _pick(monkeypatch, first)
    qtbot.mouseClick(slot.file_btn, LEFT)
    assert slot.photo is not None and slot.photo.sha256 == _sha(first)
    qtbot.waitUntil(lambda: slot.has_thumbnail, timeout=10000)
    assert slot.thumb.pixmap().width() <= 160 and slot.thumb.pixmap().height() <= 120
    first_id = slot.photo.id

    # Withdraw it, with a reason.
    _answer(_give_reason("kabur, juru ukur bergerak"))
    qtbot.mouseClick(slot.withdraw_btn, LEFT)
    assert slot.photo is None
    assert "withdrawn" in window.statusBar().currentMessage()

    # A new one for the same slot; then a retake of that one through the same button.
    second = _jpeg(tmp_path / "in" / "utara_2.jpg", colour=60)
    _pick(monkeypatch, second)
    qtbot.mouseClick(slot.file_btn, LEFT)
    assert slot.photo is not None and slot.photo.sha256 == _sha(second)
    second_id = slot.photo.id
    third = _jpeg(tmp_path / "in" / "utara_3.jpg", colour=120)
    _pick(monkeypatch, third)
    _answer(_give_reason("tanda batas tertutup bayangan"))
    qtbot.mouseClick(slot.file_btn, LEFT)  # "Retake…" now: asks why, then the file
    assert slot.photo is not None and slot.photo.sha256 == _sha(third)
    window.close()

    # Read back from the job: one active photo in the slot, the others kept with reasons.
    rows = _query(
        demo_job,
        "SELECT p.id, p.sha256, p.withdrawn_reason FROM photo p JOIN marker m ON m.id ="
        " p.marker_id WHERE m.name = '1' AND p.direction = 'utara' ORDER BY p.id",
    )
    assert [(r[0], r[2]) for r in rows[:2]] == [
        (first_id, "kabur, juru ukur bergerak"),
        (second_id, "tanda batas tertutup bayangan"),
    ]
    active = [r for r in rows if r[2] is None]
    assert len(active) == 1 and active[0][1] == _sha(third)
    withdrawals = _query(
        demo_job,
        "SELECT row_id FROM change_log WHERE table_name = 'photo' AND action = 'withdraw'",
    )
    assert sorted(r[0] for r in withdrawals) == [first_id, second_id]
    assert (demo_job / "photos").is_dir() and len(list((demo_job / "photos").iterdir())) == 3


def test_photo_moved_to_the_marker_it_was_taken_for(
    qtbot, demo_job: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _stake(demo_job, "1")
    _stake(demo_job, "2")
    window = _window(qtbot, demo_job)
    view = window.installation
    photo = _jpeg(tmp_path / "in" / "salah.jpg")
    _pick(monkeypatch, photo)
    qtbot.mouseClick(view.slots[UTARA].file_btn, LEFT)
    moved = view.slots[UTARA].photo
    assert moved is not None

    def to_marker_2(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.marker.setCurrentIndex(dialog.marker.findText("2"))
        dialog.direction.setCurrentIndex(dialog.direction.findData(TIMUR.value))
        _give_reason("difoto untuk tanda batas 2")(dialog)

    _answer(to_marker_2)
    qtbot.mouseClick(view.slots[UTARA].move_btn, LEFT)
    assert view.slots[UTARA].photo is None
    assert "2" in window.statusBar().currentMessage()
    window.session.select("2")
    assert view.slots[TIMUR].photo is not None and view.slots[TIMUR].photo.sha256 == _sha(photo)
    assert view.slots[TIMUR].photo.original_name == "salah.jpg"
    new_id = view.slots[TIMUR].photo.id
    window.close()

    [(reason,)] = _query(demo_job, "SELECT withdrawn_reason FROM photo WHERE id = ?", (moved.id,))
    assert reason == "difoto untuk tanda batas 2"
    [(detail,)] = _query(
        demo_job,
        "SELECT detail FROM change_log WHERE table_name = 'photo' AND row_id = ?"
        " AND action = 'update'",
        (new_id,),
    )
    link = json.loads(str(detail))
    assert link["moved_from_photo"] == moved.id and link["from_marker"] == "1"


def test_witness_withdrawn_and_edited_with_reasons(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    _stake(demo_job, "1")
    window = _window(qtbot, demo_job)
    view = window.installation
    view.pages.setCurrentIndex(1)
    page = view.witnesses
    assert page.add(
        "Budi Santoso", "Kantor Desa Loa Janan", WitnessCategory.DISTRICT_VILLAGE_OFFICER
    )
    assert page.add("Siti Aminah", "Dinas Kehutanan", WitnessCategory.FORESTRY_OFFICER)
    assert view.witness_list.count() == 2

    page.list.setCurrentRow(0)
    _answer(_give_reason("bukan saksi yang hadir"))
    qtbot.mouseClick(page.withdraw_btn, LEFT)
    assert view.witness_list.count() == 1
    assert "1" in page.history.text()

    page.list.setCurrentRow(0)

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, WitnessDialog)
        dialog.name.setText("Siti Aminah, S.Hut.")
        _give_reason("gelar tertinggal")(dialog)

    _answer(correct)
    qtbot.mouseClick(page.edit_btn, LEFT)
    assert view.witness_list.count() == 1
    assert "Siti Aminah, S.Hut." in view.witness_list.item(0).text()
    window.close()

    rows = _query(demo_job, "SELECT name, withdrawn_reason FROM witness ORDER BY id")
    assert rows == [
        ("Budi Santoso", "bukan saksi yang hadir"),
        ("Siti Aminah", "gelar tertinggal"),
        ("Siti Aminah, S.Hut.", None),
    ]


def test_marker_picker_switches_marker(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.installation
    assert window.session is not None and window.session.selected == "1"
    assert view.picker.currentData() == "1" and view.picker.count() >= 2
    assert "1 – " in view.picker.currentText()  # the name with its status
    index = view.picker.findData("2")
    view.picker.setCurrentIndex(index)
    view.picker.activated.emit(index)  # what a tap on the list's row does
    assert window.session.selected == "2"
    assert view.picker.currentData() == "2"
    assert window.occupation.marker.text() == "2"  # the whole session moved on
    window.close()


def test_documenting_an_unstaked_marker_asks_first(
    qtbot, demo_job: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.installation
    assert view.unstaked and view.warning.text()  # marker 1 is planned, no stake
    assert "stake" in view.warning.toolTip()
    picked: list[int] = []

    def pick(*_a, **_k):  # type: ignore[no-untyped-def]
        picked.append(1)
        return [str(_jpeg(tmp_path / "in" / "tb1.jpg"))], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)

    def press(label: str) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            assert "no stake" in box.text()
            next(b for b in box.buttons() if b.text() == label).click()

        return act

    _answer(press("Cancel"))
    qtbot.mouseClick(view.slots[UTARA].file_btn, LEFT)
    assert picked == [] and view.slots[UTARA].photo is None  # nothing asked for, nothing stored

    _answer(press("Document anyway"))
    qtbot.mouseClick(view.slots[UTARA].file_btn, LEFT)
    assert picked == [1] and view.slots[UTARA].photo is not None
    # Asked once per marker: the next photo goes straight to the file.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames",
        lambda *a, **k: ([str(_jpeg(tmp_path / "in" / "tb2.jpg", colour=90))], ""),
    )  # fmt: skip
    qtbot.mouseClick(view.slots[TIMUR].file_btn, LEFT)
    assert view.slots[TIMUR].photo is not None
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QDialog
    )
    window.close()
