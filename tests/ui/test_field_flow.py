"""The whole field flow through the GUI: stake out, occupy, photos, witnesses, reopen."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.installation import load_installation
from fieldapp.survey.installation import PhotoDirection, WitnessCategory
from fieldapp.survey.stakeout import ToleranceState
from fieldapp.ui.main_window import MainWindow


def _jpegs(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        p = folder / f"foto_{i}.jpg"
        Image.new("RGB", (64, 48), (40 * i, 120, 200)).save(p, "JPEG")
        out.append(p)
    return out


def test_stake_occupy_document_and_reopen(qtbot, demo_job: Path, tmp_path: Path, fast_sim) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    session = window.session
    assert session is not None and session.selected == "1"
    window.adapter.connect_source(fast_sim(session.store, "1"))

    # stake out until within tolerance (the simulator walks to the design position)
    qtbot.waitUntil(
        lambda: (
            window.stakeout.guidance is not None
            and window.stakeout.guidance.state is ToleranceState.WITHIN
        ),
        timeout=15000,
    )
    assert window.stakeout.guidance.ground_distance_m <= 0.10

    # occupy: the recorder stores each epoch; the result is committed before "saved" shows
    window.occupation.antenna.setText("1,750")
    assert window.occupation.start()
    qtbot.waitUntil(lambda: window.occupation.record is not None, timeout=15000)
    record = window.occupation.record
    assert record.result is not None and record.result.passed
    assert "1" in window.occupation.saved.text()

    # photos (five directions) and two witnesses, through the installation view
    view = window.installation
    for path, d in zip(_jpegs(tmp_path / "jpg", 5), PhotoDirection, strict=True):
        assert view.add_photos([path], d.value) == 1
    assert view.add_witness("Pak Slamet", "Desa Loa Kulu", WitnessCategory.DISTRICT_VILLAGE_OFFICER)
    assert view.add_witness("Ibu Rina", "PT Tetangga", WitnessCategory.NEIGHBOUR_PERMIT_HOLDER)
    place = {"desa": "Loa Kulu", "kecamatan": "Loa Kulu",
             "kabupaten": "Kutai Kartanegara", "provinsi": "Kalimantan Timur"}  # fmt: skip
    for key, text in place.items():
        view.fields[key].setText(text)
    view.save_description()
    assert "✘" not in view.checklist.text()

    # the job file holds it all
    with JobStore.open(demo_job) as other:
        inst = load_installation(other.db, "1")
        assert len([p for p in inst.photos if p.withdrawn is None]) == 5
        assert len(inst.witnesses) == 2
        assert inst.current_stake is not None and inst.current_stake.delta.passed
        assert inst.occupations[-1].result.passed
        assert rec.load_marker(other.db, "1").status.value == "documented"

    # close and reopen: state restored
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_job(demo_job)
    assert again.session.layers.marker("1").status == "documented"
    again.installation.refresh()
    assert again.installation.photo_list.count() == 5
    assert again.installation.witness_list.count() == 2
    top = [again.marker_tree.topLevelItem(i).text(0) for i in range(4)]
    assert any("(1)" in t for t in top[3:])
    again.close()
