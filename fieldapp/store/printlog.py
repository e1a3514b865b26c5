"""The job's print log: every printed document, which copy it was (original / SALINAN n), why.

A berita acara is logged under its Nomor (bound to the hash of what it states): copy numbers
count per Nomor, whatever the paper or the PDF's bytes, so there is one original per Nomor.
An original whose Nomor was replaced by a newer one is marked superseded, with the new Nomor.
"""

from __future__ import annotations

import getpass
import socket
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso


class DocumentKind(StrEnum):
    BERITA_ACARA = "berita_acara"
    BERITA_ACARA_ULANG = "berita_acara_ulang"  # of one reinstallation (pemasangan ulang)
    DESKRIPSI = "deskripsi"
    STAKEOUT = "stakeout"
    OTHER = "other"


class CopyTakenError(RuntimeError):
    """Another print of the same document took this copy number first."""


def copy_label(copy_no: int | None, draft: bool = False) -> str:
    """How the documents name a print: ASLI, SALINAN ke-n, DRAF, or '-' (no copy rule)."""
    if draft:
        return "DRAF"
    if copy_no is None:
        return "-"
    return "ASLI" if copy_no == 0 else f"SALINAN ke-{copy_no}"


@dataclass(frozen=True, slots=True)
class PrintEntry:
    """A print about to be logged; ``copy_no`` None = outside the SALINAN rule."""

    kind: DocumentKind
    file_name: str
    document_sha256: str
    copy_no: int | None
    printer: str
    pages: int
    reason: str | None = None
    data_sha256: str | None = None
    device: str | None = None
    user_name: str | None = None
    nomor: str | None = None  # a berita acara: the copy rule counts per Nomor
    statement_sha256: str | None = None
    draft: bool = False
    reinstallation_id: int | None = None  # a berita acara pemasangan ulang: of which


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """One logged print as stored in the job."""

    id: int
    kind: DocumentKind
    file_name: str
    document_sha256: str
    data_sha256: str | None
    copy_no: int | None
    reason: str | None
    printer: str
    pages: int
    printed_at: str
    device: str | None
    user_name: str | None
    nomor: str | None = None
    statement_sha256: str | None = None
    draft: bool = False
    superseded_by: str | None = None
    superseded_at: str | None = None

    @property
    def is_original(self) -> bool:
        return self.copy_no == 0

    @property
    def label(self) -> str:
        return copy_label(self.copy_no, self.draft)


_COLUMNS = (
    "id, document_kind, file_name, document_sha256, data_sha256, copy_no, reason, printer, "
    "pages, printed_at, device, user_name, nomor, statement_sha256, draft, superseded_by, "
    "superseded_at"
)


def _record(r: Sequence[Any]) -> PrintRecord:
    return PrintRecord(
        id=int(r[0]),
        kind=DocumentKind(r[1]),
        file_name=r[2],
        document_sha256=r[3],
        data_sha256=r[4],
        copy_no=None if r[5] is None else int(r[5]),
        reason=r[6],
        printer=r[7],
        pages=int(r[8]),
        printed_at=r[9],
        device=r[10],
        user_name=r[11],
        nomor=r[12],
        statement_sha256=r[13],
        draft=bool(r[14]),
        superseded_by=r[15],
        superseded_at=r[16],
    )


def this_device() -> tuple[str | None, str | None]:
    """Host name and login of this machine, when the system tells them."""
    try:
        host: str | None = socket.gethostname() or None
    except OSError:
        host = None
    try:
        user: str | None = getpass.getuser() or None
    except (OSError, KeyError):  # no login name (service account, container)
        user = None
    return host, user


def copies_logged(db: JobDatabase, document_sha256: str, nomor: str | None = None) -> int | None:
    """The highest copy number printed of this Nomor (or, without one, of these bytes)."""
    key, value = ("nomor", nomor) if nomor is not None else ("document_sha256", document_sha256)
    row = db.execute(
        f"SELECT max(copy_no) FROM print_log WHERE {key} = ? AND copy_no IS NOT NULL",
        [value],
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def next_copy_no(db: JobDatabase, document_sha256: str, nomor: str | None = None) -> int:
    """0 when the Nomor (document) was never printed as an original, else the next SALINAN."""
    last = copies_logged(db, document_sha256, nomor)
    return 0 if last is None else last + 1


def original_of(db: JobDatabase, nomor: str) -> PrintRecord | None:
    """The logged original (ASLI) of a berita acara Nomor, if it was printed."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM print_log WHERE nomor = ? AND copy_no = 0", [nomor]
    ).fetchone()
    return None if row is None else _record(row)


def supersede_originals(
    db: JobDatabase, current_nomor: str, reinstallation_id: int | None = None
) -> list[PrintRecord]:
    """Mark the prints (original and copies) of every other berita acara Nomor as superseded.

    Returns the originals marked now; prints already superseded keep their first successor,
    the Nomor that replaced them when it happened. With ``reinstallation_id``: only the other
    Nomors of that reinstallation's berita acara pemasangan ulang (each reinstallation has its
    own original, and the job's berita acara keeps its own).
    """
    if reinstallation_id is None:
        which, args = "document_kind = 'berita_acara'", []
    else:
        which = "document_kind = 'berita_acara_ulang' AND reinstallation_id = ?"
        args = [reinstallation_id]
    with db.atomic():
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM print_log WHERE {which} "
            "AND copy_no = 0 AND (nomor IS NULL OR nomor != ?) AND superseded_by IS NULL",
            [*args, current_nomor],
        ).fetchall()
        if rows:
            # Prints from before Nomors existed (nomor NULL) are replaced too: the job's
            # first final berita acara after the upgrade is its one standing original.
            db.execute(
                f"UPDATE print_log SET superseded_by = ?, superseded_at = ? "
                f"WHERE {which} AND (nomor IS NULL OR nomor != ?) "
                "AND superseded_by IS NULL",
                [current_nomor, now_iso(), *args, current_nomor],
            )
    return [_record(r) for r in rows]


def superseded_by(db: JobDatabase, nomor: str) -> str | None:
    """The Nomor that replaced this one, when a newer berita acara superseded it."""
    row = db.execute(
        "SELECT superseded_by FROM print_log WHERE nomor = ? AND superseded_by IS NOT NULL "
        "ORDER BY id LIMIT 1",
        [nomor],
    ).fetchone()
    return None if row is None else str(row[0])


def log_print(db: JobDatabase, entry: PrintEntry) -> PrintRecord:
    """Write one print to the log; a SALINAN needs a reason and the next free copy number."""
    reason = (entry.reason or "").strip() or None
    if entry.copy_no is not None and entry.copy_no > 0 and reason is None:
        raise ValueError(f"{entry.file_name}: a SALINAN print needs a reason")
    if entry.pages <= 0:
        raise ValueError(f"{entry.file_name}: a print has at least one page, not {entry.pages}")
    if len(entry.document_sha256) != 64:
        raise ValueError(f"{entry.file_name}: document SHA-256 must be 64 hex digits")
    try:
        row_id = _insert(db, entry, reason)
    except sqlite3.IntegrityError as exc:
        # Another process logged the same copy number between our check and insert.
        if entry.copy_no is None or "UNIQUE" not in str(exc):
            raise
        expected = next_copy_no(db, entry.document_sha256, entry.nomor)
        raise CopyTakenError(_taken_message(entry, expected)) from exc
    row = db.execute(f"SELECT {_COLUMNS} FROM print_log WHERE id = ?", [row_id]).fetchone()
    return _record(row)


def _taken_message(entry: PrintEntry, expected: int) -> str:
    taken = "the original" if entry.copy_no == 0 else copy_label(entry.copy_no)
    return (
        f"{entry.file_name}: {taken} was already printed and logged; "
        f"this print would be {copy_label(expected)}: print it again"
    )


def _insert(db: JobDatabase, entry: PrintEntry, reason: str | None) -> int:
    with db.atomic():
        if entry.copy_no is not None:
            expected = next_copy_no(db, entry.document_sha256, entry.nomor)
            if entry.copy_no != expected:
                raise CopyTakenError(_taken_message(entry, expected))
        cursor = db.execute(
            "INSERT INTO print_log (document_kind, file_name, document_sha256, data_sha256, "
            "copy_no, reason, printer, pages, printed_at, device, user_name, nomor, "
            "statement_sha256, draft, reinstallation_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                DocumentKind(entry.kind).value,
                entry.file_name,
                entry.document_sha256,
                entry.data_sha256,
                entry.copy_no,
                reason,
                entry.printer.strip() or "-",
                entry.pages,
                now_iso(),
                entry.device,
                entry.user_name,
                entry.nomor,
                entry.statement_sha256,
                int(entry.draft),
                entry.reinstallation_id,
            ],
        )
    return int(cursor.lastrowid or 0)


def load_print_log(db: JobDatabase, document_sha256: str | None = None) -> list[PrintRecord]:
    """Every print of the job (or of one document), oldest first."""
    if document_sha256 is None:
        rows = db.execute(f"SELECT {_COLUMNS} FROM print_log ORDER BY id").fetchall()
    else:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM print_log WHERE document_sha256 = ? ORDER BY id",
            [document_sha256],
        ).fetchall()
    return [_record(r) for r in rows]
