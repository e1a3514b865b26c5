"""What the window redraws: styles only when a state changes, labels in one item, big jobs.

Behaviour, not time: a style sheet set again re-polishes a widget (QEvent.StyleChange), so
counting those events says whether the 10 Hz redraw restyles anything. Old data must still
turn grey without a new epoch; the map names the selected marker at every zoom and thins the
other labels when zoomed out; a 1,000-marker job opens with every marker on the map.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from fieldapp.gnss.capture import replay_bytes
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.ui.gnss_panel import GnssPanel
from fieldapp.ui.live import Liveness, stale_colour
from fieldapp.ui.map_view import MapView
from fieldapp.ui.session import JobSession
from fieldapp.ui.stakeout_view import StakeoutView
from fieldapp.ui.status_strip import StatusStrip
from fieldapp.ui.widgets import STATE_COLOURS

SINCE = dt.datetime(2026, 11, 9, 9, 30, 0)
LIVE = Liveness(True, True, 0.2, SINCE, 3.0)
OLD = Liveness(False, True, 4.0, SINCE, 3.0)


class StyleChanges(QObject):
    """Counts QEvent.StyleChange per watched widget (each setStyleSheet sends one)."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count: Counter[int] = Counter()
        self.widgets = widgets
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count[id(obj)] += 1
        return False

    def most(self) -> int:
        return max((self.count[id(w)] for w in self.widgets), default=0)

    def reset(self) -> None:
        self.count.clear()


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def _fixes(lat: float, lon: float, n: int) -> list[Fix]:
    """RTK-fixed epochs ~3 m south of (lat, lon), walking slowly to it."""
    cfg = SimConfig(start_lat=lat - 3.0 / 110_574, start_lon=lon, target_lat=lat, target_lon=lon,
                    speed_mps=0.5, quality=4, height_m=60.0)  # fmt: skip
    sim = Simulator(cfg)
    return list(replay_bytes(b"".join(sim.next_epoch() for _ in range(n))).fixes)


@pytest.fixture
def stakeout(qtbot, demo_job: Path) -> Iterator[StakeoutView]:  # type: ignore[no-untyped-def]
    session = JobSession(JobStore.open(demo_job))
    view = StakeoutView(session)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    yield view
    view.shutdown()
    session.close()


def test_gnss_panel_and_strip_restyle_only_when_the_state_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, strip = GnssPanel(), StatusStrip()
    for w in (panel, strip):
        qtbot.addWidget(w)
        w.show()
    fix = _fixes(-0.5, 117.0, 1)[0]
    labels = [*panel.findChildren(QLabel), *strip.findChildren(QLabel)]
    changes = StyleChanges(labels)
    for w in (panel, strip):  # live, then RTK fixed: two changes of state
        w.show_liveness(LIVE)
        w.show_fix(fix)
    assert 1 <= changes.most() <= 2
    changes.reset()
    for _ in range(100):  # the same state on every redraw tick: nothing restyled
        for w in (panel, strip):
            w.show_liveness(LIVE)
            w.show_fix(fix)
    assert changes.most() == 0
    assert "#1b5e20" in panel.fix_type.styleSheet() and "#1b5e20" in strip.fix_type.styleSheet()
    changes.reset()
    # The data gets old and no epoch comes: grey all the same, once.
    for _ in range(50):
        panel.show_liveness(OLD)
        strip.show_liveness(OLD)
    grey = stale_colour()
    assert all(grey in w.styleSheet() for w in panel.readouts)
    assert grey in strip.fix_type.styleSheet() and "#1b5e20" not in strip.fix_type.styleSheet()
    assert changes.most() == 1


def test_stakeout_restyles_once_per_state_and_greys_without_a_new_epoch(stakeout) -> None:  # type: ignore[no-untyped-def]
    view = stakeout
    m = view.session.layers.marker(view.target or "")
    assert m is not None
    fix = _fixes(m.lat, m.lon, 1)[0]
    labels = [*view.readouts.findChildren(QLabel)]
    changes = StyleChanges(labels)
    view.update_fix(fix)
    view.set_liveness(LIVE)
    changes.reset()
    for _ in range(100):  # the same epoch drawn on every redraw tick
        view.update_fix(fix)
        view.set_liveness(LIVE)
    assert changes.most() == 0
    assert STATE_COLOURS[""] not in view.state_label.styleSheet()
    # Old data, no new epoch: the state goes grey and says since when; once, not per tick.
    for _ in range(30):
        view.set_liveness(OLD)
    grey = STATE_COLOURS[""]
    assert grey in view.state_label.styleSheet()
    assert view.state_label.text().startswith("No data since ")
    assert all(grey in w.styleSheet() for w in view.readouts.live_labels)
    assert changes.most() == 1
    # Data back: coloured again at once.
    view.set_liveness(LIVE)
    view.update_fix(fix)
    assert grey not in view.state_label.styleSheet()
    assert all(grey not in w.styleSheet() for w in view.readouts.live_labels)


def _overlaps(view: MapView) -> list[tuple[str, str]]:
    rects = view.label_rects()
    return [(a, b) for a, b in combinations(rects, 2) if rects[a].intersects(rects[b])]


def test_labels_thin_out_when_zoomed_out_and_the_selected_one_always_shows(
    qtbot, demo_job: Path
) -> None:  # type: ignore[no-untyped-def]
    session = JobSession(JobStore.open(demo_job))
    view = MapView()
    qtbot.addWidget(view)
    view.resize(700, 560)
    layers = session.layers
    base = layers.markers[0]
    # 400 markers 4 m apart on one line: a black blob of names unless thinned.
    crowd = tuple(replace(base, name=f"C{i:03d}", e=base.e + 4 * i, kind="infill")
                  for i in range(400))  # fmt: skip
    view.set_layers(replace(layers, markers=crowd, control=()))
    view.set_target("C217")
    view.show()
    qtbot.waitExposed(view)
    _pump(0.2)
    shown = view.shown_labels()
    assert "C217" in shown  # the selected marker is named even in the crowd
    assert len(shown) < 40 and _overlaps(view) == []
    # Zoomed onto ten of them: every one named, still without overlap.
    m = crowd[217]
    view.plot.getViewBox().setRange(xRange=(m.e - 20, m.e + 20), yRange=(m.n - 20, m.n + 20),
                                    padding=0)  # fmt: skip
    _pump(0.2)
    near = {c.name for c in crowd if abs(c.e - m.e) <= 16}
    assert near <= set(view.shown_labels())
    assert _overlaps(view) == []
    # One item paints every label: no item per marker in the plot.
    assert len(view.plot.getPlotItem().items) < 20
    session.close()


@pytest.mark.slow
def test_a_job_of_1000_markers_opens_with_every_marker_on_the_map(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.demo_job import create_demo_job
    from fieldapp.demo_many import markers_along_boundary
    from fieldapp.ui.main_window import MainWindow

    job = tmp_path / "Big.fieldapp"
    with create_demo_job(job) as store:
        ring = rec.load_boundary_points(store.db)
        markers = markers_along_boundary(ring, 1000)
        rec.upsert_markers(store.db, markers)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_job(job)
    _pump(0.3)
    names = list(window.map.markers_item.data["data"])
    assert len(names) == 1000 and set(names) == {f"B{i:03d}" for i in range(1000)}
    assert window.marker_tree.topLevelItem(0).childCount() == 1000  # all planned
    shown = window.map.shown_labels()
    assert 0 < len(shown) < 1000 and _overlaps(window.map) == []
    window.session.select("B500")
    _pump(0.2)
    assert "B500" in window.map.shown_labels()
    window.close()


def test_placed_labels_cover_no_other_symbol_and_no_label_in_a_crowd() -> None:
    import random

    from fieldapp.ui.map_labels import MARKER_PX, label_offset, place_labels

    rng = random.Random(7)
    # A third of the markers in pairs closer than 2 px (skipped untested), the rest alone.
    points = [(rng.uniform(0, 600), rng.uniform(0, 400)) for _ in range(150)]
    points += [(x + rng.uniform(-1.5, 1.5), y + rng.uniform(-1.5, 1.5)) for x, y in points[:75]]
    sizes = [(rng.choice([30.0, 44.0]), 20.0) for _ in points]
    chosen = place_labels(points, sizes, list(range(len(points))))
    m, r = MARKER_PX / 2 + 4, MARKER_PX / 2 + 2
    boxes = []
    for i, spot in enumerate(chosen):
        if spot is None:
            continue
        dx, dy = label_offset(spot, *sizes[i], r)
        (x, y), (w, h) = points[i], sizes[i]
        box = (x + dx, y + dy, x + dx + w, y + dy + h)
        for j, (px, py) in enumerate(points):
            if j != i:
                assert not (
                    box[0] < px + m and px - m < box[2] and box[1] < py + m and py - m < box[3]
                )
        boxes.append(box)
    for a, b in combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    # Free-standing markers get names; one with a neighbour within 2 px never does.
    assert 0 < len(boxes) < len(points)
    for i in range(75):
        assert chosen[i] is None and chosen[i + 150] is None
