"""Which installation a new marker record belongs to: the original one, or the open reinstallation.

Stakes, occupations, photos, witnesses, reference markers and the description of a marker with
an open reinstallation belong to that reinstallation (their ``reinstallation_id``); the
original installation's records (``reinstallation_id`` NULL) are never added to or changed
once a reinstallation was opened.
"""

from __future__ import annotations

from fieldapp.store.database import JobDatabase


def open_reinstallation_id(db: JobDatabase, mid: int) -> int | None:
    """The id of the marker's open reinstallation, if one is open."""
    row = db.execute(
        "SELECT id FROM reinstallation WHERE marker_id = ? AND closed_at IS NULL"
        " AND cancelled_at IS NULL",
        [mid],
    ).fetchone()
    return None if row is None else int(row[0])


def record_scope(db: JobDatabase, mid: int) -> int | None:
    """Where a new record of the marker goes: its open reinstallation, else the original.

    Refused after a closed reinstallation with none open: the installation records are then
    final, and new work on the marker starts with a new reinstallation.
    """
    open_id = open_reinstallation_id(db, mid)
    if open_id is not None:
        return open_id
    row = db.execute(
        "SELECT r.closed_at, m.name FROM reinstallation r JOIN marker m ON m.id = r.marker_id"
        " WHERE r.marker_id = ? AND r.closed_at IS NOT NULL ORDER BY r.id DESC LIMIT 1",
        [mid],
    ).fetchone()
    if row is not None:
        raise ValueError(
            f"marker {row[1]} was reinstalled (closed {row[0][:10]}): its records are final; "
            f"open a new reinstallation (marker reinstall JOB {row[1]} --reason ...) to record "
            "more"
        )
    return None


def check_withdrawable(db: JobDatabase, mid: int, scope: int | None, what: str) -> None:
    """A record may be withdrawn only while its installation is the one being recorded."""
    open_id = open_reinstallation_id(db, mid)
    if scope is None:
        reinstalled = db.execute(
            "SELECT 1 FROM reinstallation WHERE marker_id = ? AND cancelled_at IS NULL", [mid]
        ).fetchone()
        if reinstalled is not None:
            raise ValueError(
                f"{what} belongs to the original installation of a marker that was reinstalled"
                " (or is being reinstalled): the original record is kept unchanged"
            )
    elif scope != open_id:
        raise ValueError(f"{what} belongs to a reinstallation that is closed or cancelled")
