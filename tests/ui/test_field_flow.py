"""The whole field flow through the GUI: stake out, occupy, photos, witnesses, reopen.

Everything is done with the widgets a surveyor touches (typing, buttons, combo boxes); only
Qt's own file dialog is replaced by the file the surveyor would pick. The job file is then
read with plain sqlite3 and the photo files are checked byte for byte.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldapp.store.jobfile import DB_NAME
from fieldapp.survey.installation import PhotoDirection, WitnessCategory
from fieldapp.survey.stakeout import ToleranceState
from fieldapp.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
WITNESSES = [
    ("Pak Slamet", "Desa Loa Kulu", WitnessCategory.DISTRICT_VILLAGE_OFFICER),
    ("Ibu Rina", "PT Tetangga", WitnessCategory.NEIGHBOUR_PERMIT_HOLDER),
]
PLACE = {"desa": "Loa Kulu", "kecamatan": "Loa Kulu",
         "kabupaten": "Kutai Kartanegara", "provinsi": "Kalimantan Timur"}  # fmt: skip


def _jpegs(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        p = folder / f"foto_{i}.jpg"
        Image.new("RGB", (64, 48), (40 * i, 120, 200)).save(p, "JPEG")
        out.append(p)
    return out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_stake_occupy_document_and_reopen(  # type: ignore[no-untyped-def]
    qtbot, demo_job: Path, tmp_path: Path, fast_sim, monkeypatch
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    window.show()
    session = window.session
    assert session is not None and session.selected == "1"
    window.adapter.connect_source(fast_sim(session.store, "1"))

    # stake out until within tolerance (the simulator walks to the design position)
    window.tabs.setCurrentWidget(window.stakeout)
    qtbot.waitUntil(
        lambda: (
            window.stakeout.guidance is not None
            and window.stakeout.guidance.state is ToleranceState.WITHIN
        ),
        timeout=15000,
    )
    assert window.stakeout.guidance.ground_distance_m <= window.stakeout.tolerance_m
    assert window.stakeout.state_label.text() not in ("", "–")

    # occupy with the buttons; "saved" shows only once the writer thread has committed
    occ = window.occupation
    window.tabs.setCurrentWidget(occ)
    # The start guard needs a live epoch, standing still at the marker.
    adapter = window.adapter
    still = lambda: occ.liveness().live and adapter.latest_fix.speed_mps == 0  # noqa: E731
    qtbot.waitUntil(still, timeout=10000)
    occ.antenna.clear()
    qtbot.keyClicks(occ.antenna, "1,750")
    qtbot.mouseClick(occ.start_btn, LEFT)
    assert occ.running
    # The antenna height measured again (Kepdirjen 697.K/29/DDJP/1996): with it typed, the
    # occupation finishes by itself once the requirement is met.
    qtbot.keyClicks(occ.after_edit, "1,750")
    qtbot.waitUntil(lambda: occ.record is not None, timeout=15000)
    record = occ.record
    assert record.result is not None and record.result.passed
    assert occ.saved.text() == f"Saved in the job (occupation {record.id})."
    assert occ.start_btn.isEnabled() and not occ.running

    # five photos, one per direction, through each direction's slot
    inst = window.installation
    window.tabs.setCurrentWidget(inst)
    originals = _jpegs(tmp_path / "jpg", 5)
    for path, d in zip(originals, PhotoDirection, strict=True):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, p=path, **k: ([str(p)], ""))
        qtbot.mouseClick(inst.slots[d].file_btn, LEFT)
    assert all(slot.photo is not None for slot in inst.slots.values())

    # two witnesses typed into the form
    inst.pages.setCurrentIndex(1)
    wp = inst.witnesses
    for name, institution, category in WITNESSES:
        qtbot.keyClicks(wp.w_name, name)
        qtbot.keyClicks(wp.w_inst, institution)
        wp.w_cat.setCurrentIndex(wp.w_cat.findData(category.value))
        qtbot.mouseClick(wp.add_witness_btn, LEFT)
    assert inst.witness_list.count() == 2
    inst.pages.setCurrentIndex(2)
    for key, text in PLACE.items():
        qtbot.keyClicks(inst.fields[key], text)
    qtbot.mouseClick(inst.save_desc, LEFT)
    assert "✘" not in inst.checklist.text()

    # the job file holds it all: rows read with plain sqlite3, photo files byte for byte
    db = sqlite3.connect(demo_job / DB_NAME)
    try:
        (mid, status) = db.execute("SELECT id, status FROM marker WHERE name = '1'").fetchone()
        assert status == "documented"
        photos = db.execute(
            "SELECT direction, file_name, original_name, sha256 FROM photo"
            " WHERE marker_id = ? AND withdrawn_at IS NULL ORDER BY id", [mid]
        ).fetchall()  # fmt: skip
        assert [p[0] for p in photos] == [d.value for d in PhotoDirection]
        for (_d, file_name, original_name, sha), src in zip(photos, originals, strict=True):
            stored = demo_job / "photos" / file_name
            assert original_name == src.name and sha == _sha(src) == _sha(stored)
        witnesses = db.execute(
            "SELECT name, institution, category FROM witness"
            " WHERE marker_id = ? AND withdrawn_at IS NULL ORDER BY id", [mid]
        ).fetchall()  # fmt: skip
        assert witnesses == [(n, i, c.value) for n, i, c in WITNESSES]
        occ_row = db.execute(
            "SELECT state, passed, epochs_used, antenna_measured_m, antenna_after_m"
            " FROM occupation WHERE id = ?",
            [record.id],
        ).fetchone()
        assert occ_row == ("finished", 1, record.result.epochs_used, 1.75, 1.75)
        (used,) = db.execute(
            "SELECT COUNT(*) FROM occupation_epoch WHERE occupation_id = ? AND used = 1",
            [record.id],
        ).fetchone()
        assert used == record.result.epochs_used
        (stakes,) = db.execute(
            "SELECT COUNT(*) FROM stake WHERE marker_id = ? AND occupation_id = ?",
            [mid, record.id],
        ).fetchone()
        assert stakes == 1
        desc = db.execute(
            "SELECT desa, kabupaten FROM marker_description WHERE marker_id = ?", [mid]
        ).fetchone()
        assert desc == (PLACE["desa"], PLACE["kabupaten"])
    finally:
        db.close()

    # the surveyor moves on to marker 2, then closes the window
    session.select("2")
    window.close()

    # reopen: the same marker is selected, the status, lists and counts are back
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_job(demo_job)
    s2 = again.session
    assert s2 is not None and s2.selected == "2"
    assert again.occupation.marker.text() == "2" and again.installation.picker.currentData() == "2"
    assert again.occupation.record is None  # marker 2 has no occupation yet
    tree = [again.marker_tree.topLevelItem(i).text(0) for i in range(4)]
    assert tree[0].endswith("(22)") and tree[3].endswith("(1)")  # planned 22, documented 1
    s2.select("1")
    assert s2.layers.marker("1").status == "documented"
    restored = again.occupation.record
    assert restored is not None and restored.id == record.id
    assert str(record.result.epochs_used) in again.occupation.counts.text()
    assert "PASSED" in again.occupation.result.text()
    assert all(slot.photo is not None for slot in again.installation.slots.values())
    assert again.installation.witness_list.count() == 2
    assert again.installation.fields["desa"].text() == PLACE["desa"]
    assert "✘" not in again.installation.checklist.text()
    again.close()
