"""The office's data folder kept to the office's own user: 0700 folders, 0600 files (POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600

# Windows has no POSIX mode bits (os.chmod there only toggles read-only) and its folders
# inherit ACLs from the user profile, so modes are neither set nor checked there.
POSIX = os.name == "posix"


class SharedDataError(RuntimeError):
    """The data folder is open to other users of the machine; the message says the fix."""


def restrict_process() -> None:
    """Every file and folder this office process creates is private from the start.

    The umask covers what we do not open ourselves: SQLite's database, -wal and -shm files
    (SQLite gives the latter two the database file's mode), uvicorn's and tempfile's files.
    """
    if POSIX:
        os.umask(0o077)


def make_dir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)


def create_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (umask-independent)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def check_data_dir(path: Path) -> None:
    """Refuse a data folder that group or others may read, write or enter."""
    if not POSIX or not path.is_dir():
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SharedDataError(
            f"{path}: data folder is mode {mode:04o}, open to other users of this machine"
            f" (tokens, packages, photos); run  chmod 700 {path}  or start with"
            " --allow-shared-data"
        )
