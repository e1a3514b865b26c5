"""The job's background under a document's map: opened once per document, drawn as a JPEG."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image

from fieldapp.basemap.compose import render_background
from fieldapp.basemap.source import BackgroundError, Bounds, TileSource, open_background
from fieldapp.reports.data import ReportData

DPI = 150  # enough to read a road or a pit edge on paper; a 70 mm sketch is ~410 px across
JPEG_QUALITY = 80
MM_PER_INCH = 25.4


class DocumentBackground:
    """The job's visible backgrounds, bottom first, opened for one document.

    A layer that does not open, or a tile that does not decode, is left out: the document is
    built without it and ``notes`` says so in one line naming the file (the build shows them).
    """

    def __init__(self, data: ReportData) -> None:
        self.notes: list[str] = []
        self._layers: list[tuple[TileSource, float]] = []
        self.names: list[str] = []  # of the layers that opened, to name under a map
        self._crs = data.grid.to_pyproj()
        self._cache: dict[tuple[Bounds, int, int], bytes | None] = {}
        for bg in data.backgrounds:
            if not bg.visible or bg.opacity <= 0:
                continue
            try:
                self._layers.append((open_background(bg.path), bg.opacity))
                self.names.append(bg.name)
            except (BackgroundError, OSError) as exc:
                self.notes.append(f"background {bg.name!r} left out of the documents: {exc}")

    @property
    def active(self) -> bool:
        return bool(self._layers)

    def jpeg(self, view: Bounds, width_mm: float, height_mm: float) -> bytes | None:
        """``view`` (grid metres) as a JPEG over white, or None where no layer has data."""
        if not self._layers:
            return None
        w = max(1, round(width_mm / MM_PER_INCH * DPI))
        h = max(1, round(height_mm / MM_PER_INCH * DPI))
        key = (view, w, h)
        if key not in self._cache:  # the same view on two pages is rendered once
            errors: list[str] = []
            img = render_background(self._layers, self._crs, view, w, h, errors)
            for e in dict.fromkeys(errors):
                if e not in self.notes:
                    self.notes.append(f"background tile left out: {e}")
            self._cache[key] = _to_jpeg(img)
        return self._cache[key]

    def close(self) -> None:
        for source, _ in self._layers:
            source.close()
        self._layers = []


def _to_jpeg(img: Image.Image) -> bytes | None:
    if img.getchannel("A").getextrema()[1] == 0:
        return None  # nothing of any layer here: no image at all rather than a white one
    flat = Image.new("RGB", img.size, (255, 255, 255))
    flat.paste(img, mask=img.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


@contextmanager
def document_background(data: ReportData) -> Iterator[DocumentBackground | None]:
    """The background of one document, or None when the job has none (documents as before)."""
    if not any(bg.visible and bg.opacity > 0 for bg in data.backgrounds):
        yield None
        return
    bg = DocumentBackground(data)
    try:
        yield bg
    finally:
        bg.close()
