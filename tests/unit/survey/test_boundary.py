"""WIUP validation: rectilinear edges, self-intersection, area on the ellipsoid vs the SK."""

import pytest
from pyproj import Geod

from fieldapp.survey.boundary import validate_boundary
from fieldapp.survey.models import BoundaryPoint

S = 1 / 3600


def ring(
    offsets: list[tuple[float, float]], lon0: float = 116.9028125, lat0: float = -0.5223194444
) -> list[BoundaryPoint]:
    return [
        BoundaryPoint(str(i), lat0 + dy * S, lon0 + dx * S, "", "")
        for i, (dx, dy) in enumerate(offsets, start=1)
    ]


DEMO = [
    (0, 0),
    (95, 0),
    (95, -40),
    (120, -40),
    (120, -85),
    (60, -85),
    (60, -70),
    (30, -70),
    (30, -55),
    (0, -55),
]


def densified_geod_area(points: list[BoundaryPoint], step_deg: float = 0.0001) -> float:
    """Independent area: pyproj.Geod on the ring densified along its parallels and meridians."""
    lons: list[float] = []
    lats: list[float] = []
    n = len(points)
    for i in range(n):
        p, q = points[i], points[(i + 1) % n]
        steps = max(1, int(max(abs(q.lon - p.lon), abs(q.lat - p.lat)) / step_deg))
        for k in range(steps):
            t = k / steps
            lons.append(p.lon + t * (q.lon - p.lon))
            lats.append(p.lat + t * (q.lat - p.lat))
    area, _ = Geod(ellps="GRS80").polygon_area_perimeter(lons, lats)
    return abs(area) / 10_000


@pytest.mark.parametrize(
    "offsets, lat0",
    [
        (DEMO, -0.5223194444),
        ([(0, 0), (600, 0), (600, -300), (0, -300)], -8.5),  # 18 km x 9 km in Nusa Tenggara
        ([(0, 0), (200, 0), (200, -100), (100, -100), (100, -200), (0, -200)], 4.9),  # north
    ],
)
def test_area_matches_densified_geod_to_a_thousandth_of_a_hectare(offsets, lat0) -> None:
    pts = ring(offsets, lat0=lat0)
    report = validate_boundary(pts)
    assert report.valid, report.errors
    assert report.area_ha == pytest.approx(densified_geod_area(pts), abs=0.001)


def test_demo_ring_is_valid_with_edges_classified() -> None:
    report = validate_boundary(ring(DEMO), sk_area_ha=745.54)
    assert report.valid and not report.warnings
    assert [e.direction for e in report.edges] == ["E-W", "N-S"] * 5
    assert (report.edges[-1].start, report.edges[-1].end) == ("10", "1")
    assert report.edges[0].length_m == pytest.approx(95 * 30.92, rel=0.002)


def test_non_rectilinear_edge_is_named() -> None:
    pts = ring([(0, 0), (60, 0), (60, -30), (20, -40), (0, -40)])
    report = validate_boundary(pts)
    assert not report.valid
    bad = [f for f in report.errors if f.code == "edge_not_rectilinear"]
    assert [f.edge for f in bad] == [("3", "4")]
    assert "3-4" in bad[0].message
    assert report.edges[2].direction == "other"


def test_self_intersection_names_both_edges() -> None:
    # A bow-tie made of parallels and meridians: edge 1-2 crosses edge 5-6.
    pts = ring([(0, 0), (100, 0), (100, -50), (50, -50), (50, 20), (30, 20), (30, -80), (0, -80)])
    report = validate_boundary(pts)
    codes = {f.code for f in report.errors}
    assert "self_intersection" in codes
    crossing = next(f for f in report.errors if f.code == "self_intersection")
    assert crossing.edge == ("1", "2") and "4-5" in crossing.message


def test_area_mismatch_warning_and_error() -> None:
    pts = ring(DEMO)
    area = validate_boundary(pts).area_ha
    assert area is not None
    small = validate_boundary(pts, sk_area_ha=round(area, 2) - 0.05)
    assert small.valid and [w.code for w in small.warnings] == ["area_mismatch"]
    big = validate_boundary(pts, sk_area_ha=area * 1.05)
    assert not big.valid and big.errors[0].code == "area_mismatch"
    assert big.area_difference_pct == pytest.approx(100 * (1 / 1.05 - 1), rel=1e-9)


def test_repeated_closing_point_zero_edge_and_too_few_points() -> None:
    closed = ring([*DEMO, (0, 0)])
    assert validate_boundary(closed).valid and len(validate_boundary(closed).edges) == 10
    dup = ring([(0, 0), (50, 0), (50, 0), (50, -50), (0, -50)])
    assert "zero_length_edge" in {f.code for f in validate_boundary(dup).errors}
    assert validate_boundary(ring([(0, 0), (1, 0), (1, 1)])).errors[0].code == "too_few_points"


def test_off_grid_vertices_and_redundant_vertices_warn() -> None:
    pts = ring([(0, 0), (50, 0), (100.0004, 0), (100.0004, -50), (0, -50)])
    codes = [w.code for w in validate_boundary(pts).warnings]
    assert "off_grid" in codes and "redundant_vertex" in codes
