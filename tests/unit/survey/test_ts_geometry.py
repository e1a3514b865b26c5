"""Polar reduction, station setup, resection and the 1996 offset method against hand values."""

from __future__ import annotations

import math

import pytest

from fieldapp.survey.offset_method import (
    offset_stakeout,
    point_from_reference,
    reference_marker_tie,
)
from fieldapp.survey.polar import azimuth_deg, curvature_refraction, polar_point
from fieldapp.survey.resection import ResectionError, ResectionTarget, resection
from fieldapp.survey.station import setup_on_backsight_azimuth, setup_on_backsight_point

TRUTH_E, TRUTH_N, TRUTH_H, ORIENT, IH = 1000.0, 2000.0, 50.0, 37.5, 1.55
KNOWN = {
    "A": (1100.0, 2050.0, 52.0),
    "B": (950.0, 2150.0, 47.5),
    "C": (900.0, 1900.0, 55.25),
    "D": (1080.0, 1880.0, 49.0),
}


def _target(name: str, *, with_distance: bool, th: float = 1.3) -> ResectionTarget:
    e, n, h = KNOWN[name]
    hd = math.hypot(e - TRUTH_E, n - TRUTH_N)
    dh = h + th - TRUTH_H - IH
    sd = math.hypot(hd, dh)
    v = math.degrees(math.atan2(hd, dh))
    hz = (azimuth_deg(TRUTH_E, TRUTH_N, e, n) - ORIENT) % 360
    return ResectionTarget(name, e, n, hz, h=h, v=v, sd=sd if with_distance else None, target_h=th)


def test_polar_point_by_hand() -> None:
    p = polar_point(0.0, 0.0, 100.0, 90.0, v=90.0, sd=100.0, instrument_h=1.5, target_h=2.0)
    assert (p.e, p.n, p.h) == (pytest.approx(100.0), pytest.approx(0.0, abs=1e-9), 99.5)
    slope = polar_point(0.0, 0.0, 0.0, 30.0, v=60.0, sd=10.0)
    assert slope.e == pytest.approx(10 * math.sin(math.radians(60)) * 0.5)
    assert slope.h == pytest.approx(5.0)  # 10 * cos 60°
    scaled = polar_point(0.0, 0.0, None, 90.0, hd=100.0, scale_factor=0.9996)
    assert scaled.e == pytest.approx(99.96) and scaled.ground_hd == 100.0 and scaled.h is None


def test_curvature_and_refraction() -> None:
    # (1 - 0.13) * 1000² / (2 * 6 371 000) = 0.068278 m over 1 km
    assert curvature_refraction(1000.0) == pytest.approx(0.068278, abs=1e-6)
    p = polar_point(0.0, 0.0, 0.0, 0.0, v=90.0, sd=1000.0, curvature=True)
    assert p.h == pytest.approx(0.068278, abs=1e-6)


def test_setup_on_backsight_point_and_azimuth() -> None:
    st = setup_on_backsight_point(
        "S1",
        100.0,
        100.0,
        10.0,
        1.5,
        backsight_id="B",
        backsight_e=110.0,
        backsight_n=110.0,
        backsight_hz=15.0,
        measured_hd=math.sqrt(200) + 0.004,
    )
    assert st.orientation == pytest.approx(30.0)  # az 45° - circle 15°
    assert st.azimuth(350.0) == pytest.approx(20.0)
    assert st.backsight_distance_residual == pytest.approx(0.004)
    by_az = setup_on_backsight_azimuth("S1", 0, 0, None, 1.5, azimuth=10.0, backsight_hz=20.0)
    assert by_az.orientation == pytest.approx(350.0)


@pytest.mark.parametrize("names", [("A", "B", "C"), ("A", "B", "C", "D")])
def test_angle_only_resection_reproduces_truth(names: tuple[str, ...]) -> None:
    result = resection([_target(n, with_distance=False) for n in names], instrument_h=IH)
    assert math.hypot(result.e - TRUTH_E, result.n - TRUTH_N) < 0.001
    assert result.orientation == pytest.approx(ORIENT, abs=1e-7)
    assert result.redundancy == len(names) - 3
    assert all(abs(r.direction_arcsec) < 0.01 for r in result.residuals)
    assert result.h is None  # no distances: no trigonometric heights


def test_resection_with_distances_has_heights_and_zero_residuals() -> None:
    result = resection([_target(n, with_distance=True) for n in KNOWN], instrument_h=IH)
    assert math.hypot(result.e - TRUTH_E, result.n - TRUTH_N) < 0.001
    assert result.h == pytest.approx(TRUTH_H, abs=0.001)
    assert result.redundancy == 5 and result.sigma0 is not None and result.sigma0 < 1e-3
    for r in result.residuals:
        assert abs(r.direction_arcsec) < 0.01 and abs(r.distance or 0) < 1e-6
        assert abs(r.height or 0) < 1e-6


def test_perturbed_distance_shows_in_its_residual() -> None:
    targets = [_target(n, with_distance=True) for n in KNOWN]
    b = targets[1]
    targets[1] = ResectionTarget(b.point_id, b.e, b.n, b.hz, b.h, b.v, b.sd + 0.030, None, 1.3)
    result = resection(targets, instrument_h=IH)
    worst = max(result.residuals, key=lambda r: abs(r.distance or 0))
    assert worst.point_id == "B" and abs(worst.distance or 0) > 0.015
    assert result.sigma0 is not None and result.sigma0 > 2  # far above the 3 mm / 3" a priori
    assert math.hypot(result.e - TRUTH_E, result.n - TRUTH_N) < 0.02


def test_perturbed_direction_shows_in_its_residual() -> None:
    targets = [_target(n, with_distance=True) for n in KNOWN]
    c = targets[2]
    targets[2] = ResectionTarget(c.point_id, c.e, c.n, c.hz + 20 / 3600, c.h, c.v, c.sd, None, 1.3)
    result = resection(targets, instrument_h=IH)
    worst = max(result.residuals, key=lambda r: abs(r.direction_arcsec))
    assert worst.point_id == "C" and abs(worst.direction_arcsec) > 5  # orientation takes part


def test_two_point_resection_needs_a_distance() -> None:
    with pytest.raises(ResectionError, match="measured distance"):
        resection([_target("A", with_distance=False), _target("B", with_distance=False)])
    result = resection([_target("A", with_distance=True), _target("B", with_distance=False)])
    assert math.hypot(result.e - TRUTH_E, result.n - TRUTH_N) < 0.001
    assert result.redundancy == 0 and result.sigma0 is None


def test_offset_method_by_hand() -> None:
    # RM due north, target north-east at 14.142 m: turn 360 - 0 + 45 = 45°.
    s = offset_stakeout(1000, 1000, 1000, 1020, 1010, 1010, combined_factor=0.9996)
    assert s.angle_to_turn == pytest.approx(45.0)
    assert s.grid_distance == pytest.approx(math.sqrt(200))
    assert s.ground_distance == pytest.approx(14.142136 / 0.9996, abs=1e-6)  # 14.147795
    # RM due east (90°), target due west (270°): 360 - 90 + 270 = 540 -> 180°.
    assert offset_stakeout(0, 0, 20, 0, -10, 0).angle_to_turn == pytest.approx(180.0)
    # RM at azimuth 300°, target at 45°: 360 - 300 + 45 = 105°.
    rm = (-20 * math.sin(math.radians(60)), 20 * math.cos(math.radians(60)))
    assert offset_stakeout(0, 0, *rm, 5, 5).angle_to_turn == pytest.approx(105.0)
    with pytest.raises(ValueError):
        offset_stakeout(0, 0, 0, 0, 5, 5)


def test_reference_marker_tie_by_hand() -> None:
    tie = reference_marker_tie(500.0, 500.0, 503.0, 504.0, combined_factor=1.0002)
    assert tie.azimuth == pytest.approx(math.degrees(math.atan2(3, 4)))  # 36.8699°
    assert tie.grid_distance == pytest.approx(5.0)
    assert tie.ground_distance == pytest.approx(5.0 / 1.0002)
    e, n = point_from_reference(500.0, 500.0, tie.azimuth, tie.ground_distance, 1.0002)
    assert (e, n) == (pytest.approx(503.0), pytest.approx(504.0))
