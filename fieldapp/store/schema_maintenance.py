"""Schema of the maintenance inspections (pemeliharaan) that follow a marker's installation."""

from __future__ import annotations

# An inspection never changes the installation record: its photos and its check shot live in
# tables of their own.
MAINTENANCE_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE inspection (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        marker_id INTEGER NOT NULL REFERENCES marker(id),
        inspected_on TEXT NOT NULL,
        surveyor_id INTEGER REFERENCES surveyor(id),
        condition TEXT NOT NULL
            CHECK (condition IN ('baik', 'rusak', 'tercabut', 'hilang', 'bergeser')),
        vegetation_cleared INTEGER NOT NULL CHECK (vegetation_cleared IN (0, 1)),
        access_condition TEXT,
        action_taken TEXT,
        note TEXT,
        check_source TEXT CHECK (check_source IS NULL OR check_source IN ('gnss', 'ts')),
        check_detail TEXT,
        check_lat REAL CHECK (check_lat IS NULL OR check_lat BETWEEN -90 AND 90),
        check_lon REAL CHECK (check_lon IS NULL OR check_lon BETWEEN -180 AND 180),
        check_h REAL,
        check_fix_quality INTEGER,
        check_sigma_h_m REAL,
        check_dn_m REAL,
        check_de_m REAL,
        check_dh_m REAL,
        check_horizontal_m REAL,
        check_tolerance_m REAL CHECK (check_tolerance_m IS NULL OR check_tolerance_m > 0),
        check_passed INTEGER CHECK (check_passed IS NULL OR check_passed IN (0, 1)),
        recorded_at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_reason TEXT,
        CHECK ((check_source IS NULL) = (check_lat IS NULL))
    )""",
    "CREATE INDEX inspection_marker ON inspection (marker_id, inspected_on)",
    """CREATE TABLE inspection_photo (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
        direction TEXT NOT NULL
            CHECK (direction IN ('utara', 'timur', 'selatan', 'barat', 'detail', 'vegetasi')),
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
        imported_at TEXT NOT NULL
    )""",
    "CREATE INDEX inspection_photo_inspection ON inspection_photo (inspection_id)",
    # Every laporan pemeliharaan built as final: the compliance calendar counts the next one due
    # from the last.
    """CREATE TABLE maintenance_report (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
        file_name TEXT NOT NULL,
        document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64),
        draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
        built_at TEXT NOT NULL
    )""",
)
