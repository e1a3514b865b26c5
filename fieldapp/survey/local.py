"""Local north/east/up metres about a point: positions and the difference between two."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.survey.scale import E2, A


@dataclass(frozen=True, slots=True)
class Position:
    """A geographic position (degrees) with an optional ellipsoidal height (m)."""

    lat: float
    lon: float
    h: float | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Later minus earlier occupation of the same point, metres."""

    dn_m: float
    de_m: float
    dh_m: float | None
    horizontal_m: float


def metres_per_degree(lat_deg: float) -> tuple[float, float]:
    """Metres per degree of latitude and of longitude at a latitude (GRS80 radii)."""
    phi = math.radians(lat_deg)
    w = math.sqrt(1 - E2 * math.sin(phi) ** 2)
    m = A * (1 - E2) / w**3
    n = A / w
    return m * math.pi / 180, n * math.cos(phi) * math.pi / 180


def compare(earlier: Position, later: Position) -> Comparison:
    """Later minus earlier, in local north/east metres at their mid-latitude (mm-exact nearby)."""
    kn, ke = metres_per_degree((earlier.lat + later.lat) / 2)
    dn = (later.lat - earlier.lat) * kn
    de = (later.lon - earlier.lon) * ke
    dh = None if earlier.h is None or later.h is None else later.h - earlier.h
    return Comparison(dn, de, dh, math.hypot(dn, de))
