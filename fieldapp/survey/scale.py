"""Grid versus ground: point scale factor, meridian convergence, elevation and combined factors.

A distance taped or measured by EDM on the ground equals the grid distance divided by the
combined factor (point scale x elevation factor). Grid values are kept in the data; ground
distances are what the surveyor sees.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from pyproj import Proj

from fieldapp.survey.crs import GridSpec

# GRS80 / WGS 84 (the same to 0.1 mm in the semi-minor axis): SRGI2013 and DGN95 in EPSG.
A = 6_378_137.0
F = 1 / 298.257223563
E2 = F * (2 - F)


@dataclass(frozen=True, slots=True)
class GridFactors:
    """Factors of a grid at one point."""

    point_scale: float  # k: grid distance / ellipsoid distance
    convergence_deg: float  # gamma: true azimuth = grid azimuth + gamma
    elevation_factor: float  # ellipsoid distance / ground distance, R / (R + h)
    combined: float  # point_scale * elevation_factor: grid distance / ground distance


@functools.lru_cache(maxsize=32)
def _proj(spec: GridSpec) -> Proj:
    return Proj(spec.to_pyproj())


def mean_radius(lat_deg: float) -> float:
    """Gaussian mean radius of curvature sqrt(M N) at a latitude, metres."""
    s2 = math.sin(math.radians(lat_deg)) ** 2
    w = math.sqrt(1 - E2 * s2)
    m = A * (1 - E2) / w**3
    n = A / w
    return math.sqrt(m * n)


def elevation_factor(lat_deg: float, h_ellipsoid: float) -> float:
    """Reduction of a ground distance at ellipsoidal height h to the ellipsoid."""
    r = mean_radius(lat_deg)
    return r / (r + h_ellipsoid)


def grid_factors(spec: GridSpec, lon: float, lat: float, h: float = 0.0) -> GridFactors:
    """Factors of a projected grid at (lon, lat) given in the grid's own datum."""
    if spec.is_geographic:
        raise ValueError(f"{spec.name} is not a grid: no scale factor or convergence")
    f = _proj(spec).get_factors(lon, lat, errcheck=True)
    # PROJ's meridian_convergence is the angle from true north to grid north, positive
    # clockwise, so a grid azimuth plus it gives the true (geodetic) azimuth.
    k = float(f.meridional_scale)
    e = elevation_factor(lat, h)
    return GridFactors(k, float(f.meridian_convergence), e, k * e)


def line_scale_factor(
    spec: GridSpec, p1: tuple[float, float], p2: tuple[float, float], h: float = 0.0
) -> float:
    """Combined factor for a line (Simpson's rule over the ends and middle), lon/lat inputs."""
    mid = ((p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2)
    k1 = grid_factors(spec, *p1).point_scale
    km = grid_factors(spec, *mid).point_scale
    k2 = grid_factors(spec, *p2).point_scale
    return (k1 + 4 * km + k2) / 6 * elevation_factor(mid[1], h)


def ground_to_grid(distance_ground: float, combined_factor: float) -> float:
    return distance_ground * combined_factor


def grid_to_ground(distance_grid: float, combined_factor: float) -> float:
    return distance_grid / combined_factor
