"""Stake-out guidance: from where the pole or prism is now to the design point of a marker.

Everything is computed on the job grid (dN, dE, grid distance, grid azimuth) and then
converted for the surveyor: ground distance = grid distance / combined factor of the line
(Simpson's rule point scale x elevation factor at the mean height), true azimuth = grid
azimuth of the chord - arc-to-chord correction + meridian convergence at the current point.
Heights (``h``) of positions and targets must be in one height system; the elevation factor
assumes they are close to ellipsoidal heights (an MSL height 60 m off changes it by 1e-5).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from fieldapp.gnss.fix import Fix
from fieldapp.survey.crs import TM3_FE, TM3_K0, GridSpec, transform
from fieldapp.survey.models import Marker, MarkerStatus
from fieldapp.survey.occupation_gates import HEIGHT_RANGE_M, within
from fieldapp.survey.scale import grid_factors, line_scale_factor, mean_radius
from fieldapp.survey.stake_quality import (
    PositionQuality,
    QualityProblem,
    QualityProfile,
    QualityVerdict,
    RequiredFix,
    SigmaKind,
    check_quality,
)

__all__ = [
    "PositionQuality",
    "QualityProblem",
    "QualityProfile",
    "QualityVerdict",
    "RequiredFix",
    "SigmaKind",
    "check_quality",
]

SRGI2013_GEO = GridSpec("SRGI2013", "geographic")
DEFAULT_TOLERANCE_M = 0.10
NEAR_M = 3.0
# RTK noise is 1-3 cm per epoch: 0.5 m of travel gives a heading good to a few degrees.
MIN_MOVE_M = 0.5


class StakeoutError(ValueError):
    """A position or target that guidance cannot use (no position, not a grid)."""


class ToleranceState(StrEnum):
    FAR = "far"
    NEAR = "near"  # closer than NEAR_M
    # Inside the tolerance by distance, but the epoch's fix or sigma cannot prove it.
    QUALITY = "quality"
    WITHIN = "within"  # within the tolerance, and the quality profile proves it


@dataclass(frozen=True, slots=True)
class GridPosition:
    """A point on the job grid with its geographic coordinates (SRGI2013)."""

    e: float
    n: float
    h: float | None
    lat: float
    lon: float
    source: str = "design"  # "gnss", "total_station" or "design"


@dataclass(frozen=True, slots=True)
class StakeTarget:
    """A design point to stake out."""

    name: str
    lat: float
    lon: float
    h: float | None = None
    staked: bool = False

    @classmethod
    def from_marker(cls, marker: Marker) -> StakeTarget:
        return cls(
            marker.name, marker.lat, marker.lon, marker.h, marker.status is not MarkerStatus.PLANNED
        )


@dataclass(frozen=True, slots=True)
class InstrumentOffsets:
    """Offsets as seen from the instrument, along its line to the target."""

    angle_to_turn_deg: float  # from the prism's direction to the target's, + clockwise
    out_m: float  # + move the prism away from the instrument, - toward it ("in")
    right_m: float  # + move the prism to the right as the instrument sees it

    @property
    def in_out(self) -> str:
        return f"{'out' if self.out_m >= 0 else 'in'} {abs(self.out_m):.3f}"

    @property
    def left_right(self) -> str:
        return f"{'right' if self.right_m >= 0 else 'left'} {abs(self.right_m):.3f}"


@dataclass(frozen=True, slots=True)
class Guidance:
    """Where the target is from the current position, in every form the field needs."""

    target: str
    d_n: float  # grid, target - current
    d_e: float
    grid_distance_m: float
    ground_distance_m: float
    combined_factor: float
    grid_azimuth_deg: float  # of the chord current -> target, 0..360
    true_azimuth_deg: float
    convergence_deg: float
    heading_deg: float | None  # grid azimuth of travel, None when unknown
    forward_m: float | None  # + ahead along the direction of travel
    right_m: float | None  # + to the right of the direction of travel
    instrument: InstrumentOffsets | None
    dh_m: float | None  # target h - current h
    cut_fill: Literal["cut", "fill", "on grade"] | None
    state: ToleranceState
    tolerance_m: float
    # The epoch checked against the job's profile; None when nothing was checked (a
    # total-station shot, whose precision is the instrument's, not a fix type's).
    quality: QualityVerdict | None = None

    @property
    def heading_known(self) -> bool:
        return self.heading_deg is not None

    @property
    def quality_ok(self) -> bool:
        """False when the profile was checked and failed: far/near guidance still holds,
        but the screen must say the position cannot prove a stake."""
        return self.quality is None or self.quality.ok


@dataclass(frozen=True, slots=True)
class NearestTarget:
    """The closest target not yet staked."""

    name: str
    grid_distance_m: float
    grid_azimuth_deg: float


def position_from_geographic(
    grid: GridSpec, lat: float, lon: float, h: float | None, source: str = "design"
) -> GridPosition:
    e, n, _ = transform(SRGI2013_GEO, grid, lon, lat)
    return GridPosition(e, n, h, lat, lon, source)


def position_from_grid(
    grid: GridSpec, e: float, n: float, h: float | None, source: str = "total_station"
) -> GridPosition:
    """A total-station shot (E/N/H on the job grid)."""
    lon, lat, _ = transform(grid, SRGI2013_GEO, e, n)
    return GridPosition(e, n, h, lat, lon, source)


def position_from_fix(grid: GridSpec, fix: Fix) -> GridPosition:
    """A GNSS epoch; the height is ellipsoidal when the receiver gives it."""
    if fix.lat is None or fix.lon is None:
        raise StakeoutError("the receiver has no position in this epoch")
    if not (within(fix.lat, -90.0, 90.0) and within(fix.lon, -180.0, 180.0)):
        raise StakeoutError(f"the receiver's position {fix.lat}, {fix.lon} is not plausible")
    h = fix.height
    if h is None and fix.alt_msl is not None:
        h = fix.alt_msl + (fix.geoid_sep or 0.0)
    if h is not None and not within(h, *HEIGHT_RANGE_M):
        h = None  # a NaN or absurd height is no height: guidance goes on horizontally
    return position_from_geographic(grid, fix.lat, fix.lon, h, "gnss")


def target_position(grid: GridSpec, target: StakeTarget) -> GridPosition:
    return position_from_geographic(grid, target.lat, target.lon, target.h)


def grid_azimuth(d_e: float, d_n: float) -> float:
    """Grid azimuth 0..360 clockwise from grid north."""
    return math.degrees(math.atan2(d_e, d_n)) % 360.0


def wrap180(angle: float) -> float:
    """An angle in (-180, 180]."""
    a = (angle + 180.0) % 360.0 - 180.0
    return 180.0 if a == -180.0 else a


def _false_easting_k0(grid: GridSpec) -> tuple[float, float]:
    return (500_000.0, 0.9996) if grid.kind == "utm" else (TM3_FE, TM3_K0)


def arc_to_chord_deg(grid: GridSpec, p1: GridPosition, p2: GridPosition) -> float:
    """(t - T) at p1: chord grid azimuth minus the grid azimuth of the projected geodesic.

    Transverse Mercator second-order term (Redfearn): the geodesic bows toward the central
    meridian; over 1 km at 200 km from it the two differ by ~1.4e-4 degrees.
    """
    fe, k0 = _false_easting_k0(grid)
    e1, e2 = p1.e - fe, p2.e - fe
    r2 = mean_radius((p1.lat + p2.lat) / 2) ** 2
    return math.degrees(-(p2.n - p1.n) * (2 * e1 + e2) / (6 * r2 * k0 * k0))


def _grid_datum_lonlat(grid: GridSpec, pos: GridPosition) -> tuple[float, float]:
    # Scale and convergence belong to the grid's own datum: DGN95 is rotated from SRGI2013
    # by ~0.02", which would show as 4e-6 degrees of azimuth.
    if grid.datum == "SRGI2013":
        return pos.lon, pos.lat
    lon, lat, _ = transform(grid, GridSpec(grid.datum, "geographic"), pos.e, pos.n)
    return lon, lat


def _mean_h(*hs: float | None) -> float:
    known = [h for h in hs if h is not None]
    return sum(known) / len(known) if known else 0.0


def line_factor(grid: GridSpec, a: GridPosition, b: GridPosition) -> float:
    """Combined factor (grid / ground) of the line a -> b at the mean of their known heights."""
    a_ll, b_ll = _grid_datum_lonlat(grid, a), _grid_datum_lonlat(grid, b)
    return line_scale_factor(grid, a_ll, b_ll, _mean_h(a.h, b.h))


def guidance(
    grid: GridSpec,
    current: GridPosition,
    target: StakeTarget,
    *,
    heading_deg: float | None = None,
    station: GridPosition | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    near_m: float = NEAR_M,
    profile: QualityProfile | None = None,
    position_quality: PositionQuality | None = None,
) -> Guidance:
    """Guidance from ``current`` to ``target``; ``station`` is the total station, if any.

    With a ``profile`` (every GNSS caller) its tolerance is used and ``position_quality`` (of
    the epoch; None counts as no fix and no sigma) must pass it for WITHIN: otherwise a
    position inside the tolerance is QUALITY. FAR and NEAR stay as the distance says.
    """
    verdict: QualityVerdict | None = None
    if profile is not None:
        tolerance_m = profile.tolerance_m
        pq = position_quality or PositionQuality(None, None, None, SigmaKind.MISSING)
        verdict = check_quality(profile, pq)
    if grid.is_geographic:
        raise StakeoutError(f"stake-out needs a projected grid, not {grid.name}")
    tp = target_position(grid, target)
    d_e, d_n = tp.e - current.e, tp.n - current.n
    dist = math.hypot(d_e, d_n)
    az = grid_azimuth(d_e, d_n)
    factor = line_factor(grid, current, tp)
    gamma = grid_factors(grid, *_grid_datum_lonlat(grid, current)).convergence_deg
    true_az = (az - arc_to_chord_deg(grid, current, tp) + gamma) % 360.0
    ground = dist / factor
    forward = right = None
    if heading_deg is not None:
        th = math.radians(heading_deg)
        forward = d_n * math.cos(th) + d_e * math.sin(th)
        right = d_e * math.cos(th) - d_n * math.sin(th)
    dh: float | None = None
    cut_fill: Literal["cut", "fill", "on grade"] | None = None
    if within(target.h, *HEIGHT_RANGE_M) and within(current.h, *HEIGHT_RANGE_M):
        assert target.h is not None and current.h is not None
        dh = target.h - current.h
        # Ground above the design height is cut, below it is fill.
        cut_fill = "on grade" if abs(dh) <= tolerance_m else ("cut" if dh < 0 else "fill")
    if ground <= tolerance_m:
        state = ToleranceState.WITHIN if verdict is None or verdict.ok else ToleranceState.QUALITY
    elif ground < near_m:
        state = ToleranceState.NEAR
    else:
        state = ToleranceState.FAR
    offsets = instrument_offsets(station, current, tp) if station is not None else None
    return Guidance(
        target.name, d_n, d_e, dist, ground, factor, az, true_az, gamma,
        heading_deg, forward, right, offsets, dh, cut_fill, state, tolerance_m, verdict,
    )  # fmt: skip


def instrument_offsets(
    station: GridPosition, prism: GridPosition, target: GridPosition
) -> InstrumentOffsets:
    """In/out and left/right of the prism against the line instrument -> target."""
    se, sn = target.e - station.e, target.n - station.n
    length = math.hypot(se, sn)
    if length == 0.0:
        raise StakeoutError("the target is on the instrument station: no line to guide along")
    ue, un = se / length, sn / length
    de, dn = target.e - prism.e, target.n - prism.n
    turn = wrap180(grid_azimuth(se, sn) - grid_azimuth(prism.e - station.e, prism.n - station.n))
    # Right-hand normal of the line of sight (looking from the instrument): (un, -ue).
    return InstrumentOffsets(turn, de * ue + dn * un, de * un - dn * ue)


class TravelHeading:
    """Direction of travel from recent positions; unknown until the pole has really moved."""

    def __init__(self, min_move_m: float = MIN_MOVE_M, history: int = 30) -> None:
        self.min_move_m = min_move_m
        self._recent: deque[GridPosition] = deque(maxlen=history)
        self.heading_deg: float | None = None

    def update(self, pos: GridPosition) -> float | None:
        """Add a position; the heading is from the latest one at least min_move_m back."""
        self._recent.append(pos)
        for old in reversed(list(self._recent)[:-1]):
            if math.hypot(pos.e - old.e, pos.n - old.n) >= self.min_move_m:
                self.heading_deg = grid_azimuth(pos.e - old.e, pos.n - old.n)
                return self.heading_deg
        # Every position in the window is within min_move_m: standing still (or just
        # started), so any direction would be noise.
        self.heading_deg = None
        return self.heading_deg


def nearest_unstaked(
    grid: GridSpec, current: GridPosition, targets: Iterable[StakeTarget]
) -> NearestTarget | None:
    """The closest target that is not staked yet, by grid distance; None if all are staked."""
    best: NearestTarget | None = None
    for t in targets:
        if t.staked:
            continue
        tp = target_position(grid, t)
        d = math.hypot(tp.e - current.e, tp.n - current.n)
        if best is None or d < best.grid_distance_m:
            best = NearestTarget(t.name, d, grid_azimuth(tp.e - current.e, tp.n - current.n))
    return best


def targets_from_markers(markers: Sequence[Marker]) -> list[StakeTarget]:
    return [StakeTarget.from_marker(m) for m in markers]
