"""Sokkia SDR33 fixed-width records (also written by Nikon controllers) decoded into records."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.gnss.totalstation.model import (
    BacksightRecord,
    KnownPoint,
    Observation,
    ParseResult,
    StationRecord,
)
from fieldapp.gnss.totalstation.units import (
    FOOT_M,
    UnitError,
    ascii_digits,
    check_circle,
    parse_decimal,
)

FIELD = 16  # SDR33 "long" records: 16-character point ids and numeric fields
_OBS_DERIVATIONS = frozenset({"F1", "F2", "MC", "KI", "TP", "RE"})


@dataclass
class _Units:
    angle_factor: float = 1.0  # to degrees
    metres_per_unit: float = 1.0
    north_first: bool = True


def _field(text: str, index: int) -> str:
    return text[4 + FIELD * index : 4 + FIELD * (index + 1)].strip()


def _point_id(text: str) -> str | None:
    """Numeric ids are zero-padded ('00000031'); drop the padding as GSI does."""
    if ascii_digits(text):
        return text.lstrip("0") or "0"
    return text or None


class SdrParser:
    """One record per line; the header (00) sets angle/distance units and coordinate order."""

    def __init__(self) -> None:
        self.result = ParseResult("sdr33")
        self._units = _Units()
        self._station_id: str | None = None
        self._instrument_h: float | None = None
        self._target_h: float | None = None

    def _num(self, text: str, line: int, what: str) -> float | None:
        if not text or set(text) <= {"-", "."}:
            return None
        try:
            return parse_decimal(text, what)
        except UnitError as exc:
            self.result.error(line, str(exc))
            return None

    def _length(self, text: str, line: int, what: str) -> float | None:
        value = self._num(text, line, what)
        return None if value is None else value * self._units.metres_per_unit

    def _angle(self, text: str, line: int, what: str) -> float | None:
        value = self._num(text, line, what)
        if value is None:
            return None
        try:
            return check_circle(value * self._units.angle_factor)
        except UnitError as exc:
            self.result.error(line, f"{what}: {exc}")
            return None

    def _coords(self, text: str, line: int) -> tuple[float | None, float | None, float | None]:
        first = self._length(_field(text, 1), line, "coordinate")
        second = self._length(_field(text, 2), line, "coordinate")
        h = self._length(_field(text, 3), line, "elevation")
        return (second, first, h) if self._units.north_first else (first, second, h)

    def _header(self, text: str, line: int) -> None:
        flags = text.rstrip()[-6:]
        if len(flags) != 6 or not ascii_digits(flags):
            self.result.warn(line, "SDR header without unit flags: assuming degrees, metres, N-E")
            return
        angle = {"1": 1.0, "2": 0.9, "3": 360.0 / 6400.0}.get(flags[0])
        if angle is None:
            self.result.error(line, f"impossible angle unit {flags[0]!r} in SDR header")
            angle = 1.0
        dist = {"1": 1.0, "2": FOOT_M}.get(flags[1])
        if dist is None:
            self.result.error(line, f"impossible distance unit {flags[1]!r} in SDR header")
            dist = 1.0
        self._units = _Units(angle, dist, flags[4] != "2")

    def feed_line(self, raw: str, line: int) -> None:
        text = raw.rstrip("\r\n")
        if text.startswith("\x03"):
            return  # end of transmission, followed by the sender's checksum
        if len(text) < 4 or not ascii_digits(text[:2]):
            if text.strip(" \x02\x03\x1a"):
                self.result.error(line, f"not an SDR record: {text[:20]!r}")
            return
        kind, derivation = text[:2], text[2:4]
        if kind == "00":
            self._header(text, line)
        elif kind == "02":
            e, n, h = self._coords(text, line)
            self._station_id = _point_id(_field(text, 0))
            self._instrument_h = self._length(_field(text, 4), line, "instrument height")
            self.result.records.append(
                StationRecord(line, self._station_id, e, n, h, self._instrument_h)
            )
        elif kind == "03":
            self._target_h = self._length(_field(text, 0), line, "target height")
        elif kind == "07":
            self.result.records.append(
                BacksightRecord(
                    line,
                    _point_id(_field(text, 0)),
                    _point_id(_field(text, 1)),
                    azimuth=self._angle(_field(text, 2), line, "backsight azimuth"),
                    hz=self._angle(_field(text, 3), line, "backsight circle reading"),
                )
            )
        elif kind == "08":
            e, n, h = self._coords(text, line)
            point_id = _point_id(_field(text, 0)) or ""
            code = _field(text, 4) or None
            self.result.records.append(KnownPoint(line, point_id, e, n, h, code))
        elif kind in ("09", "13") and derivation in _OBS_DERIVATIONS:
            self._observation(text, line)
        elif kind not in {"01", "06", "10", "11", "12", "13"}:
            self.result.warn(line, f"SDR record type {kind}{derivation} not decoded")

    def _observation(self, text: str, line: int) -> None:
        # 13F1 is a note holding a resection shot in 09 layout (Nikon); it has no station of
        # its own yet, so it keeps the id the record gives ("0").
        code = _field(text, 5)
        problems = self.result.errors
        sd = self._length(_field(text, 2), line, "slope distance")
        v = self._angle(_field(text, 3), line, "zenith angle")
        hz = self._angle(_field(text, 4), line, "horizontal angle")
        if self.result.errors > problems and sd is None and v is None and hz is None:
            return  # nothing of the shot could be read: its errors say so, no empty record
        self.result.records.append(
            Observation(
                line,
                point_id=_point_id(_field(text, 1)),
                sd=sd,
                v=v,
                hz=hz,
                target_h=self._target_h,
                instrument_h=self._instrument_h,
                codes=(code,) if code else (),
                station_id=_point_id(_field(text, 0)) or self._station_id,
            )
        )


def parse_sdr(data: bytes) -> ParseResult:
    parser = SdrParser()
    for number, text in parser.result.lines(data):
        try:
            parser.feed_line(text, number)
        except UnitError as exc:
            # A record whose values no instrument writes: reported, the rest goes on.
            parser.result.error(number, str(exc))
    return parser.result
