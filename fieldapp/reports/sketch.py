"""The location sketch of a marker, drawn from the data with fpdf2 primitives on the grid."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.reports.data import MarkerReport, ReportData
from fieldapp.reports.pdfbase import FONT, DocumentPDF


@dataclass(frozen=True, slots=True)
class Frame:
    """Grid metres -> page millimetres about a centre; y flips because the page grows down."""

    cx: float
    cy: float
    e0: float
    n0: float
    mm_per_m: float

    def xy(self, e: float, n: float) -> tuple[float, float]:
        return self.cx + (e - self.e0) * self.mm_per_m, self.cy - (n - self.n0) * self.mm_per_m


def nice_length(target_m: float) -> float:
    """1, 2 or 5 times a power of ten, not above ``target_m``."""
    power = 10.0 ** math.floor(math.log10(max(target_m, 1e-3)))
    return float(max(f * power for f in (1, 2, 5) if f * power <= target_m))


def draw_sketch(
    pdf: DocumentPDF, x: float, y: float, w: float, h: float, data: ReportData, m: MarkerReport
) -> None:
    """Boundary lines, markers and control near ``m`` in a w x h box, north arrow, scale bar."""
    built = {r.name: (r.e, r.n) for r in data.markers}
    others = [
        (mk.name, built.get(mk.name) or data.grid_of(mk.lat, mk.lon))
        for mk in data.all_markers
        if mk.name != m.name
    ]
    dists = sorted(math.hypot(e - m.e, n - m.n) for _, (e, n) in others)
    # Show at least the nearest neighbour marker, never less than 60 m or more than 800 m.
    radius = min(max(1.25 * (dists[0] if dists else 200.0), 60.0), 800.0)
    frame = Frame(x + w / 2, y + h / 2, m.e, m.n, (min(w, h) / 2 - 4) / radius)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    with pdf.rect_clip(x, y, w, h):
        ring = [data.grid_of(b.lat, b.lon) for b in data.boundary]
        pdf.set_draw_color(200, 30, 30)
        pdf.set_line_width(0.5)
        for (e1, n1), (e2, n2) in zip(ring, ring[1:] + ring[:1], strict=True):
            pdf.line(*frame.xy(e1, n1), *frame.xy(e2, n2))
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0)
        pdf.set_font(FONT, size=6.5)
        for name, (e, n) in others:
            px, py = frame.xy(e, n)
            if x <= px <= x + w and y <= py <= y + h:
                pdf.set_fill_color(255, 255, 255)
                pdf.circle(px, py, 0.9, style="DF")
                pdf.text(px + 1.4, py - 1.0, name)
        pdf.set_fill_color(30, 60, 160)
        for c in data.control:
            px, py = frame.xy(*data.grid_of(c.lat, c.lon))
            if x <= px <= x + w and y <= py <= y + h:
                pdf.rect(px - 0.9, py - 0.9, 1.8, 1.8, style="F")
                pdf.text(px + 1.4, py + 2.4, c.name)
        for ref in m.installation.references:
            if ref.withdrawn is None:
                rx, ry = frame.xy(*data.grid_of(ref.position.lat, ref.position.lon))
                pdf.set_dash_pattern(dash=0.8, gap=0.6)
                pdf.line(rx, ry, *frame.xy(m.e, m.n))
                pdf.set_dash_pattern()
                pdf.set_fill_color(240, 160, 0)
                pdf.regular_polygon(rx - 1.2, ry + 1.0, 3, 2.4, style="DF")
                pdf.text(rx + 1.6, ry + 2.6, f"Ref. {m.name}")
        px, py = frame.xy(m.e, m.n)
        pdf.set_fill_color(220, 20, 20)
        pdf.circle(px, py, 1.6, style="DF")
        pdf.set_font(FONT, "B", 8)
        pdf.text(px + 2.2, py - 1.6, m.name)
    _north_arrow(pdf, x + w - 7, y + 4)
    _scale_bar(pdf, x + 4, y + h - 4, frame.mm_per_m, w * 0.35)
    pdf.set_draw_color(0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)


def _north_arrow(pdf: DocumentPDF, x: float, y: float) -> None:
    pdf.set_fill_color(0)
    pdf.polygon([(x, y), (x - 2.2, y + 8), (x, y + 6.5), (x + 2.2, y + 8)], style="DF")
    pdf.set_font(FONT, "B", 7)
    pdf.text(x - 1.1, y + 11.5, "U")


def _scale_bar(pdf: DocumentPDF, x: float, y: float, mm_per_m: float, max_mm: float) -> None:
    length = nice_length(max_mm / mm_per_m)
    mm = length * mm_per_m
    pdf.set_fill_color(0)
    pdf.set_line_width(0.2)
    pdf.rect(x, y - 1.2, mm / 2, 1.2, style="DF")
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x + mm / 2, y - 1.2, mm / 2, 1.2, style="DF")
    pdf.set_font(FONT, size=6)
    pdf.text(x, y - 2, "0")
    pdf.text(x + mm - 2, y - 2, f"{length:g} m")
