"""Migration 17 on a job that printed before it: the print log kept, its new kind and rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import migrate
from fieldapp.store.database import JobDatabase
from fieldapp.store.printlog import DocumentKind, PrintEntry, load_print_log, log_print

ROW = (
    "INSERT INTO print_log (document_kind, file_name, document_sha256, copy_no, reason, printer,"
    " pages, printed_at, nomor, statement_sha256, draft, reinstallation_id)"
    " VALUES (?, 'x.pdf', ?, ?, ?, 'lp', 3, '2026-11-10T00:00:00+00:00', ?, ?, 0, ?)"
)


def test_print_log_survives_the_rebuild_and_knows_the_reinstallation_kind(tmp_path: Path) -> None:
    db = JobDatabase(sqlite3.connect(tmp_path / "job.sqlite", isolation_level=None))
    migrate(db, target=16)
    db.execute(
        "INSERT INTO print_log (document_kind, file_name, document_sha256, copy_no, reason,"
        " printer, pages, printed_at, nomor, statement_sha256, draft)"
        " VALUES ('berita_acara', 'ba.pdf', ?, 0, NULL, 'lp', 5, '2026-11-10T00:00:00+00:00',"
        " 'BA-TB/1/20261110/AAAA', ?, 0)",
        ["a" * 64, "b" * 64],
    )
    migrate(db)
    (kept,) = load_print_log(db)
    assert (kept.id, kept.kind, kept.nomor, kept.copy_no) == (
        1, DocumentKind.BERITA_ACARA, "BA-TB/1/20261110/AAAA", 0,
    )  # fmt: skip
    # One original per Nomor still holds after the rebuild.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(ROW, ["berita_acara", "c" * 64, 0, None, kept.nomor, "d" * 64, None])
    # A berita acara pemasangan ulang names its reinstallation, and only it does.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(ROW, ["berita_acara_ulang", "e" * 64, 0, None, "BA-TBU/1", "f" * 64, None])
    db.execute("INSERT INTO marker (name, kind, seq, design_lat, design_lon, status, created_at,"
               " updated_at)"
               " VALUES ('4', 'corner', 1, -1, 116, 'documented', 'x', 'x')")  # fmt: skip
    db.execute(
        "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at)"
        " VALUES ('r-1', 1, 'hilang', 'documented', '2026-12-01')"
    )
    record = log_print(
        db,
        PrintEntry(DocumentKind.BERITA_ACARA_ULANG, "ulang.pdf", "e" * 64, 0, "lp", 4,
                   nomor="BA-TBU/1", reinstallation_id=1),
    )  # fmt: skip
    assert record.kind is DocumentKind.BERITA_ACARA_ULANG
    # One open reinstallation per marker.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at)"
            " VALUES ('r-2', 1, 'lagi', 'documented', '2026-12-02')"
        )
    db.close()
