"""Berita Acara Pengukuran Titik Batas dan Pemasangan Tanda Batas (A4 or F4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.reports.background import DocumentBackground, document_background
from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF, SignBox, pair_height, sign_row
from fieldapp.reports.berita_acara_tables import (
    START_H,
    equipment_table,
    markers_table,
    method_table,
    surveyors_table,
    witness_table,
)
from fieldapp.reports.berita_acara_text import (
    LEGAL_BASIS,
    method_paragraphs,
    place_text,
)
from fieldapp.reports.data import MarkerReport, ReportData, ReportInputError
from fieldapp.reports.heights_text import height_note
from fieldapp.reports.location_map import TITLE as TITLE_MAP
from fieldapp.reports.location_map import draw_location_map, has_map, map_caption
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper
from fieldapp.reports.terbilang import kalimat_tanggal, terbilang
from fieldapp.reports.textfmt import WITNESS_ID, date_short, iso_date, num

TITLE = "BERITA ACARA PENGUKURAN TITIK BATAS DAN PEMASANGAN TANDA BATAS"
SHORT_TITLE = "Berita Acara Pengukuran Titik Batas dan Pemasangan Tanda Batas"
DATA_KEYWORD = "data-sha256:"  # PDF keywords: the SHA-256 of the data the document states
__all__ = ["LEGAL_BASIS", "BeritaAcaraOptions", "render_berita_acara", "signatories"]


@dataclass(frozen=True, slots=True)
class BeritaAcaraOptions:
    paper: Paper = "a4"
    number: str | None = None  # default: built from the WIUP code, date and data hash
    day: dt.date | None = None  # default: the day the last marker was installed
    place: str | None = None  # default: the village/district of the first marker
    holder_signatory: str | None = None  # the person signing for the permit holder
    holder_position: str | None = None  # their jabatan
    ktt_name: str | None = None  # Kepala Teknik Tambang, in the "Mengetahui" block


def document_number(data: ReportData, day: dt.date) -> str:
    code = data.permit.wiup_code or "WIUP"
    return f"BA-TB/{code}/{day:%Y%m%d}/{data.sha256[:6].upper()}"


@dataclass(frozen=True, slots=True)
class Signatory:
    role: str
    name: str
    institution: str
    position: str = ""  # jabatan


def signatories(
    data: ReportData, holder_signatory: str | None = None, holder_position: str | None = None
) -> list[Signatory]:
    """The parties who sign, each once: juru ukur, the permit holder, every witness."""
    people = [
        Signatory(
            "Juru Ukur",
            s.name,
            f"Sertifikat Kompetensi {s.certificate_no or '-'}",
            _surveyor_position(s.kpo_no),
        )
        for s in data.surveyors
    ]
    holder = data.permit.holder or "Pemegang IUP"
    people.append(Signatory("Pemegang IUP", holder_signatory or "", holder, holder_position or ""))
    seen: set[tuple[str, str]] = set()
    for m in data.markers:
        for w in m.installation.witnesses:
            if w.withdrawn is None and (w.name, w.institution) not in seen:
                seen.add((w.name, w.institution))
                unsur = WITNESS_ID[w.category]
                people.append(Signatory(f"Saksi ({unsur})", w.name, w.institution, unsur))
    return people


def _surveyor_position(kpo: str | None) -> str:
    if not kpo:
        return "Juru Ukur Tambang"
    return f"Juru Ukur Tambang, {kpo if kpo.upper().startswith('KPO') else 'KPO ' + kpo}"


def copies(people: list[Signatory]) -> int:
    """One original for each institution that signs (the permit holder keeps the first)."""
    return len({p.institution for p in people if not p.role.startswith("Juru")}) or 1


def _parties(pdf: BeritaAcaraPDF, people: list[Signatory]) -> None:
    """Right after "kami yang bertanda tangan di bawah ini": who, with their position."""
    pdf.set_font(FONT, size=9.5)
    for i, p in enumerate(people, start=1):
        pdf.keep(20)
        top = pdf.get_y()
        pdf.set_xy(pdf.l_margin + 4, top)
        pdf.cell(6, 4.8, f"{i}.")
        pdf.set_y(top)
        rows = [
            ("Nama", p.name or "(belum diisi)"),
            ("Jabatan", p.position or "(belum diisi)"),
            ("Sertifikat", p.institution.removeprefix("Sertifikat Kompetensi "))
            if p.role == "Juru Ukur"
            else ("Instansi", p.institution),
            ("Selaku", p.role),
        ]
        for key, value in rows:
            pdf.set_x(pdf.l_margin + 10)
            pdf.cell(20, 4.8, key)
            pdf.cell(3, 4.8, ":")
            pdf.multi_cell(0, 4.8, value, new_x="LMARGIN", new_y="NEXT")


def _sign_boxes(people: list[Signatory]) -> list[SignBox]:
    boxes = []
    for p in people:
        holder = p.role == "Pemegang IUP"
        boxes.append(
            SignBox(
                p.role,
                p.institution,
                p.name,
                p.position,
                meterai=holder,
            )
        )
    # The permit holder signs first (left), with the meterai and the company stamp.
    boxes.sort(key=lambda b: 0 if b.meterai else 1)
    return boxes


def _closing(
    pdf: BeritaAcaraPDF, data: ReportData, opts: BeritaAcaraOptions, day: dt.date,
    people: list[Signatory],
) -> None:  # fmt: skip
    n = copies(people)
    closing = (
        f"Demikian berita acara ini dibuat dengan sebenarnya dalam rangkap {n} "
        f"({terbilang(n)}), masing-masing mempunyai kekuatan hukum yang sama, untuk "
        "dipergunakan sebagaimana mestinya."
    )
    boxes = _sign_boxes(people)
    # The closing words, the place and date and the first signatures stay on one page:
    # signatures never stand alone on the last page.
    pdf.set_font(FONT, size=9.5)
    need = pdf.text_height(pdf.content_width, 5, closing) + 12 + pair_height(pdf, boxes[:2])
    pdf.keep(need)
    pdf.ln(2)
    pdf.para(closing)
    pdf.ln(1)
    where = opts.place or place_text(data).split(",")[0]
    pdf.cell(0, 5, f"{where}, {iso_date(day.isoformat())}", align="R", new_x="LMARGIN",
             new_y="NEXT")  # fmt: skip
    holder = data.permit.holder or "Pemegang IUP"
    ktt = SignBox("Mengetahui,", f"Kepala Teknik Tambang {holder}", opts.ktt_name or "",
                  "Kepala Teknik Tambang")  # fmt: skip
    for start in range(0, len(boxes), 2):
        pair = boxes[start : start + 2]
        if start + 2 >= len(boxes):
            # The KTT's block never stands alone: it goes over with the last signatures.
            pdf.keep(pair_height(pdf, pair) + pair_height(pdf, [ktt]) + 4)
        sign_row(pdf, pair)
    sign_row(pdf, [ktt], centred=True)


def decorate(pdf: DocumentPDF, data: ReportData, number: str) -> None:
    """Runs once every page is laid out: marks that go on every page (watermarks) go here."""
    del pdf, data, number


def new_document(
    data: ReportData,
    opts: BeritaAcaraOptions,
    short_title: str,
    number: str,
    day: dt.date,
    keywords: str,
) -> tuple[BeritaAcaraPDF, list[Signatory]]:
    """A berita acara's first page and its signing parties (a paraf box for each)."""
    people = signatories(data, opts.holder_signatory, opts.holder_position)
    paraf = [p.name.split(",")[0] or p.role for p in people]
    pdf = BeritaAcaraPDF(short_title, number, data.sha256, opts.paper, paraf)
    # Same data and options give the same bytes: the print log knows a document by its
    # SHA-256, so rebuilding a printed berita acara must not yield a second "original".
    local = dt.timezone(dt.timedelta(hours=data.zone.offset_h), data.zone.name)
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(), local))
    pdf.set_keywords(keywords)
    pdf.add_page()
    return pdf, people


def opening(
    pdf: BeritaAcaraPDF,
    data: ReportData,
    opts: BeritaAcaraOptions,
    day: dt.date,
    people: list[Signatory],
) -> None:
    """ "Pada hari ini …, bertempat di …" and the parties who sign."""
    pdf.para(
        f"Pada hari ini {kalimat_tanggal(day).removeprefix('hari ')} ({date_short(day)}), "
        f"bertempat di {opts.place or place_text(data)}, kami yang bertanda tangan di bawah ini:"
    )
    _parties(pdf, people)


def legal_basis(pdf: BeritaAcaraPDF, items: tuple[str, ...]) -> None:
    pdf.heading_with("I. Dasar Pelaksanaan", 20)
    for i, text in enumerate(items, start=1):
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(6, 5, f"{i}.")
        pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")


def render_berita_acara(data: ReportData, options: BeritaAcaraOptions | None = None) -> DocumentPDF:
    opts = options or BeritaAcaraOptions()
    if not data.markers:
        raise ReportInputError(
            f"{data.job_path}: no installed marker to put in the berita acara", path=data.job_path
        )
    day = opts.day or max(m.installed_at.date() for m in data.markers)
    # The one place the document number is obtained.
    number = opts.number or document_number(data, day)
    pdf, people = new_document(data, opts, SHORT_TITLE, number, day, f"{DATA_KEYWORD}{data.sha256}")
    _title(pdf, data, number)
    p = data.permit
    opening(pdf, data, opts, day, people)
    pdf.para(
        "telah melaksanakan pengukuran titik batas dan pemasangan tanda batas Wilayah Izin "
        f"Usaha Pertambangan (WIUP) atas nama {p.holder or '-'} sebagaimana diuraikan berikut."
    )
    legal_basis(pdf, LEGAL_BASIS)
    pdf.heading_with("II. Pemegang Izin dan Data Perizinan", 35)
    region = ", ".join(
        x for x in (p.regency and f"Kabupaten {p.regency}", p.province and f"Provinsi {p.province}")
        if x
    )  # fmt: skip
    pdf.key_values(
        [
            ("Pemegang IUP", p.holder or "-"),
            ("Nomor SK IUP", p.sk_number or "-"),
            ("Tanggal SK IUP", iso_date(p.sk_date)),
            ("Kode WIUP", p.wiup_code or "-"),
            ("Komoditas", p.commodity or "-"),
            ("Luas menurut SK", f"{num(p.sk_area_ha, 2)} ha" if p.sk_area_ha else "-"),
            ("Lokasi", region or "-"),
        ]
    )
    pdf.heading_with("III. Juru Ukur", 18)
    surveyors_table(pdf, data, "III. Juru Ukur")
    pdf.heading_with("IV. Peralatan", 18)
    equipment_table(pdf, data, "IV. Peralatan")
    pdf.heading_with("V. Metode Pengukuran", 30)
    for text in method_paragraphs(data):
        pdf.para(text)
        pdf.ln(1)
    method_table(pdf, data, "V. Metode Pengukuran")
    _method_legend(pdf)
    listed = f"VI. Daftar Tanda Batas Terpasang ({len(data.markers)} buah)"
    pdf.heading_with(listed, START_H)
    markers_table(pdf, data, listed)
    _markers_legend(pdf, data)
    with document_background(data) as background:
        if background is not None:
            _location_map(pdf, data, background)
            pdf.notes.extend(background.notes)
    witness_table(pdf, data, "VII. Saksi")
    _closing(pdf, data, opts, day, people)
    decorate(pdf, data, number)
    return pdf


def _title(pdf: BeritaAcaraPDF, data: ReportData, number: str) -> None:
    pdf.title_block(
        "BERITA ACARA",
        "PENGUKURAN TITIK BATAS DAN PEMASANGAN TANDA BATAS\n"
        f"WILAYAH IZIN USAHA PERTAMBANGAN {data.permit.wiup_code or ''}".rstrip(),
        number,
    )


def _legend(pdf: BeritaAcaraPDF, text: str) -> None:
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(0, 3.8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9.5)


def _location_map(pdf: BeritaAcaraPDF, data: ReportData, background: DocumentBackground) -> None:
    """Only where the job has a background: without one the berita acara is as it was."""
    w = pdf.content_width
    h = min(w * 0.8, pdf.page_break_trigger - pdf.t_margin - 30)
    if not has_map(data, background, w, h):
        return
    pdf.ln(2)
    pdf.heading_with(TITLE_MAP, h + 14)
    draw_location_map(pdf, data, background, pdf.l_margin, pdf.get_y(), w, h)
    pdf.set_y(pdf.get_y() + h + 1)
    _legend(pdf, map_caption(data, background.names))


def _method_legend(pdf: BeritaAcaraPDF) -> None:
    _legend(
        pdf,
        'σ tercapai: rata-rata sigma per epoch yang dilaporkan receiver; "terukur" bila setiap '
        'epoch membawa GST, "estimasi" bila diperkirakan dari DOP. Tinggi antena: tegak lurus '
        "dari tanda ke titik referensi antena, diukur sebelum dan sesudah pengamatan; selisih "
        "lebih dari 5 mm ditandai BEDA.",
    )


def _markers_legend(pdf: BeritaAcaraPDF, data: ReportData) -> None:
    _legend(
        pdf,
        "Koordinat adalah posisi tanda batas terpasang (hasil ukur). Jenis: Sudut = pada titik "
        "batas SK; Sisipan = pada garis batas; Referensi = Tanda Batas Referensi, dipasang di "
        "dekat titik yang tidak dapat dipasangi tanda batas. Δ desain = terpasang − desain "
        f"(jarak horizontal, ΔE dan ΔN pada proyeksi {data.zone_label}). Azimut geodetik diukur "
        "dari utara sebenarnya; jarak pada elipsoid GRS80 dan di permukaan tanah. Detik busur "
        "sampai 0,0001″ (± 3 mm). " + height_note(data.geoid_name),
    )


def marker_names(markers: tuple[MarkerReport, ...]) -> list[str]:
    return [m.name for m in markers]
