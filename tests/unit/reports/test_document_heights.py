"""h and H with the geoid named in the berita acara, deskripsi and XLSX; the job's own geoid."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook

from fieldapp.reports.berita_acara import render_berita_acara
from fieldapp.reports.data import ReportData, load_report_data
from fieldapp.reports.deskripsi import render_deskripsi
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.photos import PhotoProcessor
from fieldapp.reports.tables import write_tables
from fieldapp.reports.textfmt import num
from fieldapp.store import JobStore
from fieldapp.store.job_geoid import BUNDLED_NAME, bundled_geoid, import_job_geoid, job_geoid

from .pdftext import all_text

OFFSET = 1.25  # metres added to every node of the test's own grid


def _offset_gtx(path: Path) -> Path:
    """The bundled EGM96 crop with every undulation raised by OFFSET, written as a GTX."""
    raw = bundled_geoid().path.read_bytes()
    nodes = np.frombuffer(raw[40:], dtype=">f4").astype(np.float64) + OFFSET
    path.write_bytes(raw[:40] + nodes.astype(">f4").tobytes())
    return path


def _documents(store: JobStore, out: Path) -> tuple[ReportData, str, str, dict[str, dict]]:
    data = load_report_data(store, names=["4"])  # one deskripsi sheet is enough (photos cost)
    ba = all_text(save_pdf(render_berita_acara(data), out / "ba.pdf"))
    desk = all_text(save_pdf(render_deskripsi(data, PhotoProcessor(store.photos_dir, None)),
                             out / "d.pdf"))  # fmt: skip
    wb = load_workbook(write_tables(data, out / "t.xlsx"))
    ws = wb["Tanda Batas"]
    head = [c.value for c in ws[1]]
    rows = {
        r[0]: dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    title = {r[0]: r[1] for r in wb["Judul"].iter_rows(min_row=4, values_only=True) if r[0]}
    return data, ba, desk, {"rows": rows, "title": title}


def _check(store: JobStore, out: Path, geoid_name: str) -> float:
    """Every document prints h, H = h - N as the geoid gives them, and names that geoid."""
    data, ba, desk, xlsx = _documents(store, out)
    m = data.markers[0]
    assert m.h is not None
    expected = job_geoid(store).heights(m.lat, m.lon, m.h)
    assert m.heights == expected and expected.geoid == geoid_name == data.geoid_name
    h, big_h, n = num(m.h), num(expected.orthometric), num(expected.undulation)
    # Berita acara: h over H in the marker row, and the legend's geoid.
    assert f" h {h} H {big_h} " in ba
    assert f"tinggi ortometrik H = h − N, dengan N undulasi geoid; geoid: {geoid_name}." in ba
    assert f"tinggi elipsoid (h) dan tinggi ortometrik (H = h − N) dengan geoid {geoid_name}" in ba
    # Deskripsi: each height on its own line, N beside H, the geoid named.
    assert f"Tinggi elipsoid (h) {h} m" in desk
    assert f"Tinggi ortometrik (H) {big_h} m (N = {n} m)" in desk
    assert f"Geoid (H = h − N) {geoid_name}" in desk
    # XLSX: numbers, not text, to the millimetre and beyond; the title sheet names the geoid.
    row = xlsx["rows"]["4"]
    assert row["h elipsoid (m)"] == pytest.approx(m.h, abs=1e-9)
    assert row["H ortometrik (m)"] == pytest.approx(expected.orthometric, abs=1e-9)
    assert xlsx["title"]["Geoid"] == geoid_name
    assert geoid_name in xlsx["title"]["Tinggi"]
    # The reference marker 4B-R has no measured h in the demo: a dash or an empty cell, never 0.
    return expected.orthometric


def test_bundled_then_own_geoid_in_every_document(documented_job: JobStore, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    before = _check(documented_job, tmp_path / "a", BUNDLED_NAME)
    hash_before = load_report_data(documented_job).sha256
    import_job_geoid(documented_job, _offset_gtx(tmp_path / "egm_plus.gtx"), "Geoid Uji Kantor")
    (tmp_path / "b").mkdir()
    after = _check(documented_job, tmp_path / "b", "Geoid Uji Kantor")
    # N grew by OFFSET everywhere, so H fell by exactly that (float32 nodes: to 0,01 mm).
    assert before - after == pytest.approx(OFFSET, abs=1e-5)
    # Every H printed changed: so does the data hash (and with it the berita acara's Nomor).
    assert load_report_data(documented_job).sha256 != hash_before


def test_missing_height_prints_a_dash_not_zero(documented_job: JobStore, tmp_path: Path) -> None:
    data = load_report_data(documented_job, names=["4B"])
    ref = data.markers[0].installation.references[0]
    assert ref.position.h is None  # the demo's 4B-R was measured without a height
    assert data.heights_at(ref.position.lat, ref.position.lon, None) is None
    ba = all_text(save_pdf(render_berita_acara(data), tmp_path / "ba.pdf"))
    assert "9940114,559 - ke TB 4B" in ba
    ws = load_workbook(write_tables(data, tmp_path / "t.xlsx"))["Tanda Batas"]
    head = [c.value for c in ws[1]]
    r = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "4B-R")
    assert r[head.index("h elipsoid (m)")] is None and r[head.index("H ortometrik (m)")] is None


def test_a_job_geoid_missing_from_the_folder_is_named(
    documented_job: JobStore, tmp_path: Path
) -> None:
    from fieldapp.reports.data import ReportInputError

    geoid = import_job_geoid(documented_job, _offset_gtx(tmp_path / "g.gtx"), "Uji")
    geoid.path.unlink()
    with pytest.raises(ReportInputError, match=r"geoid.\w+\.gtx: the job's geoid grid is missing"):
        load_report_data(documented_job)
