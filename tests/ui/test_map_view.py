"""The map: labels decluttered by priority, a true scale bar, live items updated in place."""

from __future__ import annotations

import time
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.store import JobStore
from fieldapp.survey.crs import parse_crs
from fieldapp.survey.local import metres_per_degree
from fieldapp.ui.map_labels import LABEL_SPOTS, label_offset, place_labels
from fieldapp.ui.map_view import MapView, nice_length
from fieldapp.ui.session import JobSession


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def map_of(qtbot, job: Path, height: int) -> tuple[MapView, JobSession]:  # type: ignore[no-untyped-def]
    """A MapView 700 px wide showing ``job``, exposed and settled."""
    session = JobSession(JobStore.open(job))
    view = MapView()
    qtbot.addWidget(view)
    view.resize(700, height)
    view.set_layers(session.layers)
    view.show()
    qtbot.waitExposed(view)
    _pump(0.2)
    return view, session


@pytest.fixture
def shown_map(qtbot, demo_job: Path):  # type: ignore[no-untyped-def]
    view, session = map_of(qtbot, demo_job, 620)
    yield view, session
    session.close()


def _overlaps(view: MapView) -> list[tuple[str, str]]:
    rects = view.label_rects()
    return [(a, b) for a, b in combinations(rects, 2) if rects[a].intersects(rects[b])]


def test_place_labels_gives_way_by_priority() -> None:
    # Two markers 10 px apart with 30 x 20 px labels: the first in the order wins its spot.
    points, sizes = [(100.0, 100.0), (110.0, 100.0)], [(30.0, 20.0), (30.0, 20.0)]
    first = place_labels(points, sizes, order=[1, 0])
    assert first[1] == LABEL_SPOTS[0]
    assert first[0] != LABEL_SPOTS[0]
    # Packed so tight that no spot is free: the later label is hidden, never stacked.
    row = [(100.0 + 4 * i, 100.0) for i in range(12)]
    chosen = place_labels(row, [(30.0, 20.0)] * 12, order=list(range(12)))
    assert chosen[0] is not None and None in chosen
    placed = [
        (x + dx, y + dy, x + dx + 30, y + dy + 20)
        for (x, y), s in zip(row, chosen, strict=True)
        if s is not None
        for dx, dy in [label_offset(s, 30, 20)]
    ]
    for a, b in combinations(placed, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_labels_never_overlap_and_corners_win_at_every_zoom(shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    corners = {m.name for m in session.layers.markers if m.kind == "corner"}
    infill = [m for m in session.layers.markers if m.name.startswith("5") and m.name != "5"]
    assert len(infill) >= 8  # the dense stretch along the pit: 100 m apart
    shown = set(view.shown_labels())
    assert corners <= shown  # whole job in view: every corner named
    assert not shown >= {m.name for m in infill}  # the crowded infill gave way
    assert _overlaps(view) == []

    # Zoom onto the crowded stretch: now every infill label there fits and shows.
    a, b = infill[0], infill[-1]
    vb = view.plot.getViewBox()
    vb.setRange(xRange=(min(a.e, b.e) - 150, max(a.e, b.e) + 150), yRange=(a.n - 300, a.n + 300))
    _pump(0.2)
    assert {m.name for m in infill} <= set(view.shown_labels())
    assert _overlaps(view) == []


def test_scale_bar_matches_the_grid(shown_map) -> None:  # type: ignore[no-untyped-def]
    view, _ = shown_map
    vb = view.plot.getViewBox()
    for span in (5000.0, 800.0, 60.0):
        (x0, _x1), (y0, _y1) = vb.viewRange()
        vb.setRange(xRange=(x0, x0 + span), yRange=(y0, y0 + span), padding=0)
        _pump(0.1)
        (x0, x1), _ = vb.viewRange()
        length = nice_length((x1 - x0) / 5)
        assert view.scale_bar.size == pytest.approx(length)
        bar_px = view.scale_bar.bar.rect().width()
        assert bar_px == pytest.approx(length / vb.viewPixelSize()[0], rel=0.02)
        expected = f"{length:g} m" if length < 1000 else f"{length / 1000:g} km"
        assert view.scale_bar.text.toPlainText() == expected
    assert "UTM" in view.plot.getAxis("bottom").labelText


def test_geographic_job_axes_in_degrees_and_scale_in_metres(shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    layers = session.layers
    geo = parse_crs("SRGI2013")
    assert geo.is_geographic
    moved = tuple(replace(m, e=m.lon, n=m.lat) for m in layers.markers)
    view.set_layers(replace(layers, grid=geo, markers=moved, boundary=(), control=()))
    _pump(0.2)
    vb = view.plot.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    per_deg = metres_per_degree((y0 + y1) / 2)[1]
    length = nice_length((x1 - x0) * per_deg / 5)
    assert view.scale_bar.size == pytest.approx(length / per_deg)
    ticks = view.plot.getAxis("bottom").tickStrings([116.0512, 116.0522], 1.0, 0.001)
    assert ticks == ["116.0512", "116.0522"]
    assert "°" in view.plot.getAxis("left").labelText


def test_live_position_updates_existing_items(shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    items = list(view.plot.getPlotItem().items)
    ids = (id(view.position_item), id(view.ellipse_item), id(view.track_item))
    m = session.layers.markers[0]
    for i in range(50):
        e, n = m.e + i * 0.5, m.n
        view.set_position(e, n, ([e - 1, e + 1], [n, n]))
    assert list(view.plot.getPlotItem().items) == items  # nothing added per epoch
    assert (id(view.position_item), id(view.ellipse_item), id(view.track_item)) == ids
    assert len(view.track_item.xData) == 50
    assert list(view.position_item.data["x"]) == [m.e + 49 * 0.5]
    view.set_position(None, None)
    assert len(view.position_item.data) == 0 and len(view.track_item.xData) == 50
