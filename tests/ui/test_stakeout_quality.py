"""The stake-out tab with the simulated receiver: the quality profile decides "within", stale
data is grey and never green, and "Ukur & simpan" stores an averaged stake, then moves on."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from pathlib import Path

import pytest
from conftest import FastSimulator
from PySide6.QtGui import QColor

from fieldapp.gnss.simulator import SimConfig
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.jobfile import DB_NAME
from fieldapp.store.quality import load_quality_profile
from fieldapp.survey.stake_quality import QualityProfile, RequiredFix
from fieldapp.survey.stakeout import (
    StakeTarget,
    ToleranceState,
    nearest_unstaked,
    position_from_geographic,
)
from fieldapp.ui.live import Liveness, stale_text
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.quality_dialog import QualityProfileDialog
from fieldapp.ui.widgets import STATE_COLOURS

pytestmark = pytest.mark.timeout(120)
LEFT_GREY = QColor(STATE_COLOURS[""])
# Reported (GST) sigma per fix type, as receivers report them: metres.
GST_SIGMA = {1: 2.5, 2: 0.6, 5: 0.25, 4: 0.014}


def _on_marker(store: JobStore, marker: str, quality: int) -> FastSimulator:
    """A receiver standing on the design point (1 cm of noise) with the fix type's sigma."""
    m = rec.load_marker(store.db, marker)
    noise = 0.01
    scale = GST_SIGMA[quality] / (noise * math.sqrt(2))
    cfg = SimConfig(start_lat=m.lat, start_lon=m.lon, height_m=60.0, quality=quality,
                    noise_m=noise, gst_scale=scale)  # fmt: skip
    return FastSimulator(cfg)


def _window(qtbot, demo_job: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    window.resize(1024, 600)
    window.show()
    window.tabs.setCurrentWidget(window.stakeout_page)
    return window


def _states_after(qtbot, window: MainWindow, n: int) -> set[ToleranceState]:  # type: ignore[no-untyped-def]
    seen: list[ToleranceState] = []
    view = window.stakeout
    view.state_changed.connect(lambda s: seen.append(ToleranceState(s)))

    def enough() -> bool:
        g = view.guidance
        if g is not None:
            seen.append(g.state)
        return len(seen) >= n

    qtbot.waitUntil(enough, timeout=20000)
    return set(seen)


@pytest.mark.parametrize(("quality", "expected"), [
    (1, ToleranceState.QUALITY), (2, ToleranceState.QUALITY), (5, ToleranceState.QUALITY),
    (4, ToleranceState.WITHIN),
])  # fmt: skip
def test_each_fix_type_at_the_design_point(  # type: ignore[no-untyped-def]
    qtbot, demo_job: Path, quality: int, expected: ToleranceState
) -> None:
    window = _window(qtbot, demo_job)
    view = window.stakeout
    assert view.target == "1"
    window.adapter.connect_source(_on_marker(window.session.store, "1", quality))
    states = _states_after(qtbot, window, 15)
    assert states == {expected}
    g = view.guidance
    assert g is not None and g.ground_distance_m < 0.1
    r = view.readouts
    if expected is ToleranceState.QUALITY:
        assert view.state_label.text() == "Not precise enough"
        assert STATE_COLOURS["quality"] in view.state_label.styleSheet()
        assert r.reason.text().startswith("Position not precise enough: ")
        assert "measured" in r.reason.text()
        assert view.cue.last is not None and view.cue.last[0] is ToleranceState.QUALITY
    else:
        assert view.state_label.text() == "Within tolerance" and r.reason.text() == ""
        assert STATE_COLOURS["within"] in view.state_label.styleSheet()
    assert r.quality.text().startswith("Fix: ") and "σH" in r.quality.text()
    assert view.arrow.angle_deg is None  # inside the tolerance: no arrow to chase
    assert view.bullseye.fine and view.bullseye.caption() == "20 cm per ring"
    assert "Tolerance 0.10 m" in view.profile_label.text()
    window.adapter.disconnect_device()


def test_not_live_greys_everything_and_is_never_within(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.stakeout
    window.adapter.connect_source(_on_marker(window.session.store, "1", 4))
    qtbot.waitUntil(lambda: view.guidance is not None
                    and view.guidance.state is ToleranceState.WITHIN, timeout=20000)  # fmt: skip
    window.adapter.disconnect_device()
    since = dt.datetime(2026, 1, 2, 10, 11, 12)
    cues = view.cue.last
    stale = Liveness(False, False, 5.0, since, 3.0)
    view.set_liveness(stale)
    assert view.state_label.text() == stale_text(stale) == "No data since 10:11:12"
    assert STATE_COLOURS["within"] not in view.state_label.styleSheet()
    assert STATE_COLOURS[""] in view.state_label.styleSheet()
    for label in view.readouts.live_labels:
        assert STATE_COLOURS[""] in label.styleSheet(), label.text()
    assert view.bullseye.colour == LEFT_GREY and view.arrow.colour == LEFT_GREY
    assert view.cue.last == cues  # silent
    assert not view.measure_and_save()  # nothing is stored from old data
    # Still not live ten times a second: still grey, still silent.
    for _ in range(10):
        view.set_liveness(stale)
    assert view.state_label.text() == "No data since 10:11:12" and view.cue.last == cues
    # An epoch arrives again: colours come back from it.
    window.adapter.connect_source(_on_marker(window.session.store, "1", 4))
    qtbot.waitUntil(lambda: STATE_COLOURS["within"] in view.state_label.styleSheet(),
                    timeout=20000)  # fmt: skip
    assert view.bullseye.colour == QColor(STATE_COLOURS["within"])
    window.adapter.disconnect_device()


def test_measure_and_save_stores_the_stake_and_moves_on(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.stakeout
    session = window.session
    # Float first: the measurement waits, counting only epochs that pass; cancelled, no stake.
    window.adapter.connect_source(_on_marker(session.store, "1", 5))
    qtbot.waitUntil(lambda: view.guidance is not None, timeout=20000)
    assert view.measure_and_save() and view.measure.running
    assert view.measure_btn.text() == "Cancel" and view.readouts.progress.isVisible()
    qtbot.waitUntil(lambda: "not precise enough" in view.readouts.progress_text.text(),
                    timeout=20000)  # fmt: skip
    assert view.readouts.progress.value() == 0
    view.measure_btn.click()
    qtbot.waitUntil(lambda: not view.measure.running, timeout=20000)
    assert view.readouts.progress_text.text() == "Measurement cancelled."
    window.adapter.disconnect_device()

    window.adapter.connect_source(_on_marker(session.store, "1", 4))
    qtbot.waitUntil(lambda: view.guidance is not None
                    and view.guidance.state is ToleranceState.WITHIN, timeout=20000)  # fmt: skip
    saved = []
    view.stake_saved.connect(saved.append)
    view.measure_btn.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=30000)
    stake = saved[0]
    assert view.measure_btn.text() == "Measure && save"
    assert view.readouts.progress_text.text().startswith("Stake of 1 saved: dN ")
    window.adapter.disconnect_device()

    db = sqlite3.connect(demo_job / DB_NAME)
    try:
        row = db.execute(
            "SELECT s.source, s.dn_m, s.de_m, s.horizontal_m, s.tolerance_m, s.passed,"
            " s.fix_quality, s.sigma_h_m, s.sigma_kind, s.profile_required_fix,"
            " s.profile_max_sigma_h_m, s.quality_ok, o.epochs_used, o.state, o.profile"
            " FROM stake s JOIN occupation o ON o.id = s.occupation_id"
            " JOIN marker m ON m.id = s.marker_id WHERE m.name = '1'"
        ).fetchall()
        status = db.execute("SELECT status FROM marker WHERE name = '1'").fetchone()[0]
    finally:
        db.close()
    assert len(row) == 1
    (source, dn, de, horiz, tol, passed, fixq, sig_h, kind, req, max_sig, ok, used, state,
     profile) = row[0]  # fmt: skip
    assert (source, tol, passed, fixq, kind, req, max_sig, ok) == (
        "gnss", 0.10, 1, 4, "measured", "rtk-fixed", 0.10, 1)  # fmt: skip
    assert horiz == pytest.approx(math.hypot(dn, de), abs=1e-6) and horiz < 0.03
    assert sig_h == pytest.approx(GST_SIGMA[4], rel=0.05)
    assert (used, state, profile) == (5, "finished", "stake")
    assert (dn, de) == (pytest.approx(stake.delta.dn_m), pytest.approx(stake.delta.de_m))
    assert status == "staked"
    # The next nearest marker that is not staked is offered.
    grid = session.layers.grid
    here = position_from_geographic(grid, stake.position.lat, stake.position.lon, None)
    targets = [StakeTarget(m.name, m.lat, m.lon, m.h, m.status != "planned")
               for m in session.layers.markers]  # fmt: skip
    nxt = nearest_unstaked(grid, here, targets)
    assert nxt is not None and nxt.name != "1"
    assert view.target == nxt.name == session.selected


def test_profile_is_shown_edited_and_saved_in_the_job(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.stakeout
    dialog = QualityProfileDialog(view.profile, view)
    qtbot.addWidget(dialog)
    assert dialog.follow.isChecked() and not dialog.sigma.isEnabled()
    dialog.tolerance.setValue(0.05)
    assert dialog.sigma.value() == pytest.approx(0.05)  # follows the tolerance
    dialog.fix.setCurrentIndex(dialog.fix.findData("rtk-float"))
    dialog.follow.setChecked(False)
    dialog.sigma.setValue(0.03)
    view.set_profile(dialog.profile())
    expected = QualityProfile(0.05, RequiredFix.RTK_FLOAT, 0.03)
    assert view.profile == expected and view.tolerance_m == 0.05
    assert view.profile_label.text() == "Tolerance 0.05 m · RTK Float · σH ≤ 0.03 m"
    with JobStore.open(demo_job) as store:
        assert load_quality_profile(store.db) == expected
    # A float receiver with a small measured sigma is now "within" on this job.
    window.adapter.connect_source(_on_marker(window.session.store, "1", 5))
    window.session.store.db.execute("SELECT 1")
    view.set_profile(QualityProfile(0.10, RequiredFix.RTK_FLOAT, 0.30))
    assert _states_after(qtbot, window, 10) == {ToleranceState.WITHIN}
    window.adapter.disconnect_device()


def test_rtk_fixed_without_gst_is_not_proven(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    view = window.stakeout
    m = rec.load_marker(window.session.store.db, "1")
    cfg = SimConfig(start_lat=m.lat, start_lon=m.lon, height_m=60.0, noise_m=0.005, gst=False)
    window.adapter.connect_source(FastSimulator(cfg))
    assert _states_after(qtbot, window, 10) == {ToleranceState.QUALITY}
    assert "estimated" in view.readouts.reason.text()
    assert view.readouts.reason.text().startswith("Position not precise enough: RTK Fixed")
    window.adapter.disconnect_device()
