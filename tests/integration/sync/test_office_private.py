"""The office's data is its user's alone: 0700 folders, 0600 files, a shared folder refused.

POSIX modes: CI is Linux; on Windows the office neither sets nor checks them (private.py).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from reviewkit import push_crafted, reviewer
from synckit import Office, free_port, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_the_office_creates_is_private(
    job: Path, office: Office, device_token: str, staff: tuple[str, str]
) -> None:
    page_url = push_crafted(job, office, device_token)
    with reviewer(office, staff) as client:
        assert client.get(page_url).status_code == 200
    folders = [office.data, *(p for p in office.data.rglob("*") if p.is_dir())]
    files = [p for p in office.data.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "office.sqlite" in names and any(p.parent.parent.name == "blobs" for p in files)
    assert {"blobs", "uploads"} <= {p.name for p in folders}
    assert {p.name: oct(mode(p)) for p in folders if mode(p) != 0o700} == {}
    # office.sqlite, -wal and -shm (while the office runs), every blob.
    assert {p.name: oct(mode(p)) for p in files if mode(p) != 0o600} == {}


def test_a_shared_data_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    data = tmp_path / "office-data"
    data.mkdir()
    data.chmod(0o755)
    port = free_port()
    refused = run_cli("office", "serve", "--data", str(data), "--port", str(port))
    assert refused.returncode == 2, refused.stderr
    (line,) = refused.stderr.strip().splitlines()
    assert str(data) in line and f"chmod 700 {data}" in line and "--allow-shared-data" in line
    assert not (data / "office.sqlite").exists()  # refused before anything was created

    office = Office(data, port)
    office.db_args = ["--allow-shared-data"]  # Office appends these to `office serve`
    office.start()
    try:
        assert office.proc is not None and office.proc.poll() is None
    finally:
        office.stop()
    assert mode(data / "office.sqlite") == 0o600  # new files are private even so

    data.chmod(0o700)  # the fix the message names
    fixed = Office(data, free_port())
    fixed.start()
    fixed.stop()
