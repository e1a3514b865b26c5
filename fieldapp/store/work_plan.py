"""The work plan the user fills (rencana kerja): cost items, schedule and notes, checked and logged.

Every write is one transaction with its change_log entry; bad input raises
:class:`PlanInputError` naming the field, before anything is written. Schedule dates are plans,
so dates after today are the normal case (unlike recorded field events); they must lie in
2000-2100 and end on or after their start.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from fieldapp.store.audit import log_change
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso

MAX_TEXT = 160
MAX_UNIT = 30
MAX_NOTE = 400
MAX_NOTE_TOPIC = 2000
MAX_PRICE_IDR = 10**13  # ten trillion Rupiah: far above any marker installation budget
MAX_QUANTITY = 1e9
FIRST_YEAR, LAST_YEAR = 2000, 2100
NOTE_TOPICS = ("access", "neighbors", "land_rights")
_RUPIAH = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?$", re.IGNORECASE)


class PlanInputError(ValueError):
    """Bad input for the work plan: one line naming the field and what was expected."""


@dataclass(frozen=True, slots=True)
class CostItem:
    """One line of the cost plan: quantity x unit price, in whole Rupiah."""

    id: int
    item: str
    quantity: float
    unit: str
    unit_price_idr: int
    note: str | None = None

    @property
    def amount_idr(self) -> int:
        return round(self.quantity * self.unit_price_idr)


@dataclass(frozen=True, slots=True)
class ScheduleItem:
    """One activity of the schedule, from its first to its last day (both included)."""

    id: int
    activity: str
    start_on: dt.date
    end_on: dt.date
    note: str | None = None

    @property
    def days(self) -> int:
        return (self.end_on - self.start_on).days + 1


def _text(value: str | None, field: str, limit: int, required: bool = True) -> str | None:
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise PlanInputError(f"{field}: must not be empty")
        return None
    if len(text) > limit:
        raise PlanInputError(f"{field}: {len(text)} characters; at most {limit}")
    return text


def parse_rupiah(text: str, field: str = "price") -> int:
    """Whole Rupiah: ``12500000``, ``12.500.000`` or ``Rp 12.500.000``; never negative."""
    raw = (text or "").strip()
    if raw.startswith("-") or raw.lower().startswith("rp -") or raw.lower().startswith("rp-"):
        raise PlanInputError(f"{field}: {raw!r} is negative; a price is 0 or more Rupiah")
    found = _RUPIAH.match(raw.replace(" ", "") if raw.lower().startswith("rp") else raw)
    if found is None:
        raise PlanInputError(
            f"{field}: {raw!r} is not a whole Rupiah amount (e.g. 12500000 or 12.500.000)"
        )
    value = int(found.group(1).replace(".", ""))
    if value > MAX_PRICE_IDR:
        raise PlanInputError(f"{field}: {raw!r} is above Rp {MAX_PRICE_IDR:,}".replace(",", "."))
    return value


def parse_quantity(text: str | float, field: str = "quantity") -> float:
    """A positive, finite quantity; a decimal comma is accepted (``1,5``)."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise PlanInputError(f"{field}: {text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0 or value > MAX_QUANTITY:
        raise PlanInputError(f"{field}: {text!r}; expected a number above 0 (at most 1e9)")
    return value


def parse_day(text: str | dt.date, field: str) -> dt.date:
    if isinstance(text, dt.date):
        day = text
    else:
        try:
            day = dt.date.fromisoformat(str(text).strip())
        except ValueError:
            raise PlanInputError(f"{field}: {text!r} is not a date as YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PlanInputError(f"{field}: {day.isoformat()} lies outside {FIRST_YEAR}-{LAST_YEAR}")
    return day


def _next_position(db: JobDatabase, table: str) -> int:
    row = db.execute(f"SELECT coalesce(max(position), 0) + 1 FROM {table}").fetchone()
    return int(row[0])


def add_cost(
    db: JobDatabase,
    item: str,
    quantity: str | float,
    unit: str,
    unit_price: str | int,
    note: str | None = None,
) -> CostItem:
    """Append a cost item; every field checked first, nothing stored when one is bad."""
    row: dict[str, Any] = {
        "item": _text(item, "item", MAX_TEXT),
        "quantity": parse_quantity(quantity),
        "unit": _text(unit, "unit", MAX_UNIT),
        "unit_price_idr": parse_rupiah(str(unit_price)),
        "note": _text(note, "note", MAX_NOTE, required=False),
    }
    with db.atomic():
        row["position"] = _next_position(db, "plan_cost")
        new_id = db.table("plan_cost").insert(row).last_pk
        log_change(db, None, "plan_cost", int(new_id), "insert", row)
    return next(c for c in load_costs(db) if c.id == int(new_id))


def load_costs(db: JobDatabase) -> list[CostItem]:
    rows = db.query(
        "SELECT id, item, quantity, unit, unit_price_idr, note FROM plan_cost ORDER BY position, id"
    )
    return [CostItem(**r) for r in rows]


def add_schedule(
    db: JobDatabase,
    activity: str,
    start_on: str | dt.date,
    end_on: str | dt.date,
    note: str | None = None,
) -> ScheduleItem:
    """Append an activity; refused when the end lies before the start."""
    text = _text(activity, "activity", MAX_TEXT)
    start, end = parse_day(start_on, "start"), parse_day(end_on, "end")
    if end < start:
        raise PlanInputError(
            f"end: {end.isoformat()} lies before the start {start.isoformat()} of {text!r}"
        )
    row: dict[str, Any] = {
        "activity": text,
        "start_on": start.isoformat(),
        "end_on": end.isoformat(),
        "note": _text(note, "note", MAX_NOTE, required=False),
    }
    with db.atomic():
        row["position"] = _next_position(db, "plan_schedule")
        new_id = db.table("plan_schedule").insert(row).last_pk
        log_change(db, None, "plan_schedule", int(new_id), "insert", row)
    return next(s for s in load_schedule(db) if s.id == int(new_id))


def load_schedule(db: JobDatabase) -> list[ScheduleItem]:
    rows = db.query(
        "SELECT id, activity, start_on, end_on, note FROM plan_schedule ORDER BY position, id"
    )
    return [
        ScheduleItem(
            r["id"],
            r["activity"],
            dt.date.fromisoformat(r["start_on"]),
            dt.date.fromisoformat(r["end_on"]),
            r["note"],
        )
        for r in rows
    ]


def remove_row(db: JobDatabase, table: str, row_id: int) -> None:
    """Delete one cost item or activity by id; the deleted row stays in the change log."""
    if table not in ("plan_cost", "plan_schedule"):
        raise ValueError(table)
    what = "cost item" if table == "plan_cost" else "schedule activity"
    with db.atomic():
        rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
        if not rows:
            ids = [str(r[0]) for r in db.execute(f"SELECT id FROM {table} ORDER BY id")]
            raise LookupError(
                f"no {what} with id {row_id} in this job (ids: {', '.join(ids) or 'none'})"
            )
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        log_change(db, None, table, row_id, "withdraw", {"deleted": rows[0]})


def load_notes(db: JobDatabase) -> dict[str, str]:
    """The permit holder's words per topic (access, neighbors, land_rights)."""
    return {r["topic"]: r["text"] for r in db.query("SELECT topic, text FROM plan_note")}


def set_note(db: JobDatabase, topic: str, text: str | None) -> str | None:
    """Store (or, with empty text, forget) the note on ``topic``; returns what is stored."""
    if topic not in NOTE_TOPICS:
        raise PlanInputError(f"topic: {topic!r}; expected one of {', '.join(NOTE_TOPICS)}")
    clean = _text(text, "text", MAX_NOTE_TOPIC, required=False)
    with db.atomic():
        if clean is None:
            db.execute("DELETE FROM plan_note WHERE topic = ?", [topic])
            log_change(db, None, "plan_note", None, "withdraw", {"topic": topic})
        else:
            db.execute(
                "INSERT INTO plan_note (topic, text, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (topic) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                [topic, clean, now_iso()],
            )
            log_change(db, None, "plan_note", None, "update", {"topic": topic, "text": clean})
    return clean
