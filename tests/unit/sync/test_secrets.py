"""The secrets file fallback: this user only, whole or not at all; token files read with care."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from fieldapp.sync import secrets


@pytest.fixture(autouse=True)
def file_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(secrets.BACKEND_ENV, "file")
    return tmp_path / "home" / secrets.FALLBACK_FILE


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits; on Windows the ACL")
def test_fallback_file_is_0600_even_over_a_stale_0644_temp(file_backend: Path) -> None:
    file_backend.parent.mkdir(parents=True)
    stale = file_backend.with_name(file_backend.name + ".tmp")
    stale.write_text("{}")
    stale.chmod(0o644)  # left by a crash: O_CREAT alone would keep its mode
    place = secrets.set_secret("office/token", "abc")
    assert not place.keyring and str(file_backend) in place.description
    assert stat.S_IMODE(file_backend.stat().st_mode) == 0o600
    assert not stale.exists()


def test_set_get_delete_and_empty_value_forgets() -> None:
    secrets.set_secret("a", "1")
    secrets.set_secret("b", "2")
    assert (secrets.get_secret("a"), secrets.get_secret("b")) == ("1", "2")
    secrets.set_secret("a", "")
    assert secrets.get_secret("a") is None and secrets.get_secret("b") == "2"
    secrets.delete_secret("b")
    assert secrets.get_secret("b") is None


def test_damaged_fallback_reads_as_empty_and_is_rewritten(file_backend: Path) -> None:
    file_backend.parent.mkdir(parents=True)
    file_backend.write_text("{not json")
    assert secrets.get_secret("office/token") is None
    secrets.set_secret("office/token", "t")
    assert secrets.get_secret("office/token") == "t"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"  \r\n", "is empty"),
        (b"a\nb", "alone on one line"),
        (b"x" * 5000, "at most 4096 bytes"),
        (b"\xff\xfe", "not UTF-8"),
        (b"tok\x00", "alone on one line"),
    ],
)
def test_bad_token_files(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "token.txt"
    path.write_bytes(data)
    with pytest.raises(secrets.SecretError, match=words) as caught:
        secrets.read_token_file(path)
    assert str(path) in str(caught.value)


def test_token_file_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_bytes(b"\xef\xbb\xbfabc-123\r\n")  # Notepad on Windows
    assert secrets.read_token_file(path) == "abc-123"
