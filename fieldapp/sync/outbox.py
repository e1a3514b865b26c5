"""The outbox in the job store: one row per package revision and its state machine."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso
from fieldapp.sync.wire import WireManifest


class OutboxState(StrEnum):
    DRAFT = "draft"  # bag being written; never leaves the laptop
    SEALED = "sealed"  # bag complete and signed; immutable from here on
    QUEUED = "queued"  # waiting for a link
    UPLOADING = "uploading"  # a push is (or was, before a crash) sending it
    COMMITTED = "committed"  # the office returned a receipt
    RECEIVED = "received"  # the office's inbox confirmed it
    IN_REVIEW = "in_review"
    ACCEPTED = "accepted"
    RETURNED = "returned"  # back to the field with notes: revise and resubmit
    REJECTED = "rejected"


S = OutboxState
_DECISIONS = frozenset({S.IN_REVIEW, S.ACCEPTED, S.RETURNED, S.REJECTED})
# Office events may arrive coalesced (a pull after days offline sees only the last
# decision), so a later office state may be reached from any earlier one.
ALLOWED: dict[OutboxState, frozenset[OutboxState]] = {
    S.DRAFT: frozenset({S.SEALED}),
    S.SEALED: frozenset({S.QUEUED}),
    S.QUEUED: frozenset({S.UPLOADING}),
    S.UPLOADING: frozenset({S.QUEUED, S.COMMITTED}),
    S.COMMITTED: frozenset({S.RECEIVED}) | _DECISIONS,
    S.RECEIVED: _DECISIONS,
    S.IN_REVIEW: frozenset({S.ACCEPTED, S.RETURNED, S.REJECTED}),
    S.ACCEPTED: frozenset(),
    S.RETURNED: frozenset(),
    S.REJECTED: frozenset(),
}
PENDING_UPLOAD = (S.SEALED, S.QUEUED, S.UPLOADING)
# Rank for applying office states idempotently: an older event never moves a row back.
RANK = {s: i for i, s in enumerate(OutboxState)}
for _final in (S.RETURNED, S.REJECTED):
    RANK[_final] = RANK[S.ACCEPTED]


class TransitionError(ValueError):
    """A state change the outbox state machine does not allow."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One package revision as the GUI's outbox view shows it."""

    package_id: str
    revision: int
    supersedes: int | None
    state: OutboxState
    bag_dir: str  # relative to the job folder
    manifest_hash: str | None
    total_bytes: int
    sealed_at: str | None
    updated_at: str
    receipt_id: str | None
    office_notes: str | None
    last_error: str | None


_COLUMNS = (
    "package_id, revision, supersedes, state, bag_dir, manifest_hash, total_bytes, sealed_at,"
    " updated_at, receipt_id, office_notes, last_error"
)


def _entry(row: tuple[Any, ...]) -> OutboxEntry:
    return OutboxEntry(
        package_id=row[0],
        revision=int(row[1]),
        supersedes=None if row[2] is None else int(row[2]),
        state=OutboxState(row[3]),
        bag_dir=row[4],
        manifest_hash=row[5],
        total_bytes=int(row[6] or 0),
        sealed_at=row[7],
        updated_at=row[8],
        receipt_id=row[9],
        office_notes=row[10],
        last_error=row[11],
    )


def list_outbox(db: JobDatabase) -> list[OutboxEntry]:
    """Every revision, oldest first: what the GUI outbox view lists."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id").fetchall()
    return [_entry(r) for r in rows]


def get_entry(db: JobDatabase, package_id: str, revision: int) -> OutboxEntry | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE package_id = ? AND revision = ?",
        [package_id, revision],
    ).fetchone()
    return None if row is None else _entry(row)


def latest_entry(db: JobDatabase) -> OutboxEntry | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state != 'draft' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else _entry(row)


def still_to_send(entries: Sequence[OutboxEntry]) -> list[OutboxEntry]:
    """Pending revisions (oldest first) that no later seal set aside.

    A seal refuses while a revision waits, so a pending revision with a later one after it
    was set aside on purpose: the office refused it for good, or it was sealed on the laptop
    a copied job came from. The later revision carries the job's work instead.
    """
    sealed = [e for e in entries if e.state != S.DRAFT]
    return [e for e in sealed[-1:] if e.state in PENDING_UPLOAD]


def pending_uploads(db: JobDatabase) -> list[OutboxEntry]:
    return still_to_send(list_outbox(db))


def wire_manifest(db: JobDatabase, package_id: str, revision: int) -> WireManifest:
    row = db.execute(
        "SELECT wire_manifest FROM outbox WHERE package_id = ? AND revision = ?",
        [package_id, revision],
    ).fetchone()
    if row is None or row[0] is None:
        raise LookupError(f"package {package_id} revision {revision} has no sealed manifest")
    return WireManifest.from_json(json.loads(row[0]))


def insert_draft(
    db: JobDatabase,
    package_id: str,
    revision: int,
    supersedes: int | None,
    bag_dir: str,
) -> None:
    stamp = now_iso()
    with db.atomic():
        db.execute(
            "INSERT INTO outbox (package_id, revision, supersedes, state, bag_dir, total_bytes,"
            " created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, 0, ?, ?)",
            [package_id, revision, supersedes, bag_dir, stamp, stamp],
        )


def delete_drafts(db: JobDatabase) -> list[str]:
    """Forget drafts a crash left behind; returns their bag folders for the caller to remove."""
    with db.atomic():
        rows = db.execute("SELECT bag_dir FROM outbox WHERE state = 'draft'").fetchall()
        db.execute("DELETE FROM outbox WHERE state = 'draft'")
    return [r[0] for r in rows]


def transition(
    db: JobDatabase,
    package_id: str,
    revision: int,
    to: OutboxState,
    detail: str | None = None,
    **fields: Any,
) -> OutboxEntry:
    """Move one revision to ``to`` if the state machine allows it, with a history row."""
    allowed_fields = {
        "manifest_hash",
        "wire_manifest",
        "total_bytes",
        "sealed_at",
        "receipt_id",
        "office_notes",
        "last_error",
    }
    unknown = set(fields) - allowed_fields
    if unknown:
        raise ValueError(f"unknown outbox field(s): {', '.join(sorted(unknown))}")
    with db.atomic():
        current = get_entry(db, package_id, revision)
        if current is None:
            raise LookupError(f"no outbox entry for package {package_id} revision {revision}")
        if to != current.state and to not in ALLOWED[current.state]:
            raise TransitionError(
                f"package {package_id} revision {revision}: {current.state} -> {to} not allowed"
            )
        stamp = now_iso()
        sets = ", ".join(f"{k} = ?" for k in fields)
        db.execute(
            f"UPDATE outbox SET state = ?, updated_at = ?{', ' + sets if sets else ''}"
            " WHERE package_id = ? AND revision = ?",
            [to.value, stamp, *fields.values(), package_id, revision],
        )
        if to != current.state:
            db.execute(
                "INSERT INTO outbox_history (package_id, revision, from_state, to_state, at,"
                " detail) VALUES (?, ?, ?, ?, ?, ?)",
                [package_id, revision, current.state.value, to.value, stamp, detail],
            )
    result = get_entry(db, package_id, revision)
    assert result is not None
    return result


def set_error(db: JobDatabase, package_id: str, revision: int, error: str | None) -> None:
    with db.atomic():
        db.execute(
            "UPDATE outbox SET last_error = ?, updated_at = ?"
            " WHERE package_id = ? AND revision = ?",
            [error, now_iso(), package_id, revision],
        )
