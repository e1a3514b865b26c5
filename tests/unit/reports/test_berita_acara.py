"""The berita acara read back: markers, coordinates, signatories, dates, pages, fonts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.reports.berita_acara import BeritaAcaraOptions, render_berita_acara, signatories
from fieldapp.reports.data import load_report_data
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.textfmt import lat_dms, lon_dms, num
from fieldapp.store import JobStore
from fieldapp.store.equipment import load_equipment

from .pdftext import all_text, embedded_fonts, pages_text


def _build(job: JobStore, out: Path, **options: object) -> Path:
    data = load_report_data(job)
    return save_pdf(render_berita_acara(data, BeritaAcaraOptions(**options)), out)  # type: ignore[arg-type]


def test_every_marker_coordinate_and_signatory(documented_job: JobStore, tmp_path: Path) -> None:
    pdf = _build(documented_job, tmp_path / "ba.pdf", holder_signatory="Andi Prasetyo")
    text = all_text(pdf)
    data = load_report_data(documented_job)
    assert [m.name for m in data.markers] == ["4", "4A", "4B"]
    for m in data.markers:
        for expected in (lat_dms(m.lat, 4), lon_dms(m.lon, 4), num(m.e), num(m.n), num(m.h)):
            assert expected in text, expected
    people = signatories(data, "Andi Prasetyo")
    assert {p.role.split(" ")[0] for p in people} == {"Juru", "Pemegang", "Saksi"}
    for person in people:
        assert person.name in text and person.institution in text
    for s in data.surveyors:
        assert s.certificate_no in text and s.kpo_no in text
    for e in load_equipment(documented_job.db):
        assert e.model in text
    p = data.permit
    for value in (p.sk_number, p.wiup_code, p.holder, p.commodity, "745,54 ha", "15 Oktober 2024"):
        assert value in text
    for basis in ("1825 K/30/MEM/2018", "697.K/29/DDJP/1996", "1806 K/30/MEM/2018"):
        assert basis in text
    assert f"SHA-256 data: {data.sha256}" in text


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2000, 1, 1), "Sabtu tanggal satu bulan Januari tahun dua ribu"),
        (dt.date(2026, 5, 11), "Senin tanggal sebelas bulan Mei tahun dua ribu dua puluh enam"),
        (dt.date(2026, 6, 21), "Minggu tanggal dua puluh satu bulan Juni tahun dua ribu dua "
         "puluh enam"),
        (dt.date(2026, 10, 31), "Sabtu tanggal tiga puluh satu bulan Oktober tahun dua ribu dua "
         "puluh enam"),
    ],
)  # fmt: skip
def test_date_in_words(documented_job: JobStore, tmp_path: Path, day: dt.date, words: str) -> None:
    first = pages_text(_build(documented_job, tmp_path / "ba.pdf", day=day))[0]
    assert f"Pada hari ini {words} ({day:%d-%m-%Y})" in first


def test_page_numbers_and_paper(documented_job: JobStore, tmp_path: Path) -> None:
    for paper, size in (("a4", (210, 297)), ("f4", (215, 330))):
        pdf = _build(documented_job, tmp_path / f"ba-{paper}.pdf", paper=paper)
        pages = pages_text(pdf)
        for i, text in enumerate(pages, start=1):
            assert f"Halaman {i} dari {len(pages)}" in text
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size


def test_unicode_font_embedded_and_glyphs_extract(documented_job: JobStore, tmp_path: Path) -> None:
    pdf = _build(documented_job, tmp_path / "ba.pdf")
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert any("DejaVuSans" in name for name in fonts)
    text = all_text(pdf)
    for glyph in ("°", "′", "″", "±", "σ", "≤", "Δ"):
        assert glyph in text, glyph


def test_the_data_hash_is_reproducible(documented_job: JobStore) -> None:
    first = load_report_data(documented_job).sha256
    assert load_report_data(documented_job).sha256 == first
    documented_job.db.execute("UPDATE witness SET name = 'Orang Lain' WHERE id = 1")
    assert load_report_data(documented_job).sha256 != first
