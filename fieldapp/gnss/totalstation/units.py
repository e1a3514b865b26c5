"""Angle and length units instruments write, decoded to decimal degrees and metres."""

from __future__ import annotations

import re
from enum import Enum

FOOT_M = 0.3048  # international foot; US survey foot differs by 2 ppm, below any GSI resolution


class AngleUnit(Enum):
    GON = "gon"
    DEGREES = "deg"
    DMS = "dms"  # DDD.MMSS(s) packed sexagesimal
    MIL = "mil"  # 6400 mil to the circle (NATO)


class UnitError(ValueError):
    """A value that cannot be what its unit says (minutes >= 60, angle beyond the circle...)."""


# What instruments write: optional sign, ASCII digits, at most one decimal point. No exponent,
# no "nan"/"inf", no Unicode digits ('²' passes str.isdigit() but not int()), no '1_000'.
_DECIMAL_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)", re.ASCII)
# A number field of more digits than this is corrupt (and int() of thousands refuses).
_MAX_DIGITS = 24


def ascii_digits(text: str) -> bool:
    """True for a non-empty run of the ten ASCII digits only."""
    return text.isascii() and text.isdigit()


def parse_decimal(text: str, what: str) -> float:
    """``text`` as an instrument writes a number, or :class:`UnitError` naming ``what``."""
    text = text.strip()
    if len(text) > _MAX_DIGITS or _DECIMAL_RE.fullmatch(text) is None:
        raise UnitError(f"{what} {text[:24]!r} is not a number")
    return float(text)


def gon_to_deg(value: float) -> float:
    return value * 0.9


def mil_to_deg(value: float) -> float:
    return value * 360.0 / 6400.0


def dms_to_deg(value: float) -> float:
    """DDD.MMSSs as a float (e.g. 120.4708 = 120°47'08") to decimal degrees."""
    sign = -1.0 if value < 0 else 1.0
    # Work in integer tenths of arc seconds so float noise cannot carry 59.9999" into a minute.
    tenths = round(abs(value) * 1e5)
    return sign * dms_digits_to_deg(tenths)


def dms_digits_to_deg(tenths: int) -> float:
    """Packed integer DDDMMSSs (last digit tenths of seconds) to decimal degrees, checked."""
    degrees, rest = divmod(tenths, 100000)
    minutes, sec_tenths = divmod(rest, 1000)
    if minutes >= 60 or sec_tenths >= 600:
        raise UnitError(f"not a DDD.MMSS value: {degrees}°{minutes}'{sec_tenths / 10}\"")
    return degrees + minutes / 60.0 + sec_tenths / 36000.0


def dms_text_to_deg(text: str) -> float:
    """'120.4708' or '88.56545' (DDD.MMSS with optional tenths) exactly, without float noise."""
    text = text.strip()
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("+-").partition(".")
    frac = (frac + "00000")[:5]
    if (
        (not ascii_digits(whole) and whole != "")
        or not ascii_digits(frac)
        or len(whole) > _MAX_DIGITS
    ):
        raise UnitError(f"not a DDD.MMSS value: {text!r}")
    value = dms_digits_to_deg(int(whole or "0") * 100000 + int(frac))
    return -value if negative else value


def angle_to_deg(value: float, unit: AngleUnit) -> float:
    if unit is AngleUnit.GON:
        return gon_to_deg(value)
    if unit is AngleUnit.MIL:
        return mil_to_deg(value)
    if unit is AngleUnit.DMS:
        return dms_to_deg(value)
    return value


def check_circle(deg: float) -> float:
    """Angles an instrument writes lie on one circle; anything else is corrupt input."""
    if not -1e-9 <= deg <= 360.0 + 1e-9:
        raise UnitError(f"angle {deg:.5f}° outside 0..360°")
    return deg


def deg_to_dms_text(deg: float, decimals: int = 1) -> str:
    """Decimal degrees to D°MM'SS.s" for tables."""
    sign = "-" if deg < 0 else ""
    scale = 10**decimals
    total = round(abs(deg) * 3600 * scale)
    d, rest = divmod(total, 3600 * scale)
    m, s = divmod(rest, 60 * scale)
    return f"{sign}{d}°{m:02d}'{s / scale:0{3 + decimals if decimals else 2}.{decimals}f}\""
