"""Durable files: written beside their final name, fsynced, renamed, their folder fsynced.

A file a database row points to must be complete on disk before the row commits, or a power
cut can leave a row whose file is empty. :func:`write_part` and :func:`publish` (together
:func:`write_durably`) are how the job writes such a file (photos, raw captures, camera
frames); sealed packages fsync each file of a bag as written and use :func:`fsync_dir`. A full
disk becomes :class:`DiskFullError`, whose message says how much space is free and how much
the step needs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

PART_SUFFIX = ".part"
COPY_BLOCK = 1 << 20
# Errors that mean "no room": ENOSPC (disk full), EDQUOT (quota), EFBIG (file-size limit).
_FULL_ERRNOS = frozenset(
    e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EFBIG) if e is not None
)
_SQLITE_FULL = 13  # SQLITE_FULL: "database or disk is full"


class DiskFullError(OSError):
    """Not enough room on the disk for a step; the message names the folder and the space needed."""

    def __str__(self) -> str:
        return str(self.strerror)  # the sentence alone, without OSError's "[Errno 28]"


def human_bytes(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"  # unreachable


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_full(folder: Path, needed: int, what: str) -> DiskFullError:
    """The error for ``what`` needing about ``needed`` bytes in ``folder``."""
    free = free_bytes(folder)
    have = "unknown" if free is None else human_bytes(free)
    return DiskFullError(
        errno.ENOSPC,
        f"{folder}: not enough free space to {what}: about {human_bytes(needed)} needed, "
        f"{have} free; free some space (or move the job to a bigger disk) and try again",
    )


def ensure_free(folder: Path, needed: int, what: str, margin: int = 1 << 20) -> None:
    """Refuse before writing anything when ``needed`` plus a margin does not fit."""
    free = free_bytes(folder)
    if free is not None and free < needed + margin:
        raise disk_full(folder, needed + margin, what)


def is_disk_full(exc: BaseException) -> bool:
    """True for an OSError or SQLite error that means the disk (or a size limit) is full."""
    if isinstance(exc, DiskFullError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in str(exc)
    return False


def explain_open_error(folder: Path, exc: BaseException) -> str:
    """Why a job database did not open, with the free space when the disk is (nearly) full.

    SQLite needs room for its shared-memory and WAL files to open a job; on a full disk it
    says only "disk I/O error".
    """
    free = free_bytes(folder)
    if is_disk_full(exc) or (free is not None and free < OPEN_BYTES):
        return f"{exc}; {disk_full(folder, OPEN_BYTES, 'open the job')}"
    return str(exc)


OPEN_BYTES = 256 * 1024  # SQLite's -shm and the first WAL pages, with room to spare


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new name in ``folder`` survive a power cut.

    POSIX needs the directory itself fsynced; Windows cannot open a directory for it and its
    file systems (NTFS metadata journal) do not need it.
    """
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def part_path(final: Path) -> Path:
    """Where ``final`` is written until it is complete: a dotfile, so no reader takes it."""
    return final.with_name(f".{final.name}{PART_SUFFIX}")


def write_part(final: Path, write: Callable[[BinaryIO], None], *, needed: int = 0) -> Path:
    """Write ``.NAME.part`` beside ``final`` through ``write(handle)`` and fsync it.

    On any error the part file is removed; a full disk raises :class:`DiskFullError`
    (``needed``: the size expected, for its message).
    """
    part = part_path(final)
    try:
        with part.open("wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if is_disk_full(exc) and not isinstance(exc, DiskFullError):
            raise disk_full(final.parent, needed, f"write {final.name}") from exc
        raise
    return part


def publish(part: Path, final: Path) -> None:
    """Rename a complete, fsynced part file to ``final`` and make the rename durable."""
    part.replace(final)
    fsync_dir(final.parent)


def write_durably(final: Path, write: Callable[[BinaryIO], None], *, needed: int = 0) -> None:
    """Write ``final`` so it exists complete or not at all, and survives a power cut.

    ``.NAME.part`` is written, fsynced, renamed to ``final`` and the folder fsynced.
    """
    part = write_part(final, write, needed=needed)
    try:
        publish(part, final)
    finally:
        with contextlib.suppress(OSError):
            part.unlink()


def copy_writer(src: Path) -> Callable[[BinaryIO], None]:
    def copy(out: BinaryIO) -> None:
        with src.open("rb") as fin:
            while block := fin.read(COPY_BLOCK):
                out.write(block)

    return copy


def copy_durably(src: Path, final: Path) -> None:
    """Copy ``src`` to ``final`` with :func:`write_durably`."""
    write_durably(final, copy_writer(src), needed=src.stat().st_size)


def remove_litter(folder: Path, suffix: str = PART_SUFFIX) -> list[Path]:
    """Remove the ``.NAME<suffix>`` files a killed step left in ``folder``; returns them.

    Call it only while holding the job lock, so no live program's part file is taken.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.endswith(suffix):
            with contextlib.suppress(FileNotFoundError):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def intent(final: Path, referenced: Callable[[str], bool], *, keep: bool = False) -> Iterator[None]:
    """Mark ``final`` as published but not yet recorded, for :func:`recover_intents`.

    Between the rename of a file and the commit of the row pointing to it a kill leaves a
    file no row knows. ``.NAME.intent`` is written before the rename and removed after the
    commit; when the block fails, or at the next run of the step after a kill, the file goes
    unless a row references it (``referenced(name)``, asked after the rollback). ``keep``:
    the row commits later, in a transaction around this block; the caller then settles the
    intent with :func:`recover_intents` after that commit (or rollback).
    """
    marker = _intent_path(final)
    marker.write_bytes(b"")
    fsync_dir(final.parent)
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            _settle(marker, final, referenced)
        raise
    if not keep:
        with contextlib.suppress(OSError):
            marker.unlink()


def _intent_path(final: Path) -> Path:
    return final.with_name(f".{final.name}.intent")


def _settle(marker: Path, target: Path, referenced: Callable[[str], bool]) -> bool:
    removed = target.exists() and not referenced(target.name)
    if removed:
        target.unlink()
    marker.unlink(missing_ok=True)
    return removed


def recover_intents(folder: Path, referenced: Callable[[str], bool]) -> list[Path]:
    """Finish what a killed step left: files with an intent that no row references go.

    Call it only while holding the job lock.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for marker in folder.glob(".*.intent"):
        target = folder / marker.name[1 : -len(".intent")]
        if _settle(marker, target, referenced):
            removed.append(target)
    return removed


def crash_point(name: str) -> None:
    """Where the kill -9 tests stop a step: ``FIELDAPP_CRASH_AT=name`` ends the process here.

    ``os._exit`` runs no cleanup, as a kill or a power cut would not; unset, this costs one
    dictionary look-up.
    """
    if os.environ.get("FIELDAPP_CRASH_AT") == name:
        os._exit(137)
