"""The job file: a self-contained ``*.fieldapp`` folder holding the SQLite database and every file.

Layout::

    NAME.fieldapp/
      job.sqlite        the database (WAL, foreign keys, schema version)
      photos/           original photos, never modified
      raw/              raw device logs (GNSS bytes, total-station downloads)
      documents/        generated PDFs and deliverables

Copying the folder copies the whole job. A job on a read-only medium (a CD, a write-protected
stick) opens read-only: SQLite's immutable mode, so no -wal/-shm file is needed beside it.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import explain_open_error
from fieldapp.store.migrations import LATEST_VERSION, SchemaTooNewError, migrate, schema_version
from fieldapp.store.records import DECREE_FIELDS, now_iso

DB_NAME = "job.sqlite"
SUBFOLDERS = ("photos", "raw", "documents")


# An older schema on a read-only job is upgraded in a copy in memory; past this size the
# surveyor is told to copy the job instead (the copy would hold the whole file in RAM).
MAX_MEMORY_COPY_BYTES = 256 * 1024 * 1024


class JobFileError(RuntimeError):
    """A job file that cannot be created or opened, with the reason in words."""


class JobReadOnlyError(JobFileError):
    """A write to a job that was opened read-only (a CD, a write-protected stick)."""


def read_only_uri(db_path: Path) -> str:
    """The immutable SQLite URI of ``db_path``: spaces, '#', '?' and drive letters escaped."""
    # absolute(), not resolve(): a mapped drive stays its letter rather than becoming a UNC path.
    return uri_of(Path(db_path).absolute())


def uri_of(absolute: PurePath) -> str:
    """``read_only_uri`` of an absolute path of either flavour (testable on any system)."""
    uri = absolute.as_uri()
    if not uri.startswith("file:///"):
        # A Windows UNC path (file://server/share/...): SQLite takes no authority but an empty
        # one, so the server goes into the path, as \\server\share.
        uri = "file:////" + uri.removeprefix("file://")
    return f"{uri}?mode=ro&immutable=1"


def _not_writable(folder: Path, db_path: Path) -> str | None:
    """Why the job cannot be written, when the file system says so before we try."""
    # os.access sees a read-only mount (EROFS) and the Windows read-only attribute; a
    # folder whose ACL forbids writing shows up when the writable open fails instead.
    if not os.access(folder, os.W_OK):
        return "its folder is not writable"
    if not os.access(db_path, os.W_OK):
        return f"{DB_NAME} is not writable"
    return None


def _is_read_only_failure(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, PermissionError) or any(
        word in text for word in ("readonly", "read-only", "unable to open database file")
    )


def _connect(db_path: Path) -> JobDatabase:
    # isolation_level=None: transactions are explicit (JobDatabase.atomic()), so a
    # DDL statement never slips outside the transaction of its migration.
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=30, check_same_thread=False)
    db = JobDatabase(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils set it when it opened jobs
    db.enable_wal()
    # FULL: a capture the UI reports as saved survives a power cut, not just a crash.
    db.execute("PRAGMA synchronous = FULL")
    return db


def _upgraded_copy(
    conn: sqlite3.Connection, folder: Path, db_path: Path, reason: str
) -> sqlite3.Connection:
    """An older schema on a read-only job: migrate a copy in memory, never the file itself."""
    size = db_path.stat().st_size
    if size > MAX_MEMORY_COPY_BYTES:
        conn.close()
        raise JobFileError(
            f"{folder}: the job is read-only ({reason}) and was written by an older fieldapp "
            f"({size // 2**20} MB, too large to upgrade in memory); copy it to a writable folder"
        )
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.backup(memory)
        migrate(JobDatabase(memory))
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise JobFileError(
            f"{folder}: the job is read-only ({reason}) and its older database cannot be "
            f"upgraded for viewing ({exc}); copy it to a writable folder"
        ) from exc
    finally:
        conn.close()
    return memory


class JobStore:
    """An open job: the database plus the folders for its files."""

    def __init__(self, path: Path, db: JobDatabase, read_only_reason: str | None = None) -> None:
        self.path = path
        self.db = db
        self.read_only_reason = read_only_reason

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def read_only_error(self) -> JobReadOnlyError:
        return JobReadOnlyError(
            f"job {self.path} is read-only ({self.read_only_reason}); "
            "copy it to a writable folder to change it"
        )

    def require_writable(self) -> None:
        """Refuse, in words, before a write that starts with a file rather than a row."""
        if self.read_only:
            raise self.read_only_error()

    @classmethod
    def create(cls, path: str | Path, name: str, **permit: object) -> JobStore:
        folder = Path(path)
        if folder.exists():
            raise JobFileError(f"{folder}: already exists; choose another name or open it")
        folder.mkdir(parents=True)
        for sub in SUBFOLDERS:
            (folder / sub).mkdir()
        store = cls(folder, _connect(folder / DB_NAME))
        migrate(store.db)
        stamp = now_iso()
        unknown = set(permit) - set(DECREE_FIELDS)
        if unknown:
            raise JobFileError(f"unknown permit area field(s): {', '.join(sorted(unknown))}")
        row = {k: v for k, v in permit.items() if v is not None}
        row.update(id=1, job_uuid=str(uuid.uuid4()), name=name, created_at=stamp, updated_at=stamp)
        with store.db.atomic():
            store.db.table("permit_area").insert(row)
        return store

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> JobStore:
        """Open for writing, or read-only when asked or when the medium cannot be written."""
        folder = Path(path)
        db_path = folder / DB_NAME
        if not folder.is_dir() or not db_path.is_file():
            raise JobFileError(f"{folder}: not a fieldapp job (no {DB_NAME} inside)")
        reason = "opened read-only" if read_only else _not_writable(folder, db_path)
        if reason is None:
            db: JobDatabase | None = None
            try:
                db = _connect(db_path)
                migrate(db)
                for sub in SUBFOLDERS:
                    (folder / sub).mkdir(exist_ok=True)
                return cls(folder, db)
            except (sqlite3.DatabaseError, OSError) as exc:
                if db is not None:
                    db.close()
                if not _is_read_only_failure(exc):
                    why = explain_open_error(folder, exc)  # a full disk says so
                    raise JobFileError(f"{db_path}: cannot open the job database: {why}") from exc
                reason = f"it cannot be written: {exc}"
        return cls._open_read_only(folder, db_path, reason)

    @classmethod
    def _open_read_only(cls, folder: Path, db_path: Path, reason: str) -> JobStore:
        wal = db_path.with_name(DB_NAME + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            # Immutable mode would not see what the -wal file holds: refuse rather than
            # show the job as it was before its last changes.
            raise JobFileError(
                f"{folder}: the job is read-only ({reason}) and {wal.name} holds changes not "
                "yet written into the database; copy the job to a writable folder and open it"
            )
        try:
            conn = sqlite3.connect(
                read_only_uri(db_path), uri=True, isolation_level=None, check_same_thread=False
            )
            version = schema_version(JobDatabase(conn))
        except sqlite3.DatabaseError as exc:
            raise JobFileError(f"{db_path}: cannot open the job database: {exc}") from exc
        if version > LATEST_VERSION:
            conn.close()
            raise SchemaTooNewError(
                f"job file has schema version {version}, this fieldapp knows up to "
                f"{LATEST_VERSION}: update fieldapp to open it"
            )
        if version < LATEST_VERSION:
            conn = _upgraded_copy(conn, folder, db_path, reason)
        conn.execute("PRAGMA query_only = ON")  # a write that slips past the checks fails too
        store = cls(folder, JobDatabase(conn), reason)
        store.db.refuse_writes = store.read_only_error
        return store

    @property
    def photos_dir(self) -> Path:
        return self.path / "photos"

    @property
    def raw_dir(self) -> Path:
        return self.path / "raw"

    @property
    def documents_dir(self) -> Path:
        return self.path / "documents"

    @contextmanager
    def transaction(self) -> Iterator[JobDatabase]:
        """All-or-nothing: everything written inside commits together or not at all."""
        with self.db.atomic() as db:
            yield db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
