"""Migration 7 and the print log: copy numbers per document, reasons, upgrades of old jobs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import LATEST_VERSION, JobStore, migrate
from fieldapp.store.database import JobDatabase
from fieldapp.store.jobfile import DB_NAME
from fieldapp.store.migrations import schema_version
from fieldapp.store.printlog import (
    CopyTakenError,
    DocumentKind,
    PrintEntry,
    copies_logged,
    load_print_log,
    log_print,
    next_copy_no,
)

PRINT_LOG_VERSION = 7
SHA_A, SHA_B = "a" * 64, "b" * 64


def _entry(sha: str, copy_no: int | None, reason: str | None = None) -> PrintEntry:
    return PrintEntry(
        kind=DocumentKind.BERITA_ACARA if copy_no is not None else DocumentKind.DESKRIPSI,
        file_name="ba.pdf",
        document_sha256=sha,
        copy_no=copy_no,
        printer="Kantor-HP",
        pages=2,
        reason=reason,
        device="laptop-1",
        user_name="budi",
    )


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    return JobStore.create(tmp_path / "p.fieldapp", "P")


def test_counter_goes_0_1_2_per_document_hash(store: JobStore) -> None:
    db = store.db
    assert next_copy_no(db, SHA_A) == 0 and copies_logged(db, SHA_A) is None
    first = log_print(db, _entry(SHA_A, 0))
    assert first.is_original and first.label == "ASLI" and first.reason is None
    assert next_copy_no(db, SHA_A) == 1
    assert next_copy_no(db, SHA_B) == 0  # another document keeps its own counter
    second = log_print(db, _entry(SHA_A, 1, "  arsip   kantor "))
    assert (second.copy_no, second.label, second.reason) == (1, "SALINAN ke-1", "arsip   kantor")
    log_print(db, _entry(SHA_B, 0))
    log_print(db, _entry(SHA_A, 2, "rusak kena hujan"))
    assert [r.copy_no for r in load_print_log(db, SHA_A)] == [0, 1, 2]
    assert [r.copy_no for r in load_print_log(db)] == [0, 1, 0, 2]
    rec = load_print_log(db)[-1]
    assert (rec.printer, rec.pages, rec.device) == ("Kantor-HP", 2, "laptop-1")
    assert rec.user_name == "budi"
    assert rec.printed_at.startswith("20")


def test_a_salinan_needs_a_reason(store: JobStore) -> None:
    log_print(store.db, _entry(SHA_A, 0))
    for empty in (None, "", "   "):
        with pytest.raises(ValueError, match="needs a reason"):
            log_print(store.db, _entry(SHA_A, 1, empty))
    # The schema refuses it too, whoever writes the row.
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO print_log (document_kind, file_name, document_sha256, copy_no, printer,"
            " pages, printed_at) VALUES ('berita_acara', 'x.pdf', ?, 1, 'p', 1, 't')",
            [SHA_A],
        )
    assert len(load_print_log(store.db)) == 1


def test_a_copy_number_is_taken_once(store: JobStore) -> None:
    log_print(store.db, _entry(SHA_A, 0))
    with pytest.raises(CopyTakenError, match=r"original was already printed.*SALINAN ke-1"):
        log_print(store.db, _entry(SHA_A, 0))
    log_print(store.db, _entry(SHA_A, 1, "arsip"))
    with pytest.raises(CopyTakenError, match=r"SALINAN ke-1 was already printed.*SALINAN ke-2"):
        log_print(store.db, _entry(SHA_A, 1, "arsip lagi"))


def test_free_prints_have_no_copy_number_and_no_limit(store: JobStore) -> None:
    for _ in range(3):
        rec = log_print(store.db, _entry(SHA_A, None))
        assert rec.copy_no is None and rec.label == "-" and rec.kind is DocumentKind.DESKRIPSI
    # Free prints of a document do not make its next rule print a copy.
    assert next_copy_no(store.db, SHA_A) == 0


def test_bad_entries_are_refused(store: JobStore) -> None:
    with pytest.raises(ValueError, match="at least one page"):
        log_print(store.db, PrintEntry(DocumentKind.OTHER, "x.pdf", SHA_A, None, "p", 0))
    with pytest.raises(ValueError, match="64 hex"):
        log_print(store.db, PrintEntry(DocumentKind.OTHER, "x.pdf", "abc", None, "p", 1))


@pytest.mark.parametrize("version", range(1, PRINT_LOG_VERSION))
def test_older_job_upgrades_to_the_print_log(tmp_path: Path, version: int) -> None:
    folder = tmp_path / f"v{version}.fieldapp"
    folder.mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=version)
    db["permit_area"].insert(
        {"id": 1, "job_uuid": "u", "name": "Lama", "holder": "PT Lama", "crs": "auto",
         "created_at": "2024-01-01", "updated_at": "2024-01-01"}
    )  # fmt: skip
    db.close()
    with JobStore.open(folder) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert load_print_log(store.db) == []
        log_print(store.db, _entry(SHA_A, 0))
        row = store.db.execute("SELECT holder, holder_signatory FROM permit_area").fetchone()
        assert tuple(row) == ("PT Lama", None)
