"""An office.sqlite of schema version 2 (HTTP Basic staff) upgrades: staff get a password."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import httpx
from synckit import Office, Reviewer, free_port, run_cli

from fieldapp.sync.office.db import SCHEMA_VERSION

# The version-2 tables that version 3 changes, as a version-2 office created them.
V2 = (
    "CREATE TABLE office_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE device (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
    " token_hash TEXT NOT NULL UNIQUE, public_key TEXT, created_at TEXT NOT NULL)",
    "CREATE TABLE staff (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
    " token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)",
    "INSERT INTO office_meta VALUES ('schema_version', '2')",
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_version_2_office_upgrades_and_old_staff_get_a_password(tmp_path: Path) -> None:
    data = tmp_path / "office-data"
    data.mkdir(mode=0o700)  # the office refuses a data folder others can read
    with sqlite3.connect(data / "office.sqlite") as conn:
        for statement in V2:
            conn.execute(statement)
        conn.execute("INSERT INTO device VALUES (1, 'laptop-01', ?, NULL, 'then')", [sha("tok")])
        conn.execute("INSERT INTO staff VALUES (1, 'lama', ?, 'then')", [sha("basic-token")])
    conn.close()

    again = run_cli("office", "staff", "add", "--data", str(data), "lama", stdin="x" * 12 + "\n")
    assert again.returncode == 2 and "staff password" in again.stderr, again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    short = run_cli("office", "staff", "password", "--data", str(data), "lama", stdin="pendek\n")
    assert short.returncode == 2 and "10 to 1024 characters" in short.stderr
    password = "kata-sandi-baru-2026"
    (tmp_path / "pw").write_text(password + "\n", encoding="utf-8")
    done = run_cli(
        "office", "staff", "password", "--data", str(data), "lama",
        "--password-file", str(tmp_path / "pw"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr

    office = Office(data, free_port())
    office.start()
    try:
        assert Reviewer(office.url, "lama", password).sign_in().status_code == 303
        assert Reviewer(office.url, "lama", "basic-token").sign_in().status_code == 401
        auth = {"Authorization": "Bearer tok"}
        assert httpx.get(f"{office.url}/api/v1/assignments", headers=auth).status_code == 200
        # HTTP Basic for staff is gone: it is neither accepted nor asked for.
        basic = httpx.get(f"{office.url}/review", auth=("lama", "basic-token"))
        assert basic.status_code == 303 and "www-authenticate" not in basic.headers
    finally:
        office.stop()
    with sqlite3.connect(data / "office.sqlite") as conn:
        version = conn.execute("SELECT value FROM office_meta WHERE key = 'schema_version'")
        assert version.fetchone() == (str(SCHEMA_VERSION),)
    conn.close()
