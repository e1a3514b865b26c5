"""Painted guidance widgets: a direction arrow and a bullseye that rescales as you approach."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldapp.ui.numbers import short

# White text reaches 4.5:1 on each; "quality" (inside the tolerance, not proven) is its own hue.
STATE_COLOURS = {
    "far": "#b71c1c",
    "near": "#a84300",
    "quality": "#6a1b9a",
    "within": "#1b5e20",
    "": "#616161",
}
FINE_M = 1.0  # inside this the bullseye holds a fixed centimetre scale: nothing rescales
FINE_RING_M = 0.2
FINE_RINGS = 5


def nice_at_least(metres: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``metres``."""
    if metres <= 0:
        return 1.0
    p = 10 ** math.floor(math.log10(metres))
    return float(next(m * p for m in (1, 2, 5, 10) if m * p >= metres))


class ArrowWidget(QWidget):
    """An arrow pointing ``angle_deg`` clockwise from the top of the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.angle_deg: float | None = None
        self.colour = QColor(STATE_COLOURS[""])
        self._ring_pix: QPixmap | None = None
        self._ring_key: tuple[object, ...] = ()
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_angle(self, angle_deg: float | None, colour: str) -> None:
        c = QColor(colour)
        if angle_deg == self.angle_deg and c == self.colour:
            return  # nothing to draw again (grey ticks, standing still)
        self.angle_deg = angle_deg
        self.colour = c
        self.update()

    def _ring(self) -> QPixmap:
        """The circle around the arrow, drawn again only when the size or theme changes."""
        fg = self.palette().windowText().color()
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, fg.rgba())
        if self._ring_pix is not None and self._ring_key == key:
            return self._ring_pix
        pix = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        p.translate(self.width() / 2, self.height() / 2)
        p.setPen(QPen(fg, 3))
        p.drawEllipse(QPointF(0, 0), side * 0.46, side * 0.46)
        p.end()
        self._ring_pix, self._ring_key = pix, key
        return pix

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.drawPixmap(0, 0, self._ring())
        if self.angle_deg is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        p.translate(self.width() / 2, self.height() / 2)
        p.rotate(self.angle_deg)
        r = side * 0.4
        shape = QPolygonF(
            [QPointF(0, -r), QPointF(r * 0.45, -r * 0.1), QPointF(r * 0.15, -r * 0.1),
             QPointF(r * 0.15, r * 0.8), QPointF(-r * 0.15, r * 0.8), QPointF(-r * 0.15, -r * 0.1),
             QPointF(-r * 0.45, -r * 0.1)]
        )  # fmt: skip
        p.setBrush(self.colour)
        # Outline in the text colour: black on the light theme, white on the dark one.
        p.setPen(QPen(self.palette().windowText().color(), 3))
        p.drawPolygon(shape)


class Bullseye(QWidget):
    """Target at the centre, you as a dot; the scale follows the distance (metres per ring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offset: tuple[float, float] | None = None  # (right/E, up/N) from target to you
        self.tolerance_m = 0.1
        self.colour = QColor(STATE_COLOURS[""])
        self.ring_m = 1.0
        self.rings = 3
        self.fine = False
        self.up_label = ""  # what "up" means: the direction of travel or north
        self._bg: QPixmap | None = None
        self._bg_key: tuple[object, ...] = ()
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _look(self) -> tuple[object, ...]:
        return (self.tolerance_m, self.colour.rgba(), self.rings, self.ring_m, self.fine)

    def _dot_rect(self) -> QRect | None:
        """Where the dot is painted (with its white rim), or None when there is no dot."""
        if self.offset is None:
            return None
        side, cx, cy, px_per_m = self._geometry()
        x = max(-side / 2, min(side / 2, self.offset[0] * px_per_m))
        y = max(-side / 2, min(side / 2, self.offset[1] * px_per_m))
        return QRectF(cx + x - 18, cy - y - 18, 36, 36).toAlignedRect()

    def set_offset(self, x: float | None, y: float | None, tolerance_m: float, colour: str) -> None:
        look, before = self._look(), self._dot_rect()
        self.tolerance_m = tolerance_m
        self.colour = QColor(colour)
        if x is None or y is None:
            self.offset = None
        else:
            self.offset = (x, y)
            d = math.hypot(x, y)
            self.fine = d < FINE_M
            if self.fine:
                # A fixed scale in centimetres: the dot moves, the rings never jump.
                self.rings, self.ring_m = FINE_RINGS, max(FINE_RING_M, tolerance_m)
            else:
                # The outer ring reaches past you: the dot is never pinned to the edge.
                self.rings = 3
                self.ring_m = max(nice_at_least(d / 2.8), tolerance_m)
        after = self._dot_rect()
        if look == self._look() and not self.fine and before is not None and after is not None:
            # Only the dot moved: repaint where it was and where it is, not the whole disc.
            self.update(before.united(after))
        else:
            self.update()

    def set_up_label(self, text: str) -> None:
        if text != self.up_label:
            self.up_label = text
            self.update()

    def caption(self) -> str:
        if self.fine:
            cm = QLocale().toString(self.ring_m * 100, "f", 0)
            return self.tr("{0} cm per ring").format(cm)
        return self.tr("{0} m per ring").format(short(self.ring_m))  # 2000, never 2e+03

    def _geometry(self) -> tuple[float, float, float, float]:
        """Side of the ring area, its centre and pixels per metre at the current scale."""
        top = 36  # the caption's strip: the rings never run under it
        bottom = 22 if self.up_label else 0  # and the strip saying what "up" is
        side = min(self.width(), self.height() - top - bottom) - 24
        cx, cy = self.width() / 2, top + (self.height() - top - bottom) / 2
        return side, cx, cy, side / 2 / (self.rings * self.ring_m)

    def _background(self) -> QPixmap:
        """Rings, axes, tolerance disc and captions: drawn again only when one of them changes.

        Antialiased rings cost more than all the rest of the tab at the receiver's rate, and
        only the dot moves from epoch to epoch.
        """
        grey = self.colour == QColor(STATE_COLOURS[""])
        fg = self.palette().windowText().color()
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, self.rings, self.ring_m, self.tolerance_m,
               grey, self.caption(), self.up_label, fg.rgba(), self.font().key())  # fmt: skip
        if self._bg is not None and self._bg_key == key:
            return self._bg
        pix = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side, cx, cy, px_per_m = self._geometry()
        bottom = 22 if self.up_label else 0
        p.setPen(QPen(fg, 2))
        for i in range(1, self.rings + 1):
            r = i * self.ring_m * px_per_m
            p.drawEllipse(QPointF(cx, cy), r, r)
        p.drawLine(QPointF(cx - side / 2, cy), QPointF(cx + side / 2, cy))
        p.drawLine(QPointF(cx, cy - side / 2), QPointF(cx, cy + side / 2))
        tol = self.tolerance_m * px_per_m
        p.setBrush(QColor(97, 97, 97, 90) if grey else QColor(27, 94, 32, 90))
        p.drawEllipse(QPointF(cx, cy), tol, tol)
        caption = QFont(self.font())
        caption.setBold(True)
        caption.setPointSizeF(caption.pointSizeF() + 3)
        p.setFont(caption)
        p.drawText(QRectF(4, 4, self.width() - 8, 40), Qt.AlignmentFlag.AlignLeft, self.caption())
        if self.up_label:
            p.setFont(self.font())
            p.drawText(QRectF(4, self.height() - bottom, self.width() - 8, bottom),
                       Qt.AlignmentFlag.AlignLeft, f"↑ {self.up_label}")  # fmt: skip
        p.end()
        self._bg, self._bg_key = pix, key
        return pix

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.drawPixmap(0, 0, self._background())
        if self.offset is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side, cx, cy, px_per_m = self._geometry()
        if self.fine:
            # Crosshair through you as well: read the centimetres off both axes.
            p.setPen(QPen(self.colour, 1, Qt.PenStyle.DashLine))
            ox = cx + max(-side / 2, min(side / 2, self.offset[0] * px_per_m))
            oy = cy - max(-side / 2, min(side / 2, self.offset[1] * px_per_m))
            p.drawLine(QPointF(cx - side / 2, oy), QPointF(cx + side / 2, oy))
            p.drawLine(QPointF(ox, cy - side / 2), QPointF(ox, cy + side / 2))
        x = max(-side / 2, min(side / 2, self.offset[0] * px_per_m))
        y = max(-side / 2, min(side / 2, self.offset[1] * px_per_m))
        p.setBrush(self.colour)
        p.setPen(QPen(Qt.GlobalColor.white, 3))
        p.drawEllipse(QPointF(cx + x, cy - y), 14, 14)
