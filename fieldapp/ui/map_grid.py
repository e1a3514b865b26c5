"""The map's coordinate grid: lines at the axes' tick values, drawn in one pass over the view."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

# Above every background layer (z from -1000 up), under every vector item (z >= 0).
GRID_Z = -10.0


class MapGrid(pg.GraphicsObject):  # type: ignore[misc]
    """Grid lines on the same values the axes label, major lines stronger than minor ones.

    pyqtgraph's own grid extends each axis's ticks across the plot inside the axis item, whose
    device-coordinate cache then re-renders a pixmap the size of the whole view twice for
    every pan step (about 14 ms a frame at 1366x768). Here the lines are a few dozen cosmetic
    strokes drawn straight in the view: no cache to rebuild, nothing to blend twice.
    """

    def __init__(self, axes: dict[str, pg.AxisItem], colour: str, alpha: float) -> None:
        super().__init__()
        self._axes = axes
        self.setZValue(GRID_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_colour(colour, alpha)

    def set_colour(self, colour: str, alpha: float) -> None:
        self._colour = QColor(colour)
        self._alpha = max(0.0, min(1.0, alpha))
        self.update()

    def _pen(self, level: int, count: int, pixels: float) -> QPen:
        # pyqtgraph's rule: each finer level half as strong, and faint where lines crowd.
        crowd = max(0.0, min(1.0, 0.05 * pixels / (count + 1)))
        colour = QColor(self._colour)
        colour.setAlphaF(self._alpha / (level + 1) * crowd)
        pen = QPen(colour)
        pen.setCosmetic(True)
        pen.setWidth(0)
        return pen

    def _view_rect(self) -> QRectF:
        vb = self.getViewBox()
        if vb is None:
            return QRectF()
        (x0, x1), (y0, y1) = vb.viewRange()
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._view_rect()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse: clicks go to the markers and the map

    def viewRangeChanged(self) -> None:  # noqa: N802
        self.prepareGeometryChange()

    def viewTransformChanged(self) -> None:  # noqa: N802
        # A locked aspect ratio settles the range only when the view is about to paint.
        self.prepareGeometryChange()

    def paint(self, p: QPainter, *args: Any) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        rect = self._view_rect()
        x0, x1, y0, y1 = rect.left(), rect.right(), rect.top(), rect.bottom()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for axis, low, high, pixels in (
            ("bottom", x0, x1, vb.width()),
            ("left", y0, y1, vb.height()),
        ):
            if high <= low or pixels <= 0:
                continue
            # The axis's own tick values: every line meets a labelled tick.
            for level, (_, values) in enumerate(self._axes[axis].tickValues(low, high, pixels)):
                if not values:
                    continue
                p.setPen(self._pen(level, len(values), pixels))
                if axis == "bottom":
                    p.drawLines([QLineF(v, y0, v, y1) for v in values])
                else:
                    p.drawLines([QLineF(x0, v, x1, v) for v in values])
