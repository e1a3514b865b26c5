"""Topcon GTS download format: STX blocks with block-number + XOR checksums, `_` fields."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from fieldapp.gnss.totalstation.model import (
    MAX_RECORDS,
    Observation,
    ParseResult,
    StationRecord,
    TsFileError,
)
from fieldapp.gnss.totalstation.units import (
    FOOT_M,
    UnitError,
    check_circle,
    dms_digits_to_deg,
    parse_decimal,
)

STX, ETX = 0x02, 0x03

# '?' measurement: SD (sign, 8 digits, mm) + unit m/f, V (7 digits), Hz (sign, 7 digits) + angle
# unit (g gon 1e-4, d DDDMMSS), HD (sign, 8 digits) + 't' and trailing values kept undecoded.
_MEASURE_RE = re.compile(
    r"^\?(?P<sd>[+-]\d{8})(?P<du>[mf])(?P<v>\d{7})(?P<hz>[+-]\d{7})(?P<au>[gd])"
    r"(?:(?P<hd>[+-]\d{8})t)?",
    re.ASCII,
)


@dataclass(frozen=True)
class GtsBlock:
    """One transmitted block: the payload and whether its checksum matched."""

    number: int
    payload: str
    line: int
    checksum_ok: bool


def block_checksum(number: int, payload: bytes) -> bytes:
    """Block number digit, then XOR of the payload and that digit as 3 decimal digits."""
    digit = ord(str(number % 10))
    value = digit
    for byte in payload:
        value ^= byte
    return bytes([digit]) + f"{value:03d}".encode()


def split_blocks(data: bytes, result: ParseResult) -> list[GtsBlock]:
    blocks: list[GtsBlock] = []
    pos = 0
    # Lines are counted from the last block on, not from the start each time (quadratic).
    line, counted = 1, 0
    while (start := data.find(bytes([STX]), pos)) >= 0:
        end = data.find(bytes([ETX]), start)
        if end < 0:
            end = len(data)
        body = data[start + 1 : end]
        line += data.count(b"\n", counted, start)
        counted = start
        if len(blocks) > MAX_RECORDS:
            raise TsFileError(line, f"more than {MAX_RECORDS} blocks: not an instrument file")
        payload, check = body[:-4], body[-4:]
        number = len(blocks)
        ok = block_checksum(number, payload) == check
        if not ok:
            result.error(line, f"Topcon block {number}: checksum {check!r} does not match")
        blocks.append(GtsBlock(number, payload.decode("latin-1"), line, ok))
        pos = end + 1
    return blocks


def _angle(digits: str, unit: str) -> float:
    value = int(digits.lstrip("+"))
    deg = value / 1e4 * 0.9 if unit == "g" else dms_digits_to_deg(value * 10)
    return check_circle(deg)


def parse_topcon_gts(data: bytes) -> ParseResult:
    """Fields run across blocks: `_'` station, `_)` instrument height, `_,` target height,
    `_+` point id, `_ ?` measurement, `_*` code. Line numbers are those of the block a record
    starts in."""
    result = ParseResult("topcon-gts")
    blocks = split_blocks(data, result)
    if not blocks:
        result.error(1, "no Topcon GTS blocks (STX ... ETX) found")
        return result
    # Where each block starts in the joined stream, to report a field's line number.
    starts: list[int] = []
    offset = 0
    for block in blocks:
        starts.append(offset)
        offset += len(block.payload)
    stream = "".join(block.payload for block in blocks)
    target_h: float | None = None
    instrument_h: float | None = None
    point_id: str | None = None
    for match in re.finditer(r"_(.)([^_]*)", stream):
        key, value = match.group(1), match.group(2).strip()
        line = blocks[bisect_right(starts, match.start()) - 1].line
        try:
            if key == "'":
                if value:
                    result.records.append(StationRecord(line, value))
            elif key == ")":
                instrument_h = _height(value, "instrument height")
            elif key == ",":
                target_h = _height(value, "target height")
            elif key == "+":
                point_id = value or None
            elif key == " " and value.startswith("?"):
                result.records.append(_measurement(value, line, point_id, target_h, instrument_h))
        except (ValueError, UnitError) as exc:
            result.error(line, f"Topcon field _{key}{value[:20]}: {exc}")
    return result


def _height(value: str, what: str) -> float | None:
    height = parse_decimal(value, what) if value else None
    if height is not None and not -1000.0 <= height <= 1000.0:
        raise UnitError(f"{what} {value!r} is not a set-up height")
    return height


def _measurement(
    value: str, line: int, point_id: str | None, target_h: float | None, ih: float | None
) -> Observation:
    match = _MEASURE_RE.match(value)
    if match is None:
        raise ValueError("measurement not in SD/V/Hz layout")
    metres = 1.0 if match["du"] == "m" else FOOT_M
    hd = int(match["hd"]) / 1000 * metres if match["hd"] else None
    return Observation(
        line,
        point_id=point_id,
        sd=int(match["sd"]) / 1000 * metres or None,
        v=_angle(match["v"], match["au"]),
        hz=_angle(match["hz"], match["au"]),
        hd=hd or None,
        target_h=target_h,
        instrument_h=ih,
    )
