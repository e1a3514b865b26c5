"""Stake-out guidance against independent computations (pyproj.Geod) and hand-made geometry."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from pyproj import Geod

from fieldapp.gnss.fix import Fix
from fieldapp.survey.crs import parse_crs, transformer
from fieldapp.survey.models import Marker, MarkerKind, MarkerStatus
from fieldapp.survey.scale import mean_radius
from fieldapp.survey.stakeout import (
    StakeoutError,
    StakeTarget,
    ToleranceState,
    TravelHeading,
    arc_to_chord_deg,
    guidance,
    instrument_offsets,
    nearest_unstaked,
    position_from_fix,
    position_from_geographic,
    position_from_grid,
    target_position,
)

GEOD = Geod(ellps="GRS80")
UTM50S = parse_crs("SRGI2013/UTM50S")

CASES = [
    # grid, start lon/lat (East Kalimantan, South Kalimantan, TM-3, north of the equator)
    ("SRGI2013/UTM50S", 118.7, -1.0),
    ("SRGI2013/UTM50S", 116.3, -3.5),
    ("SRGI2013/TM3-50.1", 115.2, -2.0),
    ("SRGI2013/UTM50N", 119.2, 2.0),
    ("DGN95/UTM50S", 117.0, -0.5),
]
LINES = [(30.0, 1000.0), (170.0, 2000.0), (300.0, 50.0), (90.0, 5000.0), (225.0, 3.0)]


@pytest.mark.parametrize(("spec", "lon", "lat"), CASES)
@pytest.mark.parametrize(("az0", "dist0"), LINES)
@pytest.mark.parametrize("h", [0.0, 450.0])
def test_true_azimuth_and_ground_distance_match_geod(
    spec: str, lon: float, lat: float, az0: float, dist0: float, h: float
) -> None:
    grid = parse_crs(spec)
    lon2, lat2, _ = GEOD.fwd(lon, lat, az0, dist0)
    cur = position_from_geographic(grid, lat, lon, h, "gnss")
    g = guidance(grid, cur, StakeTarget("T", lat2, lon2, h))
    # Independent reference in the grid's own datum (DGN95 is a Helmert away from SRGI2013).
    to_datum = transformer(parse_crs("SRGI2013"), parse_crs(grid.datum))
    (lon_a, lon_b), (lat_a, lat_b) = to_datum.transform([lon, lon2], [lat, lat2])
    az12, _, geodesic = GEOD.inv(lon_a, lat_a, lon_b, lat_b)
    # Independent: the true azimuth is the geodesic's forward azimuth; the ground distance at
    # height h is the geodesic distance scaled by (R + h) / R.
    assert abs(((g.true_azimuth_deg - az12 + 180) % 360) - 180) < 1e-6
    r = mean_radius(lat)
    assert g.ground_distance_m == pytest.approx(geodesic * (r + h) / r, abs=1e-3)
    assert g.grid_distance_m == pytest.approx(g.ground_distance_m * g.combined_factor, abs=1e-9)


def test_arc_to_chord_correction_is_needed_for_1e6_degrees() -> None:
    # 2 km north at ~190 km east of the central meridian: (t - T) is ~1.6e-4 degrees, far
    # above the 1e-6 target, so the true azimuth cannot be grid azimuth + convergence alone.
    cur = position_from_geographic(UTM50S, -1.0, 118.7, 0.0)
    lon2, lat2, _ = GEOD.fwd(118.7, -1.0, 0.0, 2000.0)
    tp = target_position(UTM50S, StakeTarget("T", lat2, lon2))
    assert abs(arc_to_chord_deg(UTM50S, cur, tp)) > 1e-4


def test_dn_de_are_grid_differences() -> None:
    cur = position_from_grid(UTM50S, 512_345.678, 9_876_543.21, 35.0)
    tgt_pos = position_from_grid(UTM50S, 512_349.678, 9_876_540.21, 34.2)
    tgt = StakeTarget("7A", tgt_pos.lat, tgt_pos.lon, 34.2)
    g = guidance(UTM50S, cur, tgt)
    assert (g.d_e, g.d_n) == (pytest.approx(4.0, abs=1e-6), pytest.approx(-3.0, abs=1e-6))
    assert g.grid_distance_m == pytest.approx(5.0, abs=1e-6)
    assert g.grid_azimuth_deg == pytest.approx(math.degrees(math.atan2(4, -3)), abs=1e-6)
    assert g.dh_m == pytest.approx(-0.8) and g.cut_fill == "cut"
    assert g.state is ToleranceState.FAR and g.heading_known is False
    assert g.forward_m is None and g.right_m is None


@pytest.mark.parametrize(
    ("offset", "state"),
    [(0.0, "within"), (0.0999, "within"), (0.1001, "near"), (2.9, "near"), (3.1, "far")],
)
def test_tolerance_states(offset: float, state: str) -> None:
    cur = position_from_grid(UTM50S, 500_000.0, 9_900_000.0, 0.0)
    # Put the target at a ground distance of ``offset`` due east (grid = ground x factor).
    probe = guidance(UTM50S, cur, _east(cur, 1.0))
    tgt = _east(cur, offset * probe.combined_factor)
    g = guidance(UTM50S, cur, tgt)
    assert g.ground_distance_m == pytest.approx(offset, abs=1e-9)
    assert g.state == state


def _east(cur, grid_m: float, h: float | None = None) -> StakeTarget:  # type: ignore[no-untyped-def]
    p = position_from_grid(UTM50S, cur.e + grid_m, cur.n, h)
    return StakeTarget("T", p.lat, p.lon, h)


def test_cut_fill_and_custom_tolerance() -> None:
    cur = position_from_grid(UTM50S, 500_000.0, 9_900_000.0, 100.0)
    assert guidance(UTM50S, cur, _east(cur, 1, 100.5)).cut_fill == "fill"
    assert guidance(UTM50S, cur, _east(cur, 1, 100.05)).cut_fill == "on grade"
    g = guidance(UTM50S, cur, _east(cur, 0.2), tolerance_m=0.25)
    assert g.state is ToleranceState.WITHIN and g.tolerance_m == 0.25
    assert guidance(UTM50S, cur, _east(cur, 1)).dh_m is None


def test_forward_right_with_known_heading() -> None:
    track = TravelHeading(min_move_m=0.5)
    e0, n0 = 500_000.0, 9_900_000.0
    # Standing still with 2 cm RTK noise: no heading.
    for de, dn in ((0, 0), (0.02, -0.01), (-0.01, 0.02)):
        assert track.update(position_from_grid(UTM50S, e0 + de, n0 + dn, None)) is None
    # Walk 1 m grid north: heading 0.
    cur = position_from_grid(UTM50S, e0, n0 + 1.0, None)
    assert track.update(cur) == pytest.approx(0.0, abs=1.2)
    pos = position_from_grid(UTM50S, e0 + 3.0, n0 + 5.0, None)  # 4 ahead, 3 right of cur
    g = guidance(UTM50S, cur, StakeTarget("T", pos.lat, pos.lon), heading_deg=0.0)
    assert (g.forward_m, g.right_m) == (pytest.approx(4.0, abs=1e-6), pytest.approx(3.0, abs=1e-6))
    # Heading east: the same target is 3 ahead and 4 to the left.
    g = guidance(UTM50S, cur, StakeTarget("T", pos.lat, pos.lon), heading_deg=90.0)
    assert (g.forward_m, g.right_m) == (pytest.approx(3.0, abs=1e-6), pytest.approx(-4.0, abs=1e-6))
    # Walking south-west 0.8 m: heading 225.
    cur2 = position_from_grid(UTM50S, cur.e - 0.4 * math.sqrt(2), cur.n - 0.4 * math.sqrt(2), None)
    assert track.update(cur2) == pytest.approx(225.0, abs=1e-6)


def test_heading_becomes_unknown_after_standing_still() -> None:
    track = TravelHeading(min_move_m=0.5, history=5)
    track.update(position_from_grid(UTM50S, 500_000.0, 9_900_000.0, None))
    assert track.update(position_from_grid(UTM50S, 500_001.0, 9_900_000.0, None)) == 90.0
    for _ in range(5):
        last = track.update(position_from_grid(UTM50S, 500_001.0, 9_900_000.0, None))
    assert last is None


def test_instrument_in_out_left_right() -> None:
    station = position_from_grid(UTM50S, 500_000.0, 9_900_000.0, 50.0)
    target = position_from_grid(UTM50S, 500_000.0, 9_900_100.0, 50.0)
    prism = position_from_grid(UTM50S, 500_000.5, 9_900_098.0, 50.0)
    off = instrument_offsets(station, prism, target)
    assert off.out_m == pytest.approx(2.0, abs=1e-6)  # prism is 2 m short: move out
    assert off.right_m == pytest.approx(-0.5, abs=1e-6)  # prism is right: move left
    assert off.in_out == "out 2.000" and off.left_right == "left 0.500"
    assert off.angle_to_turn_deg == pytest.approx(-math.degrees(math.atan2(0.5, 98.0)), abs=1e-9)
    # Through guidance: station 100 m east of the target, looking west; the prism stands
    # 1 m north of the target, so the target is 1 m to the instrument's left, not in or out.
    st2 = position_from_grid(UTM50S, 500_100.0, 9_900_100.0, 50.0)
    tgt = StakeTarget("T", target.lat, target.lon)
    g = guidance(UTM50S, position_from_grid(UTM50S, 500_000.0, 9_900_101.0, None), tgt, station=st2)
    assert g.instrument is not None
    assert g.instrument.out_m == pytest.approx(0.0, abs=1e-6)
    assert g.instrument.right_m == pytest.approx(-1.0, abs=1e-6)


def test_nearest_not_staked_skips_staked_markers() -> None:
    cur = position_from_grid(UTM50S, 500_000.0, 9_900_000.0, None)

    def mk(name: str, de: float, status: MarkerStatus) -> Marker:
        p = position_from_grid(UTM50S, 500_000.0 + de, 9_900_000.0, None)
        return Marker(name, MarkerKind.INFILL, 1, p.lat, p.lon, status=status)

    markers = [
        mk("1A", 5.0, MarkerStatus.STAKED),
        mk("1B", -20.0, MarkerStatus.PLANNED),
        mk("1C", 12.0, MarkerStatus.PLANNED),
        mk("2", 1.0, MarkerStatus.INSTALLED),
    ]
    near = nearest_unstaked(UTM50S, cur, [StakeTarget.from_marker(m) for m in markers])
    assert near is not None and near.name == "1C"
    assert near.grid_distance_m == pytest.approx(12.0, abs=1e-6)
    assert near.grid_azimuth_deg == pytest.approx(90.0, abs=1e-6)
    assert nearest_unstaked(UTM50S, cur, [StakeTarget.from_marker(markers[0])]) is None


def test_position_from_fix_uses_ellipsoidal_height_and_refuses_no_position() -> None:
    t = dt.time(1, 2, 3)
    fix = Fix(t, lat=-1.0, lon=117.0, height=None, alt_msl=40.0, geoid_sep=25.0)
    assert position_from_fix(UTM50S, fix).h == pytest.approx(65.0)
    with pytest.raises(StakeoutError, match="no position"):
        position_from_fix(UTM50S, Fix(t))
    with pytest.raises(StakeoutError, match="projected grid"):
        guidance(parse_crs("SRGI2013"), position_from_fix(UTM50S, fix), StakeTarget("x", -1, 117))
