"""Durable writes: complete or absent, no part file, disk full as a message, intents settled."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import BinaryIO

import pytest

from fieldapp.store.durable import (
    DiskFullError,
    copy_durably,
    ensure_free,
    explain_open_error,
    intent,
    is_disk_full,
    part_path,
    recover_intents,
    remove_litter,
    write_durably,
)


def test_write_durably_leaves_the_complete_file_and_no_part(tmp_path: Path) -> None:
    final = tmp_path / "a.jpg"
    write_durably(final, lambda fh: fh.write(b"x" * 100_000))
    assert final.read_bytes() == b"x" * 100_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jpg"]


def test_copy_durably_copies_unchanged(tmp_path: Path) -> None:
    src = tmp_path / "src.bin"
    src.write_bytes(bytes(range(256)) * 9000)
    copy_durably(src, tmp_path / "dst.bin")
    assert (tmp_path / "dst.bin").read_bytes() == src.read_bytes()
    assert not part_path(tmp_path / "dst.bin").exists()


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    def half(fh: BinaryIO) -> None:
        fh.write(b"half")
        raise OSError(errno.EIO, "card removed")

    with pytest.raises(OSError, match="card removed"):
        write_durably(tmp_path / "a.jpg", half)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_message_with_the_space_needed(tmp_path: Path) -> None:
    def full(fh: BinaryIO) -> None:
        fh.write(b"some")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskFullError) as caught:
        write_durably(tmp_path / "a.jpg", full, needed=3 * 1024 * 1024)
    text = str(caught.value)
    assert text.startswith(f"{tmp_path}: not enough free space to write a.jpg: about 3.0 MB needed")
    assert "free;" in text and "[Errno" not in text
    assert list(tmp_path.iterdir()) == []


def test_ensure_free_refuses_what_cannot_fit(tmp_path: Path) -> None:
    ensure_free(tmp_path, 1024, "import the photo")
    with pytest.raises(DiskFullError, match="not enough free space to import the photo"):
        ensure_free(tmp_path, 1 << 60, "import the photo")


def test_disk_full_is_recognised_from_os_and_sqlite() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "full"))
    assert is_disk_full(OSError(errno.EFBIG, "too large"))
    assert not is_disk_full(OSError(errno.EACCES, "denied"))
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(ValueError("full"))


def test_explain_open_error_keeps_sqlites_words(tmp_path: Path) -> None:
    assert explain_open_error(tmp_path, sqlite3.OperationalError("file is not a database")) == (
        "file is not a database"
    )
    full = explain_open_error(tmp_path, sqlite3.OperationalError("database or disk is full"))
    assert full.startswith("database or disk is full; ") and "needed" in full


def test_remove_litter_takes_only_part_files(tmp_path: Path) -> None:
    (tmp_path / ".a.jpg.part").write_bytes(b"half")
    (tmp_path / "b.jpg").write_bytes(b"whole")
    (tmp_path / "c.part").write_bytes(b"not ours: no leading dot")
    (tmp_path / ".bag.partial").mkdir()
    assert [p.name for p in remove_litter(tmp_path)] == [".a.jpg.part"]
    assert [p.name for p in remove_litter(tmp_path, ".partial")] == [".bag.partial"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.jpg", "c.part"]


def test_an_intent_removes_the_file_when_its_row_did_not_commit(tmp_path: Path) -> None:
    final = tmp_path / "a.jpg"
    with pytest.raises(RuntimeError), intent(final, lambda name: False):
        final.write_bytes(b"published")
        raise RuntimeError("the commit failed")
    assert list(tmp_path.iterdir()) == []


def test_an_intent_keeps_a_file_some_row_references(tmp_path: Path) -> None:
    final = tmp_path / "a.jpg"
    final.write_bytes(b"imported before, withdrawn since")
    with pytest.raises(RuntimeError), intent(final, lambda name: name == "a.jpg"):
        raise RuntimeError("the commit failed")
    assert [p.name for p in tmp_path.iterdir()] == ["a.jpg"]


def test_recover_intents_after_a_kill(tmp_path: Path) -> None:
    """What a kill between rename and commit (or after the commit) leaves is settled."""
    (tmp_path / "orphan.jpg").write_bytes(b"no row")
    (tmp_path / ".orphan.jpg.intent").write_bytes(b"")
    (tmp_path / "kept.jpg").write_bytes(b"row committed")
    (tmp_path / ".kept.jpg.intent").write_bytes(b"")
    (tmp_path / ".gone.jpg.intent").write_bytes(b"")  # killed before the rename
    removed = recover_intents(tmp_path, lambda name: name == "kept.jpg")
    assert [p.name for p in removed] == ["orphan.jpg"]
    assert [p.name for p in tmp_path.iterdir()] == ["kept.jpg"]
