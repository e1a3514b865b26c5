"""Schema of reinstallations: a lost or moved marker installed again, its first record kept."""

from __future__ import annotations

# The records of a reinstallation (stakes, occupations, photos, witnesses, reference markers)
# carry its id; the original installation's records keep NULL and are never changed.
REINSTALL_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE reinstallation (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        marker_id INTEGER NOT NULL REFERENCES marker(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        inspection_id INTEGER REFERENCES inspection(id),
        status_before TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        cancelled_at TEXT,
        cancelled_reason TEXT
    )""",
    "CREATE INDEX reinstallation_marker ON reinstallation (marker_id)",
    "ALTER TABLE stake ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE occupation ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE photo ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE witness ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE reference_marker ADD COLUMN reinstallation_id INTEGER"
    " REFERENCES reinstallation(id)",
)
