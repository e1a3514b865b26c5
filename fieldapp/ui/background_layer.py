"""The job's background maps on the map: tiles placed on the job grid, decoded off the GUI thread.

On every view change (throttled) each visible layer asks ``tiles_for_view`` which tiles cover the
view and where their corners fall on the job grid. Tiles already decoded are drawn at once; the
others are read and decoded to QImage by a small thread pool (QImage is safe off the GUI thread,
QPixmap is not) and handed back through a queued slot. While a zoom's tiles are on their way the
tiles drawn before stay, so the map never flashes blank. A request whose tile is no longer wanted
when its worker starts is dropped. Decoded tiles live in one LRU cache bounded by bytes.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QPainter, QPixmapCache, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem

from fieldapp.basemap.source import BackgroundError, TileData, TileSource, open_background

CACHE_BYTES = 256 * 2**20  # decoded tiles kept: ~1000 tiles of 256 px
PIXMAP_CACHE_KB = 96 * 1024  # screen pixmaps of drawn tiles and the map's other items
THROTTLE_MS = 50  # view changes within this time ask for tiles once
BASE_Z = -1000.0  # under every vector item of the map (they sit at z >= 0)
WORKERS = 2  # the laptops have two to four cores; the GUI thread keeps one
DROPPED = "\x00dropped"  # a worker found its tile no longer wanted

TileKey = tuple[int, int, int, int]  # layer id, zoom, col, row
Corners = Sequence[tuple[float, float]]  # NW, NE, SE, SW on the job grid
Opener = Callable[[Path], TileSource]


@dataclass(frozen=True, slots=True)
class BackgroundSpec:
    """One background as the map draws it (the store's JobBackground has these fields)."""

    id: int
    name: str
    path: Path
    opacity: float = 1.0
    visible: bool = True


def decode(data: TileData) -> QImage | None:
    """A tile's pixels as a premultiplied QImage, ready to paint (safe on any thread)."""
    if data.rgba is not None:
        arr = np.ascontiguousarray(data.rgba, dtype=np.uint8)
        h, w = arr.shape[:2]
        img = QImage(arr.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
    elif data.encoded:
        img = QImage.fromData(data.encoded)
        if img.isNull():
            return None
    else:
        return None
    # A copy owning its pixels, in the format the raster engine paints fastest.
    return img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class TileCache:
    """Decoded tiles by key, least recently used dropped first past a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[TileKey, QImage | None] = OrderedDict()

    def get(self, key: TileKey) -> tuple[bool, QImage | None]:
        if key not in self._items:
            return False, None
        self._items.move_to_end(key)
        return True, self._items[key]

    def put(self, key: TileKey, image: QImage | None) -> None:
        if key in self._items:
            return
        self._items[key] = image  # None: the source has no tile there (asked once)
        self.bytes += image.sizeInBytes() if image is not None else 0
        while self.bytes > self.budget and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self.bytes -= old.sizeInBytes() if old is not None else 0

    def drop_layer(self, layer_id: int) -> None:
        for key in [k for k in self._items if k[0] == layer_id]:
            old = self._items.pop(key)
            self.bytes -= old.sizeInBytes() if old is not None else 0


class TileItem(QGraphicsItem):
    """One tile's image, mapped by a projective transform onto its four corners."""

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self._rect = QRectF()
        # Kept as a pixmap at screen resolution: a pan blits it, only a zoom draws it again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_tile(self, image: QImage, corners: Corners) -> bool:
        w, h = image.width(), image.height()
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners[:4]
        # Affine from three corners where the fourth lands within a tenth of a pixel of it (a
        # tile is small: nearly always); the raster engine draws affine images far faster.
        t = QTransform((x1 - x0) / w, (y1 - y0) / w, (x3 - x0) / h, (y3 - y0) / h, x0, y0)
        gap = math.hypot(x1 + x3 - x0 - x2, y1 + y3 - y0 - y2)
        if gap > 0.1 * math.hypot(x1 - x0, y1 - y0) / w:
            src = QPolygonF([QPointF(0, 0), QPointF(w, 0), QPointF(w, h), QPointF(0, h)])
            dst = QPolygonF([QPointF(x, y) for x, y in corners])
            t = QTransform.quadToQuad(src, dst)
            if not isinstance(t, QTransform):
                return False
        self.prepareGeometryChange()
        self.image = image
        self._rect = QRectF(0, 0, w, h)
        # Image row 0 is the tile's north edge: on pyqtgraph's y-up view the image stays upright.
        self.setTransform(t)
        return True

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, *_args: Any) -> None:
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(0, 0, self.image)


class _Delivery(QObject):
    """Lives on the GUI thread; workers emit on it, the queued slot runs on the GUI thread."""

    ready = Signal(object, object, str)  # key, QImage | None, error text ("" when fine)


class _Fetch(QRunnable):
    def __init__(self, key: TileKey, source: TileSource, wanted: Callable[[TileKey], bool],
                 delivery: _Delivery) -> None:  # fmt: skip
        super().__init__()
        self.key, self.source, self.wanted, self.delivery = key, source, wanted, delivery

    def run(self) -> None:
        image: QImage | None = None
        error = ""
        if not self.wanted(self.key):
            error = DROPPED
        else:
            try:
                data = self.source.read_tile(*self.key[1:])
                image = decode(data) if data is not None else None
            except Exception as exc:  # a broken pack is told, never a crash
                error = str(exc) or type(exc).__name__
        with contextlib.suppress(RuntimeError):  # the map is gone
            self.delivery.ready.emit(self.key, image, error)


@dataclass(eq=False)
class _Layer:
    spec: BackgroundSpec
    source: TileSource
    base_z: float = BASE_Z
    shown: dict[tuple[int, int, int], TileItem] = field(default_factory=dict)
    wanted: dict[tuple[int, int, int], Corners] = field(default_factory=dict)
    broken: bool = False


class BackgroundLayer(QObject):
    """The backgrounds of one map (a pyqtgraph ViewBox), bottom first."""

    message = Signal(str)  # a background that cannot be drawn, told once per file
    drawn = Signal()  # tiles arrived and were drawn

    def __init__(self, view_box: Any, parent: QObject | None = None,
                 opener: Opener = open_background) -> None:  # fmt: skip
        super().__init__(parent)
        # Tiles cached as screen pixmaps share QPixmapCache with the axes, markers and labels:
        # its 10 MB default would have them evict each other on a large screen.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._vb = view_box
        self._opener = opener
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(WORKERS)
        self._delivery = _Delivery(self)
        self._delivery.ready.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.cache = TileCache()
        self._layers: list[_Layer] = []
        self._crs: Any = None
        self._pending: set[TileKey] = set()
        self._lock = threading.Lock()
        self._wanted_keys: frozenset[TileKey] = frozenset()
        self._spare: list[TileItem] = []
        self._told: set[str] = set()
        self._serial = 0
        self._asked_view: tuple[float, ...] = ()
        self.requests = 0  # tiles asked of the workers (tests and benchmarks read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self.refresh)
        view_box.sigRangeChanged.connect(self.schedule)
        view_box.sigResized.connect(self.schedule)

    # -- what to draw ----------------------------------------------------------------------
    def set_grid(self, crs: Any) -> None:
        """The job grid (a pyproj CRS) every tile is placed on."""
        if crs != self._crs:
            self._crs = crs
            for layer in self._layers:
                self._hide_all(layer)
            self.schedule()

    def set_backgrounds(self, specs: Sequence[BackgroundSpec]) -> None:
        """The job's backgrounds in drawing order (bottom first); opened once, kept while listed."""
        old = {layer.spec.path: layer for layer in self._layers}
        layers: list[_Layer] = []
        for spec in specs:
            layer = old.pop(spec.path, None)
            if layer is None:
                source = self._open(spec.path)
                if source is None:
                    continue
                layer = _Layer(spec, source)
            elif layer.spec.id != spec.id:
                self.cache.drop_layer(layer.spec.id)
            layer.spec = spec
            layers.append(layer)
        for gone in old.values():
            self._hide_all(gone)
            self.cache.drop_layer(gone.spec.id)
            gone.source.close()
        self._layers = layers
        for i, layer in enumerate(layers):
            layer.base_z = BASE_Z + 2 * i
            for item in layer.shown.values():
                item.setOpacity(layer.spec.opacity)
            if not layer.spec.visible:
                self._hide_all(layer)
        self.schedule()

    def names(self) -> list[str]:
        """The backgrounds drawn (opened), bottom first."""
        return [layer.spec.name for layer in self._layers]

    def _open(self, path: Path) -> TileSource | None:
        try:
            return self._opener(path)
        except BackgroundError as exc:
            self._tell(str(exc))
        except OSError as exc:
            self._tell(f"{path}: {exc.strerror or exc}")
        return None

    def _tell(self, text: str) -> None:
        if text not in self._told:
            self._told.add(text)
            self.message.emit(text)

    # -- view changes ----------------------------------------------------------------------
    @Slot()
    def schedule(self, *_args: object) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def idle(self) -> bool:
        """Nothing asked of the workers and no view change waiting: what is drawn is complete."""
        if self._pending or self._timer.isActive():
            return False
        # A view change pyqtgraph has not signalled yet (it may wait for the next paint).
        return not self._layers or self._view() == self._asked_view

    def _view(self) -> tuple[float, ...]:
        (x0, x1), (y0, y1) = self._vb.viewRange()
        return x0, y0, x1, y1, *self._vb.viewPixelSize()

    @Slot()
    def refresh(self) -> None:
        """Ask which tiles cover the view; draw those at hand, fetch the others."""
        from fieldapp.basemap.placement import tiles_for_view

        self._asked_view = x0, y0, x1, y1, pw, ph = self._view()
        if self._crs is None or not self._layers or pw <= 0 or ph <= 0:
            return
        wanted: set[TileKey] = set()
        fetch: list[_Fetch] = []
        self._serial += 1
        for layer in self._layers:
            layer.wanted = {}
            if not layer.spec.visible or layer.broken:
                continue
            try:
                tiles = tiles_for_view(layer.source, self._crs, (x0, y0, x1, y1), max(pw, ph))
            except (ValueError, RuntimeError) as exc:
                self._broken(layer, str(exc))
                continue
            for t in tiles:
                tile = (t.zoom, t.col, t.row)
                layer.wanted[tile] = t.corners
                key = (layer.spec.id, *tile)
                wanted.add(key)
                hit, image = self.cache.get(key)
                if hit:
                    if image is not None:
                        self._draw(layer, tile, image)
                elif key not in self._pending:
                    self._pending.add(key)
                    fetch.append(_Fetch(key, layer.source, self._is_wanted, self._delivery))
        with self._lock:  # before any worker starts: each checks its tile against this
            self._wanted_keys = frozenset(wanted)
        self.requests += len(fetch)
        for job in fetch:
            self._pool.start(job, self._serial)  # the newest view's tiles first
        for layer in self._layers:
            self._prune(layer)

    def _is_wanted(self, key: TileKey) -> bool:  # called on the workers
        with self._lock:
            return key in self._wanted_keys

    @Slot(object, object, str)
    def _arrived(self, key: TileKey, image: QImage | None, error: str) -> None:
        self._pending.discard(key)
        layer = next((la for la in self._layers if la.spec.id == key[0]), None)
        if error == DROPPED or layer is None:
            return
        if error:
            self._broken(layer, error)
            return
        self.cache.put(key, image)
        tile = key[1:]
        if image is not None and tile in layer.wanted:
            self._draw(layer, tile, image)
        self._prune(layer)
        self.drawn.emit()

    def _broken(self, layer: _Layer, error: str) -> None:
        path = str(layer.spec.path)
        self._tell(error if path in error else f"{path}: {error}")
        layer.broken = True
        self._hide_all(layer)

    # -- items -----------------------------------------------------------------------------
    def _draw(self, layer: _Layer, tile: tuple[int, int, int], image: QImage) -> None:
        item = layer.shown.get(tile)
        if item is None:
            item = self._spare.pop() if self._spare else self._new_item()
            if not item.set_tile(image, layer.wanted[tile]):
                self._spare.append(item)
                return
            layer.shown[tile] = item
            item.show()
        item.setOpacity(layer.spec.opacity)
        item.setZValue(layer.base_z + 1)  # above the tiles of the zoom shown before

    def _new_item(self) -> TileItem:
        item = TileItem()
        self._vb.addItem(item, ignoreBounds=True)  # tiles never widen "whole WIUP"
        return item

    def _prune(self, layer: _Layer) -> None:
        """Tiles of an earlier view go once every tile of this view is drawn (or has none)."""
        stale = [t for t in layer.shown if t not in layer.wanted]
        if not stale:
            return
        complete = all((layer.spec.id, *t) not in self._pending for t in layer.wanted)
        for tile in stale:
            item = layer.shown[tile]
            if complete:
                del layer.shown[tile]
                self._recycle(item)
            else:
                item.setZValue(layer.base_z)

    def _hide_all(self, layer: _Layer) -> None:
        for item in layer.shown.values():
            self._recycle(item)
        layer.shown.clear()

    def _recycle(self, item: TileItem) -> None:
        item.hide()
        item.image = None
        self._spare.append(item)

    def shown_count(self) -> int:
        return sum(len(layer.shown) for layer in self._layers)

    def close(self) -> None:
        """Stop the workers and close the sources (the map is going away)."""
        with self._lock:
            self._wanted_keys = frozenset()
        self._pool.clear()
        self._pool.waitForDone()
        for layer in self._layers:
            layer.source.close()
        self._layers = []
