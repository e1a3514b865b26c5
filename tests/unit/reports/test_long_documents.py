"""Documents of any length: a witness of 150 markers, a description of several pages, photos
prepared in worker processes exactly as on threads."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from fieldapp.demo_many import create_many_marker_job
from fieldapp.reports.build import BuildKind, BuildOptions, Outcome, build_document
from fieldapp.reports.data import load_report_data
from fieldapp.reports.deskripsi import render_deskripsi
from fieldapp.reports.flowtable import Cell, TableStyle, flow_table
from fieldapp.reports.pdfbase import DocumentPDF
from fieldapp.reports.photos import PhotoProcessor
from fieldapp.store import JobStore
from fieldapp.store.installation import add_witness
from fieldapp.survey.installation import Description, WitnessCategory

from .pdftext import pages_text

N = 150


def _job(tmp_path: Path, description: Description | None = None) -> Path:
    job = create_many_marker_job(tmp_path / "many.fieldapp", N, description=description)
    with JobStore.open(job) as store:
        # The officer of the next village: every other marker, so the berita acara lists
        # 75 names in one cell of the witness table (a row fpdf2's table refused).
        for i in range(0, N, 2):
            add_witness(store.db, f"B{i:03d}", "Budi Santoso", "Kantor Desa Sebelah",
                        WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    return job


def test_witness_of_many_markers_splits_across_pages(tmp_path: Path) -> None:
    job = _job(tmp_path)
    out = tmp_path / "ba.pdf"
    result = build_document(job, BuildKind.BERITA_ACARA, out)
    assert result.outcome is Outcome.FINISHED, result.message
    pages = pages_text(out)
    saksi = [i for i, p in enumerate(pages) if "VII. Saksi" in p]
    assert saksi, "no witness section"
    text = " ".join(pages[saksi[0] :])
    # Every marker of the second officer is listed, in order, none lost at a page break.
    listed = re.findall(r"B\d{3}", text.split("Budi Santoso", 1)[1])
    assert listed[: N // 2] == [f"B{i:03d}" for i in range(0, N, 2)]
    assert "semua (150 tanda batas)" in text  # the first officer witnessed all of them
    # The marker table repeats its header on each page it continues on.
    cont = [p for p in pages if "VI. Daftar Tanda Batas Terpasang (150 buah) (lanjutan)" in p]
    assert cont and all("Lintang (SRGI2013)" in p for p in cont)
    every = " ".join(pages)
    assert all(f"B{i:03d}" in every for i in range(N))


def test_a_row_taller_than_a_page_is_split_under_repeated_headers(tmp_path: Path) -> None:
    pdf = DocumentPDF("Uji", "X", "0" * 64)
    pdf.add_page()
    names = [f"B{i:04d}" for i in range(0, 1400, 2)]  # one witness, 700 markers
    style = TableStyle((9, 38, 50, 36, 37), 4.4, 1, 8.5, "L", "VII. Saksi")
    head = ("No", "Nama", "Instansi", "Unsur", "Tanda batas")
    rows = [("1", "Suparman", "Kantor Desa", "Aparat desa", ", ".join(names)),
            ("2", "Budi", "Kantor Desa Sebelah", "Aparat desa", Cell("B0001", "C"))]  # fmt: skip
    flow_table(pdf, style, [head], rows)
    out = tmp_path / "t.pdf"
    out.write_bytes(bytes(pdf.output()))
    pages = pages_text(out)
    assert len(pages) >= 3
    assert re.findall(r"B\d{4}", " ".join(pages)) == [*names, "B0001"]
    for page in pages[1:]:
        assert "VII. Saksi (lanjutan) No Nama Instansi Unsur Tanda batas" in page


def test_description_of_several_pages_loses_no_word(tmp_path: Path) -> None:
    words = [f"kata{i:04d}" for i in range(2500)]  # ~6 pages of 8 pt text in one field
    notes = " ".join(words)
    site = Description("Jembayan", "Loa Kulu", "Kutai Kartanegara", "Kalimantan Timur",
                       "jalan setapak", "baik", notes=notes)  # fmt: skip
    job = create_many_marker_job(tmp_path / "long.fieldapp", 3, description=site)
    out = tmp_path / "d.pdf"
    options = BuildOptions(markers=("B001",))
    result = build_document(job, BuildKind.DESKRIPSI, out, options)
    assert result.outcome is Outcome.FINISHED, result.message
    pages = pages_text(out)
    assert len(pages) >= 4
    found = re.findall(r"kata\d{4}", " ".join(pages))
    assert found == words
    # The photo grid and the signature lines follow the text, on its last page.
    assert "Foto" in pages[-1] and "Diperiksa oleh" in pages[-1]


def _images(pdf: bytes) -> list[tuple[int, int, bytes]]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for img in page.images:
            with Image.open(io.BytesIO(img.data)) as im:
                out.append((im.width, im.height, img.data))
    return out


def test_worker_processes_give_the_same_photos_as_threads(documented_job: JobStore) -> None:
    data = load_report_data(documented_job, names=["4"])  # five photos, one turned by EXIF
    processor = PhotoProcessor(documented_job.photos_dir)
    threads = render_deskripsi(data, processor, processes=0)
    workers = render_deskripsi(data, processor, processes=1)
    a, b = _images(bytes(threads.output())), _images(bytes(workers.output()))
    assert len(a) == 5 and len({x[2] for x in a}) == 5
    assert a == b
