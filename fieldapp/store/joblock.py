"""The job lock: one program at a time runs a step whose files live outside one transaction.

Sealing a package (a bag folder plus its outbox row) and importing a photo (a file plus its
row) cannot be made atomic by SQLite alone. While one of them runs, ``job.lock`` in the job
folder says who holds it: program, PID, host and start time, as JSON. Another program waits a
little and then says who has the job; a lock whose holder is gone (same host, process dead,
or its PID now belongs to a newer process) is taken over, so a kill -9 never locks a job out.

Taking, inspecting and taking over the file all happen inside an immediate SQLite transaction
on the job database: SQLite's own lock serialises the programs that try, and the operating
system releases it when a program dies, so two programs never both take over one stale lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldapp.store.jobfile import JobStore

LOCK_NAME = "job.lock"
WAIT_S = 10.0  # a step of another program (a seal, a photo) usually ends within this
WAIT_ENV = "FIELDAPP_LOCK_WAIT_S"  # another wait, in seconds (a slow card, a test)
POLL_S = 0.1


class JobBusyError(RuntimeError):
    """Another program (or another task of this one) holds the job; the message says who."""


@dataclass(frozen=True, slots=True)
class LockHolder:
    """What ``job.lock`` says about the program holding it."""

    program: str
    operation: str
    pid: int
    host: str
    started: str  # ISO local time with offset
    process_started: float | None  # the holder's process creation time (epoch s), if known
    token: str

    def describe(self) -> str:
        try:
            since = dt.datetime.fromisoformat(self.started).strftime("%H:%M")
        except ValueError:
            since = self.started
        return (
            f"{self.program} ({self.operation}; PID {self.pid} on host {self.host} since {since})"
        )


@dataclass
class _InProcess:
    """This process's hold on one job: threads of one program take turns too."""

    rlock: threading.RLock
    count: int = 0
    operation: str = ""
    token: str = ""


_registry: dict[str, _InProcess] = {}
_registry_lock = threading.Lock()


def _local(folder: Path) -> _InProcess:
    key = os.path.normcase(str(folder.resolve()))
    with _registry_lock:
        return _registry.setdefault(key, _InProcess(threading.RLock()))


def program_name() -> str:
    """``fieldapp sync seal``, ``fieldapp demo``: what the user would recognise in the message."""
    argv = sys.argv or [""]
    base = Path(argv[0]).name
    name = "fieldapp" if base in ("", "__main__.py", "-c") or base.startswith("fieldapp") else base
    words = []
    for word in argv[1:3]:
        if word.startswith("-") or any(c in word for c in "/\\.:"):
            break
        words.append(word)
    return " ".join([name, *words])


def _process_started(pid: int) -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError):
        return None


def pid_alive(pid: int, process_started: float | None = None) -> bool:
    """Whether process ``pid`` on this host still runs (and is the one that started then).

    Never ``os.kill(pid, 0)`` on Windows: there it terminates the process.
    """
    if pid <= 0:
        return False
    try:
        import psutil
    except ImportError:
        return _pid_alive_plain(pid)
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        created = proc.create_time()
    except psutil.NoSuchProcess:
        return False
    except (psutil.AccessDenied, OSError):
        return True  # it exists; it is only not ours to inspect
    # A PID is reused after the holder died (certainly after a reboot): a process created
    # after the lock's holder is not that holder.
    return process_started is None or created <= process_started + 1.0


def _pid_alive_plain(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        query_limited, still_active, access_denied = 0x1000, 259, 5
        handle = kernel32.OpenProcess(query_limited, False, pid)
        if not handle:
            # Access denied: it exists (another user's process); anything else: it does not.
            return bool(ctypes.get_last_error() == access_denied)
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # POSIX only: signal 0 checks existence and sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(folder: Path) -> LockHolder | None:
    """The holder ``job.lock`` names; None when there is no lock or it is unreadable."""
    try:
        data: Any = json.loads((folder / LOCK_NAME).read_text("utf-8"))
        return LockHolder(
            program=str(data["program"]),
            operation=str(data.get("operation", "")),
            pid=int(data["pid"]),
            host=str(data["host"]),
            started=str(data["started"]),
            process_started=(
                None if data.get("process_started") is None else float(data["process_started"])
            ),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stale(holder: LockHolder | None) -> bool:
    if holder is None:
        # Written under the database lock, so an unreadable lock is one whose writer died.
        return True
    if holder.host != socket.gethostname():
        return False  # another computer (a shared folder): its processes cannot be checked
    if holder.pid == os.getpid():
        return True  # not held by this process (it would be in the registry): a reused PID
    return not pid_alive(holder.pid, holder.process_started)


def _try_take(store: JobStore, operation: str, token: str) -> LockHolder | None:
    """Take the lock file; None when taken, else the live holder."""
    path = store.path / LOCK_NAME
    with store.db.atomic():  # serialises every program trying: see the module docstring
        if path.exists():
            holder = read_holder(store.path)
            if not _stale(holder):
                assert holder is not None
                return holder
            path.unlink(missing_ok=True)
        record = {
            "program": program_name(),
            "operation": operation,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "process_started": _process_started(os.getpid()),
            "token": token,
        }
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            # Only when another program took it without the database lock (an older
            # fieldapp, a copy of the job on a share): it holds it now; ask again.
            return read_holder(store.path) or _unknown_holder()
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh)  # no fsync: after a power cut every holder is gone
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return None


def _unknown_holder() -> LockHolder:
    return LockHolder("another program", "starting", 0, socket.gethostname(), "", None, "")


def _release(folder: Path, token: str) -> None:
    holder = read_holder(folder)
    if holder is not None and holder.token == token:
        with contextlib.suppress(FileNotFoundError):
            (folder / LOCK_NAME).unlink()


def busy_message(folder: Path, holder: LockHolder) -> str:
    remote = holder.host != socket.gethostname()
    hint = f"; if it no longer runs there, delete {folder / LOCK_NAME}" if remote else ""
    return f"job {folder} is in use by {holder.describe()}; wait for it or close it{hint}"


@contextlib.contextmanager
def job_lock(store: JobStore, operation: str, wait_s: float | None = None) -> Iterator[None]:
    """Hold the job for ``operation`` (e.g. "sealing a package"); re-entrant in one thread.

    Waits up to ``wait_s`` (default :data:`WAIT_S`, or ``$FIELDAPP_LOCK_WAIT_S``) for another
    holder, then raises :class:`JobBusyError`.
    """
    if wait_s is None:
        try:
            wait_s = max(0.0, float(os.environ.get(WAIT_ENV, WAIT_S)))
        except ValueError:
            wait_s = WAIT_S
    local = _local(store.path)
    if not local.rlock.acquire(timeout=wait_s):
        raise JobBusyError(
            f"job {store.path} is in use by this program ({local.operation}); wait for it"
        )
    try:
        if local.count == 0:
            token = uuid.uuid4().hex
            deadline = time.monotonic() + wait_s
            while (holder := _try_take(store, operation, token)) is not None:
                if time.monotonic() >= deadline:
                    raise JobBusyError(busy_message(store.path, holder))
                time.sleep(POLL_S)
            local.token, local.operation = token, operation
        local.count += 1
    except BaseException:
        local.rlock.release()
        raise
    try:
        yield
    finally:
        local.count -= 1
        if local.count == 0:
            _release(store.path, local.token)
        local.rlock.release()
