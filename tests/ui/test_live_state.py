"""Stale is visible: readouts grey on disconnect or silence, come back live, never green when old.

The real main window with the demo job; the receiver is the simulator or a real pty fed with
simulated NMEA by a writer thread that can fall silent while the port stays open.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.sources import SerialSource
from fieldapp.store import records as rec
from fieldapp.ui.app import settings
from fieldapp.ui.gnss_panel import FIX_COLOURS
from fieldapp.ui.live import Liveness, stale_colour
from fieldapp.ui.main_window import MainWindow

STALE_S = 1.0
GREEN = FIX_COLOURS[4]  # the RTK fixed background


@pytest.fixture
def window(qtbot, demo_job: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings().setValue("gnss/stale_s", STALE_S)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_job(demo_job)
    w.resize(1366, 768)
    w.show()
    yield w
    w.close()


def _readouts(w: MainWindow) -> list[QLabel]:
    """Every label that shows the latest epoch: GNSS panel and status strip."""
    return [*w.gnss.readouts, w.gnss.link, *w.strip.parts]


def _green_anywhere(w: MainWindow) -> list[str]:
    found = [label.text() for label in _readouts(w) if GREEN in label.styleSheet()]
    found += [label.text() for label in _readouts(w) if "#1b5e20" in label.styleSheet()]
    return found


def _all_grey(w: MainWindow) -> bool:
    grey = stale_colour()
    labels = [*w.gnss.readouts, *w.strip.parts[:4]]
    return (
        not w.gnss.live
        and not w.strip.live
        and all(grey in label.styleSheet() for label in labels)
        and w.map.position_note.isVisible()
        and w.map.position_note.text().startswith("Position not live: ")
        and not _green_anywhere(w)
    )


def _is_live(w: MainWindow) -> bool:
    return w.gnss.live and w.strip.live and GREEN in w.strip.fix_type.styleSheet()


class NeverGreenWhenOld:
    """Checked after every redraw tick: old data (or a closed link) never shows green."""

    def __init__(self, w: MainWindow) -> None:
        self.w = w
        self.ticks_old = 0
        self.violations: list[str] = []
        w.timer.timeout.connect(self.check)  # connected after redraw: runs right after it

    def check(self) -> None:
        state = self.w.adapter.liveness()
        # A margin of one tick: the redraw just before saw an age a few ms younger.
        old = not state.link_up or (state.age_s is not None and state.age_s > STALE_S + 0.15)
        if old:
            self.ticks_old += 1
            self.violations += _green_anywhere(self.w)


def test_disconnect_greys_every_readout(qtbot, window: MainWindow, fast_sim) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert session is not None
    told: list[Liveness] = []
    window.stakeout.set_liveness = told.append  # type: ignore[attr-defined]
    guard = NeverGreenWhenOld(window)
    window.adapter.connect_source(fast_sim(session.store, "1"))
    qtbot.waitUntil(lambda: _is_live(window), timeout=10000)
    assert GREEN in window.gnss.fix_type.styleSheet()
    assert window.gnss.fix_type.text() == "RTK Fixed"
    assert window.strip.freshness.text().startswith("Epoch ")
    assert window.map.position_note.text().endswith(" s ago")  # the position's age
    assert told and told[-1].live

    disconnect = next(a for a in window.findChildren(type(window.connect_action))
                      if a.text() == "Disconnect")  # fmt: skip
    disconnect.trigger()
    started = time.monotonic()
    qtbot.waitUntil(lambda: _all_grey(window), timeout=int(STALE_S * 1000))
    assert time.monotonic() - started <= STALE_S + 0.5
    for label in (window.gnss.freshness, window.strip.freshness):
        assert label.text().startswith("No data since "), label.text()
    assert window.map.position_note.text().startswith("Position not live: No data since ")
    assert window.strip.link.text() == "Link: Disconnected"
    assert told[-1].live is False and told[-1].link_up is False
    # The last values stay readable, in grey, and stay grey: epochs still queued are dropped.
    assert window.gnss.fix_type.text() == "RTK Fixed"
    qtbot.wait(int(STALE_S * 1500))
    assert _all_grey(window)
    assert guard.ticks_old > 5 and guard.violations == []
    # Told when the state changed (and once a second for the age), not on every tick.
    assert len(told) < guard.ticks_old


class PtyReceiver(threading.Thread):
    """Simulated NMEA at 10 Hz into a pty master; ``silent`` stops the bytes, not the port."""

    def __init__(self, lat: float, lon: float) -> None:
        super().__init__(daemon=True, name="pty-receiver")
        import tty  # POSIX only, like the test that uses this receiver

        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.port = os.ttyname(self.slave)
        cfg = SimConfig(start_lat=lat, start_lon=lon, rate_hz=10.0, quality=4, height_m=60.0)
        self.sim = Simulator(cfg)
        self.silent = threading.Event()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            if not self.silent.is_set():
                data = memoryview(self.sim.next_epoch())
                while data:
                    data = data[os.write(self.master, data) :]
            time.sleep(0.1)

    def close(self) -> None:
        self.done.set()
        self.join(timeout=2)
        os.close(self.master)
        os.close(self.slave)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_silent_receiver_greys_then_comes_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert session is not None
    marker = rec.load_marker(session.store.db, "1")
    rx = PtyReceiver(marker.lat, marker.lon)
    rx.start()
    guard = NeverGreenWhenOld(window)
    try:
        window.adapter.connect_source(SerialSource(rx.port, 115200))
        qtbot.waitUntil(lambda: _is_live(window), timeout=10000)

        rx.silent.set()  # the receiver stops sending; the port stays open
        qtbot.waitUntil(lambda: _all_grey(window), timeout=int(STALE_S * 1000) + 1500)
        assert window.adapter.connected and window.adapter.link_up
        assert window.gnss.freshness.text().startswith("No data since ")
        assert window.strip.freshness.text().startswith("No data since ")
        qtbot.wait(600)
        assert _all_grey(window) and window.adapter.link_up

        rx.silent.clear()  # data resumes: live again, colours restored by the next epoch
        qtbot.waitUntil(lambda: _is_live(window), timeout=5000)
        assert GREEN in window.gnss.fix_type.styleSheet()
        assert window.map.position_note.text().startswith("Position: ")
        assert window.strip.freshness.text().startswith("Epoch ")
    finally:
        window.adapter.disconnect_device()
        rx.close()
    assert guard.ticks_old > 0 and guard.violations == []


def test_strip_on_every_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # The strip never widens the window: on a narrow one it drops parts instead.
    assert window.strip_bar.minimumSizeHint().width() < 200
    for size in ((1024, 600), (1366, 768)):
        window.resize(*size)
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda: window.strip.isVisible(), timeout=2000)
            strip = window.strip
            top_left = strip.mapTo(window, strip.rect().topLeft())
            assert strip.height() >= 48
            assert top_left.y() + strip.height() <= window.statusBar().y()
            assert top_left.x() >= 0 and top_left.x() + strip.width() <= window.width()
            assert strip.fix_type.isVisible() and strip.freshness.isVisible()


def test_strip_drops_parts_to_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from fieldapp.gnss.fix import Fix, SigmaSource
    from fieldapp.gnss.link import LinkState
    from fieldapp.ui.status_strip import StatusStrip

    strip = StatusStrip()
    qtbot.addWidget(strip)
    fix = Fix(time_of_day=dt.time(1, 0), lat=-0.5, lon=117.0, quality=5, sats_used=18,
              sigma_lat=0.012, sigma_lon=0.016, sigma_alt=0.031, sigma_source=SigmaSource.GST,
              correction_age_s=1.0)  # fmt: skip
    strip.show_fix(fix)
    strip.show_link(LinkState.LIVE)
    strip.show_liveness(Liveness(True, True, 0.4, dt.datetime(2026, 1, 1, 9, 5, 7), 3.0))
    strip.resize(1366, 52)
    strip.show()
    wide = strip.shown_parts()
    assert len(wide) == 6
    assert "σH 0.020 m · σV 0.031 m (measured)" in wide  # labelled measured: it came from GST
    strip.resize(500, 52)
    narrow = strip.shown_parts()
    assert narrow[:2] == wide[:2] and len(narrow) < len(wide)
    assert all(label.geometry().right() <= strip.width() for label in strip.parts[2:]
               if label.isVisible())  # fmt: skip
    # Without GST the same sigma is only an estimate, and the strip says so.
    strip.resize(1366, 52)
    strip.show_fix(Fix(time_of_day=dt.time(1, 0), quality=4, sigma_lat=0.01, sigma_lon=0.01,
                       sigma_source=SigmaSource.ESTIMATED))  # fmt: skip
    assert "(estimated)" in strip.sigma.text()


def test_numbers_with_a_decimal_comma_in_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from fieldapp.gnss.fix import Fix, SigmaSource
    from fieldapp.ui.gnss_panel import GnssPanel

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian))
    try:
        panel = GnssPanel()
        qtbot.addWidget(panel)
        panel.show_fix(Fix(time_of_day=dt.time(1, 0), quality=4, pdop=1.4, sigma_lat=0.03,
                           sigma_lon=0.04, sigma_source=SigmaSource.GST))  # fmt: skip
        assert "0,050" in panel.sigma.text() and panel.pdop.text() == "1,4"
    finally:
        QLocale.setDefault(previous)


def test_grey_follows_day_and_night(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.app import apply_theme, current_theme
    from fieldapp.ui.live import STALE_COLOUR, STALE_COLOUR_DARK
    from fieldapp.ui.status_strip import StatusStrip

    strip = StatusStrip()
    qtbot.addWidget(strip)
    strip.show()
    apply_theme(qapp, "light")
    try:
        assert STALE_COLOUR in strip.sats.styleSheet()
        apply_theme(qapp, "dark")  # switched live, without rebuilding the strip
        qtbot.waitUntil(lambda: STALE_COLOUR_DARK in strip.sats.styleSheet(), timeout=2000)
    finally:
        apply_theme(qapp, current_theme())
