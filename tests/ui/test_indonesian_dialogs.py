"""Bahasa Indonesia throughout: Qt's own dialogs, core errors, decimal comma in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)

from fieldapp.store import JobFileError, JobStore
from fieldapp.store.photos import PhotoError, read_image_facts
from fieldapp.ui.app import install_language
from fieldapp.ui.errors import error_text
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.numbers import fixed, short

SB = QDialogButtonBox.StandardButton


def test_qt_buttons_speak_indonesian(qtbot, indonesian) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Save | SB.Open | SB.Yes | SB.No | SB.Close)
    qtbot.addWidget(box)
    wanted = (SB.Cancel, SB.Save, SB.Open, SB.Yes, SB.No, SB.Close)
    texts = {b: box.button(b).text().replace("&", "") for b in wanted}
    assert texts == {SB.Cancel: "Batal", SB.Save: "Simpan", SB.Open: "Buka", SB.Yes: "Ya",
                     SB.No: "Tidak", SB.Close: "Tutup"}  # fmt: skip
    message = QMessageBox(QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(message)
    shown = {b.text().replace("&", "") for b in message.findChildren(QPushButton)}
    assert {"Ya", "Tidak"} <= shown


def test_qt_file_dialog_speaks_indonesian(qtbot, indonesian, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Buka", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    labels = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= labels
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert {"Buka", "Batal"} <= buttons


def test_core_errors_are_shown_in_indonesian(tmp_path: Path, indonesian) -> None:  # type: ignore[no-untyped-def]
    not_a_photo = tmp_path / "catatan.jpg"
    not_a_photo.write_text("bukan foto")
    with pytest.raises(PhotoError) as photo:
        read_image_facts(not_a_photo)
    text = error_text(photo.value)
    assert text == f"{not_a_photo}: bukan gambar yang dapat dibaca"
    assert "Error" not in text
    with pytest.raises(JobFileError) as job:
        JobStore.open(tmp_path)
    assert error_text(job.value) == (
        f"{tmp_path}: bukan pekerjaan fieldapp (tidak ada job.sqlite di dalamnya)"
    )
    assert error_text("port COM12 not found (unplugged, or Bluetooth not paired?)") == (
        "port COM12 tidak ditemukan (kabel tercabut, atau Bluetooth belum dipasangkan?)"
    )
    assert error_text("something new") == "something new"  # unknown: shown as it came


def test_open_job_error_in_indonesian(qtbot, indonesian, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_job(tmp_path)
    assert shown == [f"{tmp_path}: bukan pekerjaan fieldapp (tidak ada job.sqlite di dalamnya)"]


def test_numbers_with_the_languages_decimal_sign(qapp, indonesian) -> None:  # type: ignore[no-untyped-def]
    assert fixed(1.5, 2) == "1,50"
    assert fixed(0.0123, 3, sign=True) == "+0,012"
    assert fixed(9940000.0, 0) == "9940000"  # a coordinate is never grouped
    assert short(0.5) == "0,5" and short(200.0) == "200"
    install_language(qapp, "en")
    assert fixed(1.5, 2) == "1.50" and short(0.5) == "0.5"


def test_a_job_from_a_newer_fieldapp_is_refused_in_words(  # type: ignore[no-untyped-def]
    qtbot, indonesian, demo_job: Path, monkeypatch
) -> None:
    import sqlite3

    from fieldapp.store import LATEST_VERSION
    from fieldapp.store.jobfile import DB_NAME

    conn = sqlite3.connect(demo_job / DB_NAME)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_job(demo_job)
    assert len(shown) == 1 and "fieldapp yang lebih baru" in shown[0]
    assert f"skema {LATEST_VERSION + 1}" in shown[0]
