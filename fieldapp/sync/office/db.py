"""The office database behind one small interface: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import importlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 4  # 2: job assignments; 3: staff passwords, sessions, token expiry/revoke;
# 4: package_owner, the device a package id belongs to (filled from committed packages)

# ``{pk}`` is the only dialect difference the schema needs; everything else is plain SQL
# that SQLite and PostgreSQL both accept (TEXT, BIGINT, ON CONFLICT, RETURNING).
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS office_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS device (
        id {pk}, name TEXT NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE,
        public_key TEXT, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)""",
    # token_hash is a leftover of version 2 (HTTP Basic): new staff get an unusable random one.
    """CREATE TABLE IF NOT EXISTS staff (
        id {pk}, name TEXT NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL, password_hash TEXT, disabled_at TEXT)""",
    # Only the SHA-256 of a session token is kept, like device tokens.
    """CREATE TABLE IF NOT EXISTS staff_session (
        token_hash TEXT PRIMARY KEY, staff_id BIGINT NOT NULL, created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS login_failure (
        id {pk}, name TEXT NOT NULL, client TEXT NOT NULL, at TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS login_failure_at ON login_failure (at)""",
    """CREATE TABLE IF NOT EXISTS pending (
        manifest_hash TEXT PRIMARY KEY, device_id BIGINT NOT NULL, package_id TEXT NOT NULL,
        revision BIGINT NOT NULL, manifest TEXT NOT NULL, created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS pending_blob (
        manifest_hash TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL,
        PRIMARY KEY (manifest_hash, sha256))""",
    """CREATE INDEX IF NOT EXISTS pending_blob_sha ON pending_blob (sha256)""",
    """CREATE TABLE IF NOT EXISTS package (
        id {pk}, package_id TEXT NOT NULL, revision BIGINT NOT NULL, job_id TEXT NOT NULL,
        job_name TEXT NOT NULL, device_id BIGINT NOT NULL, manifest_hash TEXT NOT NULL,
        receipt_id TEXT NOT NULL, state TEXT NOT NULL, supersedes TEXT NOT NULL,
        bag_info TEXT NOT NULL, total_bytes BIGINT NOT NULL, committed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, UNIQUE (package_id, revision))""",
    """CREATE TABLE IF NOT EXISTS package_file (
        package_pk BIGINT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
        size BIGINT NOT NULL, PRIMARY KEY (package_pk, path))""",
    """CREATE TABLE IF NOT EXISTS audit (
        id {pk}, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        package_id TEXT, revision BIGINT, notes TEXT)""",
    """CREATE TABLE IF NOT EXISTS event (
        id {pk}, device_id BIGINT NOT NULL, job_id TEXT, kind TEXT NOT NULL,
        package_id TEXT, revision BIGINT, state TEXT, notes TEXT, actor TEXT,
        payload TEXT NOT NULL, at TEXT NOT NULL)""",
    # A job spec assigned to a device; a changed spec for the same job is the next revision.
    """CREATE TABLE IF NOT EXISTS assignment (
        id {pk}, device_id BIGINT NOT NULL, job_id TEXT NOT NULL, revision BIGINT NOT NULL,
        name TEXT NOT NULL, spec TEXT NOT NULL, spec_sha256 TEXT NOT NULL, actor TEXT NOT NULL,
        notes TEXT, created_at TEXT NOT NULL, UNIQUE (device_id, job_id, revision))""",
    # The device that first committed a package id: only it (or a device the job is
    # assigned to) may commit its revisions or read its receipts.
    """CREATE TABLE IF NOT EXISTS package_owner (
        package_id TEXT PRIMARY KEY, device_id BIGINT NOT NULL, job_id TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
)

# An office of version < 4 has packages but no owners: each package id goes to the device of
# its first committed revision (its lowest row id), which is who committed it first.
_OWNERS_FROM_PACKAGES = """INSERT INTO package_owner (package_id, device_id, job_id, created_at)
    SELECT p.package_id, p.device_id, p.job_id, p.committed_at FROM package p
    WHERE p.id = (SELECT MIN(q.id) FROM package q WHERE q.package_id = p.package_id)
    ON CONFLICT (package_id) DO NOTHING"""


# Version 2 staff rows keep no password: `fieldapp office staff password` gives them one.
UPGRADE_TO_3 = (
    ("device", "expires_at"),
    ("device", "revoked_at"),
    ("staff", "password_hash"),
    ("staff", "disabled_at"),
)


class DatabaseError(RuntimeError):
    """The office database cannot be opened or reached, with the reason in words."""


class DatabaseUnavailable(DatabaseError):
    """The connection dropped (e.g. PostgreSQL restarted); the request may be retried."""


# Any constant works: it only serialises concurrent schema creation on one PostgreSQL database.
_SCHEMA_LOCK_KEY = 0x6669656C64


class Database:
    """A DB-API connection with ``?`` placeholders on every dialect and explicit transactions.

    One connection guarded by a lock: an office has a handful of devices, and this keeps
    SQLite's single-writer rule and psycopg's one-thread-per-connection rule both happy.
    A PostgreSQL connection that dropped is opened again: reads and the BEGIN of a
    transaction are retried once on the new connection; a transaction that was cut off
    fails as a whole with DatabaseUnavailable (the server already rolled it back), and the
    device's client retries the request.
    """

    def __init__(self, connect: Callable[[], Any], dialect: str) -> None:
        self._connect = connect
        self._conn = connect()
        self.dialect = dialect
        self._lock = threading.RLock()
        self._depth = 0

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def _run(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        cur = self._conn.cursor()
        try:
            cur.execute(self._sql(sql), tuple(params))
            rows = cur.fetchall() if cur.description is not None else []
        finally:
            cur.close()
        return [tuple(r) for r in rows]

    def _dropped(self) -> bool:
        return self.dialect == "postgresql" and bool(
            self._conn.closed or getattr(self._conn, "broken", False)
        )

    def _reconnect(self) -> None:
        with suppress(Exception):  # the old connection is dead either way
            self._conn.close()
        try:
            self._conn = self._connect()
        except Exception as exc:
            raise DatabaseUnavailable(f"office database unreachable: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._dropped() and not self._depth:
                self._reconnect()
            try:
                return self._run(sql, params)
            except Exception as exc:
                if not self._dropped():
                    raise
                if self._depth:
                    raise DatabaseUnavailable(
                        f"office database connection lost mid-transaction: {exc}"
                    ) from exc
                # Outside a transaction every statement is a read or a BEGIN: safe to repeat.
                self._reconnect()
                return self._run(sql, params)

    def query_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows: a 20,000-file manifest holds the connection briefly."""
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])
            finally:
                cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All statements inside commit together; nested use joins the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self.query("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
            self._depth = 1
            try:
                yield self
            except BaseException:
                if not self._dropped():
                    # PostgreSQL aborts a transaction at its first failed statement; the
                    # ROLLBACK makes the connection usable again.
                    self.query("ROLLBACK")
                raise
            else:
                self.query("COMMIT")
            finally:
                self._depth = 0

    def create_schema(self) -> None:
        pk = (
            "INTEGER PRIMARY KEY AUTOINCREMENT"
            if self.dialect == "sqlite"
            else "BIGSERIAL PRIMARY KEY"
        )
        with self.transaction():
            if self.dialect == "postgresql":
                # Two processes (serve and `device add`) creating the schema at once would
                # otherwise race on CREATE TABLE IF NOT EXISTS and fail with a unique violation.
                self.query("SELECT pg_advisory_xact_lock(?)", [_SCHEMA_LOCK_KEY])
            had = self._stored_version()
            for statement in SCHEMA:
                self.query(statement.replace("{pk}", pk))
            if had is not None and had < 3:
                # CREATE TABLE IF NOT EXISTS leaves an existing table as it was.
                # Only the columns missing: an office stopped halfway through an upgrade, or
                # one restored from a backup, may hold some of them already.
                for table, column in UPGRADE_TO_3:
                    if not self._has_column(table, column):
                        self.query(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
            if (had or 0) < 4:  # none stored: fill owners anyway (cheap on an empty office)
                self.query(_OWNERS_FROM_PACKAGES)
            self.query(
                "INSERT INTO office_meta (key, value) VALUES ('schema_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(SCHEMA_VERSION)],
            )

    def _has_column(self, table: str, column: str) -> bool:
        if self.dialect == "sqlite":
            sql = "SELECT 1 FROM pragma_table_info(?) WHERE name = ?"
        else:
            sql = (
                "SELECT 1 FROM information_schema.columns WHERE table_name = ? "
                "AND column_name = ? AND table_schema = current_schema()"
            )
        return self.one(sql, [table, column]) is not None

    def _stored_version(self) -> int | None:
        """The schema version of an existing database; None for a new one."""
        if self.dialect == "sqlite":
            exists = self.one("SELECT 1 FROM sqlite_master WHERE name = 'office_meta'")
        else:
            exists = self.one("SELECT to_regclass('office_meta')")
            exists = exists if exists and exists[0] is not None else None
        if not exists:
            return None
        row = self.one("SELECT value FROM office_meta WHERE key = 'schema_version'")
        return int(row[0]) if row else None

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'office.sqlite').resolve()}"


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def open_database(url: str) -> Database:
    """``sqlite:///path`` or ``postgresql://user:pw@host/db`` (needs psycopg installed)."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")

        def connect_sqlite() -> sqlite3.Connection:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            return conn

        try:
            db = Database(connect_sqlite, "sqlite")
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(f"{path}: cannot open the office database: {exc}") from exc
    elif url.startswith(("postgresql://", "postgres://")):
        try:
            psycopg = importlib.import_module("psycopg")
        except ImportError as exc:
            raise DatabaseError(
                "a PostgreSQL URL needs psycopg: pip install 'fieldapp[office-pg]'"
                " (or 'psycopg[binary]')"
            ) from exc

        def connect_pg() -> Any:
            # autocommit: transactions are the explicit BEGIN/COMMIT of Database.transaction.
            return psycopg.connect(url, autocommit=True, connect_timeout=10)

        try:
            db = Database(connect_pg, "postgresql")
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DatabaseError(
                f"cannot connect to the office database {_redact(url)}: {reason}"
            ) from exc
    else:
        raise DatabaseError(f"{url}: database URL must start with sqlite:/// or postgresql://")
    db.create_schema()
    return db


def open_office_db(data_dir: Path, db_url: str | None) -> Database:
    """The office's database, its folder made private first (here, not in the server module,
    so `office device add` and the like do not load the web stack)."""
    from fieldapp.sync.office import private

    private.make_dir(data_dir)
    if db_url is None:
        # Created 0600 before SQLite opens it; SQLite gives -wal and -shm the same mode.
        private.create_file(data_dir / "office.sqlite")
    return open_database(db_url or default_url(data_dir))
