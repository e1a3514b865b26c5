"""The job database: reads and transactions on sqlite3, row writes through sqlite-utils."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import count
from typing import TYPE_CHECKING, Any

Params = Sequence[Any] | Mapping[str, Any] | None

if TYPE_CHECKING:
    import sqlite_utils

_savepoints = count(1)


class JobDatabase:
    """A sqlite3 connection in autocommit mode; transactions are explicit (``atomic``).

    Reading a job (all the window does when it opens one) needs only ``execute`` and
    ``query``; sqlite-utils, which writes rows by column name (``table(...).insert``,
    ``update``), is imported on the first write. Its import, with click, pluggy and dateutil
    behind it, was a tenth of the window's cold start.
    """

    def __init__(
        self, conn: sqlite3.Connection, refuse_writes: Callable[[], Exception] | None = None
    ) -> None:
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None
        # Set on a job opened read-only: every write raises the error it makes, in words.
        self.refuse_writes = refuse_writes

    def execute(self, sql: str, params: Params = None) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params if params is not None else ())
        except sqlite3.OperationalError as exc:
            if self.refuse_writes is not None and "readonly" in str(exc):
                raise self.refuse_writes() from exc
            raise

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts by column name."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        for row in cur:
            yield dict(zip(names, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[JobDatabase]:
        """One transaction; nested blocks are savepoints that roll back on their own."""
        if self.refuse_writes is not None:
            raise self.refuse_writes()  # every transaction here writes; say so before it starts
        if not self.conn.in_transaction:
            # IMMEDIATE: the write lock is taken here, where the busy timeout waits for another
            # program's transaction to end. A deferred BEGIN upgrades on its first write and
            # fails at once with "database is locked" when another writer got in between.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self._rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()  # e.g. the database was locked: nothing half-written stays
                raise
            return
        name = f"fieldapp_{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            # A RAISE(ROLLBACK) trigger ends the whole transaction, savepoint included.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def _rollback(self) -> None:
        # A no-op when the error already ended the transaction: the original error propagates.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table(self, name: str) -> sqlite_utils.db.Table:
        if self.refuse_writes is not None:
            raise self.refuse_writes()  # sqlite-utils is only used to write rows
        if self._utils is None:
            import sqlite_utils

            # No plugins: whatever is installed on the laptop must not touch a job file.
            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils.table(name)

    def __getitem__(self, name: str) -> sqlite_utils.db.Table:
        return self.table(name)

    def table_names(self) -> list[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [str(r[0]) for r in rows]

    def enable_wal(self) -> None:
        if self.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()
