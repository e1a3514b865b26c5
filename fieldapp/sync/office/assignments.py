"""Office job assignments: a checked job spec per device and job, delivered through the inbox."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.jobspec import SpecError, canonical, parse_spec, spec_sha256
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.service import Device, OfficeError, now_iso


@dataclass(frozen=True, slots=True)
class Assignment:
    """One revision of a job assigned to a device."""

    device: str
    job_id: str
    revision: int
    name: str
    spec_sha256: str
    actor: str
    notes: str | None
    created_at: str
    unchanged: bool = False  # assign_job: the latest revision already carried this spec


_FIELDS = "d.name, a.job_id, a.revision, a.name, a.spec_sha256, a.actor, a.notes, a.created_at"
_FROM = " FROM assignment a JOIN device d ON d.id = a.device_id"
_COLUMNS = f"SELECT {_FIELDS}{_FROM}"


def _row(r: tuple[Any, ...], unchanged: bool = False) -> Assignment:
    return Assignment(r[0], r[1], int(r[2]), r[3], r[4], r[5], r[6], r[7], unchanged)


def assign_job(
    db: Database, actor: str, device_name: str, spec_doc: Any, notes: str = ""
) -> Assignment:
    """Assign a job spec to a device: revision 1, or the next revision when the spec changed.

    The spec is checked with the parser the laptop uses, so a spec the field app would refuse
    never enters the inbox. The same spec again returns the current revision unchanged.
    """
    try:
        spec = parse_spec(spec_doc)
    except SpecError as exc:
        raise OfficeError(422, f"job spec refused: {exc}") from exc
    text = canonical(spec_doc).decode("utf-8")
    digest = spec_sha256(spec_doc)
    stamp = now_iso()
    with db.transaction():
        # FOR UPDATE: two office processes assigning to one device at once on PostgreSQL
        # would otherwise both pick the same next revision (SQLite's BEGIN IMMEDIATE already
        # serialises writers).
        lock = " FOR UPDATE" if db.dialect == "postgresql" else ""
        device = db.one(f"SELECT id FROM device WHERE name = ?{lock}", [device_name])
        if device is None:
            raise OfficeError(404, f"no device named {device_name!r}")
        latest = db.one(
            f"{_COLUMNS} WHERE a.device_id = ? AND a.job_id = ? ORDER BY a.revision DESC LIMIT 1",
            [device[0], spec.job_id],
        )
        if latest is not None and latest[4] == digest:
            return _row(latest, unchanged=True)
        revision = 1 if latest is None else int(latest[2]) + 1
        db.query(
            "INSERT INTO assignment (device_id, job_id, revision, name, spec, spec_sha256,"
            " actor, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                device[0],
                spec.job_id,
                revision,
                spec.name,
                text,
                digest,
                actor,
                notes or None,
                stamp,
            ],
        )
        payload = {"name": spec.name, "spec_sha256": digest, "bytes": len(text.encode())}
        db.query(
            "INSERT INTO event (device_id, job_id, kind, revision, notes, actor, payload, at)"
            " VALUES (?, ?, 'assignment', ?, ?, ?, ?, ?)",
            [device[0], spec.job_id, revision, notes or None, actor, json.dumps(payload), stamp],
        )
        db.query(
            "INSERT INTO audit (at, actor, action, revision, notes)"
            " VALUES (?, ?, 'assigned', ?, ?)",
            [stamp, actor, revision, f"{spec.name} ({spec.job_id}) to {device_name}"],
        )
    return Assignment(
        device_name, spec.job_id, revision, spec.name, digest, actor, notes or None, stamp
    )


def assign_known_job(
    db: Database, actor: str, device_name: str, job_id: str, notes: str = ""
) -> Assignment:
    """Give a device the office's latest spec of a job it already assigned (the web form)."""
    row = db.one(
        "SELECT spec FROM assignment WHERE job_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        [job_id.strip()],
    )
    if row is None:
        raise OfficeError(
            404,
            f"the office has no job spec for job id {job_id!r}: assign it first with"
            " `fieldapp office assign --data DIR --device NAME JOB_FOLDER_OR_SPEC.json`",
        )
    return assign_job(db, actor, device_name, json.loads(row[0]), notes)


def list_assignments(db: Database) -> list[Assignment]:
    return [_row(r) for r in db.query(f"{_COLUMNS} ORDER BY a.created_at DESC, a.id DESC")]


def assignment_spec(db: Database, device: Device, job_id: str, revision: int) -> dict[str, Any]:
    """The spec of one revision, for the device it was assigned to only."""
    row = db.one(
        f"SELECT {_FIELDS}, a.spec{_FROM}"
        " WHERE a.device_id = ? AND a.job_id = ? AND a.revision = ?",
        [device.id, job_id, revision],
    )
    if row is None:
        raise OfficeError(404, f"no assignment of job {job_id} revision {revision} to this device")
    a = _row(row)
    return {
        "job_id": a.job_id,
        "revision": a.revision,
        "name": a.name,
        "spec_sha256": a.spec_sha256,
        "actor": a.actor,
        "notes": a.notes,
        "at": a.created_at,
        "spec": json.loads(row[8]),
    }


@dataclass(frozen=True, slots=True)
class AssignmentEvent:
    """An assignment in a device's inbox; ``id`` is the cursor."""

    id: int
    job_id: str
    revision: int
    name: str
    spec_sha256: str
    notes: str | None
    actor: str | None
    at: str


def assignment_events(
    db: Database, device: Device, after: int, limit: int = 200
) -> list[AssignmentEvent]:
    """Assignment events of every job of this device after the cursor."""
    rows = db.query(
        "SELECT id, job_id, revision, payload, notes, actor, at FROM event"
        " WHERE device_id = ? AND kind = 'assignment' AND id > ? AND job_id IS NOT NULL"
        " AND revision IS NOT NULL ORDER BY id LIMIT ?",
        [device.id, after, limit],
    )
    events = []
    for r in rows:
        payload = json.loads(r[3])
        events.append(
            AssignmentEvent(
                int(r[0]),
                r[1],
                int(r[2]),
                str(payload.get("name", "")),
                str(payload.get("spec_sha256", "")),
                r[4],
                r[5],
                r[6],
            )
        )
    return events
