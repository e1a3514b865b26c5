"""Reinstallations (pemasangan ulang) of lost or moved markers: open, close, cancel, read.

While a reinstallation is open, the usual stake/occupy/photo/witness/reference/description
records of the marker belong to it (:mod:`fieldapp.store.reinstall_scope`) and its status
walks planned -> staked -> installed -> documented in its own column; the marker's status and
the original installation's records stay as they were. A closed reinstallation gives the
marker its current (new) position.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.installation import insert_row, load_installation
from fieldapp.store.records import load_marker, now_iso
from fieldapp.store.reinstall_scope import open_reinstallation_id
from fieldapp.survey.installation import StakeRecord
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.occupation import Position

# Only a marker that stood in the ground can be lost or moved.
REINSTALLABLE = (MarkerStatus.INSTALLED, MarkerStatus.DOCUMENTED)


class ReinstallationError(ValueError):
    """Bad input for a reinstallation: the one-line message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Reinstallation:
    id: int
    uuid: str
    marker: str
    reason: str
    status: MarkerStatus  # of the reinstallation's own records
    status_before: MarkerStatus  # the marker's (original installation's) status when opened
    opened_at: str
    inspection_uuid: str | None = None  # the inspection that found the marker lost or moved
    closed_at: str | None = None
    cancelled_at: str | None = None
    cancelled_reason: str | None = None

    @property
    def state(self) -> str:
        """open, closed or cancelled."""
        if self.cancelled_at is not None:
            return "cancelled"
        return "open" if self.closed_at is None else "closed"


_SELECT = (
    "SELECT r.*, m.name AS marker_name, i.uuid AS inspection_uuid FROM reinstallation r"
    " JOIN marker m ON m.id = r.marker_id LEFT JOIN inspection i ON i.id = r.inspection_id"
)


def _record(r: dict[str, Any]) -> Reinstallation:
    return Reinstallation(
        id=r["id"], uuid=r["uuid"], marker=r["marker_name"], reason=r["reason"],
        status=MarkerStatus(r["status"]), status_before=MarkerStatus(r["status_before"]),
        opened_at=r["opened_at"], inspection_uuid=r["inspection_uuid"],
        closed_at=r["closed_at"], cancelled_at=r["cancelled_at"],
        cancelled_reason=r["cancelled_reason"],
    )  # fmt: skip


def list_reinstallations(db: JobDatabase, marker: str | None = None) -> list[Reinstallation]:
    """Reinstallations oldest first, of one marker or of the whole job."""
    if marker is None:
        rows = db.query(f"{_SELECT} ORDER BY r.id")
    else:
        rows = db.query(f"{_SELECT} WHERE r.marker_id = ? ORDER BY r.id", [marker_id(db, marker)])
    return [_record(r) for r in rows]


def load_reinstallation(db: JobDatabase, rid: int) -> Reinstallation:
    rows = list(db.query(f"{_SELECT} WHERE r.id = ?", [rid]))
    if not rows:
        raise LookupError(f"no reinstallation with id {rid} in this job")
    return _record(rows[0])


def open_reinstallation_of(db: JobDatabase, marker: str) -> Reinstallation | None:
    rid = open_reinstallation_id(db, marker_id(db, marker))
    return None if rid is None else load_reinstallation(db, rid)


def last_closed(db: JobDatabase, marker: str) -> Reinstallation | None:
    """The marker's latest closed reinstallation: the marker stands where it put it."""
    closed = [r for r in list_reinstallations(db, marker) if r.state == "closed"]
    return closed[-1] if closed else None


def for_document(db: JobDatabase, marker: str) -> Reinstallation:
    """The reinstallation a berita acara pemasangan ulang states: the open one, else the
    latest closed one."""
    found = open_reinstallation_of(db, marker) or last_closed(db, marker)
    if found is None:
        raise ReinstallationError(
            f"marker {marker}: no open or closed reinstallation "
            f"(open one with: marker reinstall JOB {marker} --reason ...)"
        )
    return found


def effective_status(db: JobDatabase, marker: str) -> MarkerStatus:
    """The status of the installation standing in the ground now: the last closed
    reinstallation's, else the marker's own."""
    closed = last_closed(db, marker)
    return closed.status if closed is not None else load_marker(db, marker).status


def _inspection_id(db: JobDatabase, mid: int, marker: str, inspection: str) -> int:
    row = db.execute(
        "SELECT id, marker_id, condition FROM inspection WHERE uuid = ?", [inspection.strip()]
    ).fetchone()
    if row is None:
        raise ReinstallationError(f"--inspection {inspection}: no inspection with that UUID")
    if int(row[1]) != mid:
        raise ReinstallationError(
            f"--inspection {inspection}: that inspection is of another marker, not {marker}"
        )
    if row[2] not in ("hilang", "bergeser", "tercabut", "rusak"):
        raise ReinstallationError(
            f"--inspection {inspection}: it found marker {marker} {row[2]}; a reinstallation "
            "follows an inspection that found it hilang, bergeser, tercabut or rusak"
        )
    return int(row[0])


def open_reinstallation(
    db: JobDatabase, marker: str, reason: str, inspection: str | None = None
) -> Reinstallation:
    """Open a reinstallation of an installed/documented marker; one open at a time."""
    text = " ".join((reason or "").split())
    if not text:
        raise ReinstallationError(
            f"--reason: say why marker {marker} is reinstalled (lost, moved, pulled out...)"
        )
    mid = marker_id(db, marker)
    with db.atomic():
        current = open_reinstallation_of(db, marker)
        if current is not None:
            raise ReinstallationError(
                f"marker {marker} already has an open reinstallation (opened "
                f"{current.opened_at[:10]}, {current.uuid}): close or cancel it first"
            )
        status = effective_status(db, marker)
        if status not in REINSTALLABLE:
            raise ReinstallationError(
                f"marker {marker} is {status.value}: only an installed or documented marker "
                "can be reinstalled (it was never set in the ground)"
            )
        row = {
            "uuid": str(uuid.uuid4()), "marker_id": mid, "reason": text,
            "inspection_id": None if inspection is None
            else _inspection_id(db, mid, marker, inspection),
            "status_before": load_marker(db, marker).status.value,
            "status": MarkerStatus.PLANNED.value, "opened_at": now_iso(),
        }  # fmt: skip
        rid = insert_row(db, "reinstallation", row)
        log_change(db, mid, "reinstallation", rid, "insert", row)
    return load_reinstallation(db, rid)


def close_reinstallation(db: JobDatabase, marker: str) -> Reinstallation:
    """Close the open reinstallation once it is documented; its position becomes current."""
    with db.atomic():
        current = open_reinstallation_of(db, marker)
        if current is None:
            raise ReinstallationError(f"marker {marker}: no open reinstallation to close")
        if current.status is not MarkerStatus.DOCUMENTED:
            inst = load_installation(db, marker, current.id)
            missing = _missing(inst.progress)
            raise ReinstallationError(
                f"marker {marker}: the reinstallation is {current.status.value}, not documented"
                f" ({missing}); complete it before closing"
            )
        stamp = now_iso()
        db.execute("UPDATE reinstallation SET closed_at = ? WHERE id = ?", [stamp, current.id])
        log_change(db, marker_id(db, marker), "reinstallation", current.id, "update",
                   {"closed_at": stamp})  # fmt: skip
    return load_reinstallation(db, current.id)


def _missing(progress: Any) -> str:
    items = []
    if not progress.staked:
        items.append("no stake")
    if progress.missing_photos:
        items.append("photos " + ", ".join(d.value for d in progress.missing_photos))
    if not progress.described:
        items.append("no description")
    if not progress.witnesses:
        items.append("no witness")
    return "; ".join(items) or "see marker show"


def cancel_reinstallation(db: JobDatabase, marker: str, reason: str) -> Reinstallation:
    """Cancel the open reinstallation; its records stay, tied to it, and count nowhere."""
    text = " ".join((reason or "").split())
    if not text:
        raise ReinstallationError(f"--reason: say why the reinstallation of {marker} is cancelled")
    with db.atomic():
        current = open_reinstallation_of(db, marker)
        if current is None:
            raise ReinstallationError(f"marker {marker}: no open reinstallation to cancel")
        stamp = now_iso()
        db.execute(
            "UPDATE reinstallation SET cancelled_at = ?, cancelled_reason = ? WHERE id = ?",
            [stamp, text, current.id],
        )
        log_change(db, marker_id(db, marker), "reinstallation", current.id, "update",
                   {"cancelled_at": stamp, "cancelled_reason": text})  # fmt: skip
    return load_reinstallation(db, current.id)


def current_stake(db: JobDatabase, marker: str) -> StakeRecord | None:
    """Where the marker stands now: the last closed reinstallation's stake, else the
    original installation's (the design position is never changed by a reinstallation)."""
    closed = last_closed(db, marker)
    return load_installation(db, marker, closed.id if closed else None).current_stake


def current_position(db: JobDatabase, marker: str) -> Position | None:
    stake = current_stake(db, marker)
    return None if stake is None else stake.position


def opened_on(r: Reinstallation) -> dt.date:
    return dt.datetime.fromisoformat(r.opened_at).date()
