"""The person who signs the berita acara for the permit holder, kept with the job."""

from __future__ import annotations

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso

MAX_NAME = 120


def load_holder_signatory(db: JobDatabase) -> str | None:
    row = db.execute("SELECT holder_signatory FROM permit_area WHERE id = 1").fetchone()
    return None if row is None or not row[0] else str(row[0])


def set_holder_signatory(db: JobDatabase, name: str | None) -> str | None:
    """Store the name (spaces folded); empty clears it. Returns what was stored."""
    text = " ".join((name or "").split()) or None
    if text is not None and len(text) > MAX_NAME:
        raise ValueError(f"signatory name is {len(text)} characters long; at most {MAX_NAME}")
    with db.atomic():
        cursor = db.execute(
            "UPDATE permit_area SET holder_signatory = ?, updated_at = ? WHERE id = 1",
            [text, now_iso()],
        )
        if cursor.rowcount != 1:
            raise LookupError("the job has no permit area record")
    return text
