"""Occupation start guard: no live position, too far from the marker, moving; figures kept."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.gnss.fix import Fix
from fieldapp.survey.local import Position, metres_per_degree
from fieldapp.survey.occupation_guard import (
    DistanceFrom,
    GuardLimits,
    GuardRefusal,
    check_start,
    speed_from_positions,
)

MARK = Position(-0.5, 117.15)
KN, KE = metres_per_degree(MARK.lat)


def _fix(north_m: float, second: int = 0, speed: float | None = None) -> Fix:
    t = dt.datetime(2024, 6, 3, 1, 0, second, tzinfo=dt.UTC)
    return Fix(t.time(), t.date(), lat=MARK.lat + north_m / KN, lon=MARK.lon, quality=4,
               speed_mps=speed)  # fmt: skip


def test_no_live_position_is_refused() -> None:
    assert check_start(None, True, MARK, DistanceFrom.DESIGN).reason is GuardRefusal.NO_POSITION
    stale = check_start(_fix(0.0, speed=0.0), False, MARK, DistanceFrom.DESIGN)
    assert stale.reason is GuardRefusal.NO_POSITION and not stale.allowed
    no_pos = Fix(dt.time(1, 0), quality=0)
    assert check_start(no_pos, True, MARK, DistanceFrom.DESIGN).reason is GuardRefusal.NO_POSITION


def test_far_from_the_marker_is_refused_with_the_distance() -> None:
    g = check_start(_fix(2900.0, speed=0.0), True, MARK, DistanceFrom.STAKE)
    assert g.reason is GuardRefusal.TOO_FAR
    assert g.distance_m == pytest.approx(2900.0, abs=0.01)
    assert g.measured_to is DistanceFrom.STAKE
    # Just inside the limit it passes; the limit can be set.
    assert check_start(_fix(1.9, speed=0.0), True, MARK, DistanceFrom.DESIGN).allowed
    tight = GuardLimits(max_distance_m=1.0)
    assert check_start(_fix(1.9, speed=0.0), True, MARK, DistanceFrom.DESIGN, limits=tight).reason \
        is GuardRefusal.TOO_FAR  # fmt: skip


def test_moving_is_refused_with_the_reported_speed() -> None:
    g = check_start(_fix(0.5, speed=6.0), True, MARK, DistanceFrom.DESIGN)
    assert g.reason is GuardRefusal.MOVING and g.speed_mps == 6.0
    assert check_start(_fix(0.5, speed=0.2), True, MARK, DistanceFrom.DESIGN).allowed


def test_speed_from_positions_when_the_receiver_reports_none() -> None:
    walk = [_fix(-1.5 + i * 0.5, second=i) for i in range(5)]  # 0.5 m/s through the marker
    assert speed_from_positions(walk) == pytest.approx(0.5, rel=1e-6)
    g = check_start(walk[3], True, MARK, DistanceFrom.DESIGN, recent=walk[:4])
    assert g.reason is GuardRefusal.MOVING and g.speed_mps == pytest.approx(0.5, rel=1e-6)
    still = [_fix(0.003 * (i % 2), second=i) for i in range(5)]  # millimetre noise
    assert check_start(still[-1], True, MARK, DistanceFrom.DESIGN, recent=still).allowed
    # Too short a span says nothing about speed.
    assert speed_from_positions([_fix(0.0, 0), _fix(5.0, 0)]) is None


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        GuardLimits(max_distance_m=0.0)
    with pytest.raises(ValueError):
        GuardLimits(max_speed_mps=float("nan"))
