"""HeightCache: N once per place (≈1 m cell) within 0.2 mm of the grid, None off the grid."""

from __future__ import annotations

import pytest

from fieldapp.store.job_geoid import BUNDLED_NAME, bundled_geoid
from fieldapp.survey.height_cache import CELL_DEG, HeightCache


def test_cached_n_equals_the_grid_and_is_looked_up_once_per_cell() -> None:
    geoid = bundled_geoid()
    cache = HeightCache(geoid)
    lat, lon = -0.5225, 116.9028
    hs = cache.heights(lat, lon, 80.0)
    assert hs is not None and hs.geoid == BUNDLED_NAME
    assert hs.orthometric == pytest.approx(geoid.heights(lat, lon, 80.0).orthometric, abs=2e-4)
    for k in range(50):  # a pole standing still, noise of a few millimetres
        jitter = (k % 5 - 2) * 1e-8
        assert cache.heights(lat + jitter, lon - jitter, 80.0 + k * 1e-3) is not None
    assert cache.lookups == 1
    # A walk of 30 m: a lookup per cell crossed, and N still within 0.2 mm of the grid's.
    for k in range(30):
        here = lat + k * 0.9 * CELL_DEG
        assert cache.undulation(here, lon) == pytest.approx(geoid.undulation(here, lon), abs=2e-4)
    assert 20 <= cache.lookups <= 31


def test_outside_the_grid_or_without_h_gives_none() -> None:
    cache = HeightCache(bundled_geoid())
    assert cache.heights(50.0, 10.0, 100.0) is None  # Europe: outside the Indonesian crop
    assert cache.heights(-1.0, 117.0, None) is None
    assert cache.heights(-1.0, 117.0, float("nan")) is None
