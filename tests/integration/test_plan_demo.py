"""Marker planning on the bundled demo job (East Kalimantan): counts, spacings, names, re-plan."""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyproj import Geod

from fieldapp.demo_job import create_demo_job
from fieldapp.operations import job_grid
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.edges import radius_of_parallel
from fieldapp.survey.models import MarkerKind, MarkerStatus
from fieldapp.survey.neighbors import ActivityZone, NeighborArea, rings_from_geojson
from fieldapp.survey.planning import PlanRules, plan_markers

GEOD = Geod(ellps="GRS80")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[JobStore]:
    store = create_demo_job(tmp_path / "demo.fieldapp")
    yield store
    store.close()


def _inputs(store: JobStore) -> tuple[list[NeighborArea], list[ActivityZone]]:
    nbs = [
        NeighborArea(r["name"], rings_from_geojson(r["geometry"]))
        for r in rec.load_geojson_rows(store.db, "neighbor_area")
    ]
    zones = [
        ActivityZone(r["name"], r["kind"], rings_from_geojson(r["geometry"]), r["depth_m"])
        for r in rec.load_geojson_rows(store.db, "activity_zone")
    ]
    return nbs, zones


def _plan(store: JobStore, **kw):  # type: ignore[no-untyped-def]
    nbs, zones = _inputs(store)
    return plan_markers(
        rec.load_boundary_points(store.db),
        job_grid(store),
        nbs,
        zones,
        rec.load_markers(store.db),
        **kw,
    )


def _gaps(markers) -> list[float]:  # type: ignore[no-untyped-def]
    return [GEOD.inv(a.lon, a.lat, b.lon, b.lat)[2] for a, b in itertools.pairwise(markers)]


def test_demo_plan_counts_names_and_spacings(demo: JobStore) -> None:
    plan = _plan(demo)
    points = rec.load_boundary_points(demo.db)
    corners = [m for m in plan.markers if m.kind is MarkerKind.CORNER]
    assert [m.name for m in corners] == [p.number for p in points] == [str(i) for i in range(1, 11)]
    assert all((m.lat, m.lon) == (p.lat, p.lon) for m, p in zip(corners, points, strict=True))
    # Edge 4-5 (meridian, 1382 m) borders PT Tetangga: 3 intervals of 460.7 m.
    shared = plan.on_edge(("4", "5"))
    assert [m.name for m in shared] == ["4", "4A", "4B", "5"]
    _, _, length_45 = GEOD.inv(points[3].lon, points[3].lat, points[4].lon, points[4].lat)
    assert _gaps(shared) == pytest.approx([length_45 / 3] * 3, abs=1e-3)
    assert all(m.lon == points[3].lon for m in shared)  # on the meridian
    # Edge 5-6 (parallel): Pit Selatan (60 m deep) lies within 180 m: <= 100 m there only.
    edge56 = plan.on_edge(("5", "6"))
    infill = [m for m in edge56 if m.kind is MarkerKind.INFILL]
    assert [m.name for m in infill] == [f"5{c}" for c in "ABCDEFGHIJK"]
    inner = _gaps(infill)
    assert max(inner) <= 100.0 and max(inner) - min(inner) < 1e-3
    assert all(m.lat == points[4].lat for m in edge56)  # on the parallel
    assert len(plan.markers) == 10 + 2 + 11


def test_demo_activity_stretch_matches_independent_geometry(demo: JobStore) -> None:
    plan = _plan(demo)
    (act,) = [s for s in plan.stretches if s.reason.startswith("activity:")]
    _, zones = _inputs(demo)
    ring = zones[0].rings[0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    edge_lat = rec.load_boundary_points(demo.db)[4].lat
    # Independent: pit's distance to the parallel along the meridian, its width along the
    # parallel, and the 3 x 60 m reach rounding each end (a circle of 180 m).
    _, _, gap = GEOD.inv(lons[0], min(lats), lons[0], edge_lat)
    width = radius_of_parallel(edge_lat) * math.radians(max(lons) - min(lons))
    expected = width + 2 * math.sqrt(180.0**2 - gap**2)
    # 1 m: reach is measured on the grid (k = 0.9996 here), the stretch along the ellipsoid.
    assert act.length_m == pytest.approx(expected, abs=1.0)
    assert act.edge == ("5", "6") and act.max_spacing_m == 100.0


def test_demo_overlap_report_with_the_neighbour(demo: JobStore) -> None:
    plan = _plan(demo)
    assert [(c.neighbor.startswith("PT Tetangga"), c.kind) for c in plan.comparisons] == [
        (True, "overlap"),
        (True, "gap"),
    ]
    # The demo neighbour shares edge 4-5 exactly (to 9 decimals of a degree: 0.04 mm).
    assert all(c.area_m2 < 1.0 and c.max_width_m < 0.01 for c in plan.comparisons)


def test_demo_replan_keeps_installed_markers(demo: JobStore) -> None:
    first = _plan(demo)
    rec.upsert_markers(demo.db, [m.to_marker() for m in first.markers])
    rec.set_marker_status(demo.db, "5C", MarkerStatus.INSTALLED)
    rec.set_marker_status(demo.db, "4", MarkerStatus.DOCUMENTED)
    before = {m.name: m for m in rec.load_markers(demo.db)}
    plan = _plan(demo, rules=PlanRules(user_spacing_m=250.0))
    got = {m.name: m for m in plan.markers}
    for name in ("5C", "4"):
        assert (got[name].lat, got[name].lon, got[name].status) == (
            before[name].lat,
            before[name].lon,
            before[name].status,
        )
    for edge in {m.edge for m in plan.markers if m.edge}:
        assert max(_gaps(plan.on_edge(edge))) <= 250.0 + 1e-6
    assert len(got) == len(plan.markers)  # names stay unique
    # Same inputs again: the kept marker falls on the same equal spacing; nothing is dropped.
    again = _plan(demo)
    assert again.dropped == ()
    assert [m.name for m in again.markers] == [m.name for m in first.markers]


def test_demo_kept_marker_moved_by_hand_is_not_moved_back(demo: JobStore) -> None:
    first = _plan(demo)
    markers = [m.to_marker() for m in first.markers]
    moved = [
        dataclasses.replace(m, lon=m.lon + 2e-5, status=MarkerStatus.STAKED)
        if m.name == "5E"
        else m
        for m in markers
    ]
    nbs, zones = _inputs(demo)
    plan = plan_markers(rec.load_boundary_points(demo.db), job_grid(demo), nbs, zones, moved)
    got = {m.name: m for m in plan.markers}
    assert got["5E"].lon == next(m.lon for m in moved if m.name == "5E")
    assert max(_gaps([m for m in plan.on_edge(("5", "6")) if m.kind is MarkerKind.INFILL])) <= 100.0
