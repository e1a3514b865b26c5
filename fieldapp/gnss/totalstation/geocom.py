"""Leica GeoCOM ASCII subset: measure, read angles, set station and orientation (sans-IO)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.gnss.totalstation.transport import LineReader, Transport

# RPC numbers from the GeoCOM reference (TPS1100/1200 and later).
TMC_DO_MEASURE = 2008
TMC_GET_SIMPLE_MEA = 2108
TMC_GET_ANGLE5 = 2107  # simple angle measurement: Hz, V
TMC_SET_STATION = 2010
TMC_GET_STATION = 2009
TMC_SET_ORIENTATION = 2113
TMC_SET_HEIGHT = 2012

TMC_DEF_DIST = 1  # TMC_DoMeasure command: start a distance measurement
TMC_AUTO_INC = 1  # inclination mode: automatic
GRC_OK = 0
# Return codes after which the values are still usable (accuracy not guaranteed, angle only).
USABLE_CODES = frozenset({GRC_OK, 1283, 1284, 1285, 1288, 1289})


class GeoComError(RuntimeError):
    def __init__(self, rpc: int | None, code: int, message: str = "") -> None:
        super().__init__(message or f"GeoCOM RPC {rpc} returned {code}")
        self.rpc = rpc
        self.code = code


def build_request(
    rpc: int, params: Sequence[float | int | str] = (), tr_id: int | None = None
) -> bytes:
    """%R1Q,<rpc>[,<trid>]:<p1>,<p2>... CR LF; floats in full precision (radians, metres)."""
    head = f"%R1Q,{rpc}" + (f",{tr_id}" if tr_id is not None else "")
    body = ",".join(_format(p) for p in params)
    return f"{head}:{body}\r\n".encode("ascii")


def _format(value: float | int | str) -> str:
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return f'"{value}"'


@dataclass(frozen=True)
class GeoComReply:
    com_code: int
    tr_id: int
    rc: int
    values: tuple[str, ...]

    def floats(self) -> tuple[float, ...]:
        """The values as numbers; ValueError for one that is not finite (NaN, inf, 1e308)."""
        out = tuple(float(v) for v in self.values)
        for value in out:
            # Angles are radians, distances metres: nothing an instrument measures is 1e7.
            if not (math.isfinite(value) and abs(value) < 1e7):
                raise ValueError(f"value {value!r} in the reply is not a measurement")
        return out


def parse_reply(line: bytes) -> GeoComReply:
    """%R1P,<com rc>,<trid>:<rc>,<values...>"""
    text = line.decode("ascii", errors="replace").strip()
    head, sep, body = text.partition(":")
    parts = head.split(",")
    if not sep or len(parts) < 3 or parts[0] != "%R1P":
        raise GeoComError(None, -1, f"not a GeoCOM reply: {text[:40]!r}")
    fields = body.split(",") if body else []
    try:
        com_code, tr_id = int(parts[1]), int(parts[2])
        rc = int(fields[0]) if fields else GRC_OK
    except ValueError as exc:
        raise GeoComError(None, -1, f"malformed GeoCOM reply: {text[:40]!r}") from exc
    if com_code != GRC_OK:
        raise GeoComError(None, com_code, f"GeoCOM communication error {com_code}")
    return GeoComReply(com_code, tr_id, rc, tuple(f.strip() for f in fields[1:]))


@dataclass(frozen=True)
class PolarMeasurement:
    """Angles in decimal degrees (v is the zenith angle); slope distance in metres or None."""

    hz: float
    v: float
    sd: float | None
    rc: int


def decode_simple_measurement(reply: GeoComReply) -> PolarMeasurement:
    """TMC_GetSimpleMea reply: Hz, V (radians), slope distance (m)."""
    _check(reply, TMC_GET_SIMPLE_MEA)
    hz, v, sd = reply.floats()[:3]
    return PolarMeasurement(math.degrees(hz) % 360.0, math.degrees(v), sd or None, reply.rc)


def decode_angles(reply: GeoComReply) -> PolarMeasurement:
    """TMC_GetAngle5 reply: Hz, V (radians)."""
    _check(reply, TMC_GET_ANGLE5)
    hz, v = reply.floats()[:2]
    return PolarMeasurement(math.degrees(hz) % 360.0, math.degrees(v), None, reply.rc)


def _check(reply: GeoComReply, rpc: int) -> None:
    if reply.rc not in USABLE_CODES:
        raise GeoComError(rpc, reply.rc)


def request_measure_distance() -> bytes:
    return build_request(TMC_DO_MEASURE, (TMC_DEF_DIST, TMC_AUTO_INC))


def request_simple_measurement(wait_ms: int = 5000) -> bytes:
    return build_request(TMC_GET_SIMPLE_MEA, (wait_ms, TMC_AUTO_INC))


def request_angles() -> bytes:
    return build_request(TMC_GET_ANGLE5, (TMC_AUTO_INC,))


def request_set_station(e: float, n: float, h: float, instrument_h: float) -> bytes:
    return build_request(TMC_SET_STATION, (float(e), float(n), float(h), float(instrument_h)))


def request_set_orientation(azimuth_deg: float) -> bytes:
    """Sets the horizontal circle so that the current direction reads `azimuth_deg`."""
    return build_request(TMC_SET_ORIENTATION, (math.radians(azimuth_deg % 360.0),))


def request_set_target_height(height: float) -> bytes:
    return build_request(TMC_SET_HEIGHT, (float(height),))


class GeoComClient:
    """Blocking GeoCOM over any Transport; one request, one reply line."""

    def __init__(self, transport: Transport, timeout: float = 10.0) -> None:
        self._transport = transport
        self._lines = LineReader(transport)
        self.timeout = timeout

    def call(self, request: bytes) -> GeoComReply:
        self._transport.write(request)
        return parse_reply(self._lines.read_line(self.timeout))

    def measure(self) -> PolarMeasurement:
        started = self.call(request_measure_distance())
        _check(started, TMC_DO_MEASURE)
        return decode_simple_measurement(self.call(request_simple_measurement()))

    def angles(self) -> PolarMeasurement:
        return decode_angles(self.call(request_angles()))

    def set_station(self, e: float, n: float, h: float, instrument_h: float) -> None:
        _check(self.call(request_set_station(e, n, h, instrument_h)), TMC_SET_STATION)

    def set_orientation(self, azimuth_deg: float) -> None:
        _check(self.call(request_set_orientation(azimuth_deg)), TMC_SET_ORIENTATION)
