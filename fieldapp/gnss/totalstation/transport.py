"""The byte transport total-station clients talk over (SerialSource, a socket, a test pty)."""

from __future__ import annotations

import time
from typing import Protocol


class Transport(Protocol):
    """Anything with write(bytes) and read(timeout) -> bytes (b"" when nothing arrived)."""

    def write(self, data: bytes) -> object: ...

    def read(self, timeout: float) -> bytes: ...


class InstrumentTimeout(TimeoutError):
    """The instrument did not answer in time (switched off, wrong baud rate, cable)."""


class LineReader:
    """Collects chunks into CR/LF-terminated lines; keeps what follows the line for next time."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self._buffer = b""

    def read_line(self, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        while (line := self._take_line()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise InstrumentTimeout(f"no reply within {timeout:.1f} s")
            self._buffer += self._transport.read(min(remaining, 0.5))
        return line

    def _take_line(self) -> bytes | None:
        while True:
            ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
            if not ends:
                return None
            index = min(ends)
            line, self._buffer = self._buffer[:index], self._buffer[index + 1 :]
            # CR LF leaves a bare LF behind: it reads as an empty line and is skipped.
            if line.strip():
                return line
