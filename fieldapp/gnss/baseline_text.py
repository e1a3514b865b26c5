"""A baseline solution and its rule verdicts as JSON and as text for the command line."""

from __future__ import annotations

from typing import Any

from fieldapp.gnss.baseline import BaselineSolution, RuleVerdict
from fieldapp.gnss.static_rules import format_duration, format_km


def solution_json(solution: BaselineSolution, verdicts: list[RuleVerdict]) -> dict[str, Any]:
    """Everything the CLI's --json prints; keys are stable (scripts and the job store read them)."""
    s = solution
    return {
        "lat": s.position.lat,
        "lon": s.position.lon,
        "h": s.position.h,
        "fix": s.fix.value,
        "ratio": s.ratio,
        "sigma_e": s.sigma_e_m,
        "sigma_n": s.sigma_n_m,
        "sigma_u": s.sigma_u_m,
        "sigma_h": s.sigma_h_m,
        "base": {"lat": s.base.lat, "lon": s.base.lon, "h": s.base.h},
        "baseline_m": s.baseline_m,
        "vector_ecef_m": list(s.vector_ecef_m),
        "vector_enu_m": list(s.vector_enu_m),
        "epochs": s.epochs,
        "start_gpst": s.start_gpst,
        "end_gpst": s.end_gpst,
        "duration_s": s.duration_s,
        "interval_s": s.interval_s,
        "elevation_mask_deg": s.elevation_mask_deg,
        "rover_antenna_height_m": s.rover_antenna_height_m,
        "base_antenna_height_m": s.base_antenna_height_m,
        "engine": s.engine,
        "rules": [
            {
                "rule": v.rule,
                "passed": v.passed,
                "figure": v.figure,
                "required": v.required,
                "message": v.message,
            }
            for v in verdicts
        ],
        "passed": all(v.passed for v in verdicts),
    }


def format_solution(solution: BaselineSolution, verdicts: list[RuleVerdict]) -> str:
    """Human text: the position, its quality, the vector, then each rule PASS/FAIL."""
    s = solution
    ratio = f"{s.ratio:.1f}" if s.ratio is not None else "-"
    e, n, u = s.vector_enu_m
    lines = [
        f"rover      lat {s.position.lat:.9f}  lon {s.position.lon:.9f}  h {s.position.h:.4f} m",
        f"base       lat {s.base.lat:.9f}  lon {s.base.lon:.9f}  h {s.base.h:.4f} m",
        f"fix        {s.fix.value} (ratio {ratio})",
        f"sigma      E {s.sigma_e_m:.4f} m  N {s.sigma_n_m:.4f} m  U {s.sigma_u_m:.4f} m"
        f"  (H {s.sigma_h_m:.4f} m)",
        f"baseline_m {s.baseline_m:.4f} ({format_km(s.baseline_m)}); "
        f"E {e:.4f}  N {n:.4f}  U {u:.4f} m",
        f"duration   {format_duration(s.duration_s)} ({s.duration_s:g} s), "
        f"{s.start_gpst} to {s.end_gpst} GPST",
        f"epochs     {s.epochs} at {s.interval_s:g} s, mask {s.elevation_mask_deg:g} deg",
        f"antenna    rover {s.rover_antenna_height_m:.3f} m, base {s.base_antenna_height_m:.3f} m",
        f"engine     {s.engine}",
        "rules (Kepdirjen 697.K/29/DDJP/1996):",
    ]
    lines += [f"  {'PASS' if v.passed else 'FAIL'}  {v.message}" for v in verdicts]
    failed = sum(not v.passed for v in verdicts)
    lines.append("all rules pass" if not failed else f"{failed} rule(s) fail")
    return "\n".join(lines)
