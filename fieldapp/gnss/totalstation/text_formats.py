"""Line-oriented text exports: Ruide R2 raw, Topcon GTS-7 (TopSURV), Leica TCR705 report."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fieldapp.gnss.totalstation.model import (
    BacksightRecord,
    KnownPoint,
    Observation,
    ParseResult,
    StationRecord,
)
from fieldapp.gnss.totalstation.units import (
    UnitError,
    check_circle,
    dms_text_to_deg,
    parse_decimal,
)


def _lines(data: bytes, result: ParseResult) -> Iterator[tuple[int, str]]:
    for number, text in result.lines(data):
        yield number, text.strip()


def _float(text: str) -> float | None:
    text = text.strip()
    return parse_decimal(text, "value") if text and not set(text) <= {"-", "."} else None


def _dms(text: str) -> float | None:
    return check_circle(dms_text_to_deg(text)) if text.strip() else None


def parse_ruide_raw(data: bytes) -> ParseResult:
    """Ruide R2 (and similar Chinese) raw CSV: UP known points, ST station, F1 backsight,
    SS side shots; angles DDD.MMSS, HA already an azimuth when the header says so."""
    result = ParseResult("ruide-raw")
    station: StationRecord | None = None
    for line, text in _lines(data, result):
        fields = [f.strip() for f in text.split(",")]
        kind = fields[0]
        try:
            if kind == "UP" and len(fields) >= 6:
                result.records.append(
                    KnownPoint(
                        line,
                        fields[1],
                        _float(fields[3]),
                        _float(fields[4]),
                        _float(fields[5]),
                        fields[6] if len(fields) > 6 and fields[6] else None,
                    )
                )
            elif kind == "ST" and len(fields) >= 8:
                # ST,station,,backsight,,ih,backsight azimuth,circle reading to backsight
                station = StationRecord(line, fields[1], instrument_h=_float(fields[5]))
                result.records.append(station)
                result.records.append(
                    BacksightRecord(
                        line, fields[1], fields[3] or None, _dms(fields[6]), _dms(fields[7])
                    )
                )
            elif kind in ("F1", "F2", "SS") and len(fields) >= 6:
                # point, target height, slope distance, HA, VA
                result.records.append(
                    Observation(
                        line,
                        point_id=fields[1] or None,
                        target_h=_float(fields[2]),
                        sd=_float(fields[3]),
                        hz=_dms(fields[4]),
                        v=_dms(fields[5]),
                        station_id=station.station_id if station else None,
                        instrument_h=station.instrument_h if station else None,
                    )
                )
            elif kind not in ("CO", ""):
                result.warn(line, f"Ruide record {kind!r} not decoded")
        except (ValueError, UnitError) as exc:
            result.error(line, f"{kind} record: {exc}")
    return result


def parse_gts7(data: bytes) -> ParseResult:
    """Topcon GTS-7 text: STN id,ih / XYZ, BKB id,azimuth,circle / BS id,th / SS id,th,code /
    HV or SD angle lines. Angles DDD.MMSS (UNITS M,D); XYZ read as E,N,H (TopSURV order)."""
    result = ParseResult("topcon-gts7")
    pending_xyz: str | None = None  # the record an XYZ line belongs to: "STN" or "BKB"
    station: StationRecord | None = None
    point_id: str | None = None
    target_h: float | None = None
    for line, text in _lines(data, result):
        key, _, rest = text.partition(" ")
        fields = [f.strip() for f in rest.split(",")]
        try:
            if key == "STN":
                station = StationRecord(line, fields[0], instrument_h=_float(fields[1]))
                pending_xyz = "STN"
                result.records.append(station)
            elif key == "XYZ" and pending_xyz == "STN" and station is not None:
                e, n, h = (_float(f) for f in fields[:3])
                result.records[-1] = StationRecord(
                    station.line, station.station_id, e, n, h, station.instrument_h
                )
                pending_xyz = None
            elif key == "XYZ" and pending_xyz == "BKB":
                bs = result.records[-1]
                if isinstance(bs, BacksightRecord) and bs.backsight_id:
                    e, n, h = (_float(f) for f in fields[:3])
                    result.records.append(KnownPoint(line, bs.backsight_id, e, n, h))
                pending_xyz = None
            elif key == "BKB":
                sid = station.station_id if station else None
                result.records.append(
                    BacksightRecord(line, sid, fields[0], _dms(fields[1]), _dms(fields[2]))
                )
                pending_xyz = "BKB"
            elif key in ("BS", "SS", "FS"):
                point_id, target_h = fields[0], _float(fields[1])
            elif key in ("HV", "SD"):
                hz, v = _dms(fields[0]), _dms(fields[1])
                sd = _float(fields[2]) if key == "SD" and len(fields) > 2 else None
                result.records.append(
                    Observation(
                        line,
                        point_id=point_id,
                        hz=hz,
                        v=v,
                        sd=sd,
                        target_h=target_h,
                        station_id=station.station_id if station else None,
                        instrument_h=station.instrument_h if station else None,
                    )
                )
        except (ValueError, UnitError, IndexError) as exc:
            result.error(line, f"{key} record: {exc}")
    return result


_TCR_POINT = re.compile(r"^\s*(\S+),\s*(-?[\d.]+),\s*(-?[\d.]+),\s*(-?[\d.]+),\s*(.*)$", re.ASCII)


def parse_tcr705(data: bytes) -> ParseResult:
    """Leica TCR705 coordinate report: SETUP blocks, then 'id, E, N, H, code' rows (the
    instrument's own coordinates; no raw observations are in this report)."""
    result = ParseResult("leica-tcr705")
    for line, text in _lines(data, result):
        try:
            _tcr705_line(text, line, result)
        except UnitError as exc:
            result.error(line, f"coordinate row: {exc}")
    return result


def _tcr705_line(text: str, line: int, result: ParseResult) -> None:
    if text.startswith("SETUP SN"):
        result.records.append(StationRecord(line, text.split()[-1]))
    elif (match := _TCR_POINT.match(text)) is not None:
        code = match.group(5).replace("-", "").strip() or None
        coords = match.group(2, 3, 4)
        # Rows without a coordinate (orientation and check shots) are filled with '1.00'
        # at two decimals, real coordinates have three: keep them as "no coordinates".
        values = [None if c == "1.00" else parse_decimal(c, "coordinate") for c in coords]
        if None in values:
            values = [None, None, None]
        result.records.append(
            Observation(
                line,
                point_id=match.group(1),
                e=values[0],
                n=values[1],
                h=values[2],
                codes=(code,) if code else (),
            )
        )
