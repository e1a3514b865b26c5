"""Office review: package listing, accept / return / reject with an audit trail, device inbox."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.office.db import Database
from fieldapp.sync.office.service import Device, OfficeError, now_iso

# Office-side review states; "received" is where a committed package starts.
REVIEW_ACTIONS = {
    "start_review": "in_review",
    "accept": "accepted",
    "return": "returned",
    "reject": "rejected",
}
OPEN_STATES = ("received", "in_review")


@dataclass(frozen=True, slots=True)
class PackageRow:
    pk: int
    package_id: str
    revision: int
    job_id: str
    job_name: str
    device: str
    state: str
    supersedes: str
    total_bytes: int
    committed_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class FileRow:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: str
    actor: str
    action: str
    package_id: str | None
    revision: int | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class InboxEvent:
    """One entry of a device's inbox; ``id`` is the cursor."""

    id: int
    kind: str  # "review" or "assignment"
    job_id: str | None
    package_id: str | None
    revision: int | None
    state: str | None
    notes: str | None
    actor: str | None
    at: str
    payload: dict[str, Any]


_PKG = (
    "SELECT p.id, p.package_id, p.revision, p.job_id, p.job_name, d.name, p.state, p.supersedes,"
    " p.total_bytes, p.committed_at, p.updated_at"
    " FROM package p JOIN device d ON d.id = p.device_id"
)


def _pkg(row: tuple[Any, ...]) -> PackageRow:
    return PackageRow(
        int(row[0]),
        row[1],
        int(row[2]),
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        int(row[8]),
        row[9],
        row[10],
    )


def list_packages(db: Database) -> list[PackageRow]:
    return [_pkg(r) for r in db.query(f"{_PKG} ORDER BY p.committed_at DESC, p.id DESC")]


def get_package(db: Database, package_id: str, revision: int) -> PackageRow:
    row = db.one(f"{_PKG} WHERE p.package_id = ? AND p.revision = ?", [package_id, revision])
    if row is None:
        raise OfficeError(404, f"no package {package_id} revision {revision}")
    return _pkg(row)


def package_files(db: Database, pkg: PackageRow) -> list[FileRow]:
    rows = db.query(
        "SELECT path, sha256, size FROM package_file WHERE package_pk = ? ORDER BY path", [pkg.pk]
    )
    return [FileRow(r[0], r[1], int(r[2])) for r in rows]


def audit_trail(db: Database, package_id: str | None = None) -> list[AuditRow]:
    where, params = ("WHERE package_id = ?", [package_id]) if package_id else ("", [])
    rows = db.query(
        f"SELECT at, actor, action, package_id, revision, notes FROM audit {where} ORDER BY id",
        params,
    )
    return [
        AuditRow(r[0], r[1], r[2], r[3], None if r[4] is None else int(r[4]), r[5]) for r in rows
    ]


def decide(
    db: Database, staff: str, package_id: str, revision: int, action: str, notes: str
) -> PackageRow:
    """A reviewer's decision: state change, audit row and an inbox event for the device."""
    if action not in REVIEW_ACTIONS:
        raise OfficeError(422, f"unknown review action {action!r}")
    notes = notes.strip()
    if action in ("return", "reject") and not notes:
        raise OfficeError(422, "returning or rejecting a package needs notes for the surveyor")
    target = REVIEW_ACTIONS[action]
    stamp = now_iso()
    with db.transaction():
        pkg = get_package(db, package_id, revision)
        allowed = ("received",) if target == "in_review" else OPEN_STATES
        if pkg.state not in allowed:
            raise OfficeError(409, f"package is {pkg.state}; cannot {action} it")
        db.query(
            "UPDATE package SET state = ?, updated_at = ? WHERE id = ?", [target, stamp, pkg.pk]
        )
        db.query(
            "INSERT INTO audit (at, actor, action, package_id, revision, notes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [stamp, staff, action, package_id, revision, notes or None],
        )
        device_id = db.query("SELECT device_id FROM package WHERE id = ?", [pkg.pk])[0][0]
        db.query(
            "INSERT INTO event (device_id, job_id, kind, package_id, revision, state, notes,"
            " actor, payload, at) VALUES (?, ?, 'review', ?, ?, ?, ?, ?, '{}', ?)",
            [device_id, pkg.job_id, package_id, revision, target, notes or None, staff, stamp],
        )
    return get_package(db, package_id, revision)


def inbox(
    db: Database, device: Device, job_id: str, after: int, limit: int = 200
) -> list[InboxEvent]:
    """Events for one job of this device (plus unbound assignments) after the cursor."""
    rows = db.query(
        "SELECT id, kind, job_id, package_id, revision, state, notes, actor, at, payload"
        " FROM event WHERE device_id = ? AND id > ? AND (job_id = ? OR job_id IS NULL)"
        " ORDER BY id LIMIT ?",
        [device.id, after, job_id, limit],
    )
    return [
        InboxEvent(
            int(r[0]),
            r[1],
            r[2],
            r[3],
            None if r[4] is None else int(r[4]),
            r[5],
            r[6],
            r[7],
            r[8],
            json.loads(r[9]),
        )
        for r in rows
    ]


def stored_bag_info(db: Database, pkg: PackageRow) -> str:
    """The bag-info fields as the office stored them at commit (JSON text)."""
    row = db.one("SELECT bag_info FROM package WHERE id = ?", [pkg.pk])
    return "{}" if row is None else str(row[0])
