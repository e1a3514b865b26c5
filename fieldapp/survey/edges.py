"""Boundary lines (Garis Batas): parallels and meridians, lengths along them, points on them.

Lengths along a boundary line are measured on the GRS80 ellipsoid ALONG the parallel or
meridian itself (the line the decree defines), not along a grid chord: a parallel has length
N(phi) cos(phi) dlon, a meridian is a geodesic so pyproj.Geod measures it exactly. Spacing
rules (500 m, 100 m) are therefore ellipsoid distances; they differ from grid or ground
distances by the scale factor (< 0.1 %), far inside the rules. Proximity questions (is this
stretch shared with a neighbour, within reach of a pit) are asked on the job grid with
shapely, through a densified copy of the line whose vertices carry their arc position.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pyproj import Geod

from fieldapp.survey.crs import GridSpec, transformer
from fieldapp.survey.models import BoundaryPoint
from fieldapp.survey.scale import E2, A

EdgeKind = Literal["parallel", "meridian", "geodesic"]
FloatArray = npt.NDArray[np.float64]

GEOD = Geod(ellps="GRS80")
SRGI2013_GEO = GridSpec("SRGI2013", "geographic")
# Decree coordinates are given to 0.001" (3 cm): two equal values parse to the same float, so
# 1e-9 deg (0.1 mm) only absorbs float noise and never hides a real difference.
SAME_DEG = 1e-9
DENSIFY_STEP_M = 10.0  # chord sag of a parallel over 10 m is < 1e-7 m: the polyline is the line


class BoundaryError(ValueError):
    """A boundary that cannot be planned (too few points, repeated points)."""


def radius_of_parallel(lat_deg: float) -> float:
    """N(phi) cos(phi): the radius of the circle of latitude on GRS80, metres."""
    s = math.sin(math.radians(lat_deg))
    return A / math.sqrt(1 - E2 * s * s) * math.cos(math.radians(lat_deg))


@dataclass(frozen=True, slots=True)
class BoundaryEdge:
    """One boundary line from ``start`` to ``end`` in the ring direction of the decree."""

    index: int
    start: BoundaryPoint
    end: BoundaryPoint
    kind: EdgeKind
    length_m: float  # along the parallel / meridian on the ellipsoid

    @property
    def numbers(self) -> tuple[str, str]:
        return (self.start.number, self.end.number)

    def points_at(self, s: Sequence[float] | FloatArray) -> tuple[FloatArray, FloatArray]:
        """Lon and lat of the points at arc positions ``s`` (metres from the start)."""
        arr = np.asarray(s, dtype=np.float64)
        lon0, lat0, lon1, lat1 = self.start.lon, self.start.lat, self.end.lon, self.end.lat
        frac = arr / self.length_m if self.length_m > 0 else np.zeros_like(arr)
        if self.kind == "parallel":
            # Arc length on a parallel is proportional to dlon: linear in lon, lat held fixed.
            return lon0 + frac * (lon1 - lon0), np.full_like(arr, lat0)
        if self.kind == "meridian":
            az = 0.0 if lat1 > lat0 else 180.0
            _, lats, _ = GEOD.fwd(
                np.full_like(arr, lon0), np.full_like(arr, lat0), np.full_like(arr, az), arr
            )
            # A meridian is a geodesic; pin lon exactly so float noise cannot leave it.
            return np.full_like(arr, lon0), np.asarray(lats, dtype=np.float64)
        az12, _, _ = GEOD.inv(lon0, lat0, lon1, lat1)
        lons, lats, _ = GEOD.fwd(
            np.full_like(arr, lon0), np.full_like(arr, lat0), np.full_like(arr, az12), arr
        )
        return np.asarray(lons, dtype=np.float64), np.asarray(lats, dtype=np.float64)


def make_edge(index: int, start: BoundaryPoint, end: BoundaryPoint) -> BoundaryEdge:
    """Classify the line between two boundary points and measure it."""
    if abs(start.lat - end.lat) <= SAME_DEG and abs(start.lon - end.lon) <= SAME_DEG:
        raise BoundaryError(f"boundary points {start.number} and {end.number} coincide")
    if abs(start.lat - end.lat) <= SAME_DEG:
        length = radius_of_parallel(start.lat) * math.radians(abs(end.lon - start.lon))
        return BoundaryEdge(index, start, end, "parallel", length)
    if abs(start.lon - end.lon) <= SAME_DEG:
        _, _, length = GEOD.inv(start.lon, start.lat, start.lon, end.lat)
        return BoundaryEdge(index, start, end, "meridian", float(length))
    # Not what the regulation draws, but old decrees have them: follow the geodesic.
    _, _, length = GEOD.inv(start.lon, start.lat, end.lon, end.lat)
    return BoundaryEdge(index, start, end, "geodesic", float(length))


def boundary_ring(points: Sequence[BoundaryPoint]) -> list[BoundaryPoint]:
    """The decree's points as an open ring (a repeated closing point is dropped)."""
    ring = list(points)
    if len(ring) >= 2:
        first, last = ring[0], ring[-1]
        if abs(first.lat - last.lat) <= SAME_DEG and abs(first.lon - last.lon) <= SAME_DEG:
            ring.pop()
    if len(ring) < 3:
        raise BoundaryError(f"a permit area needs at least 3 boundary points, got {len(ring)}")
    dupes = sorted(n for n, k in Counter(p.number for p in ring).items() if k > 1)
    if dupes:
        raise BoundaryError(f"boundary point number(s) used twice: {', '.join(dupes)}")
    return ring


def boundary_edges(points: Sequence[BoundaryPoint]) -> list[BoundaryEdge]:
    """The closed ring of boundary lines in decree order."""
    ring = boundary_ring(points)
    return [make_edge(i, p, ring[(i + 1) % len(ring)]) for i, p in enumerate(ring)]


def to_grid(grid: GridSpec, lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """SRGI2013 lon/lat arrays to the job grid's E/N."""
    e, n = transformer(SRGI2013_GEO, grid).transform(lon, lat, errcheck=True)
    return np.asarray(e, dtype=np.float64), np.asarray(n, dtype=np.float64)


def from_grid(grid: GridSpec, e: FloatArray, n: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Job grid E/N arrays to SRGI2013 lon/lat."""
    lon, lat = transformer(grid, SRGI2013_GEO).transform(e, n, errcheck=True)
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)


@dataclass(frozen=True)
class GridEdge:
    """A boundary line densified on the job grid; each vertex knows its arc position."""

    edge: BoundaryEdge
    s: FloatArray  # arc positions of the vertices, metres along the line
    line: Any  # shapely LineString on the grid
    cum: FloatArray  # grid distance of each vertex from the start along the polyline

    def s_at_grid_distance(self, d: float) -> float:
        return float(np.interp(d, self.cum, self.s))

    def locate(self, e: float, n: float) -> tuple[float, float]:
        """Arc position of the foot of (e, n) on the line, and its grid distance from it."""
        import shapely  # lazily: the GUI starts without it (shapely is for planning)

        pt = shapely.Point(e, n)
        d = float(self.line.project(pt))
        return self.s_at_grid_distance(d), float(self.line.distance(pt))

    def intervals_within(self, geometry: Any, min_length_m: float) -> list[tuple[float, float]]:
        """Arc intervals of the line that lie inside ``geometry`` (grid), merged and sorted."""
        if geometry is None or geometry.is_empty:
            return []
        import shapely

        inter = self.line.intersection(geometry)
        raw: list[tuple[float, float]] = []
        for part in getattr(inter, "geoms", [inter]):
            if part.geom_type != "LineString" or part.is_empty:
                continue  # single touching points carry no length
            coords = list(part.coords)
            d0 = float(self.line.project(shapely.Point(coords[0])))
            d1 = float(self.line.project(shapely.Point(coords[-1])))
            a, b = sorted((self.s_at_grid_distance(d0), self.s_at_grid_distance(d1)))
            raw.append((a, b))
        raw.sort()
        merged: list[tuple[float, float]] = []
        for a, b in raw:
            if merged and a <= merged[-1][1] + 1e-6:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return [(a, b) for a, b in merged if b - a >= min_length_m]


def grid_edge(edge: BoundaryEdge, grid: GridSpec, step_m: float = DENSIFY_STEP_M) -> GridEdge:
    """Densify ``edge`` every ``step_m`` metres of arc and project it to the job grid."""
    import shapely

    count = max(1, math.ceil(edge.length_m / step_m))
    s = np.linspace(0.0, edge.length_m, count + 1)
    lon, lat = edge.points_at(s)
    e, n = to_grid(grid, lon, lat)
    cum = np.concatenate(([0.0], np.cumsum(np.hypot(np.diff(e), np.diff(n)))))
    return GridEdge(edge, s, shapely.LineString(np.column_stack((e, n))), cum)


def permit_polygon(grid_edges: Sequence[GridEdge]) -> Any:
    """The WIUP as a shapely polygon on the grid, following the parallels and meridians."""
    import shapely

    coords: list[tuple[float, float]] = []
    for ge in grid_edges:
        coords.extend(ge.line.coords[:-1])  # the next edge starts where this one ends
    poly = shapely.Polygon(coords)
    return poly if poly.is_valid else shapely.make_valid(poly)
