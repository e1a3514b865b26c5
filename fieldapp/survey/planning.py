"""Marker planning by the regulation: corners, shared-boundary and activity stretches, names.

Rules (Kepmen ESDM 1825 K/30/MEM/2018, DESIGN.md step 3):

* a marker on every corner (Titik Batas), named by its SK number;
* along stretches shared with a neighbouring permit (within ``shared_tolerance_m`` of its
  boundary on the grid) markers at most 500 m apart;
* along stretches within 3 x pit depth / dump height of an activity zone, at most 100 m apart;
* elsewhere none, unless the user asks for a spacing (which then applies everywhere).

Where rules overlap the tightest spacing wins. Each stretch gets a marker at both ends and the
fewest equally spaced markers in between. Infill markers lie ON the parallel or meridian:
positions are computed in geographic coordinates (see :mod:`fieldapp.survey.edges`), and
spacings are arc lengths along that line on the ellipsoid. Names follow the SK rule of
:mod:`fieldapp.survey.naming`: the SK number of the corner the edge starts from plus A, B,
C ... (after Z: AA, AB ...) in ring direction; an SK label is never handed out as an infill.

Re-planning keeps every marker that is no longer ``planned`` (staked, installed, documented)
exactly where it is with its name: such a marker splits its stretch and the spacing rule is
met on each side. Planned markers may move, be renamed or disappear; new infill markers take
the next letter no kept marker uses, so letters can run out of order around a kept one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from fieldapp.survey.crs import GridSpec
from fieldapp.survey.edges import GridEdge, boundary_edges, grid_edge, permit_polygon
from fieldapp.survey.models import BoundaryPoint, Marker, MarkerKind, MarkerStatus
from fieldapp.survey.naming import SkNumbers, infill_name, marker_sort_key, name_problem
from fieldapp.survey.naming import letters as letters  # re-exported: the planner's sequence
from fieldapp.survey.neighbors import (
    ActivityZone,
    AreaComparison,
    NeighborArea,
    compare_with_neighbor,
    polygon_on_grid,
)
from fieldapp.survey.plan_kept import ON_LINE_M as ON_LINE_M  # re-exported
from fieldapp.survey.plan_kept import place_kept
from fieldapp.survey.spatial import Progress, TiledArea


@dataclass(frozen=True, slots=True)
class PlanRules:
    """The numbers of the regulation and the tolerances of the geometry, in metres."""

    shared_max_m: float = 500.0
    activity_max_m: float = 100.0
    activity_factor: float = 3.0
    shared_tolerance_m: float = 1.0
    # A neighbour touching a corner or crossing an edge gives a piece ~2 x tolerance long:
    # a contact, not a shared line.
    min_stretch_m: float = 5.0
    # Stretch ends this close to a corner or to each other are the same point.
    snap_m: float = 1.0
    user_spacing_m: float | None = None
    gap_search_m: float = 20.0


@dataclass(frozen=True, slots=True)
class Stretch:
    """Part of a boundary line that needs markers at most ``max_spacing_m`` apart."""

    edge: tuple[str, str]
    start_m: float  # arc position from the edge's start corner
    end_m: float
    max_spacing_m: float
    reason: str  # "neighbor:NAME", "activity:NAME" or "user"

    @property
    def length_m(self) -> float:
        return self.end_m - self.start_m


@dataclass(frozen=True, slots=True)
class PlannedMarker:
    """A marker of the plan with where it sits on its boundary line."""

    name: str
    kind: MarkerKind
    seq: int
    lat: float
    lon: float
    edge: tuple[str, str] | None
    offset_m: float | None  # arc position along ``edge`` from its start corner
    status: MarkerStatus = MarkerStatus.PLANNED
    h: float | None = None

    @property
    def kept(self) -> bool:
        return self.status is not MarkerStatus.PLANNED

    def to_marker(self) -> Marker:
        return Marker(
            self.name, self.kind, self.seq, self.lat, self.lon, self.h, self.edge, self.status
        )


@dataclass(frozen=True, slots=True)
class Plan:
    """Markers in ring order, the stretches that asked for them and the neighbour report."""

    grid: GridSpec
    markers: tuple[PlannedMarker, ...]
    stretches: tuple[Stretch, ...]
    comparisons: tuple[AreaComparison, ...]
    dropped: tuple[str, ...] = ()  # planned markers of the previous plan not in this one
    warnings: tuple[str, ...] = field(default=())

    def on_edge(self, edge: tuple[str, str]) -> list[PlannedMarker]:
        """Markers on one boundary line from its start corner to its end corner."""
        inner = [m for m in self.markers if m.edge == edge and m.kind is not MarkerKind.CORNER]
        ends = {m.name: m for m in self.markers if m.kind is MarkerKind.CORNER}
        start, end = ends.get(edge[0]), ends.get(edge[1])
        inner.sort(key=lambda m: m.offset_m or 0.0)
        return [m for m in (start, *inner, end) if m is not None]


def _names(prefix: str, reserved: set[str]) -> Iterator[str]:
    i = 0
    while True:
        name = infill_name(prefix, i)
        i += 1
        if name not in reserved:
            yield name


def equal_positions(start: float, end: float, max_spacing: float) -> list[float]:
    """Both ends and the fewest equally spaced points between so no gap exceeds the spacing."""
    length = end - start
    # 1e-9 relative: a stretch of exactly 1000 m with 500 m spacing needs 2 intervals, not 3.
    n = max(1, math.ceil(length / max_spacing - 1e-9))
    return [start + length * k / n for k in range(n + 1)]


def _snap(value: float, length: float, snap: float) -> float:
    if value <= snap:
        return 0.0
    if value >= length - snap:
        return length
    return value


def _edge_stretches(
    ge: GridEdge,
    rules: PlanRules,
    neighbor_bands: Sequence[tuple[str, TiledArea]],
    activity_reach: Sequence[tuple[str, TiledArea]],
) -> list[Stretch]:
    edge = ge.edge
    length = edge.length_m
    out: list[Stretch] = []
    if rules.user_spacing_m is not None:
        out.append(Stretch(edge.numbers, 0.0, length, rules.user_spacing_m, "user"))
    for sources, spacing in (
        (neighbor_bands, rules.shared_max_m),
        (activity_reach, rules.activity_max_m),
    ):
        for reason, area in sources:
            # Only the tile of the area around this line: the same segments, far fewer.
            near = area.near(ge.line.bounds)
            for a, b in ge.intervals_within(near, rules.min_stretch_m):
                if spacing == rules.shared_max_m:
                    # The band around the neighbour's boundary also covers its side that
                    # leaves our line: pull interior ends back to where the shared line ends.
                    a = a if a <= 1e-6 else a + rules.shared_tolerance_m
                    b = b if b >= length - 1e-6 else b - rules.shared_tolerance_m
                a, b = _snap(a, length, rules.snap_m), _snap(b, length, rules.snap_m)
                if b - a >= rules.min_stretch_m:
                    out.append(Stretch(edge.numbers, a, b, spacing, reason))
    return out


def _edge_positions(
    length: float, stretches: Sequence[Stretch], fixed: Sequence[float], snap: float
) -> list[float]:
    """Arc positions of the infill markers of one edge (corners excluded)."""
    cuts = sorted({0.0, length, *(s.start_m for s in stretches), *(s.end_m for s in stretches)})
    points: list[float] = []
    for c in cuts:  # stretch ends closer than the snap distance are one point
        if not points or c - points[-1] > snap:
            points.append(c)
        elif c == length:
            points[-1] = length
    # Each piece between cuts takes the tightest spacing of the stretches covering it.
    pieces: list[tuple[float, float, float | None]] = []
    for a, b in itertools.pairwise(points):
        mid = (a + b) / 2
        cover = [s.max_spacing_m for s in stretches if s.start_m - snap <= mid <= s.end_m + snap]
        spacing = min(cover) if cover else None
        if pieces and pieces[-1][2] == spacing:
            pieces[-1] = (pieces[-1][0], b, spacing)
        else:
            pieces.append((a, b, spacing))
    result: set[float] = set()
    for a, b, spacing in pieces:
        if spacing is None:
            continue
        # Kept markers inside the piece split it; the rule then holds on each side of them.
        splits = [a, *sorted(f for f in fixed if a + 0.01 < f < b - 0.01), b]
        for x, y in itertools.pairwise(splits):
            result.update(equal_positions(x, y, spacing))
    # Neighbouring pieces compute their shared end separately: one point, not two a
    # nanometre apart; and a new point on a kept marker is that marker.
    out: list[float] = []
    for p in sorted(result):
        if not 0.0 < p < length or any(abs(p - f) <= 0.01 for f in fixed):
            continue
        if out and p - out[-1] <= 0.001:
            continue
        out.append(p)
    return out


def plan_markers(
    points: Sequence[BoundaryPoint],
    grid: GridSpec,
    neighbors: Sequence[NeighborArea] = (),
    activity: Sequence[ActivityZone] = (),
    existing: Sequence[Marker] = (),
    rules: PlanRules | None = None,
    progress: Progress | None = None,
) -> Plan:
    """Plan the markers of a WIUP; ``existing`` markers that are not planned stay as they are.

    ``progress(done, total)`` is called as the work goes on (from the calling thread).
    """
    rules = rules or PlanRules()
    edges = boundary_edges(points)
    # Steps: each line densified, each line planned, then each neighbour compared; one
    # comparison (overlay of the whole WIUP) costs about as much as all the lines.
    per_neighbor = len(edges)
    total = 2 * len(edges) + per_neighbor * len(neighbors) + 1
    tick = _ticker(progress, total)
    gedges = []
    for e in edges:
        gedges.append(grid_edge(e, grid))
        tick()
    permit = permit_polygon(gedges)
    neighbor_bands = [
        (
            f"neighbor:{nb.name}",
            TiledArea(polygon_on_grid(nb.rings, grid).boundary.buffer(rules.shared_tolerance_m)),
        )
        for nb in neighbors
    ]
    activity_reach = [
        (
            f"activity:{z.name}",
            TiledArea(polygon_on_grid(z.rings, grid).buffer(z.reach_m(rules.activity_factor))),
        )
        for z in activity
    ]
    kept = [m for m in existing if m.status is not MarkerStatus.PLANNED]
    kept_by_name = {m.name: m for m in kept}
    warnings: list[str] = []
    kept_on_edge, off_plan = place_kept(kept, gedges, grid, warnings)

    # An SK that labels a point "1A" keeps that name for its corner: infills skip it.
    reserved = set(kept_by_name) | {p.number for p in points}
    markers: list[PlannedMarker] = []
    stretches: list[Stretch] = []
    seq = 0
    for ge in gedges:
        edge = ge.edge
        seq += 1
        corner = kept_by_name.get(edge.start.number)
        if corner is not None:
            markers.append(_keep(corner, seq, MarkerKind.CORNER, edge.numbers, 0.0))
        else:
            markers.append(
                PlannedMarker(
                    edge.start.number,
                    MarkerKind.CORNER,
                    seq,
                    edge.start.lat,
                    edge.start.lon,
                    edge.numbers,
                    0.0,
                )
            )
        edge_stretches = _edge_stretches(ge, rules, neighbor_bands, activity_reach)
        stretches.extend(edge_stretches)
        fixed = {s: m for s, m in kept_on_edge.get(edge.index, [])}
        new = _edge_positions(edge.length_m, edge_stretches, list(fixed), rules.snap_m)
        lon, lat = edge.points_at(new)
        new_points = {s: (float(x), float(y)) for s, x, y in zip(new, lon, lat, strict=True)}
        names = _names(edge.start.number, reserved)
        tick()
        for s in sorted({*new_points, *fixed}):
            seq += 1
            if s in fixed:
                markers.append(_keep(fixed[s], seq, fixed[s].kind, edge.numbers, s))
                continue
            x, y = new_points[s]
            markers.append(
                PlannedMarker(next(names), MarkerKind.INFILL, seq, y, x, edge.numbers, s)
            )
    for m in off_plan:
        seq += 1
        markers.append(_keep(m, seq, m.kind, m.edge, None))
    corner_names = {e.start.number for e in edges}
    for m in kept:
        if m.kind is MarkerKind.CORNER and m.name not in corner_names:
            warnings.append(f"kept corner marker {m.name} is not a boundary point of this plan")
    numbers = SkNumbers(e.start.number for e in edges)
    for m in kept:
        problem = name_problem(m.name, m.kind, numbers, m.edge)
        if problem is not None:
            # A monument in the ground keeps its name; the surveyor renames it deliberately.
            warnings.append(f"kept marker {m.name} breaks the SK naming rule: {problem}")
    names_now = {m.name for m in markers}
    dropped = tuple(
        sorted(
            (m.name for m in existing if m.name not in names_now),
            key=lambda name: marker_sort_key(name, numbers),
        )
    )
    found: list[AreaComparison] = []
    for nb in neighbors:
        found.extend(compare_with_neighbor(permit, nb, grid, rules.gap_search_m))
        tick(per_neighbor)
    comparisons = tuple(found)
    tick()
    for c in comparisons:
        if c.max_width_m > rules.shared_tolerance_m:
            # A sliver wider than the tolerance usually means the two decrees (or datums)
            # disagree about a line they should share: no 500 m rule is applied there.
            warnings.append(
                f"{c.kind} with {c.neighbor}: {c.area_m2:.1f} m2, up to {c.max_width_m:.2f} m "
                f"wide (more than {rules.shared_tolerance_m:g} m: not treated as shared)"
            )
    return Plan(grid, tuple(markers), tuple(stretches), comparisons, dropped, tuple(warnings))


def _ticker(progress: Progress | None, total: int) -> Callable[..., None]:
    """A step counter that tells ``progress`` about each step (or nothing without one)."""
    done = 0

    def tick(steps: int = 1) -> None:
        nonlocal done
        done += steps
        if progress is not None:
            progress(done, total)

    return tick


def _keep(
    m: Marker, seq: int, kind: MarkerKind, edge: tuple[str, str] | None, offset: float | None
) -> PlannedMarker:
    # Position, name, height and status exactly as stored: a monument in the ground is not moved.
    return PlannedMarker(m.name, kind, seq, m.lat, m.lon, edge, offset, m.status, m.h)
