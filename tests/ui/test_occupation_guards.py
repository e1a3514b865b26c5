"""Occupation start guards in the window: far and moving refused with figures; stale greys."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from fieldapp.gnss.simulator import SimConfig, SimulatorSource
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.occupations import load_occupations
from fieldapp.survey.models import Marker
from fieldapp.survey.occupation_guard import GuardRefusal
from fieldapp.ui.app import settings
from fieldapp.ui.live import STALE_COLOUR, stale_text
from fieldapp.ui.main_window import MainWindow

DEG_PER_KM = 1 / 110.574  # latitude degrees per km near the equator


class SteppedSimulator(SimulatorSource):
    """A connected receiver that sends an epoch only when the test says so (quiet otherwise)."""

    def __init__(self, config: SimConfig) -> None:
        super().__init__(config, realtime=False)
        self._go = threading.Semaphore(0)

    def step(self) -> None:
        self._go.release()

    def read(self) -> bytes:
        if not self._go.acquire(timeout=0.05):
            return b""
        return super().read()


def _window(qtbot, job: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings().setValue("gnss/stale_s", 60)  # the stepped receiver is quiet between steps
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(job)
    return window


def _marker(window: MainWindow, name: str = "1") -> Marker:
    assert window.session is not None
    return rec.load_marker(window.session.store.db, name)


def _one_epoch(qtbot, window: MainWindow, config: SimConfig) -> SteppedSimulator:  # type: ignore[no-untyped-def]
    src = SteppedSimulator(config)
    window.adapter.connect_source(src)
    view = window.occupation
    # The receiver's epoch is complete when the next one begins: two steps give one epoch.
    with qtbot.waitSignal(window.adapter.fix_received, timeout=10000):
        src.step()
        src.step()
    qtbot.waitUntil(lambda: len(view._recent) >= 1, timeout=5000)
    return src


def _rows(job: Path) -> int:
    with JobStore.open(job) as store:
        return len(load_occupations(store.db))


def test_start_29_km_from_the_marker_is_refused_with_the_distance(qtbot, demo_job: Path) -> None:
    window = _window(qtbot, demo_job)
    m = _marker(window)
    _one_epoch(qtbot, window, SimConfig(start_lat=m.lat - 2.9 * DEG_PER_KM, start_lon=m.lon))
    view = window.occupation
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian))
    try:
        assert not view.start()
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))
    g = view.guard
    assert g is not None and g.reason is GuardRefusal.TOO_FAR
    assert g.distance_m == pytest.approx(2900, abs=30)
    said = window.statusBar().currentMessage()
    km = QLocale(QLocale.Language.Indonesian).toString(g.distance_m / 1000, "f", 2)
    assert f"{km} km" in said and "," in km  # decimal comma: "2,90 km"
    assert "design position" in said  # marker 1 has no stake yet: measured from design
    assert not view.running and view.start_btn.isEnabled()
    window.close()
    assert _rows(demo_job) == 0  # nothing started behind the message


def test_start_while_moving_at_6_mps_is_refused_with_the_speed(qtbot, demo_job: Path) -> None:
    window = _window(qtbot, demo_job)
    m = _marker(window)
    # Walking north across the marker at 6 m/s, 10 epochs a second (0,6 m apart): the
    # first two epochs are 0,9 m and 0,3 m south of it, close enough, but moving.
    start_lat = m.lat - 0.0009 * DEG_PER_KM
    cfg = SimConfig(start_lat=start_lat, start_lon=m.lon, target_lat=m.lat + 0.01,
                    target_lon=m.lon, speed_mps=6.0, rate_hz=10.0)  # fmt: skip
    _one_epoch(qtbot, window, cfg)
    view = window.occupation
    assert not view.start()
    g = view.guard
    assert g is not None and g.reason is GuardRefusal.MOVING
    assert g.distance_m is not None and g.distance_m < 2.0
    assert g.speed_mps == pytest.approx(6.0, abs=0.05)
    said = window.statusBar().currentMessage()
    assert "moving at 6.0 m/s" in said and "0.3 m/s" in said
    assert not view.running
    window.close()
    assert _rows(demo_job) == 0


def test_no_position_is_refused(qtbot, demo_job: Path) -> None:
    window = _window(qtbot, demo_job)
    src = SteppedSimulator(SimConfig())
    window.adapter.connect_source(src)
    qtbot.waitUntil(lambda: window.adapter.connected, timeout=5000)
    view = window.occupation
    assert not view.start()  # connected, but no epoch yet
    assert view.guard is not None and view.guard.reason is GuardRefusal.NO_POSITION
    assert "no live position" in window.statusBar().currentMessage()
    window.close()


def test_standing_on_the_marker_runs_and_keeps_running_when_stale(
    qtbot, demo_job: Path, fast_sim
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_job)
    assert window.session is not None
    view = window.occupation
    window.adapter.connect_source(fast_sim(window.session.store, "1", offset_deg=0.0))
    qtbot.waitUntil(lambda: len(view._recent) >= 3, timeout=10000)
    view.auto_finish.setChecked(False)
    view.antenna_form.method.setCurrentIndex(1)  # slant without a radius: refused, named
    assert not view.start()
    assert "slant" in window.statusBar().currentMessage()
    view.antenna_form.model.setCurrentIndex(1)  # "Other": radius and offset typed in
    view.antenna_form.radius.setText("0,120")
    view.antenna_form.offset.setText("0,065")
    view.antenna.setText("7,5")
    assert not view.start()
    assert "Antenna height" in window.statusBar().currentMessage()
    assert "5.0" in window.statusBar().currentMessage()  # the range is named
    view.antenna.setText("1,500")
    assert view.start(), window.statusBar().currentMessage()
    assert not view.antenna_form.isEnabled()  # recorded at the start: locked while it runs
    assert view.guard is not None and view.guard.allowed
    qtbot.waitUntil(lambda: view.epochs_saved >= 5, timeout=10000)
    assert view.live.fix.text() == "RTK Fixed"
    assert "measured" in view.live.sigma.text()
    assert view.live.distance.text().endswith(" m")

    # The receiver goes quiet: readouts grey with "no data since", the occupation runs on.
    window.adapter.disconnect_device()
    state = view.liveness()
    assert not state.live
    view.set_liveness(state)
    assert view.live.age.text() == stale_text(state)
    for label in (view.live.fix, view.live.sigma, view.live.distance):
        assert STALE_COLOUR in label.styleSheet()
    assert view.running and view.stop_btn.isEnabled()
    saved = view.epochs_saved

    # It comes back: the next epoch restores the colours and the same occupation goes on.
    window.adapter.connect_source(fast_sim(window.session.store, "1", offset_deg=0.0))
    qtbot.waitUntil(lambda: view.epochs_saved >= saved + 5, timeout=10000)
    assert STALE_COLOUR not in view.live.fix.styleSheet()
    assert not view.live.age.text().startswith("No data")  # "live", or its age in seconds
    view.after_edit.setText("1,800")
    view.stop()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    window.close()
    with JobStore.open(demo_job) as store:
        [occ] = load_occupations(store.db)
        assert occ.epochs_on_disk >= saved + 5
        assert occ.result is not None
        antenna = occ.result.antenna
        assert antenna is not None and antenna.method.value == "slant"
        assert antenna.antenna_radius_m == pytest.approx(0.12)
        assert antenna.phase_centre_offset_m == pytest.approx(0.065)

    # The next occupation view (a reopened job) offers the same antenna.
    again = _window(qtbot, demo_job)
    form = again.occupation.antenna_form
    assert form.height_edit.text() == "1,500" and form.method.currentIndex() == 1
    assert form.model.currentIndex() == 1 and form.offset.text() == "0,065"
    again.close()
