"""Schema of the work plan (rencana kerja): the cost items and the schedule the user fills."""

from __future__ import annotations

PLAN_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE plan_cost (
        id INTEGER PRIMARY KEY,
        item TEXT NOT NULL CHECK (length(trim(item)) > 0),
        quantity REAL NOT NULL CHECK (quantity > 0),
        unit TEXT NOT NULL,
        unit_price_idr INTEGER NOT NULL CHECK (unit_price_idr >= 0),
        note TEXT,
        position INTEGER NOT NULL
    )""",
    """CREATE TABLE plan_schedule (
        id INTEGER PRIMARY KEY,
        activity TEXT NOT NULL CHECK (length(trim(activity)) > 0),
        start_on TEXT NOT NULL,
        end_on TEXT NOT NULL,
        note TEXT,
        position INTEGER NOT NULL,
        CHECK (end_on >= start_on)
    )""",
    # What the job's records cannot say for items 2-4 of the plan (how the site is reached, that
    # no permit borders the WIUP, the land rights over it), in the permit holder's own words.
    """CREATE TABLE plan_note (
        topic TEXT PRIMARY KEY CHECK (topic IN ('access', 'neighbors', 'land_rights')),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        updated_at TEXT NOT NULL
    )""",
)
