"""Whether an occupation may start: a live position, close to the marker, antenna standing still.

An occupation averages whatever the antenna reports. Started far from the marker or while
walking, it records the wrong point or fails only after its full length, so it is refused
before the first epoch with the distance and the speed that refused it.

The distance is measured from the latest live epoch to the marker's active stake when it has
one (the monument is where it was set, not where it was designed), else to its design
position. The speed is the receiver's own (RMC/VTG, Doppler-based) when it reports one, else
the displacement over the recent epochs divided by their time span.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.fix import Fix
from fieldapp.survey.local import Position, compare

DEFAULT_MAX_DISTANCE_M = 2.0
DEFAULT_MAX_SPEED_MPS = 0.3
MIN_SPAN_S = 1.0  # positions closer in time than this say nothing reliable about speed


class GuardRefusal(StrEnum):
    """Why an occupation may not start (the order of the checks)."""

    NO_POSITION = "no_position"
    TOO_FAR = "too_far"
    MOVING = "moving"


class DistanceFrom(StrEnum):
    """What the distance was measured to."""

    STAKE = "stake"
    DESIGN = "design"


@dataclass(frozen=True, slots=True)
class GuardLimits:
    max_distance_m: float = DEFAULT_MAX_DISTANCE_M
    max_speed_mps: float = DEFAULT_MAX_SPEED_MPS

    def __post_init__(self) -> None:
        for value in (self.max_distance_m, self.max_speed_mps):
            if not math.isfinite(value) or value <= 0:
                raise ValueError(f"occupation limits must be finite and > 0, got {value}")


@dataclass(frozen=True, slots=True)
class GuardResult:
    """The verdict with the figures behind it; ``reason`` is None when the start is allowed."""

    reason: GuardRefusal | None
    distance_m: float | None
    speed_mps: float | None
    measured_to: DistanceFrom
    limits: GuardLimits

    @property
    def allowed(self) -> bool:
        return self.reason is None


def speed_from_positions(recent: Sequence[Fix]) -> float | None:
    """Metres per second between the oldest and newest epoch with a position and a UTC time."""
    timed = [f for f in recent if f.has_position and f.utc is not None]
    if len(timed) < 2:
        return None
    first, last = timed[0], timed[-1]
    assert first.utc is not None and last.utc is not None
    span = (last.utc - first.utc).total_seconds()
    if span < MIN_SPAN_S:
        return None
    assert first.lat is not None and first.lon is not None
    assert last.lat is not None and last.lon is not None
    moved = compare(Position(first.lat, first.lon), Position(last.lat, last.lon)).horizontal_m
    return moved / span


def antenna_speed(latest: Fix, recent: Sequence[Fix] = ()) -> float | None:
    """The receiver's reported speed when it has one, else the speed from recent positions."""
    if latest.speed_mps is not None and math.isfinite(latest.speed_mps):
        return abs(latest.speed_mps)
    return speed_from_positions(recent)


def check_start(
    latest: Fix | None,
    live: bool,
    marker: Position,
    measured_to: DistanceFrom,
    recent: Sequence[Fix] = (),
    limits: GuardLimits | None = None,
) -> GuardResult:
    """May an occupation of ``marker`` start from ``latest``? ``live``: the epoch is not stale."""
    lim = limits or GuardLimits()
    if latest is None or not live or latest.lat is None or latest.lon is None:
        return GuardResult(GuardRefusal.NO_POSITION, None, None, measured_to, lim)
    here = Position(latest.lat, latest.lon)
    distance = compare(Position(marker.lat, marker.lon), here).horizontal_m
    speed = antenna_speed(latest, recent)
    if distance > lim.max_distance_m:
        return GuardResult(GuardRefusal.TOO_FAR, distance, speed, measured_to, lim)
    if speed is not None and speed > lim.max_speed_mps:
        return GuardResult(GuardRefusal.MOVING, distance, speed, measured_to, lim)
    return GuardResult(None, distance, speed, measured_to, lim)
