"""Total-station stake-out through the GUI: a fake GeoCOM instrument on a real pty.

The instrument stands on TB-01 of the demo job, backsights BM-01, and reads a prism that a
simulated rodman moves toward marker 1 after every shot.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fake_total_station import FakeTotalStation
from PySide6.QtCore import QTimer
from serialkit import LINKS

from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation
from fieldapp.survey.stakeout import (
    GridPosition,
    ToleranceState,
    position_from_geographic,
    position_from_grid,
    target_position,
)
from fieldapp.survey.station import SetupMethod, StationSetup
from fieldapp.survey.ts_stakeout import TsShot, expected_shot
from fieldapp.ui.instrument_link import InstrumentChoice
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.session import JobSession
from fieldapp.ui.stakeout_view import StakeoutView

pytestmark = pytest.mark.timeout(90)
HI, HT = 1.55, 1.80
TRUE_ORIENTATION = 37.5  # the instrument's circle zero points at grid azimuth 37.5°


def _reading(shot: TsShot) -> tuple[float, float, float | None]:
    return shot.hz, shot.v, shot.sd


def _script(view: StakeoutView) -> tuple[list[tuple[float, float, float | None]], int]:
    """Readings in order: the backsight, then the prism walking to marker 1 from its left."""
    layers = view.session.layers
    grid = layers.grid
    ctrl = {c.name: c for c in layers.control}

    def pos(name: str) -> GridPosition:
        c = ctrl[name]
        return position_from_geographic(grid, c.lat, c.lon, c.h)

    tb01, bm01 = pos("TB-01"), pos("BM-01")
    true_setup = StationSetup("TB-01", tb01.e, tb01.n, tb01.h, HI, TRUE_ORIENTATION,
                              SetupMethod.HZ_AS_SET)  # fmt: skip
    marker = next(t for t in view._targets() if t.name == "1")
    t = target_position(grid, marker)
    az = math.atan2(t.e - tb01.e, t.n - tb01.n)
    ue, un = math.sin(az), math.cos(az)
    # 5 m short of the target and 3 m to its left as the instrument sees it.
    off_out, off_left = -5.0, 3.0
    script = [_reading(expected_shot(grid, true_setup, bm01, 0.0))]
    steps = 0
    while True:
        e = t.e + off_out * ue - off_left * un
        n = t.n + off_out * un + off_left * ue
        prism = position_from_grid(grid, e, n, 96.0)
        script.append(_reading(expected_shot(grid, true_setup, prism, HT)))
        if math.hypot(off_out, off_left) < 0.03:
            return script, steps
        off_out, off_left, steps = off_out * 0.45, off_left * 0.45, steps + 1


@pytest.mark.parametrize("link", LINKS)  # socket://: the serial link as on Windows
def test_total_station_stakeout_reaches_the_marker(qtbot, demo_job: Path, link: str) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    view = window.stakeout
    panel = view.panel
    window.tabs.setCurrentWidget(view)
    view.mode_ts.setChecked(True)
    assert view.panel_area.isVisibleTo(view) and not view.mode_travel.isVisibleTo(view)
    view.target_box.setCurrentText("1")

    script, steps = _script(view)
    served = [0]
    fake = FakeTotalStation(lambda: script[min(served[0], len(script) - 1)], link=link)

    def advance(request: bytes) -> None:
        if request.startswith(b"%R1Q,2108"):
            served[0] += 1

    fake.after_reply = advance
    try:
        # Measuring before the port is chosen: a message, nothing sent.
        panel.measure_backsight()
        assert "port" in panel.status.text() and not fake.requests

        assert panel.use_instrument(InstrumentChoice("geocom", "serial", fake.port, 9600))
        assert InstrumentChoice.load().port == fake.port  # remembered per machine
        panel.station_box.setCurrentText("TB-01")
        panel.backsight_box.setCurrentText("BM-01")
        panel.hi_edit.setText("1,550")
        panel.ht_edit.setText("1,800")
        panel.measure_bs_btn.click()
        qtbot.waitUntil(lambda: panel.setup is not None, timeout=10000)
        setup = panel.setup
        assert setup.orientation == pytest.approx(TRUE_ORIENTATION, abs=1e-6)
        assert setup.backsight_distance_residual == pytest.approx(0.0, abs=1e-4)
        assert "+0.000" in panel.orientation_label.text()
        assert view.distance.text().startswith("Set Hz")

        turns: list[float] = []
        sides: list[str] = []

        def record(_shot: TsShot) -> None:
            assert view.ts is not None
            turns.append(view.ts.angle_to_turn_deg)
            sides.append(view.delta_b.text())

        panel.shot_measured.connect(record)
        panel.track_btn.click()
        assert panel.track_btn.isChecked()
        qtbot.waitUntil(
            lambda: view.ts is not None and view.ts.state is ToleranceState.WITHIN,
            timeout=30000,
        )
        panel.track_btn.setChecked(False)
        # The prism started left of the line: turn clockwise, move it right.
        assert turns[0] > 0.5 and sides[0].startswith("Right")
        assert view.distance.text().startswith("Turn +")
        assert len(turns) >= steps - 1
        assert abs(turns[-1]) < abs(turns[0]) / 20
        assert view.ts.guidance.ground_distance_m <= 0.10
        assert view.state_label.text() and view.cue.last is not None
        assert view.cue.last[0] is ToleranceState.WITHIN

        # Save the stake: committed to the job with the station and raw shot.
        qtbot.waitUntil(lambda: not panel.link.busy, timeout=10000)
        view.save_btn.click()
        assert "saved" in panel.status.text()
        with JobStore.open(demo_job) as other:
            stake = load_installation(other.db, "1").current_stake
            assert stake is not None and stake.source.value == "ts" and stake.delta.passed
            assert stake.ts_shot is not None and stake.ts_shot.startswith("TB-01>BM-01")

        # A prism height that is not a number: a message in the window, no request.
        sent = len(fake.requests)
        panel.ht_edit.setText("satu koma delapan")
        panel.measure_btn.click()
        assert "Prism height" in panel.status.text() and len(fake.requests) == sent
        panel.ht_edit.setText("1,800")

        # The cable is pulled: the window names the port; no traceback, no frozen window.
        fake.cut()
        panel.measure_btn.click()
        qtbot.waitUntil(lambda: "link lost" in panel.status.text(), timeout=15000)
        assert fake.port in panel.status.text() and "reconnect" in panel.status.text()
        assert not panel.track_btn.isChecked()
        qtbot.waitUntil(lambda: panel.measure_btn.isEnabled(), timeout=5000)
        panel.measure_btn.click()  # reconnect attempt: the port is gone, said so again
        qtbot.waitUntil(lambda: "not found" in panel.status.text(), timeout=15000)
    finally:
        window.close()
        fake.close()


def test_azimuth_backsight_and_bad_input(qtbot, demo_job: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    view, panel = window.stakeout, window.stakeout.panel
    view.mode_ts.setChecked(True)
    fake = FakeTotalStation(lambda: (100.0, 90.0, None))
    try:
        assert panel.use_instrument(InstrumentChoice("geocom", "serial", fake.port, 9600))
        panel.station_box.setCurrentText("TB-01")
        panel.backsight_box.setCurrentIndex(panel.backsight_box.count() - 1)  # typed azimuth
        assert panel.azimuth_edit.isVisibleTo(panel)
        panel.azimuth_edit.setText("12 61 00")
        panel.measure_bs_btn.click()
        assert "below 60" in panel.status.text() and not fake.requests
        panel.hi_edit.setText("satu")
        panel.azimuth_edit.setText("130 00 00")
        panel.measure_bs_btn.click()
        assert "Instrument height" in panel.status.text()
        panel.hi_edit.setText("1,5")
        panel.measure_bs_btn.click()
        qtbot.waitUntil(lambda: panel.setup is not None, timeout=10000)
        assert fake.requests[-1].startswith(b"%R1Q,2107")  # angles only to an azimuth
        assert panel.setup.orientation == pytest.approx(30.0, abs=1e-6)
        # No prism in the beam: the instrument's reason, the setup stays.
        panel.measure_btn.click()
        qtbot.waitUntil(lambda: "no distance" in panel.status.text(), timeout=10000)
        assert panel.setup is not None
        # Changing the station invalidates the orientation.
        panel.station_box.setCurrentText("TB-02")
        assert panel.setup is None and "again" in panel.orientation_label.text()
    finally:
        window.close()
        fake.close()


def test_a_silent_instrument_does_not_freeze_the_window(qtbot, demo_job: Path) -> None:
    session = JobSession(JobStore.open(demo_job))
    view = StakeoutView(session)
    qtbot.addWidget(view)
    view.mode_ts.setChecked(True)
    panel = view.panel
    fake = FakeTotalStation(lambda: (1.0, 90.0, 5.0))
    fake.silent = True  # switched off: requests go unanswered
    try:
        choice = InstrumentChoice("geocom", "serial", fake.port, 9600)
        assert panel.use_instrument(choice)
        panel.link.configure(choice, timeout=1.0)
        panel.station_box.setCurrentText("TB-01")
        ticks: list[bool] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(panel.link.busy))
        timer.start(20)
        panel.measure_bs_btn.click()
        assert panel.link.busy and not panel.measure_btn.isEnabled()
        qtbot.waitUntil(lambda: "no reply" in panel.status.text(), timeout=10000)
        timer.stop()
        # The event loop kept running while the request waited in the worker thread.
        assert ticks.count(True) >= 5
        assert fake.port in panel.status.text() and panel.measure_btn.isEnabled()
        assert fake.requests == [b"%R1Q,2008:1,1"]
    finally:
        view.shutdown()
        session.close()
        fake.close()
