"""File replay as a byte source: paced at the recorded NMEA rate, or as fast as possible."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldapp.gnss.sources import ByteSource, EndOfStream, SourceError, safe_device_name

# Sentences whose first field is the UTC time (GLL has it in field 5).
_TIME_RE = re.compile(
    rb"\$+[A-Z]{2}(?:GGA|RMC|GNS|ZDA|GST|GBS|GRS),(\d{2})(\d{2})(\d{2}(?:\.\d+)?),"
    rb"|\$+[A-Z]{2}GLL,[^,]*,[^,]*,[^,]*,[^,]*,(\d{2})(\d{2})(\d{2}(?:\.\d+)?),"
)
_LINE_RE = re.compile(rb"[^\r\n]*(?:\r\n|\n|\r)?")
_DAY_S = 86400.0


@dataclass(frozen=True, slots=True)
class ReplayChunk:
    """The bytes of one recorded epoch and when to send them, relative to the first."""

    offset_s: float
    data: bytes


def _seconds_of_day(match: re.Match[bytes]) -> float:
    groups = [g for g in match.groups() if g is not None]
    h, m, s = groups
    return int(h) * 3600 + int(m) * 60 + float(s)


# A line (or an epoch) is handed on in pieces of at most this size: a file of one endless
# line, or of garbage without a single time, must not be gathered into one chunk.
MAX_PIECE = 64 * 1024


def _lines(chunks: Iterable[bytes]) -> Generator[bytes]:
    """Lines with their line ends, from bytes arriving in chunks; an endless line in pieces."""
    buf = b""
    for data in chunks:
        buf += data
        pos = 0
        for match in _LINE_RE.finditer(buf):
            line = match.group(0)
            if not line:
                break
            if line[-1:] not in (b"\n", b"\r"):
                break  # unfinished: wait for the rest, unless it is already too long
            yield line
            pos = match.end()
        buf = buf[pos:]
        while len(buf) > MAX_PIECE:
            yield buf[:MAX_PIECE]
            buf = buf[MAX_PIECE:]
    if buf:
        yield buf


def iter_epochs(
    chunks: Iterable[bytes], *, skip_comments: bool = True, max_gap_s: float = 5.0
) -> Generator[ReplayChunk]:
    """Group bytes into epochs on changes of NMEA time and give each a send offset.

    Gaps longer than `max_gap_s` (receiver restarts, spliced captures) and backward jumps are
    shortened so a replay never stalls; midnight rollover counts as a short step forward.
    Lazy, and no chunk grows past MAX_PIECE, so memory stays bounded on any input.
    """
    current: list[bytes] = []
    size = 0
    current_t: float | None = None
    offset = 0.0
    last_t: float | None = None
    for line in _lines(chunks):
        if skip_comments and line.startswith(b"#"):
            continue
        match = _TIME_RE.search(line)
        t = _seconds_of_day(match) if match else None
        if t is not None and t != current_t:
            if current:
                yield ReplayChunk(offset, b"".join(current))
                current, size = [], 0
            if last_t is not None:
                step = t - last_t
                if step < -_DAY_S / 2:
                    step += _DAY_S
                offset += step if 0.0 <= step <= max_gap_s else (1.0 if step > 0 else 0.0)
            current_t = last_t = t
        elif size + len(line) > MAX_PIECE and current:
            yield ReplayChunk(offset, b"".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    if current:
        yield ReplayChunk(offset, b"".join(current))


def split_epochs(
    data: bytes, *, skip_comments: bool = True, max_gap_s: float = 5.0
) -> list[ReplayChunk]:
    """:func:`iter_epochs` over bytes already in memory."""
    return list(iter_epochs([data], skip_comments=skip_comments, max_gap_s=max_gap_s))


def _file_chunks(handle: BinaryIO, size: int = MAX_PIECE) -> Generator[bytes]:
    try:
        while data := handle.read(size):
            yield data
    finally:
        handle.close()


class FileReplaySource(ByteSource):
    """Replays a capture. `speed` 1.0 is the recorded rate, 2.0 twice as fast, None no pacing."""

    reconnectable = False

    def __init__(
        self,
        path: str | Path,
        *,
        speed: float | None = 1.0,
        skip_comments: bool = True,
        read_timeout: float = 0.05,
    ) -> None:
        if speed is not None and speed <= 0:
            raise ValueError("speed must be positive (or None for as fast as possible)")
        self.path = Path(path)
        self.speed = speed
        self.skip_comments = skip_comments
        self.read_timeout = read_timeout
        self._epochs: Generator[ReplayChunk] | None = None
        # The next epoch, read ahead so its send time is known before it is due.
        self._next: ReplayChunk | None = None
        self._t0: float | None = None
        self._cancel = threading.Event()

    @property
    def label(self) -> str:
        return f"file {self.path}"

    @property
    def device(self) -> str:
        return safe_device_name(f"replay-{self.path.stem}")

    def open(self) -> None:
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise SourceError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        # Read lazily: a capture of hours (or a file of garbage) never sits in memory whole.
        if self._epochs is not None:
            self._epochs.close()
        self._epochs = iter_epochs(_file_chunks(handle), skip_comments=self.skip_comments)
        self._next = None
        self._t0 = time.monotonic()
        self._cancel.clear()

    def _peek(self) -> ReplayChunk | None:
        if self._next is None and self._epochs is not None:
            try:
                self._next = next(self._epochs, None)
            except OSError as exc:
                raise SourceError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        return self._next

    def read(self) -> bytes:
        if self._peek() is None:
            raise EndOfStream(f"end of {self.path.name}")
        if self.speed is None:
            # Unpaced: hand over sizeable blocks, as a fast serial port would.
            out = []
            size = 0
            while size < 65536 and (chunk := self._peek()) is not None:
                out.append(chunk.data)
                size += len(chunk.data)
                self._next = None
            return b"".join(out)
        t0 = self._t0 if self._t0 is not None else time.monotonic()
        first = self._peek()
        assert first is not None
        due = t0 + first.offset_s / self.speed
        wait = due - time.monotonic()
        if wait > 0:
            self._cancel.wait(min(wait, self.read_timeout))
            if time.monotonic() < due:
                return b""
        out = []
        now = time.monotonic()
        while (chunk := self._peek()) is not None:
            if t0 + chunk.offset_s / self.speed > now:
                break
            out.append(chunk.data)
            self._next = None
        return b"".join(out)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        self._t0 = None
        if self._epochs is not None:
            self._epochs.close()  # closes the file too (Windows would keep it locked)
        self._epochs = None
        self._next = None
