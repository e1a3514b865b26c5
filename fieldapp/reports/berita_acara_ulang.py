"""Berita Acara Pemasangan Ulang Tanda Batas: one reinstalled marker, old and new position."""

from __future__ import annotations

from fieldapp.reports.berita_acara import (
    BeritaAcaraOptions,
    _closing,
    legal_basis,
    new_document,
    opening,
)
from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.berita_acara_tables import (
    equipment_table,
    method_table,
    rows_height,
    simple_table,
    surveyors_table,
    witness_table,
)
from fieldapp.reports.berita_acara_text import LEGAL_BASIS, method_paragraphs
from fieldapp.reports.data import KIND_ID
from fieldapp.reports.heights_text import height_note
from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.reinstall_data import ReinstallationData, ReinstallationIdentity
from fieldapp.reports.textfmt import (
    DIRECTION_ID,
    date_id,
    date_short,
    iso_date,
    lat_dms,
    lon_dms,
    num,
)

TITLE = "BERITA ACARA PEMASANGAN ULANG TANDA BATAS"
SHORT_TITLE = "Berita Acara Pemasangan Ulang Tanda Batas"
# Kepmen 1825 K/30/MEM/2018, Pasca Penetapan: the permit holder keeps the markers for the life
# of the IUP and reinstalls a damaged, pulled-out or lost one.
REINSTALL_BASIS = (
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1825 K/30/MEM/2018, bagian Pasca "
    "Penetapan, yang mewajibkan pemegang izin memelihara tanda batas selama umur IUP dan "
    "memasang kembali tanda batas yang rusak, tercabut atau hilang;"
)
CONDITION_ID = {
    "baik": "baik",
    "rusak": "rusak",
    "tercabut": "tercabut",
    "hilang": "hilang",
    "bergeser": "bergeser",
}
DMS = 4


def render_berita_acara_ulang(
    rd: ReinstallationData, identity: ReinstallationIdentity, opts: BeritaAcaraOptions
) -> BeritaAcaraPDF:
    data, new, old, r = rd.data, rd.new, rd.old, rd.reinstallation
    day = identity.identity.day
    number = identity.nomor
    pdf, people = new_document(data, opts, SHORT_TITLE, number, day, identity.keywords())
    _title(pdf, rd, number)
    p = data.permit
    opening(pdf, data, opts, day, people)
    pdf.para(
        f"telah melaksanakan pemasangan ulang Tanda Batas {new.name} Wilayah Izin Usaha "
        f"Pertambangan (WIUP) atas nama {p.holder or '-'}, karena {r.reason.rstrip('.')}, "
        "sebagaimana diuraikan berikut. Catatan pemasangan semula tidak diubah; berita acara "
        "pemasangan semula tetap berlaku untuk riwayat tanda batas ini."
    )
    legal_basis(pdf, (*LEGAL_BASIS[:2], REINSTALL_BASIS, LEGAL_BASIS[2]))
    pdf.heading_with("II. Pemegang Izin dan Tanda Batas yang Dipasang Ulang", 45)
    pdf.key_values(
        [
            ("Pemegang IUP", p.holder or "-"),
            ("Nomor SK IUP", p.sk_number or "-"),
            ("Kode WIUP", p.wiup_code or "-"),
            ("Tanda batas", f"{new.name} ({KIND_ID[new.marker.kind]})"),
            ("Alasan pemasangan ulang", r.reason),
            ("Temuan pemeliharaan", _inspection_text(rd)),
            ("Pemasangan semula", f"{date_id(old.installed_at.date())} (posisi lama di bawah)"),
            ("Pemasangan ulang dibuka", _opened_text(rd)),
        ],
        key_width=52,
    )
    pdf.heading_with("III. Juru Ukur dan Peralatan", 30)
    surveyors_table(pdf, data, "III. Juru Ukur")
    pdf.ln(2)
    equipment_table(pdf, data, "III. Peralatan")
    pdf.heading_with("IV. Metode Pengukuran Pemasangan Ulang", 30)
    for text in method_paragraphs(data):
        pdf.para(text)
        pdf.ln(1)
    method_table(pdf, data, "IV. Metode Pengukuran")
    _positions(pdf, rd)
    _photos(pdf, rd)
    witness_table(pdf, data, "VII. Saksi Pemasangan Ulang", "VII. Saksi")
    _closing(pdf, data, opts, day, people)
    return pdf


def _title(pdf: BeritaAcaraPDF, rd: ReinstallationData, number: str) -> None:
    pdf.title_block(
        "BERITA ACARA",
        f"PEMASANGAN ULANG TANDA BATAS {rd.new.name}\n"
        f"WILAYAH IZIN USAHA PERTAMBANGAN {rd.data.permit.wiup_code or ''}".rstrip(),
        number,
    )


def _inspection_text(rd: ReinstallationData) -> str:
    if rd.inspected is None:
        return "-"
    day, condition = rd.inspected
    return f"pemeriksaan {iso_date(day)}: kondisi {CONDITION_ID.get(condition, condition)}"


def _opened_text(rd: ReinstallationData) -> str:
    # Only what never changes: closing it later must not change what a built document says.
    return iso_date(rd.reinstallation.opened_at[:10])


def _signed(value: float | None, unit: str = " m") -> str:
    return "-" if value is None else f"{num(value, signed=True)}{unit}"


def _positions(pdf: BeritaAcaraPDF, rd: ReinstallationData) -> None:
    """Old and new as-built position, and the shift between them: the core of the document."""
    zone = rd.data.zone_label
    old, new, s = rd.old, rd.new, rd.shift
    h_old = rd.data.heights_at(old.lat, old.lon, old.h)
    h_new = rd.data.heights_at(new.lat, new.lon, new.h)
    big_old = None if h_old is None else h_old.orthometric
    big_new = None if h_new is None else h_new.orthometric
    dbig = None if big_old is None or big_new is None else big_new - big_old
    head = (
        "Besaran",
        f"Posisi lama\n(pemasangan semula,\n{date_short(old.installed_at.date())})",
        f"Posisi baru\n(pemasangan ulang,\n{date_short(new.installed_at.date())})",
        "Pergeseran\n(baru − lama)",
    )
    widths = (38, 46, 46, 40)
    rows: list[tuple[str, ...]] = [
        ("Lintang (SRGI2013)", lat_dms(old.lat, DMS), lat_dms(new.lat, DMS), "-"),
        ("Bujur (SRGI2013)", lon_dms(old.lon, DMS), lon_dms(new.lon, DMS), "-"),
        (f"E (m), {zone}", num(old.e), num(new.e), f"ΔE {_signed(s.de_m)}"),
        (f"N (m), {zone}", num(old.n), num(new.n), f"ΔN {_signed(s.dn_m)}"),
        ("Jarak horizontal", "", "", f"{num(s.horizontal_m)} m"),
        ("h elipsoid (m)", num(old.h), num(new.h), f"Δh {_signed(s.dh_m)}"),
        ("H ortometrik (m)", num(big_old), num(big_new), f"ΔH {_signed(dbig)}"),
        ("Δ desain (m)", num(old.stake.delta.horizontal_m), num(new.stake.delta.horizontal_m),
         f"toleransi {num(new.stake.delta.tolerance_m)} m"),
    ]  # fmt: skip
    title = "V. Posisi Lama, Posisi Baru dan Pergeseran"
    pdf.heading_with(title, rows_height(pdf, widths, [head, *rows]) + 20)
    simple_table(pdf, head, widths, rows, title)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(
        0,
        3.8,
        "Posisi lama: posisi terpasang menurut catatan pemasangan semula (tidak diubah). Posisi "
        "baru: posisi terpasang hasil ukur pemasangan ulang, yang sejak pemasangan ulang ditutup "
        "menjadi posisi tanda batas. Keduanya dipasang terhadap koordinat desain (titik batas SK) "
        f"yang sama; Δ desain = terpasang − desain; ΔE dan ΔN pada proyeksi {zone}. "
        + height_note(rd.data.geoid_name),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, size=9.5)


def _photos(pdf: BeritaAcaraPDF, rd: ReinstallationData) -> None:
    photos = [ph for ph in rd.new.installation.photos if ph.withdrawn is None]
    head = ("No", "Arah", "Berkas", "SHA-256 (16 digit awal)")
    widths = (9, 30, 80, 51)
    rows: list[tuple[str, ...]] = [
        (str(i), DIRECTION_ID.get(ph.direction.value, ph.direction.value), ph.file_name,
         ph.sha256[:16])
        for i, ph in enumerate(photos, start=1)
    ] or [("-", "Belum ada foto", "-", "-")]  # fmt: skip
    pdf.heading_with(
        "VI. Dokumentasi Foto Pemasangan Ulang", rows_height(pdf, widths, [head, *rows[:3]])
    )
    simple_table(pdf, head, widths, rows, "VI. Foto")
