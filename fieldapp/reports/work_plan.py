"""Rencana Kerja Pemasangan Tanda Batas: the eight items of Kepmen ESDM 1825 K/30/MEM/2018.

Built from the job's plan (work_plan_data). An item with no data is printed as "belum diisi"
and makes the whole document a DRAF, the way a berita acara with gaps is one: the DRAF
watermark on every page and the annex "Lampiran: kekurangan" naming what is missing
(reports/draft.py). A rencana kerja has no Nomor of its own (the permit holder's letter that
submits it carries one): it is known by its ID, a hash of what it states.
"""

from __future__ import annotations

import datetime as dt

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF, SignBox, pair_height, sign_row
from fieldapp.reports.berita_acara_tables import rows_height, simple_table
from fieldapp.reports.data import ReportInputError
from fieldapp.reports.draft import ANNEX_TITLE, watermark_pages
from fieldapp.reports.pdfbase import FONT, Paper
from fieldapp.reports.terbilang import tanggal_panjang
from fieldapp.reports.textfmt import iso_date, num
from fieldapp.reports.work_plan_data import ITEMS, WorkPlan
from fieldapp.reports.work_plan_map import draw_legend, draw_thematic_map
from fieldapp.reports.work_plan_tables import (
    access_table,
    control_table,
    cost_table,
    equipment_table,
    kinds_table,
    markers_table,
    neighbours_table,
    personnel_table,
    rupiah,
    rupiah_words,
    schedule_table,
    zones_rows,
)

SHORT_TITLE = "Rencana Kerja Pemasangan Tanda Batas"
EMPTY = "belum diisi"
LEGAL_BASIS = (
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1825 K/30/MEM/2018 tentang Pedoman "
    "Pelaksanaan Pemasangan Tanda Batas Wilayah Izin Usaha Pertambangan dan Wilayah Izin Usaha "
    "Pertambangan Khusus Operasi Produksi, yang mewajibkan rencana kerja memuat: lokasi dan "
    "jumlah tanda batas, akses, pemegang izin yang berbatasan dan berbagi batas, peta tematik "
    "hak atas tanah, peralatan, personel, rencana biaya, dan jadwal.",
    "Keputusan Direktur Jenderal Pertambangan Umum Nomor 697.K/29/DDJP/1996 tentang Penataan "
    "Batas Wilayah Pertambangan (tata cara pengukuran dengan GPS).",
)
MIN_MAP_H = 95.0  # mm: below this the map goes to the next page whole
MIN_GNSS = 3  # geodetic GNSS units Kepmen 1825 names for the measurement of Titik Batas


class WorkPlanPDF(BeritaAcaraPDF):
    """The berita acara's page (keep-together, signature rows) without paraf boxes."""

    doc_id_label = "ID dokumen"


def document_id(plan: WorkPlan) -> str:
    return f"RK-TB/{plan.data.permit.wiup_code or 'WIUP'}/{plan.sha256[:8].upper()}"


def _empty(pdf: WorkPlanPDF, what: str) -> None:
    """The plain "belum diisi" line of an item the job holds no data for."""
    with pdf.local_context(text_color=(190, 30, 30)):
        pdf.set_font(FONT, "B", 9.5)
        pdf.write(5, "Belum diisi: ")
        pdf.set_font(FONT, size=9.5)
        pdf.write(5, f"{what}.")
    pdf.ln(6)
    pdf.set_font(FONT, size=9.5)


def _note(pdf: WorkPlanPDF, plan: WorkPlan, topic: str, label: str) -> None:
    text = plan.notes.get(topic)
    if text:
        pdf.para(f"{label}: {text}")


def _section(pdf: WorkPlanPDF, plan: WorkPlan, k: int, following: float = 24) -> str:
    title = f"{k}. {ITEMS[k - 1]}"
    flag = f" ({EMPTY})" if k in plan.missing() else ""
    pdf.heading_with(title + flag, following)
    return title


def _head(pdf: WorkPlanPDF, plan: WorkPlan, day: dt.date) -> None:
    p = plan.data.permit
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, "RENCANA KERJA", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 5.5, "PEMASANGAN TANDA BATAS\nWILAYAH IZIN USAHA PERTAMBANGAN "
                   f"{p.wiup_code or ''}".rstrip(), align="C", new_x="LMARGIN",
                   new_y="NEXT")  # fmt: skip
    pdf.set_font(FONT, size=9)
    pdf.cell(0, 6, f"ID dokumen: {document_id(plan)}  ·  disusun {tanggal_panjang(day)}",
             align="C", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(2)
    region = ", ".join(
        x for x in (p.regency and f"Kabupaten {p.regency}", p.province and f"Provinsi {p.province}")
        if x
    )  # fmt: skip
    pdf.key_values([
        ("Pemegang IUP", p.holder or "-"),
        ("Nomor / tanggal SK IUP", f"{p.sk_number or '-'} / {iso_date(p.sk_date)}"),
        ("Kode WIUP", p.wiup_code or "-"),
        ("Komoditas", p.commodity or "-"),
        ("Luas menurut SK", f"{num(p.sk_area_ha, 2)} ha" if p.sk_area_ha else "-"),
        ("Lokasi", region or "-"),
        ("Sistem koordinat", f"SRGI2013; grid {plan.data.grid_label}"),
    ])  # fmt: skip
    pdf.heading_with("Dasar", 20)
    for i, text in enumerate(LEGAL_BASIS, start=1):
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(6, 5, f"{i}.")
        pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.heading_with("Ringkasan isi rencana kerja", 50)
    missing = plan.missing()
    simple_table(pdf, ("No", "Butir", "Keadaan"), (8, 110, 52), [
        (str(k), item, EMPTY.upper() if k in missing else "terisi")
        for k, item in enumerate(ITEMS, start=1)
    ])  # fmt: skip


def _item1(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 1, 40)
    if not plan.markers:
        _empty(pdf, "tidak ada tanda batas yang direncanakan (fieldapp job plan JOB --apply)")
        return
    kinds = ", ".join(f"{n} {kind.lower()}" for kind, n in plan.kinds().items())
    pdf.para(f"Tanda batas yang direncanakan berjumlah {len(plan.markers)} buah ({kinds}), "
             "pada titik-titik batas SK dan pada garis batas sesuai ketentuan jarak "
             "(berbatasan: paling jauh 500 m; dekat kegiatan tambang/timbunan: paling jauh "
             "100 m).")  # fmt: skip
    kinds_table(pdf, plan, title)
    pdf.ln(2)
    markers_table(pdf, plan, title)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(0, 3.8, "Koordinat adalah posisi desain (rencana) tanda batas; Garis batas: "
                   "nomor titik batas SK di kedua ujung garis tempat tanda batas sisipan. "
                   f"E/N pada proyeksi {plan.data.grid_label}.", new_x="LMARGIN",
                   new_y="NEXT")  # fmt: skip
    pdf.set_font(FONT, size=9.5)


def _item2(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 2)
    _note(pdf, plan, "access", "Uraian akses")
    if plan.access:
        pdf.para(f"Akses tercatat pada deskripsi {len(plan.access)} dari {len(plan.markers)} "
                 "tanda batas:")  # fmt: skip
        access_table(pdf, plan, title)
    elif not plan.notes.get("access"):
        _empty(pdf, "akses menuju lokasi tanda batas tidak tercatat (deskripsi tanda batas: "
               "akses, atau fieldapp plan note JOB access TEXT)")  # fmt: skip
    if plan.data.control:
        pdf.ln(1)
        pdf.para("Titik kontrol (BM, Titik Bantu) yang menjadi titik awal menuju lokasi:")
        control_table(pdf, plan, title)


def _item3(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 3)
    _note(pdf, plan, "neighbors", "Keterangan")
    if plan.neighbours:
        neighbours_table(pdf, plan, title)
    for holder, markers in plan.sharing().items():
        pdf.para(f"• Berbagi wilayah dengan pemegang izin komoditas lain {holder} (tercatat "
                 f"pada tanda batas {', '.join(markers)}).")  # fmt: skip
    if not (plan.neighbours or plan.sharing() or plan.notes.get("neighbors")):
        _empty(pdf, "job ini tidak memuat wilayah izin berbatasan; bila memang tidak ada, "
               "nyatakan dengan fieldapp plan note JOB neighbors TEXT")  # fmt: skip


def _item4(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    w = pdf.content_width
    h = min(w * 0.75, pdf.page_break_trigger - pdf.t_margin - 40)
    if pdf.room() - 30 >= MIN_MAP_H:  # smaller, rather than half a page left empty
        h = min(h, pdf.room() - 30)
    _section(pdf, plan, 4, h + 12)
    if plan.markers or plan.data.boundary:
        draw_thematic_map(pdf, plan, pdf.l_margin, pdf.get_y(), w, h)
        pdf.set_y(pdf.get_y() + h)
        draw_legend(pdf, plan)
    _note(pdf, plan, "land_rights", "Hak atas tanah")
    if plan.zones:
        head, widths, rows = (
            ("No", "Kegiatan", "Jenis", "Ukuran"),
            (8, 70, 52, 40),
            zones_rows(plan),
        )
        pdf.keep(rows_height(pdf, widths, [head, *rows[:2]]) + 2)
        simple_table(pdf, head, widths, rows, "Kegiatan tambang/timbunan")
    for r in plan.land:
        what = [t for t, on in (("kawasan hutan", r.needs.forest_area),
                                ("tanah hak/milik", r.needs.private_land)) if on]  # fmt: skip
        if r.needs.other_commodity_holder:
            what.append(f"izin komoditas lain: {r.needs.other_commodity_holder}")
        pdf.para(f"• Tanda batas {r.marker}: {', '.join(what)}")
    if not plan.land and not plan.notes.get("land_rights"):
        _empty(pdf, "job ini tidak memuat data hak atas tanah (bidang tanah bersertifikat, HGU, "
               "kawasan hutan, izin sektor lain) di sepanjang batas WIUP. Peta di atas hanya "
               "menggambarkan batas WIUP, rencana tanda batas, wilayah izin berbatasan dan "
               "kegiatan yang tercatat; hak atas tanah tidak digambarkan karena datanya tidak "
               "ada (fieldapp plan note JOB land-rights TEXT, atau per tanda batas: fieldapp "
               "marker situation JOB NAMA --forest-area/--private-land)")  # fmt: skip


def _item5(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 5)
    if not plan.data.equipment:
        _empty(pdf, "tidak ada peralatan tercatat (fieldapp equipment add)")
        return
    equipment_table(pdf, plan, title)
    n = sum(1 for e in plan.data.equipment if e.kind.value == "gnss_receiver")
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(0, 3.8, f"Kepmen 1825 K/30/MEM/2018 menyebut sekurang-kurangnya {MIN_GNSS} "
                   "unit receiver GNSS geodetik, GPS navigasi, teodolit atau ETS, dan perangkat "
                   f"lunak pengolahan; tercatat {n} entri receiver GNSS (satu entri dapat "
                   "memuat beberapa nomor seri).", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.set_font(FONT, size=9.5)


def _item6(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 6)
    if not plan.surveyors:
        _empty(pdf, "tidak ada juru ukur tercatat (fieldapp surveyor add)")
        return
    personnel_table(pdf, plan, title)


def _item7(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 7)
    if not plan.costs:
        _empty(pdf, "tidak ada butir biaya dalam job (fieldapp plan cost add JOB ...)")
        return
    cost_table(pdf, plan, title)
    pdf.para(f"Jumlah rencana biaya: {rupiah(plan.total_idr)} "
             f"({rupiah_words(plan.total_idr)}).")  # fmt: skip


def _item8(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    title = _section(pdf, plan, 8)
    if not plan.schedule:
        _empty(pdf, "tidak ada kegiatan terjadwal dalam job (fieldapp plan schedule add JOB ...)")
        return
    first = min(s.start_on for s in plan.schedule)
    last = max(s.end_on for s in plan.schedule)
    pdf.para(f"Pelaksanaan direncanakan mulai {tanggal_panjang(first)} sampai "
             f"{tanggal_panjang(last)} ({(last - first).days + 1} hari kalender).")  # fmt: skip
    schedule_table(pdf, plan, title)


def _closing(pdf: WorkPlanPDF, plan: WorkPlan, day: dt.date, place: str | None) -> None:
    p, s = plan.data.permit, plan.signatories
    text = ("Demikian rencana kerja ini disusun sebagai dasar pelaksanaan pemasangan tanda batas "
            "WIUP dan untuk dipergunakan sebagaimana mestinya.")  # fmt: skip
    holder = SignBox("Pemegang IUP", p.holder or "-", s.name or "", s.position or "")
    ktt = SignBox("Mengetahui,", f"Kepala Teknik Tambang {p.holder or ''}".strip(),
                  s.ktt_name or "", "Kepala Teknik Tambang")  # fmt: skip
    pdf.keep(pdf.text_height(pdf.content_width, 5, text) + 12 + pair_height(pdf, [holder, ktt]))
    pdf.ln(3)
    pdf.para(text)
    pdf.ln(1)
    where = place or p.regency or ""
    pdf.cell(0, 5, f"{where + ', ' if where else ''}{tanggal_panjang(day)}", align="R",
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    sign_row(pdf, [holder, ktt])


def _annex(pdf: WorkPlanPDF, plan: WorkPlan) -> None:
    """Why the document is a DRAF: every missing item, named."""
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, ANNEX_TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.para("Rencana kerja ini masih DRAF: butir di bawah ini belum diisi dalam job. Setelah "
             "dilengkapi, buat ulang rencana kerja (ID dokumen akan berubah).")  # fmt: skip
    for line in plan.gaps():
        pdf.para(f"• {line}")


def render_work_plan(
    plan: WorkPlan, paper: Paper = "a4", day: dt.date | None = None, place: str | None = None
) -> WorkPlanPDF:
    """The rencana kerja of ``plan``; a DRAF (watermark and annex) while any item is empty."""
    if not plan.data.boundary:
        raise ReportInputError(f"{plan.data.job_path}: the job has no WIUP boundary to plan on")
    day = day or dt.date.today()
    pdf = WorkPlanPDF(SHORT_TITLE, document_id(plan), plan.sha256, paper, [])
    local = dt.timezone(dt.timedelta(hours=plan.data.zone.offset_h), plan.data.zone.name)
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(), local))
    pdf.add_page()
    _head(pdf, plan, day)
    for part in (_item1, _item2, _item3, _item4, _item5, _item6, _item7, _item8):
        part(pdf, plan)
    _closing(pdf, plan, day, place)
    if not plan.final:
        _annex(pdf, plan)
        watermark_pages(pdf)
    return pdf
