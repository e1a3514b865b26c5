"""Owner-only files (device key, secrets fallback): mode 0600 on POSIX, an ACL on Windows."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from privatekit import icacls_entries, others_with_access, user_name

from fieldapp.sync import secrets
from fieldapp.sync.identity import KEY_FILE, load_or_create_identity
from fieldapp.sync.owner_only import restrict_to_owner, write_private

windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Windows ACLs")


def test_write_private_is_whole_and_owner_only_over_a_stale_temp(tmp_path: Path) -> None:
    target = tmp_path / "key"
    stale = tmp_path / "key.tmp"
    stale.write_text("half a key from a crash")
    if sys.platform != "win32":
        stale.chmod(0o644)  # reopening it would keep this mode
    write_private(target, "abc\n")
    assert target.read_bytes() == b"abc\n" and not stale.exists()
    assert others_with_access(target) == []
    write_private(target, "second\n")  # replacing keeps it private
    assert target.read_text() == "second\n" and others_with_access(target) == []


def test_device_key_and_id_are_owner_only(tmp_path: Path) -> None:
    load_or_create_identity(tmp_path)
    assert others_with_access(tmp_path / KEY_FILE) == []
    assert others_with_access(tmp_path / "device.json") == []


def test_a_key_left_open_by_an_older_version_is_closed_on_load(tmp_path: Path) -> None:
    first = load_or_create_identity(tmp_path)
    key = tmp_path / KEY_FILE
    text = key.read_text()
    key.unlink()
    key.write_text(text)  # as a plain file: the folder's permissions, or 0644
    if sys.platform != "win32":
        key.chmod(0o644)
    assert others_with_access(key) != []
    again = load_or_create_identity(tmp_path)
    assert again.public_key_hex == first.public_key_hex
    assert others_with_access(key) == []


def test_secrets_fallback_file_is_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(secrets.BACKEND_ENV, "file")
    secrets.set_secret(secrets.OFFICE_TOKEN, "tok-1")
    path = tmp_path / "home" / secrets.FALLBACK_FILE
    assert others_with_access(path) == []
    assert secrets.get_secret(secrets.OFFICE_TOKEN) == "tok-1"


@pytest.mark.posix(reason="mode bits; on Windows test_windows_acl_* check the ACL")
def test_posix_mode_is_exactly_0600(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_text("x")
    path.chmod(0o666)
    restrict_to_owner(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@windows_only
def test_windows_acl_of_the_key_has_only_this_user(tmp_path: Path) -> None:
    from fieldapp.sync.owner_only import current_user_sid, file_sddl

    load_or_create_identity(tmp_path)
    sddl = file_sddl(tmp_path / KEY_FILE)
    me = current_user_sid()
    aces = sddl.split("D:", 1)[1]
    assert f"(A;;FA;;;{me})" in aces, sddl  # the user has full control...
    assert others_with_access(tmp_path / KEY_FILE) == [], sddl  # ...and no one else


@windows_only
def test_windows_acl_as_icacls_lists_it(tmp_path: Path) -> None:
    load_or_create_identity(tmp_path)
    entries = icacls_entries(tmp_path / KEY_FILE)
    if entries is None:
        pytest.skip("icacls lists no ACL here (Wine's icacls is a stub)")
    granted = dict(entry.rsplit(":", 1) for entry in entries)
    assert len(granted) == 2, entries  # this user and SYSTEM, nobody else
    mine = [p for p in granted if p.lower().endswith("\\" + user_name().lower())]
    assert len(mine) == 1 and granted[mine[0]] == "(F)", entries
    system = [p for p in granted if p.upper().endswith("\\SYSTEM")]  # NT AUTHORITY, localised
    assert len(system) == 1 and granted[system[0]] == "(F)", entries
