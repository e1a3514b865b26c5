"""The location sketch of a marker, drawn from the data with fpdf2 primitives on the grid."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fpdf.enums import TextMode

from fieldapp.reports.data import MarkerReport, ReportData
from fieldapp.reports.gridindex import GridIndex
from fieldapp.reports.layout import flow_lines, measure_of
from fieldapp.reports.pdfbase import FONT, DocumentPDF
from fieldapp.reports.textfmt import num
from fieldapp.survey.labels import Box, LabelRequest, place_labels
from fieldapp.survey.naming import reference_name

if TYPE_CHECKING:
    from fieldapp.reports.background import DocumentBackground

WHITE = (255, 255, 255)


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


@dataclass(frozen=True, slots=True)
class _Neighbours:
    """Every marker and control point of a job on the grid, indexed once for all its sheets.

    A sheet asks for its nearest neighbour and what falls in its frame: without the index
    each of n sheets looked at all n markers (n² for the document).
    """

    markers: tuple[SketchItem, ...]  # as built where built, else as designed; data order
    position: dict[str, int]  # marker name -> its index in ``markers``
    control: tuple[SketchItem, ...]
    points: GridIndex  # of ``markers``: the index of a hit is its place in data order
    by_label: dict[str, list[int]]  # marker label -> indices (a label the access text names)
    ring: tuple[tuple[float, float], ...]
    edges: GridIndex  # boundary edge k joins ring[k] and ring[k + 1]


_last: list[tuple[ReportData, _Neighbours]] = []  # the job of the sheets being drawn


def _neighbours(data: ReportData) -> _Neighbours:
    if _last and _last[0][0] is data:
        return _last[0][1]
    built = {r.name: (r.e, r.n) for r in data.markers}
    markers = []
    for mk in data.all_markers:
        e, n = built.get(mk.name) or data.grid_of(mk.lat, mk.lon)
        markers.append(SketchItem(f"m{mk.name}", "marker", e, n, mk.name))
    control = []
    for c in data.control:
        e, n = data.grid_of(c.lat, c.lon)
        control.append(SketchItem(f"c{c.name}", "control", e, n, c.name))
    by_label: dict[str, list[int]] = {}
    for i, it in enumerate(markers):
        by_label.setdefault(it.label, []).append(i)
    ring = tuple(data.grid_of(b.lat, b.lon) for b in data.boundary)
    edges = [
        (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
    ]
    index = _Neighbours(
        tuple(markers),
        {it.label: i for i, it in reversed(list(enumerate(markers)))},
        tuple(control),
        GridIndex([(it.e, it.n, it.e, it.n) for it in markers]),
        by_label,
        ring,
        GridIndex(edges),
    )
    _last[:] = [(data, index)]
    return index


def _own(data: ReportData, m: MarkerReport) -> list[SketchItem]:
    """This marker and its reference markers."""
    items = [SketchItem("this", "this", m.e, m.n, m.name)]
    for nth, ref in enumerate(m.installation.references, start=1):
        if ref.withdrawn is None:
            e, n = data.grid_of(ref.position.lat, ref.position.lon)
            items.append(SketchItem(f"ref{ref.id}", "reference", e, n, reference_name(m.name, nth)))
    return items


def _nearest_marker(index: _Neighbours, m: MarkerReport) -> SketchItem | None:
    """The other marker nearest to ``m``, the first in data order among equals (as a scan)."""
    me = index.position.get(m.name, -1)
    hits = index.points.near(m.e, m.n, me)
    if me < 0:
        # Not among the job's markers (cannot happen from a job): its own point is no skip.
        hits = index.points.near(m.e, m.n, -1)
    return index.markers[hits[0]] if hits else None


def _named(index: _Neighbours, own: list[SketchItem], named: set[str]) -> list[SketchItem]:
    """Items the access text names, in sheet order (own, markers, control)."""
    marks = sorted(i for label in named for i in index.by_label.get(label, ()))
    return (
        [it for it in own if it.label in named]
        + [index.markers[i] for i in marks]
        + [c for c in index.control if c.label in named]
    )


def feature_distances(data: ReportData, m: MarkerReport) -> list[tuple[str, float]]:
    """Distances (grid, m) to what the sheet mentions: named control, the nearest of each kind."""
    index = _neighbours(data)
    own = _own(data, m)
    named = set(named_in_access(data, m))
    me = f"m{m.name}"

    def dist(it: SketchItem) -> float:
        return math.hypot(it.e - m.e, it.n - m.n)

    # The mentioned ones in sheet order (references, markers, control), then the nearest of
    # each kind not already said; a marker named like the access text is skipped by kind too.
    mentioned = [it for it in own[1:] if it.role == "reference" or it.label in named]
    mentioned += [index.markers[i] for label in named for i in index.by_label.get(label, ())
                  if index.markers[i].key != me]  # fmt: skip
    mentioned.sort(key=lambda it: _order(index, own, it))
    mentioned += [c for c in index.control if c.label in named]
    out = [(it.label, dist(it)) for it in mentioned]
    nearest: list[SketchItem] = []
    refs = own[1:]
    if refs:
        nearest.append(min(refs, key=dist))
    near_marker = _nearest_marker(index, m)
    if near_marker is not None:
        nearest.append(near_marker)
    if index.control:
        nearest.append(min(index.control, key=dist))
    for it in nearest:
        if it.role != "reference" and it.label not in named:
            out.append((it.label, dist(it)))
    return out


def _order(index: _Neighbours, own: list[SketchItem], it: SketchItem) -> int:
    if it in own:
        return own.index(it)
    return len(own) + index.by_label[it.label][0]


def sketch_frame(data: ReportData, m: MarkerReport, x: float, y: float, w: float, h: float,
                 index: _Neighbours | None = None) -> Frame:  # fmt: skip
    """Where the sketch of ``m`` in the w x h box at x, y puts grid coordinates on the page."""
    index = index or _neighbours(data)
    own = _own(data, m)
    near = _nearest_marker(index, m)
    nearest = math.hypot(near.e - m.e, near.n - m.n) if near is not None else 200.0
    named = set(named_in_access(data, m))
    reach = max([nearest] + [math.hypot(it.e - m.e, it.n - m.n)
                             for it in _named(index, own, named)])  # fmt: skip
    # Show the nearest neighbour marker and any point the access text names, 60..800 m.
    radius = min(max(1.2 * reach, 60.0), 800.0)
    return Frame(x + w / 2, y + h / 2, m.e, m.n, (min(w, h) / 2 - 5) / radius)


def draw_sketch(
    pdf: DocumentPDF,
    x: float,
    y: float,
    w: float,
    h: float,
    data: ReportData,
    m: MarkerReport,
    background: DocumentBackground | None = None,
) -> float:
    """Boundary lines, markers and control near ``m`` in a w x h box, north arrow, scale bar,
    labels placed without collisions, distances and a legend below; returns the y below it.
    Over the job's ``background`` where it has data, every line and label keeps a white halo."""
    index = _neighbours(data)
    own = _own(data, m)
    named = set(named_in_access(data, m))
    frame = sketch_frame(data, m, x, y, w, h, index)
    over = draw_under(pdf, background, frame, x, y, w, h)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    box = Box(x + 1, y + 1, x + w - 1, y + h - 1)
    requests: list[LabelRequest] = []
    font = {"this": ("B", 8.0), "reference": ("", 6.5), "marker": ("", 6.5), "control": ("", 6.5)}
    # What the frame shows, in grid metres (a little wider: the exact test is on the page).
    half = (max(w, h) / 2 + 1) / frame.mm_per_m
    view = (m.e - half, m.n - half, m.e + half, m.n + half)
    shown = [index.markers[i] for i in index.points.query(*view)
             if index.markers[i].key != f"m{m.name}"]  # fmt: skip
    items = own + shown + list(index.control)
    ring = index.ring
    with pdf.rect_clip(x, y, w, h):
        # Only the boundary edges crossing the frame: the clip hid the others anyway.
        edges = [(ring[k], ring[(k + 1) % len(ring)]) for k in index.edges.query(*view)]
        for colour, width in ([(WHITE, 1.3)] if over else []) + [((200, 30, 30), 0.5)]:
            pdf.set_draw_color(*colour)
            pdf.set_line_width(width)
            for (e1, n1), (e2, n2) in edges:
                pdf.line(*frame.xy(e1, n1), *frame.xy(e2, n2))
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0)
        px0, py0 = frame.xy(m.e, m.n)
        by_key = {}
        for it in items:
            px, py = frame.xy(it.e, it.n)
            if not (x <= px <= x + w and y <= py <= y + h):
                continue
            by_key[it.key] = it
            if it.role == "reference" or it.label in named:
                # The way to the reference / the named control: dashed, with its length.
                if over:
                    with pdf.local_context(draw_color=WHITE, line_width=0.7):
                        pdf.line(px, py, px0, py0)
                pdf.set_dash_pattern(dash=0.8, gap=0.6)
                pdf.line(px, py, px0, py0)
                pdf.set_dash_pattern()
            _symbol(pdf, it.role, px, py)
            style, size = font[it.role]
            pdf.set_font(FONT, style, size)
            tw = measure_of(pdf).width(it.label)
            requests.append(LabelRequest(it.key, px, py, tw, size * 0.36, 1.7))
        # This marker first: it always gets its preferred place.
        requests.sort(key=lambda r: r.key != "this")
        for place in place_labels(requests, y_up=False, frame=box):
            it = by_key[place.key]
            style, size = font[it.role]
            pdf.set_font(FONT, style, size)
            if over:
                halo = {"text_mode": TextMode.STROKE, "draw_color": WHITE, "line_width": 0.6}
                with pdf.local_context(**halo):
                    pdf.text(place.x, place.box.y1 - 0.3, it.label)
            pdf.text(place.x, place.box.y1 - 0.3, it.label)
    if over:
        # Arrow and scale bar on white patches: readable over any imagery.
        pdf.set_fill_color(*WHITE)
        pdf.rect(x + w - 10.5, y + 2, 7, 15, style="F")
        pdf.rect(x + 2, y + h - 9, w * 0.35 + 6, 7, style="F")
        assert background is not None
        attribution(pdf, background.names, x + 1, y + 1, w - 13)
    north_arrow(pdf, x + w - 7, y + 4)
    scale_bar(pdf, x + 4, y + h - 4, frame.mm_per_m, w * 0.35)
    pdf.set_draw_color(0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    return _legend(pdf, x, y + h + 1, w, data, m)


def draw_under(pdf: DocumentPDF, background: DocumentBackground | None, frame: Frame,
               x: float, y: float, w: float, h: float) -> bool:  # fmt: skip
    """The background of the w x h box at ``frame``'s scale; False where there is none."""
    if background is None:
        return False
    half_w, half_h = w / 2 / frame.mm_per_m, h / 2 / frame.mm_per_m
    e0, n0 = (
        frame.e0 + (x + w / 2 - frame.cx) / frame.mm_per_m,
        frame.n0 - (y + h / 2 - frame.cy) / frame.mm_per_m,
    )
    jpeg = background.jpeg((e0 - half_w, n0 - half_h, e0 + half_w, n0 + half_h), w, h)
    if jpeg is None:
        return False
    pdf.image(io.BytesIO(jpeg), x, y, w, h)
    return True


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
    flow_lines(pdf, x, w, 3, "TB-nn = Titik Bantu (bukan Tanda Batas); Tanda Batas ditulis "
               "dengan nomornya.")  # fmt: skip
    text = "Jarak grid: " + "; ".join(f"{name} {num(d, 1)} m" for name, d in dist)
    flow_lines(pdf, x, w, 3, text)
    return pdf.get_y()


def attribution(pdf: DocumentPDF, names: list[str], x: float, y: float, max_w: float) -> None:
    """The imagery under a signed sketch named in its corner, as a map names its source."""
    pdf.set_font(FONT, size=5.2)
    text = f"Latar: {', '.join(names)}"
    while len(text) > 12 and measure_of(pdf).width(text) > max_w - 2:
        text = text[:-2].rstrip() + "…"
    pdf.set_fill_color(*WHITE)
    pdf.rect(x, y, measure_of(pdf).width(text) + 2, 3.0, style="F")
    pdf.text(x + 1, y + 2.2, text)


def haloed_text(pdf: DocumentPDF, x: float, y: float, text: str) -> None:
    """Text with a white halo: readable over imagery and over lines alike."""
    with pdf.local_context(text_mode=TextMode.STROKE, draw_color=WHITE, line_width=0.6):
        pdf.text(x, y, text)
    pdf.text(x, y, text)


def framed_map_furniture(
    pdf: DocumentPDF, frame: Frame, x: float, y: float, w: float, h: float
) -> None:
    """A map's border, and its north arrow and scale bar each on a white patch."""
    pdf.set_draw_color(0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    pdf.set_fill_color(*WHITE)
    pdf.rect(x + w - 10.5, y + 2, 7, 15, style="F")
    pdf.rect(x + 2, y + h - 9, w * 0.3 + 6, 7, style="F")
    north_arrow(pdf, x + w - 7, y + 4)
    scale_bar(pdf, x + 4, y + h - 4, frame.mm_per_m, w * 0.3)
    pdf.set_fill_color(*WHITE)


def north_arrow(pdf: DocumentPDF, x: float, y: float) -> None:
    pdf.set_fill_color(0)
    pdf.polygon([(x, y), (x - 2.2, y + 8), (x, y + 6.5), (x + 2.2, y + 8)], style="DF")
    pdf.set_font(FONT, "B", 7)
    pdf.text(x - 1.1, y + 11.5, "U")


def scale_bar(pdf: DocumentPDF, x: float, y: float, mm_per_m: float, max_mm: float) -> None:
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
