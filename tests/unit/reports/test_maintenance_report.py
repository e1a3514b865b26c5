"""The laporan pemeliharaan of the documented demo read back: markers, conditions, photos, DRAF."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from inspectkit import TODAY, copy_job, documented_job
from maintkit import inspect_good, inspect_pulled_out, visit_days
from openpyxl import load_workbook
from pypdf import PdfReader

from fieldapp.app.maintenance_report import MaintenanceBuild, build_maintenance_report
from fieldapp.reports.errors import ReportInputError
from fieldapp.reports.maintenance_data import Period, PeriodError, parse_period
from fieldapp.reports.maintenance_text import HEAD
from fieldapp.reports.maintenance_xlsx import FIGURES
from fieldapp.store import JobStore
from fieldapp.store.inspections import record_inspection
from fieldapp.store.kpo import set_kpo_card
from fieldapp.store.maintenance_reports import load_maintenance_reports
from fieldapp.store.photos import sha256_file
from fieldapp.store.records import load_surveyors
from fieldapp.store.signatory import set_signatories

from .pdftext import all_text, pages_text

MARKERS = ("4", "4A", "4B")
# The period holding today; 4 and 4A visited on D1 and D2 (D1 <= D2 <= NOW), 4B on NOW.
PERIOD, NOW, D1, D2 = visit_days()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return documented_job(tmp_path_factory.mktemp("tpl") / "demo.fieldapp")


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Iterator[JobStore]:
    with JobStore.open(copy_job(template, tmp_path / "job.fieldapp")) as s:
        yield s


def _images(pdf: Path) -> int:
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def _build(store: JobStore, tmp_path: Path, xlsx: bool = True) -> MaintenanceBuild:
    return build_maintenance_report(
        store, PERIOD, tmp_path / "lp.pdf", tmp_path / "lp.xlsx" if xlsx else None, today=NOW
    )


def test_a_marker_not_visited_makes_a_draf(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path)
    inspect_pulled_out(store, "4A", D2, tmp_path)
    built = _build(store, tmp_path)
    assert not built.final and built.recorded is None
    assert any("tidak dikunjungi" in r and "4B" in r for r in built.reasons)
    pages = pages_text(built.pdf)
    text = " ".join(pages)
    for i, page in enumerate(pages, start=1):
        assert f"Halaman {i} dari {len(pages)}" in page
        assert "DRAF: belum final" in page  # the watermark line on every page
    p = store.db.execute("SELECT holder, sk_number, wiup_code FROM permit_area").fetchone()
    for value in (*p, parse_period(PERIOD, NOW).label):
        assert value in text
    # The basis names the decree and says the layout follows the berita acara's.
    assert "1825 K/30/MEM/2018" in text and "Lampiran IX" in text
    assert "mengikuti ketentuan berita acara" in text
    # Every marker with its condition; the one not visited flagged in its row and section V.
    table = text[text.index("IV. Hasil Pemeriksaan") : text.index("V. Tanda Batas Tidak")]
    for name in MARKERS:
        assert f" {name} " in table
    assert "Baik" in table and "Tercabut" in table
    assert "TIDAK DIKUNJUNGI — belum pernah diperiksa sejak dipasang" in table
    assert "PERHATIAN: 1 tanda batas TIDAK DIKUNJUNGI dalam periode ini: 4B." in text
    section_v = text[text.index("V. Tanda Batas Tidak") : text.index("VI. Tanda Batas")]
    assert "4B" in section_v and "4A" not in section_v
    # The pulled-out marker listed with the reinstallation it needs.
    section_vi = text[text.index("VI. Tanda Batas") : text.index("VII. Juru Ukur")]
    assert "4A" in section_vi and "Tercabut" in section_vi
    assert "Pemasangan ulang pada koordinat semula" in section_vi
    # The check shot: its delta, the verdict and how it was measured.
    assert "LULUS" in table and "GNSS RTK ambiguitas fixed" in table
    flat = " ".join(table.split())
    assert "epoch (" in flat and "detik, profil" in flat  # the record's detail, in Indonesian
    assert not any(w in flat for w in (" epochs ", " profile ", " antenna "))
    # Photo pages: every photo of the inspections in the period, with what it shows.
    photos = " ".join(p for p in pages if "DOKUMENTASI FOTO" in p)
    assert f"Tanda Batas 4 — pemeriksaan {D1:%d-%m-%Y}, kondisi baik" in photos
    assert f"Tanda Batas 4A — pemeriksaan {D2:%d-%m-%Y}, kondisi tercabut" in photos
    assert "Vegetasi (pembersihan radius 1 m)" in photos and "Ke arah utara" in photos
    assert built.photos == 3 and _images(built.pdf) == 3
    assert "LAMPIRAN: KEKURANGAN" in pages[-1] and "4B" in pages[-1]
    assert load_maintenance_reports(store.db) == []


def test_all_visited_is_final_and_recorded(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path, north_m=0.03, action="Kunjungan pertama")
    inspect_good(store, "4", D2, tmp_path, action="Kunjungan kedua")  # the latest is reported
    inspect_pulled_out(store, "4A", D2, tmp_path)
    inspect_good(store, "4B", NOW, tmp_path, north_m=0.3)  # off: the check shot fails
    built = _build(store, tmp_path)
    assert built.final, built.reasons
    text = all_text(built.pdf)
    assert "DRAF: belum final" not in text and "KEKURANGAN" not in text
    assert "TIDAK DIKUNJUNGI" not in text
    assert "Semua tanda batas diperiksa dalam periode ini." in text
    assert "Kunjungan kedua" in text and "Kunjungan pertama" not in text
    assert "TIDAK LULUS" in text  # 4B's check shot, and 4B needs a look
    section_vi = text[text.index("VI. Tanda Batas") : text.index("VII. Juru Ukur")]
    assert "(2 buah)" in section_vi and "4B" in section_vi
    assert "Ukuran kontrol di luar toleransi" in section_vi
    assert _images(built.pdf) == 5
    [row] = load_maintenance_reports(store.db)
    assert (row.period, row.file_name, row.draft) == (PERIOD, "lp.pdf", False)
    assert row.document_sha256 == sha256_file(built.pdf) == built.document_sha256
    logged = store.db.execute(
        "SELECT detail FROM change_log WHERE table_name = 'maintenance_report' AND row_id = ?",
        [row.id],
    ).fetchone()
    assert json.loads(logged[0])["period"] == PERIOD
    # The XLSX: one row per marker under the PDF's columns, then the check's figures.
    ws = load_workbook(tmp_path / "lp.xlsx")["Pemeliharaan"]
    assert "status FINAL" in ws.cell(2, 1).value
    assert [c.value for c in ws[3]] == [*HEAD, *FIGURES]
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert set(rows) == set(MARKERS)
    col = {h: i for i, h in enumerate([*HEAD, *FIGURES])}
    assert rows["4"][col["Kondisi"]] == "Baik" and rows["4A"][col["Kondisi"]] == "Tercabut"
    assert rows["4"][col["Tanggal periksa"]].date() == D2
    assert rows["4"][col["Vegetasi ≤ 1 m dibersihkan"]] == "Ya"
    assert rows["4A"][col["Vegetasi ≤ 1 m dibersihkan"]] == "Tidak"
    assert rows["4B"][col["Lulus"]] == "Tidak" and rows["4"][col["Lulus"]] == "Ya"
    assert rows["4B"][col["Δ horizontal (m)"]] == pytest.approx(0.3, abs=0.03)
    assert rows["4A"][col["Lulus"]] is None  # no check shot of a pulled-out marker
    assert "Pemasangan ulang" in rows["4A"][col["Tindakan yang diperlukan"]]


def test_xlsx_flags_a_marker_not_visited(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path)
    _build(store, tmp_path)
    ws = load_workbook(tmp_path / "lp.xlsx")["Pemeliharaan"]
    assert "status DRAF" in ws.cell(2, 1).value
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["4A"][3] == rows["4B"][3] == "TIDAK DIKUNJUNGI"
    summary = dict(load_workbook(tmp_path / "lp.xlsx")["Ringkasan"].iter_rows(values_only=True))
    assert summary["Tidak dikunjungi"] == "2 buah" and summary["Kondisi baik"] == "1 buah"


def test_a_reinstallation_since_the_visit_is_said(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path)
    found = inspect_pulled_out(store, "4A", D2, tmp_path)
    # As `marker reinstall` opens one (the row as schema_reinstall.py defines it).
    store.db.execute(
        "INSERT INTO reinstallation (uuid, marker_id, reason, inspection_id, status_before,"
        " opened_at) SELECT 'r-1', id, 'tercabut', ?, status, ? FROM marker WHERE name = '4A'",
        [found.id, f"{D2.isoformat()}T08:00:00+00:00"],
    )
    store.db.conn.commit()
    text = all_text(_build(store, tmp_path, xlsx=False).pdf)
    assert f"Pemasangan ulang dibuka {D2:%d-%m-%Y}, belum selesai" in text
    store.db.execute("UPDATE reinstallation SET closed_at = ?", [f"{NOW.isoformat()}T09:00:00"])
    store.db.conn.commit()
    text = all_text(_build(store, tmp_path, xlsx=False).pdf)
    assert f"Pemasangan ulang selesai {NOW:%d-%m-%Y} (dibuka {D2:%d-%m-%Y})" in text


def test_missing_signatory_or_surveyor_keeps_it_a_draf(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path)
    inspect_good(store, "4A", D2, tmp_path)
    # A visit recorded without its juru ukur: nobody to sign for it.
    record_inspection(store, "4B", condition="baik", vegetation_cleared=False, inspected_on=NOW,
                      today=NOW)  # fmt: skip
    set_signatories(store.db, name="", position="", ktt_name="")
    built = _build(store, tmp_path, xlsx=False)
    assert not built.final
    assert "belum diisi: nama Kepala Teknik Tambang (KTT)" in built.reasons
    assert "pemeriksaan tanpa juru ukur tercatat: 4B" in built.reasons
    assert load_maintenance_reports(store.db) == []


def test_returned_kpo_card_keeps_it_a_draf(store: JobStore, tmp_path: Path) -> None:
    for name, day in zip(MARKERS, (D1, D2, NOW), strict=True):
        inspect_good(store, name, day, tmp_path)
    surveyor = load_surveyors(store.db)[0]
    set_kpo_card(store.db, surveyor.name, number=surveyor.kpo_no or "KPO-1",
                 status="dikembalikan", updated_on=NOW, today=NOW)  # fmt: skip
    built = _build(store, tmp_path, xlsx=False)
    [reason] = built.reasons
    assert f"juru ukur {surveyor.name} tidak dapat menandatangani" in reason
    assert "berstatus dikembalikan" in reason
    annex = pages_text(built.pdf)[-1]
    assert "LAMPIRAN: KEKURANGAN" in annex and "berstatus dikembalikan" in annex
    assert load_maintenance_reports(store.db) == []


@pytest.mark.parametrize(
    ("text", "today", "start", "end"),
    [
        ("2026-H1", dt.date(2026, 12, 4), dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("2026-H2", dt.date(2026, 7, 1), dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        (" 2025-H2 ", dt.date(2026, 1, 5), dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
    ],
)
def test_period_ends(text: str, today: dt.date, start: dt.date, end: dt.date) -> None:
    period = parse_period(text, today)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "today", "words"),
    [
        ("2026-H3", TODAY, "expected YYYY-H1"),
        ("26-H1", TODAY, "expected YYYY-H1"),
        ("2026-h1", TODAY, "expected YYYY-H1"),
        ("", TODAY, "expected YYYY-H1"),
        ("2027-H1", TODAY, "starts on 2027-01-01, after today (2026-12-04)"),
        ("2026-H2", dt.date(2026, 6, 30), "starts on 2026-07-01, after today (2026-06-30)"),
    ],
)
def test_bad_period_refused(text: str, today: dt.date, words: str) -> None:
    with pytest.raises(PeriodError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_period(text, today)


def test_nothing_stored_or_written_on_bad_input(store: JobStore, tmp_path: Path) -> None:
    inspect_good(store, "4", D1, tmp_path)
    out = tmp_path / "lp.pdf"
    with pytest.raises(PeriodError):
        build_maintenance_report(store, f"{NOW.year + 1}-H1", out, today=NOW)
    # Before the demo's markers were installed: nothing to report on.
    with pytest.raises(ReportInputError, match="no marker was installed by 2026-06-30"):
        build_maintenance_report(store, "2026-H1", out, today=NOW)
    with pytest.raises(ReportInputError, match="is a PDF"):
        build_maintenance_report(store, PERIOD, tmp_path / "lp.docx", today=NOW)
    assert not out.exists() and load_maintenance_reports(store.db) == []


def test_period_label() -> None:
    assert Period(2026, 1).label == "Semester I Tahun 2026 (1 Januari – 30 Juni 2026)"


def test_read_only_job_builds_a_final_without_recording_it(template: Path, tmp_path: Path) -> None:
    job = copy_job(template, tmp_path / "ro.fieldapp")
    with JobStore.open(job) as store:
        for name, day in zip(MARKERS, (D1, D2, NOW), strict=True):
            inspect_good(store, name, day, tmp_path)
    with JobStore.open(job, read_only=True) as ro:
        built = _build(ro, tmp_path)
        assert load_maintenance_reports(ro.db) == []
    assert built.final and built.recorded is None and built.pdf.is_file()
    assert any("read-only" in note for note in built.notes)


def test_altered_photo_refused_nothing_written(store: JobStore, tmp_path: Path) -> None:
    done = inspect_good(store, "4", D1, tmp_path)
    photo = store.path / done.photos[0].file_name
    photo.write_bytes(photo.read_bytes() + b"edited")
    out = tmp_path / "lp.pdf"
    with pytest.raises(ReportInputError, match=r"marker 4: photo file .* was altered after import"):
        build_maintenance_report(store, PERIOD, out, tmp_path / "lp.xlsx", today=NOW)
    assert not out.exists() and not (tmp_path / "lp.xlsx").exists()


def test_a_reinstalled_marker_not_visited_since_is_dated_by_its_reinstallation(
    store: JobStore, tmp_path: Path
) -> None:
    inspect_good(store, "4A", D1, tmp_path)
    inspect_good(store, "4B", D1, tmp_path)
    # Marker 4 lost and reinstalled (closed) in the period, not inspected since.
    store.db.execute(
        "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at,"
        " closed_at) SELECT 'r-4', id, 'hilang', status, ?, ? FROM marker WHERE name = '4'",
        [f"{D1.isoformat()}T08:00:00+00:00", f"{D2.isoformat()}T09:00:00+00:00"],
    )
    store.db.conn.commit()
    text = " ".join(all_text(_build(store, tmp_path, xlsx=False).pdf).split())
    assert f"belum pernah diperiksa sejak dipasang ulang {D2:%d-%m-%Y}" in text
    assert f", ulang {D2:%d-%m-%Y}" in text  # the Tgl. pasang of the not-visited table
    assert "belum pernah diperiksa sejak dipasang " not in text.replace("dipasang ulang", "")
