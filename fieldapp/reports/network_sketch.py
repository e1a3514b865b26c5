"""The baseline network drawn: JKHN, BM and Titik Bantu symbols, baselines, labels, scale."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.gnss.baseline import FixState
from fieldapp.reports.baseline_cells import FIX_ID
from fieldapp.reports.layout import measure_of
from fieldapp.reports.pdfbase import FONT, DocumentPDF
from fieldapp.reports.sketch import Frame, nice_length
from fieldapp.reports.textfmt import num
from fieldapp.survey.labels import Box, LabelRequest, place_labels

BLUE = (30, 60, 160)
# A JKHN station this many times farther off than the WIUP's points spread gets a second,
# local drawing: InaCORS stations stand tens of kilometres apart, a WIUP spans a few.
LOCAL_VIEW_RATIO = 4.0


@dataclass(frozen=True, slots=True)
class NetPoint:
    """A control point on the grid; ``kind`` BM, TITIK_BANTU, JKHN or None (not in control)."""

    name: str
    kind: str | None
    e: float
    n: float


@dataclass(frozen=True, slots=True)
class NetLine:
    """A baseline from base to rover, as the sketch and its table show it."""

    number: int
    base: str
    rover: str
    length_m: float
    fix: FixState
    ratio: float | None
    accepted: bool
    sigma_h_m: float
    sigma_v_m: float
    duration_s: float
    rules_passed: bool


def _fit(points: Sequence[NetPoint], x: float, y: float, w: float, h: float) -> Frame:
    es = [p.e for p in points] or [0.0]
    ns = [p.n for p in points] or [0.0]
    span_e = max(max(es) - min(es), 50.0)
    span_n = max(max(ns) - min(ns), 50.0)
    margin = 14.0  # room for labels at the box's edge
    mm_per_m = min((w - 2 * margin) / span_e, (h - 2 * margin) / span_n)
    return Frame(x + w / 2, y + h / 2, (max(es) + min(es)) / 2, (max(ns) + min(ns)) / 2, mm_per_m)


def _symbol(pdf: DocumentPDF, kind: str | None, px: float, py: float) -> None:
    pdf.set_draw_color(0)
    pdf.set_line_width(0.25)
    if kind == "JKHN":
        pdf.set_fill_color(0)
        pdf.polygon([(px, py - 2.2), (px - 1.9, py + 1.2), (px + 1.9, py + 1.2)], style="DF")
        pdf.set_fill_color(255, 255, 255)
        pdf.circle(px, py, 0.45, style="F")
    elif kind == "BM":
        pdf.set_fill_color(*BLUE)
        pdf.rect(px - 1.4, py - 1.4, 2.8, 2.8, style="DF")
    elif kind == "TITIK_BANTU":
        pdf.set_fill_color(255, 255, 255)
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(0.45)
        pdf.circle(px, py, 1.3, style="DF")
    else:
        pdf.set_fill_color(160)
        pdf.circle(px, py, 1.1, style="DF")
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0)


def line_label(line: NetLine) -> str:
    fix = FIX_ID[line.fix]
    return f"({line.number}) {num(line.length_m, 3)} m · {fix}"


def _line(pdf: DocumentPDF, frame: Frame, a: NetPoint, b: NetPoint, line: NetLine) -> None:
    x1, y1 = frame.xy(a.e, a.n)
    x2, y2 = frame.xy(b.e, b.n)
    fixed = line.fix is FixState.FIXED
    pdf.set_draw_color(*((0, 110, 40) if fixed else (200, 30, 30)))
    pdf.set_line_width(0.5 if line.accepted else 0.3)
    if not line.accepted:
        pdf.set_dash_pattern(dash=1.2, gap=0.8)
    pdf.line(x1, y1, x2, y2)
    pdf.set_dash_pattern()
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0)


Placed = list[tuple[float, float, float]]  # line labels drawn: middle x, y and half width
SPOTS = (0.5, 0.38, 0.62, 0.28, 0.72)  # where along a line its label may sit, best first


def _clear(frame: Frame, others: Sequence[NetPoint], placed: Placed, mx: float, my: float,
           ux: float, uy: float, half: float) -> bool:  # fmt: skip
    """No other point near the label (the 4.5 mm beyond its ends are for that point's own
    label) and no other line's label on it (nearly parallel lines meet at their middles)."""
    for p in others:
        px, py = frame.xy(p.e, p.n)
        along = (px - mx) * ux + (py - my) * uy
        across = abs(-(px - mx) * uy + (py - my) * ux)
        if abs(along) <= half + 4.5 and across <= 4.0:
            return False
    return all(math.hypot(cx - mx, cy - my) > half + ch + 1.0 for cx, cy, ch in placed)


def _label(pdf: DocumentPDF, frame: Frame, a: NetPoint, b: NetPoint, line: NetLine,
           others: Sequence[NetPoint], placed: Placed) -> None:  # fmt: skip
    """The label along the line, upright (never upside down), on white so a crossing line
    does not strike it through; drawn after every line, before the points."""
    x1, y1 = frame.xy(a.e, a.n)
    x2, y2 = frame.xy(b.e, b.n)
    fixed = line.fix is FixState.FIXED
    pdf.set_font(FONT, size=6.5)
    page_len = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / page_len, (y2 - y1) / page_len
    # The longest label that fits on the line somewhere; the table below has the rest.
    texts = [
        line_label(line) + ("" if line.accepted else " · belum diterima"),
        line_label(line),
        f"({line.number}) {num(line.length_m, 1)} m · {FIX_ID[line.fix]}",
        f"({line.number}) {FIX_ID[line.fix]}",
        f"({line.number})",
    ]
    m = measure_of(pdf)
    text, t = texts[-1], 0.5
    for cand in texts:
        half = m.width(cand) / 2
        spot = next((k for k in SPOTS if half <= min(k, 1 - k) * page_len - 3.5
                     and _clear(frame, others, placed, x1 + k * (x2 - x1), y1 + k * (y2 - y1),
                                ux, uy, half)), None)  # fmt: skip
        if spot is not None:
            text, t = cand, spot
            break
    tw = m.width(text)
    angle = math.degrees(math.atan2(-(y2 - y1), x2 - x1))
    if angle > 90:
        angle -= 180
    elif angle < -90:
        angle += 180
    mx, my = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
    placed.append((mx, my, tw / 2))
    pdf.set_text_color(*((0, 90, 30) if fixed else (170, 20, 20)))
    with pdf.rotation(angle, mx, my):
        pdf.set_fill_color(255, 255, 255)
        pdf.rect(mx - tw / 2 - 0.4, my - 3.2, tw + 0.8, 2.7, style="F")
        pdf.text(mx - tw / 2, my - 1.0, text)
    pdf.set_text_color(0)


def local_view(points: Sequence[NetPoint]) -> list[NetPoint] | None:
    """The points near the WIUP, when a JKHN station lies so far off that one drawing would
    squeeze them into a dot; None when one drawing shows every point well."""
    local = [p for p in points if p.kind != "JKHN"]
    if len(local) < 2 or len(local) == len(points):
        return None
    if _span(points) < LOCAL_VIEW_RATIO * max(_span(local), 50.0):
        return None
    return local


def _span(points: Sequence[NetPoint]) -> float:
    es, ns = [p.e for p in points], [p.n for p in points]
    return max(max(es) - min(es), max(ns) - min(ns))


def draw_network(
    pdf: DocumentPDF, x: float, y: float, w: float, h: float,
    points: Sequence[NetPoint], lines: Sequence[NetLine], caption: str | None = None,
    fit: Sequence[NetPoint] | None = None, outline: Sequence[NetPoint] | None = None,
) -> float:  # fmt: skip
    """The network in a w x h box with north arrow and scale bar; returns the y below it.

    ``fit``: the points the box is scaled to (default all; lines to others run off the
    edge, towards them). ``outline``: points drawn small, without labels, in a dashed
    frame, because a second drawing shows them.
    """
    frame = _fit(fit or points, x, y, w, h)
    by_name = {p.name: p for p in points}
    small = {p.name for p in outline or ()}
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    # local_context: fpdf2 restores its own idea of colours and font with the PDF's (a bare
    # clip's Q restores only the PDF's, and a later set_font of the "same" font is skipped).
    with pdf.local_context(), pdf.rect_clip(x, y, w, h):
        for ln in lines:
            _line(pdf, frame, by_name[ln.base], by_name[ln.rover], ln)
        placed: Placed = []
        for ln in lines:
            ends = (ln.base, ln.rover)
            if small.issuperset(ends):
                continue
            others = [p for p in points if p.name not in ends]
            _label(pdf, frame, by_name[ln.base], by_name[ln.rover], ln, others, placed)
        if outline:
            _outline(pdf, frame, outline)
        requests = []
        for p in points:
            px, py = frame.xy(p.e, p.n)
            _symbol(pdf, p.kind, px, py)
            if p.name in small:
                continue
            pdf.set_font(FONT, "B", 7.5)
            requests.append(LabelRequest(p.name, px, py, measure_of(pdf).width(p.name), 2.7, 2.2))
        pdf.set_font(FONT, "B", 7.5)
        for place in place_labels(requests, y_up=False, frame=Box(x + 1, y + 1, x + w - 1,
                                                                   y + h - 1)):  # fmt: skip
            pdf.text(place.x, place.box.y1 - 0.3, place.key)
        if caption:
            pdf.set_font(FONT, "B", 8)
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(x, y, measure_of(pdf).width(caption) + 3, 5, style="F")
            pdf.text(x + 1.5, y + 3.6, caption)
    _north_arrow(pdf, x + w - 8, y + 5)
    _scale_bar(pdf, x + 5, y + h - 5, frame.mm_per_m, w * 0.3)
    return y + h


def _outline(pdf: DocumentPDF, frame: Frame, points: Sequence[NetPoint]) -> None:
    xs, ys = zip(*(frame.xy(p.e, p.n) for p in points), strict=True)
    pad = 3.0
    pdf.set_draw_color(90)
    pdf.set_dash_pattern(dash=1.0, gap=0.8)
    pdf.rect(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
             max(ys) - min(ys) + 2 * pad)  # fmt: skip
    pdf.set_dash_pattern()
    pdf.set_font(FONT, size=6.5)
    pdf.text(min(xs) - pad, min(ys) - pad - 1.0, "Gambar 2")
    pdf.set_draw_color(0)


def _north_arrow(pdf: DocumentPDF, x: float, y: float) -> None:
    pdf.set_fill_color(0)
    pdf.polygon([(x, y), (x - 2.6, y + 9.5), (x, y + 7.7), (x + 2.6, y + 9.5)], style="DF")
    pdf.set_font(FONT, "B", 8)
    pdf.text(x - 1.3, y + 13.5, "U")


def _scale_bar(pdf: DocumentPDF, x: float, y: float, mm_per_m: float, max_mm: float) -> None:
    length = nice_length(max_mm / mm_per_m)
    mm = length * mm_per_m
    pdf.set_line_width(0.2)
    for k in range(4):
        pdf.set_fill_color(*((0, 0, 0) if k % 2 == 0 else (255, 255, 255)))
        pdf.rect(x + k * mm / 4, y - 1.4, mm / 4, 1.4, style="DF")
    pdf.set_font(FONT, size=6.5)
    text = f"{num(length / 1000, 1)} km" if length >= 1000 else f"{length:g} m"
    pdf.text(x, y - 2.3, "0")
    pdf.text(x + mm - measure_of(pdf).width(text) / 2, y - 2.3, text)


def legend(pdf: DocumentPDF, x: float, y: float, w: float, grid_label: str) -> float:
    pdf.set_font(FONT, size=7)
    entries = [("JKHN", "JKHN / CORS"), ("BM", "BM"), ("TITIK_BANTU", "Titik Bantu"),
               (None, "titik di luar data kontrol")]  # fmt: skip
    for i, (kind, text) in enumerate(entries):
        cx = x + 3 + i * w / 4
        _symbol(pdf, kind, cx, y + 2)
        pdf.set_font(FONT, size=7)
        pdf.text(cx + 3, y + 3, text)
    y2 = y + 6
    for i, (colour, dashed, text) in enumerate(
        [((0, 110, 40), False, "baseline fixed, diterima"),
         ((200, 30, 30), False, "baseline float / tanpa solusi fase"),
         ((0, 110, 40), True, "baseline belum diterima")]
    ):  # fmt: skip
        cx = x + 1 + i * w / 3
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.5 if not dashed else 0.3)
        if dashed:
            pdf.set_dash_pattern(dash=1.2, gap=0.8)
        pdf.line(cx, y2 + 1.5, cx + 7, y2 + 1.5)
        pdf.set_dash_pattern()
        pdf.text(cx + 8.5, y2 + 2.5, text)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    pdf.set_xy(x, y2 + 4.5)
    note = (f"Koordinat grid {grid_label}; U = utara grid. Label garis: (nomor) panjang "
            "vektor baseline (jarak ruang) · solusi ambiguitas.")  # fmt: skip
    pdf.cell(w, 4, note, new_x="LMARGIN", new_y="NEXT")
    return pdf.get_y()
