"""The rencana kerja read back: the eight items with their data, and a DRAF naming what lacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp.demo_job import create_demo_job
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.textfmt import lat_dms
from fieldapp.reports.work_plan import render_work_plan
from fieldapp.reports.work_plan_data import ITEMS, load_work_plan
from fieldapp.reports.work_plan_tables import rupiah
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.witness_needs import WitnessNeeds, set_witness_needs
from fieldapp.store.work_plan import add_cost, add_schedule

from .pdftext import all_text, embedded_fonts, pages_text

DAY = dt.date(2026, 12, 1)


def _fill(job: JobStore) -> None:
    add_cost(job.db, "Tugu beton tanda batas", "24", "buah", "850.000")
    add_cost(job.db, "Juru ukur dan pembantu", "30", "OH", "500000", note="2 tim")
    add_cost(job.db, "Sewa receiver GNSS geodetik", "1,5", "bulan", "12.500.000")
    add_schedule(job.db, "Persiapan dan mobilisasi", "2027-01-04", "2027-01-10")
    add_schedule(job.db, "Stake out dan pemasangan tanda batas", "2027-01-18", "2027-02-21")


def _build(job: JobStore, out: Path) -> Path:
    return save_pdf(render_work_plan(load_work_plan(job), "a4", DAY, "Tenggarong"), out)


def test_demo_plan_has_all_eight_items_with_their_data(
    documented_job: JobStore, tmp_path: Path
) -> None:
    _fill(documented_job)
    set_witness_needs(documented_job.db, "1", WitnessNeeds(forest_area=True))
    pdf = _build(documented_job, tmp_path / "rk.pdf")
    text = all_text(pdf)
    for k, item in enumerate(ITEMS, start=1):
        assert f"{k}. {item}" in text, item
    markers = rec.load_markers(documented_job.db)
    assert len(markers) == 23
    assert "Tanda batas yang direncanakan berjumlah 23 buah (10 sudut, 13 sisipan)" in text
    first = next(m for m in markers if m.name == "1")
    assert lat_dms(first.lat, 3) in text  # the design coordinate of marker 1
    assert "Sokkia iM-52" in text and "HR0934" in text  # item 5
    assert "Budi Santoso, S.T." in text and "SKK-JUT/2023/0458" in text  # item 6
    assert "KPO-ESDM/2025/0123" in text
    assert "Rp 850.000" in text and "Rp 20.400.000" in text  # item 7: 24 x 850.000
    total = 20_400_000 + 15_000_000 + 18_750_000
    assert rupiah(total) == "Rp 54.150.000" and f"JUMLAH {rupiah(total)}" in text
    assert "lima puluh empat juta seratus lima puluh ribu rupiah" in text
    assert "Stake out dan pemasangan tanda batas" in text and "18-01-2027" in text  # item 8
    assert "Bagan waktu" in text
    # Item 2: the access recorded on the demo's descriptions; item 3: the neighbour and the
    # planned markers on the line it shares with the WIUP.
    assert "Dari Titik Bantu TB-05" in text
    assert "PT Tetangga Batubara Sejahtera" in text and "4 buah: 4, 4A, 4B, 5" in text
    assert "Tanda batas 1: kawasan hutan" in text  # item 4: the land-right flag recorded
    assert "belum diisi" not in text.replace("(nama belum diisi)", "")
    assert "DRAF" not in text and "Lampiran: kekurangan".upper() not in text
    assert "Ir. Andi Pratama, M.T." in text  # the stored holder signatory signs
    assert all(embedded_fonts(pdf).values())


def test_empty_plan_is_a_draf_naming_what_lacks(tmp_path: Path) -> None:
    with create_demo_job(tmp_path / "empty.fieldapp", background=False) as job:
        plan = load_work_plan(job)
        assert plan.missing() == (1, 2, 4, 5, 7, 8)
        pdf = _build(job, tmp_path / "draf.pdf")
    pages = pages_text(pdf)
    text = " ".join(pages)
    assert all("DRAF: belum final, lihat Lampiran: kekurangan" in p for p in pages)
    annex = pages[-1]
    assert "LAMPIRAN: KEKURANGAN" in annex and "Rencana kerja ini masih DRAF" in annex
    for k in (1, 2, 4, 5, 7, 8):
        assert f"Butir {k} ({ITEMS[k - 1]}) belum diisi" in annex
    for k in (3, 6):
        assert f"Butir {k} " not in annex
    assert "Nama penanda tangan pemegang IUP belum diisi" in annex
    assert "7. Rencana Biaya (belum diisi)" in text
    assert "Belum diisi: tidak ada butir biaya dalam job" in text
    # No land-rights data: said plainly, nothing drawn that the job does not hold.
    assert "job ini tidak memuat data hak atas tanah" in text
    # The neighbour is listed; which markers stand on its line is not known before the plan.
    assert "PT Tetangga Batubara Sejahtera" in text
    assert "belum ada tanda batas direncanakan" in text and "tidak berbagi garis" not in text


def test_same_plan_same_id_and_a_change_gives_a_new_one(
    documented_job: JobStore, tmp_path: Path
) -> None:
    _fill(documented_job)
    one = load_work_plan(documented_job).sha256
    assert load_work_plan(documented_job).sha256 == one
    add_cost(documented_job.db, "Transportasi", "1", "ls", "2.000.000")
    assert load_work_plan(documented_job).sha256 != one


def test_sharing_holder_and_a_long_schedule_drawn_by_month(
    documented_job: JobStore, tmp_path: Path
) -> None:
    _fill(documented_job)
    holder = "PT Pasir Kuarsa Nusantara"
    for name in ("5A", "5B"):
        set_witness_needs(documented_job.db, name, WitnessNeeds(other_commodity_holder=holder))
    for k in range(12):  # a year of monthly inspections: too many weeks for one column each
        add_schedule(documented_job.db, f"Pemeliharaan bulan ke-{k + 1}",
                     f"2027-{k + 1:02d}-01", f"2027-{k + 1:02d}-10")  # fmt: skip
    pdf = _build(documented_job, tmp_path / "rk.pdf")
    text = all_text(pdf)
    assert f"Berbagi wilayah dengan pemegang izin komoditas lain {holder}" in text
    assert "tercatat pada tanda batas 5A, 5B" in text
    assert "satu kolom = satu bulan" in text and "12/27" in text
    assert "Pemeliharaan bulan ke-12" in text
