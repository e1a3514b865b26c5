"""SQLite tile packs: which kind a file is, and a read-only connection any thread may use."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any, Literal

from fieldapp.basemap.source import BackgroundError


class ReadOnlyDb:
    """One read-only connection shared by all threads, a lock around every statement.

    SQLite lookups by primary index take microseconds; decoding the tile (outside the lock)
    is what costs, so one connection and a lock serve a few decoding threads well.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        if not self.path.is_file():
            raise BackgroundError(f"{self.path}: no such file")
        self._con: sqlite3.Connection | None = None
        try:
            self._con = self._connect("?mode=ro")
        except sqlite3.OperationalError:
            # A WAL pack on read-only media cannot make its -shm file: read it as immutable.
            try:
                self._con = self._connect("?mode=ro&immutable=1")
            except sqlite3.Error as exc:
                raise self.error(exc) from exc
        except sqlite3.Error as exc:
            raise self.error(exc) from exc

    def _connect(self, query: str) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + query
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            # Reading the schema touches the file's first pages: a non-database fails here.
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            con.close()
            raise
        return con

    def error(self, exc: BaseException) -> BackgroundError:
        return BackgroundError(f"{self.path}: not a readable SQLite tile pack ({exc})")

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._con is None:
                raise BackgroundError(f"{self.path}: the pack is closed")
            try:
                return self._con.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise self.error(exc) from exc

    def one(self, sql: str, args: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        rows = self.rows(sql, args)
        return rows[0] if rows else None

    def names(self) -> dict[str, str]:
        """Tables and views by name (lower case) -> 'table' | 'view'."""
        return {
            str(n).lower(): str(t)
            for n, t in self.rows(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
            )
        }

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


def kind_of(db: ReadOnlyDb) -> Literal["mbtiles", "gpkg"]:
    names = db.names()
    if "gpkg_contents" in names:
        row = db.one("SELECT count(*) FROM gpkg_contents WHERE lower(data_type) = 'tiles'")
        if row and row[0]:
            return "gpkg"
        raise BackgroundError(
            f"{db.path}: a GeoPackage without a tile table (features only?); "
            "expected raster tiles (gpkg_contents data_type 'tiles')"
        )
    if "tiles" in names or ("map" in names and "images" in names):
        return "mbtiles"
    raise BackgroundError(
        f"{db.path}: an SQLite file that is not a tile pack "
        "(expected MBTiles 'tiles' or 'map'+'images', or GeoPackage tiles)"
    )


def sqlite_pack_kind(path: Path) -> Literal["mbtiles", "gpkg"]:
    """'mbtiles' or 'gpkg' from the file's tables; BackgroundError naming the file otherwise."""
    db = ReadOnlyDb(path)
    try:
        return kind_of(db)
    finally:
        db.close()
