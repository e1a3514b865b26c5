"""Map navigation for gloves: zoom, whole WIUP, centre on me, follow, two-finger pinch.

Mouse wheel and drag still work; these are for a touch screen, where once zoomed there was no
way back. The buttons float over the map's top-left corner, each at least 48 px.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTouchEvent
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

NAV_PX = 52  # a gloved finger hits it (>= 48 px)
ZOOM_STEP = 2.0

Position = Callable[[], "tuple[float, float] | None"]


class MapNavigator(QWidget):
    """The button column over a PlotWidget, and the pinch and follow behaviour of that plot."""

    def __init__(self, plot: pg.PlotWidget, fit: Callable[[], None], position: Position) -> None:
        super().__init__(plot)
        self.setObjectName("mapNav")
        self._plot = plot
        self._fit = fit
        self._position = position
        self._pinch_span: float | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)

        def button(text: str, slot: object, checkable: bool = False) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setCheckable(checkable)
            b.setFixedSize(NAV_PX, NAV_PX)
            b.clicked.connect(slot)
            column.addWidget(b)
            return b

        self.zoom_in_btn = button("+", self.zoom_in)
        self.zoom_out_btn = button("−", self.zoom_out)
        self.fit_btn = button("⤢", self.fit_wiup)
        self.centre_btn = button("◎", self.centre_on_me)
        self.follow_btn = button("➤", self._follow_toggled, checkable=True)
        self.adjustSize()
        self.retranslate()
        vb = plot.getViewBox()
        vb.sigRangeChangedManually.connect(self._panned_by_hand)
        vb.sigResized.connect(self.place)
        # Two fingers on a touch screen: the viewport gets the touch points.
        viewport = plot.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        viewport.installEventFilter(self)

    def retranslate(self) -> None:
        self.zoom_in_btn.setToolTip(self.tr("Zoom in"))
        self.zoom_out_btn.setToolTip(self.tr("Zoom out"))
        self.fit_btn.setToolTip(self.tr("Whole WIUP"))
        self.centre_btn.setToolTip(self.tr("Centre on my position"))
        self.follow_btn.setToolTip(self.tr("Follow my position"))

    def place(self, *_args: object) -> None:
        """In the map's top-left corner, clear of the axis and its numbers."""
        rect = self._plot.getViewBox().sceneBoundingRect()
        corner = self._plot.mapFromScene(rect.topLeft())
        self.move(max(0, corner.x()) + 6, max(0, corner.y()) + 6)
        self.raise_()

    # -- zoom and position ------------------------------------------------------------
    def zoom_in(self) -> None:
        self._plot.getViewBox().scaleBy((1 / ZOOM_STEP, 1 / ZOOM_STEP))

    def zoom_out(self) -> None:
        self._plot.getViewBox().scaleBy((ZOOM_STEP, ZOOM_STEP))

    def pinch(self, factor: float) -> None:
        """Zoom by ``factor`` (> 1: fingers spread, closer in) about the view's centre."""
        if factor > 0 and math.isfinite(factor):
            self._plot.getViewBox().scaleBy((1 / factor, 1 / factor))

    def fit_wiup(self) -> None:
        self.follow_btn.setChecked(False)
        self._fit()

    def centre_on_me(self) -> bool:
        """Centre the view on the live position, keeping the zoom; False when there is none."""
        here = self._position()
        if here is None:
            return False
        vb = self._plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        e, n = here
        vb.setRange(
            xRange=(e - (x1 - x0) / 2, e + (x1 - x0) / 2),
            yRange=(n - (y1 - y0) / 2, n + (y1 - y0) / 2),
            padding=0,
        )
        return True

    # -- follow ----------------------------------------------------------------------
    @property
    def following(self) -> bool:
        return self.follow_btn.isChecked()

    def set_following(self, on: bool) -> None:
        self.follow_btn.setChecked(on)
        self._follow_toggled()

    def _follow_toggled(self, *_args: object) -> None:
        if self.follow_btn.isChecked():
            self.centre_on_me()

    def position_moved(self, *_args: object) -> None:
        if self.follow_btn.isChecked():
            self.centre_on_me()

    def _panned_by_hand(self, *_args: object) -> None:
        # Dragging the map means "let me look elsewhere": following would snap it back.
        self.follow_btn.setChecked(False)

    # -- pinch -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            return False
        assert isinstance(event, QTouchEvent)
        points = event.points()
        if len(points) == 2 and kind != QEvent.Type.TouchEnd:
            a, b = points[0].position(), points[1].position()
            span = math.hypot(a.x() - b.x(), a.y() - b.y())
            if self._pinch_span and span > 0:
                self.pinch(span / self._pinch_span)
            self._pinch_span = span or None
        else:
            self._pinch_span = None
        event.accept()
        return True
