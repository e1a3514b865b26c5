"""The rencana kerja's thematic map: WIUP, planned markers, neighbour areas, pits and dumps.

Drawn from the job's own vector data only (no background image): what the map shows is what
the job records. Land-right parcels are not among the job's data; markers the surveyor flagged
as in a forest area or on private land are marked, and the document says what is missing.
"""

from __future__ import annotations

from typing import Any

from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.sketch import WHITE, Frame, framed_map_furniture, haloed_text
from fieldapp.reports.work_plan_data import Area, WorkPlan
from fieldapp.survey.models import MarkerKind
from fieldapp.survey.neighbors import polygon_on_grid

MARGIN = 0.12  # of the extent, around the WIUP and its markers
LABELLED = 60  # more markers than this: symbols only (names stand in the table)
RED = (200, 30, 30)
NEIGHBOUR = (235, 150, 40)
PIT = (140, 90, 50)
DUMP = (120, 120, 120)
FOREST = (30, 130, 60)
PRIVATE = (150, 60, 170)


def _extent(plan: WorkPlan) -> tuple[float, float, float, float]:
    d = plan.data
    pts = [d.grid_of(b.lat, b.lon) for b in d.boundary]
    pts += [d.grid_of(m.lat, m.lon) for m in plan.markers]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    pad = max(max(xs) - min(xs), max(ys) - min(ys), 50.0) * MARGIN
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _frame(plan: WorkPlan, x: float, y: float, w: float, h: float) -> Frame:
    x0, y0, x1, y1 = _extent(plan)
    scale = min(w / (x1 - x0), h / (y1 - y0))
    return Frame(x + w / 2, y + h / 2, (x0 + x1) / 2, (y0 + y1) / 2, scale)


def _pieces(geometry: Any) -> list[Any]:
    return [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type == "Polygon"]


def _area(pdf: Any, plan: WorkPlan, frame: Frame, view: Any, area: Area, colour: tuple[int, ...],
          label: str) -> None:  # fmt: skip
    """One area clipped to the view: a light fill, its outline, its name inside."""
    shown = polygon_on_grid(area.rings, plan.data.grid).intersection(view)
    for poly in _pieces(shown):
        ring = [frame.xy(e, n) for e, n in poly.exterior.coords]
        with pdf.local_context(fill_color=colour, fill_opacity=0.22, draw_color=colour,
                               line_width=0.4):  # fmt: skip
            pdf.polygon(ring, style="DF")
    if shown.is_empty:
        return
    px, py = frame.xy(*shown.representative_point().coords[0])
    pdf.set_font(FONT, "B", 7)
    text = label if len(label) <= 48 else label[:46] + "…"
    width = pdf.get_string_width(text)
    left, right = frame.xy(view.bounds[0], 0)[0] + 1, frame.xy(view.bounds[2], 0)[0] - 1
    x = min(max(px - width / 2, left), right - width)  # the whole name inside the map
    with pdf.local_context(text_color=colour):
        pdf.text(x, py, text)


def draw_thematic_map(pdf: Any, plan: WorkPlan, x: float, y: float, w: float, h: float) -> None:
    """The map in a w x h box, with north arrow and scale bar; the legend is drawn after it."""
    import shapely

    frame = _frame(plan, x, y, w, h)
    half_w, half_h = w / 2 / frame.mm_per_m, h / 2 / frame.mm_per_m
    view = shapely.box(frame.e0 - half_w, frame.n0 - half_h, frame.e0 + half_w, frame.n0 + half_h)
    d = plan.data
    flagged = {r.marker: r.needs for r in plan.land}
    size = 1.0 if len(plan.markers) <= LABELLED else 0.5  # dense lines stay lines, not ropes
    with pdf.rect_clip(x, y, w, h):
        # Numbered as in item 3's table: a neighbour's full name rarely fits the strip shown.
        for k, a in enumerate(plan.neighbours, start=1):
            _area(pdf, plan, frame, view, a, NEIGHBOUR, f"T{k}")
        for z in plan.zones:
            _area(pdf, plan, frame, view, z, PIT if z.kind == "pit" else DUMP, z.name)
        ring = [frame.xy(*d.grid_of(b.lat, b.lon)) for b in d.boundary]
        if len(ring) > 1:
            with pdf.local_context(draw_color=RED, line_width=0.6):
                pdf.polyline([*ring, ring[0]])
        for m in plan.markers:
            px, py = frame.xy(*d.grid_of(m.lat, m.lon))
            needs = flagged.get(m.name)
            if needs is not None and needs.forest_area:
                with pdf.local_context(draw_color=FOREST, line_width=0.5):
                    pdf.circle(px, py, 2.2, style="D")
            if needs is not None and needs.private_land:
                with pdf.local_context(draw_color=PRIVATE, line_width=0.5):
                    pdf.rect(px - 2.4, py - 2.4, 4.8, 4.8, style="D")
            corner = m.kind is MarkerKind.CORNER
            with pdf.local_context(draw_color=(0, 0, 0), line_width=0.2,
                                   fill_color=RED if corner else WHITE):  # fmt: skip
                pdf.circle(px, py, (1.1 if corner else 0.9) * size, style="DF")
        if len(plan.markers) <= LABELLED:
            pdf.set_font(FONT, "B", 6)
            for m in plan.markers:
                px, py = frame.xy(*d.grid_of(m.lat, m.lon))
                haloed_text(pdf, px + 1.5, py - 1.2, m.name)
    framed_map_furniture(pdf, frame, x, y, w, h)


def draw_legend(pdf: Any, plan: WorkPlan) -> None:
    """Symbols of the map, one row, wrapped; only those the map shows."""
    items: list[tuple[str, str, tuple[int, ...]]] = [("line", "Batas WIUP", RED)]
    if any(m.kind is MarkerKind.CORNER for m in plan.markers):
        items.append(("dot", "Tanda batas sudut (rencana)", RED))
    if any(m.kind is not MarkerKind.CORNER for m in plan.markers):
        items.append(("ring", "Tanda batas sisipan (rencana)", (0, 0, 0)))
    if plan.neighbours:
        items.append(("fill", "Wilayah izin berbatasan (T1… = No pada butir 3)", NEIGHBOUR))
    kinds = {z.kind for z in plan.zones}
    if "pit" in kinds:
        items.append(("fill", "Bukaan tambang (pit)", PIT))
    if "dump" in kinds:
        items.append(("fill", "Timbunan (disposal)", DUMP))
    if any(r.needs.forest_area for r in plan.land):
        items.append(("forest", "Tanda batas di kawasan hutan", FOREST))
    if any(r.needs.private_land for r in plan.land):
        items.append(("private", "Tanda batas di tanah hak/milik", PRIVATE))
    pdf.set_font(FONT, size=7)
    x, y = pdf.l_margin, pdf.get_y() + 2
    for kind, text, colour in items:
        width = 8 + pdf.get_string_width(text) + 5
        if x + width > pdf.w - pdf.r_margin:
            x, y = pdf.l_margin, y + 5
        cx, cy = x + 3, y + 1.8
        with pdf.local_context(draw_color=colour, fill_color=colour, line_width=0.4):
            if kind == "line":
                pdf.line(x, cy, x + 6, cy)
            elif kind == "dot":
                pdf.circle(cx, cy, 1.1, style="DF")
            elif kind == "ring":
                with pdf.local_context(fill_color=WHITE):
                    pdf.circle(cx, cy, 0.9, style="DF")
            elif kind == "fill":
                with pdf.local_context(fill_opacity=0.22):
                    pdf.rect(x, y, 6, 3.6, style="DF")
            elif kind == "forest":
                pdf.circle(cx, cy, 1.8, style="D")
            else:
                pdf.rect(cx - 1.8, cy - 1.8, 3.6, 3.6, style="D")
        pdf.text(x + 8, y + 2.8, text)
        x += width
    pdf.set_xy(pdf.l_margin, y + 5)
    pdf.set_font(FONT, size=9.5)
