"""Formulir Pengamatan GNSS Statik: one static session on a sheet to print, check and sign."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf.util import Padding

from fieldapp.reports.data import LocalZone, canonical_json, zone_for
from fieldapp.reports.flowtable import Cell, TableStyle, flow_table
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper, save_pdf
from fieldapp.reports.textfmt import num
from fieldapp.survey.models import ControlKind, PermitArea

if TYPE_CHECKING:
    from fieldapp.store.gnss_sessions import StaticSession

TITLE = "Formulir Pengamatan GNSS Statik"
# GPS time runs ahead of UTC by the leap seconds since 1980 (IERS Bulletin C): from each
# date on, GPS - UTC in seconds. None announced after 2017; a new one goes on top.
GPS_UTC_LEAP_S: tuple[tuple[dt.datetime, int], ...] = (
    (dt.datetime(2017, 1, 1), 18),
    (dt.datetime(2015, 7, 1), 17),
    (dt.datetime(2012, 7, 1), 16),
    (dt.datetime(2009, 1, 1), 15),
    (dt.datetime(2006, 1, 1), 14),
    (dt.datetime(1999, 1, 1), 13),
)
TOLERANCE_M = 0.005  # 697/1996: heights before and after agree (HEIGHT_TOLERANCE_M)
MAX_INTERVAL_S = 15.0
MIN_MASK_DEG = 15.0
KIND_ID = {ControlKind.BM: "BM", ControlKind.TITIK_BANTU: "Titik Bantu", ControlKind.JKHN: "JKHN"}
ROLE_ID = {
    "base": "Base (titik ikat yang diketahui koordinatnya)",
    "rover": "Rover (titik yang ditentukan)",
    "reference": "Referensi (stasiun JKHN / CORS)",
}
METHOD_ID = {"vertical": "vertikal", "slant": "miring (slant)"}
# The references `control session add --height-reference` offers.
REFERENCE_ID = {
    "ARP": "ARP (dasar dudukan antena)",
    "bottom-of-mount": "dasar dudukan antena",
    "notch": "takik (notch) antena",
    "phase-centre": "pusat fase antena",
}
RED = (190, 20, 20)
BOTTOM = 18.0  # page-break margin: the footer and no more, so one session fits a page


def _gpst(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return t.replace(tzinfo=None)


def _local(gpst: dt.datetime | None, zone: LocalZone) -> str:
    if gpst is None:
        return "-"
    leap = next((n for since, n in GPS_UTC_LEAP_S if gpst >= since), 13)
    utc = (gpst - dt.timedelta(seconds=leap)).replace(tzinfo=dt.UTC)
    t = zone.local(utc)
    return f"{t:%d-%m-%Y %H:%M:%S} {zone.name}"


def _gps_text(gpst: dt.datetime | None) -> str:
    return "-" if gpst is None else f"{gpst:%d-%m-%Y %H:%M:%S} GPST"


def _duration(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return "-"
    total = round(seconds)
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{h} jam {m:02d} menit {s:02d} detik"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{num(n / (1024 * 1024), 2)} MB"
    if n >= 1024:
        return f"{num(n / 1024, 1)} KB"
    return f"{n} byte"


def height_warning(difference_m: float) -> str | None:
    """The sheet's warning, when the two heights differ by more than the 5 mm tolerance
    (compared at 0.1 mm, as the session's ``heights_disagree``)."""
    if round(abs(difference_m), 4) <= TOLERANCE_M:
        return None
    mm = abs(difference_m) * 1000
    return (
        f"PERHATIAN: selisih tinggi antena sebelum dan sesudah pengamatan {num(mm, 1)} mm, "
        f"melebihi toleransi {num(TOLERANCE_M * 1000, 0)} mm. Periksa dudukan antena dan "
        "tribrach, catat penyebabnya di kolom catatan; data sesi ini perlu keputusan pengawas "
        "sebelum dipakai."
    )


class FieldSheetPDF(DocumentPDF):
    doc_id_label = "ID formulir"


def _kv_table(pdf: DocumentPDF, rows: list[tuple[str, str]]) -> None:
    """Label/value pairs two to a row: the sheet should fit one page."""
    style = TableStyle((21, 39, 19, 31), 4.0, 0.7, 8.5)
    pairs = [rows[i : i + 2] for i in range(0, len(rows), 2)]
    out: list[list[str | Cell]] = []
    for pair in pairs:
        row: list[str | Cell] = []
        for k, v in pair:
            row += [Cell(k), Cell(v)]
        out.append(row)
    flow_table(pdf, style, [], out)


def _section(pdf: DocumentPDF, text: str) -> None:
    if pdf.page_break_trigger - pdf.get_y() < 25:
        pdf.add_page()
    pdf.ln(1)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8.5)


def _vertical(s: StaticSession) -> str:
    try:
        return num(s.antenna_height_m)
    except ValueError:  # a slant height without the antenna radius: the session says so
        return "-"


def _heights(pdf: DocumentPDF, s: StaticSession) -> None:
    method = METHOD_ID.get(s.height_method, s.height_method)
    ref = REFERENCE_ID.get(s.height_reference or "", s.height_reference or "-")
    diff = s.height_difference_m
    style = TableStyle((40, 18, 24, 48, 30), 4.0, 0.7, 8.5, ("L", "R", "L", "L", "L"))
    head = [["Pengukuran", "Tinggi (m)", "Cara ukur", "Diukur ke", "Paraf / ukur ulang"]]
    rows: list[list[str | Cell]] = [
        ["Sebelum pengamatan", num(s.height_before_m), method, ref, ""],
        ["Sesudah pengamatan", num(s.height_after_m), method, ref, ""],
        ["Selisih (sesudah−sebelum)", num(diff, 3, signed=True),
         Cell(f"toleransi ± {num(TOLERANCE_M, 3)} m", colspan=3)],
        ["Tinggi vertikal dipakai", _vertical(s),
         Cell("rata-rata sebelum dan sesudah; dipakai pada pengolahan", colspan=3)],
    ]  # fmt: skip
    flow_table(pdf, style, head, rows)
    warning = height_warning(diff)
    pdf.ln(1.5)
    if warning is None:
        pdf.set_font(FONT, size=8.5)
        ok = f"Selisih tinggi antena dalam toleransi {num(TOLERANCE_M * 1000, 0)} mm."
        pdf.multi_cell(0, 4.5, ok, new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_draw_color(*RED)
    pdf.set_text_color(*RED)
    pdf.set_line_width(0.6)
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(
        0,
        4.6,
        warning,
        border=1,
        padding=Padding(1.5, 1.5, 1.5, 1.5),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_line_width(0.2)
    pdf.set_text_color(0)
    pdf.set_draw_color(0)


def _times(pdf: DocumentPDF, s: StaticSession, zone: LocalZone) -> None:
    start, end = _gpst(s.started), _gpst(s.ended)
    seconds = (end - start).total_seconds() if start and end else None
    interval_ok = s.interval_s is not None and s.interval_s <= MAX_INTERVAL_S + 1e-9
    mask_ok = s.elevation_mask_deg is not None and s.elevation_mask_deg >= MIN_MASK_DEG - 1e-9
    style = TableStyle((28, 40, 38, 44), 4.0, 0.7, 8.5)
    head = [["", f"Waktu setempat ({zone.name})", "Waktu GPS (GPST)", "Ketentuan 697/1996"]]

    def ok(flag: bool, given: object) -> str:
        return "-" if given is None else ("sesuai" if flag else "TIDAK SESUAI")

    interval = "-" if s.interval_s is None else f"{num(s.interval_s, 0)} detik"
    mask = "-" if s.elevation_mask_deg is None else f"{num(s.elevation_mask_deg, 0)}°"
    rows: list[list[str | Cell]] = [
        ["Mulai", _local(start, zone), _gps_text(start), ""],
        ["Selesai", _local(end, zone), _gps_text(end), ""],
        ["Lama pengamatan", Cell(_duration(seconds), colspan=2),
         "≥ 1 jam (< 20 km); ≥ 4 jam (≥ 20 km)"],
        ["Interval perekaman", Cell(interval, colspan=2),
         f"≤ 15 detik: {ok(interval_ok, s.interval_s)}"],
        ["Mask elevasi", Cell(mask, colspan=2), f"≥ 15°: {ok(mask_ok, s.elevation_mask_deg)}"],
        ["Jumlah epoch", Cell("-" if s.epochs is None else str(s.epochs), colspan=2), ""],
    ]  # fmt: skip
    flow_table(pdf, style, head, rows)


def _files(pdf: DocumentPDF, s: StaticSession) -> None:
    style = TableStyle((6, 62, 16, 18, 34), 4.0, 0.7, 8, ("R", "L", "L", "R", "L"))
    head = [["No", "Nama berkas (folder raw/)", "Jenis", "Ukuran", "SHA-256 (16 digit awal)"]]
    rows: list[list[str | Cell]] = [
        [str(i), Path(f.path).name, f.kind, _size(f.bytes), f.sha256[:16]]
        for i, f in enumerate(s.files, start=1)
    ]
    if not rows:
        rows = [["-", Cell("tidak ada berkas data mentah pada sesi ini", colspan=4)]]
    flow_table(pdf, style, head, rows)


def _hand_boxes(pdf: DocumentPDF, s: StaticSession) -> None:
    """Boxes the surveyor fills by hand in the field; the stored note prints in its box."""
    w = pdf.content_width
    rows = [
        [("Cuaca (cerah / berawan / hujan / petir)", ""),
         ("Obstruksi di atas 15° dan arahnya; gangguan sinyal", "")],
        [("Catatan", s.note or "")],
    ]  # fmt: skip
    h = 15.0
    for row in rows:
        if pdf.page_break_trigger - pdf.get_y() < h + 6:
            pdf.add_page()
        top = pdf.get_y()
        bw = (w - 3 * (len(row) - 1)) / len(row)
        for k, (label, text) in enumerate(row):
            x = pdf.l_margin + k * (bw + 3)
            pdf.set_font(FONT, "B", 7.5)
            pdf.set_xy(x, top)
            pdf.cell(bw, 4, label)
            pdf.set_draw_color(120)
            pdf.rect(x, top + 4, bw, h)
            pdf.set_draw_color(0)
            if text:
                pdf.set_font(FONT, size=8.5)
                pdf.set_xy(x + 1, top + 5)
                pdf.multi_cell(bw - 2, 4.0, text)
        pdf.set_xy(pdf.l_margin, top + 4 + h + 1.5)


def _signatures(pdf: DocumentPDF) -> None:
    need = 33.0  # the block's height, drawn whole on one page
    pdf.ln(1)
    if pdf.page_break_trigger - pdf.get_y() < need:
        pdf.add_page()
    pdf.set_auto_page_break(False)
    w = pdf.content_width / 2
    top = pdf.get_y()
    for k, (role, sub) in enumerate(
        (("Juru Ukur", "yang melakukan pengamatan"), ("Saksi / Pengawas", "yang menyaksikan"))
    ):
        x = pdf.l_margin + k * w
        pdf.set_xy(x, top)
        pdf.set_font(FONT, size=8.5)
        pdf.cell(w, 4.5, "Tanggal: ......................................", align="C",
                 new_x="LEFT", new_y="NEXT")  # fmt: skip
        pdf.set_font(FONT, "B", 9)
        pdf.cell(w, 4.5, role, align="C", new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, size=7.5)
        pdf.cell(w, 3.5, sub, align="C", new_x="LEFT", new_y="NEXT")
        line_y = pdf.get_y() + 16
        pdf.line(x + 12, line_y, x + w - 12, line_y)
        pdf.set_xy(x, line_y + 0.5)
        pdf.set_font(FONT, size=8)
        pdf.cell(w, 4, "nama jelas dan tanda tangan", align="C")
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.set_xy(pdf.l_margin, top + need)


def sheet_id(session: StaticSession) -> str:
    return f"GNSS-STATIK/SESI-{session.id}/{session.point}"


def render_field_sheet(
    session: StaticSession,
    permit: PermitArea,
    point_kind: ControlKind | None = None,
    paper: Paper = "a4",
    zone: LocalZone | None = None,
) -> DocumentPDF:
    """The sheet of one session; ``point_kind`` from the job's control data, if it has it."""
    zone = zone or zone_for(permit.province)
    digest = hashlib.sha256(canonical_json([permit, session]).encode("utf-8")).hexdigest()
    pdf = FieldSheetPDF(f"{TITLE} · sesi {session.id} · {session.point}", sheet_id(session),
                        digest, paper)  # fmt: skip
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8.5)
    pdf.set_font(FONT, size=8)
    basis = ("Pengikatan titik kontrol dengan GNSS statik (Kepdirjen 697.K/29/DDJP/1996; "
             "Kepmen ESDM 1825 K/30/MEM/2018)")  # fmt: skip
    pdf.cell(0, 4.5, basis, align="C", new_x="LMARGIN", new_y="NEXT")
    _section(pdf, "A. Pekerjaan")
    where = ", ".join(x for x in (permit.regency, permit.province) if x) or "-"
    _kv_table(pdf, [
        ("Pekerjaan", permit.name),
        ("Pemegang IUP", permit.holder or "-"),
        ("Kode WIUP / SK IUP", f"{permit.wiup_code or '-'} / {permit.sk_number or '-'}"),
        ("Lokasi", where),
        ("Nomor sesi", str(session.id)),
    ])  # fmt: skip
    _section(pdf, "B. Titik dan peralatan")
    given = point_kind or session.point_kind
    kind = KIND_ID[ControlKind(given)] if given else "belum ditentukan"
    _kv_table(pdf, [
        ("Nama titik", session.point),
        ("Jenis titik", kind),
        ("Peran dalam sesi", ROLE_ID.get(session.role, session.role)),
        ("Receiver (model)", session.receiver_model or "-"),
        ("Nomor seri receiver", session.receiver_serial or "-"),
        ("Antena (model)", session.antenna_model or "-"),
    ])  # fmt: skip
    _section(pdf, "C. Tinggi antena")
    _heights(pdf, session)
    _section(pdf, "D. Waktu dan pengaturan perekaman")
    _times(pdf, session, zone)
    _section(pdf, "E. Berkas data mentah")
    _files(pdf, session)
    _section(pdf, "F. Catatan lapangan (diisi tangan)")
    _hand_boxes(pdf, session)
    _signatures(pdf)
    return pdf


def write_field_sheet(
    session: StaticSession,
    permit: PermitArea,
    target: Path,
    point_kind: ControlKind | None = None,
    paper: Paper = "a4",
) -> Path:
    """Render the sheet and write it atomically to ``target``."""
    return save_pdf(render_field_sheet(session, permit, point_kind, paper), target)
