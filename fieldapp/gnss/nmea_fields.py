"""NMEA fields at the boundary: each one typed and range-checked, or the sentence refused."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from fieldapp.gnss.fix import (
    CORRECTION_AGE_MAX_S,
    DOP_MAX,
    GEOID_SEP_MAX_M,
    HEIGHT_RANGE_M,
    SATS_MAX,
    SPEED_MAX_MPS,
)

KNOT_MPS = 1852.0 / 3600.0
# Receivers write these DOPs when they have no solution: "no DOP", not a bad sentence.
_NO_DOP = 99.0
# Field texts repeat: every sentence of an epoch carries its time, GGA/RMC/GLL the same
# position, a receiver at rest the same DOPs and heights epoch after epoch. The conversions
# below are pure (a str in, an immutable value out), so a small cache answers most of them
# at the cost of a hash lookup; failures are not cached and raise again with their message.
_cached = lru_cache(maxsize=256)


class NmeaRangeError(ValueError):
    """A field holds a number no receiver can report (1e308 m, a DOP of -1, NaN)."""


def _f(s: str) -> float | None:
    """A number that must be finite when present: NaN or inf make the sentence malformed."""
    if not s:
        return None
    v = float(s)
    if not math.isfinite(v):
        raise NmeaRangeError(f"{s!r} is not a finite number")
    return v


@_cached
def _soft(s: str) -> float | None:
    """GST fields: a non-finite value is "no statistic"; check_gst decides what to trust."""
    if not s:
        return None
    v = float(s)
    return v if math.isfinite(v) else None


def _ranged(s: str, name: str, low: float, high: float) -> float | None:
    v = _f(s)
    if v is not None and not low <= v <= high:
        raise NmeaRangeError(f"{name} {s} outside {low:g}..{high:g}")
    return v


@_cached
def _dop(s: str, name: str) -> float | None:
    v = _ranged(s, name, 0.0, DOP_MAX)
    # 0 and 99.x are what receivers write without a solution: the DOP is absent, not bad.
    if v is None or v == 0.0 or v >= _NO_DOP:
        return None
    return v


@_cached
def _height(s: str) -> float | None:
    return _ranged(s, "altitude", *HEIGHT_RANGE_M)


@_cached
def _sep(s: str) -> float | None:
    return _ranged(s, "geoid separation", -GEOID_SEP_MAX_M, GEOID_SEP_MAX_M)


@_cached
def _age(s: str) -> float | None:
    return _ranged(s, "correction age", 0.0, CORRECTION_AGE_MAX_S)


@_cached
def _count(s: str) -> int | None:
    v = _i(s)
    if v is not None and not 0 <= v <= SATS_MAX:
        raise NmeaRangeError(f"satellite count {s} outside 0..{SATS_MAX}")
    return v


@_cached
def _angle(s: str, name: str) -> float | None:
    return _ranged(s, name, 0.0, 360.0)


@_cached
def _speed_kn(s: str) -> float | None:
    kn = _ranged(s, "speed", 0.0, SPEED_MAX_MPS / KNOT_MPS)
    return kn * KNOT_MPS if kn is not None else None


@_cached
def _speed_kmh(s: str) -> float | None:
    kmh = _ranged(s, "speed", 0.0, SPEED_MAX_MPS * 3.6)
    return kmh / 3.6 if kmh is not None else None


def _i(s: str) -> int | None:
    return int(s) if s else None


def _s(s: str) -> str | None:
    return s or None


@_cached
def parse_time_ms(s: str) -> int | None:
    """``hhmmss[.sss]`` -> milliseconds of the day; None when empty."""
    if not s:
        return None
    if len(s) < 6 or not s[:6].isdigit():
        raise ValueError(f"bad time {s!r}")
    h = int(s[0:2])
    m = int(s[2:4])
    sec = float(s[4:])
    if h > 23 or m > 59 or not 0.0 <= sec < 61.0:
        raise ValueError(f"bad time {s!r}")
    return h * 3_600_000 + m * 60_000 + round(sec * 1000)


@_cached
def parse_coord(value: str, hemi: str, max_deg: int) -> float | None:
    """``(d)ddmm.mmmmmmmm`` + hemisphere -> signed decimal degrees at full precision.

    Computed here rather than by pynmea2 so the minutes keep every digit and an empty
    field stays None instead of becoming 0.0.
    """
    if not value:
        return None
    dot = value.find(".")
    if dot < 0:
        dot = len(value)
    if dot < 3:
        raise ValueError(f"bad coordinate {value!r}")
    deg = int(value[: dot - 2])
    minutes = float(value[dot - 2 :])
    if not 0.0 <= minutes < 60.0 or deg < 0:
        raise ValueError(f"bad coordinate {value!r}")
    out = deg + minutes / 60.0
    if out > max_deg:
        raise ValueError(f"coordinate out of range {value!r}")
    if hemi in ("S", "W"):
        return -out
    if hemi in ("N", "E"):
        return out
    raise ValueError(f"bad hemisphere {hemi!r}")


def _latlon(d: list[str], i: int) -> tuple[float | None, float | None]:
    lat = parse_coord(d[i], d[i + 1], 90)
    lon = parse_coord(d[i + 2], d[i + 3], 180)
    if lat is None or lon is None:
        return None, None
    return lat, lon


@_cached
def _date_ddmmyy(s: str) -> dt.date | None:
    if not s:
        return None
    # Two-digit years: GNSS output before 1980 does not exist.
    yy = int(s[4:6])
    return dt.date(2000 + yy if yy < 80 else 1900 + yy, int(s[2:4]), int(s[0:2]))


__all__ = ["KNOT_MPS", "NmeaRangeError", "parse_coord", "parse_time_ms"]
