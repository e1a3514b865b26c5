"""A long occupation: bounded robust recomputes, the same result as the batch statistics.

No timing here (see benchmarks/occupation_scale.py): the per-epoch work is shown not to grow
with the history by counting the median/MAD recomputes, and the memory by measuring it.
"""

from __future__ import annotations

import math
import tracemalloc
from collections.abc import Iterator

import numpy as np
import pytest
from fixfactory import make_fix
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.gnss.fix import Fix, GgaQuality
from fieldapp.survey.local import metres_per_degree
from fieldapp.survey.occupation import Occupation, RejectReason
from fieldapp.survey.occupation_stats import EXACT_UP_TO, GROWTH, MAD_TO_SIGMA

N = 20_000


def session(n: int = N, seed: int = 3) -> Iterator[Fix]:
    """Centimetre noise, a slow drift, a float epoch in 50 and a spike in 400."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, [0.006, 0.006, 0.012], size=(n, 3))
    for i in range(n):
        dn, de, du = noise[i] + (0.00002 * i / 100, 0.0, 0.0)
        if i % 400 == 7:
            dn += 0.4
        q = GgaQuality.RTK_FLOAT if i % 50 == 13 else GgaQuality.RTK_FIXED
        yield make_fix(i, float(dn), float(de), float(du), quality=q)


def batch(fixes: list[Fix], k: float = 3.0) -> dict[str, object]:
    """The textbook computation over the whole history at once (what ``result`` must give)."""
    cands = [f for f in fixes if f.quality == GgaQuality.RTK_FIXED]
    lat = np.array([f.lat for f in cands])
    lon = np.array([f.lon for f in cands])
    h = np.array([f.height for f in cands])
    kn, ke = metres_per_degree(cands[0].lat or 0.0)
    axes = [(lat - lat[0]) * kn, (lon - lon[0]) * ke, h - h[0]]
    floors = (0.01, 0.01, 0.02)
    ok = np.ones(len(cands), dtype=bool)
    for x, floor in zip(axes, floors, strict=True):
        med = np.median(x)
        sigma = max(MAD_TO_SIGMA * np.median(np.abs(x - med)), floor)
        ok &= np.abs(x - med) <= k * sigma
    kn_mean, ke_mean = metres_per_degree(float(np.mean(lat[ok])))
    return {
        "used": int(ok.sum()),
        "lat": float(np.mean(lat[ok])),
        "lon": float(np.mean(lon[ok])),
        "h": float(np.mean(h[ok])),
        "std_n": float(np.std(lat[ok], ddof=1)) * kn_mean,
        "std_e": float(np.std(lon[ok], ddof=1)) * ke_mean,
        "std_u": float(np.std(h[ok], ddof=1)),
        "outliers": int((~ok).sum()),
    }


def test_a_long_session_recomputes_the_median_a_bounded_number_of_times() -> None:
    fixes = list(session())
    occ = Occupation()
    for f in fixes:
        occ.add(f)
    candidates = sum(1 for f in fixes if f.quality == GgaQuality.RTK_FIXED)
    # Every epoch up to EXACT_UP_TO, then geometric: log base (1 + 1/GROWTH) of the growth.
    bound = EXACT_UP_TO + math.log(candidates / EXACT_UP_TO) / math.log1p(1 / GROWTH) + 2
    assert occ.robust_refreshes <= bound < candidates / 50
    want = batch(fixes)
    res = occ.result()
    assert res.epochs_used == want["used"]
    assert res.rejected_by_reason == {
        RejectReason.NOT_FIXED: N - candidates,
        RejectReason.OUTLIER: want["outliers"],
    }
    assert res.lat == pytest.approx(want["lat"], abs=1e-12)
    assert res.lon == pytest.approx(want["lon"], abs=1e-12)
    assert res.h == pytest.approx(want["h"], abs=1e-9)
    assert res.std_n_m == pytest.approx(want["std_n"], rel=1e-9)
    assert res.std_e_m == pytest.approx(want["std_e"], rel=1e-9)
    assert res.std_u_m == pytest.approx(want["std_u"], rel=1e-9)
    assert res.passed
    # The running (Welford) scatter of the progress agrees with the final one.
    p = occ.progress
    assert p.epochs_used == res.epochs_used
    assert p.scatter_h_m == pytest.approx(res.std_h_m, rel=1e-9)
    assert p.scatter_v_m == pytest.approx(res.std_u_m, rel=1e-9)


def test_provisional_verdicts_agree_with_the_final_ones_on_a_long_session() -> None:
    occ = Occupation()
    live = [occ.add(f) for f in session(6000)]
    occ.result()
    final = occ.verdicts()
    differ = sum(1 for a, b in zip(live, final, strict=True) if a.used != b.used)
    assert differ <= 6000 // 1000  # the lazily refreshed median moves by far less than k sigma


def test_the_running_scatter_is_the_scatter_of_the_epochs_used_so_far() -> None:
    occ = Occupation()
    used: list[Fix] = []
    for f in session(600):
        if occ.add(f).used:
            used.append(f)
    p = occ.progress
    kn, ke = metres_per_degree(used[0].lat or 0.0)
    std_n = float(np.std([f.lat for f in used], ddof=1)) * kn
    std_e = float(np.std([f.lon for f in used], ddof=1)) * ke
    assert p.scatter_h_m == pytest.approx(math.hypot(std_n, std_e), rel=1e-6)
    assert p.scatter_v_m == pytest.approx(float(np.std([f.height for f in used], ddof=1)), rel=1e-9)


def test_memory_per_epoch_is_a_few_numbers_not_the_fix() -> None:
    occ = Occupation()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for f in session(N):
            occ.add(f)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # About 220 bytes: the columns and the set of used times. A Fix alone is ~400 bytes, and
    # kilobytes with the satellites of a real receiver.
    assert kept / N < 300


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    n=st.integers(min_value=12, max_value=420),  # across the end of the exact phase (256)
    seed=st.integers(min_value=0, max_value=2**16),
    spike_every=st.integers(min_value=3, max_value=200),
    spike_m=st.floats(min_value=0.0, max_value=50.0),
)
def test_any_session_gives_the_batch_result(
    n: int, seed: int, spike_every: int, spike_m: float
) -> None:
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, 0.01, size=(n, 3))
    fixes = []
    for i in range(n):
        dn, de, du = (float(v) for v in noise[i])
        if i % spike_every == spike_every - 1:
            dn, du = dn + spike_m, du - spike_m
        q = GgaQuality.RTK_FLOAT if i % 37 == 5 else GgaQuality.RTK_FIXED
        fixes.append(make_fix(i, dn, de, du, quality=q))
    occ = Occupation()
    for f in fixes:
        occ.add(f)
    res = occ.result()
    want = batch(fixes)
    assert res.epochs_used == want["used"]
    assert res.lat == pytest.approx(want["lat"], abs=1e-12)
    assert res.lon == pytest.approx(want["lon"], abs=1e-12)
    assert res.h == pytest.approx(want["h"], abs=1e-9)
    assert res.std_n_m == pytest.approx(want["std_n"], rel=1e-9, abs=1e-12)
    assert res.std_u_m == pytest.approx(want["std_u"], rel=1e-9, abs=1e-12)
