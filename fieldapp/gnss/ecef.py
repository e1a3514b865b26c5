"""GRS80 geodetic <-> ECEF and local east/north/up: the few formulas a baseline vector needs."""

from __future__ import annotations

import math

# GRS80 (SRGI2013, ITRF); WGS 84 differs from it by 0.1 mm in the semi-minor axis.
A = 6378137.0
F = 1.0 / 298.257222101
E2 = F * (2.0 - F)

Vec3 = tuple[float, float, float]


def geodetic_to_ecef(lat_deg: float, lon_deg: float, h: float) -> Vec3:
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    n = A / math.sqrt(1.0 - E2 * math.sin(lat) ** 2)
    x = (n + h) * math.cos(lat) * math.cos(lon)
    y = (n + h) * math.cos(lat) * math.sin(lon)
    z = (n * (1.0 - E2) + h) * math.sin(lat)
    return (x, y, z)


def ecef_to_geodetic(x: float, y: float, z: float) -> Vec3:
    """Latitude, longitude (degrees) and ellipsoidal height; iterated to well below 0.1 mm."""
    lon = math.atan2(y, x)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1.0 - E2))
    h = 0.0
    for _ in range(10):
        n = A / math.sqrt(1.0 - E2 * math.sin(lat) ** 2)
        h = (
            p / math.cos(lat) - n
            if abs(lat) < math.radians(89.0)
            else z / math.sin(lat) - n * (1 - E2)
        )
        new = math.atan2(z, p * (1.0 - E2 * n / (n + h)))
        if abs(new - lat) < 1e-13:
            lat = new
            break
        lat = new
    return (math.degrees(lat), math.degrees(lon), h)


def ecef_to_enu(d: Vec3, lat_deg: float, lon_deg: float) -> Vec3:
    """A vector (ECEF metres) turned into east/north/up at the given point."""
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    sl, cl, sp, cp = math.sin(lon), math.cos(lon), math.sin(lat), math.cos(lat)
    e = -sl * d[0] + cl * d[1]
    n = -sp * cl * d[0] - sp * sl * d[1] + cp * d[2]
    u = cp * cl * d[0] + cp * sl * d[1] + sp * d[2]
    return (e, n, u)
