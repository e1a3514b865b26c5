"""Deskripsi and stake-out reports read back: one sheet per marker, coordinates, photos, labels."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from fieldapp.reports.data import load_report_data
from fieldapp.reports.deskripsi import render_deskripsi
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.photos import PhotoProcessor
from fieldapp.reports.stakeout import render_stakeout
from fieldapp.reports.textfmt import azimuth_dms, lat_dms, lon_dms, num
from fieldapp.store import JobStore

from .pdftext import embedded_fonts, pages_text


def test_deskripsi_one_sheet_per_marker(documented_job: JobStore, tmp_path: Path) -> None:
    data = load_report_data(documented_job)
    stamped = tmp_path / "foto"
    pdf = save_pdf(render_deskripsi(data, PhotoProcessor(documented_job.photos_dir, stamped)),
                   tmp_path / "d.pdf")  # fmt: skip
    pages = pages_text(pdf)
    assert len(pages) == len(data.markers) == 3
    for page, m in zip(pages, data.markers, strict=True):
        assert f"Tanda Batas {m.name}" in page
        for text in (lat_dms(m.lat, 5), lon_dms(m.lon, 5), f"{num(m.e)} m", f"{num(m.n)} m",
                     f"{num(m.h)} m", "Kutai Kartanegara", "Kalimantan Timur"):  # fmt: skip
            assert text in page, (m.name, text)
        for caption in ("Ke arah utara", "Ke arah timur", "Ke arah selatan", "Ke arah barat",
                        "Detail (tampak dekat)", "Utara = ke arah utara"):  # fmt: skip
            assert caption in page
        assert "Budi Santoso, S.T." in page
        assert f"Halaman {m.installation.marker and pages.index(page) + 1} dari 3" in page
    ref = data.markers[2].installation.references[0]
    assert "Tanda Batas Referensi" in pages[2]
    assert azimuth_dms(ref.geometry.azimuth_deg) in pages[2]
    # Five photos per sheet, embedded downscaled (never the camera frame).
    for page in PdfReader(pdf).pages:
        images = list(page.images)
        assert len(images) == 5
        assert all(max(im.image.size) <= 1000 for im in images)
    assert all(embedded_fonts(pdf).values())
    assert len(list(stamped.glob("*.jpg"))) == 15


def test_deskripsi_of_one_marker(documented_job: JobStore, tmp_path: Path) -> None:
    data = load_report_data(documented_job, names=["4A"])
    pdf = save_pdf(render_deskripsi(data, PhotoProcessor(documented_job.photos_dir)),
                   tmp_path / "d.pdf")  # fmt: skip
    pages = pages_text(pdf)
    assert len(pages) == 1 and "Tanda Batas 4A" in pages[0] and "Halaman 1 dari 1" in pages[0]


def test_stakeout_report(documented_job: JobStore, tmp_path: Path) -> None:
    data = load_report_data(documented_job, select=lambda m: m.status.value != "planned")
    text = " ".join(pages_text(save_pdf(render_stakeout(data), tmp_path / "s.pdf")))
    for m in data.markers:
        r = m.occupation.result if m.occupation else None
        assert r is not None
        assert m.name in text and num(m.e) in text and num(m.stake.delta.horizontal_m) in text
        assert f"H {num(r.mean_sigma_h_m)} V {num(r.mean_sigma_v_m)}" in text
    assert "terukur (GST)" in text and "RTK ambiguitas fixed" in text
    assert "sebelum 1,800 (tegak)" in text and "sesudah 1,801" in text
    assert "dari base BM-02" in text
    # The app's gates are not passed off as the 1996 procedure's limits.
    assert "bukan ketentuan Kepdirjen 697.K/29/DDJP/1996" in text
    assert "Batas mutu (Kepdirjen" not in text
    assert "≤ 0,10" in text and "memenuhi" in text
