"""Every marker label of the map in one graphics item, painted in pixels over the plot.

One pyqtgraph ``TextItem`` per marker cost ~1 s for a 1,000-marker job (each is a
QGraphicsTextItem that re-lays itself out on every view change). Here the labels are plain
strings measured once with the font's metrics; ``paint`` draws only the labels that the
declutter placed, at their marker's current pixel position plus the placed spot's offset, so
a pan between two declutters moves them with their markers at no cost.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

PAD_X, PAD_Y = 4.0, 1.0  # room around the text inside its box, in pixels


class MarkerLabels(pg.GraphicsObject):  # type: ignore[misc]
    """Labels of markers at data positions, drawn in the view box's pixel coordinates.

    The item is a child of the ViewBox (like the scale bar), not of its data group: text
    stays the same size at every zoom and is clipped to the plot. ``place`` sets which labels
    show and where (spot offsets in pixels from the marker); the others are not drawn.
    """

    def __init__(self, view_box: pg.ViewBox, font: QFont) -> None:
        super().__init__()
        self._vb = view_box
        self.setParentItem(view_box)
        self.setZValue(5)
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self.names: list[str] = []
        self.sizes: list[tuple[float, float]] = []
        self._points: list[tuple[float, float]] = []
        self._offsets: list[tuple[float, float] | None] = []
        self._pen = QPen(QColor("#000000"))
        self._fill = QBrush(QColor(255, 255, 255, 210))
        view_box.sigTransformChanged.connect(self._moved)
        view_box.sigResized.connect(self._resized)

    # -- data --------------------------------------------------------------------------
    def set_labels(self, names: Sequence[str], points: Sequence[tuple[float, float]]) -> None:
        """The labels (names) and their markers' data coordinates; new ones shown once placed."""
        if list(names) != self.names:
            self.names = list(names)
            fm = self._metrics
            self.sizes = [
                (fm.horizontalAdvance(n) + 2 * PAD_X, fm.height() + 2 * PAD_Y) for n in names
            ]
            self._offsets = [None] * len(self.names)
        # Same names (a status changed): the labels stay where they are until the declutter.
        self._points = list(points)
        self.update()

    def place(self, offsets: Sequence[tuple[float, float] | None]) -> None:
        """Top-left of each label in pixels from its marker, or None for a hidden label."""
        if list(offsets) != self._offsets:
            self._offsets = list(offsets)
            self.update()

    def set_colours(self, text: str, fill: tuple[int, int, int, int]) -> None:
        self._pen = QPen(QColor(text))
        self._fill = QBrush(QColor(*fill))
        self.update()

    def shown(self) -> list[str]:
        return [n for n, o in zip(self.names, self._offsets, strict=True) if o is not None]

    def rects(self) -> dict[str, QRectF]:
        """Each shown label's box in the item's (view box pixel) coordinates."""
        tr = self._vb.childTransform()
        out = {}
        for name, (e, n), (w, h), off in zip(
            self.names, self._points, self.sizes, self._offsets, strict=True
        ):
            if off is not None:
                p = tr.map(QPointF(e, n))
                out[name] = QRectF(p.x() + off[0], p.y() + off[1], w, h)
        return out

    def scene_rects(self) -> dict[str, QRectF]:
        return {k: self.mapRectToScene(r) for k, r in self.rects().items()}

    # -- QGraphicsItem ---------------------------------------------------------------------
    def _moved(self, *_args: object) -> None:
        self.update()

    def _resized(self, *_args: object) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._vb.rect())

    def paint(
        self, p: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        rects = self.rects()
        if not rects:
            return
        p.setFont(self._font)
        align = Qt.AlignmentFlag.AlignCenter
        for name, r in rects.items():
            p.fillRect(r, self._fill)
            p.setPen(self._pen)
            p.drawText(r, align, name)
