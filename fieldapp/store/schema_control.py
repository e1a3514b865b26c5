"""Schema of the control survey (migration 11): static sessions, baselines, control history."""

from __future__ import annotations

# Shipped: never edit, add a new migration in fieldapp/store/migrations.py instead.
CONTROL_SURVEY_STATEMENTS: tuple[str, ...] = (
    # One occupation of a control point for a static baseline (Kepdirjen 697/1996):
    # antenna height measured before and after, as measured (vertical or slant).
    """CREATE TABLE gnss_session (
                id INTEGER PRIMARY KEY,
                point TEXT NOT NULL CHECK (length(trim(point)) > 0),
                point_kind TEXT CHECK (point_kind IN ('BM', 'TITIK_BANTU', 'JKHN')),
                role TEXT NOT NULL CHECK (role IN ('base', 'rover', 'reference')),
                receiver_model TEXT,
                receiver_serial TEXT,
                antenna_model TEXT,
                height_before_m REAL NOT NULL CHECK (height_before_m BETWEEN 0 AND 100),
                height_after_m REAL NOT NULL CHECK (height_after_m BETWEEN 0 AND 100),
                height_method TEXT NOT NULL CHECK (height_method IN ('vertical', 'slant')),
                height_reference TEXT NOT NULL,
                antenna_radius_m REAL CHECK (antenna_radius_m IS NULL OR antenna_radius_m >= 0),
                started_gpst TEXT,
                ended_gpst TEXT,
                interval_s REAL CHECK (interval_s IS NULL OR interval_s > 0),
                elevation_mask_deg REAL
                    CHECK (elevation_mask_deg IS NULL OR elevation_mask_deg BETWEEN 0 AND 90),
                epochs INTEGER CHECK (epochs IS NULL OR epochs >= 0),
                note TEXT,
                created_at TEXT NOT NULL
            )""",
    "CREATE INDEX gnss_session_point ON gnss_session (point)",
    """CREATE TABLE gnss_session_file (
                id INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES gnss_session(id),
                path TEXT NOT NULL UNIQUE CHECK (path LIKE 'raw/%'),
                original_name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('ubx', 'rtcm3', 'rinex-obs', 'rinex-nav')),
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                bytes INTEGER NOT NULL CHECK (bytes >= 0)
            )""",
    "CREATE INDEX gnss_session_file_session ON gnss_session_file (session_id)",
    # A baseline as the engine solved it: the figures the reports need as columns,
    # the rule verdicts and settings as JSON. Never edited once stored, except its
    # status (accepted / superseded) and the acceptance's override reason.
    """CREATE TABLE baseline (
                id INTEGER PRIMARY KEY,
                rover_session_id INTEGER NOT NULL REFERENCES gnss_session(id),
                base_session_id INTEGER NOT NULL REFERENCES gnss_session(id),
                rover_point TEXT NOT NULL,
                base_point TEXT NOT NULL,
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                h REAL NOT NULL,
                fix TEXT NOT NULL CHECK (fix IN ('fixed', 'float', 'other')),
                ratio REAL,
                sigma_e_m REAL NOT NULL,
                sigma_n_m REAL NOT NULL,
                sigma_u_m REAL NOT NULL,
                base_lat REAL NOT NULL CHECK (base_lat BETWEEN -90 AND 90),
                base_lon REAL NOT NULL CHECK (base_lon BETWEEN -180 AND 180),
                base_h REAL NOT NULL,
                baseline_m REAL NOT NULL CHECK (baseline_m >= 0),
                dx_m REAL NOT NULL,
                dy_m REAL NOT NULL,
                dz_m REAL NOT NULL,
                de_m REAL NOT NULL,
                dn_m REAL NOT NULL,
                du_m REAL NOT NULL,
                epochs INTEGER NOT NULL CHECK (epochs >= 0),
                start_gpst TEXT NOT NULL,
                end_gpst TEXT NOT NULL,
                duration_s REAL NOT NULL,
                interval_s REAL NOT NULL,
                elevation_mask_deg REAL NOT NULL,
                rover_antenna_height_m REAL NOT NULL,
                base_antenna_height_m REAL NOT NULL,
                engine TEXT NOT NULL,
                settings TEXT NOT NULL,
                verdicts TEXT NOT NULL,
                rules_passed INTEGER NOT NULL CHECK (rules_passed IN (0, 1)),
                processed_at TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'accepted', 'superseded')),
                accepted_at TEXT,
                override_reason TEXT
                    CHECK (override_reason IS NULL OR length(trim(override_reason)) > 0),
                CHECK (status = 'new' OR accepted_at IS NOT NULL),
                -- a baseline failing a 697/1996 rule is accepted only with a reason on record
                CHECK (status = 'new' OR rules_passed = 1 OR override_reason IS NOT NULL)
            )""",
    "CREATE INDEX baseline_rover_point ON baseline (rover_point)",
    # The baseline a control point's coordinates came from (NULL: office or import).
    # A pull of the office assignment keeps such a point: the field survey wins.
    "ALTER TABLE control_point ADD COLUMN baseline_id INTEGER REFERENCES baseline(id)",
    # Every coordinate a control point had before an accepted baseline replaced it,
    # with what replaced it: nothing is overwritten silently. By name, not id: a pull
    # re-adds the office's points under new ids.
    """CREATE TABLE control_point_revision (
                id INTEGER PRIMARY KEY,
                point TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('BM', 'TITIK_BANTU', 'JKHN')),
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                h REAL,
                input_crs TEXT NOT NULL,
                input_a REAL NOT NULL,
                input_b REAL NOT NULL,
                tied_to TEXT,
                source TEXT,
                sigma_h REAL,
                sigma_v REAL,
                baseline_id INTEGER REFERENCES baseline(id),
                replaced_at TEXT NOT NULL,
                replaced_by_baseline_id INTEGER NOT NULL REFERENCES baseline(id)
            )""",
    "CREATE INDEX control_point_revision_point ON control_point_revision (point)",
    # What was solved and what a point had stay as they are, whatever code runs.
    """CREATE TRIGGER baseline_kept_as_solved BEFORE UPDATE OF rover_session_id,
                base_session_id, rover_point, base_point, lat, lon, h, fix, ratio, sigma_e_m,
                sigma_n_m, sigma_u_m, base_lat, base_lon, base_h, baseline_m, epochs,
                start_gpst, end_gpst, duration_s, interval_s, engine, settings, verdicts,
                rules_passed, processed_at ON baseline
            BEGIN SELECT RAISE(ABORT, 'a processed baseline is kept as solved'); END""",
    """CREATE TRIGGER baseline_never_deleted BEFORE DELETE ON baseline
            BEGIN SELECT RAISE(ABORT, 'a processed baseline is never deleted'); END""",
    """CREATE TRIGGER control_point_revision_kept
            BEFORE UPDATE ON control_point_revision
            BEGIN SELECT RAISE(ABORT, 'a control point revision is history'); END""",
    """CREATE TRIGGER control_point_revision_never_deleted
            BEFORE DELETE ON control_point_revision
            BEGIN SELECT RAISE(ABORT, 'a control point revision is history'); END""",
    # The job's control point an occupation's base stood on, and the coordinate it
    # had then (with where that came from): a later re-processing of the point does
    # not reinterpret the occupation, it is shown against the point's coordinate now.
    # NULL: the base named is not a control point of the job (an NTRIP mountpoint).
    "ALTER TABLE occupation ADD COLUMN base_point TEXT",
    "ALTER TABLE occupation ADD COLUMN base_kind TEXT"
    " CHECK (base_kind IS NULL OR base_kind IN ('BM', 'TITIK_BANTU', 'JKHN'))",
    "ALTER TABLE occupation ADD COLUMN base_lat REAL"
    " CHECK (base_lat IS NULL OR base_lat BETWEEN -90 AND 90)",
    "ALTER TABLE occupation ADD COLUMN base_lon REAL"
    " CHECK (base_lon IS NULL OR base_lon BETWEEN -180 AND 180)",
    "ALTER TABLE occupation ADD COLUMN base_h REAL",
    "ALTER TABLE occupation ADD COLUMN base_tied_to TEXT",
    "ALTER TABLE occupation ADD COLUMN base_source TEXT",
    "ALTER TABLE occupation ADD COLUMN base_sigma_h REAL",
    "ALTER TABLE occupation ADD COLUMN base_sigma_v REAL",
    # The accepted baseline the coordinate came from (NULL: office or import).
    "ALTER TABLE occupation ADD COLUMN base_baseline_id INTEGER REFERENCES baseline(id)",
    """CREATE TRIGGER occupation_base_kept_as_used BEFORE UPDATE OF base_point,
                base_kind, base_lat, base_lon, base_h, base_tied_to, base_source, base_sigma_h,
                base_sigma_v, base_baseline_id ON occupation
            BEGIN SELECT RAISE(ABORT, 'the base coordinate an occupation used is kept'); END""",
)
