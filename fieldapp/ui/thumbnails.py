"""Photo thumbnails decoded off the GUI thread (JPEG draft mode) and cached by file hash."""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

THUMB_W, THUMB_H = 160, 120
CACHE_SIZE = 64  # a job's photos of the markers a surveyor flips between


def decode_thumbnail(path: Path, size: tuple[int, int] = (THUMB_W, THUMB_H)) -> QImage:
    """A small RGB image of ``path``; a 4000x3000 JPEG is decoded at 1/8 scale, not in full."""
    from PIL import Image, ImageOps

    with Image.open(path) as img:
        img.draft("RGB", size)  # JPEG: the decoder scales by 1/2..1/8 while it reads
        small = ImageOps.exif_transpose(img).convert("RGB")
        small.thumbnail(size)
        data = small.tobytes()
        w, h = small.size
    # QImage may be built in any thread (QPixmap may not); copy() owns the bytes.
    return QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class _Signals(QObject):
    done = Signal(str, object)  # key, QImage or None when the file cannot be read


class _Decode(QRunnable):
    def __init__(self, key: str, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.key, self.path, self.signals = key, path, signals

    def run(self) -> None:
        try:
            image: QImage | None = decode_thumbnail(self.path)
        except Exception:  # a damaged file shows as "cannot be shown", never a crash
            image = None
        # The view (and its cache) may have closed while this decoded: drop it quietly.
        with contextlib.suppress(RuntimeError):
            self.signals.done.emit(self.key, image)


class ThumbnailCache(QObject):
    """``request(key, path)`` returns a cached pixmap now, or decodes and emits ``ready`` later."""

    ready = Signal(str, object)  # key, QPixmap or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._pending: set[str] = set()
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one decode at a time: the reader threads come first

    def request(self, key: str, path: Path) -> QPixmap | None:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._pending:
            self._pending.add(key)
            self.pool.start(_Decode(key, path, self._signals))
        return None

    def cached(self, key: str) -> bool:
        return key in self._cache

    @Slot(str, object)
    def _done(self, key: str, image: QImage | None) -> None:
        self._pending.discard(key)
        pixmap = QPixmap.fromImage(image) if image is not None else None
        self._cache[key] = pixmap
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.ready.emit(key, pixmap)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
