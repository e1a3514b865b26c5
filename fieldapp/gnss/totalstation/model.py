"""Typed records every total-station parser returns: observations, stations, diagnostics."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from fieldapp.gnss.totalstation.units import UnitError

# Bounds on what a record may hold. Grid coordinates (UTM northings reach 10 000 km) get the
# widest; anything else measured is metres of a set-up or angles on one circle. A value past
# them is a corrupt file, and a 1e308 would overflow the first reduction taken over it.
COORDINATE_MAX_M = 1e8
LENGTH_MAX_M = 1e6
ANGLE_MAX_DEG = 360.0 + 1e-9
OTHER_MAX = 1e6  # ppm, prism constant in mm
_COORDINATES = frozenset({"e", "n"})
_ANGLES = frozenset({"hz", "v", "azimuth", "hz_correction"})
_OTHER = frozenset({"ppm", "prism_constant_mm"})
# Files and lines no instrument writes; past them a file is refused rather than held in memory.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 4096
MAX_RECORDS = 100_000
MAX_DIAGNOSTICS = 200
_EOL = re.compile(rb"\r\n?|\n")


class RecordValueError(UnitError):
    """A record would hold a non-finite or impossible value; the message names the field."""


class TsFileError(ValueError):
    """A file that cannot be an instrument download at all (too large, too many records)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _check_values(record: object) -> None:
    """Every float field finite and within its bound, or RecordValueError."""
    for name, value in vars(record).items():
        if not isinstance(value, float):
            continue
        if name in _COORDINATES:
            bound = COORDINATE_MAX_M
        elif name in _ANGLES:
            bound = ANGLE_MAX_DEG
        elif name in _OTHER:
            bound = OTHER_MAX
        else:
            bound = LENGTH_MAX_M
        if not (math.isfinite(value) and -bound <= value <= bound):
            raise RecordValueError(f"{name} {value!r} outside ±{bound:.6g}")


class Severity(Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """Something wrong with one input line; the parser carries on with the next word or line."""

    line: int
    message: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Observation:
    """One observation block: angles in decimal degrees (v is the zenith angle), lengths in metres.

    Any field the block does not hold is None. `e`, `n`, `h` are coordinates the instrument or the
    controller stored with the block (GSI WI 81-83, SDR 08), not something this package computed.
    """

    line: int
    point_id: str | None = None
    hz: float | None = None
    v: float | None = None
    sd: float | None = None
    hd: float | None = None
    vd: float | None = None
    target_h: float | None = None
    instrument_h: float | None = None
    e: float | None = None
    n: float | None = None
    h: float | None = None
    codes: tuple[str, ...] = ()
    station_id: str | None = None
    ppm: float | None = None
    prism_constant_mm: float | None = None
    hz_correction: float | None = None

    def __post_init__(self) -> None:
        _check_values(self)

    @property
    def has_polar(self) -> bool:
        """True when the block can be reduced to a point: a direction and some distance."""
        return self.hz is not None and (self.sd is not None or self.hd is not None)

    @property
    def has_coordinates(self) -> bool:
        return self.e is not None and self.n is not None


@dataclass(frozen=True)
class StationRecord:
    """An instrument set-up: station id, its coordinates when the file gives them, and height."""

    line: int
    station_id: str | None
    e: float | None = None
    n: float | None = None
    h: float | None = None
    instrument_h: float | None = None

    def __post_init__(self) -> None:
        _check_values(self)


@dataclass(frozen=True)
class BacksightRecord:
    """Orientation of the current station: backsight point, its azimuth and the circle reading.

    Either the azimuth or the backsight point (with known coordinates) fixes the orientation; `hz`
    is the horizontal circle reading to the backsight (None when the instrument set Hz = azimuth).
    """

    line: int
    station_id: str | None
    backsight_id: str | None
    azimuth: float | None = None
    hz: float | None = None

    def __post_init__(self) -> None:
        _check_values(self)


@dataclass(frozen=True)
class KnownPoint:
    """A coordinate record that is not an observation: control points, stored fixes."""

    line: int
    point_id: str
    e: float | None
    n: float | None
    h: float | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        _check_values(self)


Record = Observation | StationRecord | BacksightRecord | KnownPoint


@dataclass
class ParseResult:
    """Records in file order (order matters: a station applies to what follows) plus diagnostics."""

    format: str
    records: list[Record] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Diagnostics past MAX_DIAGNOSTICS are counted, not kept: a file of garbage has one a line.
    more_diagnostics: int = 0

    @property
    def observations(self) -> list[Observation]:
        return [r for r in self.records if isinstance(r, Observation)]

    @property
    def stations(self) -> list[StationRecord]:
        return [r for r in self.records if isinstance(r, StationRecord)]

    @property
    def errors(self) -> int:
        """Error diagnostics kept, plus every diagnostic past the cap (their kind is not kept)."""
        kept = sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)
        return kept + self.more_diagnostics

    def _add(self, diagnostic: Diagnostic) -> None:
        if len(self.diagnostics) < MAX_DIAGNOSTICS:
            self.diagnostics.append(diagnostic)
        else:
            self.more_diagnostics += 1

    def error(self, line: int, message: str) -> None:
        self._add(Diagnostic(line, message, Severity.ERROR))

    def warn(self, line: int, message: str) -> None:
        self._add(Diagnostic(line, message, Severity.WARNING))

    def lines(self, data: bytes) -> Iterator[tuple[int, str]]:
        """The file's lines (CR, LF or CRLF ends) with 1-based numbers, decoded as Latin-1.

        Lazy, so a large file is never held twice; an over-long line is reported and skipped
        undecoded, and a file with more records than any instrument stores is refused.
        """
        start = 0
        number = 0
        size = len(data)
        while start < size:
            number += 1
            # Searched within the line limit only: an endless line costs one pass, not two.
            eol = _EOL.search(data, start, start + MAX_LINE_CHARS + 2)
            if eol is None and size - start > MAX_LINE_CHARS:
                self.error(number, f"line longer than {MAX_LINE_CHARS} characters, skipped")
                eol = _EOL.search(data, start)
                if eol is None:
                    return
                start = eol.end()
                continue
            end = eol.start() if eol is not None else size
            text = data[start:end].decode("latin-1")
            start = eol.end() if eol is not None else size
            if len(self.records) > MAX_RECORDS:
                raise TsFileError(
                    number, f"more than {MAX_RECORDS} records: not an instrument file"
                )
            yield number, text
