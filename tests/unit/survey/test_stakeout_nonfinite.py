"""Stake-out guidance from an epoch with a NaN, infinite or absurd position or height."""

from __future__ import annotations

import dataclasses
import math

import pytest
from fixfactory import LAT0, LON0, make_fix

from fieldapp.gnss.fix import Fix
from fieldapp.survey.crs import parse_crs
from fieldapp.survey.stake_quality import PositionQuality, QualityProblem, QualityProfile
from fieldapp.survey.stakeout import (
    StakeoutError,
    StakeTarget,
    ToleranceState,
    guidance,
    position_from_fix,
)

UTM50S = parse_crs("SRGI2013/UTM50S")
TARGET = StakeTarget("1", LAT0, LON0, 40.0)


def _fix(**change: object) -> Fix:
    return dataclasses.replace(make_fix(0), **change)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change", [{"lat": math.nan}, {"lon": math.inf}, {"lat": 1e308}, {"lon": -181.0}]
)
def test_an_implausible_position_is_no_position(change: dict[str, object]) -> None:
    with pytest.raises(StakeoutError, match="not plausible"):
        position_from_fix(UTM50S, _fix(**change))


@pytest.mark.parametrize("height", [math.nan, math.inf, 1e308, -1e308])
def test_a_non_finite_height_is_unknown_and_guidance_goes_on(height: float) -> None:
    pos = position_from_fix(UTM50S, _fix(height=height))
    assert pos.h is None
    g = guidance(UTM50S, pos, TARGET, profile=QualityProfile(),
                 position_quality=PositionQuality.from_fix(_fix(height=height)))  # fmt: skip
    assert g.dh_m is None and g.cut_fill is None
    assert g.state is ToleranceState.WITHIN  # on the point, RTK fixed, measured σH 1.4 cm


def test_a_nan_target_height_gives_no_cut_or_fill() -> None:
    pos = position_from_fix(UTM50S, _fix())
    g = guidance(UTM50S, pos, StakeTarget("1", LAT0, LON0, math.nan))
    assert g.dh_m is None and g.cut_fill is None


@pytest.mark.parametrize("sigma", [math.nan, math.inf, 1e308, -0.01])
def test_a_non_finite_sigma_never_proves_within(sigma: float) -> None:
    fix = _fix(sigma_lat=sigma)
    g = guidance(UTM50S, position_from_fix(UTM50S, fix), TARGET, profile=QualityProfile(),
                 position_quality=PositionQuality.from_fix(fix))  # fmt: skip
    assert g.state is ToleranceState.QUALITY
    assert g.quality is not None and QualityProblem.SIGMA_INVALID in g.quality.problems
