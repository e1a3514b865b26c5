"""The job map: WIUP, neighbours, zones, markers by status, control, live position and track."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.fieldwork import XY, MapLayers

STATUS_COLOURS = {
    "planned": "#1565c0",
    "staked": "#ef6c00",
    "installed": "#8e24aa",
    "documented": "#2e7d32",
}
TRACK_POINTS = 600


def nice_length(metres: float) -> float:
    """1, 2 or 5 times a power of ten, at most ``metres``."""
    if metres <= 0:
        return 1.0
    p = 10 ** math.floor(math.log10(metres))
    return next(m * p for m in (5, 2, 1) if m * p <= metres)


def _joined(rings: Sequence[XY]) -> XY:
    """Several rings in one item: NaN between them breaks the line."""
    xs: list[float] = []
    ys: list[float] = []
    for rx, ry in rings:
        xs += [*rx, math.nan]
        ys += [*ry, math.nan]
    return xs, ys


class MetreAxis(pg.AxisItem):
    """Whole metres, never 9.94e+06: a surveyor reads northings digit by digit."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [f"{v:.0f}" for v in values]


class MapView(QWidget):
    """A pyqtgraph plot on the job grid; items are created once and updated with setData."""

    marker_clicked = Signal(str)
    map_clicked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self._dark = dark
        fg = "#f0f0f0" if dark else "#000000"
        self.plot = pg.PlotWidget(
            background="#111111" if dark else "#ffffff",
            axisItems={"bottom": MetreAxis("bottom"), "left": MetreAxis("left")},
        )
        self.plot.setAspectLocked(True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("Easting (m)"))
        self.plot.setLabel("left", self.tr("Northing (m)"))
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTextPen(fg)
            self.plot.getAxis(axis).setPen(fg)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._layers: MapLayers | None = None
        self._labels: list[pg.TextItem] = []
        self._track: deque[tuple[float, float]] = deque(maxlen=TRACK_POINTS)
        self._make_items(fg)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.getViewBox().sigXRangeChanged.connect(self._update_scale)
        self.north = QLabel(self.tr("▲\nN"), self.plot)
        self.north.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.north.setStyleSheet(
            f"background: transparent; color: {fg}; font-size: 20pt; font-weight: bold;"
        )
        self.north.resize(48, 72)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.north.move(self.plot.width() - 70, 8)

    def _make_items(self, fg: str) -> None:
        p = self.plot
        self.neighbors_item = p.plot(
            [], [], pen=pg.mkPen("#c62828", width=2, style=Qt.PenStyle.DashLine), connect="finite"
        )
        self.zones_item = p.plot(
            [], [], pen=pg.mkPen("#795548", width=2), fillLevel=None, connect="finite"
        )
        self.wiup_item = p.plot([], [], pen=pg.mkPen(fg, width=3))
        self.proposal_item = pg.ScatterPlotItem(
            size=16, symbol="o", pen=pg.mkPen("#ff1744", width=3), brush=None
        )
        p.addItem(self.proposal_item)
        self.control_item = pg.ScatterPlotItem(
            size=16, symbol="t", pen=pg.mkPen(fg, width=1.5), brush=pg.mkBrush("#fdd835")
        )
        p.addItem(self.control_item)
        self.markers_item = pg.ScatterPlotItem(size=18, pen=pg.mkPen(fg, width=1.5))
        self.markers_item.sigClicked.connect(self._on_marker_click)
        p.addItem(self.markers_item)
        self.target_item = pg.ScatterPlotItem(
            size=34, symbol="o", pen=pg.mkPen("#ff1744", width=4), brush=None
        )
        p.addItem(self.target_item)
        self.track_item = p.plot([], [], pen=pg.mkPen("#00acc1", width=2))
        self.ellipse_item = p.plot([], [], pen=pg.mkPen("#00acc1", width=2))
        self.position_item = pg.ScatterPlotItem(
            size=20, symbol="o", pen=pg.mkPen("#ffffff", width=3), brush=pg.mkBrush("#d50000")
        )
        p.addItem(self.position_item)
        self.scale_bar = pg.ScaleBar(size=100, width=8, brush=fg, suffix="m", offset=(-30, -40))
        self.scale_bar.setParentItem(p.getViewBox())
        self.scale_bar.text.setColor(fg)

    # -- data ------------------------------------------------------------------------
    def set_layers(self, layers: MapLayers, fit: bool = True) -> None:
        first = self._layers is None
        self._layers = layers
        if layers.boundary:
            xs = [b.e for b in layers.boundary] + [layers.boundary[0].e]
            ys = [b.n for b in layers.boundary] + [layers.boundary[0].n]
            self.wiup_item.setData(xs, ys)
        self.neighbors_item.setData(*_joined([r for a in layers.neighbors for r in a.rings]))
        self.zones_item.setData(*_joined([r for z in layers.zones for r in z.rings]))
        self.control_item.setData(
            [c.e for c in layers.control], [c.n for c in layers.control],
            data=[c.name for c in layers.control],
        )  # fmt: skip
        self.markers_item.setData(
            [m.e for m in layers.markers],
            [m.n for m in layers.markers],
            brush=[pg.mkBrush(STATUS_COLOURS.get(m.status, "#9e9e9e")) for m in layers.markers],
            data=[m.name for m in layers.markers],
        )
        for item in self._labels:
            self.plot.removeItem(item)
        self._labels = []
        colour = "#f0f0f0" if self._dark else "#000000"
        for m in layers.markers:
            label = pg.TextItem(m.name, color=colour, anchor=(-0.2, 1.1))
            label.setPos(m.e, m.n)
            self.plot.addItem(label)
            self._labels.append(label)
        if fit or first:
            self.fit()

    def fit(self) -> None:
        self.plot.getViewBox().autoRange(padding=0.08)

    def set_target(self, name: str | None) -> None:
        m = self._layers.marker(name) if self._layers and name else None
        self.target_item.setData([m.e] if m else [], [m.n] if m else [])

    def set_proposal(self, points: Sequence[tuple[float, float]]) -> None:
        self.proposal_item.setData([p[0] for p in points], [p[1] for p in points])

    def set_position(self, e: float | None, n: float | None, ellipse: XY | None = None) -> None:
        """Live position, its error ellipse and the track (cheap: setData on existing items)."""
        if e is None or n is None:
            self.position_item.setData([], [])
            self.ellipse_item.setData([], [])
            return
        self.position_item.setData([e], [n])
        self.ellipse_item.setData(*(ellipse or ([], [])))
        if not self._track or self._track[-1] != (e, n):
            self._track.append((e, n))
            self.track_item.setData([t[0] for t in self._track], [t[1] for t in self._track])

    def clear_track(self) -> None:
        self._track.clear()
        self.track_item.setData([], [])

    # -- interaction -----------------------------------------------------------------
    def _on_marker_click(self, _item: object, points: Sequence[object]) -> None:
        if points:
            self.marker_clicked.emit(str(points[0].data()))  # type: ignore[attr-defined]

    def _on_click(self, event: object) -> None:
        pos = event.scenePos()  # type: ignore[attr-defined]
        vb = self.plot.getViewBox()
        if vb.sceneBoundingRect().contains(pos):
            p: QPointF = vb.mapSceneToView(pos)
            self.map_clicked.emit(p.x(), p.y())

    def _update_scale(self, *_args: object) -> None:
        vb = self.plot.getViewBox()
        (x0, x1), _ = vb.viewRange()
        length = nice_length((x1 - x0) / 5)
        self.scale_bar.size = length
        self.scale_bar.text.setText(f"{length:g} m" if length < 1000 else f"{length / 1000:g} km")
        self.scale_bar.updateBar()
