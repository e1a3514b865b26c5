"""The laporan pemeliharaan's photo pages: each inspection's photos, checked, stamped, in a grid.

The photos go through the same preparation as the deskripsi's (hash checked against the
record, upright, downscaled, stamped with what they show) on the same worker pool.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.layout import measure_of
from fieldapp.reports.maintenance_data import MaintenanceData, MarkerMaintenance
from fieldapp.reports.maintenance_text import CONDITION_ID
from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.photo_pool import photo_executor
from fieldapp.reports.photos import PhotoFile, prepare_file
from fieldapp.reports.textfmt import date_short
from fieldapp.store.inspections import InspectionPhoto

TITLE = "Lampiran 1: Dokumentasi Foto Pemeriksaan"
COLS, GAP = 3, 3.0
CAPTION_H = 4.0
PREFETCH = 4  # inspections whose photos are being prepared ahead of the page
CAPTION_ID = {
    "utara": "Ke arah utara",
    "timur": "Ke arah timur",
    "selatan": "Ke arah selatan",
    "barat": "Ke arah barat",
    "detail": "Detail (tampak dekat)",
    "vegetasi": "Vegetasi (pembersihan radius 1 m)",
}
Made = tuple[bytes, int, int, Path | None]


@dataclass(frozen=True, slots=True)
class _Prepared:
    photo: InspectionPhoto
    jpeg: bytes
    width: int
    height: int


def _source(job: Path, photo: InspectionPhoto, k: int) -> tuple[Path, PhotoFile]:
    """The folder and name prepare_file wants: photos live under the job's photos/ folder."""
    rel = Path(photo.file_name)
    if rel.parts and rel.parts[0] == "photos":
        return job / "photos", PhotoFile(Path(*rel.parts[1:]).as_posix(), photo.sha256,
                                         photo.direction, k)  # fmt: skip
    return job / "photos", PhotoFile(rel.as_posix(), photo.sha256, photo.direction, k)


def stamp_lines(data: MaintenanceData, m: MarkerMaintenance, photo: InspectionPhoto) -> list[str]:
    i = m.inspection
    assert i is not None
    return [
        f"Tanda Batas {m.name} · {data.permit.wiup_code or data.permit.name}",
        f"Pemeriksaan {date_short(i.inspected_on)} · kondisi {CONDITION_ID[i.condition].lower()}",
        CAPTION_ID.get(photo.direction, photo.direction),
    ]


def photo_pages(
    pdf: BeritaAcaraPDF, data: MaintenanceData, check: Callable[[], None] | None = None,
    processes: int | None = None,
) -> int:  # fmt: skip
    """The lampiran of photos; returns how many photos it holds (0: no page is added)."""
    shown = [m for m in data.visited if m.inspection and m.inspection.photos]
    total = sum(len(m.inspection.photos) for m in shown if m.inspection)
    if not shown:
        return 0
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        f"Foto setiap pemeriksaan dalam periode {data.period.label}, sebagaimana tercatat "
        "(sidik SHA-256 setiap berkas foto diperiksa terhadap catatannya). Konvensi foto: "
        "kamera di samping tanda batas menghadap ke arah yang disebut; Detail = tampak dekat "
        "tanda batas; Vegetasi = keadaan radius 1 m setelah dibersihkan.",
        size=8.5,
        height=4.2,
    )
    pool = photo_executor(total, processes)
    try:
        for m, prepared in _prepared(pool, data, shown):
            if check is not None:
                check()
            _block(pdf, m, prepared)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return total


def _prepared(
    pool: Executor, data: MaintenanceData, shown: list[MarkerMaintenance]
) -> Iterator[tuple[MarkerMaintenance, list[_Prepared]]]:
    """Each inspection's photos, prepared a few inspections ahead of the page laid out."""
    pending: deque[tuple[MarkerMaintenance, list[tuple[InspectionPhoto, Future[Made]]]]] = deque()
    ahead = iter(shown)

    def submit(m: MarkerMaintenance) -> None:
        assert m.inspection is not None
        futures = []
        for k, photo in enumerate(m.inspection.photos):
            folder, file = _source(data.job_path, photo, k)
            lines = stamp_lines(data, m, photo)
            futures.append((photo, pool.submit(prepare_file, folder, None, m.name, file, lines)))
        pending.append((m, futures))

    for _ in shown:
        while len(pending) < PREFETCH and (nxt := next(ahead, None)) is not None:
            submit(nxt)
        m, futures = pending.popleft()
        yield m, [_Prepared(p, *f.result()[:3]) for p, f in futures]


def _block(pdf: BeritaAcaraPDF, m: MarkerMaintenance, photos: list[_Prepared]) -> None:
    """A heading line and the photos three to a row; a row never splits across pages."""
    i = m.inspection
    assert i is not None
    cell_w = (pdf.content_width - GAP * (COLS - 1)) / COLS
    cell_h = cell_w * 0.75
    row_h = cell_h + CAPTION_H + 1.5
    pdf.keep(7 + row_h)
    pdf.ln(1)
    pdf.set_font(FONT, "B", 9)
    head = (
        f"Tanda Batas {m.name} — pemeriksaan {date_short(i.inspected_on)}, kondisi "
        f"{CONDITION_ID[i.condition].lower()}" + (f", juru ukur {i.surveyor}" if i.surveyor else "")
    )
    pdf.multi_cell(0, 5, head, new_x="LMARGIN", new_y="NEXT")
    lay = measure_of(pdf)
    for start in range(0, len(photos), COLS):
        pdf.keep(row_h)
        y = pdf.get_y() + 0.5
        for k, p in enumerate(photos[start : start + COLS]):
            x = pdf.l_margin + k * (cell_w + GAP)
            pdf.set_draw_color(160)
            pdf.rect(x, y, cell_w, cell_h)
            scale = min(cell_w / p.width, cell_h / p.height)
            iw, ih = p.width * scale, p.height * scale
            pdf.image(io.BytesIO(p.jpeg), x + (cell_w - iw) / 2, y + (cell_h - ih) / 2, iw, ih)
            caption = CAPTION_ID.get(p.photo.direction, p.photo.direction)
            if p.photo.caption:
                caption += f" — {p.photo.caption}"
            pdf.set_font(FONT, size=6.5)
            lines = lay.lines(caption, cell_w - 2 * pdf.c_margin)[:1]
            lay.draw(x + pdf.c_margin, y + cell_h + 0.4, cell_w - 2 * pdf.c_margin, 3.5, lines,
                     "C")  # fmt: skip
        pdf.set_draw_color(0)
        pdf.set_y(y + row_h)
    pdf.set_font(FONT, size=9.5)
