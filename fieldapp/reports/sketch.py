"""The location sketch of a marker, drawn from the data with fpdf2 primitives on the grid."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.reports.data import MarkerReport, ReportData
from fieldapp.reports.pdfbase import FONT, DocumentPDF
from fieldapp.reports.textfmt import num
from fieldapp.survey.labels import Box, LabelRequest, place_labels
from fieldapp.survey.naming import reference_name


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


@dataclass(frozen=True, slots=True)
class SketchItem:
    """A symbol on the sketch: what it is, where (grid), and its label."""

    key: str
    role: str  # marker, this, control, reference
    e: float
    n: float
    label: str


CONTROL_WORD = {"BM": "BM", "TITIK_BANTU": "Titik Bantu", "JKHN": "JKHN"}


def named_in_access(data: ReportData, m: MarkerReport) -> list[str]:
    """Control points the access text names (``Dari Titik Bantu TB-02 ...``)."""
    d = m.installation.description
    text = (d.access or "").lower() if d else ""
    return [c.name for c in data.control if c.name.lower() in text]


def _items(data: ReportData, m: MarkerReport) -> list[SketchItem]:
    built = {r.name: (r.e, r.n) for r in data.markers}
    items = [SketchItem("this", "this", m.e, m.n, m.name)]
    for nth, ref in enumerate(m.installation.references, start=1):
        if ref.withdrawn is None:
            e, n = data.grid_of(ref.position.lat, ref.position.lon)
            items.append(SketchItem(f"ref{ref.id}", "reference", e, n, reference_name(m.name, nth)))
    for mk in data.all_markers:
        if mk.name != m.name:
            e, n = built.get(mk.name) or data.grid_of(mk.lat, mk.lon)
            items.append(SketchItem(f"m{mk.name}", "marker", e, n, mk.name))
    for c in data.control:
        e, n = data.grid_of(c.lat, c.lon)
        items.append(SketchItem(f"c{c.name}", "control", e, n, c.name))
    return items


def feature_distances(data: ReportData, m: MarkerReport) -> list[tuple[str, float]]:
    """Distances (grid, m) to what the sheet mentions: named control, the nearest of each kind."""
    items = _items(data, m)[1:]
    named = set(named_in_access(data, m))
    out: list[tuple[str, float]] = []
    by_kind: dict[str, SketchItem] = {}
    for it in items:
        d = math.hypot(it.e - m.e, it.n - m.n)
        if it.role == "reference" or it.label in named:
            out.append((it.label, d))
        best = by_kind.get(it.role)
        if best is None or d < math.hypot(best.e - m.e, best.n - m.n):
            by_kind[it.role] = it
    for it in by_kind.values():
        if it.role != "reference" and it.label not in named:
            out.append((it.label, math.hypot(it.e - m.e, it.n - m.n)))
    return out


def draw_sketch(
    pdf: DocumentPDF, x: float, y: float, w: float, h: float, data: ReportData, m: MarkerReport
) -> float:
    """Boundary lines, markers and control near ``m`` in a w x h box, north arrow, scale bar,
    labels placed without collisions, distances and a legend below; returns the y below it."""
    items = _items(data, m)
    named = set(named_in_access(data, m))
    dists = sorted(
        math.hypot(it.e - m.e, it.n - m.n) for it in items[1:] if it.role == "marker"
    ) or [200.0]
    reach = max([dists[0]] + [math.hypot(it.e - m.e, it.n - m.n) for it in items
                              if it.label in named])  # fmt: skip
    # Show the nearest neighbour marker and any point the access text names, 60..800 m.
    radius = min(max(1.2 * reach, 60.0), 800.0)
    frame = Frame(x + w / 2, y + h / 2, m.e, m.n, (min(w, h) / 2 - 5) / radius)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    box = Box(x + 1, y + 1, x + w - 1, y + h - 1)
    requests: list[LabelRequest] = []
    font = {"this": ("B", 8.0), "reference": ("", 6.5), "marker": ("", 6.5), "control": ("", 6.5)}
    with pdf.rect_clip(x, y, w, h):
        ring = [data.grid_of(b.lat, b.lon) for b in data.boundary]
        pdf.set_draw_color(200, 30, 30)
        pdf.set_line_width(0.5)
        for (e1, n1), (e2, n2) in zip(ring, ring[1:] + ring[:1], strict=True):
            pdf.line(*frame.xy(e1, n1), *frame.xy(e2, n2))
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0)
        px0, py0 = frame.xy(m.e, m.n)
        for it in items:
            px, py = frame.xy(it.e, it.n)
            if not (x <= px <= x + w and y <= py <= y + h):
                continue
            if it.role == "reference" or it.label in named:
                # The way to the reference / the named control: dashed, with its length.
                pdf.set_dash_pattern(dash=0.8, gap=0.6)
                pdf.line(px, py, px0, py0)
                pdf.set_dash_pattern()
            _symbol(pdf, it.role, px, py)
            style, size = font[it.role]
            pdf.set_font(FONT, style, size)
            tw = pdf.get_string_width(it.label)
            requests.append(LabelRequest(it.key, px, py, tw, size * 0.36, 1.7))
        # This marker first: it always gets its preferred place.
        requests.sort(key=lambda r: r.key != "this")
        for place in place_labels(requests, y_up=False, frame=box):
            it = next(i for i in items if i.key == place.key)
            style, size = font[it.role]
            pdf.set_font(FONT, style, size)
            pdf.text(place.x, place.box.y1 - 0.3, it.label)
    _north_arrow(pdf, x + w - 7, y + 4)
    _scale_bar(pdf, x + 4, y + h - 4, frame.mm_per_m, w * 0.35)
    pdf.set_draw_color(0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    return _legend(pdf, x, y + h + 1, w, data, m)


def _symbol(pdf: DocumentPDF, role: str, px: float, py: float) -> None:
    if role == "this":
        pdf.set_fill_color(220, 20, 20)
        pdf.circle(px, py, 1.6, style="DF")
    elif role == "marker":
        pdf.set_fill_color(255, 255, 255)
        pdf.circle(px, py, 0.9, style="DF")
    elif role == "control":
        pdf.set_fill_color(30, 60, 160)
        pdf.polygon([(px, py - 1.3), (px - 1.15, py + 0.8), (px + 1.15, py + 0.8)], style="DF")
    else:
        pdf.set_fill_color(240, 160, 0)
        pdf.polygon([(px, py - 1.4), (px + 1.4, py), (px, py + 1.4), (px - 1.4, py)], style="DF")


def _legend(pdf: DocumentPDF, x: float, y: float, w: float, data: ReportData,
            m: MarkerReport) -> float:  # fmt: skip
    pdf.set_font(FONT, size=6.3)
    pdf.set_xy(x, y)
    pdf.cell(w, 3.2, f"Sketsa lokasi · grid {data.zone_label}, U = utara grid", align="C",
             new_x="LEFT", new_y="NEXT")  # fmt: skip
    entries = [("this", f"Tanda Batas {m.name}"), ("marker", "Tanda Batas lain"),
               ("control", "BM / Titik Bantu"), ("reference", "Tanda Batas Referensi")]  # fmt: skip
    row_y = pdf.get_y() + 1.8
    for i, (role, text) in enumerate(entries):
        cx = x + 2 + (i % 2) * w / 2
        cy = row_y + (i // 2) * 3.4
        _symbol(pdf, role, cx, cy)
        pdf.text(cx + 2.2, cy + 0.9, text)
    pdf.set_draw_color(200, 30, 30)
    pdf.set_line_width(0.5)
    ly = row_y + 2 * 3.4
    pdf.line(x + 0.5, ly, x + 3.5, ly)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0)
    pdf.text(x + 4.2, ly + 0.9, "Garis batas WIUP; garis putus-putus: jarak")
    dist = feature_distances(data, m)
    pdf.set_xy(x, ly + 2)
    # Control names such as TB-02 are Titik Bantu; Tanda Batas are written out or by number.
    pdf.multi_cell(w, 3, "TB-nn = Titik Bantu (bukan Tanda Batas); Tanda Batas ditulis "
                   "dengan nomornya.", new_x="LEFT", new_y="NEXT")  # fmt: skip
    text = "Jarak grid: " + "; ".join(f"{name} {num(d, 1)} m" for name, d in dist)
    pdf.multi_cell(w, 3, text, new_x="LEFT", new_y="NEXT")
    return pdf.get_y()


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
