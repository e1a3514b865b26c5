"""The live occupation shows the running scatter (Welford) of the epochs used so far."""

from __future__ import annotations

from pathlib import Path

from test_occupation_view import _window

from fieldapp.store import JobStore
from fieldapp.store.occupations import load_occupations


def test_scatter_so_far_is_shown_while_recording(qtbot, demo_job: Path, fast_sim) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    view.auto_finish.setChecked(False)
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 5, timeout=10000)
    qtbot.waitUntil(lambda: "σH" in view.reasons.text(), timeout=10000)
    assert "σV" in view.reasons.text()
    view.after_edit.setText("1,800")
    view.stop()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    with JobStore.open(demo_job) as store:
        (occ,) = [o for o in load_occupations(store.db) if o.id == view.record.id]
    assert occ.result is not None and occ.result.std_h_m is not None
    window.close()
