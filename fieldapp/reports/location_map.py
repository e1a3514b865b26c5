"""The berita acara's location map: the WIUP and its markers over the job's background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.reports.data import ReportData
from fieldapp.reports.pdfbase import FONT, DocumentPDF
from fieldapp.reports.sketch import WHITE, Frame, draw_under, framed_map_furniture, haloed_text

if TYPE_CHECKING:
    from fieldapp.reports.background import DocumentBackground

MARGIN = 0.08  # of the extent, around the WIUP and the markers
LABELLED = 60  # more markers than this: dots only (names stand in the table above)
TITLE = "Peta Lokasi Tanda Batas"


def map_extent(data: ReportData) -> tuple[float, float, float, float]:
    pts = [data.grid_of(b.lat, b.lon) for b in data.boundary] + [(m.e, m.n) for m in data.markers]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    pad = max(max(xs) - min(xs), max(ys) - min(ys), 50.0) * MARGIN
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def map_frame(data: ReportData, x: float, y: float, w: float, h: float) -> Frame:
    """Grid metres to the page in the w x h box: the whole extent, one scale on both axes."""
    x0, y0, x1, y1 = map_extent(data)
    scale = min(w / (x1 - x0), h / (y1 - y0))
    return Frame(x + w / 2, y + h / 2, (x0 + x1) / 2, (y0 + y1) / 2, scale)


def has_map(data: ReportData, background: DocumentBackground, w: float, h: float) -> bool:
    """Whether the background has data over the WIUP (rendered once: drawing reuses it)."""
    if not background.active:
        return False
    frame = map_frame(data, 0.0, 0.0, w, h)
    view = (frame.e0 - w / 2 / frame.mm_per_m, frame.n0 - h / 2 / frame.mm_per_m,
            frame.e0 + w / 2 / frame.mm_per_m, frame.n0 + h / 2 / frame.mm_per_m)  # fmt: skip
    if background.jpeg(view, w, h) is not None:
        return True
    background.notes.append(
        f"background {', '.join(background.names)}: no data over the WIUP; "
        "the berita acara has no location map"
    )
    return False


def draw_location_map(
    pdf: DocumentPDF, data: ReportData, background: DocumentBackground,
    x: float, y: float, w: float, h: float,
) -> bool:  # fmt: skip
    """The map in a w x h box; False (nothing drawn) where the background has no data there."""
    frame = map_frame(data, x, y, w, h)
    if not draw_under(pdf, background, frame, x, y, w, h):
        return False
    ring = [frame.xy(*data.grid_of(b.lat, b.lon)) for b in data.boundary]
    with pdf.rect_clip(x, y, w, h):
        for colour, width in ((WHITE, 1.3), ((200, 30, 30), 0.5)):
            with pdf.local_context(draw_color=colour, line_width=width):
                if len(ring) > 1:
                    pdf.polyline([*ring, ring[0]])
        pdf.set_draw_color(0)
        pdf.set_line_width(0.2)
        pdf.set_fill_color(220, 20, 20)
        for m in data.markers:
            pdf.circle(*frame.xy(m.e, m.n), 1.0, style="DF")
        if len(data.markers) <= LABELLED:
            pdf.set_font(FONT, "B", 6.5)
            for m in data.markers:
                px, py = frame.xy(m.e, m.n)
                haloed_text(pdf, px + 1.5, py - 1.2, m.name)
    framed_map_furniture(pdf, frame, x, y, w, h)
    return True


def map_caption(data: ReportData, names: list[str]) -> str:
    return (
        f"Garis merah: batas WIUP; titik merah: tanda batas terpasang. Grid {data.grid_label}, "
        f"U = utara grid. Latar peta: {', '.join(names)} (hanya sebagai gambaran lokasi; "
        "koordinat yang berlaku adalah yang tercantum pada tabel)."
    )
