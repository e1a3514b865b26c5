"""Polar reduction: azimuths, distances and a total-station shot to E/N/H (grid)."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_000.0
REFRACTION_K = 0.13  # coefficient of refraction commonly used for daytime survey lines


def normalize_deg(angle: float) -> float:
    """Into [0, 360): azimuths and circle readings."""
    value = math.fmod(angle, 360.0)
    return value + 360.0 if value < 0 else (0.0 if value >= 360.0 else value)


def azimuth_deg(from_e: float, from_n: float, to_e: float, to_n: float) -> float:
    """Grid azimuth, clockwise from grid north, in [0, 360)."""
    return normalize_deg(math.degrees(math.atan2(to_e - from_e, to_n - from_n)))


def distance(from_e: float, from_n: float, to_e: float, to_n: float) -> float:
    return math.hypot(to_e - from_e, to_n - from_n)


def curvature_refraction(
    hd: float, k: float = REFRACTION_K, radius: float = EARTH_RADIUS_M
) -> float:
    """Height correction (m, positive) for earth curvature less refraction over `hd` metres."""
    return (1.0 - k) * hd * hd / (2.0 * radius)


@dataclass(frozen=True)
class PolarPoint:
    """A reduced shot: grid coordinates; `h` is None without a height on the station."""

    e: float
    n: float
    h: float | None
    azimuth: float
    ground_hd: float
    grid_hd: float
    dh: float | None


def reduce_distances(
    v: float | None, sd: float | None, hd: float | None, vd: float | None
) -> tuple[float, float | None]:
    """(horizontal distance, height difference instrument axis -> target) from what was measured.

    A slope distance with a zenith angle gives both; a horizontal distance alone gives no
    height difference unless a vertical distance or zenith angle comes with it.
    """
    if sd is not None and v is not None:
        zen = math.radians(v)
        return sd * math.sin(zen), sd * math.cos(zen)
    if hd is not None:
        if vd is not None:
            return hd, vd
        if v is not None and abs(math.sin(math.radians(v))) > 1e-12:
            return hd, hd / math.tan(math.radians(v))
        return hd, None
    if sd is not None:
        raise ValueError("a slope distance needs a zenith angle to be reduced")
    raise ValueError("no distance in the shot")


def polar_point(
    station_e: float,
    station_n: float,
    station_h: float | None,
    azimuth: float,
    *,
    v: float | None = None,
    sd: float | None = None,
    hd: float | None = None,
    vd: float | None = None,
    instrument_h: float = 0.0,
    target_h: float = 0.0,
    scale_factor: float = 1.0,
    curvature: bool = False,
    k: float = REFRACTION_K,
) -> PolarPoint:
    """Station + azimuth + measured distances -> target point.

    `scale_factor` is the combined (point scale x elevation) factor: ground distances measured
    by the EDM are multiplied by it to become grid distances. Heights are not scaled.
    """
    ground_hd, dh = reduce_distances(v, sd, hd, vd)
    grid_hd = ground_hd * scale_factor
    az = math.radians(azimuth)
    h: float | None = None
    if dh is not None:
        if curvature:
            dh += curvature_refraction(ground_hd, k)
        if station_h is not None:
            h = station_h + instrument_h + dh - target_h
    return PolarPoint(
        station_e + grid_hd * math.sin(az),
        station_n + grid_hd * math.cos(az),
        h,
        normalize_deg(azimuth),
        ground_hd,
        grid_hd,
        dh,
    )
