"""Capture files: reading a recorded receiver log (comment header, binary data) and replaying it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from fieldapp.gnss.epochs import EpochStats
from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.gnss.framing import Counters
from fieldapp.gnss.stream import NmeaStream

# Feed a file in pieces as a serial port would, so replay exercises the same buffering.
CHUNK = 64 * 1024
# A header comment is kept up to this many characters; the rest of an endless one is skipped.
MAX_COMMENT = 1000


class CaptureError(Exception):
    """A capture file cannot be read; the message says why, without a traceback."""


@dataclass(frozen=True, slots=True)
class Capture:
    """A capture's header comments and the received bytes that follow them."""

    path: Path
    comments: tuple[str, ...]
    data: bytes


@dataclass(frozen=True, slots=True)
class Replay:
    """Everything a replay produced: the epochs and what the stream counted on the way."""

    fixes: tuple[Fix, ...]
    counters: Counters
    epoch_stats: EpochStats


def split_header(raw: bytes) -> tuple[tuple[str, ...], bytes]:
    """Separate the leading ``#`` comment lines from the data.

    Only the header is looked at: past it the bytes are receiver output, which may be
    binary (UBX, RTCM) where a ``#`` after a newline byte means nothing.
    """
    comments: list[str] = []
    pos = 0
    while raw.startswith(b"#", pos):
        end = raw.find(b"\n", pos)
        stop = len(raw) if end < 0 else end
        comments.append(raw[pos + 1 : stop].decode("utf-8", "replace").strip())
        pos = stop + 1
    return tuple(comments), raw[pos:]


def read_capture(path: str | Path) -> Capture:
    """Read a capture file; :class:`CaptureError` when it cannot be read."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise CaptureError("no such file") from exc
    except IsADirectoryError as exc:
        raise CaptureError("is a directory, not a capture file") from exc
    except PermissionError as exc:
        raise CaptureError("permission denied") from exc
    except OSError as exc:
        raise CaptureError(exc.strerror or str(exc)) from exc
    comments, data = split_header(raw)
    return Capture(p, comments, data)


def _os_error(exc: OSError) -> CaptureError:
    if isinstance(exc, FileNotFoundError):
        return CaptureError("no such file")
    if isinstance(exc, IsADirectoryError):
        return CaptureError("is a directory, not a capture file")
    if isinstance(exc, PermissionError):
        return CaptureError("permission denied")
    return CaptureError(exc.strerror or str(exc))


class CaptureFile:
    """A capture read in pieces: the comment header, then the data in CHUNK-sized reads.

    Memory stays bounded whatever the file holds (gigabytes, one endless line): only one
    chunk and the framer's short tail are ever in memory. Open with :func:`open_capture`.
    """

    def __init__(self, path: Path, handle: BinaryIO) -> None:
        self.path = path
        self.comments: list[str] = []
        # Line number of the first data byte, so rejected sentences name their real line.
        self.first_line = 1
        self.size = 0
        self._handle = handle
        self._head = b""

    def _read(self) -> bytes:
        try:
            data = self._handle.read(CHUNK)
        except OSError as exc:
            raise _os_error(exc) from exc
        self.size += len(data)
        return data

    def _read_header(self) -> None:
        buf = self._read()
        while buf.startswith(b"#"):
            end = buf.find(b"\n")
            while end < 0:
                more = self._read()
                if not more:
                    break
                # An endless comment: keep its start, drop what cannot be a header any more.
                start = min(len(buf), MAX_COMMENT)
                buf = buf[:MAX_COMMENT] + more
                end = buf.find(b"\n", start)
            stop = len(buf) if end < 0 else end
            text = buf[1 : min(stop, MAX_COMMENT)].decode("utf-8", "replace").strip()
            self.comments.append(text)
            self.first_line += 1
            buf = buf[stop + 1 :]
            if len(buf) < MAX_COMMENT:
                buf += self._read()
        self._head = buf

    def chunks(self) -> Iterator[bytes]:
        """The data after the header; :class:`CaptureError` if reading fails midway."""
        try:
            if self._head:
                yield self._head
                self._head = b""
            while data := self._read():
                yield data
        finally:
            self._handle.close()


def open_capture(path: str | Path) -> CaptureFile:
    """Open a capture and read its comment header; :class:`CaptureError` when it cannot."""
    p = Path(path)
    try:
        # Unbuffered: each read is one read of the OS, so a pipe or a file still being
        # written hands over what it has instead of blocking until a whole chunk is there.
        handle = p.open("rb", buffering=0)
    except OSError as exc:
        raise _os_error(exc) from exc
    capture = CaptureFile(p, handle)
    try:
        capture._read_header()
    except CaptureError:
        handle.close()
        raise
    return capture


def replay_file(path: str | Path) -> Iterator[Fix]:
    """Every epoch of a capture file, read in chunks (bounded memory whatever its size).

    Opening fails at once with :class:`CaptureError`; a read error midway raises it from
    the iteration.
    """
    return _replay_chunks(open_capture(path))


def _replay_chunks(capture: CaptureFile) -> Iterator[Fix]:
    stream = NmeaStream(first_line=capture.first_line)
    for chunk in capture.chunks():
        yield from stream.feed(chunk, 0.0)
    yield from stream.flush()


def replay_bytes(data: bytes, stream: NmeaStream | None = None) -> Replay:
    """Run bytes through an NmeaStream as fast as possible and collect every epoch."""
    s = stream if stream is not None else NmeaStream()
    fixes: list[Fix] = []
    # Replay has no wall clock: a constant "now" keeps the timeout path out of it.
    for i in range(0, len(data), CHUNK):
        fixes.extend(s.feed(data[i : i + CHUNK], 0.0))
    fixes.extend(s.flush())
    return Replay(tuple(fixes), s.counters, s.epoch_stats)


def format_time(fix: Fix) -> str | None:
    """ISO-8601 UTC with the date when known, else ``HH:MM:SS.sss``; None without a time."""
    t = fix.time_of_day
    if t is None:
        return None
    if t.tzinfo is None:
        # The same text as the f-string below at half the cost (once per replayed epoch).
        clock = t.isoformat("milliseconds")
    else:
        clock = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond // 1000:03d}"
    date = fix.date
    if date is None:
        return clock
    return f"{date.isoformat()}T{clock}Z"


def fix_record(fix: Fix) -> dict[str, object]:
    """The replay ``--jsonl`` contract: one flat JSON-ready object per epoch."""
    return {
        "time": format_time(fix),
        "lat": fix.lat,
        "lon": fix.lon,
        "height": fix.height,
        "alt_msl": fix.alt_msl,
        "quality": fix.quality,
        "sats_used": fix.sats_used,
        "hdop": fix.hdop,
        "pdop": fix.pdop,
        "sigma_lat": fix.sigma_lat,
        "sigma_lon": fix.sigma_lon,
        "sigma_alt": fix.sigma_alt,
        "sigma_source": fix.sigma_source.value if fix.sigma_source is not None else None,
    }


_JSON_LINE = (
    '{"time": %s, "lat": %s, "lon": %s, "height": %s, "alt_msl": %s, "quality": %s, '
    '"sats_used": %s, "hdop": %s, "pdop": %s, "sigma_lat": %s, "sigma_lon": %s, '
    '"sigma_alt": %s, "sigma_source": %s}'
)


# Shortest-repr of a float is the dearest part of a line, and most values (DOPs, heights,
# sigmas, counts) repeat from epoch to epoch. typed=True keeps 1 and 1.0 apart; zeros (and
# None) skip the cache, where 0.0 and -0.0 would be one key.
_repr = lru_cache(maxsize=1024, typed=True)(repr)


# ``.value`` of an Enum member is a descriptor call; once per epoch it showed.
_SOURCE_JSON = {s: f'"{s.value}"' for s in SigmaSource}
_SOURCE_TEXT = {s: s.value for s in SigmaSource}


def fix_json(fix: Fix) -> str:
    """``json.dumps(fix_record(fix))`` at a fraction of the cost (one per epoch in replay).

    Only for a Fix that passed :func:`check_fix` (every epoch of a stream): its floats are
    finite, so the strict-JSON guarantee of ``allow_nan=False`` holds. ``repr`` is what json
    writes for an int or a float. The tests compare the two on every shared capture.
    """
    t = format_time(fix)
    src = fix.sigma_source
    r = _repr
    # Written out per field: a helper call for each of the eleven numbers showed in profiles.
    lat, lon, height, alt = fix.lat, fix.lon, fix.height, fix.alt_msl
    q, n, hdop, pdop = fix.quality, fix.sats_used, fix.hdop, fix.pdop
    s_lat, s_lon, s_alt = fix.sigma_lat, fix.sigma_lon, fix.sigma_alt
    return _JSON_LINE % (
        "null" if t is None else f'"{t}"',
        r(lat) if lat else ("null" if lat is None else repr(lat)),
        r(lon) if lon else ("null" if lon is None else repr(lon)),
        r(height) if height else ("null" if height is None else repr(height)),
        r(alt) if alt else ("null" if alt is None else repr(alt)),
        r(q) if q else ("null" if q is None else repr(q)),
        r(n) if n else ("null" if n is None else repr(n)),
        r(hdop) if hdop else ("null" if hdop is None else repr(hdop)),
        r(pdop) if pdop else ("null" if pdop is None else repr(pdop)),
        r(s_lat) if s_lat else ("null" if s_lat is None else repr(s_lat)),
        r(s_lon) if s_lon else ("null" if s_lon is None else repr(s_lon)),
        r(s_alt) if s_alt else ("null" if s_alt is None else repr(s_alt)),
        "null" if src is None else _SOURCE_JSON[src],
    )


@dataclass(frozen=True, slots=True)
class ReplaySummary:
    """Human-oriented digest of a replay."""

    epochs: int
    with_position: int
    qualities: dict[int | None, int]
    sigma_sources: dict[str | None, int]
    first: dt.datetime | dt.time | None
    last: dt.datetime | dt.time | None


@dataclass(slots=True)
class SummaryBuilder:
    """A ReplaySummary taken one epoch at a time, so a replay need not keep its epochs."""

    epochs: int = 0
    with_position: int = 0
    qualities: dict[int | None, int] = field(default_factory=dict)
    sigma_sources: dict[str | None, int] = field(default_factory=dict)
    first: dt.datetime | dt.time | None = None
    # The last epoch with a time; its stamp is made once, when asked for, not per epoch.
    last_timed: Fix | None = None

    def add(self, f: Fix) -> None:
        self.epochs += 1
        self.with_position += f.lat is not None and f.lon is not None
        self.qualities[f.quality] = self.qualities.get(f.quality, 0) + 1
        src = _SOURCE_TEXT[f.sigma_source] if f.sigma_source is not None else None
        self.sigma_sources[src] = self.sigma_sources.get(src, 0) + 1
        if f.time_of_day is not None:
            if self.first is None:
                self.first = f.utc or f.time_of_day
            self.last_timed = f

    @property
    def last(self) -> dt.datetime | dt.time | None:
        f = self.last_timed
        return None if f is None else (f.utc or f.time_of_day)

    def summary(self) -> ReplaySummary:
        return ReplaySummary(
            self.epochs,
            self.with_position,
            self.qualities,
            self.sigma_sources,
            self.first,
            self.last,
        )


def summarise(replay: Replay) -> ReplaySummary:
    builder = SummaryBuilder()
    for f in replay.fixes:
        builder.add(f)
    return builder.summary()
