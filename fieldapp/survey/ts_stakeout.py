"""Total-station stake-out: orient on a backsight, reduce a shot to the prism, guide to a target.

Distances: the EDM measures on the ground. A ground horizontal distance times the combined
factor of its line (point scale by Simpson's rule x elevation factor at the mean height, see
:mod:`fieldapp.survey.scale`) is the grid distance. Coordinates (station, prism, target) are
grid values; what the surveyor reads and tapes (distance to set, in/out, left/right) is ground.
Angles: Hz is the instrument's horizontal circle reading, V the zenith angle; the setup's
orientation turns a circle reading into a grid azimuth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.survey import dms
from fieldapp.survey.crs import GridSpec
from fieldapp.survey.dms import format_angle as format_angle  # the UI imports it from here
from fieldapp.survey.polar import (
    PolarPoint,
    curvature_refraction,
    normalize_deg,
    polar_point,
    reduce_distances,
)
from fieldapp.survey.stakeout import (
    DEFAULT_TOLERANCE_M,
    NEAR_M,
    GridPosition,
    Guidance,
    StakeoutError,
    StakeTarget,
    ToleranceState,
    grid_azimuth,
    guidance,
    line_factor,
    position_from_grid,
    target_position,
)
from fieldapp.survey.station import (
    StationSetup,
    setup_on_backsight_azimuth,
    setup_on_backsight_point,
)


class TsInputError(ValueError):
    """A typed value the total-station setup cannot use; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class TsShot:
    """One instrument measurement: Hz and V (zenith) in degrees, slope distance in ground metres.

    ``sd`` is None for an angles-only reading (a backsight without a distance).
    """

    hz: float
    v: float
    sd: float | None
    target_h: float = 0.0


@dataclass(frozen=True, slots=True)
class PrismFix:
    """Where a shot puts the prism's ground point on the job grid."""

    position: GridPosition
    azimuth_deg: float  # grid azimuth station -> prism
    ground_hd_m: float  # horizontal distance as the EDM measured it
    grid_hd_m: float  # ground_hd_m x scale_factor
    scale_factor: float  # combined factor of the line station -> prism


@dataclass(frozen=True, slots=True)
class Aim:
    """Where to point the instrument for a target and the distance to set out along it."""

    target: str
    target_hz_deg: float  # circle reading that looks at the target
    azimuth_deg: float  # grid azimuth station -> target
    grid_hd_m: float
    ground_hd_m: float  # what the EDM reads (horizontal) with the prism on the target
    scale_factor: float  # combined factor of the line station -> target


@dataclass(frozen=True, slots=True)
class TsGuidance:
    """Guidance from one shot: what to turn, how far in/out and left/right, in ground metres."""

    prism: PrismFix
    aim: Aim
    guidance: Guidance  # prism -> target on the grid (distance, deltas, tolerance state)
    angle_to_turn_deg: float  # from this shot's line of sight to the target, + clockwise
    out_m: float  # + move the prism away from the instrument, - toward it ("in")
    right_m: float  # + move the prism to the right as the instrument sees it
    dh_m: float | None  # target h - prism ground h; None when a height is unknown

    @property
    def state(self) -> ToleranceState:
        return self.guidance.state


def parse_azimuth(text: str) -> float:
    """A typed azimuth (see :func:`fieldapp.survey.dms.parse_azimuth`) in [0, 360)."""
    try:
        return dms.parse_azimuth(text)
    except dms.DmsError as exc:
        # The setup's callers catch TsInputError for everything typed into it.
        raise TsInputError(str(exc)) from exc


def station_position(grid: GridSpec, setup: StationSetup) -> GridPosition:
    return position_from_grid(grid, setup.e, setup.n, setup.h, "total_station")


def orient_on_backsight_point(
    grid: GridSpec,
    station: GridPosition,
    instrument_h: float,
    backsight: GridPosition,
    shot: TsShot,
    *,
    station_id: str | None = None,
    backsight_id: str | None = None,
) -> StationSetup:
    """Orientation from the circle reading to a known backsight; its distance, if measured,
    is compared with the grid distance (residual in grid metres)."""
    _check_height(instrument_h, "instrument height")
    measured_hd = None
    factor = 1.0
    if shot.sd is not None:
        measured_hd, _ = reduce_distances(shot.v, shot.sd, None, None)
        factor = line_factor(grid, station, backsight)
    try:
        return setup_on_backsight_point(
            station_id, station.e, station.n, station.h, instrument_h,
            backsight_id=backsight_id, backsight_e=backsight.e, backsight_n=backsight.n,
            backsight_hz=shot.hz, measured_hd=measured_hd, scale_factor=factor,
        )  # fmt: skip
    except ValueError as exc:
        raise TsInputError(f"backsight {backsight_id or ''}: {exc}") from exc


def orient_on_azimuth(
    station: GridPosition,
    instrument_h: float,
    azimuth_deg: float,
    backsight_hz: float,
    *,
    station_id: str | None = None,
) -> StationSetup:
    """Orientation from a known grid azimuth and the circle reading along it."""
    _check_height(instrument_h, "instrument height")
    return setup_on_backsight_azimuth(
        station_id, station.e, station.n, station.h, instrument_h,
        azimuth=azimuth_deg, backsight_hz=backsight_hz,
    )  # fmt: skip


def _check_height(value: float, what: str) -> None:
    if not math.isfinite(value) or not -5.0 <= value <= 10.0:
        raise TsInputError(f"{what} {value} m: expected metres between -5 and 10")


def reduce_shot(grid: GridSpec, setup: StationSetup, shot: TsShot) -> PrismFix:
    """The prism's ground point on the grid (heights: station h + instrument h + dH - target h)."""
    if shot.sd is None:
        raise TsInputError("the shot has no distance: measure with the EDM on the prism")
    _check_height(shot.target_h, "target height")
    az = setup.azimuth(shot.hz)
    station = station_position(grid, setup)

    def at(factor: float) -> tuple[PolarPoint, GridPosition]:
        p = polar_point(setup.e, setup.n, setup.h, az, v=shot.v, sd=shot.sd,
                        instrument_h=setup.instrument_h, target_h=shot.target_h,
                        scale_factor=factor, curvature=True)  # fmt: skip
        return p, position_from_grid(grid, p.e, p.n, p.h, "total_station")

    # The line factor needs the far end; a first pass with factor 1 places it well enough
    # (a 1e-3 shift of a point changes the factor by ~1e-10).
    factor = line_factor(grid, station, at(1.0)[1])
    p, pos = at(factor)
    return PrismFix(pos, az, p.ground_hd, p.grid_hd, factor)


def expected_shot(
    grid: GridSpec, setup: StationSetup, point: GridPosition, target_h: float = 0.0
) -> TsShot:
    """The reading a correct instrument gives on a prism over ``point`` (inverse of reduce_shot).

    Without heights on both ends the line is taken as level (V = 90 degrees).
    """
    line = _aim_at(grid, setup, "", point)
    ground_hd = line.ground_hd_m
    dh = 0.0
    if setup.h is not None and point.h is not None:
        dh = point.h + target_h - setup.h - setup.instrument_h - curvature_refraction(ground_hd)
    v = math.degrees(math.atan2(ground_hd, dh))
    return TsShot(line.target_hz_deg, v, math.hypot(ground_hd, dh), target_h)


def aim(grid: GridSpec, setup: StationSetup, target: StakeTarget) -> Aim:
    """Circle reading to set and ground distance to measure for a target, before any shot."""
    to = _aim_at(grid, setup, target.name, target_position(grid, target))
    if to.grid_hd_m < 1e-3:
        raise StakeoutError(f"target {target.name} is on the instrument station")
    return to


def _aim_at(grid: GridSpec, setup: StationSetup, name: str, point: GridPosition) -> Aim:
    station = station_position(grid, setup)
    d_e, d_n = point.e - station.e, point.n - station.n
    grid_hd = math.hypot(d_e, d_n)
    az = grid_azimuth(d_e, d_n)
    factor = line_factor(grid, station, point)
    return Aim(name, normalize_deg(az - setup.orientation), az, grid_hd, grid_hd / factor, factor)


def ts_guidance(
    grid: GridSpec,
    setup: StationSetup,
    shot: TsShot,
    target: StakeTarget,
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    near_m: float = NEAR_M,
) -> TsGuidance:
    """From one shot on the prism: its position, and how to move it onto the target."""
    prism = reduce_shot(grid, setup, shot)
    to = aim(grid, setup, target)
    g = guidance(grid, prism.position, target, station=station_position(grid, setup),
                 tolerance_m=tolerance_m, near_m=near_m)  # fmt: skip
    offsets = g.instrument
    assert offsets is not None  # guidance was given the station
    return TsGuidance(prism, to, g, offsets.angle_to_turn_deg, offsets.out_m / to.scale_factor,
                      offsets.right_m / to.scale_factor, g.dh_m)  # fmt: skip


def describe_shot(setup: StationSetup, shot: TsShot) -> str:
    """The station setup and raw shot in one line, kept with a total-station stake record."""
    back = setup.backsight_id or f"ori {format_angle(normalize_deg(setup.orientation))}"
    sd = "–" if shot.sd is None else f"{shot.sd:.4f}"
    return (
        f"{setup.station_id or 'station'}>{back} Hz {format_angle(shot.hz, decimals=1)} "
        f"V {format_angle(shot.v, decimals=1)} SD {sd} hi {setup.instrument_h:.3f} "
        f"ht {shot.target_h:.3f}"
    )
