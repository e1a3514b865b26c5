"""Marker planning on synthetic WIUPs: counts, spacings, names, on-parallel, stretches, re-plan."""

from __future__ import annotations

import dataclasses
import itertools
import math

import numpy as np
import pytest
from pyproj import Geod
from synthetic_wiup import box, dlat_for, dlon_for, meridian_radius, rectangle

from fieldapp.survey.crs import parse_crs
from fieldapp.survey.edges import BoundaryError, from_grid, to_grid
from fieldapp.survey.models import MarkerKind, MarkerStatus
from fieldapp.survey.neighbors import ActivityZone, NeighborArea
from fieldapp.survey.planning import PlanRules, equal_positions, letters, plan_markers

GEOD = Geod(ellps="GRS80")
# South Kalimantan latitude: a 5 km parallel there bows ~3 cm away from its grid chord.
LAT_N = -3.5
LON_W = 115.60
GRID = parse_crs("SRGI2013/UTM50S")


def spacings(markers) -> list[float]:
    """Independent spacing: geodesic distances between consecutive markers (pyproj.Geod)."""
    out = []
    for a, b in itertools.pairwise(markers):
        _, _, d = GEOD.inv(a.lon, a.lat, b.lon, b.lat)
        out.append(d)
    return out


def north_neighbor(lon_w: float, lon_e: float, lat: float) -> NeighborArea:
    return NeighborArea("PT Tetangga Utara", (box(lon_w, lat, lon_e, lat + 0.02),))


def test_letters_after_z() -> None:
    assert [letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_equal_positions_fewest() -> None:
    assert equal_positions(0, 1000, 500) == [0, 500, 1000]
    assert equal_positions(0, 1000.001, 500) == pytest.approx([0, 333.3337, 666.6673, 1000.001])
    assert equal_positions(10, 20, 100) == [10, 20]


def test_corners_only_without_neighbors_or_activity() -> None:
    pts, *_ = rectangle(LON_W, LAT_N, 3000, 2000)
    plan = plan_markers(pts, GRID)
    assert [m.name for m in plan.markers] == ["1", "2", "3", "4"]
    assert all(m.kind is MarkerKind.CORNER for m in plan.markers)
    for m, p in zip(plan.markers, pts, strict=True):
        assert (m.lat, m.lon) == (p.lat, p.lon)
    assert plan.stretches == ()


def test_closing_point_dropped_and_too_few_points_refused() -> None:
    pts, *_ = rectangle(LON_W, LAT_N, 3000, 2000)
    closed = [*pts, dataclasses.replace(pts[0], number="5")]
    assert [m.name for m in plan_markers(closed, GRID).markers] == ["1", "2", "3", "4"]
    with pytest.raises(BoundaryError, match="at least 3"):
        plan_markers(pts[:2], GRID)


def test_shared_5km_edge_fewest_equal_markers_named_in_ring_order() -> None:
    pts, lon_w, lon_e, _, lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    nb = north_neighbor(lon_w - 0.01, lon_e + 0.01, lat_n)
    plan = plan_markers(pts, GRID, neighbors=[nb])
    edge = plan.on_edge(("1", "2"))
    assert [m.name for m in edge] == ["1", *[f"1{c}" for c in "ABCDEFGHI"], "2"]
    gaps = spacings(edge)
    assert len(gaps) == 10  # 5000 / 500: ten intervals, the fewest that keep <= 500 m
    assert max(gaps) <= 500.0 + 1e-6
    assert max(gaps) - min(gaps) < 1e-3  # equal to the millimetre
    assert sum(gaps) / 9 > 500.0  # one marker fewer would break the rule
    # Only the shared edge gets infill; markers are in ring order with sequence numbers.
    assert next(m.name for m in plan.markers if m.kind is MarkerKind.INFILL) == "1A"
    assert [m.seq for m in plan.markers] == list(range(1, len(plan.markers) + 1))
    assert {m.edge for m in plan.markers if m.kind is MarkerKind.INFILL} == {("1", "2")}
    assert [s.reason for s in plan.stretches] == ["neighbor:PT Tetangga Utara"]


def test_infill_on_parallel_while_grid_chord_misses_by_centimetres() -> None:
    pts, lon_w, lon_e, _, lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    plan = plan_markers(pts, GRID, neighbors=[north_neighbor(lon_w - 0.01, lon_e + 0.01, lat_n)])
    infill = [m for m in plan.on_edge(("1", "2")) if m.kind is MarkerKind.INFILL]
    m_rad = meridian_radius(lat_n)
    on_parallel = [abs(math.radians(m.lat - lat_n)) * m_rad for m in infill]
    assert max(on_parallel) < 0.001  # metres: on the latitude of the boundary line
    # The straight grid chord between the corners, cut at the same fractions, then back to
    # latitude: how far would markers set along it stand off the parallel?
    e, n = to_grid(GRID, np.array([lon_w, lon_e]), np.array([lat_n, lat_n]))
    frac = np.array([k / 10 for k in range(1, 10)])
    _, lat_chord = from_grid(GRID, e[0] + frac * (e[1] - e[0]), n[0] + frac * (n[1] - n[0]))
    chord_off = np.abs(np.radians(lat_chord - lat_n)) * m_rad
    assert chord_off.max() > 0.02  # centimetres: the middle of the chord misses by ~3 cm
    # Independent figure: the sag of a circle of latitude over a chord L is L^2 tan(phi) / 8N.
    n_rad = 6378137.0 / math.sqrt(1 - 0.00669438 * math.sin(math.radians(lat_n)) ** 2)
    sag = 5000.0**2 * abs(math.tan(math.radians(lat_n))) / (8 * n_rad)
    assert chord_off.max() == pytest.approx(sag, rel=0.02)


def test_meridian_edge_markers_keep_longitude() -> None:
    pts, _lon_w, lon_e, lat_s, lat_n = rectangle(LON_W, LAT_N, 2000, 4200)
    east = NeighborArea("PT Timur", (box(lon_e, lat_s - 0.01, lon_e + 0.02, lat_n + 0.01),))
    plan = plan_markers(pts, GRID, neighbors=[east])
    edge = plan.on_edge(("2", "3"))
    assert len(edge) == 10  # 4200 m at <= 500 m: 9 intervals of 466.7 m, 8 infill + 2 corners
    assert all(m.lon == lon_e for m in edge)
    gaps = spacings(edge)
    assert max(gaps) <= 500.0 + 1e-6 and max(gaps) - min(gaps) < 1e-3


def test_partly_shared_edge_markers_at_stretch_ends_only() -> None:
    pts, lon_w, _, _, lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    a, b = lon_w + dlon_for(1000, lat_n), lon_w + dlon_for(2200, lat_n)
    plan = plan_markers(pts, GRID, neighbors=[north_neighbor(a, b, lat_n)])
    (stretch,) = plan.stretches
    assert stretch.start_m == pytest.approx(1000.0, abs=0.01)
    assert stretch.end_m == pytest.approx(2200.0, abs=0.01)
    infill = [m for m in plan.on_edge(("1", "2")) if m.kind is MarkerKind.INFILL]
    # 1200 m at <= 500 m: 3 intervals of 400 m, markers at both ends of the shared line.
    assert [round(m.offset_m or 0, 3) for m in infill] == pytest.approx(
        [1000, 1400, 1800, 2200], abs=0.01
    )
    assert infill[0].lon == pytest.approx(a, abs=1e-8)
    assert infill[-1].lon == pytest.approx(b, abs=1e-8)
    assert [m.name for m in infill] == ["1A", "1B", "1C", "1D"]


def test_activity_stretch_every_100m_within_three_times_depth() -> None:
    pts, lon_w, _lon_e, lat_s, _ = rectangle(LON_W, LAT_N, 5000, 2000)
    depth, gap, width = 30.0, 55.0, 555.0
    pit_s = lat_s + dlat_for(gap, lat_s)
    pit_w = lon_w + dlon_for(2000, lat_s)
    ring = box(pit_w, pit_s, pit_w + dlon_for(width, lat_s), pit_s + dlat_for(300, lat_s))
    pit = ActivityZone("Pit Selatan", "pit", (ring,), depth_m=depth)
    far_dump = ActivityZone(  # >= 200 m from every edge, reach 3 x 20 m: no stretch
        "Disposal", "dump",
        (box(lon_w + dlon_for(200, lat_s), lat_s + 0.005, pit_w, lat_s + 0.006),),
        height_m=20.0,
    )  # fmt: skip
    plan = plan_markers(pts, GRID, activity=[pit, far_dump])
    (stretch,) = plan.stretches
    assert stretch.edge == ("3", "4") and stretch.max_spacing_m == 100.0
    # The pit's 90 m reach meets the edge 55 m away: the stretch runs past each end of the pit
    # by sqrt(90^2 - 55^2) = 71.2 m (grid metres; 1 m covers scale and buffer facets).
    expected = width + 2 * math.sqrt((3 * depth) ** 2 - gap**2)
    assert stretch.length_m == pytest.approx(expected, abs=1.0)
    edge = plan.on_edge(("3", "4"))
    infill = [m for m in edge if m.kind is MarkerKind.INFILL]
    assert len(infill) == math.ceil(stretch.length_m / 100 - 1e-9) + 1
    inner = spacings(infill)
    assert max(inner) <= 100.0 and max(inner) - min(inner) < 1e-3
    assert all(m.lat == lat_s for m in infill)
    assert infill[0].name == "3A"


def test_tightest_rule_wins_where_activity_meets_shared_boundary() -> None:
    pts, lon_w, lon_e, _, lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    pit_n = lat_n - dlat_for(30, lat_n)
    pit_w = lon_w + dlon_for(3000, lat_n)
    pit = ActivityZone(
        "Pit", "pit", (box(pit_w, pit_n - 0.002, pit_w + dlon_for(300, lat_n), pit_n),), depth_m=20
    )
    plan = plan_markers(
        pts, GRID, neighbors=[north_neighbor(lon_w - 1, lon_e + 1, lat_n)], activity=[pit]
    )
    edge = plan.on_edge(("1", "2"))
    gaps = spacings(edge)
    assert max(gaps) <= 500.0 + 1e-6
    act = next(s for s in plan.stretches if s.reason.startswith("activity"))
    inside = [
        g for g, a, b in zip(gaps, edge[:-1], edge[1:], strict=True)
        if act.start_m - 0.01 <= (a.offset_m or 0) and (b.offset_m or 5000) <= act.end_m + 0.01
    ]  # fmt: skip
    assert inside and max(inside) <= 100.0
    names = [m.name for m in plan.markers]
    assert len(names) == len(set(names))


def test_user_spacing_applies_everywhere() -> None:
    pts, *_ = rectangle(LON_W, LAT_N, 3000, 2000)
    plan = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=1000.0))
    assert len(plan.on_edge(("1", "2"))) == 4 and len(plan.on_edge(("2", "3"))) == 3
    for edge in (("1", "2"), ("2", "3"), ("3", "4"), ("4", "1")):
        assert max(spacings(plan.on_edge(edge))) <= 1000.0 + 1e-6


def test_names_continue_after_z() -> None:
    pts, _lon_w, _lon_e, _, _lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    plan = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=100.0))
    names = [m.name for m in plan.on_edge(("1", "2"))]
    assert names[26:29] == ["1Z", "1AA", "1AB"] and names[-2:] == ["1AW", "2"]


def test_overlap_and_gap_report_on_grid() -> None:
    pts, lon_w, lon_e, _, lat_n = rectangle(LON_W, LAT_N, 2000, 1000)
    over = NeighborArea(
        "Overlapping", (box(lon_w, lat_n - dlat_for(3, lat_n), lon_e, lat_n + 0.01),)
    )
    apart = NeighborArea("Apart", (box(lon_w, lat_n + dlat_for(4, lat_n), lon_e, lat_n + 0.01),))
    plan = plan_markers(pts, GRID, neighbors=[over, apart])
    rep = {(c.neighbor, c.kind): c for c in plan.comparisons}
    k = 0.9996 + 0.0006  # point scale near 115.6 E in UTM 50: grid/ellipsoid ~ 1.0002
    o = rep[("Overlapping", "overlap")]
    assert o.area_m2 == pytest.approx(3 * 2000 * k**2, rel=2e-3)
    assert o.area_ha == pytest.approx(o.area_m2 / 1e4)
    assert o.max_width_m == pytest.approx(3.0, abs=0.01) and o.pieces == 1
    assert rep[("Overlapping", "gap")].area_m2 == 0.0
    g = rep[("Apart", "gap")]
    assert g.area_m2 == pytest.approx(4 * 2000 * k**2, rel=2e-3)
    assert g.max_width_m == pytest.approx(4.0, abs=0.01)
    assert rep[("Apart", "overlap")].area_m2 == 0.0
    # A 3 m overlap or 4 m gap is not a shared line within 1 m: no 500 m infill from them,
    # and the plan says so.
    assert plan.stretches == ()
    assert len(plan.warnings) == 2 and "not treated as shared" in plan.warnings[0]


def test_replanning_keeps_installed_markers_exactly() -> None:
    pts, lon_w, lon_e, _, lat_n = rectangle(LON_W, LAT_N, 5000, 2000)
    first = plan_markers(pts, GRID, neighbors=[north_neighbor(lon_w - 1, lon_e + 1, lat_n)])
    markers = [m.to_marker() for m in first.markers]
    by_name = {m.name: m for m in markers}
    # 1C was installed 12 m east of its design point (an obstacle), 2 was staked.
    moved_lon = by_name["1C"].lon + dlon_for(12.0, lat_n)
    by_name["1C"] = dataclasses.replace(by_name["1C"], lon=moved_lon, status=MarkerStatus.INSTALLED)
    by_name["2"] = dataclasses.replace(by_name["2"], status=MarkerStatus.STAKED)
    existing = list(by_name.values())
    # Re-plan: the neighbour now only borders the western 3 km, and a pit appears.
    pit_w = lon_w + dlon_for(1500, lat_n)
    pit = ActivityZone(
        "Pit", "pit",
        (box(pit_w, lat_n - 0.003, pit_w + dlon_for(200, lat_n), lat_n - dlat_for(20, lat_n)),),
        depth_m=15.0,
    )  # fmt: skip
    nb = north_neighbor(lon_w - 1, lon_w + dlon_for(3000, lat_n), lat_n)
    plan = plan_markers(pts, GRID, neighbors=[nb], activity=[pit], existing=existing)
    got = {m.name: m for m in plan.markers}
    for name in ("1C", "2"):
        assert (got[name].lat, got[name].lon, got[name].status) == (
            by_name[name].lat, by_name[name].lon, by_name[name].status,
        )  # fmt: skip
    assert got["1C"].kept and got["1C"].offset_m == pytest.approx(1512.0, abs=0.01)
    edge = plan.on_edge(("1", "2"))
    offsets = [m.offset_m or 0.0 for m in edge[:-1]] + [5000.0]
    assert offsets == sorted(offsets)
    gaps = spacings(edge)
    # Shared part (0..3000 m): <= 500 m; pit part: <= 100 m; the kept marker splits them.
    shared = [g for g, m in zip(gaps, edge, strict=False) if (m.offset_m or 0) < 2999]
    assert max(shared) <= 500.0 + 1e-6
    names = [m.name for m in plan.markers]
    assert len(names) == len(set(names))
    # Shared line ends at 3000 m: no infill east of it any more; nothing lost silently.
    assert max(m.offset_m or 0.0 for m in edge[:-1]) == pytest.approx(3000.0, abs=0.01)
    assert set(plan.dropped) == {n for n in by_name if n not in got}
    # Between the pit stretch's ends (1459.7 .. 1740.3 m) gaps are <= 100 m around 1C.
    act = next(s for s in plan.stretches if s.reason == "activity:Pit")
    near_pit = [
        m.offset_m or 0.0
        for m in edge[:-1]
        if act.start_m - 0.01 <= (m.offset_m or 0.0) <= act.end_m + 0.01
    ]
    assert near_pit[0] == pytest.approx(act.start_m) and near_pit[-1] == pytest.approx(act.end_m)
    assert max(b - a for a, b in itertools.pairwise(near_pit)) <= 100.0
    assert pytest.approx(got["1C"].offset_m, abs=0.01) == 1512.0


def test_kept_marker_off_every_line_is_kept_with_a_warning() -> None:
    pts, _lon_w, *_ = rectangle(LON_W, LAT_N, 3000, 2000)
    first = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=1000.0))
    m = next(m for m in first.markers if m.name == "1A").to_marker()
    off = dataclasses.replace(m, lat=m.lat - 0.001, status=MarkerStatus.DOCUMENTED)
    plan = plan_markers(pts, GRID, existing=[off])
    got = {x.name: x for x in plan.markers}
    assert got["1A"].lat == off.lat and got["1A"].offset_m is None
    assert any("1A" in w for w in plan.warnings)
