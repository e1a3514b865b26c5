"""Laporan Pemeliharaan Tanda Batas of one six-month period, laid out as the berita acara is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF, SignBox, pair_height, sign_row
from fieldapp.reports.berita_acara_tables import START_H
from fieldapp.reports.draft import ANNEX_TITLE, RED, watermark_pages
from fieldapp.reports.maintenance_data import MaintenanceData
from fieldapp.reports.maintenance_photos import photo_pages
from fieldapp.reports.maintenance_tables import (
    action_table,
    inspections_table,
    not_visited_table,
    surveyors_table,
)
from fieldapp.reports.maintenance_text import BASIS, summary_rows
from fieldapp.reports.pdfbase import FONT, Paper
from fieldapp.reports.terbilang import kalimat_tanggal
from fieldapp.reports.textfmt import date_id, date_short, iso_date
from fieldapp.store.signatory import HolderSignatories

TITLE = "LAPORAN PEMELIHARAAN TANDA BATAS"
SHORT_TITLE = "Laporan Pemeliharaan Tanda Batas"
DATA_KEYWORD = "data-sha256:"


@dataclass(frozen=True, slots=True)
class MaintenanceOptions:
    paper: Paper = "a4"
    day: dt.date | None = None  # the date of the report (default: the period's end or today)
    place: str | None = None  # where it is signed (default: the regency of the permit)
    # The permit holder's signatory and position, and the KTT.
    signing: HolderSignatories = field(default_factory=HolderSignatories)
    refusals: tuple[str, ...] = ()  # signatories whose KPO card does not let them sign


def document_number(data: MaintenanceData) -> str:
    return f"LP-TB/{data.permit.wiup_code or 'WIUP'}/{data.period.code}/{data.sha256[:6].upper()}"


def draft_reasons(data: MaintenanceData, opts: MaintenanceOptions) -> list[str]:
    """Why the report may not be signed as final (empty: it may), in Indonesian."""
    out = []
    missing = data.not_visited
    if missing:
        names = ", ".join(m.name for m in missing)
        out.append(
            f"{len(missing)} dari {len(data.markers)} tanda batas tidak dikunjungi dalam periode "
            f"{data.period.code}: {names}"
        )
    anonymous = [m.name for m in data.visited if m.inspection and not m.inspection.surveyor]
    if anonymous:
        # A visit the report claims must say who made it: that juru ukur signs the report.
        out.append(f"pemeriksaan tanpa juru ukur tercatat: {', '.join(anonymous)}")
    out.extend(opts.refusals)
    out.extend(f"belum diisi: {item}" for item in opts.signing.missing)
    return out


def _signers(data: MaintenanceData, opts: MaintenanceOptions) -> list[SignBox]:
    holder = data.permit.holder or "Pemegang IUP"
    boxes = [SignBox("Pemegang IUP", holder, opts.signing.name or "",
                     opts.signing.position or "", meterai=True)]  # fmt: skip
    for s in data.surveyors:
        boxes.append(
            SignBox("Juru Ukur", f"Sertifikat Kompetensi {s.certificate_no or '-'}", s.name,
                    f"Juru Ukur Tambang, KPO {s.kpo_no}" if s.kpo_no else "Juru Ukur Tambang")
        )  # fmt: skip
    return boxes


def _title(pdf: BeritaAcaraPDF, data: MaintenanceData, number: str) -> None:
    pdf.title_block(
        TITLE,
        f"WILAYAH IZIN USAHA PERTAMBANGAN {data.permit.wiup_code or ''}".rstrip()
        + f"\nPERIODE {data.period.label.upper()}",
        number,
    )


def _flag(pdf: BeritaAcaraPDF, text: str) -> None:
    """A line in red, bold: what a reader must not miss (markers not visited)."""
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_text_color(*RED)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, size=9.5)


def _place(data: MaintenanceData, opts: MaintenanceOptions) -> str:
    p = data.permit
    return opts.place or (p.regency and f"Kabupaten {p.regency}") or "lokasi WIUP"


def _closing(pdf: BeritaAcaraPDF, data: MaintenanceData, opts: MaintenanceOptions,
             day: dt.date) -> None:  # fmt: skip
    closing = (
        "Demikian laporan pemeliharaan tanda batas ini dibuat dengan sebenarnya untuk "
        "disampaikan kepada Direktur Jenderal Mineral dan Batubara dan dipergunakan "
        "sebagaimana mestinya."
    )
    boxes = _signers(data, opts)
    holder = data.permit.holder or "Pemegang IUP"
    ktt = SignBox("Mengetahui,", f"Kepala Teknik Tambang {holder}", opts.signing.ktt_name or "",
                  "Kepala Teknik Tambang")  # fmt: skip
    pdf.set_font(FONT, size=9.5)
    # The closing words, the place and date and the first signatures stay on one page (with
    # the KTT's block too when only one row of signatures comes before it).
    first = pair_height(pdf, boxes[:2]) + (pair_height(pdf, [ktt]) + 4 if len(boxes) <= 2 else 0)
    pdf.keep(pdf.text_height(pdf.content_width, 5, closing) + 12 + first)
    pdf.ln(2)
    pdf.para(closing)
    pdf.ln(1)
    pdf.cell(0, 5, f"{_place(data, opts).split(',')[0]}, {date_id(day)}", align="R",
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    for start in range(0, len(boxes), 2):
        pair = boxes[start : start + 2]
        if start + 2 >= len(boxes):
            # The KTT's block never stands alone: it goes over with the last signatures.
            pdf.keep(pair_height(pdf, pair) + pair_height(pdf, [ktt]) + 4)
        sign_row(pdf, pair)
    sign_row(pdf, [ktt], centred=True)


def _annex(pdf: BeritaAcaraPDF, data: MaintenanceData, reasons: Sequence[str]) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, ANNEX_TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        "Laporan pemeliharaan ini masih DRAF dan belum dapat ditandatangani sebagai laporan "
        f"final untuk periode {data.period.code}. Laporan dibuat ulang setelah kekurangan di "
        "bawah ini dipenuhi (Nomor akan berubah):"
    )
    for reason in reasons:
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(0, 5, f"• {reason}", new_x="LMARGIN", new_y="NEXT")


def render_maintenance(
    data: MaintenanceData,
    options: MaintenanceOptions | None = None,
    check: Callable[[], None] | None = None,
    processes: int | None = None,
) -> tuple[BeritaAcaraPDF, list[str]]:
    """The laporan and the reasons it is a DRAF (empty: final)."""
    opts = options or MaintenanceOptions()
    day = opts.day or data.as_of
    number = document_number(data)
    reasons = draft_reasons(data, opts)
    boxes = _signers(data, opts)
    paraf = [b.name.split(",")[0] or b.role for b in boxes] + [opts.signing.ktt_name or "KTT"]
    pdf = BeritaAcaraPDF(SHORT_TITLE, number, data.sha256, opts.paper, paraf)
    local = dt.timezone(dt.timedelta(hours=data.zone.offset_h), data.zone.name)
    pdf.set_creation_date(dt.datetime.combine(day, dt.time(), local))
    pdf.set_keywords(f"{DATA_KEYWORD}{data.sha256} period:{data.period.code}"
                     f" status:{'draf' if reasons else 'final'}")  # fmt: skip
    pdf.add_page()
    _title(pdf, data, number)
    p = data.permit
    state = (
        f" (periode masih berjalan: keadaan sampai {date_id(data.as_of)})"
        if data.in_progress
        else ""
    )
    pdf.para(
        f"Pada hari ini {kalimat_tanggal(day).removeprefix('hari ')} ({date_short(day)}), kami "
        "yang bertanda tangan di bawah ini melaporkan hasil pemeliharaan tanda batas Wilayah "
        f"Izin Usaha Pertambangan (WIUP) {p.wiup_code or ''} atas nama {p.holder or '-'} untuk "
        f"periode {data.period.label}{state}, sebagaimana diuraikan berikut."
    )
    pdf.heading_with("I. Dasar Pelaksanaan", 20)
    for k, text in enumerate(BASIS, start=1):
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(6, 5, f"{k}.")
        pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.heading_with("II. Pemegang Izin dan Periode Laporan", 35)
    region = ", ".join(x for x in (p.regency and f"Kabupaten {p.regency}",
                                   p.province and f"Provinsi {p.province}") if x)  # fmt: skip
    pdf.key_values(
        [
            ("Pemegang IUP", p.holder or "-"),
            ("Nomor SK IUP", p.sk_number or "-"),
            ("Tanggal SK IUP", iso_date(p.sk_date)),
            ("Kode WIUP", p.wiup_code or "-"),
            ("Komoditas", p.commodity or "-"),
            ("Lokasi", region or "-"),
            ("Periode laporan", data.period.label),
        ]
    )
    pdf.heading_with("III. Ringkasan", 50)
    pdf.key_values(summary_rows(data), key_width=62)
    if data.not_visited:
        _flag(pdf, f"PERHATIAN: {len(data.not_visited)} tanda batas TIDAK DIKUNJUNGI dalam "
                   f"periode ini: {', '.join(m.name for m in data.not_visited)}.")  # fmt: skip
    if data.later:
        pdf.para(f"Tanda batas yang dipasang setelah periode ini berakhir tidak termasuk dalam "
                 f"laporan ini: {', '.join(data.later)}.", size=8.5)  # fmt: skip
    listed = f"IV. Hasil Pemeriksaan Tanda Batas ({len(data.markers)} buah)"
    # The heading goes over with the table's tall header and its first row.
    pdf.heading_with(listed, START_H + 30)
    inspections_table(pdf, data, listed)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(
        0, 3.8,
        "Pemeriksaan terakhir setiap tanda batas dalam periode. Δ ukuran kontrol = posisi "
        "terukur saat pemeriksaan − posisi terpasang (jarak horizontal, ΔN dan ΔE pada proyeksi "
        f"{data.zone_label}); LULUS bila jarak horizontal tidak melebihi toleransi.",
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    title = f"V. Tanda Batas Tidak Dikunjungi ({len(data.not_visited)} buah)"
    pdf.heading_with(title, 20)
    if data.not_visited:
        _flag(pdf, "Tanda batas berikut tidak dikunjungi dalam periode ini; laporan tetap DRAF "
                   "sampai tanda batas tersebut diperiksa.")  # fmt: skip
        not_visited_table(pdf, data, title)
    else:
        pdf.para("Semua tanda batas diperiksa dalam periode ini.")
    title = f"VI. Tanda Batas yang Memerlukan Tindakan ({len(data.needing_action)} buah)"
    pdf.heading_with(title, 20)
    if data.needing_action:
        pdf.para("Tanda batas yang ditemukan rusak, tercabut, hilang atau bergeser (atau yang "
                 "ukuran kontrolnya tidak lulus) dan tindakan yang diperlukan:")  # fmt: skip
        action_table(pdf, data, title)
    else:
        pdf.para("Tidak ada tanda batas yang ditemukan rusak, tercabut, hilang atau bergeser.")
    pdf.heading_with("VII. Juru Ukur Pemeriksa", 18)
    surveyors_table(pdf, data, "VII. Juru Ukur Pemeriksa")
    _closing(pdf, data, opts, day)
    photo_pages(pdf, data, check, processes)
    if reasons:
        _annex(pdf, data, reasons)
        watermark_pages(pdf)
    return pdf, reasons
