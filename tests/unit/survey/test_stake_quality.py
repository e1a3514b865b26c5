"""The quality profile decides "within": fix type, measured sigma H, NaN/inf never pass."""

from __future__ import annotations

import math

import pytest

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.survey.crs import parse_crs
from fieldapp.survey.stake_quality import (
    PositionQuality,
    QualityProblem,
    QualityProfile,
    QualityProfileError,
    RequiredFix,
    SigmaKind,
    check_quality,
)
from fieldapp.survey.stakeout import (
    StakeTarget,
    ToleranceState,
    guidance,
    position_from_grid,
)

UTM50S = parse_crs("SRGI2013/UTM50S")
FIXED_GOOD = PositionQuality(4, 0.02, 0.03, SigmaKind.MEASURED)


def _guide(offset_m: float, pq: PositionQuality | None, profile: QualityProfile | None):
    cur = position_from_grid(UTM50S, 512_000.0 + offset_m, 9_876_000.0, 30.0)
    tp = position_from_grid(UTM50S, 512_000.0, 9_876_000.0, 30.0)
    return guidance(UTM50S, cur, StakeTarget("T", tp.lat, tp.lon, 30.0), profile=profile,
                    position_quality=pq)  # fmt: skip


def test_defaults() -> None:
    p = QualityProfile()
    assert (p.tolerance_m, p.required_fix, p.sigma_limit_m) == (0.10, RequiredFix.RTK_FIXED, 0.10)
    assert QualityProfile(0.25).sigma_limit_m == 0.25  # the limit follows the tolerance
    assert QualityProfile(0.25, max_sigma_h_m=0.05).sigma_limit_m == 0.05


@pytest.mark.parametrize("bad", [0.0, -0.1, math.nan, math.inf, 11.0])
def test_profile_rejects_nonsense(bad: float) -> None:
    with pytest.raises(QualityProfileError):
        QualityProfile(bad)
    with pytest.raises(QualityProfileError):
        QualityProfile(0.1, max_sigma_h_m=bad)


@pytest.mark.parametrize(
    ("fix", "required", "ok"),
    [
        (4, RequiredFix.RTK_FIXED, True), (5, RequiredFix.RTK_FIXED, False),
        (2, RequiredFix.RTK_FIXED, False), (1, RequiredFix.RTK_FIXED, False),
        (5, RequiredFix.RTK_FLOAT, True), (4, RequiredFix.RTK_FLOAT, True),
        (2, RequiredFix.RTK_FLOAT, False), (2, RequiredFix.DGPS, True),
        (1, RequiredFix.DGPS, False), (1, RequiredFix.AUTONOMOUS, True),
        (6, RequiredFix.AUTONOMOUS, False), (7, RequiredFix.AUTONOMOUS, False),
        (0, RequiredFix.AUTONOMOUS, False), (None, RequiredFix.AUTONOMOUS, False),
    ],
)  # fmt: skip
def test_fix_requirement(fix: int | None, required: RequiredFix, ok: bool) -> None:
    v = check_quality(
        QualityProfile(required_fix=required), PositionQuality(fix, 0.02, 0.03, SigmaKind.MEASURED)
    )
    assert v.ok is ok
    assert (QualityProblem.FIX_TYPE in v.problems) is not ok


@pytest.mark.parametrize(
    ("sigma", "kind", "problem"),
    [
        (0.02, SigmaKind.ESTIMATED, QualityProblem.SIGMA_ESTIMATED),
        (None, SigmaKind.MISSING, QualityProblem.SIGMA_MISSING),
        (math.nan, SigmaKind.MEASURED, QualityProblem.SIGMA_INVALID),
        (math.inf, SigmaKind.MEASURED, QualityProblem.SIGMA_INVALID),
        (-0.01, SigmaKind.MEASURED, QualityProblem.SIGMA_INVALID),
        (0.1001, SigmaKind.MEASURED, QualityProblem.SIGMA_TOO_LARGE),
    ],
)
def test_sigma_must_be_measured_finite_and_small(
    sigma: float | None, kind: SigmaKind, problem: QualityProblem
) -> None:
    v = check_quality(QualityProfile(), PositionQuality(4, sigma, 0.03, kind))
    assert not v.ok and problem in v.problems
    assert check_quality(QualityProfile(), PositionQuality(4, 0.1, None, kind.MEASURED)).ok


def test_from_fix_labels_the_sigma() -> None:
    gst = Fix(None, lat=-1, lon=117, quality=4, sigma_lat=0.03, sigma_lon=0.04, sigma_alt=0.05,
              sigma_source=SigmaSource.GST)  # fmt: skip
    q = PositionQuality.from_fix(gst)
    assert (q.fix_quality, q.sigma_h_m, q.sigma_v_m, q.sigma_kind) == (
        4, pytest.approx(0.05), 0.05, SigmaKind.MEASURED)  # fmt: skip
    est = Fix(None, lat=-1, lon=117, quality=1, sigma_lat=3.0, sigma_lon=3.0,
              sigma_source=SigmaSource.ESTIMATED)  # fmt: skip
    assert PositionQuality.from_fix(est).sigma_kind is SigmaKind.ESTIMATED
    assert PositionQuality.from_fix(Fix(None, lat=-1, lon=117)).sigma_kind is SigmaKind.MISSING


def test_guidance_states_with_quality() -> None:
    p = QualityProfile()
    float_q = PositionQuality(5, 0.35, 0.5, SigmaKind.MEASURED)
    assert _guide(0.05, FIXED_GOOD, p).state is ToleranceState.WITHIN
    g = _guide(0.05, float_q, p)
    assert g.state is ToleranceState.QUALITY and not g.quality_ok
    assert g.quality is not None and g.quality.problems == (
        QualityProblem.FIX_TYPE, QualityProblem.SIGMA_TOO_LARGE)  # fmt: skip
    # Far and near still guide from a float fix, and say its quality is not enough.
    near = _guide(1.5, float_q, p)
    assert near.state is ToleranceState.NEAR and not near.quality_ok
    assert _guide(5.0, float_q, p).state is ToleranceState.FAR
    assert _guide(1.5, FIXED_GOOD, p).quality_ok
    # No quality given with a profile: nothing proves it.
    assert _guide(0.0, None, p).state is ToleranceState.QUALITY
    # The profile's tolerance is the tolerance.
    assert _guide(0.2, FIXED_GOOD, QualityProfile(0.25)).state is ToleranceState.WITHIN
    assert _guide(0.2, FIXED_GOOD, p).state is ToleranceState.NEAR
    # No profile (a total-station shot): distance alone, as before.
    assert _guide(0.05, None, None).state is ToleranceState.WITHIN
