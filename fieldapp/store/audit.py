"""The change log of installation records, and name lookups shared by the record repositories."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso


def log_change(
    db: JobDatabase,
    marker_id: int | None,
    table: str,
    row_id: int | None,
    action: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append to change_log; call inside the transaction of the change it describes."""
    db.execute(
        "INSERT INTO change_log (at, marker_id, table_name, row_id, action, detail)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            now_iso(),
            marker_id,
            table,
            row_id,
            action,
            None if detail is None else json.dumps(detail, ensure_ascii=False, default=str),
        ],
    )


def marker_id(db: JobDatabase, name: str) -> int:
    row = db.execute("SELECT id FROM marker WHERE name = ?", [name]).fetchone()
    if row is None:
        raise LookupError(f"no marker named {name!r} in this job")
    return int(row[0])


def surveyor_id(db: JobDatabase, name: str | None) -> int | None:
    """The surveyor of that name (None passes through); the latest added wins on duplicates."""
    if name is None:
        return None
    row = db.execute("SELECT id FROM surveyor WHERE name = ? ORDER BY id DESC", [name]).fetchone()
    if row is None:
        raise LookupError(f"no surveyor named {name!r} in this job (add one with `surveyor add`)")
    return int(row[0])


def surveyor_name(db: JobDatabase, sid: int | None) -> str | None:
    if sid is None:
        return None
    row = db.execute("SELECT name FROM surveyor WHERE id = ?", [sid]).fetchone()
    return None if row is None else str(row[0])
