"""Property: whatever numbers a Fix carries, an occupation never raises and never uses a bad one."""

from __future__ import annotations

import dataclasses
import math

from fixfactory import make_fix
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.gnss.fix import Fix
from fieldapp.survey.occupation import GateProfile, Occupation, RejectReason
from fieldapp.survey.occupation_gates import HEIGHT_RANGE_M

# Anything a reader might let through: NaN, ±inf, ±1e308, subnormals, plain values, None.
NUMBERS = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 0.0, -0.0, 5e-324, 0.005, 1.8]),
)
FIELDS = ("lat", "lon", "height", "sigma_lat", "sigma_lon", "sigma_alt", "pdop")
PROFILE = GateProfile(min_epochs=3, min_seconds=0.0, outlier_warmup=3)


def _finite_or_none(*values: float | None) -> bool:
    return all(v is None or math.isfinite(v) for v in values)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(st.fixed_dictionaries({f: NUMBERS for f in FIELDS}), min_size=1, max_size=12))
def test_no_non_finite_value_is_ever_used(changes: list[dict[str, float | None]]) -> None:
    occupation = Occupation(PROFILE)
    fed: list[Fix] = []
    for i in range(4):  # a few good epochs, so the bad ones meet a running screen too
        fed.append(make_fix(i))
        occupation.add(fed[-1])
    for i, change in enumerate(changes, start=4):
        fix = dataclasses.replace(make_fix(i), **change)  # type: ignore[arg-type]
        fed.append(fix)
        v = occupation.add(fix)
        assert v.used or isinstance(v.reason, RejectReason)
    res = occupation.result()
    for fix, v in zip(fed, occupation.verdicts(), strict=True):
        if v.used:
            assert fix.lat is not None and fix.lon is not None and fix.height is not None
            assert math.isfinite(fix.lat) and math.isfinite(fix.lon)
            assert HEIGHT_RANGE_M[0] <= fix.height <= HEIGHT_RANGE_M[1]
            for s in (fix.sigma_lat, fix.sigma_lon, fix.sigma_alt, fix.pdop):
                assert s is not None and math.isfinite(s) and s >= 0
    assert _finite_or_none(res.lat, res.lon, res.h, res.std_n_m, res.std_e_m, res.std_u_m)
    assert _finite_or_none(res.mean_sigma_h_m, res.mean_sigma_v_m, res.span_s)
    assert res.epochs_used + res.epochs_rejected == len(fed)
    if res.passed:
        assert res.lat is not None and res.h is not None and res.std_u_m is not None
