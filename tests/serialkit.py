"""The device end of a serial link for tests: a pty (POSIX) or a `socket://` URL (everywhere).

The app opens ``port`` with SerialSource as it would a COM port; pyserial turns a
``socket://127.0.0.1:N`` port name into a TCP connection, so the same serial code runs on
Windows, where there are no pseudo-terminals. Tests parametrised over ``LINKS`` run both on
Linux; the pty case is skipped on Windows (the ``posix`` marker).
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import sys
import threading

import pytest

LINKS = [pytest.param("pty", marks=pytest.mark.posix(reason="pseudo-terminal")), "socket"]
DEFAULT_LINK = "socket" if sys.platform == "win32" else "pty"


class PtyPort:
    """A raw pseudo-terminal pair; the app opens the slave's /dev/pts name."""

    def __init__(self) -> None:
        import tty  # POSIX only: imported here so that importing this module works everywhere

        self._master, self._slave = os.openpty()
        tty.setraw(self._master)
        tty.setraw(self._slave)  # raw before the port opens: nothing gets cooked
        self.port = os.ttyname(self._slave)
        self._closed = False

    def read(self, timeout: float) -> bytes | None:
        """What the app sent (b"" when nothing came in ``timeout``); None once closed."""
        try:
            ready, _, _ = select.select([self._master], [], [], timeout)
            return os.read(self._master, 4096) if ready else b""
        except (OSError, ValueError):
            return None

    def write(self, data: bytes) -> bool:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._master, view) :]
        except OSError:
            return False
        return True

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            os.close(self._master)
            os.close(self._slave)


class SocketPort:
    """A TCP listener on 127.0.0.1 behind ``socket://127.0.0.1:N``; a reopen is a new client."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = f"socket://127.0.0.1:{self._listener.getsockname()[1]}"
        self._conn: socket.socket | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._conn is not None

    def read(self, timeout: float) -> bytes | None:
        """What the app sent (b"" when nothing came in ``timeout``); None once closed."""
        with self._lock:
            if self._closed:
                return None
            waiting = [self._listener] + ([self._conn] if self._conn is not None else [])
        try:
            ready, _, _ = select.select(waiting, [], [], timeout)
        except (OSError, ValueError):
            return None
        data = b""
        for sock in ready:
            if sock is self._listener:
                try:
                    conn, _ = self._listener.accept()
                except OSError:
                    return None
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self._replace(conn)
                continue
            try:
                chunk = sock.recv(4096)
            except OSError:
                chunk = b""
            if not chunk:  # the app closed the port
                with self._lock:
                    if self._conn is sock:
                        self._conn = None
                sock.close()
            data += chunk
        return data

    def write(self, data: bytes) -> bool:
        """Send to the connected app; False when no one has the port open."""
        with self._lock:
            conn = self._conn
        if conn is None:
            return False
        try:
            conn.sendall(data)
        except OSError:
            return False
        return True

    def _replace(self, conn: socket.socket | None) -> None:
        with self._lock:
            old, self._conn = self._conn, conn
        if old is not None:
            with contextlib.suppress(OSError):
                old.close()

    def close(self) -> None:
        """The device is gone: the open connection drops and new ones are refused."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._replace(None)
        self._listener.close()


def open_port(link: str) -> PtyPort | SocketPort:
    return PtyPort() if link == "pty" else SocketPort()
