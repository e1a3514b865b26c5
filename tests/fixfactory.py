"""Test helper: Fix objects displaced by metres from a reference point, and seeded noise."""

from __future__ import annotations

import datetime as dt

import numpy as np

from fieldapp.gnss.fix import Fix, GgaQuality, SigmaSource
from fieldapp.survey.local import metres_per_degree

LAT0, LON0, H0 = -1.3675583, 116.0867625, 42.0
DAY = dt.date(2024, 3, 5)


def make_fix(
    i: int,
    dn: float = 0.0,
    de: float = 0.0,
    du: float = 0.0,
    *,
    quality: int | None = GgaQuality.RTK_FIXED,
    sigma: tuple[float, float, float] | None = (0.01, 0.01, 0.02),
    source: SigmaSource | None = SigmaSource.GST,
    pdop: float | None = 1.8,
    date: dt.date | None = DAY,
    position: bool = True,
    start: dt.datetime = dt.datetime(2024, 3, 5, 3, 0, 0),
) -> Fix:
    """A fix i seconds after 03:00 UTC, displaced dn/de/du metres from the reference point."""
    kn, ke = metres_per_degree(LAT0)
    t = start + dt.timedelta(seconds=i)
    return Fix(
        time_of_day=t.time(),
        date=date,
        lat=LAT0 + dn / kn if position else None,
        lon=LON0 + de / ke if position else None,
        height=H0 + du if position else None,
        quality=quality,
        pdop=pdop,
        sigma_lat=sigma[0] if sigma else None,
        sigma_lon=sigma[1] if sigma else None,
        sigma_alt=sigma[2] if sigma else None,
        sigma_source=source if sigma else None,
    )


def noisy(n: int, seed: int = 1, scale: float = 0.008) -> list[tuple[float, float, float]]:
    rng = np.random.default_rng(seed)
    return [tuple(v) for v in rng.normal(0.0, scale, size=(n, 3))]  # type: ignore[misc]
