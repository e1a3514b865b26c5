"""The map's grid lines: on the values the axes label, under the vectors, in both themes."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from fieldapp.ui.background_layer import BASE_Z
from fieldapp.ui.map_grid import GRID_Z
from fieldapp.ui.map_view import MapView


def _shown(qtbot, dark: bool = False) -> MapView:  # type: ignore[no-untyped-def]
    view = MapView(dark=dark)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.plot.getViewBox().setRange(
        xRange=(500_000.0, 500_700.0), yRange=(9_900_000.0, 9_900_500.0), padding=0
    )
    return view


def _column(view: MapView, image: QImage, e: float, n: float) -> tuple[int, int]:
    scene = view.plot.getViewBox().mapViewToScene(QPointF(e, n))
    p = view.plot.mapFromScene(scene)
    return round(p.x()), round(p.y())


def _grey(image: QImage, x: int, y: int) -> int:
    return QColor(image.pixel(x, y)).lightness()


def _majors(view: MapView, axis: str, low: float, high: float, pixels: float) -> list[float]:
    return list(view.axes[axis].tickValues(low, high, pixels)[0][1])


def test_lines_lie_on_the_labelled_ticks_and_nowhere_else(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot)
    image = view.grab().toImage()
    vb = view.plot.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    xs = _majors(view, "bottom", x0, x1, vb.width())
    ys = _majors(view, "left", y0, y1, vb.height())
    assert len(xs) >= 3 and len(ys) >= 3
    # Sample between two lines of every level, away from the buttons at the left and top.
    mid_e = (xs[3] + xs[4]) / 2 + 3.3
    mid_n = (ys[1] + ys[2]) / 2 + 2.9
    background = _grey(image, *_column(view, image, mid_e, mid_n))
    assert background > 240
    for e in xs[1:-1]:
        x, y = _column(view, image, e, mid_n)
        darkest = min(_grey(image, x + dx, y) for dx in (-1, 0, 1))
        assert darkest < background - 20, f"no grid line at E {e}"
    for n in ys[1:-1]:
        x, y = _column(view, image, mid_e, n)
        darkest = min(_grey(image, x, y + dy) for dy in (-1, 0, 1))
        assert darkest < background - 20, f"no grid line at N {n}"


def test_the_grid_moves_with_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot)
    vb = view.plot.getViewBox()
    vb.setRange(xRange=(612_345.0, 612_395.0), yRange=(1_234_000.0, 1_234_040.0), padding=0)
    image = view.grab().toImage()
    (x0, x1), (y0, y1) = vb.viewRange()
    xs = _majors(view, "bottom", x0, x1, vb.width())
    assert all(x0 <= e <= x1 for e in xs) and len(xs) >= 3
    x, y = _column(view, image, xs[len(xs) // 2], (y0 + y1) / 2 + 0.37)
    background = _grey(image, x + 15, y)
    assert min(_grey(image, x + dx, y) for dx in (-1, 0, 1)) < background - 20


def test_under_the_vectors_and_above_the_backgrounds_and_never_clicked(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot)
    assert view.grid_item.zValue() == GRID_Z
    assert min(view.wiup_item.zValue(), view.markers_item.zValue()) > GRID_Z
    assert BASE_Z + 2 * 100 < GRID_Z  # a hundred background layers still lie under it
    assert view.grid_item.shape().isEmpty()
    # Not part of the data: fitting the view never reaches out to include the grid.
    assert view.plot.getViewBox().childrenBounds() == [None, None]


def test_night_theme_draws_light_lines_on_dark(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(qtbot, dark=True)
    image = view.grab().toImage()
    vb = view.plot.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    xs = _majors(view, "bottom", x0, x1, vb.width())
    ys = _majors(view, "left", y0, y1, vb.height())
    x, y = _column(view, image, xs[3], (ys[1] + ys[2]) / 2 + 2.9)
    background = _grey(image, x + 9, y)
    assert background < 60
    assert max(_grey(image, x + dx, y) for dx in (-1, 0, 1)) > background + 20
