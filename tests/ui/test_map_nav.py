"""Map navigation for gloves: buttons, pinch, fit to the WIUP, centre and follow; dense labels."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from test_map_view import _pump, map_of

from fieldapp.fieldwork import MapPoint
from fieldapp.ui.map_view import MapView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def shown_map(qtbot, demo_job: Path):  # type: ignore[no-untyped-def]
    view, session = map_of(qtbot, demo_job, 480)
    yield view, session
    session.close()


def _span(view: MapView) -> float:
    (x0, x1), _ = view.plot.getViewBox().viewRange()
    return x1 - x0


def _centre(view: MapView) -> tuple[float, float]:
    (x0, x1), (y0, y1) = view.plot.getViewBox().viewRange()
    return (x0 + x1) / 2, (y0 + y1) / 2


def test_buttons_are_finger_sized_and_inside_the_map(shown_map) -> None:  # type: ignore[no-untyped-def]
    view, _ = shown_map
    nav = view.nav
    for b in (nav.zoom_in_btn, nav.zoom_out_btn, nav.fit_btn, nav.centre_btn, nav.follow_btn):
        assert b.isVisible() and b.width() >= 48 and b.height() >= 48
        corner = b.mapTo(view, QPoint(0, 0))
        assert view.rect().contains(corner) and view.rect().contains(
            corner + QPoint(b.width(), b.height())
        )
    # Clear of the left axis and its numbers.
    data_area = view.plot.getViewBox().sceneBoundingRect()
    assert nav.mapTo(view.plot, QPoint(0, 0)).x() >= data_area.left()


def test_zoom_buttons_and_back_to_the_whole_wiup(qtbot, shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    nav = view.nav
    start = _span(view)
    qtbot.mouseClick(nav.zoom_in_btn, LEFT)
    assert _span(view) == pytest.approx(start / 2, rel=0.01)
    qtbot.mouseClick(nav.zoom_in_btn, LEFT)
    qtbot.mouseClick(nav.zoom_out_btn, LEFT)
    assert _span(view) == pytest.approx(start / 2, rel=0.01)
    # Lost somewhere zoomed in: one button shows the whole WIUP again.
    vb = view.plot.getViewBox()
    vb.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    qtbot.mouseClick(nav.fit_btn, LEFT)
    (x0, x1), (y0, y1) = vb.viewRange()
    for b in session.layers.boundary:
        assert x0 <= b.e <= x1 and y0 <= b.n <= y1


def test_centre_on_me_and_follow(qtbot, shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    nav = view.nav
    assert not nav.centre_on_me()  # no position yet: nothing moves
    m = session.layers.markers[0]
    qtbot.mouseClick(nav.zoom_in_btn, LEFT)
    span = _span(view)
    view.set_position(m.e + 20, m.n - 30)
    qtbot.mouseClick(nav.centre_btn, LEFT)
    assert _centre(view) == pytest.approx((m.e + 20, m.n - 30), abs=0.5)
    assert _span(view) == pytest.approx(span, rel=0.01)  # the zoom is kept

    qtbot.mouseClick(nav.follow_btn, LEFT)
    assert nav.following
    for step in range(1, 4):
        view.set_position(m.e + 20 + 15 * step, m.n - 30)
        assert _centre(view) == pytest.approx((m.e + 20 + 15 * step, m.n - 30), abs=0.5)
    # Dragging the map by hand stops following: the view stays where the finger left it.
    vb = view.plot.getViewBox()
    vb.translateBy(x=100.0, y=0.0)
    vb.sigRangeChangedManually.emit([True, True])
    assert not nav.following
    moved = _centre(view)
    view.set_position(m.e, m.n)
    assert _centre(view) == pytest.approx(moved)


def test_two_finger_pinch_zooms(qtbot, shown_map) -> None:  # type: ignore[no-untyped-def]
    view, _ = shown_map
    viewport = view.plot.viewport()
    device = QTest.createTouchDevice()
    mid = viewport.rect().center()
    start = _span(view)
    a, b = mid - QPoint(40, 0), mid + QPoint(40, 0)
    QTest.touchEvent(viewport, device).press(0, a, viewport).press(1, b, viewport).commit()
    # Fingers spread to twice the distance: twice as close.
    a2, b2 = mid - QPoint(80, 0), mid + QPoint(80, 0)
    QTest.touchEvent(viewport, device).move(0, a2, viewport).move(1, b2, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, a2, viewport).release(1, b2, viewport).commit()
    assert _span(view) == pytest.approx(start / 2, rel=0.05)


def _overlaps(view: MapView) -> list[tuple[str, str]]:
    rects = view.label_rects()
    return [(a, b) for a, b in combinations(rects, 2) if rects[a].intersects(rects[b])]


def test_dense_job_of_200_markers_labels_never_collide(qtbot, shown_map) -> None:  # type: ignore[no-untyped-def]
    view, session = shown_map
    layers = session.layers
    e0 = sum(b.e for b in layers.boundary) / len(layers.boundary)
    n0 = sum(b.n for b in layers.boundary) / len(layers.boundary)
    base = replace(layers.markers[0], e=e0, n=n0)
    # 200 markers 25 m apart in a 20 x 10 block inside the WIUP, plus the corners of the job.
    dense = tuple(
        replace(base, name=f"D{i}", e=e0 + 25 * (i % 20), n=n0 - 25 * (i // 20), kind="infill")
        for i in range(200)
    )
    corners = tuple(m for m in layers.markers if m.kind == "corner")
    assert all(isinstance(m, MapPoint) for m in dense)
    view.set_layers(replace(layers, markers=corners + dense))
    _pump(0.3)
    shown = set(view.shown_labels())
    assert {m.name for m in corners} <= shown  # the corners are always named
    assert len(shown & {m.name for m in dense}) < 200  # the crowd gives way ...
    assert _overlaps(view) == []  # ... and nothing is stacked
    # Zoomed onto the block, more names fit, still without collision.
    vb = view.plot.getViewBox()
    vb.setRange(xRange=(base.e - 20, base.e + 140), yRange=(base.n - 120, base.n + 20), padding=0)
    _pump(0.3)
    named = set(view.shown_labels()) & {m.name for m in dense}
    assert len(named) > len(shown & {m.name for m in dense})
    assert _overlaps(view) == []
