"""Plausibility of imported coordinates: finite, inside Indonesia, a boundary ring with an area."""

from __future__ import annotations

import math
from collections.abc import Sequence

from fieldapp.survey.crs import CrsError, auto_grid
from fieldapp.survey.models import BoundaryPoint

# Indonesia from Rote (11° S) to Weh (6° N), with a margin for the sea between islands.
LAT_SOUTH, LAT_NORTH = -11.5, 6.5
# UTM zones 46 to 54: the grids the app computes in (DESIGN.md).
LON_WEST, LON_EAST = 90.0, 144.0
# Heights (ellipsoidal or orthometric) of a control point: open pits to Puncak Jaya, and margin.
HEIGHT_RANGE = (-1000.0, 6000.0)
SIGMA_MAX_M = 10.0
# Below this a "polygon" is a line or a point: nothing to stake out.
MIN_AREA_M2 = 1.0
_M_PER_DEG = 111_320.0


def _lat_text(lat: float) -> str:
    return f"{abs(lat):.6f}° {'S' if lat < 0 else 'N'}"


def lonlat_problem(lon: float, lat: float) -> str | None:
    """Why (lon, lat) cannot be a point of an Indonesian WIUP, or None when it can."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return f"coordinate ({lon}, {lat}) is not a finite number"
    if not LAT_SOUTH <= lat <= LAT_NORTH:
        return f"latitude {_lat_text(lat)} is outside Indonesia ({-LAT_SOUTH}° S to {LAT_NORTH}° N)"
    if not LON_WEST <= lon <= LON_EAST:
        return (
            f"longitude {lon:.6f}° is outside Indonesia's UTM zones 46-54"
            f" ({LON_WEST:.0f}° E to {LON_EAST:.0f}° E)"
        )
    return None


def value_problem(value: float, what: str, low: float, high: float, unit: str = "m") -> str | None:
    if not math.isfinite(value):
        return f"{what} {value} is not a finite number"
    if not low <= value <= high:
        return f"{what} {value:g} {unit} is out of range ({low:g} to {high:g} {unit})"
    return None


def _area_m2(ring: Sequence[tuple[float, float]]) -> float:
    """Shoelace area on a local plane: enough to tell a polygon from a line."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    kx = _M_PER_DEG * math.cos(math.radians(lat0))
    x0, y0 = ring[0]
    pts = [((x - x0) * kx, (y - y0) * _M_PER_DEG) for x, y in ring]
    twice = sum(
        pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
        for i in range(len(pts))
    )
    return abs(twice) / 2


def ring_problem(ring: Sequence[tuple[float, float]]) -> str | None:
    """Why a (lon, lat) ring is no polygon: too few distinct points or no area."""
    distinct = len(set(ring))
    if distinct < 3:
        return f"{distinct} distinct point(s): a boundary needs at least 3"
    if _area_m2(ring) < MIN_AREA_M2:
        return "the points lie on one line: the boundary has no area"
    return None


def boundary_problem(points: Sequence[BoundaryPoint]) -> str | None:
    """Why a boundary cannot be a WIUP: degenerate, or no grid zone of Indonesia holds it."""
    if not points:
        return "no boundary points: a boundary needs at least 3"
    problem = ring_problem([(p.lon, p.lat) for p in points])
    if problem:
        return problem
    lon = sum(p.lon for p in points) / len(points)
    lat = sum(p.lat for p in points) / len(points)
    try:
        auto_grid(lon, lat)
        auto_grid(lon, lat, family="tm3")
    except CrsError as exc:
        return f"the boundary's centre ({lon:.4f}° E, {_lat_text(lat)}) is not in Indonesia: {exc}"
    return None
