"""JobDatabase: dict rows, one transaction per atomic block, savepoints that roll back alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.store.database import JobDatabase


@pytest.fixture
def db(tmp_path: Path) -> JobDatabase:
    conn = sqlite3.connect(tmp_path / "t.sqlite", isolation_level=None)
    database = JobDatabase(conn)
    database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")
    return database


def names(db: JobDatabase) -> list[str]:
    return [r["name"] for r in db.query("SELECT name FROM t ORDER BY id")]


def test_query_gives_rows_by_column_name(db: JobDatabase) -> None:
    db.execute("INSERT INTO t (name, n) VALUES (?, ?)", ["TB-01", 3])
    assert list(db.query("SELECT * FROM t WHERE n = ?", [3])) == [
        {"id": 1, "name": "TB-01", "n": 3}
    ]
    assert list(db.query("SELECT * FROM t WHERE n = :n", {"n": 4})) == []


def test_an_error_inside_rolls_back_the_whole_block(db: JobDatabase) -> None:
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('kept only if all succeed')")
        db.execute("INSERT INTO t (name) VALUES (NULL)")
    assert names(db) == []
    assert not db.conn.in_transaction


def test_a_nested_block_rolls_back_alone(db: JobDatabase) -> None:
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('outer')")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t (name) VALUES ('inner')")
            raise ValueError("inner fails")
        with db.atomic():
            db.execute("INSERT INTO t (name) VALUES ('second inner')")
    assert names(db) == ["outer", "second inner"]


def test_a_locked_database_leaves_no_half_transaction(db: JobDatabase, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "t.sqlite", isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    db.conn.execute("PRAGMA busy_timeout = 0")
    with pytest.raises(sqlite3.OperationalError, match="locked"), db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('waits for the lock')")
    assert not db.conn.in_transaction
    other.execute("ROLLBACK")
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('after the lock')")
    assert names(db) == ["after the lock"]


def test_row_writes_by_column_name_go_through_sqlite_utils(db: JobDatabase) -> None:
    pk = db.table("t").insert({"name": "BM-01", "n": 1}).last_pk
    db.table("t").update(pk, {"n": 2})
    assert list(db.query("SELECT name, n FROM t")) == [{"name": "BM-01", "n": 2}]
