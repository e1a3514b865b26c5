"""The tables of the rencana kerja: planned markers, access, neighbours, people, cost, schedule."""

from __future__ import annotations

import datetime as dt

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.berita_acara_tables import simple_table
from fieldapp.reports.data import KIND_ID
from fieldapp.reports.flowtable import Cell, FlowTable, TableStyle
from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.terbilang import terbilang
from fieldapp.reports.textfmt import EQUIPMENT_ID, date_short, lat_dms, lon_dms, num
from fieldapp.reports.work_plan_data import WorkPlan
from fieldapp.survey.models import MarkerKind
from fieldapp.survey.naming import marker_sort_key

KPO_STATUS_ID = {"aktif": "aktif", "dikembalikan": "dikembalikan", "dihusutkan": "dihusutkan"}
STATUS_ID = {"planned": "rencana", "staked": "dipatok", "installed": "terpasang",
             "documented": "terpasang"}  # fmt: skip
BAR = (70, 110, 170)


def rupiah(value: int) -> str:
    """``Rp 12.500.000``: whole Rupiah, a dot between thousands, as Indonesian documents write."""
    return f"Rp {value:,}".replace(",", ".")


def quantity(value: float) -> str:
    """``2`` or ``1,5``: a decimal comma, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def rupiah_words(value: int) -> str:
    return f"{terbilang(value)} rupiah" if value else "nol rupiah"


def markers_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    """Every planned marker at its design position: DMS and the grid E/N of the job's zone."""
    zone = plan.data.zone_label
    widths = (8, 12, 15, 29, 29, 19, 21, 18, 16)
    head = ("No", "Nama", "Jenis", "Lintang (SRGI2013)", "Bujur (SRGI2013)", f"E (m)\n{zone}",
            f"N (m)\n{zone}", "Garis batas", "Status")  # fmt: skip
    align = ("C", "C", "L", "C", "C", "R", "R", "C", "C")
    table = FlowTable(pdf, TableStyle(widths, 4.0, 1, 7.8, align, title), [head])
    for i, m in enumerate(sorted(plan.markers, key=lambda m: marker_sort_key(m.name)), start=1):
        e, n = plan.data.grid_of(m.lat, m.lon)
        # A corner stands on a Titik Batas, not on a line: only infill markers name their line.
        edge = f"{m.edge[0]}–{m.edge[1]}" if m.edge and m.kind is not MarkerKind.CORNER else "-"
        status = STATUS_ID.get(m.status.value, m.status.value)
        table.row((str(i), m.name, KIND_ID[m.kind], lat_dms(m.lat, 3), lon_dms(m.lon, 3),
                   num(e, 2), num(n, 2), edge, status))  # fmt: skip
    pdf.set_font(FONT, size=9.5)


def kinds_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    kinds = plan.kinds()
    rows = [(kind, f"{n} buah") for kind, n in kinds.items()]
    rows.append(("Jumlah", f"{len(plan.markers)} buah"))
    simple_table(pdf, ("Jenis tanda batas", "Jumlah"), (60, 30), rows, title)


def access_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    rows = [(str(i), a.marker, a.place or "-", a.access) for i, a in enumerate(plan.access, 1)]
    simple_table(pdf, ("No", "Tanda batas", "Desa / Kecamatan", "Akses tercatat"),
                 (8, 18, 40, 104), rows, title)  # fmt: skip


def control_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    kinds = {"BM": "BM", "TITIK_BANTU": "Titik Bantu", "JKHN": "JKHN"}
    rows = [
        (str(i), c.name, kinds.get(str(c.kind.value), str(c.kind.value)), lat_dms(c.lat, 2),
         lon_dms(c.lon, 2), c.tied_to or "-")
        for i, c in enumerate(plan.data.control, start=1)
    ]  # fmt: skip
    simple_table(pdf, ("No", "Nama", "Jenis", "Lintang", "Bujur", "Terikat ke"),
                 (8, 24, 24, 40, 40, 34), rows, title)  # fmt: skip


def neighbours_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    rows = []
    for i, a in enumerate(plan.neighbours, start=1):
        on = ", ".join(sorted(a.markers, key=marker_sort_key))
        if not plan.markers:
            shared = "- (belum ada tanda batas direncanakan)"
        else:
            shared = (
                f"{len(a.markers)} buah: {on}" if a.markers else "tidak ada (tidak berbagi garis)"
            )
        rows.append((str(i), a.name, shared, a.source or "-"))
    simple_table(pdf, ("No", "Pemegang izin / wilayah", "Tanda batas pada garis bersama",
                       "Sumber data"), (8, 62, 64, 36), rows, title)  # fmt: skip


def zones_rows(plan: WorkPlan) -> list[tuple[str, ...]]:
    kind = {"pit": "Bukaan tambang (pit)", "dump": "Timbunan (disposal)"}
    rows = []
    for i, z in enumerate(plan.zones, start=1):
        size = "-" if z.size_m is None else f"{num(z.size_m, 1)} m"
        what = "kedalaman" if z.kind == "pit" else "tinggi"
        rows.append((str(i), z.name, kind.get(z.kind, z.kind), f"{what} {size}"))
    return rows


def equipment_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    rows = [
        (str(i), EQUIPMENT_ID[e.kind], e.model, e.serial, e.notes or "-")
        for i, e in enumerate(plan.data.equipment, start=1)
    ]
    simple_table(pdf, ("No", "Jenis", "Merek / Model", "Nomor seri", "Keterangan"),
                 (8, 30, 56, 40, 36), rows, title)  # fmt: skip


def personnel_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    rows = []
    for i, s in enumerate(plan.surveyors, start=1):
        status = KPO_STATUS_ID.get(s.kpo_status or "", "tidak tercatat") if s.kpo_no else "-"
        if s.kpo_updated_on:
            status += f"\n(data {date_short(dt.date.fromisoformat(s.kpo_updated_on[:10]))})"
        rows.append((str(i), s.name, "Juru Ukur Tambang", s.certificate_no or "-",
                     s.kpo_no or "-", status))  # fmt: skip
    simple_table(pdf, ("No", "Nama", "Peran", "No. Sertifikat Kompetensi", "No. KPO",
                       "Status KPO"), (8, 31, 33, 34, 39, 25), rows, title)  # fmt: skip


def cost_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    widths = (8, 48, 17, 15, 28, 30, 24)
    head = ("No", "Uraian", "Volume", "Satuan", "Harga satuan", "Jumlah", "Keterangan")
    align = ("C", "L", "R", "C", "R", "R", "L")
    table = FlowTable(pdf, TableStyle(widths, 4.4, 1, 8.3, align, title), [head])
    for i, c in enumerate(plan.costs, start=1):
        table.row((str(i), c.item, quantity(c.quantity), c.unit, rupiah(c.unit_price_idr),
                   rupiah(c.amount_idr), c.note or ""))  # fmt: skip
    table.row((Cell("JUMLAH", "R", colspan=5), rupiah(plan.total_idr), ""))
    pdf.set_font(FONT, size=9.5)


def _weeks(plan: WorkPlan) -> list[dt.date]:
    """Mondays of the weeks the schedule spans."""
    first = min(s.start_on for s in plan.schedule)
    last = max(s.end_on for s in plan.schedule)
    monday = first - dt.timedelta(days=first.weekday())
    out = []
    while monday <= last:
        out.append(monday)
        monday += dt.timedelta(days=7)
    return out


def schedule_table(pdf: BeritaAcaraPDF, plan: WorkPlan, title: str) -> None:
    """The activities with their dates and days, then a bar per activity over the weeks."""
    rows = [
        (str(i), s.activity, date_short(s.start_on), date_short(s.end_on), f"{s.days}",
         s.note or "")
        for i, s in enumerate(plan.schedule, start=1)
    ]  # fmt: skip
    simple_table(pdf, ("No", "Kegiatan", "Mulai", "Selesai", "Hari", "Keterangan"),
                 (8, 66, 22, 22, 12, 40), rows, title)  # fmt: skip
    gantt(pdf, plan)


MAX_COLUMNS = 26  # weeks drawn one column each; a longer schedule is drawn by month


def gantt(pdf: BeritaAcaraPDF, plan: WorkPlan) -> None:
    """Gantt-like chart: a column per week (per month when longer), a bar per activity."""
    weeks = _weeks(plan)
    first = weeks[0]
    if len(weeks) <= MAX_COLUMNS:
        cols = [(w, w + dt.timedelta(days=6), f"{w.day}/{w.month}") for w in weeks]
        unit = "minggu (tanggal hari Senin)"
    else:
        cols, m = [], dt.date(first.year, first.month, 1)
        last = max(s.end_on for s in plan.schedule)
        while m <= last:
            nxt = dt.date(m.year + m.month // 12, m.month % 12 + 1, 1)
            cols.append((m, nxt - dt.timedelta(days=1), f"{m.month}/{m.year % 100:02d}"))
            m = nxt
        unit = "bulan"
    name_w, row_h, head_h = 46.0, 5.0, 6.0
    col_w = (pdf.content_width - name_w) / len(cols)
    pdf.ln(2)
    pdf.keep(head_h + row_h * min(len(plan.schedule), 4) + 8)
    pdf.set_font(FONT, "B", 8.5)
    pdf.cell(0, 5, f"Bagan waktu (satu kolom = satu {unit})", new_x="LMARGIN", new_y="NEXT")

    def header() -> None:
        y = pdf.get_y()
        pdf.set_font(FONT, "B", 6 if len(cols) > 14 else 7)
        pdf.set_fill_color(225, 230, 238)
        pdf.rect(pdf.l_margin, y, name_w, head_h, style="DF")
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(name_w, head_h, "Kegiatan", align="C")
        for k, (_, _, label) in enumerate(cols):
            x = pdf.l_margin + name_w + k * col_w
            pdf.rect(x, y, col_w, head_h, style="DF")
            pdf.set_xy(x, y)
            pdf.cell(col_w, head_h, label, align="C")
        pdf.set_y(y + head_h)

    header()
    span0, span1 = cols[0][0], cols[-1][1]
    per_mm = (pdf.content_width - name_w) / ((span1 - span0).days + 1)
    for i, s in enumerate(plan.schedule, start=1):
        if pdf.room() < row_h:
            pdf.add_page()
            header()
        y = pdf.get_y()
        pdf.set_font(FONT, size=7)
        pdf.rect(pdf.l_margin, y, name_w, row_h)
        label = f"{i}. {s.activity}"
        while pdf.get_string_width(label) > name_w - 2 and len(label) > 4:
            label = label[:-2] + "…"
        pdf.set_xy(pdf.l_margin + 1, y)
        pdf.cell(name_w - 2, row_h, label)
        for k in range(len(cols)):
            pdf.rect(pdf.l_margin + name_w + k * col_w, y, col_w, row_h)
        x0 = pdf.l_margin + name_w + (s.start_on - span0).days * per_mm
        x1 = pdf.l_margin + name_w + ((s.end_on - span0).days + 1) * per_mm
        with pdf.local_context(fill_color=BAR):
            pdf.rect(x0, y + 1.2, max(x1 - x0, 0.6), row_h - 2.4, style="F")
        pdf.set_y(y + row_h)
    pdf.set_font(FONT, size=9.5)
