"""The 697/1996 rules on solutions built by hand: bounds, figures and messages, and the text."""

from __future__ import annotations

import dataclasses
import json

import pytest

from fieldapp.gnss.baseline import BaselineSolution, FixState, GeodeticPosition
from fieldapp.gnss.baseline_text import format_solution, solution_json
from fieldapp.gnss.static_rules import check_static_rules, format_duration

GOOD = BaselineSolution(
    position=GeodeticPosition(-0.52, 116.9, 40.0),
    fix=FixState.FIXED,
    ratio=12.5,
    sigma_e_m=0.003,
    sigma_n_m=0.004,
    sigma_u_m=0.009,
    base=GeodeticPosition(-0.5, 116.91, 35.0),
    baseline_m=3335.4,
    vector_ecef_m=(1.0, 2.0, 3.0),
    vector_enu_m=(953.7, -3196.1, 4.7),
    epochs=240,
    start_gpst="2026-12-03T01:00:00",
    end_gpst="2026-12-03T01:59:45",
    duration_s=3600.0,
    interval_s=15.0,
    elevation_mask_deg=15.0,
    rover_antenna_height_m=1.5,
    base_antenna_height_m=1.6,
    engine="RTKLIB rnx2rtkp 2.4.3 b34",
)


def verdict(solution: BaselineSolution, rule: str) -> tuple[bool, str]:
    (v,) = [v for v in check_static_rules(solution) if v.rule == rule]
    return v.passed, v.message


def test_a_good_session_passes_every_rule_at_its_bounds() -> None:
    verdicts = check_static_rules(GOOD)
    assert [v.rule for v in verdicts] == [
        "duration",
        "interval",
        "mask",
        "fixed",
        "sigma_h",
        "sigma_v",
    ]
    assert all(v.passed for v in verdicts), [v.message for v in verdicts]
    assert verdicts[0].message == (
        "duration 1 h 0 min >= 1 h required for a 3.3 km baseline (under 20 km)"
    )


def test_thirty_minutes_on_a_short_baseline_fail_with_the_figures() -> None:
    half = dataclasses.replace(GOOD, duration_s=1800.0)
    assert verdict(half, "duration") == (
        False,
        "duration 0 h 30 min < 1 h required for a 3.3 km baseline (under 20 km)",
    )


def test_a_long_baseline_needs_four_hours() -> None:
    long = dataclasses.replace(GOOD, baseline_m=25_000.0, duration_s=3 * 3600 + 1800)
    passed, message = verdict(long, "duration")
    assert not passed
    assert message == "duration 3 h 30 min < 4 h required for a 25.0 km baseline (20 km or more)"
    assert verdict(dataclasses.replace(long, duration_s=4 * 3600), "duration")[0]


def test_float_fails_the_fixed_rule_with_its_ratio() -> None:
    floating = dataclasses.replace(GOOD, fix=FixState.FLOAT, ratio=1.8)
    assert verdict(floating, "fixed") == (
        False,
        "ambiguities float (ratio 1.8): a fixed solution is required",
    )
    other = dataclasses.replace(GOOD, fix=FixState.OTHER, ratio=None)
    assert verdict(other, "fixed") == (False, "ambiguities other: a fixed solution is required")


@pytest.mark.parametrize(
    ("change", "rule", "message"),
    [
        ({"interval_s": 30.0}, "interval", "recording interval 30 s > 15 s allowed"),
        ({"elevation_mask_deg": 10.0}, "mask", "elevation mask 10 deg < 15 deg required"),
        ({"sigma_e_m": 0.12, "sigma_n_m": 0.12}, "sigma_h", "sigma H 0.170 m > 0.15 m allowed"),
        ({"sigma_u_m": 0.3}, "sigma_v", "sigma V 0.300 m > 0.25 m allowed"),
        ({"sigma_u_m": float("nan")}, "sigma_v", "sigma V nan m > 0.25 m allowed"),
    ],
)
def test_each_bound_fails_with_figure_and_bound(
    change: dict[str, float], rule: str, message: str
) -> None:
    assert verdict(dataclasses.replace(GOOD, **change), rule) == (False, message)  # type: ignore[arg-type]


def test_durations_are_written_in_hours_minutes_seconds() -> None:
    assert format_duration(3450) == "0 h 57 min 30 s"
    assert format_duration(4 * 3600 + 60) == "4 h 1 min"


def test_json_and_text_carry_the_figures_and_each_rule() -> None:
    floating = dataclasses.replace(GOOD, fix=FixState.FLOAT, ratio=1.8, duration_s=1800.0)
    verdicts = check_static_rules(floating)
    data = json.loads(json.dumps(solution_json(floating, verdicts)))
    assert data["fix"] == "float"
    assert data["baseline_m"] == pytest.approx(3335.4)
    assert data["sigma_h"] == pytest.approx(0.005)
    assert data["passed"] is False
    assert [r["passed"] for r in data["rules"]] == [False, True, True, False, True, True]
    text = format_solution(floating, verdicts)
    assert "fix        float (ratio 1.8)" in text
    assert "FAIL  duration 0 h 30 min < 1 h required for a 3.3 km baseline" in text
    assert "FAIL  ambiguities float (ratio 1.8): a fixed solution is required" in text
    assert "PASS  sigma H 0.005 m <= 0.15 m allowed" in text
    assert text.endswith("2 rule(s) fail")
