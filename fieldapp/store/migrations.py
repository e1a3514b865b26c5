"""The job database schema: every version and the migration that reaches it, in one place.

Never edit a migration that has shipped: add a new one at the end. Each migration runs
in one transaction together with the bump of ``PRAGMA user_version``.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


class SchemaTooNewError(RuntimeError):
    """The job file was written by a newer fieldapp than this one."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "permit area, boundary points, control points, markers, surveyors",
        (
            """CREATE TABLE permit_area (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                job_uuid TEXT NOT NULL,
                name TEXT NOT NULL,
                holder TEXT,
                sk_number TEXT,
                sk_date TEXT,
                wiup_code TEXT,
                commodity TEXT,
                sk_area_ha REAL CHECK (sk_area_ha IS NULL OR sk_area_ha > 0),
                province TEXT,
                regency TEXT,
                crs TEXT NOT NULL DEFAULT 'auto',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE boundary_point (
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,
                number TEXT NOT NULL UNIQUE,
                lat_text TEXT NOT NULL,
                lon_text TEXT NOT NULL,
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                source TEXT
            )""",
            """CREATE TABLE control_point (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('BM', 'TITIK_BANTU', 'JKHN')),
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                h REAL,
                input_crs TEXT NOT NULL,
                input_a REAL NOT NULL,
                input_b REAL NOT NULL,
                tied_to TEXT,
                source TEXT,
                sigma_h REAL,
                sigma_v REAL
            )""",
            """CREATE TABLE marker (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('corner', 'infill', 'reference')),
                seq INTEGER NOT NULL,
                edge_from TEXT,
                edge_to TEXT,
                design_lat REAL NOT NULL CHECK (design_lat BETWEEN -90 AND 90),
                design_lon REAL NOT NULL CHECK (design_lon BETWEEN -180 AND 180),
                design_h REAL,
                status TEXT NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'staked', 'installed', 'documented')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE surveyor (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                certificate_no TEXT,
                kpo_no TEXT,
                kpo_active INTEGER NOT NULL DEFAULT 1
            )""",
        ),
    ),
    Migration(
        2,
        "neighbouring permit areas and activity zones (pits, dumps) kept with the job",
        (
            """CREATE TABLE neighbor_area (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                geometry TEXT NOT NULL,
                source TEXT
            )""",
            """CREATE TABLE activity_zone (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('pit', 'dump')),
                depth_m REAL,
                height_m REAL,
                geometry TEXT NOT NULL,
                source TEXT,
                CHECK ((kind = 'pit' AND depth_m > 0) OR (kind = 'dump' AND height_m > 0))
            )""",
        ),
    ),
    Migration(
        3,
        "sync: outbox of sealed package revisions, their history, the office inbox and cursor",
        (
            """CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                package_id TEXT NOT NULL,
                revision INTEGER NOT NULL CHECK (revision >= 1),
                supersedes INTEGER,
                state TEXT NOT NULL CHECK (state IN ('draft', 'sealed', 'queued', 'uploading',
                    'committed', 'received', 'in_review', 'accepted', 'returned', 'rejected')),
                bag_dir TEXT NOT NULL,
                manifest_hash TEXT,
                wire_manifest TEXT,
                total_bytes INTEGER NOT NULL DEFAULT 0,
                sealed_at TEXT,
                receipt_id TEXT,
                office_notes TEXT,
                last_error TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (package_id, revision)
            )""",
            """CREATE TABLE outbox_history (
                id INTEGER PRIMARY KEY,
                package_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                at TEXT NOT NULL,
                detail TEXT
            )""",
            """CREATE TABLE sync_inbox (
                id INTEGER PRIMARY KEY,
                office_event_id INTEGER NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                package_id TEXT,
                revision INTEGER,
                state TEXT,
                notes TEXT,
                actor TEXT,
                at TEXT NOT NULL,
                payload TEXT NOT NULL
            )""",
            """CREATE TABLE sync_state (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: sqlite_utils.Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite_utils.Database, target: int | None = None) -> int:
    """Bring the database to ``target`` (default: latest); return the version reached."""
    goal = LATEST_VERSION if target is None else target
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise SchemaTooNewError(
            f"job file has schema version {current}, this fieldapp knows up to {LATEST_VERSION}: "
            "update fieldapp to open it"
        )
    for migration in MIGRATIONS:
        if current < migration.version <= goal:
            with db.atomic():
                for statement in migration.statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {migration.version:d}")
            current = migration.version
    return current
