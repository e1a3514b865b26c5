"""The job map: WIUP, neighbours, zones, markers by status, control, live position and track.

Marker labels are decluttered whenever the view changes (throttled by a short single-shot
timer): the selected target's label is placed first (always shown while its marker is in
view), then corner labels, then infill labels, each in the first free spot around its marker;
a label that fits nowhere is hidden until the surveyor zooms in, so a zoomed-out job of
thousands of markers names only as many as fit. Placement is pixel bookkeeping on a coarse
grid of cells over the markers in view; all labels are painted by one item (map_labels).
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QLabel, QToolButton, QVBoxLayout, QWidget

from fieldapp.fieldwork import XY, MapLayers
from fieldapp.survey.local import metres_per_degree
from fieldapp.ui.background_layer import BackgroundLayer, BackgroundSpec
from fieldapp.ui.map_grid import MapGrid
from fieldapp.ui.map_labels import MARKER_PX, MarkerLabels, label_offset, place_labels
from fieldapp.ui.map_nav import MapNavigator
from fieldapp.ui.numbers import fixed, short

# Marker fill per status; the dark theme needs lighter tones to stand out on near-black.
STATUS_COLOURS = {
    "planned": "#1565c0",
    "staked": "#ef6c00",
    "installed": "#8e24aa",
    "documented": "#2e7d32",
}
STATUS_COLOURS_DARK = {
    "planned": "#64b5f6",
    "staked": "#ffa726",
    "installed": "#ce93d8",
    "documented": "#81c784",
}


@dataclass(frozen=True, slots=True)
class MapPalette:
    background: str
    foreground: str
    neighbor: str
    zone: str
    live: str  # track and error ellipse
    target: str
    label_fill: tuple[int, int, int, int]
    status: dict[str, str]


PALETTES = {
    False: MapPalette("#ffffff", "#000000", "#c62828", "#6d4c41", "#00838f", "#d50000",
                      (255, 255, 255, 210), STATUS_COLOURS),
    True: MapPalette("#101010", "#f2f2f2", "#ff5252", "#ffb74d", "#26c6da", "#ff1744",
                     (16, 16, 16, 210), STATUS_COLOURS_DARK),
}  # fmt: skip
TRACK_POINTS = 600
DECLUTTER_MS = 40  # view changes within this time are decluttered once
GRID_ALPHA = {False: 0.25, True: 0.3}  # grid line opacity by day / night theme


def nice_length(metres: float) -> float:
    """1, 2 or 5 times a power of ten, at most ``metres``."""
    if metres <= 0:
        return 1.0
    p = 10 ** math.floor(math.log10(metres))
    return float(next(m * p for m in (5, 2, 1) if m * p <= metres))


def _joined(rings: Sequence[XY]) -> XY:
    """Several rings in one item: NaN between them breaks the line."""
    xs: list[float] = []
    ys: list[float] = []
    for rx, ry in rings:
        xs += [*rx, math.nan]
        ys += [*ry, math.nan]
    return xs, ys


class GridAxis(pg.AxisItem):  # type: ignore[misc]
    """Grid coordinates as a surveyor reads them: whole metres (never 9.94e+06) or degrees."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.degrees = False

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        d = 0
        if self.degrees and spacing > 0:
            d = max(0, min(6, 1 - math.floor(math.log10(spacing))))
        return [fixed(v, d) for v in values]


class MapView(QWidget):
    """A pyqtgraph plot on the job grid; items are created once and updated with setData."""

    marker_clicked = Signal(str)
    map_clicked = Signal(float, float)
    background_message = Signal(str)  # a background that cannot be drawn (names the file)

    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self._dark = dark
        pal = self.palette_ = PALETTES[dark]
        fg = pal.foreground
        self.axes = {"bottom": GridAxis("bottom"), "left": GridAxis("left")}
        self.plot = pg.PlotWidget(background=pal.background, axisItems=self.axes)
        self.plot.setAspectLocked(True)
        self.grid_item = MapGrid(self.axes, fg, GRID_ALPHA[dark])
        self.plot.addItem(self.grid_item, ignoreBounds=True)
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTextPen(fg)
            self.plot.getAxis(axis).setPen(fg)
        self._axis_labels(geographic=False, crs="")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._layers: MapLayers | None = None
        self._label_order: list[int] = []
        self._target: str | None = None
        self._track: deque[tuple[float, float]] = deque(maxlen=TRACK_POINTS)
        self._track_dirty = False
        self._position: tuple[float, float, XY | None] | None = None
        self._position_dirty = False  # set while the map is not shown
        self._make_items()
        vb = self.plot.getViewBox()
        self.backgrounds = BackgroundLayer(vb, self)
        self.backgrounds.message.connect(self.background_message)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self._declutter_timer = QTimer(self)
        self._declutter_timer.setSingleShot(True)
        self._declutter_timer.setInterval(DECLUTTER_MS)
        self._declutter_timer.timeout.connect(self.declutter)
        vb.sigRangeChanged.connect(self._view_changed)
        vb.sigResized.connect(self._view_changed)
        # "▲ N" for grid north (the job's CRS), translated (U = utara).
        self.north = QLabel(self.tr("▲\nN"), self.plot)
        self.north.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.north.setStyleSheet(
            f"background: transparent; color: {fg}; font-size: 20pt; font-weight: bold;"
        )
        self.north.resize(48, 72)
        # The layer control's button, under the north arrow; the window shows it for a job.
        self.layers_btn = QToolButton(self.plot)
        self.layers_btn.setText(self.tr("Background map"))
        self.layers_btn.setMinimumHeight(48)
        self.layers_btn.hide()
        self.nav = MapNavigator(self.plot, self.fit_wiup, self.my_position)
        self.position_item.sigPlotChanged.connect(self.nav.position_moved)

    def retranslate(self) -> None:
        """Texts in the language now installed (axis titles, north, button tips)."""
        self.north.setText(self.tr("▲\nN"))
        self.layers_btn.setText(self.tr("Background map"))
        self._place_layers_btn()
        grid = self._layers.grid if self._layers is not None else None
        self._axis_labels(grid.is_geographic if grid else False, grid.name if grid else "")
        self.nav.retranslate()
        # Tick numbers and the scale bar in the new language's decimal sign.
        for axis in self.axes.values():
            axis.picture = None
            axis.update()
        self._update_scale()

    def fit_wiup(self) -> None:
        """The whole WIUP in view (everything when the job has no boundary yet)."""
        layers = self._layers
        if layers is None or not layers.boundary:
            self.fit()
            return
        es = [b.e for b in layers.boundary]
        ns = [b.n for b in layers.boundary]
        self.plot.getViewBox().setRange(
            xRange=(min(es), max(es)), yRange=(min(ns), max(ns)), padding=0.08
        )

    def my_position(self) -> tuple[float, float] | None:
        """The live position on the map, if any."""
        return None if self._position is None else self._position[:2]

    def set_dark(self, dark: bool) -> None:
        """Re-colour every item for the day or night theme, in place (nothing is rebuilt)."""
        if dark == self._dark:
            return
        self._dark = dark
        self._apply_palette()

    def _axis_labels(self, geographic: bool, crs: str) -> None:
        """Axis titles name the job's CRS: the grid lines are in its coordinates."""
        for axis in self.axes.values():
            axis.degrees = geographic
        # The CRS's EPSG name is English ("UTM zone 50S"); the word "zone" is read in the UI's.
        crs = re.sub(r"\bzone\b", self.tr("zone"), crs)
        if geographic:
            x, y = self.tr("Longitude (°)"), self.tr("Latitude (°)")
        else:
            x, y = self.tr("Easting (m)"), self.tr("Northing (m)")
        self.plot.setLabel("bottom", f"{x} – {crs}" if crs else x)
        self.plot.setLabel("left", y)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.north.move(self.plot.width() - 70, 8)
        self._place_layers_btn()
        self.nav.place()

    def _place_layers_btn(self) -> None:
        self.layers_btn.adjustSize()
        self.layers_btn.move(self.plot.width() - self.layers_btn.width() - 12, 84)

    def _apply_palette(self) -> None:
        pal = self.palette_ = PALETTES[self._dark]
        fg = pal.foreground
        self.plot.setBackground(pal.background)
        self.grid_item.set_colour(fg, GRID_ALPHA[self._dark])
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTextPen(fg)
            self.plot.getAxis(axis).setPen(fg)
        self.neighbors_item.setPen(pg.mkPen(pal.neighbor, width=3, style=Qt.PenStyle.DashLine))
        self.zones_item.setPen(pg.mkPen(pal.zone, width=3))
        self.wiup_item.setPen(pg.mkPen(fg, width=3))
        self.wiup_halo_item.setPen(pg.mkPen(pal.background, width=7))
        self.neighbors_halo_item.setPen(pg.mkPen(pal.background, width=6))
        self.zones_halo_item.setPen(pg.mkPen(pal.background, width=6))
        self.proposal_item.setPen(pg.mkPen(pal.target, width=3))
        self.control_item.setPen(pg.mkPen(fg, width=1.5))
        self.markers_item.setPen(pg.mkPen(fg, width=1.5))
        self.target_item.setPen(pg.mkPen(pal.target, width=4))
        self.track_item.setPen(pg.mkPen(pal.live, width=2))
        self.ellipse_item.setPen(pg.mkPen(pal.live, width=2))
        self.scale_bar.bar.setBrush(pg.mkBrush(fg))
        self.scale_bar.text.setColor(fg)
        self.north.setStyleSheet(
            f"background: transparent; color: {fg}; font-size: 20pt; font-weight: bold;"
        )
        self.labels_item.set_colours(fg, pal.label_fill)
        self._halo(self.wiup_halo_item.isVisible())
        if self._layers is not None:
            self.markers_item.setBrush(self._status_brushes(self._layers))

    def _make_items(self) -> None:
        pal, p = self.palette_, self.plot
        fg = pal.foreground
        # Light casings under the neighbour and zone lines, shown over a background.
        self.neighbors_halo_item = p.plot([], [], pen=pg.mkPen(pal.background, width=6),
                                          connect="finite")  # fmt: skip
        self.zones_halo_item = p.plot([], [], pen=pg.mkPen(pal.background, width=6),
                                      connect="finite")  # fmt: skip
        self.neighbors_item = p.plot(
            [], [], pen=pg.mkPen(pal.neighbor, width=3, style=Qt.PenStyle.DashLine),
            connect="finite",
        )  # fmt: skip
        self.zones_item = p.plot([], [], pen=pg.mkPen(pal.zone, width=3), connect="finite")
        # A light casing under the WIUP line, shown over a background: readable on imagery.
        self.wiup_halo_item = p.plot([], [], pen=pg.mkPen(pal.background, width=7))
        for halo in (self.wiup_halo_item, self.neighbors_halo_item, self.zones_halo_item):
            halo.setVisible(False)
        self.wiup_item = p.plot([], [], pen=pg.mkPen(fg, width=3))
        # A ring wider than a marker: a proposal over stored markers stays visible.
        self.proposal_item = pg.ScatterPlotItem(
            size=28, symbol="o", pen=pg.mkPen(pal.target, width=3), brush=None
        )
        p.addItem(self.proposal_item)
        self.control_item = pg.ScatterPlotItem(
            size=16, symbol="t", pen=pg.mkPen(fg, width=1.5), brush=pg.mkBrush("#fdd835")
        )
        p.addItem(self.control_item)
        self.markers_item = pg.ScatterPlotItem(size=MARKER_PX, pen=pg.mkPen(fg, width=1.5))
        self.markers_item.sigClicked.connect(self._on_marker_click)
        p.addItem(self.markers_item)
        self.target_item = pg.ScatterPlotItem(
            size=34, symbol="o", pen=pg.mkPen(pal.target, width=4), brush=None
        )
        p.addItem(self.target_item)
        self.track_item = p.plot([], [], pen=pg.mkPen(pal.live, width=2))
        self.ellipse_item = p.plot([], [], pen=pg.mkPen(pal.live, width=2))
        self.position_item = pg.ScatterPlotItem(
            size=20, symbol="o", pen=pg.mkPen("#ffffff", width=3), brush=pg.mkBrush("#d50000")
        )
        p.addItem(self.position_item)
        self.scale_bar = pg.ScaleBar(size=100, width=8, brush=fg, suffix="m", offset=(-30, -40))
        self.scale_bar.setParentItem(p.getViewBox())
        self.scale_bar.text.setColor(fg)
        self._label_font = QFont(self.font())
        self._label_font.setBold(True)
        self.labels_item = MarkerLabels(p.getViewBox(), self._label_font)
        self.labels_item.set_colours(fg, pal.label_fill)
        # Items that change only with the view (the axes' ticks and numbers, markers, control,
        # labels) are kept as pixmaps: the live position moving over them at the receiver's
        # rate repaints a blit of each, not every symbol and tick again.
        cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
        for item in (*self.axes.values(), self.markers_item, self.control_item, self.labels_item):
            item.setCacheMode(cache)

    # -- data ------------------------------------------------------------------------
    def set_layers(self, layers: MapLayers, fit: bool = True) -> None:
        first = self._layers is None
        self._layers = layers
        geographic = layers.grid.is_geographic
        self._axis_labels(geographic, layers.grid.name)
        self.backgrounds.set_grid(layers.grid.to_pyproj())
        if layers.boundary:
            xs = [b.e for b in layers.boundary] + [layers.boundary[0].e]
            ys = [b.n for b in layers.boundary] + [layers.boundary[0].n]
            self.wiup_item.setData(xs, ys)
            self.wiup_halo_item.setData(xs, ys)
        neighbors = _joined([r for a in layers.neighbors for r in a.rings])
        zones = _joined([r for z in layers.zones for r in z.rings])
        self.neighbors_item.setData(*neighbors)
        self.zones_item.setData(*zones)
        self.neighbors_halo_item.setData(*neighbors)
        self.zones_halo_item.setData(*zones)
        self.control_item.setData(
            [c.e for c in layers.control], [c.n for c in layers.control],
            data=[c.name for c in layers.control],
        )  # fmt: skip
        self.markers_item.setData(
            [m.e for m in layers.markers],
            [m.n for m in layers.markers],
            brush=self._status_brushes(layers),
            data=[m.name for m in layers.markers],
        )
        self.labels_item.set_labels(
            [m.name for m in layers.markers], [(m.e, m.n) for m in layers.markers]
        )
        self._order_labels()
        if fit or first:
            self.fit()
        self._view_changed()

    def set_backgrounds(self, specs: Sequence[BackgroundSpec]) -> None:
        """The job's background maps, bottom first, drawn under every vector layer."""
        self.backgrounds.set_backgrounds(specs)
        self._halo(any(s.visible for s in specs) and bool(self.backgrounds.names()))

    def _halo(self, on: bool) -> None:
        """Over imagery: light casings under the lines, filled labels, scale bar and north."""
        pal = self.palette_
        for halo in (self.wiup_halo_item, self.neighbors_halo_item, self.zones_halo_item):
            halo.setVisible(on)
        fill = pal.label_fill
        self.labels_item.set_colours(pal.foreground, (*fill[:3], 240) if on else fill)
        self.scale_bar.text.fill = pg.mkBrush(*fill[:3], 220) if on else pg.mkBrush(None)
        self.scale_bar.text.update()
        self.scale_bar.bar.setPen(pg.mkPen(pal.background, width=2) if on else pg.mkPen(None))
        r, g, b, _ = fill
        back = f"rgba({r}, {g}, {b}, 200); border-radius: 6px" if on else "transparent"
        self.north.setStyleSheet(
            f"background: {back}; color: {pal.foreground}; font-size: 20pt; font-weight: bold;"
        )

    def _status_brushes(self, layers: MapLayers) -> list[QBrush]:
        """One brush per status, shared by its markers (the symbol atlas caches by brush)."""
        status = self.palette_.status
        brushes = {k: pg.mkBrush(v) for k, v in status.items()}
        grey = pg.mkBrush("#9e9e9e")
        return [brushes.get(m.status, grey) for m in layers.markers]

    def _order_labels(self) -> None:
        """The target's label first, then corner labels, then the rest in the job's order."""
        if self._layers is None:
            return
        ms = self._layers.markers

        def rank(i: int) -> tuple[int, int]:
            if ms[i].name == self._target:
                return (0, i)
            return (1 if ms[i].kind == "corner" else 2, i)

        self._label_order = sorted(range(len(ms)), key=rank)

    def fit(self) -> None:
        self.plot.getViewBox().autoRange(padding=0.08)

    def set_target(self, name: str | None) -> None:
        self._target = name
        m = self._layers.marker(name) if self._layers and name else None
        self.target_item.setData([m.e] if m else [], [m.n] if m else [])
        self._order_labels()
        self._view_changed()

    def set_proposal(self, points: Sequence[tuple[float, float]]) -> None:
        self.proposal_item.setData([p[0] for p in points], [p[1] for p in points])

    def set_position(self, e: float | None, n: float | None, ellipse: XY | None = None) -> None:
        """Live position, its error ellipse and the track (cheap: setData on existing items).

        On a tab not shown (the stake-out tab is in front) only the track grows; the items are
        set when the map is shown again: nobody sees them, and at the receiver's rate setting
        them was a good part of the window's CPU.
        """
        self._position = None if e is None or n is None else (e, n, ellipse)
        if self._position is not None and (not self._track or self._track[-1] != (e, n)):
            self._track.append((e, n))
            self._track_dirty = True
        if self.window().isVisible() and not self.isVisible():
            self._position_dirty = True
        else:
            self._draw_position()

    def _draw_position(self) -> None:
        self._position_dirty = False
        if self._position is None:
            self.position_item.setData([], [])
            self.ellipse_item.setData([], [])
            return
        e, n, ellipse = self._position
        self.position_item.setData([e], [n])
        self.ellipse_item.setData(*(ellipse or ([], [])))
        if self._track_dirty:
            self._track_dirty = False
            self.track_item.setData([t[0] for t in self._track], [t[1] for t in self._track])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._position_dirty:
            self._draw_position()

    def set_position_live(self, live: bool, note: str = "") -> None:
        """Live position drawn in colour, or grey and dashed when not live; ``note`` on the map.

        ``note`` is the age of the position ("2 s ago") or since when nothing came. Called on
        every redraw tick: pens and styles change only when ``live`` changes, the note only
        when its text does; no note while no position is drawn.
        """
        grey = "#9e9e9e" if self._dark else "#616161"
        label = getattr(self, "position_note", None)
        if label is None:
            label = self.position_note = QLabel(self.plot)
        if getattr(self, "_position_live", None) is not live:
            self._position_live = live
            pal = self.palette_
            if live:
                self.ellipse_item.setPen(pg.mkPen(pal.live, width=2))
                self.position_item.setPen(pg.mkPen("#ffffff", width=3))
                self.position_item.setBrush(pg.mkBrush("#d50000"))
                label.setStyleSheet(
                    f"background: {pal.background}; color: {pal.foreground}; padding: 4px 8px;"
                )
            else:
                dashed = Qt.PenStyle.DashLine
                self.ellipse_item.setPen(pg.mkPen(grey, width=2, style=dashed))
                self.position_item.setPen(pg.mkPen(pal.foreground, width=2, style=dashed))
                self.position_item.setBrush(pg.mkBrush(grey))
                label.setStyleSheet(
                    f"background: {pal.background}; color: {grey}; font-weight: bold;"
                    f" border: 2px dashed {grey}; padding: 4px 8px;"
                )
        text = ""
        if self._position is not None:
            words = self.tr("Position: {0}") if live else self.tr("Position not live: {0}")
            text = words.format(note)
        if label.text() != text:
            label.setText(text)
            # On the plot, right of the axis and of the navigation buttons, clear of the north
            # arrow: one line when it fits.
            left = max(int(self.plot.getAxis("left").width()), self.nav.geometry().right()) + 8
            label.setWordWrap(False)
            width = min(label.sizeHint().width(), max(160, self.plot.width() - left - 80))
            label.setWordWrap(True)
            label.setGeometry(left, 8, width, label.heightForWidth(width))
        label.setVisible(bool(text))

    def clear_track(self) -> None:
        self._track.clear()
        self._track_dirty = False
        self.track_item.setData([], [])

    # -- view changes: scale bar and labels ------------------------------------------
    def _view_changed(self, *_args: object) -> None:
        self._update_scale()
        self._declutter_timer.start()

    def declutter(self) -> None:
        """Show each label where it collides with nothing placed before it; hide the others."""
        if self._layers is None or not self._layers.markers:
            self.labels_item.place([])
            return
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        pw, ph = vb.viewPixelSize()
        if pw <= 0 or ph <= 0 or not math.isfinite(pw + ph):
            return
        # Markers in view get labels; those just outside it still keep labels off their symbol.
        mx, my = MARKER_PX * pw, MARKER_PX * ph
        near: list[int] = []
        on_screen: set[int] = set()
        for i, m in enumerate(self._layers.markers):
            if x0 - mx <= m.e <= x1 + mx and y0 - my <= m.n <= y1 + my:
                near.append(i)
                if x0 <= m.e <= x1 and y0 <= m.n <= y1:
                    on_screen.add(i)
        ms = self._layers.markers
        local = {i: k for k, i in enumerate(near)}
        points = [((ms[i].e - x0) / pw, (y1 - ms[i].n) / ph) for i in near]
        sizes = self.labels_item.sizes
        order = [local[i] for i in self._label_order if i in on_screen]
        target = next((k for k, i in enumerate(near) if ms[i].name == self._target), None)
        control = [((c.e - x0) / pw, (y1 - c.n) / ph) for c in self._layers.control]
        chosen = place_labels(points, [sizes[i] for i in near], order, obstacles=control,
                              force=target)  # fmt: skip
        offsets: list[tuple[float, float] | None] = [None] * len(ms)
        for k, spot in enumerate(chosen):
            if spot is not None:
                offsets[near[k]] = label_offset(spot, *sizes[near[k]])
        self.labels_item.place(offsets)

    def shown_labels(self) -> list[str]:
        return self.labels_item.shown()

    def label_rects(self) -> dict[str, QRectF]:
        """Each shown label's box in scene coordinates (labels must never overlap)."""
        return self.labels_item.scene_rects()

    def _update_scale(self) -> None:
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        metres_per_unit = 1.0
        if self._layers is not None and self._layers.grid.is_geographic:
            # A degree of longitude in metres at the middle of the view.
            metres_per_unit = metres_per_degree((y0 + y1) / 2)[1]
        length = nice_length((x1 - x0) * metres_per_unit / 5)
        self.scale_bar.size = length / metres_per_unit
        self.scale_bar.text.setText(
            f"{short(length)} m" if length < 1000 else f"{short(length / 1000)} km"
        )
        self.scale_bar.updateBar()

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
