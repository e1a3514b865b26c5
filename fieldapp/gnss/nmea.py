"""NMEA sentence parsing through pynmea2 into small typed records; all pynmea2 traps end here."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import NamedTuple

from fieldapp.gnss.framing import Counters, xor_checksum
from fieldapp.gnss.nmea_fields import (
    NmeaRangeError,
    _age,
    _angle,
    _count,
    _date_ddmmyy,
    _dop,
    _height,
    _i,
    _latlon,
    _s,
    _sep,
    _soft,
    _speed_kmh,
    _speed_kn,
    parse_time_ms,
)

# Talker id -> constellation. GN (combined) is resolved per satellite from the GSA system id
# or the PRN range instead.
TALKER_SYSTEM = {
    "GP": "GPS",
    "GL": "GLONASS",
    "GA": "Galileo",
    "GB": "BeiDou",
    "BD": "BeiDou",
    "GQ": "QZSS",
    "QZ": "QZSS",
    "GI": "NavIC",
}
# NMEA 4.10 GSA/GSV system id field.
SYSTEM_ID = {1: "GPS", 2: "GLONASS", 3: "Galileo", 4: "BeiDou", 5: "QZSS", 6: "NavIC"}

# Records are NamedTuples, not frozen dataclasses: a frozen dataclass costs about 1 us to
# build, which at one record per sentence was a third of the replay budget.


class Gga(NamedTuple):
    """GGA: the fix with quality, altitude and correction age."""

    talker: str
    time_ms: int | None
    lat: float | None
    lon: float | None
    quality: int | None
    sats_used: int | None
    hdop: float | None
    alt_msl: float | None
    geoid_sep: float | None
    correction_age_s: float | None
    base_id: str | None


class Gns(NamedTuple):
    """GNS: multi-constellation fix with one mode character per system."""

    talker: str
    time_ms: int | None
    lat: float | None
    lon: float | None
    mode: str | None
    sats_used: int | None
    hdop: float | None
    alt_msl: float | None
    geoid_sep: float | None
    correction_age_s: float | None
    base_id: str | None


class Rmc(NamedTuple):
    """RMC: position, velocity and the date."""

    talker: str
    time_ms: int | None
    valid: bool
    lat: float | None
    lon: float | None
    speed_mps: float | None
    course_deg: float | None
    date: dt.date | None
    faa_mode: str | None


class Gll(NamedTuple):
    """GLL: position and time only."""

    talker: str
    time_ms: int | None
    valid: bool
    lat: float | None
    lon: float | None
    faa_mode: str | None


class Gsa(NamedTuple):
    """GSA: satellites used and the DOPs, per constellation from NMEA 4.10 on."""

    talker: str
    fix_type: int | None
    prns: tuple[int, ...]
    pdop: float | None
    hdop: float | None
    vdop: float | None
    system: str | None


class Gsv(NamedTuple):
    """GSV: one part of the satellites-in-view listing of one constellation (and signal).

    ``raw`` keeps the satellite fields as received, four per satellite (PRN, elevation,
    azimuth, SNR; already checked to be numbers or empty): epoch assembly converts them only
    when a satellite's values changed since the last epoch, which most do not.
    """

    talker: str
    num_messages: int | None
    msg_num: int | None
    in_view: int | None
    raw: tuple[str, ...]
    signal_id: str | None

    @property
    def sats(self) -> tuple[SatView, ...]:
        r = self.raw
        return tuple(sat_view(r[i : i + 4]) for i in range(0, len(r) - 3, 4) if r[i])


SatView = tuple[int, float | None, float | None, float | None]


def sat_view(block: tuple[str, ...] | list[str]) -> SatView:
    """PRN, elevation, azimuth and SNR of one validated GSV satellite block."""
    prn, el, az, snr = block
    return (int(prn), _num(el), _num(az), _num(snr))


def _num(s: str) -> float | None:
    if not s:
        return None
    return int(s) if s.isdigit() else float(s)


class Gst(NamedTuple):
    """GST: receiver's own error statistics, as received (range checks come later)."""

    talker: str
    time_ms: int | None
    rms: float | None
    semi_major_m: float | None
    semi_minor_m: float | None
    orientation_deg: float | None
    sigma_lat: float | None
    sigma_lon: float | None
    sigma_alt: float | None


class Vtg(NamedTuple):
    """VTG: course and speed over ground."""

    talker: str
    course_deg: float | None
    speed_mps: float | None
    faa_mode: str | None


class Zda(NamedTuple):
    """ZDA: time and full date."""

    talker: str
    time_ms: int | None
    date: dt.date | None


class Hdt(NamedTuple):
    """HDT: true heading."""

    talker: str
    heading_deg: float | None


Record = Gga | Gns | Rmc | Gll | Gsa | Gsv | Gst | Vtg | Zda | Hdt


def _gga(t: str, d: list[str]) -> Gga:
    lat, lon = _latlon(d, 1)
    return Gga(
        t,
        parse_time_ms(d[0]),
        lat,
        lon,
        _i(d[5]),
        _count(d[6]),
        _dop(d[7], "HDOP"),
        _height(d[8]),
        _sep(d[10]) if len(d) > 10 else None,
        _age(d[12]) if len(d) > 12 else None,
        _s(d[13]) if len(d) > 13 else None,
    )


def _gns(t: str, d: list[str]) -> Gns:
    lat, lon = _latlon(d, 1)
    return Gns(
        t,
        parse_time_ms(d[0]),
        lat,
        lon,
        _s(d[5]),
        _count(d[6]),
        _dop(d[7], "HDOP"),
        _height(d[8]),
        _sep(d[9]) if len(d) > 9 else None,
        _age(d[10]) if len(d) > 10 else None,
        _s(d[11]) if len(d) > 11 else None,
    )


def _rmc(t: str, d: list[str]) -> Rmc:
    lat, lon = _latlon(d, 2)
    return Rmc(
        t,
        parse_time_ms(d[0]),
        d[1] == "A",
        lat,
        lon,
        _speed_kn(d[6]),
        _angle(d[7], "course"),
        _date_ddmmyy(d[8]),
        _s(d[11]) if len(d) > 11 else None,
    )


def _gll(t: str, d: list[str]) -> Gll:
    lat, lon = _latlon(d, 0)
    return Gll(
        t,
        parse_time_ms(d[4]) if len(d) > 4 else None,
        len(d) > 5 and d[5] == "A",
        lat,
        lon,
        _s(d[6]) if len(d) > 6 else None,
    )


def _gsa(t: str, d: list[str]) -> Gsa:
    prns = tuple(int(p) for p in d[2:14] if p)
    # Some receivers (SiRF-based) put a non-standard decimal there; only an integer is an id.
    sys_id = int(d[17]) if len(d) > 17 and d[17].isdigit() else None
    system = SYSTEM_ID.get(sys_id) if sys_id is not None else TALKER_SYSTEM.get(t)
    return Gsa(
        t, _i(d[1]), prns, _dop(d[14], "PDOP"), _dop(d[15], "HDOP"), _dop(d[16], "VDOP"), system
    )


def _gsv(t: str, d: list[str]) -> Gsv:
    n = len(d)
    # NMEA 4.10 appends a signal id after the (up to four) satellite blocks.
    signal = (d[n - 1] or None) if (n - 3) % 4 == 1 else None
    end = 3 + (n - 3) // 4 * 4
    raw = tuple(d[3:end])
    if raw and max(map(len, raw)) > 5:
        # PRN, elevation, azimuth and SNR have at most three digits (and a decimal or two).
        raise NmeaRangeError("GSV satellite field longer than 5 characters")
    if not "".join(raw).isdigit():
        # Not plain integers (or empty fields): the slow check that they are numbers at all.
        for i in range(0, len(raw), 4):
            if raw[i]:
                int(raw[i])
                for v in raw[i + 1 : i + 4]:
                    if v and not math.isfinite(float(v)):
                        raise ValueError(f"bad GSV field {v!r}")
    return Gsv(t, _i(d[0]), _i(d[1]), _i(d[2]), raw, signal)


def _gst(t: str, d: list[str]) -> Gst:
    return Gst(
        t,
        parse_time_ms(d[0]),
        _soft(d[1]),
        _soft(d[2]),
        _soft(d[3]),
        _soft(d[4]),
        _soft(d[5]),
        _soft(d[6]),
        _soft(d[7]),
    )


def _vtg(t: str, d: list[str]) -> Vtg:
    if len(d) > 1 and d[1] not in ("T", ""):
        # Pre-NMEA-2.3 VTG without unit letters: course, magnetic, knots, km/h.
        kts = _speed_kn(d[2]) if len(d) > 2 else None
        return Vtg(t, _angle(d[0], "course"), kts, None)
    return Vtg(
        t,
        _angle(d[0], "course"),
        _speed_kmh(d[6]) if len(d) > 6 else None,
        _s(d[8]) if len(d) > 8 else None,
    )


def _zda(t: str, d: list[str]) -> Zda:
    date = dt.date(int(d[3]), int(d[2]), int(d[1])) if d[1] and d[2] and d[3] else None
    return Zda(t, parse_time_ms(d[0]), date)


def _hdt(t: str, d: list[str]) -> Hdt:
    return Hdt(t, _angle(d[0], "heading"))


HANDLERS: dict[str, Callable[[str, list[str]], Record]] = {
    "GGA": _gga,
    "GNS": _gns,
    "RMC": _rmc,
    "GLL": _gll,
    "GSA": _gsa,
    "GSV": _gsv,
    "GST": _gst,
    "VTG": _vtg,
    "ZDA": _zda,
    "HDT": _hdt,
}


def _checksum_ok(line: str) -> bool:
    star = len(line) - 3
    try:
        return xor_checksum(line[1:star].encode("ascii")) == int(line[star + 1 :], 16)
    except ValueError:
        return False


class _BadChecksum(Exception):
    """pynmea2's checksum failure, under a name that needs no pynmea2 import to catch."""


def _pynmea2_record(handler: Callable[[str, list[str]], Record], line: str) -> Record:
    # Imported on first use: the stream's own route never needs pynmea2, and a replay
    # process starts faster without it.
    import pynmea2

    try:
        msg = pynmea2.parse(line, check=True)
    except pynmea2.ChecksumError as exc:
        raise _BadChecksum from exc
    return handler(msg.talker, msg.data)


_MEMO_TYPES = frozenset({"GSV", "GSA", "HDT", "VTG"})
_MEMO_MAX = 1024


class SentenceParser:
    """Turns framed sentences into records, counting what it cannot use; never raises.

    With ``via_pynmea2=True`` (the default for a parser on its own, the reference route)
    each new sentence goes through ``pynmea2.parse(line, check=True)`` and the record is
    built from its fields; the pynmea2 traps (empty lat as 0.0, string fields, RMC.is_valid
    with NMEA 4.10) are avoided by converting the raw fields here. ``via_pynmea2=False``
    splits the fields itself, relying on the framer's checksum: the route NmeaStream (live
    and replay) takes, since pynmea2's object model cost more than the fields need. The
    tests require both routes to give identical records, counts and Fixes on every capture.
    """

    __slots__ = ("_via_pynmea2", "counters", "memo")

    def __init__(self, counters: Counters | None = None, *, via_pynmea2: bool = True) -> None:
        self.counters = counters if counters is not None else Counters()
        self._via_pynmea2 = via_pynmea2
        # Untimed sentences repeat verbatim epoch after epoch (a static receiver's GSV and
        # GSA: 68 distinct GSV lines among 1050 in the Quectel capture); records are
        # immutable, so the same text can hand back the same record.
        self.memo: dict[str, Record] = {}

    def parse(self, line: str, lineno: int = 0) -> Record | None:
        """One framed sentence -> record, or None (counted, and noted with ``lineno``)."""
        hit = self.memo.get(line)
        if hit is not None:
            self.counters.sentences[line[3:6]] += 1
            return hit
        return self.parse_new(line, lineno)

    def parse_new(self, line: str, lineno: int = 0) -> Record | None:
        """:meth:`parse` for a sentence the caller already looked up in :attr:`memo`."""
        c = self.counters
        memo = self.memo
        # Proprietary ($P...) and unsupported types are known from the address alone, which
        # also spares pynmea2's exception path for them.
        stype = line[3:6]
        handler = HANDLERS.get(stype)
        if handler is None or line[1] == "P" or len(line) < 10 or line[6] != ",":
            if self._via_pynmea2 and not _checksum_ok(line):
                # pynmea2 is not asked about unknown types, so check what it would have.
                c.bad_checksum += 1
                c.note(lineno, "bad checksum")
            else:
                c.unknown_type += 1
            return None
        try:
            if self._via_pynmea2:
                record = _pynmea2_record(handler, line)
            else:
                star = line.rfind("*")
                if star < 7 or len(line) != star + 3:
                    raise ValueError("no checksum field")
                record = handler(line[1:3], line[7:star].split(","))
        except _BadChecksum:
            c.bad_checksum += 1
            c.note(lineno, "bad checksum")
            return None
        except NmeaRangeError as exc:
            c.malformed += 1
            c.note(lineno, f"{stype}: {exc}")
            return None
        except Exception:
            # pynmea2 and field conversion raise a zoo of ValueError/IndexError/TypeError/
            # ParseError subclasses; none of them may reach the reader thread. pynmea2 tries
            # its regex before the checksum: a damaged sentence is a checksum failure first.
            if self._via_pynmea2 and not _checksum_ok(line):
                c.bad_checksum += 1
                c.note(lineno, "bad checksum")
            else:
                c.malformed += 1
                c.note(lineno, f"malformed {stype} sentence")
            return None
        c.sentences[stype] = c.sentences.get(stype, 0) + 1
        if stype in _MEMO_TYPES:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            memo[line] = record
        return record
