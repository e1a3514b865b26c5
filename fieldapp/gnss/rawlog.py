"""Raw evidence log: every received byte appended, unchanged, to one file per device session."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO

from fieldapp.gnss.sources import safe_device_name

# Flush to the OS on every write (another process can read it at once); fsync at most this
# often so a laptop losing power keeps all but the last second without hammering the disk.
FSYNC_INTERVAL_S = 1.0


def raw_log_name(device: str, started: dt.datetime) -> str:
    stamp = started.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"gnss-{stamp}-{safe_device_name(device)}.nmea"


def fsync_folder(folder: Path) -> None:
    """The new file's name survives a power cut only once its folder is fsynced (POSIX).

    Windows cannot open a folder for it, and NTFS journals the name itself.
    """
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_new_file(folder: Path, name: str) -> tuple[Path, BinaryIO]:
    """Create `folder/name` (or `stem-1.ext`, `stem-2.ext`...) exclusively, its name made durable.

    "x": two sessions starting in the same second never share (or clobber) a file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.rpartition(".")
    for n in range(1000):
        path = folder / (name if n == 0 else f"{stem}-{n}{dot}{suffix}")
        try:
            handle = path.open("xb")
        except FileExistsError:
            continue
        fsync_folder(folder)
        return path, handle
    raise OSError(f"no free raw log name for {name} in {folder}")


class RawLog:
    """Appends bytes to `folder/gnss-YYYYmmddTHHMMSSZ-<device>.nmea`, created on the first write.

    The folder is the job's raw/ folder; the file replays with `fieldapp gnss replay`.
    Thread-safe, so a reader thread writes while the UI may close.
    """

    def __init__(self, folder: str | Path, device: str, started: dt.datetime | None = None) -> None:
        self.folder = Path(folder)
        self.device = device
        self.started = started or dt.datetime.now(dt.UTC)
        self.bytes_written = 0
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._last_sync = 0.0
        self._lock = threading.Lock()
        self._closed = False

    @property
    def path(self) -> Path | None:
        """The file, once something has been written."""
        return self._path

    def _open(self) -> BinaryIO:
        self._path, handle = create_new_file(self.folder, raw_log_name(self.device, self.started))
        return handle

    def write(self, data: bytes) -> None:
        """Append and flush; raises OSError (disk full, folder gone) for the caller to report."""
        if not data:
            return
        with self._lock:
            if self._closed:
                raise OSError("raw log is closed")
            if self._file is None:
                self._file = self._open()
            self._file.write(data)
            self._file.flush()
            self.bytes_written += len(data)
            now = time.monotonic()
            if now - self._last_sync >= FSYNC_INTERVAL_S:
                os.fsync(self._file.fileno())
                self._last_sync = now

    def close(self) -> None:
        with self._lock:
            self._closed = True
            handle, self._file = self._file, None
            if handle is not None:
                try:
                    handle.flush()
                    os.fsync(handle.fileno())
                finally:
                    handle.close()
