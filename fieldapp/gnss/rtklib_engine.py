"""RTKLIB's command-line programs (rnx2rtkp, convbin): where they are and running them."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ENV_DIR = "FIELDAPP_RTKLIB_DIR"
INSTALL_HINT = (
    "install RTKLIB: on Debian/Ubuntu `sudo apt install rtklib` (scripts/setup.sh does it); "
    f"elsewhere put rnx2rtkp and convbin in a folder named by {ENV_DIR} or on PATH"
)
# After terminate() a process gets this long to go before it is killed.
TERMINATE_GRACE_S = 2.0
POLL_S = 0.1
TAIL_CHARS = 8192


class EngineMissing(RuntimeError):
    """RTKLIB's programs are not where the app looks; the message says how to install them."""


class ProcessingCancelled(Exception):
    """The user cancelled; the engine's process has been ended."""


class EngineFailed(RuntimeError):
    """An RTKLIB program ended with an error; the message carries what it printed."""


@dataclass(frozen=True, slots=True)
class Engine:
    """The two programs the app runs, found together or separately."""

    rnx2rtkp: Path | None
    convbin: Path | None

    def program(self, name: str) -> Path:
        path = self.rnx2rtkp if name == "rnx2rtkp" else self.convbin
        if path is None:
            raise EngineMissing(f"RTKLIB's {name} not found; {INSTALL_HINT}")
        return path


def _exe(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def _search_dirs() -> list[Path]:
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # The PyInstaller build carries the programs in an `rtklib` folder (build.spec).
        dirs.append(Path(bundle) / "rtklib")
    env = os.environ.get(ENV_DIR)
    if env:
        dirs.append(Path(env))
    return dirs


def _find(name: str) -> Path | None:
    for folder in _search_dirs():
        candidate = folder / _exe(name)
        if candidate.is_file():
            return candidate
    found = shutil.which(_exe(name))
    return Path(found) if found else None


def find_engine() -> Engine:
    """Looks in the app's bundle, then $FIELDAPP_RTKLIB_DIR, then PATH, on every call."""
    return Engine(rnx2rtkp=_find("rnx2rtkp"), convbin=_find("convbin"))


@functools.lru_cache(maxsize=8)
def _version_of(path: Path, mtime_ns: int) -> str:
    # Neither program prints its version; RTKLIB compiles VER_RTKLIB ("2.4.3") and
    # PATCH_LEVEL ("b34") in as separate strings, so read them from the binary itself.
    del mtime_ns  # part of the cache key only: a replaced binary is read again
    data = path.read_bytes()
    version = re.search(rb"\x00(2\.\d\.\d(?:\.\d+)?)\x00", data)
    patch = re.search(rb"\x00(b\d{1,3}[a-z]?)\x00", data)
    if version is None:
        return "version unknown"
    text = version.group(1).decode()
    return f"{text} {patch.group(1).decode()}" if patch else text


def engine_version(path: Path) -> str:
    """e.g. "2.4.3 b34" for Debian's rnx2rtkp; "version unknown" when it cannot be read."""
    try:
        return _version_of(path, path.stat().st_mtime_ns)
    except OSError:
        return "version unknown"


def run_program(
    args: Sequence[str],
    *,
    cwd: Path,
    cancel: threading.Event | None = None,
    on_stderr_line: Callable[[str], None] | None = None,
) -> str:
    """Runs a program (no shell) to its end; returns the end of its stderr text.

    RTKLIB reports progress on stderr with carriage returns; each piece is handed to
    `on_stderr_line` in the caller's thread. On cancel (checked before the start, every
    POLL_S and at the end) the process is terminated, killed if it lingers, and
    ProcessingCancelled raised; on a non-zero exit EngineFailed.
    """
    if cancel is not None and cancel.is_set():
        raise ProcessingCancelled("processing cancelled")
    creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing on Windows
    proc = subprocess.Popen(
        list(args),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        creationflags=creationflags,
        env=_child_env(),
    )
    chunks: list[bytes] = []
    lock = threading.Lock()

    def pump() -> None:
        assert proc.stderr is not None
        fd = proc.stderr.fileno()
        while data := os.read(fd, 4096):
            with lock:
                chunks.append(data)

    reader = threading.Thread(target=pump, name="rtklib-stderr", daemon=True)
    reader.start()
    pending = ""
    tail = ""  # the end of what it printed, for an error message (a day at 1 s is megabytes)

    def drain() -> None:
        nonlocal pending, tail
        with lock:
            new = chunks[:]
            chunks.clear()
        if not new:
            return
        text = b"".join(new).decode("ascii", "replace")
        tail = (tail + text)[-TAIL_CHARS:]
        pending += text
        *pieces, pending = re.split(r"[\r\n]", pending)
        if on_stderr_line is not None:
            for piece in pieces:
                if piece.strip():
                    on_stderr_line(piece)

    try:
        while True:
            try:
                proc.wait(timeout=POLL_S)
                break
            except subprocess.TimeoutExpired:
                pass
            drain()
            if cancel is not None and cancel.is_set():
                _stop(proc)
                raise ProcessingCancelled("processing cancelled")
    finally:
        if proc.poll() is None:  # an exception (KeyboardInterrupt) left it running
            _stop(proc)
        reader.join(timeout=TERMINATE_GRACE_S)
        if proc.stderr is not None:
            proc.stderr.close()
    drain()
    if cancel is not None and cancel.is_set():
        # Asked while the last output was read: the user wants no result, even a finished one.
        raise ProcessingCancelled("processing cancelled")
    if proc.returncode != 0:
        name = Path(args[0]).name
        raise EngineFailed(f"{name} failed (exit {proc.returncode}): {_last_words(tail)}")
    return tail


def _child_env() -> dict[str, str] | None:
    """The frozen app's library path is for its own libraries: RTKLIB gets the system's.

    (PyInstaller's bootloader points LD_LIBRARY_PATH at the bundle and keeps the original in
    LD_LIBRARY_PATH_ORIG, as its manual says to restore for programs the app starts.)
    """
    if not getattr(sys, "frozen", False) or sys.platform == "win32":
        return None
    env = dict(os.environ)
    original = env.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        env["LD_LIBRARY_PATH"] = original
    else:
        env.pop("LD_LIBRARY_PATH", None)
    return env


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=TERMINATE_GRACE_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _last_words(output: str) -> str:
    lines = [s.strip() for s in re.split(r"[\r\n]", output) if s.strip()]
    useful = [s for s in lines if not s.startswith("processing :")]
    return (useful or lines or ["no message"])[-1]
