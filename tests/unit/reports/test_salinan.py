"""SALINAN stamps and the printing rule, on real berita acara PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.reports.build import BuildKind, BuildOptions, Outcome, build_document
from fieldapp.reports.salinan import (
    MAX_REASON,
    PrintRefused,
    Stamp,
    identify,
    plan_print,
    prepare_print,
    record_print,
    stamp_pdf,
)
from fieldapp.store import JobStore
from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment
from fieldapp.store.printlog import DocumentKind, load_print_log

from .pdftext import pages_text

REASON = "Arsip kantor cabang Samarinda, berkas triwulan IV"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build(store: JobStore, kind: BuildKind, name: str, paper: str = "a4") -> Path:
    out = store.documents_dir / name
    result = build_document(store.path, kind, out, BuildOptions(paper=paper))  # type: ignore[arg-type]
    assert result.outcome is Outcome.FINISHED, result.message
    return out


def _print(
    store: JobStore, doc: Path, out: Path, reason: str | None = None
) -> tuple[int | None, Path]:
    plan = plan_print(store, doc)
    prepare_print(plan, out, reason, dt.date(2026, 11, 21))
    record = record_print(store, plan, "HP LaserJet lapangan", reason)
    return record.copy_no, out


def test_stamp_on_every_page_and_the_original_untouched(
    documented_job: JobStore, tmp_path: Path
) -> None:
    ba = _build(documented_job, BuildKind.BERITA_ACARA, "ba.pdf", "f4")
    before = ba.read_bytes()
    out = tmp_path / "copy.pdf"
    stamp_pdf(ba, out, Stamp(2, REASON, dt.date(2026, 11, 21)))
    assert ba.read_bytes() == before
    stamped, original = pages_text(out), pages_text(ba)
    assert len(stamped) == len(original) >= 2
    for page, orig in zip(stamped, original, strict=True):
        assert "SALINAN ke-2" in page and REASON in page and "21 November 2026" in page
        assert "SALINAN" not in orig
        # The document itself is still all there under the stamp.
        assert orig.split("Halaman")[0][-40:] in page
    # Same paper as the original (F4: 215 x 330 mm), page for page.
    for p in PdfReader(out).pages:
        assert (
            round(float(p.mediabox.width) / 72 * 25.4),
            round(float(p.mediabox.height) / 72 * 25.4),
        ) == (215, 330)
    assert PdfReader(out).metadata.subject == f"SALINAN ke-2: {REASON}"  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf", "job.fieldapp"]


def test_stamp_refuses_what_it_must_not_do(documented_job: JobStore, tmp_path: Path) -> None:
    ba = _build(documented_job, BuildKind.BERITA_ACARA, "ba.pdf")
    day = dt.date(2026, 1, 1)
    for reason in ("", "   "):
        with pytest.raises(PrintRefused, match="needs a reason"):
            stamp_pdf(ba, tmp_path / "x.pdf", Stamp(1, reason, day))
    with pytest.raises(PrintRefused, match="at most 120"):
        stamp_pdf(ba, tmp_path / "x.pdf", Stamp(1, "x" * (MAX_REASON + 1), day))
    with pytest.raises(PrintRefused, match="must not replace the original"):
        stamp_pdf(ba, ba, Stamp(1, REASON, day))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(ba.read_bytes()[:300])
    with pytest.raises(PrintRefused, match="not a readable PDF"):
        stamp_pdf(broken, tmp_path / "x.pdf", Stamp(1, REASON, day))
    # Nothing half-written anywhere.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.pdf", "job.fieldapp"]


def test_first_print_is_the_original_then_salinan_1_2(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    ba = _build(store, BuildKind.BERITA_ACARA, "berita_acara.pdf")
    info = identify(ba)
    assert (
        info.kind is DocumentKind.BERITA_ACARA
        and info.pages == len(PdfReader(ba).pages)
        and info.data_sha256
    )
    copy_no, first = _print(store, ba, tmp_path / "p0.pdf")
    assert copy_no == 0 and first.read_bytes() == ba.read_bytes()  # the original, as is
    plan = plan_print(store, ba)
    assert (plan.copy_no, plan.needs_reason, plan.label) == (1, True, "SALINAN ke-1")
    with pytest.raises(PrintRefused, match="needs a reason"):
        prepare_print(plan, tmp_path / "p1.pdf", "  ")
    assert not (tmp_path / "p1.pdf").exists()
    copy_no, second = _print(store, ba, tmp_path / "p1.pdf", REASON)
    assert copy_no == 1 and all("SALINAN ke-1" in t and REASON in t for t in pages_text(second))
    # Building again from the same data gives the same file: the counter carries on.
    again = _build(store, BuildKind.BERITA_ACARA, "lagi.pdf")
    assert _sha(again) == _sha(ba)
    copy_no, third = _print(store, again, tmp_path / "p2.pdf", "rusak kena hujan")
    assert copy_no == 2 and "SALINAN ke-2" in pages_text(third)[0]
    log = load_print_log(store.db)
    assert [(r.copy_no, r.reason) for r in log] == [(0, None), (1, REASON), (2, "rusak kena hujan")]
    assert {r.document_sha256 for r in log} == {_sha(ba)} and all(
        r.pages == info.pages for r in log
    )
    assert _sha(ba) == info.sha256  # printing never touched the document


def test_a_stale_berita_acara_is_not_final(documented_job: JobStore, tmp_path: Path) -> None:
    store = documented_job
    printed = _build(store, BuildKind.BERITA_ACARA, "printed.pdf")
    f4 = _build(store, BuildKind.BERITA_ACARA, "f4.pdf", "f4")
    assert _print(store, printed, tmp_path / "o.pdf")[0] == 0
    add_equipment(store.db, Equipment(EquipmentKind.OTHER, "Meteran 50 m", "M-01"))
    # The F4 of the printed Nomor is a copy of that original, with a warning that it is old
    # (no newer berita acara was built yet, so nothing superseded it).
    plan = plan_print(store, f4)
    assert plan.copy_no == 1 and "no longer states the job" in plan.warnings[0]
    stale = _build(store, BuildKind.BERITA_ACARA, "stale.pdf")
    add_equipment(store.db, Equipment(EquipmentKind.OTHER, "Meteran 30 m", "M-02"))
    # Never printed, and no longer the job: no original of it.
    with pytest.raises(PrintRefused, match=r"not final.*build the berita acara again"):
        plan_print(store, stale)
    fresh = _build(store, BuildKind.BERITA_ACARA, "fresh.pdf")
    assert plan_print(store, fresh).copy_no == 0
    # The final build of the new Nomor superseded the printed one: no copy of it any more.
    with pytest.raises(PrintRefused, match=r"superseded by Nomor"):
        plan_print(store, printed)


def test_other_documents_print_freely(documented_job: JobStore, tmp_path: Path) -> None:
    store = documented_job
    so = _build(store, BuildKind.STAKEOUT, "stakeout.pdf")
    for i in range(2):
        plan = plan_print(store, so)
        assert plan.copy_no is None and not plan.needs_reason
        out = prepare_print(plan, tmp_path / f"so{i}.pdf")
        assert out.read_bytes() == so.read_bytes()
        record_print(store, plan, "lp")
    log = load_print_log(store.db)
    assert [(r.kind, r.copy_no, r.label) for r in log] == [(DocumentKind.STAKEOUT, None, "-")] * 2
    other = tmp_path / "other.pdf"
    other.write_bytes(
        (tmp_path / "so0.pdf").read_bytes().replace(b"Laporan Stake Out", b"Laporan Lain Xyz")
    )
    assert identify(other).kind is DocumentKind.OTHER
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("hello")
    with pytest.raises(PrintRefused, match=r"notes\.pdf: not a readable PDF"):
        plan_print(store, not_pdf)


def test_a_document_changed_after_the_check_is_not_printed(
    documented_job: JobStore, tmp_path: Path
) -> None:
    ba = _build(documented_job, BuildKind.BERITA_ACARA, "ba.pdf")
    plan = plan_print(documented_job, ba)
    ba.write_bytes(ba.read_bytes() + b"\n%")
    with pytest.raises(PrintRefused, match="changed since it was checked"):
        prepare_print(plan, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
