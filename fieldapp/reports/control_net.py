"""Sketsa jaring kontrol: JKHN, BM and Titik Bantu with the static baselines drawn between them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.gnss.baseline import FixState
from fieldapp.reports.flowtable import TableStyle, flow_table
from fieldapp.reports.layout import measure_of
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper, save_pdf
from fieldapp.reports.sketch import Frame, nice_length
from fieldapp.reports.textfmt import num
from fieldapp.survey.labels import Box, LabelRequest, place_labels

if TYPE_CHECKING:
    from fieldapp.reports.data import ReportData
    from fieldapp.store.baselines import StoredBaseline

TITLE = "Sketsa Jaring Kontrol GNSS Statik"
KIND_WORD = {"JKHN": "JKHN", "BM": "BM", "TITIK_BANTU": "Titik Bantu"}
FIX_ID = {FixState.FIXED: "fixed", FixState.FLOAT: "float", FixState.OTHER: "tanpa solusi fase"}
BLUE = (30, 60, 160)


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


def shown_baselines(baselines: Sequence[StoredBaseline]) -> list[StoredBaseline]:
    """Per rover/base pair the accepted baseline, else the latest new one; never superseded."""
    best: dict[tuple[str, str], StoredBaseline] = {}
    for b in baselines:
        if b.status == "superseded":
            continue
        key = (b.rover_point, b.base_point)
        old = best.get(key)
        if (
            old is None
            or (b.status == "accepted") > (old.status == "accepted")
            or (b.status == old.status and b.id > old.id)
        ):
            best[key] = b
    return sorted(best.values(), key=lambda b: b.id)


def network_of(data: ReportData) -> tuple[list[NetPoint], list[NetLine]]:
    """The job's control points and its shown baselines; a point only a baseline knows (a
    station not in the control data) stands where the solution puts it."""
    points: dict[str, NetPoint] = {}
    for c in data.control:
        e, n = data.grid_of(c.lat, c.lon)
        points[c.name] = NetPoint(c.name, c.kind.value, e, n)
    lines = []
    for i, b in enumerate(shown_baselines(data.baselines), start=1):
        s = b.solution
        for name, pos in ((b.rover_point, s.position), (b.base_point, s.base)):
            if name not in points:
                e, n = data.grid_of(pos.lat, pos.lon)
                points[name] = NetPoint(name, None, e, n)
        lines.append(
            NetLine(i, b.base_point, b.rover_point, s.baseline_m, s.fix, s.ratio,
                    b.status == "accepted", s.sigma_h_m, s.sigma_u_m, s.duration_s,
                    all(v.passed for v in b.verdicts))
        )  # fmt: skip
    for ln in lines:
        # A station outside the control data that a BM is tied to is the JKHN / CORS station.
        base = points[ln.base]
        if base.kind is None and points[ln.rover].kind == "BM":
            points[ln.base] = NetPoint(base.name, "JKHN", base.e, base.n)
    used = {x for ln in lines for x in (ln.base, ln.rover)}
    # Control points no baseline touches stay on the sketch: the network is the job's control.
    return [p for p in points.values() if p.name in used or p.kind], lines


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


def _clear(frame: Frame, others: Sequence[NetPoint], x1: float, y1: float, x2: float, y2: float,
           half: float) -> bool:  # fmt: skip
    """No other point near the label's stretch (``half`` mm either side of the line's
    middle): the 4.5 mm beyond it are for that point's own label."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    for p in others:
        px, py = frame.xy(p.e, p.n)
        along = (px - mx) * ux + (py - my) * uy
        across = abs(-(px - mx) * uy + (py - my) * ux)
        if abs(along) <= half + 4.5 and across <= 4.0:
            return False
    return True


def _label(pdf: DocumentPDF, frame: Frame, a: NetPoint, b: NetPoint, line: NetLine,
           others: Sequence[NetPoint]) -> None:  # fmt: skip
    """The label along the line, upright (never upside down), on white so a crossing line
    does not strike it through; drawn after every line, before the points."""
    x1, y1 = frame.xy(a.e, a.n)
    x2, y2 = frame.xy(b.e, b.n)
    fixed = line.fix is FixState.FIXED
    size = 6.5
    pdf.set_font(FONT, size=size)
    page_len = math.hypot(x2 - x1, y2 - y1)
    # The longest label that fits on the line; the table below has the rest.
    texts = [
        line_label(line) + ("" if line.accepted else " · belum diterima"),
        line_label(line),
        f"({line.number}) {num(line.length_m, 1)} m · {FIX_ID[line.fix]}",
        f"({line.number}) {FIX_ID[line.fix]}",
        f"({line.number})",
    ]
    m = measure_of(pdf)
    text = next(
        (t for t in texts if m.width(t) <= page_len - 7
         and _clear(frame, others, x1, y1, x2, y2, m.width(t) / 2)),
        texts[-1],
    )  # fmt: skip
    tw = measure_of(pdf).width(text)
    angle = math.degrees(math.atan2(-(y2 - y1), x2 - x1))
    if angle > 90:
        angle -= 180
    elif angle < -90:
        angle += 180
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    pdf.set_text_color(*((0, 90, 30) if fixed else (170, 20, 20)))
    with pdf.rotation(angle, mx, my):
        pdf.set_fill_color(255, 255, 255)
        pdf.rect(mx - tw / 2 - 0.4, my - 3.2, tw + 0.8, 2.7, style="F")
        pdf.text(mx - tw / 2, my - 1.0, text)
    pdf.set_text_color(0)


def draw_network(
    pdf: DocumentPDF, x: float, y: float, w: float, h: float,
    points: Sequence[NetPoint], lines: Sequence[NetLine], grid_label: str,
) -> float:  # fmt: skip
    """The network in a w x h box with north arrow, scale bar and legend; returns y below."""
    frame = _fit(points, x, y, w, h)
    by_name = {p.name: p for p in points}
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    with pdf.rect_clip(x, y, w, h):
        for ln in lines:
            _line(pdf, frame, by_name[ln.base], by_name[ln.rover], ln)
        for ln in lines:
            ends = (ln.base, ln.rover)
            others = [p for p in points if p.name not in ends]
            _label(pdf, frame, by_name[ln.base], by_name[ln.rover], ln, others)
        requests = []
        for p in points:
            px, py = frame.xy(p.e, p.n)
            _symbol(pdf, p.kind, px, py)
            pdf.set_font(FONT, "B", 7.5)
            requests.append(LabelRequest(p.name, px, py, measure_of(pdf).width(p.name), 2.7, 2.2))
        pdf.set_font(FONT, "B", 7.5)
        for place in place_labels(requests, y_up=False, frame=Box(x + 1, y + 1, x + w - 1,
                                                                   y + h - 1)):  # fmt: skip
            pdf.text(place.x, place.box.y1 - 0.3, place.key)
    _north_arrow(pdf, x + w - 8, y + 5)
    _scale_bar(pdf, x + 5, y + h - 5, frame.mm_per_m, w * 0.3)
    return _legend(pdf, x, y + h + 2, w, grid_label)


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


def _legend(pdf: DocumentPDF, x: float, y: float, w: float, grid_label: str) -> float:
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
    pdf.cell(w, 4, f"Koordinat grid {grid_label}; U = utara grid. Label garis: (nomor) panjang "
             "baseline elipsoid · status ambiguitas.", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    return pdf.get_y()


def _duration(seconds: float) -> str:
    m = round(seconds / 60)
    return f"{m // 60} jam {m % 60:02d} mnt"


def baseline_rows(lines: Sequence[NetLine]) -> list[list[str]]:
    return [
        [str(ln.number), ln.base, ln.rover, num(ln.length_m, 3),
         FIX_ID[ln.fix] + (f" (rasio {num(ln.ratio, 1)})" if ln.ratio is not None else ""),
         f"{num(ln.sigma_h_m, 3)} / {num(ln.sigma_v_m, 3)}", _duration(ln.duration_s),
         "Memenuhi" if ln.rules_passed else "Tidak memenuhi",
         "diterima" if ln.accepted else "belum diterima"]
        for ln in lines
    ]  # fmt: skip


def render_network(data: ReportData, paper: Paper = "a4") -> DocumentPDF:
    points, lines = network_of(data)
    pdf = DocumentPDF(f"{TITLE} · {data.permit.name}", f"JARING-KONTROL/{data.sha256[:8].upper()}",
                      data.sha256, paper)  # fmt: skip
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.cell(0, 5, f"{data.permit.name} · {data.permit.holder or '-'}", align="C",
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(2)
    w = pdf.content_width
    y = draw_network(pdf, pdf.l_margin, pdf.get_y(), w, w * 0.82, points, lines, data.grid_label)
    pdf.set_y(y + 2)
    pdf.heading("Baseline")
    style = TableStyle((6, 17, 17, 18, 27, 19, 18, 20, 17), 4.0, 0.8, 7.5,
                       ("R", "L", "L", "R", "L", "R", "R", "L", "L"))  # fmt: skip
    head = [["No", "Dari (base)", "Ke (rover)", "Panjang (m)", "Solusi", "σH / σV (m)", "Lama",
             "Ketentuan 697/1996", "Status"]]  # fmt: skip
    flow_table(pdf, style, head, baseline_rows(lines))
    return pdf


def write_network(data: ReportData, target: Path, paper: Paper = "a4") -> Path:
    return save_pdf(render_network(data, paper), target)
