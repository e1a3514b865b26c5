"""File replay as a byte source: paced at the recorded NMEA rate, or as fast as possible."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


def _lines(data: bytes) -> Iterator[bytes]:
    for match in _LINE_RE.finditer(data):
        if match.group(0):
            yield match.group(0)


def split_epochs(
    data: bytes, *, skip_comments: bool = True, max_gap_s: float = 5.0
) -> list[ReplayChunk]:
    """Group a capture into epochs on changes of NMEA time and give each a send offset.

    Gaps longer than `max_gap_s` (receiver restarts, spliced captures) and backward jumps are
    shortened so a replay never stalls; midnight rollover counts as a short step forward.
    """
    chunks: list[ReplayChunk] = []
    current: list[bytes] = []
    current_t: float | None = None
    offset = 0.0
    last_t: float | None = None
    for line in _lines(data):
        if skip_comments and line.startswith(b"#"):
            continue
        match = _TIME_RE.search(line)
        t = _seconds_of_day(match) if match else None
        if t is not None and t != current_t:
            if current:
                chunks.append(ReplayChunk(offset, b"".join(current)))
                current = []
            if last_t is not None:
                step = t - last_t
                if step < -_DAY_S / 2:
                    step += _DAY_S
                offset += step if 0.0 <= step <= max_gap_s else (1.0 if step > 0 else 0.0)
            current_t = last_t = t
        current.append(line)
    if current:
        chunks.append(ReplayChunk(offset, b"".join(current)))
    return chunks


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
        self._chunks: list[ReplayChunk] = []
        self._index = 0
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
            data = self.path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        self._chunks = split_epochs(data, skip_comments=self.skip_comments)
        self._index = 0
        self._t0 = time.monotonic()
        self._cancel.clear()

    def read(self) -> bytes:
        if self._index >= len(self._chunks):
            raise EndOfStream(f"end of {self.path.name}")
        if self.speed is None:
            # Unpaced: hand over sizeable blocks, as a fast serial port would.
            out = []
            size = 0
            while self._index < len(self._chunks) and size < 65536:
                out.append(self._chunks[self._index].data)
                size += len(out[-1])
                self._index += 1
            return b"".join(out)
        t0 = self._t0 if self._t0 is not None else time.monotonic()
        due = t0 + self._chunks[self._index].offset_s / self.speed
        wait = due - time.monotonic()
        if wait > 0:
            self._cancel.wait(min(wait, self.read_timeout))
            if time.monotonic() < due:
                return b""
        out = []
        now = time.monotonic()
        while self._index < len(self._chunks):
            chunk = self._chunks[self._index]
            if t0 + chunk.offset_s / self.speed > now:
                break
            out.append(chunk.data)
            self._index += 1
        return b"".join(out)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        self._t0 = None
