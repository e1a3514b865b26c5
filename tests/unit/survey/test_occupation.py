"""Occupation: gates, outlier screening, statistics against numpy, antenna height, comparison."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from fixfactory import H0, LAT0, LON0, make_fix, noisy

from fieldapp.gnss.fix import Fix, GgaQuality, SigmaSource
from fieldapp.survey.occupation import (
    AntennaHeight,
    FailReason,
    GateProfile,
    HeightMethod,
    Occupation,
    Position,
    RejectReason,
    compare,
    metres_per_degree,
    profile_named,
)


def test_mixed_fixed_float_stream_uses_fixed_only_and_matches_numpy() -> None:
    occ = Occupation()
    offsets = noisy(80)
    fixed: list[Fix] = []
    fed: list[Fix] = []
    for i, (dn, de, du) in enumerate(offsets):
        quality = GgaQuality.RTK_FLOAT if i % 3 == 0 else GgaQuality.RTK_FIXED
        # Float epochs sit 0.4 m off: if any were used the mean would show it.
        off = 0.4 if quality == GgaQuality.RTK_FLOAT else 0.0
        fix = make_fix(i, dn + off, de, du, quality=quality)
        fed.append(fix)
        verdict = occ.add(fix)
        if quality == GgaQuality.RTK_FLOAT:
            assert not verdict.used and verdict.reason is RejectReason.NOT_FIXED
        else:
            fixed.append(fix)
    res = occ.result()
    used = [f for f, v in zip(fed, occ.verdicts(), strict=True) if v.used]
    assert used == fixed  # no fixed epoch of this gentle noise is an outlier
    lats = np.array([f.lat for f in used])
    lons = np.array([f.lon for f in used])
    hs = np.array([f.height for f in used])
    kn, ke = metres_per_degree(float(np.mean(lats)))
    assert res.lat == pytest.approx(np.mean(lats), abs=1e-12)
    assert res.lon == pytest.approx(np.mean(lons), abs=1e-12)
    assert res.h == pytest.approx(np.mean(hs), abs=1e-9)
    assert res.std_n_m == pytest.approx(np.std(lats, ddof=1) * kn, rel=1e-9)
    assert res.std_e_m == pytest.approx(np.std(lons, ddof=1) * ke, rel=1e-9)
    assert res.std_u_m == pytest.approx(np.std(hs, ddof=1), rel=1e-9)
    assert res.epochs_used == len(fixed)
    assert res.rejected_by_reason == {RejectReason.NOT_FIXED: 27}
    assert res.epochs_rejected == 27
    assert res.passed and res.failures == ()
    assert res.sigma_source is SigmaSource.GST
    assert res.first_utc == dt.datetime(2024, 3, 5, 3, 0, 1, tzinfo=dt.UTC)
    assert res.last_utc == dt.datetime(2024, 3, 5, 3, 1, 19, tzinfo=dt.UTC)
    assert res.span_s == pytest.approx(78.0)


def test_outliers_rejected_and_counted_including_inside_warmup() -> None:
    occ = Occupation()
    offsets = noisy(40, seed=7)
    spikes = {2: (0.5, 0.0, 0.0), 20: (0.0, -0.3, 0.0), 31: (0.0, 0.0, 0.20)}
    verdicts = []
    fed = []
    for i, (dn, de, du) in enumerate(offsets):
        sn, se, su = spikes.get(i, (0.0, 0.0, 0.0))
        fed.append(make_fix(i, dn + sn, de + se, du + su))
        verdicts.append(occ.add(fed[-1]))
    # Live: epoch 2 falls in the warm-up (provisionally used); 20 and 31 are caught at once.
    assert verdicts[2].used
    assert verdicts[20].reason is RejectReason.OUTLIER
    assert verdicts[31].reason is RejectReason.OUTLIER
    res = occ.result()
    final = {v.seq: v for v in occ.verdicts()}
    assert {s for s, v in final.items() if not v.used} == set(spikes)
    assert res.rejected_by_reason == {RejectReason.OUTLIER: 3}
    assert res.epochs_used == 37
    used = [f for f, v in zip(fed, occ.verdicts(), strict=True) if v.used]
    assert res.lat == pytest.approx(np.mean([f.lat for f in used]), abs=1e-12)
    assert abs(compare(Position(LAT0, LON0), Position(res.lat or 0, res.lon or 0)).dn_m) < 0.01


def test_every_gate_has_its_reason_and_the_occupation_goes_on() -> None:
    occ = Occupation(GateProfile(min_epochs=3, min_seconds=2.0))
    occ.add(make_fix(0))
    cases = [
        (Fix(time_of_day=None, lat=LAT0, lon=LON0), RejectReason.NO_TIME),
        (make_fix(1, position=False), RejectReason.NO_POSITION),
        (make_fix(2, quality=GgaQuality.DGPS), RejectReason.NOT_FIXED),
        (make_fix(3, quality=None), RejectReason.NOT_FIXED),
        (make_fix(4, sigma=None), RejectReason.NO_SIGMA),
        (make_fix(5, sigma=(0.12, 0.12, 0.05)), RejectReason.SIGMA_H),
        (make_fix(6, sigma=(0.01, 0.01, 0.30)), RejectReason.SIGMA_V),
        (make_fix(7, sigma=(float("nan"), 0.01, 0.01)), RejectReason.SIGMA_H),
        (make_fix(8, pdop=None), RejectReason.NO_PDOP),
        (make_fix(9, pdop=12.5), RejectReason.PDOP),
        (make_fix(0), RejectReason.DUPLICATE_TIME),
    ]
    for fix, reason in cases:
        v = occ.add(fix)
        assert (v.used, v.reason) == (False, reason)
    for i in (10, 11):
        assert occ.add(make_fix(i)).used
    res = occ.result()
    assert res.passed
    assert res.epochs_used == 3
    assert sum(res.rejected_by_reason.values()) == len(cases) == res.epochs_rejected
    assert res.rejected_by_reason[RejectReason.NOT_FIXED] == 2


def test_no_height_and_estimated_sigma_gates() -> None:
    fix = make_fix(0)
    no_h = Fix(**{**{s: getattr(fix, s) for s in Fix.__slots__}, "height": None})  # type: ignore[arg-type]
    assert Occupation().add(no_h).reason is RejectReason.NO_HEIGHT
    relaxed = Occupation(GateProfile(require_height=False, require_pdop=False))
    assert relaxed.add(no_h).used
    assert relaxed.add(make_fix(1, pdop=None)).used
    strict = Occupation(profile_named("strict"))
    assert strict.add(make_fix(0, source=SigmaSource.ESTIMATED)).reason is (
        RejectReason.SIGMA_ESTIMATED
    )


def test_sigma_source_is_labelled_honestly() -> None:
    occ = Occupation(GateProfile(min_epochs=2, min_seconds=0))
    occ.add(make_fix(0))
    occ.add(make_fix(1))
    assert occ.result().sigma_source is SigmaSource.GST
    occ.add(make_fix(2, source=SigmaSource.ESTIMATED))
    res = occ.result()
    assert res.sigma_source is SigmaSource.ESTIMATED
    assert res.mean_sigma_h_m == pytest.approx(math.hypot(0.01, 0.01))
    assert res.mean_sigma_v_m == pytest.approx(0.02)


def test_progress_and_failures() -> None:
    occ = Occupation()  # 30 epochs and 30 s
    assert occ.progress.fraction == 0.0
    for i in range(15):
        occ.add(make_fix(i))
    occ.add(make_fix(15, quality=GgaQuality.RTK_FLOAT))
    p = occ.progress
    assert (p.epochs_used, p.epochs_required, p.epochs_rejected) == (15, 30, 1)
    assert p.seconds == pytest.approx(14.0) and p.seconds_required == 30.0
    assert not p.complete and p.fraction == pytest.approx(14 / 30)
    res = occ.result()
    assert not res.passed
    assert res.failures == (FailReason.TOO_FEW_EPOCHS, FailReason.TOO_SHORT)
    for i in range(16, 32):
        occ.add(make_fix(i))
    assert occ.progress.complete and occ.progress.fraction == 1.0
    assert occ.result().passed


def test_nothing_usable_fails_without_raising() -> None:
    occ = Occupation()
    for i in range(5):
        occ.add(make_fix(i, quality=GgaQuality.AUTONOMOUS))
    res = occ.result()
    assert res.lat is None and res.std_n_m is None and res.mark_position is None
    assert res.failures == (FailReason.NO_EPOCHS,)
    assert res.rejected_by_reason == {RejectReason.NOT_FIXED: 5}


def test_scatter_beyond_the_gate_fails() -> None:
    occ = Occupation(GateProfile(min_epochs=5, min_seconds=0, outlier_floor_h_m=1.0))
    for i, (dn, de, du) in enumerate(noisy(30, scale=0.2)):
        occ.add(make_fix(i, dn, de, du * 0.01))
    res = occ.result()
    assert FailReason.SCATTER_H in res.failures and FailReason.SCATTER_V not in res.failures


def test_time_of_day_without_date_crosses_midnight() -> None:
    occ = Occupation(GateProfile(min_epochs=2, min_seconds=0))
    start = dt.datetime(2024, 3, 5, 23, 59, 58)
    for i in range(4):
        assert occ.add(make_fix(i, date=None, start=start)).used
    res = occ.result()
    assert res.span_s == pytest.approx(3.0)
    assert res.first_utc is None and res.first_time == dt.time(23, 59, 58)


def test_antenna_height_vertical_slant_and_mark_height() -> None:
    vertical = AntennaHeight(1.8, phase_centre_offset_m=0.065)
    assert vertical.total_m == pytest.approx(1.865)
    slant = AntennaHeight(
        1.5, HeightMethod.SLANT, antenna_radius_m=0.09, phase_centre_offset_m=0.05
    )
    assert slant.vertical_m == pytest.approx(math.sqrt(1.5**2 - 0.09**2))
    assert slant.total_m == pytest.approx(math.sqrt(1.5**2 - 0.09**2) + 0.05)
    with pytest.raises(ValueError, match="radius"):
        AntennaHeight(1.5, HeightMethod.SLANT)
    with pytest.raises(ValueError, match=">= 0"):
        AntennaHeight(-0.1)
    occ = Occupation(GateProfile(min_epochs=2, min_seconds=0), antenna=vertical)
    for i in range(3):
        occ.add(make_fix(i))
    res = occ.result()
    assert res.h == pytest.approx(H0)
    assert res.mark_h == pytest.approx(H0 - 1.865)
    assert res.antenna == vertical
    # Without an antenna height the mark height stays unknown rather than guessed.
    assert Occupation().result().mark_h is None


def test_comparison_with_an_earlier_occupation() -> None:
    ant = AntennaHeight(2.0)
    first = Occupation(GateProfile(min_epochs=2, min_seconds=0), antenna=ant)
    second = Occupation(GateProfile(min_epochs=2, min_seconds=0), antenna=ant)
    for i in range(3):
        first.add(make_fix(i))
        second.add(make_fix(100 + i, dn=0.03, de=-0.04, du=0.05))
    earlier = first.result().mark_position
    assert earlier is not None
    res = second.result(earlier=earlier)
    assert res.comparison is not None
    assert res.comparison.dn_m == pytest.approx(0.03, abs=1e-6)
    assert res.comparison.de_m == pytest.approx(-0.04, abs=1e-6)
    assert res.comparison.dh_m == pytest.approx(0.05, abs=1e-9)
    assert res.comparison.horizontal_m == pytest.approx(0.05, abs=1e-6)


def test_profiles_by_name() -> None:
    assert profile_named("default").max_sigma_h_m == 0.15
    assert profile_named("default").max_sigma_v_m == 0.25
    assert profile_named("default").max_pdop == 10.0
    assert profile_named("rapid").min_epochs == 10
    with pytest.raises(ValueError, match="unknown occupation profile 'x'"):
        profile_named("x")
