"""Typed records every total-station parser returns: observations, stations, diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


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


@dataclass(frozen=True)
class KnownPoint:
    """A coordinate record that is not an observation: control points, stored fixes."""

    line: int
    point_id: str
    e: float | None
    n: float | None
    h: float | None = None
    code: str | None = None


Record = Observation | StationRecord | BacksightRecord | KnownPoint


@dataclass
class ParseResult:
    """Records in file order (order matters: a station applies to what follows) plus diagnostics."""

    format: str
    records: list[Record] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def observations(self) -> list[Observation]:
        return [r for r in self.records if isinstance(r, Observation)]

    @property
    def stations(self) -> list[StationRecord]:
        return [r for r in self.records if isinstance(r, StationRecord)]

    def error(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(line, message, Severity.ERROR))

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(line, message, Severity.WARNING))
