"""Neighbouring permit areas and activity zones: their polygons on the grid, overlaps and gaps.

Areas and widths are measured on the job's grid (grid square metres, as a GIS shows them;
the point scale factor makes them differ from ellipsoid areas by < 0.1 %). Polygon rings
are densified in lon/lat before projecting, so an edge along a parallel stays on it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from fieldapp.survey.crs import GridSpec
from fieldapp.survey.edges import to_grid

Ring = tuple[tuple[float, float], ...]  # (lon, lat) SRGI2013, outer boundary of one polygon
ZoneKind = Literal["pit", "dump"]

# A degree of latitude is ~110.6 km: 1e-4 deg keeps densified vertices ~11 m apart.
_DENSIFY_DEG = 1e-4
# Differences below these are float noise of the polygon operations, not a real sliver.
MIN_AREA_M2 = 0.01
MIN_WIDTH_M = 0.001


class AreaError(ValueError):
    """A neighbour or activity zone geometry that cannot be used."""


@dataclass(frozen=True, slots=True)
class NeighborArea:
    """Another permit area (IUP, forestry, plantation ...) next to the WIUP."""

    name: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True, slots=True)
class ActivityZone:
    """A pit (with its depth) or a dump (with its height) near the boundary."""

    name: str
    kind: ZoneKind
    rings: tuple[Ring, ...]
    depth_m: float | None = None
    height_m: float | None = None

    @property
    def size_m(self) -> float:
        value = self.depth_m if self.kind == "pit" else self.height_m
        if value is None or value <= 0:
            what = "depth_m" if self.kind == "pit" else "height_m"
            raise AreaError(f"{self.kind} {self.name!r} needs a positive {what}")
        return value

    def reach_m(self, factor: float = 3.0) -> float:
        """How far the zone's influence reaches: 3 x pit depth or dump height."""
        return factor * self.size_m


@dataclass(frozen=True, slots=True)
class AreaComparison:
    """Overlap (both claim it) or gap (neither claims it) between the WIUP and a neighbour."""

    neighbor: str
    kind: Literal["overlap", "gap"]
    area_m2: float
    max_width_m: float  # twice the radius of the largest circle that fits in a piece
    pieces: int

    @property
    def area_ha(self) -> float:
        return self.area_m2 / 10_000.0


def rings_from_geojson(geometry: Mapping[str, Any]) -> tuple[Ring, ...]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon (holes do not bound a permit)."""
    gtype = geometry.get("type")
    coords = geometry.get("coordinates")
    if gtype == "Polygon" and coords:
        polys = [coords]
    elif gtype == "MultiPolygon" and coords:
        polys = list(coords)
    elif gtype == "GeometryCollection":
        out: list[Ring] = []
        for g in geometry.get("geometries", []):
            out.extend(rings_from_geojson(g))
        return tuple(out)
    else:
        raise AreaError(f"expected a Polygon or MultiPolygon, got {gtype!r}")
    rings: list[Ring] = []
    for poly in polys:
        ring = tuple((float(c[0]), float(c[1])) for c in poly[0])
        if len(set(ring)) < 3:
            raise AreaError(
                f"a polygon ring needs at least 3 distinct points, got {len(set(ring))}"
            )
        rings.append(ring)
    return tuple(rings)


def rings_to_geojson(rings: Sequence[Ring]) -> dict[str, Any]:
    """The rings as a GeoJSON geometry (Polygon for one ring, else MultiPolygon)."""
    closed = [[list(p) for p in (r if r[0] == r[-1] else (*r, r[0]))] for r in rings]
    if len(closed) == 1:
        return {"type": "Polygon", "coordinates": [closed[0]]}
    return {"type": "MultiPolygon", "coordinates": [[r] for r in closed]}


def _densify(ring: Ring) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    pts = list(ring)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    lons: list[float] = []
    lats: list[float] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        n = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / _DENSIFY_DEG))
        t = np.arange(n) / n
        lons.extend(x0 + t * (x1 - x0))
        lats.extend(y0 + t * (y1 - y0))
    lons.append(pts[-1][0])
    lats.append(pts[-1][1])
    return np.asarray(lons, dtype=np.float64), np.asarray(lats, dtype=np.float64)


def polygon_on_grid(rings: Sequence[Ring], grid: GridSpec) -> Any:
    """A (multi)polygon on the job grid from lon/lat rings, edges densified on the sphere."""
    import shapely  # lazily: the GUI starts without it (shapely is for planning and checks)

    polys = []
    for ring in rings:
        e, n = to_grid(grid, *_densify(ring))
        poly = shapely.Polygon(np.column_stack((e, n)))
        polys.append(poly if poly.is_valid else shapely.make_valid(poly))
    return shapely.unary_union(polys)


def max_width(geometry: Any) -> float:
    """Largest width of a (multi)polygon: the diameter of its largest inscribed circle."""
    import shapely

    best = 0.0
    for part in getattr(geometry, "geoms", [geometry]):
        if part.geom_type != "Polygon" or part.area < MIN_AREA_M2:
            continue
        # 1 mm tolerance: a sliver a few km long still gets its width to the millimetre.
        radius = shapely.maximum_inscribed_circle(part, tolerance=0.001).length
        best = max(best, 2.0 * float(radius))
    return best


def _pieces(geometry: Any) -> list[Any]:
    return [
        p
        for p in getattr(geometry, "geoms", [geometry])
        if p.geom_type == "Polygon" and p.area >= MIN_AREA_M2
    ]


def compare_with_neighbor(
    permit: Any, neighbor: NeighborArea, grid: GridSpec, gap_search_m: float = 20.0
) -> tuple[AreaComparison, AreaComparison]:
    """Overlap and gap of the permit polygon (grid) against one neighbour.

    A gap is ground claimed by neither area that a closing of ``gap_search_m`` fills: a
    sliver up to 2 x gap_search_m wide between the two, touching both (a real corridor
    between permits wider than that is not reported as a gap).
    """
    import shapely

    other = polygon_on_grid(neighbor.rings, grid)
    overlap = [p for p in _pieces(permit.intersection(other)) if max_width(p) >= MIN_WIDTH_M]
    union = shapely.unary_union([permit, other])
    mitre = shapely.BufferJoinStyle.mitre
    closed = union.buffer(gap_search_m, join_style=mitre).buffer(-gap_search_m, join_style=mitre)
    touch = 0.01  # a gap piece lies against both areas (to a centimetre)
    gaps = [
        p
        for p in _pieces(closed.difference(union))
        if p.distance(permit) < touch and p.distance(other) < touch and max_width(p) >= MIN_WIDTH_M
    ]
    result = []
    for kind, pieces in (("overlap", overlap), ("gap", gaps)):
        area = float(sum(p.area for p in pieces))
        width = max((max_width(p) for p in pieces), default=0.0)
        result.append(AreaComparison(neighbor.name, kind, area, width, len(pieces)))  # type: ignore[arg-type]
    return result[0], result[1]


def compare_with_neighbors(
    permit: Any, neighbors: Sequence[NeighborArea], grid: GridSpec, gap_search_m: float = 20.0
) -> tuple[AreaComparison, ...]:
    """Overlap and gap against every neighbour, in input order."""
    out: list[AreaComparison] = []
    for nb in neighbors:
        out.extend(compare_with_neighbor(permit, nb, grid, gap_search_m))
    return tuple(out)
