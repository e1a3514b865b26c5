"""Schema of reinstallations: a lost or moved marker installed again, its first record kept."""

from __future__ import annotations

# The records of a reinstallation (stakes, occupations, photos, witnesses, reference markers,
# its description) carry its id; the original installation's records keep NULL and are never
# changed. marker.status stays the original installation's status: the reinstallation walks
# planned -> staked -> installed -> documented in its own status column.
REINSTALL_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE reinstallation (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        marker_id INTEGER NOT NULL REFERENCES marker(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        inspection_id INTEGER REFERENCES inspection(id),
        status_before TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'staked', 'installed', 'documented')),
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        cancelled_at TEXT,
        cancelled_reason TEXT,
        CHECK (closed_at IS NULL OR cancelled_at IS NULL),
        CHECK ((cancelled_at IS NULL) = (cancelled_reason IS NULL))
    )""",
    "CREATE INDEX reinstallation_marker ON reinstallation (marker_id)",
    # One open reinstallation per marker at a time.
    "CREATE UNIQUE INDEX reinstallation_open ON reinstallation (marker_id)"
    " WHERE closed_at IS NULL AND cancelled_at IS NULL",
    "ALTER TABLE stake ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE occupation ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE photo ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE witness ADD COLUMN reinstallation_id INTEGER REFERENCES reinstallation(id)",
    "ALTER TABLE reference_marker ADD COLUMN reinstallation_id INTEGER"
    " REFERENCES reinstallation(id)",
    # The description (deskripsi) of the reinstalled marker: the site may have changed, and the
    # original's description stays as it was signed.
    """CREATE TABLE reinstallation_description (
        reinstallation_id INTEGER PRIMARY KEY REFERENCES reinstallation(id),
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
    # The berita acara of a reinstallation is a legal original of its own: the print log knows
    # it as a kind of its own (a job berita acara never supersedes it, nor it the job's) and by
    # the reinstallation it states. SQLite changes a CHECK only by rebuilding the table.
    """CREATE TABLE print_log_17 (
        id INTEGER PRIMARY KEY,
        document_kind TEXT NOT NULL
            CHECK (document_kind IN ('berita_acara', 'berita_acara_ulang', 'deskripsi',
                                     'stakeout', 'other')),
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
        nomor TEXT,
        statement_sha256 TEXT,
        draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1)),
        superseded_by TEXT,
        superseded_at TEXT,
        reinstallation_id INTEGER REFERENCES reinstallation(id),
        UNIQUE (document_sha256, copy_no),
        CHECK (copy_no IS NULL OR copy_no = 0 OR coalesce(length(trim(reason)), 0) > 0),
        CHECK ((document_kind = 'berita_acara_ulang') = (reinstallation_id IS NOT NULL))
    )""",
    "INSERT INTO print_log_17 (id, document_kind, file_name, document_sha256, data_sha256,"
    " copy_no, reason, printer, pages, printed_at, device, user_name, nomor, statement_sha256,"
    " draft, superseded_by, superseded_at)"
    " SELECT id, document_kind, file_name, document_sha256, data_sha256, copy_no, reason,"
    " printer, pages, printed_at, device, user_name, nomor, statement_sha256, draft,"
    " superseded_by, superseded_at FROM print_log",
    "DROP TABLE print_log",
    "ALTER TABLE print_log_17 RENAME TO print_log",
    "CREATE INDEX print_log_document ON print_log (document_sha256)",
    "CREATE UNIQUE INDEX print_log_nomor_copy ON print_log (nomor, copy_no)"
    " WHERE nomor IS NOT NULL AND copy_no IS NOT NULL",
)
