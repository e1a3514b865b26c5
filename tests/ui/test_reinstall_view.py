"""Pemasangan on a marker being reinstalled: the reinstallation's records, the original kept."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldapp.demo_documented import export_documented_demo
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.installation import record_stake
from fieldapp.store.jobfile import DB_NAME
from fieldapp.store.reinstallations import open_reinstallation
from fieldapp.survey.installation import PhotoDirection, StakeSource
from fieldapp.survey.local import Position
from fieldapp.ui.main_window import MainWindow


def _count(job: Path, sql: str) -> int:
    conn = sqlite3.connect(job / DB_NAME)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_installation_view_records_into_the_open_reinstallation(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    job = export_documented_demo(tmp_path / "Demo.fieldapp", background=False)
    with JobStore.open(job) as store:
        open_reinstallation(store.db, "4", "Tanda batas hilang")
        # Set again first: a photo of a marker not staked asks for confirmation.
        m = rec.load_marker(store.db, "4")
        record_stake(store.db, "4", Position(m.lat, m.lon, m.h), StakeSource.TOTAL_STATION,
                     ts_shot="TS-9")  # fmt: skip
    original = _count(job, "SELECT count(*) FROM photo WHERE reinstallation_id IS NULL")

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 640)
    assert window.open_job(job)
    window.show()
    window.tabs.setCurrentWidget(window.installation_page)
    window.session.select("4")
    view = window.installation
    view.refresh()
    # The original's five photos are not the reinstallation's: its slots start empty.
    assert all(slot.photo is None for slot in view.slots.values())
    assert "Reinstallation: " in view.warning.text()

    photo = tmp_path / "utara.jpg"
    Image.new("RGB", (640, 480), (40, 120, 200)).save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(view.slots[PhotoDirection.UTARA].file_btn, Qt.MouseButton.LeftButton)
    assert view.slots[PhotoDirection.UTARA].photo is not None
    if os.environ.get("FIELDAPP_SHOTS"):
        window.tabs.setCurrentWidget(window.installation_page)
        window.grab().save(str(Path(os.environ["FIELDAPP_SHOTS"]) / "reinstall_view.png"))
    window.close()
    assert _count(job, "SELECT count(*) FROM photo WHERE reinstallation_id = 1") == 1
    assert _count(job, "SELECT count(*) FROM photo WHERE reinstallation_id IS NULL") == original
