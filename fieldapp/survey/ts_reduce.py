"""Reduce a total-station record sequence (stations, backsights, shots) to coordinates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fieldapp.survey.polar import REFRACTION_K, azimuth_deg, normalize_deg, polar_point


@dataclass(frozen=True)
class SetupEvent:
    line: int
    station_id: str | None
    e: float | None = None
    n: float | None = None
    h: float | None = None
    instrument_h: float | None = None


@dataclass(frozen=True)
class BacksightEvent:
    line: int
    backsight_id: str | None
    azimuth: float | None = None
    hz: float | None = None


@dataclass(frozen=True)
class KnownPointEvent:
    line: int
    point_id: str
    e: float | None
    n: float | None
    h: float | None = None


@dataclass(frozen=True)
class ShotEvent:
    """A raw shot; `recorded_*` are coordinates the instrument stored with it (for checks)."""

    line: int
    point_id: str | None
    hz: float | None
    v: float | None = None
    sd: float | None = None
    hd: float | None = None
    vd: float | None = None
    target_h: float | None = None
    instrument_h: float | None = None
    hz_correction: float | None = None
    recorded_e: float | None = None
    recorded_n: float | None = None
    recorded_h: float | None = None


Event = SetupEvent | BacksightEvent | KnownPointEvent | ShotEvent


@dataclass(frozen=True)
class ComputedPoint:
    point_id: str | None
    e: float
    n: float
    h: float | None
    station_id: str | None
    line: int
    recorded_e: float | None = None
    recorded_n: float | None = None
    recorded_h: float | None = None


@dataclass
class Reduction:
    points: list[ComputedPoint] = field(default_factory=list)
    messages: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Station:
    line: int
    station_id: str | None
    e: float | None
    n: float | None
    h: float | None
    instrument_h: float
    orientation: float = 0.0  # "Hz as set" until a backsight or WI 25 says otherwise
    pending_backsight: str | None = None
    skipped: int = 0


def reduce_events(
    events: Iterable[Event],
    *,
    scale_factor: float = 1.0,
    curvature: bool = False,
    k: float = REFRACTION_K,
) -> Reduction:
    """Walk the file in order, as the instrument did: each set-up applies to the shots after it.

    Orientation: a backsight with azimuth and circle reading fixes it; a backsight point with
    known coordinates fixes it from the circle reading in the record or, failing that, from the
    next shot to that point; a shot carrying an Hz orientation correction (GSI WI 25) sets it;
    otherwise Hz is taken as already oriented.
    """
    out = Reduction()
    known: dict[str, tuple[float, float, float | None]] = {}
    station: _Station | None = None
    unstationed: list[int] = []

    def finish(st: _Station | None) -> None:
        if st is not None and st.skipped:
            out.messages.append(
                (
                    st.line,
                    f"station {st.station_id}: {st.skipped} shots not computed "
                    "(the station has no coordinates in the file)",
                )
            )

    for ev in events:
        if isinstance(ev, KnownPointEvent):
            if ev.e is not None and ev.n is not None:
                known[ev.point_id] = (ev.e, ev.n, ev.h)
        elif isinstance(ev, SetupEvent):
            finish(station)
            e, n, h = ev.e, ev.n, ev.h
            if (e is None or n is None) and ev.station_id in known:
                e, n, h_known = known[ev.station_id]
                h = h if h is not None else h_known
            if ev.station_id and e is not None and n is not None:
                known[ev.station_id] = (e, n, h)
            station = _Station(ev.line, ev.station_id, e, n, h, ev.instrument_h or 0.0)
        elif isinstance(ev, BacksightEvent) and station is not None:
            _orient(station, ev, known, out)
        elif isinstance(ev, ShotEvent):
            if station is None:
                if ev.sd is not None or ev.hd is not None:
                    unstationed.append(ev.line)
                continue
            point = _shot(station, ev, known, scale_factor, curvature, k)
            if point is None:
                continue
            out.points.append(point)
            if point.point_id and point.point_id not in known:
                known[point.point_id] = (point.e, point.n, point.h)
    finish(station)
    if unstationed:
        out.messages.append(
            (
                unstationed[0],
                f"{len(unstationed)} shots before any station record not computed "
                "(the file has no station set-up)",
            )
        )
    return out


def _orient(
    st: _Station,
    ev: BacksightEvent,
    known: dict[str, tuple[float, float, float | None]],
    out: Reduction,
) -> None:
    azimuth = ev.azimuth
    if (
        ev.backsight_id in known
        and st.e is not None
        and st.n is not None
        and ev.backsight_id is not None
    ):
        bs_e, bs_n, _ = known[ev.backsight_id]
        computed = azimuth_deg(st.e, st.n, bs_e, bs_n)
        if azimuth is not None and abs((computed - azimuth + 180) % 360 - 180) > 0.01:
            out.messages.append(
                (
                    ev.line,
                    f"backsight azimuth {azimuth:.5f} differs from coordinates "
                    f"({computed:.5f}); using the coordinates",
                )
            )
        azimuth = computed
    if azimuth is None:
        out.messages.append((ev.line, f"backsight {ev.backsight_id}: no azimuth, no coordinates"))
        return
    if ev.hz is not None:
        st.orientation = normalize_deg(azimuth - ev.hz)
        st.pending_backsight = None
    else:
        st.orientation = azimuth  # applied when the backsight shot arrives
        st.pending_backsight = ev.backsight_id


def _shot(
    st: _Station,
    ev: ShotEvent,
    known: dict[str, tuple[float, float, float | None]],
    scale_factor: float,
    curvature: bool,
    k: float,
) -> ComputedPoint | None:
    if ev.hz is None:
        return None
    if st.pending_backsight is not None and ev.point_id == st.pending_backsight:
        st.orientation = normalize_deg(st.orientation - ev.hz)
        st.pending_backsight = None
    if ev.hz_correction is not None:
        st.orientation = ev.hz_correction
    if ev.sd is None and ev.hd is None:
        return None  # angle-only shot (backsight, direction set): nothing to place
    if st.e is None or st.n is None:
        st.skipped += 1
        return None
    ih = ev.instrument_h if ev.instrument_h is not None else st.instrument_h
    try:
        p = polar_point(
            st.e,
            st.n,
            st.h,
            normalize_deg(ev.hz + st.orientation),
            v=ev.v,
            sd=ev.sd,
            hd=ev.hd,
            vd=ev.vd,
            instrument_h=ih,
            target_h=ev.target_h or 0.0,
            scale_factor=scale_factor,
            curvature=curvature,
            k=k,
        )
    except ValueError:
        return None
    return ComputedPoint(
        ev.point_id,
        p.e,
        p.n,
        p.h,
        st.station_id,
        ev.line,
        ev.recorded_e,
        ev.recorded_n,
        ev.recorded_h,
    )
