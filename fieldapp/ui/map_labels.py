"""Every marker label of the map in one graphics item, painted in pixels over the plot.

One pyqtgraph ``TextItem`` per marker cost ~1 s for a 1,000-marker job (each is a
QGraphicsTextItem that re-lays itself out on every view change). Here the labels are plain
strings measured once with the font's metrics; ``paint`` draws only the labels that the
declutter placed, at their marker's current pixel position plus the placed spot's offset, so
a pan between two declutters moves them with their markers at no cost.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

PAD_X, PAD_Y = 4.0, 1.0  # room around the text inside its box, in pixels
MARKER_PX = 18  # the marker symbol's size: labels keep clear of it
# Where a label may sit around its marker, in the order tried: the usual cartographic
# preference (upper right first), then straight above and below.
LABEL_SPOTS = ("ne", "e", "se", "nw", "w", "sw", "n", "s")

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y down


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


# -- placement: which labels show, and where around their marker ---------------------------
class _Cells:
    """Rectangles bucketed by cell: a collision test looks at a few cells, not at all of them."""

    def __init__(self, cell_px: float = 64.0) -> None:
        self.cell = cell_px
        self.rects: dict[tuple[int, int], list[tuple[Rect, int]]] = {}

    def _keys(self, r: Rect) -> list[tuple[int, int]]:
        c = self.cell
        xs = range(math.floor(r[0] / c), math.floor(r[2] / c) + 1)
        ys = range(math.floor(r[1] / c), math.floor(r[3] / c) + 1)
        return [(x, y) for x in xs for y in ys]

    def hits(self, r: Rect, ignore: int | None = None) -> bool:
        """Does ``r`` overlap a rectangle, other than those of owner ``ignore``?"""
        for key in self._keys(r):
            for o, owner in self.rects.get(key, ()):
                if owner != ignore and r[0] < o[2] and o[0] < r[2] and r[1] < o[3] and o[1] < r[3]:
                    return True
        return False

    def add(self, r: Rect, owner: int = -1) -> None:
        for key in self._keys(r):
            self.rects.setdefault(key, []).append((r, owner))


def label_offset(
    spot: str, w: float, h: float, r: float = MARKER_PX / 2 + 2
) -> tuple[float, float]:
    """Top-left corner of a ``w`` x ``h`` pixel label at ``spot`` around a symbol of radius r."""
    d = r * 0.75  # diagonal spots hug the round symbol
    return {
        "ne": (d, -d - h), "e": (r, -h / 2), "se": (d, d), "nw": (-d - w, -d - h),
        "w": (-r - w, -h / 2), "sw": (-d - w, d), "n": (-w / 2, -r - h), "s": (-w / 2, r),
    }[spot]  # fmt: skip


def _buried(points: Sequence[tuple[float, float]], within_px: float = 2.0) -> set[int]:
    """Markers with another marker less than ``within_px`` away on both axes.

    Such a neighbour's symbol (half-width ``MARKER_PX / 2 + margin``) covers every spot around
    the marker: its label can go nowhere, so none of its eight spots needs testing. Zoomed out
    on a thousand markers, nearly all are buried, and testing their spots one by one in
    Python was most of the job's opening time.
    """
    cells: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(points):
        cells.setdefault((math.floor(x / within_px), math.floor(y / within_px)), []).append(i)
    buried = set()
    for (cx, cy), members in cells.items():
        for i in members:
            x, y = points[i]
            for key in ((cx + a, cy + b) for a in (-1, 0, 1) for b in (-1, 0, 1)):
                if any(
                    j != i
                    and abs(points[j][0] - x) < within_px
                    and abs(points[j][1] - y) < within_px
                    for j in cells.get(key, ())
                ):
                    buried.add(i)
                    break
    return buried


def place_labels(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    order: Sequence[int],
    symbol_px: float = MARKER_PX,
    obstacles: Sequence[tuple[float, float]] = (),
    margin_px: float = 4.0,
    force: int | None = None,
) -> list[str | None]:
    """For each label (pixel point, pixel size, y down) the spot it takes, or None (hidden).

    Labels are tried in ``order`` (highest priority first). A label may cover neither a label
    placed before it, nor the symbol (plus ``margin_px``) of another marker or of an obstacle
    point (control points): a label crowded among symbols would name the wrong one. The label
    ``force`` (the selected marker's) is shown even where every spot is crowded: first spot.
    """
    half = symbol_px / 2
    m = half + margin_px
    taken = _Cells()
    for i, (x, y) in enumerate(points):
        taken.add((x - m, y - m, x + m, y + m), owner=i)
    for x, y in obstacles:
        taken.add((x - half, y - half, x + half, y + half))
    # A neighbour this close covers the label's every spot (it reaches m - r = margin + 2 px
    # past the marker's own symbol on every side): skipped without testing.
    buried = _buried(points, margin_px - 2.0) if margin_px > 2.0 else set()
    chosen: list[str | None] = [None] * len(points)
    for i in order:
        (x, y), (w, h) = points[i], sizes[i]
        for spot in () if i in buried else LABEL_SPOTS:
            dx, dy = label_offset(spot, w, h, half + 2)
            r = (x + dx, y + dy, x + dx + w, y + dy + h)
            if not taken.hits(r, ignore=i):
                taken.add(r)
                chosen[i] = spot
                break
        if chosen[i] is None and i == force:
            dx, dy = label_offset(LABEL_SPOTS[0], w, h, half + 2)
            taken.add((x + dx, y + dy, x + dx + w, y + dy + h))
            chosen[i] = LABEL_SPOTS[0]
    return chosen
