"""Deskripsi Tanda Batas: one sheet per marker with coordinates, site, sketch and photos."""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path

from fieldapp.reports.background import DocumentBackground, document_background
from fieldapp.reports.data import KIND_ID, MarkerReport, ReportData, ReportInputError
from fieldapp.reports.layout import flow_lines, measure_of
from fieldapp.reports.marker_facts import (
    STATUS_ID,
    achieved_sigma,
    convergence_deg,
    instrument_text,
    method_text,
    orthometric_text,
    reference_facts,
)
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper
from fieldapp.reports.photo_pool import photo_executor
from fieldapp.reports.photos import PhotoFile, PhotoProcessor, PreparedPhoto, prepare_file
from fieldapp.reports.sketch import draw_sketch
from fieldapp.reports.textfmt import DIRECTION_ID, date_id, lat_dms, lon_dms, num
from fieldapp.survey.installation import PhotoDirection, PhotoRecord

TITLE = "Deskripsi Tanda Batas"
Progress = Callable[[str], None]
PREFETCH_MARKERS = 3
Made = tuple[bytes, int, int, Path | None]  # a prepared photo's JPEG, width, height, copy
KEY_W = 40
KV_LINE_H = 4.1
MIN_PHOTO_H = 15.0  # mm: photos lower than this (a long description) go to a new page
PHOTO_CONVENTION = (
    "Konvensi foto: kamera di samping tanda batas menghadap ke arah yang disebut "
    "(Utara = ke arah utara); Detail = tampak dekat tanda batas."
)


def stamp_lines(data: ReportData, m: MarkerReport, direction: str, when: str) -> list[str]:
    return [
        f"Tanda Batas {m.name} · {data.permit.wiup_code or data.permit.name}",
        f"{lat_dms(m.lat, 5)}  {lon_dms(m.lon, 5)}",
        f"E {num(m.e)}  N {num(m.n)} ({data.zone_label})",
        f"{when} · foto ke arah {DIRECTION_ID.get(direction, direction).lower()}",
    ]


def _photo_time(data: ReportData, m: MarkerReport, exif_time: str | None, imported: str) -> str:
    if exif_time:
        return exif_time.replace("T", " ") + " (kamera)"
    from datetime import datetime

    return data.zone.local(datetime.fromisoformat(imported)).strftime("%Y-%m-%d %H:%M ") + (
        data.zone.name
    )


def _kv(
    pdf: DocumentPDF,
    x: float,
    w: float,
    rows: list[tuple[str, str | None]],
    key_w: float,
    size: float = 8,
) -> None:
    """Label and value lines; a value of any length wraps, onto further pages if it must."""
    m = measure_of(pdf)
    pdf.set_font(FONT, size=size)
    for key, value in rows:
        if pdf.get_y() + KV_LINE_H > pdf.page_break_trigger:
            pdf.add_page()  # the label goes with the first line of its value
        pdf.set_text_color(70)
        m.draw(x + pdf.c_margin, pdf.get_y(), key_w, KV_LINE_H, (key,))
        pdf.set_text_color(0)
        flow_lines(pdf, x + key_w, w - key_w, KV_LINE_H, value or "-")
        pdf.set_x(x)


def _section(pdf: DocumentPDF, text: str, x: float | None = None) -> None:
    pdf.set_x(pdf.l_margin if x is None else x)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(0, 5.2, text, new_x="LEFT", new_y="NEXT")


def _heading(pdf: DocumentPDF, data: ReportData, m: MarkerReport) -> None:
    p = data.permit
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 6.5, "DESKRIPSI TANDA BATAS", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8.5)
    pdf.cell(
        0,
        4.5,
        f"WIUP {p.wiup_code or '-'} · {p.holder or p.name} · SK {p.sk_number or '-'}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, "B", 15)
    pdf.cell(0, 8, f"Tanda Batas {m.name}", align="C", new_x="LMARGIN", new_y="NEXT")


def _identity_rows(data: ReportData, m: MarkerReport) -> list[tuple[str, str | None]]:
    edge = f" (garis batas {m.marker.edge[0]}–{m.marker.edge[1]})" if m.marker.edge else ""
    return [
        ("Jenis", KIND_ID[m.marker.kind] + edge),
        ("Status", STATUS_ID[m.installation.status.value].capitalize()),
        (
            "Tanggal pemasangan",
            f"{date_id(m.installed_at.date())} {m.installed_at:%H:%M} {data.zone.name}",
        ),
    ]


def _coordinate_rows(data: ReportData, m: MarkerReport) -> list[tuple[str, str | None]]:
    conv = convergence_deg(data, m.lat, m.lon, m.h)
    return [
        ("Lintang", lat_dms(m.lat, 5)),
        ("Bujur", lon_dms(m.lon, 5)),
        ("Proyeksi / zona", data.grid.name.replace(" zone ", " zona ")),
        ("E", f"{num(m.e)} m"),
        ("N", f"{num(m.n)} m"),
        ("Konvergensi grid", f"{num(conv * 3600, 1, signed=True)}″ (utara grid terhadap utara)"),
        ("Tinggi elipsoid (h)", f"{num(m.h)} m" if m.h is not None else None),
        ("Tinggi ortometrik (H)", orthometric_text(m.heights)),
        ("Geoid (H = h − N)", data.geoid_name),
        (
            "Δ terhadap desain",
            f"{num(m.stake.delta.horizontal_m)} m "
            f"(toleransi {num(m.stake.delta.tolerance_m, 2)} m)",
        ),
    ]


def _method_rows(data: ReportData, m: MarkerReport) -> list[tuple[str, str | None]]:
    sigma = achieved_sigma(m)
    achieved = (
        f"σH {num(sigma.h_m)} m, σV {num(sigma.v_m)} m (sebaran epoch yang dipakai)"
        if sigma.h_m is not None
        else None
    )
    return [
        ("Metode", method_text(m)),
        ("Ketelitian tercapai", achieved),
        ("Alat", instrument_text(m)),
    ]


def missing_items(m: MarkerReport, photos: dict[PhotoDirection, PreparedPhoto]) -> list[str]:
    """What keeps the sheet a DRAF: absent photos, empty fields, a stake outside tolerance."""
    out = []
    d = m.installation.description
    fields = {
        "desa": "desa/kelurahan", "kecamatan": "kecamatan", "kabupaten": "kabupaten/kota",
        "provinsi": "provinsi", "access": "akses", "condition": "kondisi",
    }  # fmt: skip
    empty = [label for key, label in fields.items() if d is None or not getattr(d, key)]
    if empty:
        out.append("isian kosong: " + ", ".join(empty))
    absent = [DIRECTION_ID[x.value].lower() for x in PhotoDirection if x not in photos]
    if absent:
        out.append("foto belum ada: " + ", ".join(absent))
    if m.h is None:
        out.append("tinggi tidak terukur")
    if not m.stake.delta.passed:
        out.append("posisi di luar toleransi desain")
    return out


def _draft_mark(pdf: DocumentPDF, missing: list[str]) -> None:
    """A large grey DRAF across the page and the reasons under the title: not a final sheet."""
    with pdf.local_context(fill_opacity=0.18, text_color=(200, 30, 30)):
        pdf.set_font(FONT, "B", 110)
        with pdf.rotation(35, pdf.w / 2, pdf.h / 2):
            pdf.text(pdf.w / 2 - 62, pdf.h / 2 + 18, "DRAF")
    pdf.set_font(FONT, "B", 8)
    pdf.set_text_color(180, 20, 20)
    text = "DRAF: belum lengkap; " + "; ".join(missing)
    flow_lines(pdf, pdf.l_margin, pdf.content_width, 4, text, "C")
    pdf.set_x(pdf.l_margin)
    pdf.set_text_color(0)


def _sheet(
    pdf: DocumentPDF,
    data: ReportData,
    m: MarkerReport,
    photos: dict[PhotoDirection, PreparedPhoto],
    background: DocumentBackground | None = None,
) -> None:
    pdf.add_page()
    missing = missing_items(m, photos)
    _heading(pdf, data, m)
    if missing:
        _draft_mark(pdf, missing)
    top = pdf.get_y() + 0.5
    sketch_w = 80
    left_w = pdf.content_width - sketch_w - 4
    sketch_x = pdf.l_margin + left_w + 4
    pdf.set_y(top)
    first_page = pdf.page
    _section(pdf, "Identitas")
    _kv(pdf, pdf.l_margin, left_w, _identity_rows(data, m), KEY_W)
    _section(pdf, "Koordinat (SRGI2013)")
    _kv(pdf, pdf.l_margin, left_w, _coordinate_rows(data, m), KEY_W)
    _section(pdf, "Pengukuran")
    _kv(pdf, pdf.l_margin, left_w, _method_rows(data, m), KEY_W)
    left_end, left_page = pdf.get_y(), pdf.page
    # The sketch goes beside the first lines, on the sheet's first page, even when a long
    # value has carried the left column over to the next page.
    pdf.page = first_page
    legend_end = draw_sketch(pdf, sketch_x, top + 1, sketch_w, sketch_w, data, m, background)
    pdf.page = left_page
    pdf.set_y((max(left_end, legend_end) if left_page == first_page else left_end) + 1)
    d = m.installation.description
    _section(pdf, "Lokasi dan kondisi")
    _kv(
        pdf,
        pdf.l_margin,
        pdf.content_width,
        [
            ("Desa / Kelurahan", d.desa if d else None),
            ("Kecamatan", d.kecamatan if d else None),
            ("Kabupaten / Kota", d.kabupaten if d else None),
            ("Provinsi", d.provinsi if d else None),
            ("Akses", d.access if d else None),
            ("Kondisi", d.condition if d else None),
        ]
        + ([("Catatan", d.notes)] if d and d.notes else []),
        KEY_W,
    )
    for ref in reference_facts(data, m):
        r = ref.record
        _kv(
            pdf,
            pdf.l_margin,
            pdf.content_width,
            [
                (
                    "Tanda Batas Referensi",
                    f"{ref.name}: {lat_dms(r.position.lat, 5)} {lon_dms(r.position.lon, 5)}, "
                    f"E {num(ref.e)} N {num(ref.n)}; ke titik sebenarnya {ref.text()}"
                    + (f" ({r.note})" if r.note else ""),
                )
            ],
            KEY_W,
        )
    _photo_grid(pdf, photos)
    _signatures(pdf, data, m)


def _signatures(pdf: DocumentPDF, data: ReportData, m: MarkerReport) -> None:
    """Dibuat oleh (the surveyor) and Diperiksa oleh with lines to fill in and sign."""
    d = m.installation.description
    blank = "_" * 30  # unknown: a line to write on, never a "-" that looks complete
    surveyor = (d.surveyor if d else None) or m.stake.surveyor or blank
    y = max(pdf.get_y() + 1, pdf.page_break_trigger - 17)
    half = pdf.content_width / 2
    pdf.set_font(FONT, size=8)
    blocks = [
        ("Dibuat oleh (juru ukur)", surveyor, date_id(m.installed_at.date())),
        ("Diperiksa oleh", blank, "_" * 20),
    ]
    lay = measure_of(pdf)
    for i, (title, name, day) in enumerate(blocks):
        # Plain lines at known places (cell() lays out each string again, 14 per sheet).
        x = pdf.l_margin + i * half + pdf.c_margin
        pdf.set_font(FONT, "B", 8)
        lay.draw(x, y, half, 4, (title,))
        pdf.set_font(FONT, size=8)
        for k, (key, value) in enumerate((("Nama", name), ("Tanggal", day),
                                          ("Tanda tangan", blank))):  # fmt: skip
            lay.draw(x, y + 4 + k * 4.2, 22, 4.2, (key,))
            lay.draw(x + 22, y + 4 + k * 4.2, half - 22, 4.2, (value,))
    pdf.set_xy(pdf.l_margin, y + 4 + 3 * 4.2)


def _photo_grid(pdf: DocumentPDF, photos: dict[PhotoDirection, PreparedPhoto]) -> None:
    if pdf.get_y() + 5.2 + 3.6 + 0.5 + 19 + 2 * (MIN_PHOTO_H + 4.5) > pdf.page_break_trigger:
        # A long description filled the page: the photos go whole onto the next one.
        pdf.add_page()
    _section(pdf, "Foto")
    pdf.set_font(FONT, size=7)
    pdf.cell(0, 3.6, PHOTO_CONVENTION, new_x="LMARGIN", new_y="NEXT")
    cols, gap = 3, 3.0
    cell_w = (pdf.content_width - gap * (cols - 1)) / cols
    cell_h = cell_w * 0.75
    y0 = pdf.get_y() + 0.5
    room = pdf.page_break_trigger - 19 - y0
    if 2 * (cell_h + 4.5) > room:  # shrink rather than spill the sheet onto a second page
        cell_h = room / 2 - 4.5
        cell_w = cell_h / 0.75
    for i, direction in enumerate(PhotoDirection):
        cx = pdf.l_margin + (i % cols) * (cell_w + gap)
        cy = y0 + (i // cols) * (cell_h + 4.5)
        pdf.set_draw_color(160)
        pdf.rect(cx, cy, cell_w, cell_h)
        photo = photos.get(direction)
        label = _direction_caption(direction)
        if photo is not None:
            scale = min(cell_w / photo.width, cell_h / photo.height)
            iw, ih = photo.width * scale, photo.height * scale
            pdf.image(
                io.BytesIO(photo.jpeg), cx + (cell_w - iw) / 2, cy + (cell_h - ih) / 2, iw, ih
            )
            caption = label + (f" — {photo.record.caption}" if photo.record.caption else "")
        else:
            caption = f"{label} — tidak ada foto"
        pdf.set_font(FONT, size=6.5)
        measure_of(pdf).draw(cx + pdf.c_margin, cy + cell_h + 0.4, cell_w - 2 * pdf.c_margin, 3.5,
                             (_fit(pdf, caption, cell_w),), "C")  # fmt: skip
    pdf.set_draw_color(0)
    pdf.set_y(y0 + 2 * (cell_h + 4.5))


def _fit(pdf: DocumentPDF, text: str, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip(" —,") + "…"


def _direction_caption(direction: PhotoDirection) -> str:
    if direction is PhotoDirection.DETAIL:
        return "Detail (tampak dekat)"
    return f"Ke arah {direction.value}"


def render_deskripsi(
    data: ReportData,
    processor: PhotoProcessor,
    paper: Paper = "a4",
    progress: Progress | None = None,
    check: Callable[[], None] | None = None,
    processes: int | None = None,
) -> DocumentPDF:
    """One sheet per marker; ``check`` raises to cancel between markers.

    ``processes``: photo worker processes (0: threads; default: chosen by the photo count).
    """
    if not data.markers:
        raise ReportInputError(
            f"{data.job_path}: no installed marker to describe", path=data.job_path
        )
    pdf = DocumentPDF(TITLE, f"DTB-{data.sha256[:12]}", data.sha256, paper)
    n_photos = sum(1 for m in data.markers for r in m.installation.photos if r.withdrawn is None)
    # Photos are prepared by workers a few markers ahead of the page being laid out; the
    # window bounds how many photos are in flight (decoded or waiting) at any time.
    pool = photo_executor(n_photos, processes)
    pending: deque[list[tuple[PhotoRecord, Future[Made]]]] = deque()
    with document_background(data) as background:
        _sheets(pdf, data, pool, processor, pending, progress, check, background)
        if background is not None:
            pdf.notes.extend(background.notes)
    return pdf


def _sheets(
    pdf: DocumentPDF,
    data: ReportData,
    pool: Executor,
    processor: PhotoProcessor,
    pending: deque[list[tuple[PhotoRecord, Future[Made]]]],
    progress: Progress | None,
    check: Callable[[], None] | None,
    background: DocumentBackground | None,
) -> None:
    try:
        ahead = iter(data.markers)
        for m in data.markers:
            while len(pending) < PREFETCH_MARKERS and (nxt := next(ahead, None)):
                pending.append(_submit(pool, processor, data, nxt))
            if check is not None:
                check()
            prepared = [PreparedPhoto(rec, *f.result()) for rec, f in pending.popleft()]
            _sheet(pdf, data, m, {p.record.direction: p for p in prepared}, background)
            if progress is not None:
                progress(m.name)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: Executor, processor: PhotoProcessor, data: ReportData,
            m: MarkerReport) -> list[tuple[PhotoRecord, Future[Made]]]:  # fmt: skip
    futures = []
    for rec in m.installation.photos:
        if rec.withdrawn is None:
            when = _photo_time(data, m, rec.exif_time, rec.imported_at)
            lines = stamp_lines(data, m, rec.direction.value, when)
            photo = PhotoFile.of(rec)
            args = (processor.photos_dir, processor.stamp_dir, m.name, photo, lines)
            futures.append((rec, pool.submit(prepare_file, *args)))
    return futures
