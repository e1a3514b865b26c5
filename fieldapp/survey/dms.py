"""Indonesian degrees-minutes-seconds: parse what SK attachments print, format it back.

Accepted: ``116° 05' 12,345" BT``, ``01°22'03.210"LS``, ``116 5 12.345 E``, ``-1.367558``,
hemisphere as BT/BB/LU/LS or E/W/N/S before or after the numbers, decimal comma or point,
Unicode ° ′ ″ (and the curly quotes word processors put in) or ASCII, any spacing.
Typed azimuths (0 to 360, no hemisphere) and the compact D°MM'SS" of instrument readings too.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

Axis = Literal["lat", "lon"]

# Hemisphere letters: Indonesian (Bujur Timur/Barat, Lintang Utara/Selatan) and English.
_HEMISPHERES: dict[str, tuple[Axis, int]] = {
    "BT": ("lon", 1),
    "BB": ("lon", -1),
    "LU": ("lat", 1),
    "LS": ("lat", -1),
    "E": ("lon", 1),
    "W": ("lon", -1),
    "N": ("lat", 1),
    "S": ("lat", -1),
    "T": ("lon", 1),  # "116°05'12" T" appears in hand-typed tables: Timur
    "U": ("lat", 1),  # Utara
}
_HEMI_RE = re.compile(r"^\s*(BT|BB|LU|LS|[EWNSTU])\b\.?|(BT|BB|LU|LS|[EWNSTU])\.?\s*$", re.I)
_DEG_MARKS = "°º˚"
_MIN_MARKS = "'′’‘`´"
_SEC_MARKS = '"″”“'
_NUMBER_RE = re.compile(r"\d+(?:\.\d*)?|\.\d+")
# Marks, colons and spaces all split the fields the same way.
_SEPARATORS_RE = re.compile(rf"[{_DEG_MARKS}{_MIN_MARKS}{_SEC_MARKS}:\s]+")


class DmsError(ValueError):
    """Text that is not a valid angle; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class ParsedAngle:
    """An angle read from text: signed decimal degrees and what the text told about it."""

    degrees: float
    axis: Axis | None  # from the hemisphere letter, None if the text had none
    seconds_decimals: int | None  # decimals of the seconds as typed (None if no seconds)
    text: str


def parse_angle(text: str, axis: Axis | None = None) -> ParsedAngle:
    """Parse one latitude or longitude. ``axis`` checks the range and the hemisphere letter."""
    original = text
    s = text.strip()
    if not s:
        raise DmsError("empty value: expected an angle such as 116° 05' 12,345\" BT")
    s = s.replace(",", ".")
    # Two apostrophes typed for a seconds mark.
    s = s.replace("''", '"').replace("′′", '"')

    hemi_axis: Axis | None = None
    hemi_sign = 1
    m = _HEMI_RE.search(s)
    if m:
        letters = (m.group(1) or m.group(2)).upper()
        hemi_axis, hemi_sign = _HEMISPHERES[letters]
        s = (s[: m.start()] + s[m.end() :]).strip()
    if axis is not None and hemi_axis is not None and hemi_axis != axis:
        want = "BT/BB (E/W)" if axis == "lon" else "LU/LS (N/S)"
        raise DmsError(f"{original!r}: hemisphere says {hemi_axis}, expected {want}")

    sign = 1
    if s.startswith(("-", "−")):
        sign = -1
        s = s[1:].strip()
    elif s.startswith("+"):
        s = s[1:].strip()
    if sign < 0 and hemi_axis is not None:
        raise DmsError(f"{original!r}: a minus sign and a hemisphere letter together are ambiguous")

    for ch in s:
        if not (
            ch.isdigit() or ch in ".:" or ch.isspace() or ch in _DEG_MARKS + _MIN_MARKS + _SEC_MARKS
        ):
            hint = " (a letter O typed for a zero?)" if ch in "oO" else ""
            raise DmsError(f"{original!r}: unexpected character {ch!r}{hint}")
    fields = _split_fields(s)
    if not fields or any(not _NUMBER_RE.fullmatch(f) for f in fields):
        raise DmsError(f"{original!r}: expected degrees [minutes [seconds]] as numbers")
    if len(fields) > 3:
        raise DmsError(f"{original!r}: more than three numbers (degrees, minutes, seconds)")

    values = [float(f) for f in fields]
    seconds_decimals: int | None = None
    if problem := _fraction_before_smaller_unit(fields):
        raise DmsError(f"{original!r}: {problem}")
    if len(fields) >= 2 and values[1] >= 60:
        raise DmsError(f"{original!r}: minutes {fields[1]} out of range (0 to 59)")
    if len(fields) == 3:
        if values[2] >= 60:
            raise DmsError(f"{original!r}: seconds {fields[2]} out of range (0 to less than 60)")
        seconds_decimals = len(fields[2].split(".")[1]) if "." in fields[2] else 0

    value = _from_sexagesimal(values) * sign * hemi_sign
    check_axis = axis or hemi_axis
    limit = 90.0 if check_axis == "lat" else 180.0
    if abs(value) > limit:
        raise DmsError(
            f"{original!r}: {abs(value):.6f}° is out of range for a {check_axis or 'coordinate'}"
        )
    return ParsedAngle(value, hemi_axis, seconds_decimals, original)


def parse_azimuth(text: str) -> float:
    """A typed azimuth: ``123 45 06``, ``123°45'06,5"`` or decimal degrees ``123,7517``.

    Whole degrees with minutes and seconds, or one decimal number; the result is in [0, 360).
    """
    original = text
    s = text.strip().replace(",", ".")
    if not s:
        raise DmsError("empty azimuth: expected degrees minutes seconds, e.g. 123 45 06")
    fields = _split_fields(s)
    if not fields or len(fields) > 3 or any(not _NUMBER_RE.fullmatch(f) for f in fields):
        raise DmsError(f"azimuth {original!r}: expected degrees minutes seconds, e.g. 123 45 06")
    if problem := _fraction_before_smaller_unit(fields):
        raise DmsError(f"azimuth {original!r}: {problem}")
    values = [float(f) for f in fields]
    if any(v >= 60 for v in values[1:]):
        raise DmsError(f"azimuth {original!r}: minutes and seconds must be below 60")
    value = _from_sexagesimal(values)
    if value >= 360.0:
        raise DmsError(f"azimuth {original!r}: must be below 360°")
    return value


def _split_fields(s: str) -> list[str]:
    return [f for f in _SEPARATORS_RE.split(s) if f]


def _fraction_before_smaller_unit(fields: list[str]) -> str | None:
    """What is wrong when degrees or minutes carry decimals although a smaller unit follows."""
    if len(fields) > 1 and "." in fields[0]:
        return "degrees must be whole when minutes follow"
    if len(fields) == 3 and "." in fields[1]:
        return "minutes must be whole when seconds follow"
    return None


def _from_sexagesimal(values: list[float]) -> float:
    return values[0] + sum(v / 60.0**i for i, v in enumerate(values[1:], start=1))


def _sexagesimal_parts(value: float, decimals: int) -> tuple[int, int, str, bool]:
    """|value| as whole degrees, minutes, seconds text with ``decimals``; False if it rounds to 0.

    Works in integer units of the last decimal so rounding carries into minutes and degrees.
    """
    unit = 10**decimals
    total = round(abs(value) * 3600 * unit)
    deg, rem = divmod(total, 3600 * unit)
    minutes, sec_units = divmod(rem, 60 * unit)
    sec_int, sec_frac = divmod(sec_units, unit)
    seconds = f"{sec_int:02d}" + (f".{sec_frac:0{decimals}d}" if decimals > 0 else "")
    return deg, minutes, seconds, total != 0


def format_angle(deg: float, *, signed: bool = False, decimals: int = 0) -> str:
    """Degrees to D°MM'SS" (rounding carries into minutes and degrees); ``+``/``-`` if signed."""
    if not math.isfinite(deg):
        raise ValueError(f"cannot format {deg!r} as an angle")
    d, m, seconds, nonzero = _sexagesimal_parts(deg, decimals)
    sign = "-" if deg < 0 and nonzero else ("+" if signed else "")
    return f"{sign}{d}°{m:02d}'{seconds}\""


def format_dms(
    value: float,
    axis: Axis,
    decimals: int = 3,
    *,
    decimal_comma: bool = True,
    unicode_marks: bool = False,
    english: bool = False,
) -> str:
    """Format signed degrees the way an SK prints them: ``01° 22' 03,210" LS``."""
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as an angle")
    if english:
        hemi = ("N" if value >= 0 else "S") if axis == "lat" else ("E" if value >= 0 else "W")
    else:
        hemi = ("LU" if value >= 0 else "LS") if axis == "lat" else ("BT" if value >= 0 else "BB")
    deg, minutes, seconds, _ = _sexagesimal_parts(value, decimals)
    if decimal_comma:
        seconds = seconds.replace(".", ",")
    m_mark, s_mark = ("′", "″") if unicode_marks else ("'", '"')
    return f"{deg:02d}° {minutes:02d}{m_mark} {seconds}{s_mark} {hemi}"


def on_seconds_grid(value: float, decimals: int = 3) -> bool:
    """True when the angle is a whole multiple of 10^-decimals arc seconds (to float noise)."""
    scaled = abs(value) * 3600 * 10**decimals
    return bool(abs(scaled - round(scaled)) < 1e-3)
