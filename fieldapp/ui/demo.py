"""The demo window: the demo job planned, the simulator walking marker to marker; screenshots."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.fieldwork import apply_plan, plan_job
from fieldapp.gnss.simulator import SimConfig, SimulatorSource
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.ui.app import THEMES, apply_theme, create_app, settings
from fieldapp.ui.background_layer import BackgroundLayer
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.recent_jobs import selection_key

DWELL_S = 4.0  # how long the simulated pole stays on a marker before walking on
TILES_WAIT_S = 15.0  # a screenshot waits at most this long for the background's tiles


def ensure_planned(store: JobStore) -> None:
    """The demo job has no markers until planned: plan and store (core planner + store).

    A job given with --job that has no WIUP yet (a control survey only) opens unplanned.
    """
    if not rec.load_markers(store.db) and len(rec.load_boundary_points(store.db)) >= 3:
        apply_plan(store, plan_job(store))


def _stand_on_marker(window: MainWindow) -> None:
    """The pole set on the selected marker and still: the occupation's start guard passes."""
    session, sim = window.session, window.adapter.simulator
    marker = session.layers.marker(session.selected or "") if session else None
    if sim is None or marker is None:
        return
    sim.place(marker.lat, marker.lon)
    _pump(1.0)


class DemoWalker(QObject):
    """Steers the simulator to the selected marker; when within tolerance, picks the next one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._arrived: float | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.step)
        self.timer.start()

    def step(self) -> None:
        session, sim = self.window.session, self.window.adapter.simulator
        if session is None or sim is None or not session.layers.markers:
            return
        target = session.layers.marker(session.selected or "") or session.layers.markers[0]
        sim.set_target(target.lat, target.lon)
        g = self.window.stakeout.guidance
        if g is None or g.state.value != "within" or self.window.occupation.running:
            self._arrived = None
            return
        now = time.monotonic()
        self._arrived = self._arrived or now
        if now - self._arrived >= DWELL_S:
            names = [m.name for m in session.layers.markers]
            session.select(names[(names.index(target.name) + 1) % len(names)])
            self._arrived = None


def _start_near(store: JobStore) -> tuple[float, float] | None:
    """Where the simulated pole starts: by the first marker, else the first control point."""
    points = rec.load_markers(store.db) or rec.load_control_points(store.db)
    return (points[0].lat, points[0].lon) if points else None


def demo_source(store: JobStore, rate_hz: float = 1.0) -> SimulatorSource | None:
    """The simulated receiver; None for a job with nowhere to stand (no marker, no control)."""
    start = _start_near(store)
    if start is None:
        return None
    cfg = SimConfig(start_lat=start[0] - 0.0004, start_lon=start[1] - 0.0003, speed_mps=6.0,
                    rate_hz=rate_hz, height_m=60.0)  # fmt: skip
    return SimulatorSource(cfg)


def open_demo_window(
    path: Path, size: tuple[int, int] | None = None, connect: bool = True
) -> MainWindow:
    store = JobStore.open(path)
    ensure_planned(store)
    window = MainWindow()
    window.set_store(store)
    if connect:
        connect_demo_receiver(window)
    window.walker = DemoWalker(window)  # type: ignore[attr-defined]
    if size:
        window.resize(*size)
    return window


def connect_demo_receiver(window: MainWindow) -> None:
    assert window.session is not None
    source = demo_source(window.session.store)
    if source is not None:
        window.adapter.connect_source(source, raw_dir=None)


def run_demo(path: Path, exit_when_shown: bool = False) -> int:
    """Open the demo window; ``exit_when_shown`` quits once it has been shown (cold-start bench)."""
    app = create_app()
    window = open_demo_window(path, connect=False)
    window.showMaximized()

    def first_turn() -> None:
        # Behind the show/expose/paint events of the first pass through the loop: the window
        # is up, now the receiver link starts (as a real receiver's port opens after the
        # window). The moment goes to stdout on the clock every process shares.
        if exit_when_shown:
            print("SHOWN", time.monotonic(), flush=True)
        connect_demo_receiver(window)
        if exit_when_shown:
            QTimer.singleShot(0, window.close)

    QTimer.singleShot(0, first_turn)
    return app.exec()


def wait_for_tiles(layer: BackgroundLayer, limit_s: float = TILES_WAIT_S) -> bool:
    """Pump events until the background's tiles for the view are drawn (bounded); True if so."""
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        _pump(0.05)
        if layer.idle():
            _pump(0.1)  # the last tiles painted
            return layer.idle()
    return False


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


VIEWS = (
    "stakeout",
    "occupation",
    "installation",
    "maintenance",
    "planning",
    "control",
    "outbox",
    "documents",
)


def _view_name(window: MainWindow, index: int) -> str:
    """A file name for a tab: the window attribute that holds its view (the map page is 0)."""
    widget = window.tabs.widget(index)
    for name in VIEWS:
        # A view built on first use sits in a ``<name>_page`` placeholder (ui/lazy.py).
        if widget in (getattr(window, f"{name}_page", None), window.__dict__.get(name)):
            return name
    return "map" if index == 0 else f"view{index}"


def take_screenshots(
    path: Path, out_dir: Path, size: tuple[int, int], theme: str | None = None
) -> list[Path]:
    """Write one PNG per main view at ``size`` and return their paths.

    ``theme`` overrides the saved theme for these shots only (files get a ``-dark`` suffix);
    the language is the saved one (Indonesian by default). The user's settings are left as
    they were: the temporary demo job does not go into the recent jobs.
    """
    app = create_app()
    if theme is not None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r} (known: {', '.join(THEMES)})")
        apply_theme(app, theme)
    recent = settings().value("jobs/recent")
    out_dir.mkdir(parents=True, exist_ok=True)
    window = open_demo_window(path, size)
    try:
        return _shoot(window, out_dir, size, "-dark" if theme == "dark" else "")
    finally:
        if window.occupation.running:
            window.occupation.abandon("demo screenshot", wait=True)
        # The job's files close here, not when a close event comes: Windows cannot remove the
        # temporary job of `demo --screenshot` while its background pack is still open.
        window.close_job()
        window.close()
        window.deleteLater()
        _pump(0.2)
        if recent is None:
            settings().remove("jobs/recent")
        else:
            settings().setValue("jobs/recent", recent)
        settings().remove(selection_key(path))


def _shoot(window: MainWindow, out_dir: Path, size: tuple[int, int], suffix: str) -> list[Path]:
    window.adapter.disconnect_device()
    assert window.session is not None
    source = demo_source(window.session.store, rate_hz=10.0)
    if source is not None:
        window.adapter.connect_source(source)
    window.show()
    _pump(2.5)
    if (window.width(), window.height()) != size:
        # A PNG of another size would pretend the window fits a screen it does not fit.
        least = window.minimumSizeHint().expandedTo(window.minimumSize())
        raise ValueError(
            f"the window cannot be {size[0]}x{size[1]}: it needs at least "
            f"{least.width()}x{least.height()}"
        )
    tag = f"{size[0]}x{size[1]}"
    written: list[Path] = []
    for i in range(window.tabs.count()):
        name = _view_name(window, i)
        window.tabs.setCurrentIndex(i)
        if name == "occupation" and not window.occupation.running:
            _stand_on_marker(window)
            window.occupation.auto_finish.setChecked(False)
            window.occupation.start()
            _pump(1.5)
        elif name == "planning":
            window.planning.run()
            _pump(0.3)
        else:
            _pump(0.4)
        if name == "map":
            wait_for_tiles(window.map.backgrounds)
        target = out_dir / f"{name}-{tag}{suffix}.png"
        window.grab().save(str(target))
        written.append(target)
    return written
