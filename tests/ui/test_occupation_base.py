"""The occupation view's base: a job control point is recorded with its coordinate, as the CLI."""

from __future__ import annotations

from pathlib import Path

from test_occupation_view import _window

from fieldapp.store import JobStore
from fieldapp.store.occupations import load_occupations


def test_the_base_field_names_a_control_point_or_says_it_is_not_one(
    qtbot, demo_job: Path, fast_sim
) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    items = [view.base.combo.itemText(i) for i in range(view.base.combo.count())]
    assert "BM-02" in items and "TB-04" in items  # the demo job's control
    view.base.combo.setEditText("NTRIP caster.example/MOUNT")
    assert "not a control point" in view.base.meaning.text() or (
        "bukan titik kontrol" in view.base.meaning.text()
    )
    view.base.combo.setEditText("bm 02")  # as typed in the field
    meaning = view.base.meaning.text()
    assert "BM-02" in meaning and "σH 14" in meaning
    view.auto_finish.setChecked(False)
    assert view.start()
    assert not view.base.isEnabled()  # recorded at the start: not changed mid-way
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    view.after_edit.setText("1,800")  # the antenna height measured again after the session
    view.stop()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    window.close()
    with JobStore.open(demo_job) as store:
        (occ,) = [o for o in load_occupations(store.db) if o.id == view.record.id]
        b = occ.base_point
        assert occ.base_station == "bm 02" and b is not None and b.used.name == "BM-02"
        assert b.used.sigma_h == 0.014 and not b.changed
