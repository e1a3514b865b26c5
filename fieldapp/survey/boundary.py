"""WIUP validation: closed rectilinear ring, edges along parallels and meridians, SK area check."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pyproj import Geod

from fieldapp.survey.dms import on_seconds_grid
from fieldapp.survey.models import BoundaryPoint
from fieldapp.survey.scale import E2, A
from fieldapp.survey.spatial import Progress, envelope_pairs

Direction = Literal["N-S", "E-W", "other"]
GEOD = Geod(ellps="GRS80")
B2 = (A * math.sqrt(1 - E2)) ** 2
ECC = math.sqrt(E2)

# Equal latitudes/longitudes within half a unit of the SK's 0.001" grid count as one line.
SAME_ANGLE_DEG = 0.0005 / 3600
# SK areas are printed to 0.01 ha; beyond 1 % the table itself is probably mistyped.
AREA_ROUNDING_HA = 0.005
AREA_ERROR_FRACTION = 0.01


@dataclass(frozen=True, slots=True)
class Finding:
    """One error or warning, with the edge (pair of SK numbers) it concerns when there is one."""

    code: str
    message: str
    edge: tuple[str, str] | None = None
    point: str | None = None


@dataclass(frozen=True, slots=True)
class EdgeReport:
    start: str
    end: str
    direction: Direction
    length_m: float


@dataclass(frozen=True, slots=True)
class BoundaryReport:
    """The verdict on a WIUP boundary."""

    area_ha: float | None
    sk_area_ha: float | None
    edges: list[EdgeReport]
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def area_difference_ha(self) -> float | None:
        if self.area_ha is None or self.sk_area_ha is None:
            return None
        return self.area_ha - self.sk_area_ha

    @property
    def area_difference_pct(self) -> float | None:
        diff = self.area_difference_ha
        if diff is None or not self.sk_area_ha:
            return None
        return 100.0 * diff / self.sk_area_ha


def authalic_strip(lat_deg: float) -> float:
    """Ellipsoid area between the equator and ``lat_deg`` per radian of longitude, m²."""
    s = math.sin(math.radians(lat_deg))
    es = ECC * s
    return B2 / 2 * (s / (1 - es * es) + math.log((1 + es) / (1 - es)) / (2 * ECC))


def edge_direction(p: BoundaryPoint, q: BoundaryPoint) -> Direction:
    same_lat = abs(p.lat - q.lat) <= SAME_ANGLE_DEG
    same_lon = abs(p.lon - q.lon) <= SAME_ANGLE_DEG
    if same_lat and not same_lon:
        return "E-W"
    if same_lon and not same_lat:
        return "N-S"
    return "other"


def edge_length(p: BoundaryPoint, q: BoundaryPoint, direction: Direction) -> float:
    """Length on the ellipsoid along the parallel, the meridian, or the geodesic."""
    if direction == "E-W":
        lat = math.radians((p.lat + q.lat) / 2)
        n = A / math.sqrt(1 - E2 * math.sin(lat) ** 2)
        return n * math.cos(lat) * abs(math.radians(q.lon - p.lon))
    # A meridian is a geodesic, so Geod gives the meridian arc exactly.
    _, _, dist = GEOD.inv(p.lon, p.lat, q.lon, q.lat)
    return float(dist)


def ring_area_m2(points: Sequence[BoundaryPoint], steps_per_other_edge: int = 200) -> float:
    """Area of the ring whose edges follow parallels and meridians (others straight in lon/lat).

    Green's theorem with the authalic strip function: only edges that change longitude
    contribute, and along a parallel the contribution is exact.
    """
    total = 0.0
    n = len(points)
    for i in range(n):
        p, q = points[i], points[(i + 1) % n]
        dlon = math.radians(q.lon - p.lon)
        if dlon == 0.0:
            continue
        direction = edge_direction(p, q)
        if direction == "E-W":
            total += dlon * authalic_strip((p.lat + q.lat) / 2)
        else:
            for k in range(steps_per_other_edge):
                t = (k + 0.5) / steps_per_other_edge
                total += dlon / steps_per_other_edge * authalic_strip(p.lat + t * (q.lat - p.lat))
    return abs(total)


def _segments_cross(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float], d: tuple[float, float]
) -> bool:
    def orient(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    def on_segment(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> bool:
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(
            p[1], q[1]
        )

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if ((o1 > 0) != (o2 > 0)) and ((o3 > 0) != (o4 > 0)) and o1 and o2 and o3 and o4:
        return True
    # Touching or overlapping segments also break a simple ring.
    return any(
        o == 0 and on_segment(s, t, r)
        for o, s, t, r in ((o1, a, b, c), (o2, a, b, d), (o3, c, d, a), (o4, c, d, b))
    )


def validate_boundary(
    points: Sequence[BoundaryPoint],
    sk_area_ha: float | None = None,
    progress: Progress | None = None,
) -> BoundaryReport:
    """Check a WIUP ring from the SK table. The closing edge n -> 1 is implied.

    ``progress(done, total)`` is called between the steps (from the calling thread).
    """
    errors: list[Finding] = []
    warnings: list[Finding] = []
    pts = list(points)
    if len(pts) >= 2 and pts[0].lat == pts[-1].lat and pts[0].lon == pts[-1].lon:
        pts = pts[:-1]  # a table that repeats point 1 at the end: the ring is already closed
    if len(pts) < 4:
        errors.append(
            Finding("too_few_points", f"{len(pts)} boundary points: a WIUP needs at least 4")
        )
        return BoundaryReport(None, sk_area_ha, [], errors, warnings)

    numbers = [p.number for p in pts]
    if len(set(numbers)) != len(numbers):
        dupes = sorted(x for x, k in Counter(numbers).items() if k > 1)
        errors.append(
            Finding("duplicate_number", f"point number(s) used twice: {', '.join(dupes)}")
        )
    if all(x.isdigit() for x in numbers) and [int(x) for x in numbers] != list(
        range(int(numbers[0]), int(numbers[0]) + len(numbers))
    ):
        warnings.append(
            Finding("numbering", f"point numbers are not consecutive: {', '.join(numbers)}")
        )
    for p in pts:
        if not (on_seconds_grid(p.lat) and on_seconds_grid(p.lon)):
            warnings.append(
                Finding(
                    "off_grid",
                    f'point {p.number} is not on the 0.001" grid of the SK (more decimals than the'
                    " decree prints?)",
                    point=p.number,
                )
            )

    edges: list[EdgeReport] = []
    n = len(pts)
    for i in range(n):
        p, q = pts[i], pts[(i + 1) % n]
        pair = (p.number, q.number)
        if p.lat == q.lat and p.lon == q.lon:
            errors.append(
                Finding("zero_length_edge", f"edge {p.number}-{q.number} has no length", pair)
            )
            edges.append(EdgeReport(p.number, q.number, "other", 0.0))
            continue
        direction = edge_direction(p, q)
        length = edge_length(p, q, direction)
        edges.append(EdgeReport(p.number, q.number, direction, length))
        if direction == "other":
            errors.append(
                Finding(
                    "edge_not_rectilinear",
                    f"edge {p.number}-{q.number} runs neither along a parallel nor a meridian"
                    f' (dLat {(q.lat - p.lat) * 3600:+.3f}", dLon {(q.lon - p.lon) * 3600:+.3f}")',
                    pair,
                )
            )
    for i in range(n):
        prev, cur = edges[i - 1], edges[i]
        if prev.direction == cur.direction != "other":
            warnings.append(
                Finding(
                    "redundant_vertex",
                    f"point {cur.start} lies on a straight {cur.direction} line between"
                    f" {prev.start} and {cur.end}",
                    point=cur.start,
                )
            )

    xy = [(p.lon, p.lat) for p in pts]
    if progress is not None:
        progress(1, 3)
    # Only edges whose boxes meet can cross or touch: the index finds them in O(n log n),
    # in the (i, j) order of the all-pairs loop it replaces, so findings keep their order.
    for i, j in envelope_pairs(xy, xy[1:] + xy[:1]):
        if j == i + 1 or (i == 0 and j == n - 1):
            continue  # neighbouring edges share a vertex
        if _segments_cross(xy[i], xy[(i + 1) % n], xy[j], xy[(j + 1) % n]):
            a, b = pts[i].number, pts[(i + 1) % n].number
            c, d = pts[j].number, pts[(j + 1) % n].number
            errors.append(
                Finding(
                    "self_intersection",
                    f"edge {a}-{b} crosses or touches edge {c}-{d}",
                    (a, b),
                )
            )
    if progress is not None:
        progress(2, 3)

    area_ha = ring_area_m2(pts) / 10_000
    report = BoundaryReport(area_ha, sk_area_ha, edges, errors, warnings)
    diff = report.area_difference_ha
    if diff is not None and sk_area_ha:
        text = (
            f"computed area {area_ha:.4f} ha differs from the SK area {sk_area_ha:.2f} ha"
            f" by {diff:+.4f} ha ({100 * diff / sk_area_ha:+.3f} %)"
        )
        if abs(diff) > AREA_ERROR_FRACTION * sk_area_ha:
            errors.append(Finding("area_mismatch", text))
        elif abs(diff) > AREA_ROUNDING_HA:
            warnings.append(Finding("area_mismatch", text))
    if progress is not None:
        progress(3, 3)
    return report


def ring_centroid(points: Sequence[BoundaryPoint]) -> tuple[float, float]:
    """Mean lon/lat of the vertices: good enough to pick a grid zone."""
    return (
        sum(p.lon for p in points) / len(points),
        sum(p.lat for p in points) / len(points),
    )
