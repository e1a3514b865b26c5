"""The deskripsi sheet as a BPN-style description: heights, grid, method, checks, DRAF, stamps."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from fieldapp.reports.data import load_report_data
from fieldapp.reports.deskripsi import render_deskripsi
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.photos import PhotoProcessor
from fieldapp.store import JobStore
from fieldapp.store.job_geoid import BUNDLED_NAME
from fieldapp.store.photos import withdraw_photo
from fieldapp.survey.installation import PhotoDirection

from .pdftext import pages_text


def _build(job: JobStore, out: Path, stamps: Path | None = None) -> Path:
    data = load_report_data(job)
    pdf = render_deskripsi(data, PhotoProcessor(job.photos_dir, stamps))
    return save_pdf(pdf, out)


def test_sheet_states_heights_grid_method_and_checker(
    documented_job: JobStore, tmp_path: Path
) -> None:
    pages = pages_text(_build(documented_job, tmp_path / "d.pdf"))
    for page in pages:
        assert "DRAF" not in page  # the demo's three markers are complete
        assert f"Geoid (H = h − N) {BUNDLED_NAME}" in page
        assert "Proyeksi / zona SRGI2013 / UTM zona 50S" in page
        assert "Konvergensi grid +2," in page and "(utara grid terhadap utara)" in page
        # BM-02 is a control point of the job: named with where its coordinate came from.
        assert (
            "Metode GNSS RTK (fixed) dari base BM-02 (koordinat impor, σH 14,0 mm), 40 epoch"
            in page
        )
        assert "No. Seri 3374-1928-0041 / 3374-1928-0057" in page
        assert "Ketelitian tercapai σH 0,0" in page
        assert "Diperiksa oleh Nama" in page and "Dibuat oleh (juru ukur)" in page
        assert "TB-nn = Titik Bantu (bukan Tanda Batas)" in page
        assert "Jarak grid:" in page
    # 4B: the reference marker with both reckonings, and its distance on the sketch.
    assert "ke titik sebenarnya azimut geodetik 45° 40′" in pages[2]
    assert "(azimut grid 45° 40′" in pages[2] and "jarak grid 6,008 m" in pages[2]
    assert "4B-R 6,0 m" in pages[2]


def test_incomplete_sheet_is_a_draft(documented_job: JobStore, tmp_path: Path) -> None:
    inst = load_report_data(documented_job).markers[1].installation
    north = next(p for p in inst.photos if p.direction is PhotoDirection.UTARA)
    withdraw_photo(documented_job, north.id, "kabur")
    pages = pages_text(_build(documented_job, tmp_path / "d.pdf"))
    assert "DRAF" not in pages[0] and "DRAF" not in pages[2]
    assert "DRAF: belum lengkap; foto belum ada: utara" in pages[1]
    assert "Ke arah utara — tidak ada foto" in pages[1]


def test_pdf_photos_are_the_stamped_photos(documented_job: JobStore, tmp_path: Path) -> None:
    stamps = tmp_path / "foto"
    pdf = _build(documented_job, tmp_path / "d.pdf", stamps)
    stamped = {p.read_bytes() for p in stamps.glob("*.jpg")}
    assert len(stamped) == 15
    embedded = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/XObject"].values():
            obj = ref.get_object()
            assert obj["/Filter"] == "/DCTDecode"  # the JPEG as written, not re-encoded
            embedded.add(obj._data)
    assert embedded == stamped
