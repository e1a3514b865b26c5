"""RINEX 2.x/3.x reader for what the app needs: the header and the epochs, not the observations."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

# A RINEX line is 80 characters; anything far longer is not RINEX (a binary file, say).
MAX_LINE = 1024
MAX_HEADER_LINES = 2000


class RinexError(ValueError):
    """A file that is not the RINEX it claims to be: "FILE:LINE: what is wrong"."""


@dataclass(frozen=True, slots=True)
class RinexObs:
    """An observation file: its header and a count of its observation epochs (GPS time)."""

    path: Path
    version: str
    marker_name: str
    receiver: str
    antenna_type: str
    approx_xyz: tuple[float, float, float] | None  # None when the header has zeros
    antenna_delta_hen: tuple[float, float, float]
    interval_s: float | None  # INTERVAL from the header, else the commonest epoch step
    epochs: int
    first: dt.datetime | None
    last: dt.datetime | None


@dataclass(frozen=True, slots=True)
class RinexNav:
    """A navigation (broadcast ephemeris) file and how many ephemeris records it holds."""

    path: Path
    version: str
    records: int
    # The earliest and latest epoch (toc) of its records, as written (GLONASS's are UTC).
    first: dt.datetime | None = None
    last: dt.datetime | None = None


def gpst_iso(t: dt.datetime | None) -> str | None:
    """ISO 8601 without a zone (the times are GPS time); milliseconds only when there are any."""
    if t is None:
        return None
    return t.isoformat(timespec="milliseconds" if t.microsecond else "seconds")


def rinex_type(first_line: str) -> tuple[str, str] | None:
    """(version, type letter) from a first line labelled RINEX VERSION / TYPE, else None."""
    if first_line[60:].strip() != "RINEX VERSION / TYPE":
        return None
    return first_line[:9].strip(), first_line[20:21].upper()


def scan_rinex(path: Path) -> RinexObs | RinexNav:
    """Reads a RINEX observation or navigation file through; raises RinexError naming the line."""
    with path.open("r", encoding="ascii", errors="replace", newline=None) as f:
        reader = _Lines(f, path)
        first = reader.next()
        if first is None:
            raise RinexError(f"{path}: empty file")
        kind = rinex_type(first)
        if kind is None:
            raise reader.error("not a RINEX file (no RINEX VERSION / TYPE on the first line)")
        version, letter = kind
        if version[:1] not in ("2", "3"):
            raise reader.error(f"RINEX version {version!r}: RTKLIB 2.4.3 reads 2.x and 3.x")
        header = _read_header(reader)
        if letter == "O":
            return _scan_obs(reader, version, header)
        if letter in "NGHLEJCQI" or (letter == "M" and "NAV" in first[20:60].upper()):
            return _scan_nav(reader, version)
        if letter == "M":
            raise reader.error("meteorological data, not observations or navigation")
        raise reader.error(f"RINEX file type {letter!r} is neither observation nor navigation")


class _Lines:
    """Numbered lines with the checks every reader needs (length, end of file mid-record)."""

    def __init__(self, f: TextIO, path: Path) -> None:
        self._f = f
        self.path = path
        self.number = 0
        self.unterminated = False

    def next(self) -> str | None:
        line = self._f.readline(MAX_LINE + 1)
        if not line:
            return None
        self.number += 1
        if len(line) > MAX_LINE and not line.endswith("\n"):
            raise self.error(f"line longer than {MAX_LINE} characters: not RINEX")
        self.unterminated = not line.endswith("\n")
        return line.rstrip("\r\n")

    def need(self, what: str) -> str:
        line = self.next()
        if line is None:
            raise RinexError(f"{self.path}:{self.number}: truncated: the file ends before {what}")
        return line

    def error(self, message: str) -> RinexError:
        return RinexError(f"{self.path}:{max(self.number, 1)}: {message}")


def _read_header(reader: _Lines) -> dict[str, list[str]]:
    header: dict[str, list[str]] = {}
    for _ in range(MAX_HEADER_LINES):
        line = reader.need("END OF HEADER")
        label = line[60:].strip()
        if label == "END OF HEADER":
            return header
        header.setdefault(label, []).append(line[:60])
    raise reader.error(f"no END OF HEADER in the first {MAX_HEADER_LINES} lines")


def _floats(reader: _Lines, text: str, count: int, label: str) -> tuple[float, ...]:
    try:
        values = tuple(float(text[i * 14 : i * 14 + 14].replace("D", "E")) for i in range(count))
    except ValueError:
        # Some writers miss the 14-column grid; their numbers still stand apart.
        words = text.replace("D", "E").split()
        try:
            values = tuple(float(w) for w in words)
        except ValueError:
            values = ()
        if len(values) != count:
            raise reader.error(f"{label}: expected {count} numbers, got {text.strip()!r}") from None
    if not all(math.isfinite(v) for v in values):
        raise reader.error(f"{label}: not a finite number in {text.strip()!r}")
    return values


def _obs_types_v2(header: dict[str, list[str]], reader: _Lines) -> int:
    lines = header.get("# / TYPES OF OBSERV")
    if not lines:
        raise reader.error("header has no # / TYPES OF OBSERV")
    try:
        return int(lines[0][:6])
    except ValueError:
        raise reader.error("# / TYPES OF OBSERV: no count") from None


def _scan_obs(reader: _Lines, version: str, header: dict[str, list[str]]) -> RinexObs:
    def field(label: str, start: int = 0, end: int = 20) -> str:
        lines = header.get(label)
        return lines[0][start:end].strip() if lines else ""

    xyz: tuple[float, float, float] | None = None
    if "APPROX POSITION XYZ" in header:
        x, y, z = _floats(reader, header["APPROX POSITION XYZ"][0], 3, "APPROX POSITION XYZ")
        xyz = (x, y, z) if (x, y, z) != (0.0, 0.0, 0.0) else None
    delta = (0.0, 0.0, 0.0)
    if "ANTENNA: DELTA H/E/N" in header:
        h, e, n = _floats(reader, header["ANTENNA: DELTA H/E/N"][0], 3, "ANTENNA: DELTA H/E/N")
        delta = (h, e, n)
    interval: float | None = None
    if "INTERVAL" in header:
        (interval,) = _floats(reader, header["INTERVAL"][0][:14].rjust(14), 1, "INTERVAL")
        interval = interval if interval > 0 else None
    receiver = " ".join(v for v in (field("REC # / TYPE / VERS", 20, 40),) if v)
    epochs, first, last, step = (
        _epochs_v3(reader) if version.startswith("3") else _epochs_v2(reader, header)
    )
    return RinexObs(
        path=reader.path,
        version=version,
        marker_name=field("MARKER NAME", 0, 60),
        receiver=receiver,
        antenna_type=field("ANT # / TYPE", 20, 40),
        approx_xyz=xyz,
        antenna_delta_hen=delta,
        interval_s=interval if interval is not None else step,
        epochs=epochs,
        first=first,
        last=last,
    )


class _EpochTally:
    def __init__(self) -> None:
        self.count = 0
        self.first: dt.datetime | None = None
        self.last: dt.datetime | None = None
        self.steps: Counter[float] = Counter()

    def add(self, t: dt.datetime) -> None:
        if self.last is not None:
            step = round((t - self.last).total_seconds(), 2)
            if step > 0:
                self.steps[step] += 1
        self.first = self.first or t
        self.last = t
        self.count += 1

    def result(self) -> tuple[int, dt.datetime | None, dt.datetime | None, float | None]:
        step = self.steps.most_common(1)[0][0] if self.steps else None
        return self.count, self.first, self.last, step


def _epoch_time(reader: _Lines, parts: list[str]) -> dt.datetime:
    try:
        year, month, day, hour, minute = (int(p) for p in parts[:5])
        seconds = float(parts[5])
        if year < 100:
            year += 1900 if year >= 80 else 2000
        whole = int(seconds)
        base = dt.datetime(year, month, day, hour, minute, min(whole, 59))
        return base + dt.timedelta(seconds=seconds - min(whole, 59))
    except (ValueError, IndexError):
        raise reader.error(f"epoch time not readable: {' '.join(parts[:6])!r}") from None


def _int_field(reader: _Lines, text: str, what: str) -> int:
    try:
        return int(text.strip() or "0")
    except ValueError:
        raise reader.error(f"{what} is not a number: {text!r}") from None


def _epochs_v2(
    reader: _Lines, header: dict[str, list[str]]
) -> tuple[int, dt.datetime | None, dt.datetime | None, float | None]:
    lines_per_sat = max(1, math.ceil(_obs_types_v2(header, reader) / 5))
    tally = _EpochTally()
    while (line := reader.next()) is not None:
        if not line.strip():
            continue
        flag = _int_field(reader, line[26:29], "epoch flag")
        count = _int_field(reader, line[29:32], "number of satellites")
        if flag in (2, 3, 4, 5):
            # Events: `count` header-type records follow (a new site, a comment...).
            for _ in range(count):
                reader.need("the event's header records")
            continue
        time = _epoch_time(reader, line[:26].split())
        for _ in range(max(0, math.ceil(count / 12) - 1)):
            reader.need("the epoch's satellite list")
        for _ in range(count * lines_per_sat):
            reader.need("the epoch's observations")
        if flag in (0, 1):
            tally.add(time)
    if reader.unterminated:
        raise reader.error("truncated: the last line has no line end")
    return tally.result()


def _epochs_v3(
    reader: _Lines,
) -> tuple[int, dt.datetime | None, dt.datetime | None, float | None]:
    tally = _EpochTally()
    while (line := reader.next()) is not None:
        if not line.strip():
            continue
        if not line.startswith(">"):
            raise reader.error(f"expected an epoch record starting with '>', got {line[:20]!r}")
        flag = _int_field(reader, line[31:32], "epoch flag")
        count = _int_field(reader, line[32:35], "number of satellites")
        for _ in range(count):
            reader.need("the epoch's records")
        if flag in (0, 1):
            tally.add(_epoch_time(reader, line[1:29].split()))
    if reader.unterminated:
        raise reader.error("truncated: the last line has no line end")
    return tally.result()


def _scan_nav(reader: _Lines, version: str) -> RinexNav:
    # A record starts on a line whose first columns hold the satellite (RINEX 3: "G01",
    # RINEX 2: " 1" or "12"), then its epoch; its continuation lines are indented by 3 (v2)
    # or 4 (v3) blanks.
    records = 0
    v3 = version.startswith("3")
    indent, when = ("    ", slice(3, 23)) if v3 else ("   ", slice(2, 22))
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    while (line := reader.next()) is not None:
        if line.strip() and not line.startswith(indent):
            records += 1
            t = _nav_time(line[when].split())
            if t is not None:
                first = t if first is None else min(first, t)
                last = t if last is None else max(last, t)
    if reader.unterminated and records:
        raise reader.error("truncated: the last line has no line end")
    return RinexNav(reader.path, version, records, first, last)


def _nav_time(parts: list[str]) -> dt.datetime | None:
    """A record's epoch, or None when it does not read (the record still counts)."""
    try:
        year, month, day, hour, minute = (int(p) for p in parts[:5])
        second = float(parts[5])
        if year < 100:
            year += 1900 if year >= 80 else 2000
        return dt.datetime(year, month, day, hour, minute) + dt.timedelta(seconds=second)
    except (ValueError, IndexError):
        return None
