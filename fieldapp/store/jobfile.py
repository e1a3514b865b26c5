"""The job file: a self-contained ``*.fieldapp`` folder holding the SQLite database and every file.

Layout::

    NAME.fieldapp/
      job.sqlite        the database (WAL, foreign keys, schema version)
      photos/           original photos, never modified
      raw/              raw device logs (GNSS bytes, total-station downloads)
      documents/        generated PDFs and deliverables

Copying the folder copies the whole job.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import explain_open_error
from fieldapp.store.migrations import migrate
from fieldapp.store.records import DECREE_FIELDS, now_iso

DB_NAME = "job.sqlite"
SUBFOLDERS = ("photos", "raw", "documents")


class JobFileError(RuntimeError):
    """A job file that cannot be created or opened, with the reason in words."""


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


class JobStore:
    """An open job: the database plus the folders for its files."""

    def __init__(self, path: Path, db: JobDatabase) -> None:
        self.path = path
        self.db = db

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
    def open(cls, path: str | Path) -> JobStore:
        folder = Path(path)
        db_path = folder / DB_NAME
        if not folder.is_dir() or not db_path.is_file():
            raise JobFileError(f"{folder}: not a fieldapp job (no {DB_NAME} inside)")
        try:
            db = _connect(db_path)
            migrate(db)
        except sqlite3.DatabaseError as exc:
            why = explain_open_error(folder, exc)  # a full disk says so (store helper)
            raise JobFileError(f"{db_path}: cannot open the job database: {why}") from exc
        for sub in SUBFOLDERS:
            (folder / sub).mkdir(exist_ok=True)
        return cls(folder, db)

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
