"""Capture files: reading a recorded receiver log (comment header, binary data) and replaying it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldapp.gnss.epochs import EpochStats
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.framing import Counters
from fieldapp.gnss.stream import NmeaStream

# Feed a file in pieces as a serial port would, so replay exercises the same buffering.
CHUNK = 64 * 1024


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
    clock = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond // 1000:03d}"
    if fix.date is None:
        return clock
    return f"{fix.date.isoformat()}T{clock}Z"


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


@dataclass(frozen=True, slots=True)
class ReplaySummary:
    """Human-oriented digest of a replay."""

    epochs: int
    with_position: int
    qualities: dict[int | None, int]
    sigma_sources: dict[str | None, int]
    first: dt.datetime | dt.time | None
    last: dt.datetime | dt.time | None


def summarise(replay: Replay) -> ReplaySummary:
    qualities: dict[int | None, int] = {}
    sources: dict[str | None, int] = {}
    stamps: list[dt.datetime | dt.time] = []
    for f in replay.fixes:
        qualities[f.quality] = qualities.get(f.quality, 0) + 1
        src = f.sigma_source.value if f.sigma_source is not None else None
        sources[src] = sources.get(src, 0) + 1
        stamp = f.utc or f.time_of_day
        if stamp is not None:
            stamps.append(stamp)
    return ReplaySummary(
        epochs=len(replay.fixes),
        with_position=sum(1 for f in replay.fixes if f.has_position),
        qualities=qualities,
        sigma_sources=sources,
        first=stamps[0] if stamps else None,
        last=stamps[-1] if stamps else None,
    )
