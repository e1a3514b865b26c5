"""The indexed validation, planning and naming find exactly what the all-pairs versions found.

Each brute-force reference below is the pre-index algorithm, kept tiny: every pair of edges
for crossings, ``list.count`` for duplicate numbers, every SK label for a name's prefix, the
whole neighbour band for every boundary line, every line for a kept marker. Boundaries come
from hypothesis on a coarse lattice (so crossings, touching edges, repeated vertices and
collinear overlaps are common), from the demo job, from the SK files in tests/fixtures, and
from tests/wiupgen.py's large WIUPs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testpaths import FIXTURES
from wiupgen import large_areas, large_boundary

from fieldapp.demo_job import create_demo_job, demo_dir
from fieldapp.exchange.boundary_import import (
    read_boundary_geojson,
    read_boundary_kml,
    read_boundary_table,
)
from fieldapp.exchange.problems import ImportFailed
from fieldapp.fieldwork import stored_areas
from fieldapp.operations import job_grid
from fieldapp.store import records as rec
from fieldapp.survey import naming, planning, spatial
from fieldapp.survey.boundary import Finding, _segments_cross, ring_centroid, validate_boundary
from fieldapp.survey.crs import parse_crs
from fieldapp.survey.edges import BoundaryError, GridEdge, boundary_ring, to_grid
from fieldapp.survey.models import BoundaryPoint, Marker, MarkerStatus
from fieldapp.survey.neighbors import NeighborArea
from fieldapp.survey.spatial import TiledArea, envelope_pairs

S = 1 / 3600
LON0, LAT0 = 116.9028125, -0.5223194444
FAST = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


# -- brute-force references ------------------------------------------------------------
def brute_crossings(points: list[BoundaryPoint]) -> list[Finding]:
    pts = list(points)
    if len(pts) >= 2 and (pts[0].lat, pts[0].lon) == (pts[-1].lat, pts[-1].lon):
        pts = pts[:-1]
    n, xy = len(pts), [(p.lon, p.lat) for p in pts]
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if _segments_cross(xy[i], xy[(i + 1) % n], xy[j], xy[(j + 1) % n]):
                a, b = pts[i].number, pts[(i + 1) % n].number
                c, d = pts[j].number, pts[(j + 1) % n].number
                text = f"edge {a}-{b} crosses or touches edge {c}-{d}"
                out.append(Finding("self_intersection", text, (a, b)))
    return out


def brute_parse_base(name: str, points: list[str]) -> naming.ParsedName | None:
    known = set(points)
    if name in known:
        return naming.ParsedName(name, naming.MarkerKind.CORNER, name)
    prefixes = [p for p in known
                if name.startswith(p) and naming.LETTERS_RE.fullmatch(name[len(p):])]  # fmt: skip
    best = max(prefixes, key=len, default=None)
    if best is None:
        return None
    return naming.ParsedName(name, naming.MarkerKind.INFILL, best, name[len(best) :])


class WholeArea:
    """The reference for TiledArea: every line meets the whole area."""

    def __init__(self, geometry: Any) -> None:
        self.geometry = geometry

    def near(self, bounds: Any) -> Any:
        return self.geometry


def brute_place_kept(kept, gedges, grid, warnings):  # type: ignore[no-untyped-def]
    corners = {ge.edge.start.number for ge in gedges}
    on_edge: dict[int, list[tuple[float, Marker]]] = {}
    off = []
    for m in kept:
        if m.kind is planning.MarkerKind.CORNER and m.name in corners:
            continue
        e, n = to_grid(grid, np.array([m.lon]), np.array([m.lat]))
        candidates = sorted(gedges, key=lambda ge: (ge.edge.numbers != m.edge, ge.edge.index))
        best: tuple[float, float, GridEdge] | None = None
        for ge in candidates:
            s, dist = ge.locate(float(e[0]), float(n[0]))
            if (
                dist <= planning.ON_LINE_M
                and 0.0 < s < ge.edge.length_m
                and (best is None or dist < best[1])
            ):
                best = (s, dist, ge)
                if ge.edge.numbers == m.edge:
                    break
        if best is None:
            warnings.append(f"kept marker {m.name} is not on any boundary line of this plan")
            off.append(m)
        else:
            on_edge.setdefault(best[2].edge.index, []).append((best[0], m))
    return on_edge, off


def brute_plan(monkeypatch: pytest.MonkeyPatch, *args: Any, **kw: Any) -> planning.Plan:
    with monkeypatch.context() as m:
        m.setattr(planning, "TiledArea", WholeArea)
        m.setattr(planning, "place_kept", brute_place_kept)
        return planning.plan_markers(*args, **kw)


def same_plan(a: planning.Plan, b: planning.Plan) -> None:
    assert a.markers == b.markers  # names, kinds, lat/lon to the last bit
    assert a.stretches == b.stretches
    assert (a.comparisons, a.dropped, a.warnings) == (b.comparisons, b.dropped, b.warnings)


# -- validation ------------------------------------------------------------------------
lattice_ring = st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=3, max_size=40)


def lattice_points(
    cells: list[tuple[int, int]], numbers: list[str] | None = None
) -> list[BoundaryPoint]:
    return [BoundaryPoint(numbers[i] if numbers else str(i + 1),
                          LAT0 + 10 * y * S, LON0 + 10 * x * S, "", "")
            for i, (x, y) in enumerate(cells)]  # fmt: skip


@FAST
@given(lattice_ring)
def test_crossings_are_those_of_every_pair(cells: list[tuple[int, int]]) -> None:
    pts = lattice_points(cells)
    report = validate_boundary(pts, 1.0)
    crossings = [f for f in report.errors if f.code == "self_intersection"]
    expected = brute_crossings(pts) if len(boundary_like(pts)) >= 4 else []
    assert crossings == expected
    # Crossings stay between the edge findings and the area check, as before.
    codes = [f.code for f in report.errors]
    after = codes[codes.index("self_intersection") :] if crossings else []
    assert set(after) <= {"self_intersection", "area_mismatch"}


def boundary_like(pts: list[BoundaryPoint]) -> list[BoundaryPoint]:
    if len(pts) >= 2 and (pts[0].lat, pts[0].lon) == (pts[-1].lat, pts[-1].lon):
        return pts[:-1]
    return pts


@FAST
@given(st.lists(st.sampled_from(["1", "2", "3", "1A", "P1", "10"]), min_size=4, max_size=30))
def test_duplicate_numbers_are_those_counted(numbers: list[str]) -> None:
    cells = [(i % 5, i // 5) for i in range(len(numbers))]
    report = validate_boundary(lattice_points(cells, numbers))
    dupes = sorted({x for x in numbers if numbers.count(x) > 1})
    found = [f.message for f in report.errors if f.code == "duplicate_number"]
    assert found == ([f"point number(s) used twice: {', '.join(dupes)}"] if dupes else [])
    if dupes:
        with pytest.raises(BoundaryError, match=", ".join(dupes)):
            boundary_ring(lattice_points(cells, numbers))


def test_envelope_pairs_are_every_pair_whose_boxes_meet() -> None:
    rng = np.random.default_rng(16)
    a = rng.integers(0, 20, (300, 2)).astype(float)
    b = a + rng.integers(-3, 4, (300, 2))
    box = np.concatenate((np.minimum(a, b), np.maximum(a, b)), axis=1)
    expected = [(i, j) for i in range(300) for j in range(i + 1, 300)
                if box[i, 0] <= box[j, 2] and box[j, 0] <= box[i, 2]
                and box[i, 1] <= box[j, 3] and box[j, 1] <= box[i, 3]]  # fmt: skip
    assert envelope_pairs(a, b) == expected


def sk_points() -> list[tuple[str, list[BoundaryPoint]]]:
    """Every SK fixture its reader accepts (the crafted bad ones are the readers' tests)."""
    out = []
    demo = demo_dir() / "titik_batas.csv"
    for path in [*sorted((FIXTURES / "sk").iterdir()), demo]:
        reader = {".geojson": read_boundary_geojson, ".kml": read_boundary_kml}.get(
            path.suffix, read_boundary_table
        )
        try:
            out.append((path.name, reader(path).points))
        except ImportFailed:
            continue
    return out


def test_sk_files_validate_as_every_pair_does() -> None:
    files = sk_points()
    assert len(files) >= 6 and files[-1][0] == "titik_batas.csv"
    for name, pts in files:
        report = validate_boundary(pts, 745.54)
        found = [f for f in report.errors if f.code == "self_intersection"]
        assert found == brute_crossings(pts), name


def test_large_wiups_validate_as_every_pair_does() -> None:
    for n in (200, 400):
        pts = large_boundary(n)
        report = validate_boundary(pts)
        assert report.valid and report.warnings == [] and brute_crossings(pts) == []
    # A bow-tie and a touching spike folded into a large ring are found, in pair order.
    pts = large_boundary(200)
    pts[50] = dataclasses.replace(pts[50], lat=pts[150].lat, lon=pts[150].lon)
    pts[120], pts[121] = pts[121], pts[120]
    crossings = [f for f in validate_boundary(pts).errors if f.code == "self_intersection"]
    assert crossings == brute_crossings(pts) and len(crossings) >= 3


# -- naming ------------------------------------------------------------------------------
labels = st.lists(st.sampled_from(["1", "2", "10", "1A", "P1", "P", "12", "2B", "A"]),
                  min_size=1, max_size=8, unique=True)  # fmt: skip


names = st.tuples(st.sampled_from(["", "1", "2", "P", "P1", "12", "A"]),
                  st.text("ABC", max_size=3)).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None, derandomize=True)
@given(labels, st.lists(names, max_size=10))
def test_names_parse_as_against_every_label(points: list[str], names: list[str]) -> None:
    indexed = naming.SkNumbers(points)
    for name in [*names, *points]:
        assert naming._parse_base(name, points) == brute_parse_base(name, points)
        assert naming._parse_base(name, indexed) == brute_parse_base(name, points)
        key = naming.marker_sort_key(name, points)
        assert naming.marker_sort_key(name, indexed) == key
        parsed = brute_parse_base(name, points)
        if parsed is not None:
            assert key[0] == (0, points.index(parsed.point), ())


# -- planning ----------------------------------------------------------------------------
def test_tiles_give_the_intervals_of_the_whole_band() -> None:
    n = 400
    pts = large_boundary(n)
    neighbors, _ = large_areas(n)
    grid = parse_crs("auto", centroid=ring_centroid(pts))
    band = planning.polygon_on_grid(neighbors[0].rings, grid).boundary.buffer(1.0)
    tiled = TiledArea(band)
    assert tiled.root is not None and tiled.root.children  # it really is cut into tiles
    edges = planning.boundary_edges(pts)
    shared = 0
    for e in edges:
        ge = planning.grid_edge(e, grid)
        whole = ge.intervals_within(band, 5.0)
        assert ge.intervals_within(tiled.near(ge.line.bounds), 5.0) == whole
        shared += bool(whole)
    assert shared > n // 10


@pytest.mark.parametrize("n", [200, pytest.param(1000, marks=pytest.mark.slow)])
def test_large_plans_equal_the_whole_band_plan(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pts = large_boundary(n)
    neighbors, zones = large_areas(n)
    grid = parse_crs("auto", centroid=ring_centroid(pts))
    plan = planning.plan_markers(pts, grid, neighbors, zones)
    same_plan(plan, brute_plan(monkeypatch, pts, grid, neighbors, zones))
    assert {s.reason.split(":")[0] for s in plan.stretches} == {"neighbor", "activity"}
    # Re-planned with kept markers: some installed, some moved off their line or edge-less.
    existing = []
    for i, m in enumerate(plan.markers):
        marker = m.to_marker()
        if i % 3 == 0:
            marker = dataclasses.replace(marker, status=MarkerStatus.INSTALLED)
        if i % 7 == 0:
            shift = (i % 5 - 2) * 4e-6  # up to ~0.9 m: on or off the line
            edge = None if i % 2 else marker.edge
            marker = dataclasses.replace(marker, lat=marker.lat + shift, edge=edge)
        existing.append(marker)
    again = planning.plan_markers(pts, grid, neighbors, zones, existing)
    same_plan(again, brute_plan(monkeypatch, pts, grid, neighbors, zones, existing))


def test_demo_plan_equals_the_whole_band_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_demo_job(tmp_path / "Demo.fieldapp") as store:
        pts = rec.load_boundary_points(store.db)
        neighbors, zones = stored_areas(store)
        grid = job_grid(store)
    monkeypatch.setattr(spatial, "TILE_VERTICES", 16)  # the small demo band cut small too
    for spacing in (None, 150.0):
        rules = planning.PlanRules(user_spacing_m=spacing)
        plan = planning.plan_markers(pts, grid, neighbors, zones, rules=rules)
        same_plan(plan, brute_plan(monkeypatch, pts, grid, neighbors, zones, rules=rules))


staircase = st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40)), min_size=2, max_size=8)


@pytest.mark.slow  # ~2 s an example: each plans twice with a neighbour
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(staircase, st.integers(0, 3))
def test_random_staircases_plan_as_with_the_whole_band(
    small_tiles: None, steps: list[tuple[int, int]], shift: int
) -> None:
    # A rectilinear ring: a staircase up-left, then straight back; a neighbour shares a part.
    x = y = 0
    cells = [(0, 0)]
    for dx, dy in steps:
        x -= dx
        cells.append((x, y))
        y += dy
        cells.append((x, y))
    cells += [(0, y)]
    pts = [BoundaryPoint(str(i + 1), LAT0 + cy * S, LON0 + cx * S, "", "")
           for i, (cx, cy) in enumerate(cells)]  # fmt: skip
    share = cells[shift : shift + 4]
    far = [(share[-1][0], share[-1][1] + 100), (100, share[-1][1] + 100), (100, share[0][1])]
    ring = tuple((LON0 + cx * S, LAT0 + cy * S) for cx, cy in [*share, *far, share[0]])
    neighbors = [NeighborArea("N", (ring,))]
    grid = parse_crs("auto", centroid=ring_centroid(pts))
    try:
        plan = planning.plan_markers(pts, grid, neighbors)
    except BoundaryError:
        return
    with pytest.MonkeyPatch.context() as m:
        m.setattr(planning, "TiledArea", WholeArea)
        same_plan(plan, planning.plan_markers(pts, grid, neighbors))


@pytest.fixture
def small_tiles():  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(spatial, "TILE_VERTICES", 16)  # small bands cut into tiles too
        yield


def test_progress_rises_to_its_total_and_changes_nothing() -> None:
    pts = large_boundary(200)
    neighbors, zones = large_areas(200, sides=2)
    grid = parse_crs("auto", centroid=ring_centroid(pts))
    calls: list[tuple[int, int]] = []
    plan = planning.plan_markers(
        pts, grid, neighbors, zones, progress=lambda d, t: calls.append((d, t))
    )
    done = [d for d, _ in calls]
    assert len({t for _, t in calls}) == 1 and done == sorted(set(done)) and done[-1] == calls[0][1]
    same_plan(plan, planning.plan_markers(pts, grid, neighbors, zones))
    checks: list[tuple[int, int]] = []
    assert validate_boundary(pts, None, lambda d, t: checks.append((d, t))) == validate_boundary(
        pts
    )
    assert checks == [(1, 3), (2, 3), (3, 3)]
