"""Sokkia SET real-time output (also Kolida, South and many Nikon/Chinese instruments), sans-IO."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.gnss.totalstation.model import Observation, ParseResult
from fieldapp.gnss.totalstation.units import (
    FOOT_M,
    AngleUnit,
    UnitError,
    ascii_digits,
    check_circle,
    dms_digits_to_deg,
)

# Standard commands: the host sends the byte and CR LF, the instrument answers one line
# "SSSSSSS VVVVVVV HHHHHHH [SUM]" (slope distance, vertical angle, horizontal angle).
REQUEST_DISTANCE_AND_ANGLES = b"\x11\r\n"
REQUEST_ANGLES = b"\x13\r\n"  # 00H on older SET firmware; Kolida documents 13H
STOP_DISTANCE = b"\x12\r\n"


@dataclass(frozen=True)
class SetSettings:
    """How the instrument was set up (the 'B' parameter reply): the line carries no units."""

    angle_unit: AngleUnit = AngleUnit.DMS
    feet: bool = False
    checksum: bool = True


class SetLineError(ValueError):
    pass


def checksum(payload: bytes) -> bytes:
    """Last two hex digits of the byte sum, up to and including the space before the sum."""
    return f"{sum(payload) & 0xFF:02X}".encode()


def _angle(field: str, unit: AngleUnit) -> float:
    if not ascii_digits(field.lstrip("+-")) or len(field) > 12:
        raise UnitError(f"angle {field[:16]!r} is not a number")
    value = int(field)
    if unit is AngleUnit.DMS:
        deg = dms_digits_to_deg(value * 10)  # DDDMMSS, no tenths
    elif unit is AngleUnit.GON:
        deg = value / 1e4 * 0.9
    elif unit is AngleUnit.MIL:
        deg = value / 1e3 * 360.0 / 6400.0
    else:
        deg = value / 1e4
    return check_circle(deg)


def _int(field: str) -> int:
    if not ascii_digits(field.lstrip("+-")) or len(field) > 12:
        raise UnitError(f"distance {field[:16]!r} is not a number")
    return int(field)


def parse_set_line(text: str, settings: SetSettings = SetSettings(), line: int = 1) -> Observation:
    """One reply line; 'Exxx' in a field is the instrument's error code for that value."""
    body = text.rstrip("\r\n")
    fields = body.split()
    if settings.checksum and len(fields) == 4:
        given = fields[3].encode()
        expected = checksum(body[: body.rfind(" ") + 1].encode())
        if given.upper() != expected:
            raise SetLineError(f"checksum {fields[3]} != {expected.decode()}")
        fields = fields[:3]
    if len(fields) != 3:
        raise SetLineError(f"expected 3 fields (SD V Hz), got {len(fields)}")
    errors = [f for f in fields if f.upper().startswith("E")]
    if len(errors) == 3:
        raise SetLineError(f"instrument error {errors[0]}")
    metres = FOOT_M if settings.feet else 1.0
    sd_text, v_text, hz_text = fields
    try:
        sd = None if sd_text.upper().startswith("E") else _int(sd_text) / 1000 * metres
        v = None if v_text.upper().startswith("E") else _angle(v_text, settings.angle_unit)
        hz = None if hz_text.upper().startswith("E") else _angle(hz_text, settings.angle_unit)
        return Observation(line, sd=sd or None, v=v, hz=hz)
    except (ValueError, UnitError) as exc:
        raise SetLineError(str(exc)) from exc


def parse_set_stream(data: bytes, settings: SetSettings = SetSettings()) -> ParseResult:
    """A capture of SET replies, one per line."""
    result = ParseResult("sokkia-set")
    for number, raw in result.lines(data):
        text = raw.strip()
        if not text:
            continue
        try:
            result.records.append(parse_set_line(text, settings, number))
        except SetLineError as exc:
            result.error(number, str(exc))
    return result
