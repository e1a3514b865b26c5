"""Berita Acara Pengukuran Titik Batas dan Pemasangan Tanda Batas (A4 or F4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.reports.data import KIND_ID, MarkerReport, ReportData, ReportInputError
from fieldapp.reports.pdfbase import FONT, HEAD, DocumentPDF, Paper
from fieldapp.reports.terbilang import kalimat_tanggal
from fieldapp.reports.textfmt import WITNESS_ID, date_short, iso_date, lat_dms, lon_dms, num
from fieldapp.store.equipment import EquipmentKind

TITLE = "BERITA ACARA PENGUKURAN TITIK BATAS DAN PEMASANGAN TANDA BATAS"
LEGAL_BASIS = (
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1825 K/30/MEM/2018 tentang Pedoman "
    "Pemasangan Tanda Batas Wilayah Izin Usaha Pertambangan dan Wilayah Izin Usaha "
    "Pertambangan Khusus Operasi Produksi;",
    "Keputusan Direktur Jenderal Pertambangan Umum Nomor 697.K/29/DDJP/1996 tentang Tata Cara "
    "Pemasangan Tanda Batas dan Pengukuran Wilayah Kuasa Pertambangan;",
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1806 K/30/MEM/2018 tentang Pedoman "
    "Pelaksanaan Penyusunan, Evaluasi, Persetujuan Rencana Kerja dan Anggaran Biaya, serta "
    "Laporan pada Kegiatan Usaha Pertambangan Mineral dan Batubara;",
)
SHORT_TITLE = "Berita Acara Pengukuran Titik Batas dan Pemasangan Tanda Batas"
DATA_KEYWORD = "data-sha256:"  # PDF keywords: the SHA-256 of the data the document states
EQUIPMENT_ID = {
    EquipmentKind.GNSS_RECEIVER: "Receiver GNSS",
    EquipmentKind.TOTAL_STATION: "Total Station",
    EquipmentKind.OTHER: "Lainnya",
}


@dataclass(frozen=True, slots=True)
class BeritaAcaraOptions:
    paper: Paper = "a4"
    number: str | None = None  # default: built from the WIUP code, date and data hash
    day: dt.date | None = None  # default: the day the last marker was installed
    place: str | None = None  # default: the village/district of the first marker
    holder_signatory: str | None = None  # the person signing for the permit holder


def document_number(data: ReportData, day: dt.date) -> str:
    code = data.permit.wiup_code or "WIUP"
    return f"BA-TB/{code}/{day:%Y%m%d}/{data.sha256[:6].upper()}"


def _place(data: ReportData) -> str:
    for m in data.markers:
        d = m.installation.description
        if d is not None and d.desa:
            parts = [
                f"Desa {d.desa}",
                f"Kecamatan {d.kecamatan}" if d.kecamatan else None,
                f"Kabupaten {d.kabupaten}" if d.kabupaten else None,
                d.provinsi,
            ]
            return ", ".join(p for p in parts if p)
    return ", ".join(p for p in (data.permit.regency, data.permit.province) if p) or "lokasi WIUP"


def _method(data: ReportData) -> str:
    sources = {m.stake.source.value for m in data.markers}
    parts = []
    if "gnss" in sources:
        occ = next(
            (m.occupation for m in data.markers if m.occupation and m.occupation.result), None
        )
        gates = ""
        if occ is not None and occ.result is not None:
            p = occ.result.profile
            gates = (
                f" dengan perataan minimal {p.min_epochs} epoch selama {p.min_seconds:.0f} detik, "
                f"σ horizontal ≤ {num(p.max_sigma_h_m, 2)} m, σ vertikal ≤ "
                f"{num(p.max_sigma_v_m, 2)} m, PDOP ≤ {num(p.max_pdop, 0)}, mask elevasi 15°"
            )
        parts.append(f"pengukuran GNSS metode RTK (ambiguitas fixed){gates}")
    if "ts" in sources:
        parts.append("pengukuran Total Station dari Titik Bantu yang terikat ke BM")
    tol = max((m.stake.delta.tolerance_m for m in data.markers), default=0.1)
    return (
        "Posisi tanda batas ditentukan dengan " + " serta ".join(parts) + ". Koordinat dinyatakan "
        f"dalam datum SRGI2013 (geografis) dan proyeksi {data.grid.name} ({data.zone_label}); "
        "tinggi adalah tinggi elipsoid. Titik kontrol (BM) terikat ke Jaring Kontrol Horizontal "
        f"Nasional (JKHN). Toleransi penempatan terhadap koordinat desain ± {num(tol, 2)} m."
    )


def _markers_table(pdf: DocumentPDF, data: ReportData) -> None:
    pdf.set_font(FONT, size=7)
    zone = data.zone_label
    widths = (6, 11, 14, 26, 27, 19, 21, 12, 13, 17)
    align = ("C", "C", "L", "C", "C", "R", "R", "R", "R", "C")
    with pdf.table(
        col_widths=widths,
        text_align=align,
        headings_style=HEAD,
        line_height=3.6,
        width=pdf.content_width,
        repeat_headings=1,
        padding=0.8,
    ) as table:
        head = table.row()
        for text in (
            "No",
            "Nama",
            "Jenis",
            "Lintang (SRGI2013)",
            "Bujur (SRGI2013)",
            f"E (m) {zone}",
            f"N (m) {zone}",
            "h (m)",
            "Δ desain (m)",
            "Tgl. pasang",
        ):
            head.cell(text, align="C")
        for i, m in enumerate(data.markers, start=1):
            row = table.row()
            for text in (
                str(i),
                m.name,
                KIND_ID[m.marker.kind],
                lat_dms(m.lat),
                lon_dms(m.lon),
                num(m.e),
                num(m.n),
                num(m.h),
                num(m.stake.delta.horizontal_m),
                date_short(m.installed_at.date()),
            ):
                row.cell(text)
    pdf.set_font(FONT, size=9.5)


@dataclass(frozen=True, slots=True)
class Signatory:
    role: str
    name: str
    institution: str


def signatories(data: ReportData, holder_signatory: str | None = None) -> list[Signatory]:
    people = [
        Signatory("Juru Ukur", s.name, f"Sertifikat {s.certificate_no or '-'}")
        for s in data.surveyors
    ]
    holder = data.permit.holder or "Pemegang IUP"
    people.append(Signatory("Pemegang IUP", holder_signatory or "", holder))
    seen: set[tuple[str, str]] = set()
    for m in data.markers:
        for w in m.installation.witnesses:
            if w.withdrawn is None and (w.name, w.institution) not in seen:
                seen.add((w.name, w.institution))
                people.append(Signatory(f"Saksi ({WITNESS_ID[w.category]})", w.name, w.institution))
    return people


def _witness_rows(data: ReportData) -> list[tuple[str, str, str, str]]:
    rows: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for m in data.markers:
        for w in m.installation.witnesses:
            if w.withdrawn is None:
                _, names = rows.setdefault((w.name, w.institution), (WITNESS_ID[w.category], []))
                names.append(m.name)
    return [(n, i, c, ", ".join(ms)) for (n, i), (c, ms) in rows.items()]


def _signature_blocks(pdf: DocumentPDF, people: list[Signatory]) -> None:
    col = pdf.content_width / 2
    for start in range(0, len(people), 2):
        pair = people[start : start + 2]
        # A block never splits across pages: a signature must sit with its printed name.
        if pdf.get_y() + 40 > pdf.page_break_trigger:
            pdf.add_page()
        top = pdf.get_y() + 3
        for k, person in enumerate(pair):
            x = pdf.l_margin + k * col
            pdf.set_xy(x, top)
            pdf.set_font(FONT, "B", 9)
            pdf.multi_cell(col - 6, 4.5, person.role, align="C", new_x="LEFT", new_y="NEXT")
            pdf.set_font(FONT, size=8.5)
            pdf.multi_cell(col - 6, 4, person.institution, align="C", new_x="LEFT", new_y="NEXT")
            pdf.line(x + 10, top + 29, x + col - 16, top + 29)
            pdf.set_xy(x, top + 30)
            pdf.set_font(FONT, size=9)
            pdf.multi_cell(
                col - 6, 4.5, person.name or "(nama terang)", align="C", new_x="LEFT", new_y="NEXT"
            )
        pdf.set_xy(pdf.l_margin, top + 38)


def render_berita_acara(data: ReportData, options: BeritaAcaraOptions | None = None) -> DocumentPDF:
    opts = options or BeritaAcaraOptions()
    if not data.markers:
        raise ReportInputError(
            f"{data.job_path}: no installed marker to put in the berita acara", path=data.job_path
        )
    day = opts.day or max(m.installed_at.date() for m in data.markers)
    number = opts.number or document_number(data, day)
    pdf = DocumentPDF(SHORT_TITLE, f"BA-{data.sha256[:12]}", data.sha256, opts.paper)
    # Same data and options give the same bytes: the print log knows a document by its
    # SHA-256, so rebuilding a printed berita acara must not yield a second "original".
    local = dt.timezone(dt.timedelta(hours=data.zone.offset_h), data.zone.name)
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(), local))
    pdf.set_keywords(f"{DATA_KEYWORD}{data.sha256}")
    pdf.add_page()
    p = data.permit
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, "BERITA ACARA", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(
        0,
        5.5,
        "PENGUKURAN TITIK BATAS DAN PEMASANGAN TANDA BATAS\n"
        f"WILAYAH IZIN USAHA PERTAMBANGAN {p.wiup_code or ''}".rstrip(),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, size=10)
    pdf.cell(0, 6, f"Nomor: {number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.para(
        f"Pada hari ini {kalimat_tanggal(day).removeprefix('hari ')} ({date_short(day)}), "
        f"bertempat di {opts.place or _place(data)}, kami yang bertanda tangan di bawah ini "
        "telah melaksanakan pengukuran titik batas dan pemasangan tanda batas Wilayah Izin Usaha "
        f"Pertambangan (WIUP) atas nama {p.holder or '-'} sebagaimana diuraikan berikut."
    )
    pdf.heading("I. Dasar Pelaksanaan")
    for i, text in enumerate(LEGAL_BASIS, start=1):
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(6, 5, f"{i}.")
        pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.heading("II. Pemegang Izin dan Data Perizinan")
    pdf.key_values(
        [
            ("Pemegang IUP", p.holder or "-"),
            ("Nomor SK IUP", p.sk_number or "-"),
            ("Tanggal SK IUP", iso_date(p.sk_date)),
            ("Kode WIUP", p.wiup_code or "-"),
            ("Komoditas", p.commodity or "-"),
            ("Luas menurut SK", f"{num(p.sk_area_ha, 2)} ha" if p.sk_area_ha else "-"),
            ("Lokasi", ", ".join(x for x in (p.regency, p.province) if x) or "-"),
        ]
    )
    pdf.heading("III. Juru Ukur")
    _simple_table(
        pdf,
        ("No", "Nama", "No. Sertifikat Kompetensi", "No. KPO"),
        (8, 52, 55, 55),
        [
            (str(i), s.name, s.certificate_no or "-", s.kpo_no or "-")
            for i, s in enumerate(data.surveyors, start=1)
        ],
    )
    pdf.heading("IV. Peralatan")
    _simple_table(
        pdf,
        ("No", "Jenis", "Merek / Model", "Nomor Seri"),
        (8, 40, 72, 50),
        [
            (str(i), EQUIPMENT_ID[e.kind], e.model, e.serial)
            for i, e in enumerate(data.equipment, start=1)
        ]
        or [("-", "Peralatan belum dicatat dalam job", "-", "-")],
    )
    pdf.heading("V. Metode Pengukuran")
    pdf.para(_method(data))
    pdf.heading(f"VI. Daftar Tanda Batas Terpasang ({len(data.markers)} buah)")
    _markers_table(pdf, data)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(
        0,
        3.8,
        "Jenis: Sudut = pada titik batas SK; Sisipan = pada garis batas; "
        "Referensi = Tanda Batas Referensi. Δ desain = jarak horizontal posisi "
        "terpasang ke koordinat desain.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.heading("VII. Saksi")
    _simple_table(
        pdf,
        ("No", "Nama", "Instansi", "Unsur", "Tanda batas"),
        (8, 40, 52, 38, 32),
        [(str(i), *r) for i, r in enumerate(_witness_rows(data), start=1)]
        or [("-", "Tidak ada saksi tercatat", "-", "-", "-")],
    )
    pdf.ln(2)
    pdf.para(
        "Demikian berita acara ini dibuat dengan sebenarnya dalam rangkap secukupnya "
        "untuk dipergunakan sebagaimana mestinya."
    )
    pdf.ln(1)
    pdf.set_font(FONT, size=9.5)
    pdf.cell(
        0,
        5,
        f"{opts.place or _place(data).split(',')[0]}, {iso_date(day.isoformat())}",
        align="R",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _signature_blocks(pdf, signatories(data, opts.holder_signatory))
    return pdf


def _simple_table(
    pdf: DocumentPDF, head: tuple[str, ...], widths: tuple[float, ...], rows: list[tuple[str, ...]]
) -> None:
    pdf.set_font(FONT, size=8.5)
    with pdf.table(
        col_widths=widths,
        headings_style=HEAD,
        line_height=4.4,
        padding=1,
        width=pdf.content_width,
        text_align="LEFT",
    ) as table:
        for values in (head, *rows):
            row = table.row()
            for v in values:
                row.cell(v)
    pdf.set_font(FONT, size=9.5)


def marker_names(markers: tuple[MarkerReport, ...]) -> list[str]:
    return [m.name for m in markers]
