"""Recording a surveyor's KPO card: number, status and the date its data was last updated."""

from __future__ import annotations

import datetime as dt

from fieldapp.store.audit import log_change
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import surveyor_from_row
from fieldapp.survey.kpo import KPO_STATUSES
from fieldapp.survey.models import Surveyor

MAX_NUMBER = 60


class KpoError(ValueError):
    """Bad KPO input: the one-line message names the field and what was expected."""


def load_surveyor(db: JobDatabase, name: str) -> Surveyor | None:
    """The surveyor of that name (the latest added wins, as everywhere), or None."""
    rows = list(
        db.query(
            "SELECT name, certificate_no, kpo_no, kpo_active, kpo_status, kpo_updated_on"
            " FROM surveyor WHERE name = ? ORDER BY id DESC LIMIT 1",
            [name],
        )
    )
    return surveyor_from_row(rows[0]) if rows else None


def set_kpo_card(
    db: JobDatabase,
    name: str,
    *,
    number: str,
    status: str,
    updated_on: dt.date,
    today: dt.date | None = None,
) -> Surveyor:
    """Store the card of surveyor ``name`` in one transaction, audited; KpoError if bad."""
    today = today or dt.date.today()
    number = " ".join(number.split())
    if not number:
        raise KpoError("--number: the KPO registration number is empty")
    if len(number) > MAX_NUMBER:
        raise KpoError(f"--number: {len(number)} characters long; at most {MAX_NUMBER}")
    if status not in KPO_STATUSES:
        raise KpoError(f"--status {status!r}: expected one of {', '.join(KPO_STATUSES)}")
    if updated_on > today:
        raise KpoError(
            f"--updated {updated_on.isoformat()}: the date is in the future (today is "
            f"{today.isoformat()})"
        )
    with db.atomic():
        row = db.execute(
            "SELECT id, kpo_no, kpo_status, kpo_updated_on FROM surveyor WHERE name = ?"
            " ORDER BY id DESC LIMIT 1",
            [name],
        ).fetchone()
        if row is None:
            raise KpoError(f"no surveyor named {name!r} in this job (add one with `surveyor add`)")
        sid, *before = row
        db.execute(
            "UPDATE surveyor SET kpo_no = ?, kpo_status = ?, kpo_active = ?, kpo_updated_on = ?"
            " WHERE id = ?",
            [number, status, int(status == "aktif"), updated_on.isoformat(), sid],
        )
        log_change(
            db,
            None,
            "surveyor",
            sid,
            "update",
            {
                "name": name,
                "before": dict(
                    zip(("kpo_no", "kpo_status", "kpo_updated_on"), before, strict=True)
                ),
                "kpo_no": number,
                "kpo_status": status,
                "kpo_updated_on": updated_on.isoformat(),
            },
        )
    found = load_surveyor(db, name)
    assert found is not None
    return found
