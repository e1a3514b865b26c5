"""The job database schema: every version and the migration that reaches it, in one place.

Never edit a migration that has shipped: add a new one at the end. Each migration runs
in one transaction together with the bump of ``PRAGMA user_version``.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.store.database import JobDatabase
from fieldapp.store.schema_control import CONTROL_SURVEY_STATEMENTS
from fieldapp.store.schema_kpo import KPO_STATEMENTS
from fieldapp.store.schema_maintenance import MAINTENANCE_STATEMENTS
from fieldapp.store.schema_plan import PLAN_STATEMENTS
from fieldapp.store.schema_reinstall import REINSTALL_STATEMENTS


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
    Migration(
        4,
        "occupations (averaged GNSS) of markers and every epoch they received",
        (
            # A row in state 'running' is written before the first epoch and finalised at the
            # end: if the app dies mid-occupation the epochs are on disk and it shows incomplete.
            """CREATE TABLE occupation (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                state TEXT NOT NULL DEFAULT 'running'
                    CHECK (state IN ('running', 'finished', 'abandoned')),
                started_at TEXT NOT NULL,
                ended_at TEXT,
                profile TEXT NOT NULL,
                profile_json TEXT NOT NULL,
                device TEXT,
                source TEXT,
                raw_log TEXT,
                surveyor_id INTEGER REFERENCES surveyor(id),
                antenna_measured_m REAL,
                antenna_method TEXT CHECK (antenna_method IN ('vertical', 'slant')),
                antenna_radius_m REAL,
                antenna_pco_m REAL,
                antenna_total_m REAL,
                lat REAL CHECK (lat BETWEEN -90 AND 90),
                lon REAL CHECK (lon BETWEEN -180 AND 180),
                h REAL,
                mark_h REAL,
                std_n_m REAL,
                std_e_m REAL,
                std_u_m REAL,
                epochs_used INTEGER,
                epochs_rejected INTEGER,
                rejected_by_reason TEXT,
                first_utc TEXT,
                last_utc TEXT,
                span_s REAL,
                sigma_source TEXT CHECK (sigma_source IN ('GST', 'estimated')),
                mean_sigma_h_m REAL,
                mean_sigma_v_m REAL,
                passed INTEGER CHECK (passed IN (0, 1)),
                failures TEXT,
                earlier_occupation_id INTEGER REFERENCES occupation(id),
                cmp_dn_m REAL,
                cmp_de_m REAL,
                cmp_dh_m REAL,
                cmp_horizontal_m REAL,
                note TEXT,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX occupation_marker ON occupation (marker_id)",
            """CREATE TABLE occupation_epoch (
                id INTEGER PRIMARY KEY,
                occupation_id INTEGER NOT NULL REFERENCES occupation(id),
                seq INTEGER NOT NULL,
                date TEXT,
                time TEXT,
                elapsed_s REAL,
                lat REAL,
                lon REAL,
                h REAL,
                alt_msl REAL,
                quality INTEGER,
                sats_used INTEGER,
                hdop REAL,
                pdop REAL,
                sigma_lat REAL,
                sigma_lon REAL,
                sigma_alt REAL,
                sigma_source TEXT CHECK (sigma_source IN ('GST', 'estimated')),
                used INTEGER NOT NULL CHECK (used IN (0, 1)),
                reject_reason TEXT,
                UNIQUE (occupation_id, seq),
                CHECK ((used = 1) = (reject_reason IS NULL))
            )""",
        ),
    ),
    Migration(
        5,
        "installation records: stakes, reference markers, descriptions, photos, witnesses, audit",
        (
            # Nothing here is deleted: a wrong record is withdrawn with a reason and a new one
            # added; change_log keeps every insert, update, withdrawal and status change.
            """CREATE TABLE stake (
                id INTEGER PRIMARY KEY,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                source TEXT NOT NULL CHECK (source IN ('gnss', 'ts')),
                occupation_id INTEGER REFERENCES occupation(id),
                ts_shot TEXT,
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                h REAL,
                dn_m REAL NOT NULL,
                de_m REAL NOT NULL,
                dh_m REAL,
                horizontal_m REAL NOT NULL,
                tolerance_m REAL NOT NULL CHECK (tolerance_m > 0),
                passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                surveyor_id INTEGER REFERENCES surveyor(id),
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_reason TEXT
            )""",
            """CREATE TABLE reference_marker (
                id INTEGER PRIMARY KEY,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                h REAL,
                azimuth_deg REAL NOT NULL,
                distance_m REAL NOT NULL,
                ground_distance_m REAL,
                note TEXT,
                surveyor_id INTEGER REFERENCES surveyor(id),
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_reason TEXT
            )""",
            """CREATE TABLE marker_description (
                marker_id INTEGER PRIMARY KEY REFERENCES marker(id),
                desa TEXT,
                kecamatan TEXT,
                kabupaten TEXT,
                provinsi TEXT,
                access TEXT,
                condition TEXT,
                notes TEXT,
                surveyor_id INTEGER REFERENCES surveyor(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE photo (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                direction TEXT NOT NULL
                    CHECK (direction IN ('utara', 'timur', 'selatan', 'barat', 'detail')),
                file_name TEXT NOT NULL UNIQUE,
                original_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                image_format TEXT,
                width INTEGER,
                height INTEGER,
                exif_time TEXT,
                exif_lat REAL,
                exif_lon REAL,
                caption TEXT,
                imported_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_reason TEXT
            )""",
            """CREATE TABLE witness (
                id INTEGER PRIMARY KEY,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                name TEXT NOT NULL,
                institution TEXT NOT NULL,
                category TEXT NOT NULL CHECK (category IN ('district_village_officer',
                    'neighbour_permit_holder', 'other_sector_permit_holder',
                    'land_right_holder', 'forestry_officer')),
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_reason TEXT
            )""",
            """CREATE TABLE change_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                marker_id INTEGER REFERENCES marker(id),
                table_name TEXT NOT NULL,
                row_id INTEGER,
                action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'withdraw', 'status')),
                detail TEXT
            )""",
            "CREATE INDEX stake_marker ON stake (marker_id)",
            "CREATE INDEX photo_marker ON photo (marker_id)",
            "CREATE INDEX witness_marker ON witness (marker_id)",
            "CREATE INDEX change_log_marker ON change_log (marker_id)",
        ),
    ),
    Migration(
        6,
        "equipment used on the job (GNSS receivers, total stations) for the berita acara",
        (
            """CREATE TABLE equipment (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('gnss_receiver', 'total_station', 'other')),
                model TEXT NOT NULL,
                serial TEXT NOT NULL,
                notes TEXT,
                added_at TEXT NOT NULL,
                UNIQUE (kind, model, serial)
            )""",
        ),
    ),
    Migration(
        7,
        "print log of the job's documents (original / SALINAN n) and the permit-holder signatory",
        (
            # copy_no: 0 = the original of a final berita acara, 1.. = SALINAN ke-n, NULL = a
            # document outside the SALINAN rule. The UNIQUE pair stops two prints taking one
            # copy number; NULLs never collide in SQLite, so free prints are not limited.
            """CREATE TABLE print_log (
                id INTEGER PRIMARY KEY,
                document_kind TEXT NOT NULL
                    CHECK (document_kind IN ('berita_acara', 'deskripsi', 'stakeout', 'other')),
                file_name TEXT NOT NULL,
                document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64),
                data_sha256 TEXT,
                copy_no INTEGER CHECK (copy_no IS NULL OR copy_no >= 0),
                reason TEXT,
                printer TEXT NOT NULL,
                pages INTEGER NOT NULL CHECK (pages > 0),
                printed_at TEXT NOT NULL,
                device TEXT,
                user_name TEXT,
                UNIQUE (document_sha256, copy_no),
                CHECK (copy_no IS NULL OR copy_no = 0 OR coalesce(length(trim(reason)), 0) > 0)
            )""",
            "CREATE INDEX print_log_document ON print_log (document_sha256)",
            "ALTER TABLE permit_area ADD COLUMN holder_signatory TEXT",
        ),
    ),
    Migration(
        8,
        "the job's stake-out quality profile, and the quality every stake was taken with",
        (
            # One row at most; no row means the defaults (0.10 m, RTK fixed, sigma = tolerance).
            # max_sigma_h_m NULL: the sigma limit follows the tolerance.
            """CREATE TABLE stake_quality_profile (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                tolerance_m REAL NOT NULL CHECK (tolerance_m > 0),
                required_fix TEXT NOT NULL
                    CHECK (required_fix IN ('rtk-fixed', 'rtk-float', 'dgps', 'autonomous')),
                max_sigma_h_m REAL CHECK (max_sigma_h_m IS NULL OR max_sigma_h_m > 0),
                updated_at TEXT NOT NULL
            )""",
            # Stakes of older jobs keep NULL here: their quality was not recorded.
            "ALTER TABLE stake ADD COLUMN fix_quality INTEGER",
            "ALTER TABLE stake ADD COLUMN sigma_h_m REAL",
            "ALTER TABLE stake ADD COLUMN sigma_v_m REAL",
            "ALTER TABLE stake ADD COLUMN sigma_kind TEXT"
            " CHECK (sigma_kind IN ('measured', 'estimated', 'missing'))",
            "ALTER TABLE stake ADD COLUMN profile_required_fix TEXT",
            "ALTER TABLE stake ADD COLUMN profile_max_sigma_h_m REAL",
            "ALTER TABLE stake ADD COLUMN quality_ok INTEGER CHECK (quality_ok IN (0, 1))",
        ),
    ),
    Migration(
        9,
        "one original per berita acara Nomor, supersession, the company's BA register number, "
        "the witnesses a marker's situation requires, other-commodity permit holders as witnesses",
        (
            # A berita acara print is keyed by its Nomor (bound to the hash of what it states),
            # not by the PDF's bytes: the A4 and F4 builds of one Nomor share one original.
            "ALTER TABLE print_log ADD COLUMN nomor TEXT",
            "ALTER TABLE print_log ADD COLUMN statement_sha256 TEXT",
            "ALTER TABLE print_log ADD COLUMN draft INTEGER NOT NULL DEFAULT 0"
            " CHECK (draft IN (0, 1))",
            "ALTER TABLE print_log ADD COLUMN superseded_by TEXT",
            "ALTER TABLE print_log ADD COLUMN superseded_at TEXT",
            "CREATE UNIQUE INDEX print_log_nomor_copy ON print_log (nomor, copy_no)"
            " WHERE nomor IS NOT NULL AND copy_no IS NOT NULL",
            "ALTER TABLE permit_area ADD COLUMN ba_register TEXT",
            """CREATE TABLE marker_witness_need (
                marker_id INTEGER PRIMARY KEY REFERENCES marker(id),
                forest_area INTEGER NOT NULL DEFAULT 0 CHECK (forest_area IN (0, 1)),
                private_land INTEGER NOT NULL DEFAULT 0 CHECK (private_land IN (0, 1)),
                other_commodity_holder TEXT,
                updated_at TEXT NOT NULL
            )""",
            # SQLite cannot widen a CHECK: rebuild the witness table with the new category.
            """CREATE TABLE witness_v9 (
                id INTEGER PRIMARY KEY,
                marker_id INTEGER NOT NULL REFERENCES marker(id),
                name TEXT NOT NULL,
                institution TEXT NOT NULL,
                category TEXT NOT NULL CHECK (category IN ('district_village_officer',
                    'neighbour_permit_holder', 'other_sector_permit_holder',
                    'land_right_holder', 'forestry_officer', 'other_commodity_permit_holder')),
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_reason TEXT
            )""",
            "INSERT INTO witness_v9 SELECT id, marker_id, name, institution, category,"
            " recorded_at, withdrawn_at, withdrawn_reason FROM witness",
            "DROP TABLE witness",
            "ALTER TABLE witness_v9 RENAME TO witness",
            "CREATE INDEX witness_marker ON witness (marker_id)",
        ),
    ),
    Migration(
        10,
        "the method as measured: antenna height after, base station, instrument, signatories",
        (
            # Kepdirjen 697.K/29/DDJP/1996 measures the antenna height before AND after; the
            # after value uses the before's method, radius and offset. NULL: not measured.
            "ALTER TABLE occupation ADD COLUMN antenna_after_m REAL"
            " CHECK (antenna_after_m IS NULL OR antenna_after_m >= 0)",
            # The base / benchmark / NTRIP mountpoint the corrections came from, as named.
            "ALTER TABLE occupation ADD COLUMN base_station TEXT",
            "ALTER TABLE occupation ADD COLUMN equipment_id INTEGER REFERENCES equipment(id)",
            # The reference station ID the receiver reported with each epoch (GGA field 14).
            "ALTER TABLE occupation_epoch ADD COLUMN base_id TEXT",
            "ALTER TABLE permit_area ADD COLUMN holder_signatory_position TEXT",
            "ALTER TABLE permit_area ADD COLUMN ktt_name TEXT",
        ),
    ),
    Migration(
        11,
        "static GNSS sessions and their raw files, processed baselines, surveyed control points "
        "with their provenance and the coordinates they had before",
        CONTROL_SURVEY_STATEMENTS,
    ),
    Migration(
        12,
        "the job's own geoid grid (a copy in the job folder), preferred over the bundled EGM96",
        (
            "ALTER TABLE permit_area ADD COLUMN geoid_name TEXT"
            " CHECK (geoid_name IS NULL OR length(trim(geoid_name)) > 0)",
            "ALTER TABLE permit_area ADD COLUMN geoid_file TEXT"
            " CHECK (geoid_file IS NULL OR geoid_file LIKE 'geoid/%')",
        ),
    ),
    Migration(
        13,
        "background maps drawn under the job (tile packs, orthophotos) and design heights given "
        "as orthometric",
        (
            # A file copied into the job lives under backgrounds/ and its path is relative;
            # a referenced one keeps the absolute path it was added from.
            """CREATE TABLE job_background (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                path TEXT NOT NULL,
                copied INTEGER NOT NULL CHECK (copied IN (0, 1)),
                kind TEXT NOT NULL CHECK (kind IN ('mbtiles', 'gpkg', 'pmtiles', 'geotiff')),
                opacity REAL NOT NULL DEFAULT 1.0 CHECK (opacity >= 0 AND opacity <= 1),
                position INTEGER NOT NULL,
                visible INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
                added_at TEXT NOT NULL,
                CHECK (copied = 0 OR path LIKE 'backgrounds/%')
            )""",
            "CREATE UNIQUE INDEX job_background_name ON job_background (name)",
            # design_h stays ellipsoidal (every computation uses h); a design height given as
            # orthometric keeps the value as given, so a later geoid change recomputes design_h.
            "ALTER TABLE marker ADD COLUMN design_h_given REAL",
            "ALTER TABLE marker ADD COLUMN design_h_system TEXT NOT NULL DEFAULT 'ellipsoidal'"
            " CHECK (design_h_system IN ('ellipsoidal', 'orthometric'))",
        ),
    ),
    Migration(
        14, "the surveyors' KPO cards: status and date of the last data update", KPO_STATEMENTS
    ),
    Migration(
        15,
        "maintenance inspections of installed markers, their photos and check measurements",
        MAINTENANCE_STATEMENTS,
    ),
    Migration(16, "the work plan: cost items and schedule", PLAN_STATEMENTS),
    Migration(
        17,
        "reinstallations of lost or moved markers, and the records that belong to each",
        REINSTALL_STATEMENTS,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: JobDatabase) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: JobDatabase, target: int | None = None) -> int:
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
                # Another program opening the same old job may have migrated it while this one
                # waited for the write lock: its version, read under the lock, decides.
                if schema_version(db) >= migration.version:
                    current = schema_version(db)
                    continue
                for statement in migration.statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {migration.version:d}")
            current = migration.version
    return current
