"""Deskripsi Tanda Batas: one sheet per marker with coordinates, site, sketch and photos."""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from fieldapp.reports.data import KIND_ID, MarkerReport, ReportData, ReportInputError
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper
from fieldapp.reports.photos import PhotoProcessor, PreparedPhoto
from fieldapp.reports.sketch import draw_sketch
from fieldapp.reports.textfmt import (
    DIRECTION_ID,
    azimuth_dms,
    date_id,
    lat_dms,
    lon_dms,
    num,
)
from fieldapp.survey.installation import PhotoDirection

TITLE = "Deskripsi Tanda Batas"
STATUS_ID = {
    "planned": "Rencana",
    "staked": "Dipatok",
    "installed": "Terpasang",
    "documented": "Terpasang dan terdokumentasi",
}
Progress = Callable[[str], None]
PHOTO_WORKERS = 2
PREFETCH_MARKERS = 3


def stamp_lines(data: ReportData, m: MarkerReport, direction: str, when: str) -> list[str]:
    return [
        f"Tanda Batas {m.name} · {data.permit.wiup_code or data.permit.name}",
        f"{lat_dms(m.lat)}  {lon_dms(m.lon)}",
        f"E {num(m.e)}  N {num(m.n)} ({data.zone_label})",
        f"{when} · arah {DIRECTION_ID.get(direction, direction)}",
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
    size: float = 8.5,
) -> None:
    for key, value in rows:
        pdf.set_x(x)
        pdf.set_font(FONT, size=size)
        pdf.set_text_color(70)
        pdf.cell(key_w, 4.6, key)
        pdf.set_text_color(0)
        pdf.multi_cell(w - key_w, 4.6, value or "-", new_x="LEFT", new_y="NEXT")


def _section(pdf: DocumentPDF, text: str, x: float | None = None) -> None:
    pdf.set_x(pdf.l_margin if x is None else x)
    pdf.set_font(FONT, "B", 9.5)
    pdf.cell(0, 6, text, new_x="LEFT", new_y="NEXT")


def _sheet(
    pdf: DocumentPDF, data: ReportData, m: MarkerReport, photos: dict[PhotoDirection, PreparedPhoto]
) -> None:
    pdf.add_page()
    p = data.permit
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, "DESKRIPSI TANDA BATAS", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.cell(
        0,
        5,
        f"WIUP {p.wiup_code or '-'} · {p.holder or p.name} · SK {p.sk_number or '-'}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, f"Tanda Batas {m.name}", align="C", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 1
    left_w = pdf.content_width - 76
    sketch_x = pdf.l_margin + left_w + 4
    edge = f" (garis batas {m.marker.edge[0]}–{m.marker.edge[1]})" if m.marker.edge else ""
    pdf.set_y(top)
    _section(pdf, "Identitas")
    _kv(
        pdf,
        pdf.l_margin,
        left_w,
        [
            ("Nama", m.name),
            ("Jenis", KIND_ID[m.marker.kind] + edge),
            ("Status", STATUS_ID[m.installation.status.value]),
            (
                "Tanggal pemasangan",
                f"{date_id(m.installed_at.date())} {m.installed_at:%H:%M} {data.zone.name}",
            ),
        ],
        36,
    )
    _section(pdf, "Koordinat (SRGI2013)")
    _kv(
        pdf,
        pdf.l_margin,
        left_w,
        [
            ("Lintang", lat_dms(m.lat, 5)),
            ("Bujur", lon_dms(m.lon, 5)),
            (f"E ({data.zone_label})", f"{num(m.e)} m"),
            (f"N ({data.zone_label})", f"{num(m.n)} m"),
            ("Tinggi elipsoid", f"{num(m.h)} m" if m.h is not None else "-"),
            (
                "Δ terhadap desain",
                f"{num(m.stake.delta.horizontal_m)} m "
                f"(toleransi {num(m.stake.delta.tolerance_m, 2)} m)",
            ),
        ],
        36,
    )
    draw_sketch(pdf, sketch_x, top + 1, 72, 72, data, m)
    pdf.set_font(FONT, size=6.5)
    pdf.set_xy(sketch_x, top + 74)
    pdf.cell(72, 3.5, f"Sketsa lokasi · grid {data.zone_label}, U = utara grid", align="C")
    pdf.set_y(max(pdf.get_y(), top + 80))
    d = m.installation.description
    _section(pdf, "Lokasi dan kondisi")
    _kv(
        pdf,
        pdf.l_margin,
        pdf.content_width,
        [
            ("Desa / Kelurahan", d.desa if d else "-"),
            ("Kecamatan", d.kecamatan if d else "-"),
            ("Kabupaten / Kota", d.kabupaten if d else "-"),
            ("Provinsi", d.provinsi if d else "-"),
            ("Akses", d.access if d else "-"),
            ("Kondisi", d.condition if d else "-"),
        ]
        + ([("Catatan", d.notes)] if d and d.notes else []),
        36,
    )
    refs = [r for r in m.installation.references if r.withdrawn is None]
    for r in refs:
        g = r.geometry
        ground = f", di permukaan {num(g.ground_distance_m)} m" if g.ground_distance_m else ""
        _kv(
            pdf,
            pdf.l_margin,
            pdf.content_width,
            [
                (
                    "Tanda Batas Referensi",
                    f"{lat_dms(r.position.lat, 5)} {lon_dms(r.position.lon, 5)}; "
                    "ke titik sebenarnya "
                    f"azimut {azimuth_dms(g.azimuth_deg)}, jarak {num(g.distance_m)} m{ground}"
                    + (f" ({r.note})" if r.note else ""),
                )
            ],
            36,
        )
    _photo_grid(pdf, photos)
    pdf.set_y(max(pdf.get_y() + 2, pdf.page_break_trigger - 12))
    pdf.set_font(FONT, size=8.5)
    surveyor = (d.surveyor if d else None) or m.stake.surveyor or "-"
    pdf.cell(
        pdf.content_width * 0.6,
        5,
        f"Juru ukur: {surveyor}    Tanggal: {date_id(m.installed_at.date())}",
    )
    pdf.cell(0, 5, "Tanda tangan: ____________________", align="R")


def _photo_grid(pdf: DocumentPDF, photos: dict[PhotoDirection, PreparedPhoto]) -> None:
    _section(pdf, "Foto")
    cols, gap = 3, 3.0
    cell_w = (pdf.content_width - gap * (cols - 1)) / cols
    cell_h = cell_w * 0.75
    y0 = pdf.get_y()
    room = pdf.page_break_trigger - 14 - y0
    if 2 * (cell_h + 5) > room:  # shrink rather than spill the sheet onto a second page
        cell_h = room / 2 - 5
        cell_w = cell_h / 0.75
    for i, direction in enumerate(PhotoDirection):
        cx = pdf.l_margin + (i % cols) * (cell_w + gap)
        cy = y0 + (i // cols) * (cell_h + 5)
        pdf.set_draw_color(160)
        pdf.rect(cx, cy, cell_w, cell_h)
        photo = photos.get(direction)
        if photo is not None:
            scale = min(cell_w / photo.width, cell_h / photo.height)
            iw, ih = photo.width * scale, photo.height * scale
            pdf.image(
                io.BytesIO(photo.jpeg), cx + (cell_w - iw) / 2, cy + (cell_h - ih) / 2, iw, ih
            )
            caption = f"{DIRECTION_ID[direction.value]}" + (
                f" — {photo.record.caption}" if photo.record.caption else ""
            )
        else:
            caption = f"{DIRECTION_ID[direction.value]} — tidak ada foto"
        pdf.set_font(FONT, size=6.5)
        pdf.set_xy(cx, cy + cell_h + 0.5)
        pdf.cell(cell_w, 3.5, caption[:70], align="C")
    pdf.set_draw_color(0)
    pdf.set_y(y0 + 2 * (cell_h + 5))


def render_deskripsi(
    data: ReportData,
    processor: PhotoProcessor,
    paper: Paper = "a4",
    progress: Progress | None = None,
    check: Callable[[], None] | None = None,
) -> DocumentPDF:
    """One sheet per marker; ``check`` raises to cancel between markers."""
    if not data.markers:
        raise ReportInputError(
            f"{data.job_path}: no installed marker to describe", path=data.job_path
        )
    pdf = DocumentPDF(TITLE, f"DTB-{data.sha256[:12]}", data.sha256, paper)
    # Photos are decoded on worker threads (libjpeg releases the GIL) a few markers ahead of
    # the page being laid out; the window bounds how many decoded photos wait in memory.
    with ThreadPoolExecutor(max_workers=PHOTO_WORKERS, thread_name_prefix="photo") as pool:
        pending: deque[list[Future[PreparedPhoto]]] = deque()
        ahead = iter(data.markers)
        try:
            for m in data.markers:
                while len(pending) < PREFETCH_MARKERS and (nxt := next(ahead, None)):
                    pending.append(_submit(pool, processor, data, nxt))
                if check is not None:
                    check()
                prepared = [f.result() for f in pending.popleft()]
                _sheet(pdf, data, m, {p.record.direction: p for p in prepared})
                if progress is not None:
                    progress(m.name)
        finally:
            for futures in pending:
                for f in futures:
                    f.cancel()
    return pdf


def _submit(pool: ThreadPoolExecutor, processor: PhotoProcessor, data: ReportData,
            m: MarkerReport) -> list[Future[PreparedPhoto]]:  # fmt: skip
    futures = []
    for rec in m.installation.photos:
        if rec.withdrawn is None:
            when = _photo_time(data, m, rec.exif_time, rec.imported_at)
            lines = stamp_lines(data, m, rec.direction.value, when)
            futures.append(pool.submit(processor.prepare, m.name, rec, lines))
    return futures
