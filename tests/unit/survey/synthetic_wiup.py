"""Synthetic WIUPs for planner tests: rectangles on parallels and meridians with exact lengths."""

from __future__ import annotations

import math

from pyproj import Geod

from fieldapp.survey.edges import radius_of_parallel
from fieldapp.survey.models import BoundaryPoint
from fieldapp.survey.neighbors import Ring
from fieldapp.survey.scale import E2, A

GEOD = Geod(ellps="GRS80")


def meridian_radius(lat: float) -> float:
    s2 = math.sin(math.radians(lat)) ** 2
    return A * (1 - E2) / (1 - E2 * s2) ** 1.5


def dlon_for(length_m: float, lat: float) -> float:
    """Longitude span of a parallel arc of ``length_m`` at ``lat``."""
    return math.degrees(length_m / radius_of_parallel(lat))


def dlat_for(length_m: float, lat: float) -> float:
    """Latitude span of a meridian arc of ``length_m`` going south from ``lat`` (exact)."""
    _, lat2, _ = GEOD.fwd(0.0, lat, 180.0, length_m)
    return float(lat - lat2)


def bp(number: int | str, lon: float, lat: float) -> BoundaryPoint:
    return BoundaryPoint(str(number), lat, lon, f"{lat}", f"{lon}")


def rectangle(
    lon_w: float, lat_n: float, width_m: float, height_m: float
) -> tuple[list[BoundaryPoint], float, float, float, float]:
    """Points 1 NW, 2 NE, 3 SE, 4 SW (clockwise); returns them and lon_w, lon_e, lat_s, lat_n."""
    lon_e = lon_w + dlon_for(width_m, lat_n)
    lat_s = lat_n - dlat_for(height_m, lat_n)
    pts = [bp(1, lon_w, lat_n), bp(2, lon_e, lat_n), bp(3, lon_e, lat_s), bp(4, lon_w, lat_s)]
    return pts, lon_w, lon_e, lat_s, lat_n


def box(lon_w: float, lat_s: float, lon_e: float, lat_n: float) -> Ring:
    return ((lon_w, lat_s), (lon_e, lat_s), (lon_e, lat_n), (lon_w, lat_n), (lon_w, lat_s))
