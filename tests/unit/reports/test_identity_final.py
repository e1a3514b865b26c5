"""One original per Nomor, supersession, completeness and DRAF, on real job folders and PDFs."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from fieldapp.reports.build import BuildKind, BuildOptions, Outcome, build_document
from fieldapp.reports.completeness import check_completeness, names_holder, officer_covers
from fieldapp.reports.data import load_report_data
from fieldapp.reports.identity import parse_keywords
from fieldapp.reports.salinan import PrintRefused, identify, plan_print, prepare_print, record_print
from fieldapp.store import JobStore
from fieldapp.store.installation import add_witness, load_installation, withdraw
from fieldapp.store.photos import withdraw_photo
from fieldapp.store.printlog import load_print_log
from fieldapp.store.signatory import set_holder_signatory
from fieldapp.store.witness_needs import WitnessNeeds, set_ba_register, set_witness_needs
from fieldapp.survey.installation import WitnessCategory

from .pdftext import all_text, pages_text


def _build(store: JobStore, name: str, paper: str = "a4", **ba: object) -> Path:
    from fieldapp.reports.berita_acara import BeritaAcaraOptions

    out = store.documents_dir / name
    options = BuildOptions(paper=paper, berita_acara=BeritaAcaraOptions(**ba))  # type: ignore[arg-type]
    result = build_document(store.path, BuildKind.BERITA_ACARA, out, options)
    assert result.outcome is Outcome.FINISHED, result.message
    return out


def _nomor(pdf: Path) -> str:
    meta = PdfReader(pdf).metadata
    assert meta is not None
    nomor = parse_keywords(str(meta["/Keywords"])).nomor
    assert nomor is not None and f"Nomor: {nomor}" in pages_text(pdf)[0]
    return nomor


def _print(store: JobStore, doc: Path, out: Path, reason: str | None = None) -> int | None:
    plan = plan_print(store, doc)
    prepare_print(plan, out, reason, dt.date(2026, 11, 21))
    return record_print(store, plan, "lp", reason).copy_no


def _unwitness(store: JobStore, marker: str) -> None:
    for w in load_installation(store.db, marker).witnesses:
        if w.withdrawn is None:
            withdraw(store.db, "witness", w.id, "tidak hadir saat pemasangan")


def test_a4_then_f4_of_one_statement_print_one_asli_and_one_salinan(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    a4, f4 = _build(store, "a4.pdf"), _build(store, "f4.pdf", "f4")
    assert a4.read_bytes() != f4.read_bytes()  # two layouts ...
    assert _nomor(a4) == _nomor(f4)  # ... one berita acara
    assert _print(store, a4, tmp_path / "o.pdf") == 0
    with pytest.raises(PrintRefused, match="needs a reason"):
        _print(store, f4, tmp_path / "c.pdf")
    assert _print(store, f4, tmp_path / "c.pdf", "arsip Dinas ESDM") == 1
    assert all("SALINAN ke-1" in t for t in pages_text(tmp_path / "c.pdf"))
    # Rebuilding either paper never yields a second original.
    again = _build(store, "lagi.pdf", "f4")
    assert plan_print(store, again).copy_no == 2
    log = load_print_log(store.db)
    assert [(r.label, r.nomor) for r in log] == [("ASLI", _nomor(a4)), ("SALINAN ke-1", _nomor(a4))]


def test_a_new_signatory_gives_a_new_nomor_and_supersedes_the_original(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    first = _build(store, "first.pdf")
    assert _print(store, first, tmp_path / "o1.pdf") == 0
    set_holder_signatory(store.db, "Ir. Agus Salim, M.T.")
    second = _build(store, "second.pdf")
    assert _nomor(second) != _nomor(first)
    assert "Ir. Agus Salim, M.T." in all_text(second)
    [original] = load_print_log(store.db)
    assert original.superseded_by == _nomor(second) and original.superseded_at
    with pytest.raises(PrintRefused, match=rf"superseded by Nomor {_nomor(second)}"):
        plan_print(store, first)
    assert _print(store, second, tmp_path / "o2.pdf") == 0


def test_the_register_number_leads_the_nomor_and_the_content_hash_follows(
    documented_job: JobStore,
) -> None:
    store = documented_job
    set_ba_register(store.db, "123/BA/PT-BKM/2026")
    one = _nomor(_build(store, "one.pdf"))
    assert one.startswith("123/BA/PT-BKM/2026/") and len(one.rsplit("/", 1)[1]) == 8
    other = _nomor(_build(store, "two.pdf", place="Kantor PT Bara Khatulistiwa, Samarinda"))
    assert other.startswith("123/BA/PT-BKM/2026/") and other != one


def test_one_unwitnessed_marker_makes_a_draf_on_every_page_refused_as_asli(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    _unwitness(store, "4A")
    pdf = _build(store, "draf.pdf", "f4")
    pages = pages_text(pdf)
    assert len(pages) >= 3
    assert all("DRAF: belum final, lihat Lampiran: kekurangan" in t for t in pages)
    annex = pages[-1]
    assert "LAMPIRAN: KEKURANGAN" in annex and "4A" in annex
    assert "saksi aparat Desa Jembayan / Kecamatan Loa Kulu belum ada" in annex
    assert "saksi pemegang izin berbatasan PT Tetangga Batubara Sejahtera" in annex
    assert parse_keywords(str(PdfReader(pdf).metadata["/Keywords"])).draft  # type: ignore[index]
    with pytest.raises(PrintRefused, match=r"is a DRAF.*cannot be printed as ASLI") as caught:
        plan_print(store, pdf)
    assert "4A: saksi aparat Desa Jembayan" in str(caught.value)
    plan = plan_print(store, pdf, draft=True)
    assert (plan.copy_no, plan.label) == (None, "DRAF")
    prepare_print(plan, tmp_path / "d.pdf")
    assert record_print(store, plan, "lp").label == "DRAF"
    # The draft print numbered nothing: the complete one is still the first original.
    add_witness(store.db, "4A", "Suparman", "Kantor Desa Jembayan",
                WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    add_witness(store.db, "4A", "Ir. Hendra Wijaya", "PT Tetangga Batubara Sejahtera",
                WitnessCategory.NEIGHBOUR_PERMIT_HOLDER)  # fmt: skip
    add_witness(store.db, "4A", "H. Abdul Rahman", "Pemilik kebun karet",
                WitnessCategory.LAND_RIGHT_HOLDER)  # fmt: skip
    final = _build(store, "final.pdf")
    assert "DRAF" not in all_text(final)
    assert plan_print(store, final).copy_no == 0


def test_the_draf_watermark_is_drawn_across_every_page(
    documented_job: JobStore, tmp_path: Path
) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm not found: scripts/setup.sh installs poppler-utils")
    store = documented_job
    _unwitness(store, "4")
    pdf = _build(store, "draf.pdf")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(PdfReader(pdf).pages)
    for png in pngs:
        img = Image.open(png).convert("RGB")
        w, h = img.size
        # Red-tinted pixels (the half-transparent DRAF) around the centre of the page.
        reddish = sum(
            1
            for x in range(w // 4, 3 * w // 4)
            for y in range(h // 3, 2 * h // 3)
            if (lambda p: p[0] - p[2] > 25 and p[0] > 150)(img.getpixel((x, y)))
        )
        assert reddish > 200, f"{png.name}: no watermark ({reddish} red pixels)"


def test_completeness_reads_the_job_quality_photos_and_situation(
    documented_job: JobStore,
) -> None:
    store = documented_job
    assert check_completeness(store, load_report_data(store)).final
    inst = load_installation(store.db, "4")
    for p in inst.photos:
        withdraw_photo(store, p.id, "buram")
    set_witness_needs(
        store.db, "4B", WitnessNeeds(forest_area=True, other_commodity_holder="PT Emas Kutai")
    )
    verdict = check_completeness(store, load_report_data(store))
    gaps = {g.marker: g.items for g in verdict.gaps}
    assert set(gaps) == {"4", "4B"}
    assert gaps["4"] == ("foto belum ada (atau ditarik): utara, timur, selatan, barat, detail",)
    assert gaps["4B"] == (
        "saksi petugas kehutanan (kawasan hutan) belum ada",
        "saksi pemegang izin komoditas lain PT Emas Kutai belum ada",
    )
    add_witness(store.db, "4B", "Dewi Lestari, S.Hut.", "KPHP Santan",
                WitnessCategory.FORESTRY_OFFICER)  # fmt: skip
    add_witness(store.db, "4B", "Sri", "PT Emas Kutai Tbk",
                WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER)  # fmt: skip
    verdict = check_completeness(store, load_report_data(store))
    assert [g.marker for g in verdict.gaps] == ["4"]


def test_the_matching_rules_for_officers_and_holders() -> None:
    assert officer_covers("Kantor Desa Jembayan Tengah", "Jembayan Tengah", "Loa Kulu")
    assert not officer_covers("Kantor Desa Jembayan", "Jembayan Tengah", "Loa Kulu")
    assert officer_covers("Kantor Kecamatan Loa Kulu", "Jembayan Tengah", "Loa Kulu")
    assert officer_covers("Pemdes Sungai Payang, Kec. Loa Kulu", "Jembayan", "Loa Kulu")
    assert not officer_covers("Kecamatan Loa Janan", "Jembayan", "Loa Kulu")
    holder = "PT Tetangga Batubara Sejahtera (WIUP 6402.0.12.778)"
    assert names_holder("PT. Tetangga Batubara Sejahtera", holder)
    assert not names_holder("PT Tambang Mahakam Sejahtera", holder)


def test_a_name_the_font_cannot_draw_refuses_the_build(documented_job: JobStore) -> None:
    store = documented_job
    add_witness(store.db, "4", "ꦱꦸꦥꦂꦩꦤ꧀ Suparman", "Kantor Desa Jembayan",
                WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    out = store.documents_dir / "x.pdf"
    result = build_document(store.path, BuildKind.BERITA_ACARA, out)
    assert result.outcome is Outcome.FAILED and not out.exists()
    assert result.message is not None
    assert "witness of 4 'ꦱꦸꦥꦂꦩꦤ꧀ Suparman'" in result.message
    assert "U+A9B1 JAVANESE LETTER SA" in result.message


def test_identify_reads_the_nomor_of_a_register_with_spaces(documented_job: JobStore) -> None:
    store = documented_job
    set_ba_register(store.db, "No. 7 / BA / 2026")
    info = identify(_build(store, "r.pdf"))
    assert info.nomor is not None and info.nomor.startswith("No. 7 / BA / 2026/")


def test_a_stake_outside_tolerance_or_without_recorded_quality_is_not_final(
    documented_job: JobStore,
) -> None:
    from fieldapp.store.installation import record_stake
    from fieldapp.store.records import load_marker
    from fieldapp.survey.installation import StakeSource
    from fieldapp.survey.local import metres_per_degree
    from fieldapp.survey.occupation import Position

    store = documented_job
    m = load_marker(store.db, "4A")
    kn, _ = metres_per_degree(m.lat)
    # A total-station shot 0.25 m north of design replaces the occupation's stake.
    record_stake(store.db, "4A", Position(m.lat + 0.25 / kn, m.lon, m.h), StakeSource.TOTAL_STATION,
                 ts_shot="TB-05>BM-02 Hz 123.4567 V 90.0000 SD 25.000")  # fmt: skip
    # 4B's stake as an older job holds it: taken before stakes kept their fix and sigma.
    stake_4b = load_installation(store.db, "4B").current_stake
    assert stake_4b is not None
    store.db.execute("UPDATE stake SET sigma_kind = NULL WHERE id = ?", [stake_4b.id])
    # 4's stake as checked against a stricter profile: its sigma failed.
    stake_4 = load_installation(store.db, "4").current_stake
    assert stake_4 is not None
    store.db.execute(
        "UPDATE stake SET quality_ok = 0, sigma_h_m = 0.2, profile_max_sigma_h_m = 0.05 "
        "WHERE id = ?",
        [stake_4.id],
    )
    gaps = {g.marker: g.items for g in check_completeness(store, load_report_data(store)).gaps}
    assert gaps == {
        "4": (
            "mutu pengamatan tidak memenuhi profil (solusi RTK fixed, σH 0,200 m, batas 0,050 m)",
        ),
        "4A": ("posisi terpasang 0,250 m dari desain, melebihi toleransi 0,100 m",),
        "4B": ("mutu pengamatan GNSS (jenis fix, σ) tidak tercatat pada pematokan",),
    }


def test_a_one_off_signatory_build_supersedes_nothing_and_is_no_original(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    printed = _build(store, "printed.pdf")
    assert _print(store, printed, tmp_path / "o.pdf") == 0
    once = _build(store, "once.pdf", holder_signatory="Drs. Sekali Saja")
    assert _nomor(once) != _nomor(printed)
    assert load_print_log(store.db)[0].superseded_by is None
    with pytest.raises(PrintRefused, match="signatory, register number"):
        plan_print(store, once)
    assert plan_print(store, printed).copy_no == 1
