"""Total-station stake-out on the demo job: orientation, shot reduction and guidance by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.fieldwork import apply_plan, plan_job
from fieldapp.operations import job_grid
from fieldapp.store import records as rec
from fieldapp.survey.crs import GridSpec
from fieldapp.survey.polar import curvature_refraction
from fieldapp.survey.scale import mean_radius
from fieldapp.survey.stakeout import (
    GridPosition,
    StakeTarget,
    ToleranceState,
    position_from_geographic,
    position_from_grid,
)
from fieldapp.survey.station import SetupMethod
from fieldapp.survey.ts_stakeout import (
    TsInputError,
    TsShot,
    aim,
    expected_shot,
    format_angle,
    orient_on_azimuth,
    orient_on_backsight_point,
    parse_azimuth,
    reduce_shot,
    ts_guidance,
)

HI = 1.55  # instrument height
HT = 1.80  # prism pole


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    path = Path(tmp_path_factory.mktemp("ts")) / "Demo.fieldapp"
    with create_demo_job(path) as store:
        apply_plan(store, plan_job(store))
        grid = job_grid(store)
        control = {c.name: c for c in rec.load_control_points(store.db)}
        marker = rec.load_marker(store.db, "1")
    return {
        "grid": grid,
        "tb01": position_from_geographic(grid, control["TB-01"].lat, control["TB-01"].lon,
                                         control["TB-01"].h),
        "bm01": position_from_geographic(grid, control["BM-01"].lat, control["BM-01"].lon,
                                         control["BM-01"].h),
        "target": StakeTarget("1", marker.lat, marker.lon, 95.0),
    }  # fmt: skip


def _hand_factor(grid: GridSpec, a: GridPosition, b: GridPosition) -> float:
    """UTM point scale k = k0 (1 + x^2 / (2 R^2 k0^2)) at the mid point, times R / (R + h)."""
    assert grid.kind == "utm"
    r = mean_radius((a.lat + b.lat) / 2)
    x = (a.e + b.e) / 2 - 500_000.0
    k = 0.9996 * (1 + x * x / (2 * r * r * 0.9996**2))
    heights = [h for h in (a.h, b.h) if h is not None]
    return k * r / (r + sum(heights) / len(heights))


def _setup(demo: dict[str, object], backsight_hz: float = 10.0):  # type: ignore[no-untyped-def]
    grid, tb01, bm01 = demo["grid"], demo["tb01"], demo["bm01"]
    assert isinstance(grid, GridSpec)
    assert isinstance(tb01, GridPosition) and isinstance(bm01, GridPosition)
    return orient_on_backsight_point(
        grid, tb01, HI, bm01, TsShot(backsight_hz, 90.0, None), station_id="TB-01",
        backsight_id="BM-01",
    )  # fmt: skip


def test_orientation_and_aim_by_hand(demo: dict[str, object]) -> None:
    grid, tb01, bm01, target = demo["grid"], demo["tb01"], demo["bm01"], demo["target"]
    assert isinstance(grid, GridSpec) and isinstance(target, StakeTarget)
    assert isinstance(tb01, GridPosition) and isinstance(bm01, GridPosition)
    setup = _setup(demo, backsight_hz=10.0)
    az_bs = math.degrees(math.atan2(bm01.e - tb01.e, bm01.n - tb01.n)) % 360
    assert setup.method is SetupMethod.BACKSIGHT_POINT
    assert setup.orientation == pytest.approx(az_bs - 10.0, abs=1e-9)
    # Marker 1 lies ~45 m west and ~38 m north of TB-01.
    t = position_from_geographic(grid, target.lat, target.lon, target.h)
    d_e, d_n = t.e - tb01.e, t.n - tb01.n
    assert -46 < d_e < -44 and 37 < d_n < 39
    a = aim(grid, setup, target)
    az_t = 360 + math.degrees(math.atan2(d_e, d_n))  # north-west: atan2 is negative
    assert a.azimuth_deg == pytest.approx(az_t, abs=1e-9)
    assert a.target_hz_deg == pytest.approx(az_t - (az_bs - 10.0), abs=1e-9)
    k = _hand_factor(grid, tb01, t)
    assert a.scale_factor == pytest.approx(k, rel=2e-9)
    # The ground distance is longer than the grid one by ~0.4 mm per metre here.
    assert a.ground_hd_m == pytest.approx(math.hypot(d_e, d_n) / k, abs=1e-6)
    assert a.ground_hd_m - a.grid_hd_m == pytest.approx(0.0236, abs=0.002)


def test_backsight_distance_residual(demo: dict[str, object]) -> None:
    grid, tb01, bm01 = demo["grid"], demo["tb01"], demo["bm01"]
    assert isinstance(grid, GridSpec)
    assert isinstance(tb01, GridPosition) and isinstance(bm01, GridPosition)
    grid_d = math.hypot(bm01.e - tb01.e, bm01.n - tb01.n)
    k = _hand_factor(grid, tb01, bm01)
    ground = grid_d / k + 0.004  # the EDM reads 4 mm long
    zenith = 88.0
    shot = TsShot(123.0, zenith, ground / math.sin(math.radians(zenith)))
    setup = orient_on_backsight_point(grid, tb01, HI, bm01, shot, backsight_id="BM-01")
    assert setup.backsight_distance_residual == pytest.approx(0.004 * k, abs=2e-6)
    with pytest.raises(TsInputError, match="coincides"):
        orient_on_backsight_point(grid, tb01, HI, tb01, shot)
    with pytest.raises(TsInputError, match="instrument height"):
        orient_on_backsight_point(grid, tb01, 55.0, bm01, shot)


def test_turn_and_measure_puts_the_prism_on_the_target(demo: dict[str, object]) -> None:
    grid, tb01, target = demo["grid"], demo["tb01"], demo["target"]
    assert isinstance(grid, GridSpec) and isinstance(target, StakeTarget)
    assert isinstance(tb01, GridPosition)
    setup = _setup(demo, backsight_hz=217.5)
    t = position_from_geographic(grid, target.lat, target.lon, target.h)
    # The prism stands 4 m short of the target and 1.5 m to its left (seen from the station).
    az = math.atan2(t.e - tb01.e, t.n - tb01.n)
    ue, un = math.sin(az), math.cos(az)
    p = position_from_grid(grid, t.e - 4 * ue - 1.5 * un, t.n - 4 * un + 1.5 * ue, 96.2)
    shot = expected_shot(grid, setup, p, HT)
    fix = reduce_shot(grid, setup, shot)
    assert math.hypot(fix.position.e - p.e, fix.position.n - p.n) < 1e-6
    assert fix.position.h == pytest.approx(96.2, abs=1e-6)

    g = ts_guidance(grid, setup, shot, target, tolerance_m=0.05)
    assert g.state is ToleranceState.FAR  # 4.3 m: beyond the 3 m "near" ring
    assert g.out_m == pytest.approx(4.0 / g.aim.scale_factor, abs=1e-4)
    assert g.right_m == pytest.approx(1.5 / g.aim.scale_factor, abs=1e-4)
    # The prism is left of the line: turn clockwise by about atan(1.5 / (d - 4)).
    d = math.hypot(t.e - tb01.e, t.n - tb01.n)
    assert g.angle_to_turn_deg == pytest.approx(math.degrees(math.atan2(1.5, d - 4)), abs=1e-4)
    assert g.angle_to_turn_deg > 0
    assert g.guidance.instrument is not None
    assert g.angle_to_turn_deg == pytest.approx(g.guidance.instrument.angle_to_turn_deg, abs=1e-7)
    assert g.dh_m == pytest.approx(95.0 - 96.2, abs=1e-6)

    # Turn by the angle, set the prism at the ground distance given: within 1 mm of the target.
    level = TsShot(shot.hz + g.angle_to_turn_deg, 90.0, g.aim.ground_hd_m, HT)
    on = reduce_shot(grid, setup, level)
    assert math.hypot(on.position.e - t.e, on.position.n - t.n) < 0.001
    final = ts_guidance(grid, setup, level, target, tolerance_m=0.05)
    assert final.state is ToleranceState.WITHIN
    assert abs(final.angle_to_turn_deg) < 1e-6 and abs(final.out_m) < 0.001


def test_heights_include_curvature_and_pole(demo: dict[str, object]) -> None:
    grid = demo["grid"]
    assert isinstance(grid, GridSpec)
    setup = _setup(demo)
    assert setup.h is not None
    hd, zenith = 300.0, 89.5
    fix = reduce_shot(grid, setup, TsShot(45.0, zenith, hd / math.sin(math.radians(zenith)), HT))
    expect = setup.h + HI + hd / math.tan(math.radians(zenith)) + curvature_refraction(hd) - HT
    assert fix.position.h == pytest.approx(expect, abs=1e-6)
    assert curvature_refraction(hd) == pytest.approx(0.0061, abs=1e-4)
    with pytest.raises(TsInputError, match="no distance"):
        reduce_shot(grid, setup, TsShot(45.0, 90.0, None, HT))
    with pytest.raises(TsInputError, match="target height"):
        reduce_shot(grid, setup, TsShot(45.0, 90.0, 10.0, 18.0))


def test_orientation_from_a_typed_azimuth(demo: dict[str, object]) -> None:
    grid, tb01, target = demo["grid"], demo["tb01"], demo["target"]
    assert isinstance(grid, GridSpec) and isinstance(target, StakeTarget)
    assert isinstance(tb01, GridPosition)
    setup = orient_on_azimuth(tb01, HI, parse_azimuth("310 00 00"), 0.0, station_id="TB-01")
    assert setup.method is SetupMethod.BACKSIGHT_AZIMUTH
    a = aim(grid, setup, target)
    assert a.target_hz_deg == pytest.approx(a.azimuth_deg - 310.0, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "deg"),
    [("123 45 06", 123 + 45 / 60 + 6 / 3600), ("123°45'06,5\"", 123 + 45 / 60 + 6.5 / 3600),
     ("7° 05′", 7 + 5 / 60), ("359.5", 359.5), ("0", 0.0), (" 12,25 ", 12.25)],
)  # fmt: skip
def test_parse_azimuth(text: str, deg: float) -> None:
    assert parse_azimuth(text) == pytest.approx(deg, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "why"),
    [("", "empty"), ("abc", "expected degrees"), ("360", "below 360"), ("12 61", "below 60"),
     ("12.5 30", "whole"), ("1 2 3 4", "expected degrees")],
)  # fmt: skip
def test_parse_azimuth_rejects(text: str, why: str) -> None:
    with pytest.raises(TsInputError, match=why):
        parse_azimuth(text)


def test_format_angle() -> None:
    assert format_angle(123 + 45 / 60 + 6 / 3600) == "123°45'06\""
    assert format_angle(-(2 + 3 / 60 + 59.6 / 3600), signed=True) == "-2°04'00\""
    assert format_angle(0.5 / 3600, signed=True, decimals=1) == "+0°00'00.5\""
    assert format_angle(-0.1 / 3600, signed=True) == "+0°00'00\""
