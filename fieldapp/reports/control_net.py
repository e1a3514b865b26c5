"""Sketsa jaring kontrol: JKHN, BM and Titik Bantu with the static baselines drawn between them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.reports.baseline_cells import FIX_ID, duration_text
from fieldapp.reports.data import canonical_json
from fieldapp.reports.flowtable import TableStyle, flow_table
from fieldapp.reports.network_sketch import (
    NetLine,
    NetPoint,
    draw_network,
    legend,
    local_view,
)
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper, save_pdf
from fieldapp.reports.textfmt import num

if TYPE_CHECKING:
    from fieldapp.reports.data import ReportData
    from fieldapp.store.baselines import StoredBaseline

TITLE = "Sketsa Jaring Kontrol GNSS Statik"


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


def baseline_rows(lines: Sequence[NetLine]) -> list[list[str]]:
    return [
        [str(ln.number), ln.base, ln.rover, num(ln.length_m, 3),
         FIX_ID[ln.fix] + (f" (rasio {num(ln.ratio, 1)})" if ln.ratio is not None else ""),
         f"{num(ln.sigma_h_m, 3)} / {num(ln.sigma_v_m, 3)}", duration_text(ln.duration_s),
         "Memenuhi" if ln.rules_passed else "Tidak memenuhi",
         "diterima" if ln.accepted else "belum diterima"]
        for ln in lines
    ]  # fmt: skip


def render_network(data: ReportData, paper: Paper = "a4") -> DocumentPDF:
    points, lines = network_of(data)
    digest = data.sha256
    shown = shown_baselines(data.baselines)
    if any(b.status != "accepted" for b in shown):
        # The page also states baselines not yet accepted, which the data hash leaves out.
        both = {"data": data.sha256, "baselines": shown}
        digest = hashlib.sha256(canonical_json(both).encode("utf-8")).hexdigest()
    pdf = DocumentPDF(f"{TITLE} · {data.permit.name}", f"JARING-KONTROL/{digest[:8].upper()}",
                      digest, paper)  # fmt: skip
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.cell(0, 5, f"{data.permit.name} · {data.permit.holder or '-'}", align="C",
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(2)
    w = pdf.content_width
    x, y = pdf.l_margin, pdf.get_y()
    local = local_view(points)
    if local is None:
        y = draw_network(pdf, x, y, w, w * 0.82, points, lines)
    else:
        # The tie to a far JKHN station and, below, the network about the WIUP at its scale.
        y = draw_network(pdf, x, y, w, w * 0.5, points, lines, "Gambar 1. Pengikatan ke JKHN",
                         outline=local)  # fmt: skip
        y = draw_network(pdf, x, y + 2, w, w * 0.62, points, lines,
                         "Gambar 2. BM dan Titik Bantu", fit=local)  # fmt: skip
    y = legend(pdf, x, y + 2, w, data.grid_label)
    pdf.set_y(y + 2)
    pdf.heading("Baseline")
    style = TableStyle((6, 17, 17, 18, 27, 19, 18, 20, 17), 4.0, 0.8, 7.5,
                       ("R", "L", "L", "R", "L", "R", "R", "L", "L"), title="Baseline")  # fmt: skip
    head = [["No", "Dari (base)", "Ke (rover)", "Panjang (m)", "Solusi", "σH / σV (m)", "Lama",
             "Ketentuan 697/1996", "Status"]]  # fmt: skip
    flow_table(pdf, style, head, baseline_rows(lines))
    return pdf


def write_network(data: ReportData, target: Path, paper: Paper = "a4") -> Path:
    return save_pdf(render_network(data, paper), target)
