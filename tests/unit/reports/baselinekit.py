"""Stored baselines for the document tests: a solution between two known positions, as stored."""

from __future__ import annotations

import math

from fieldapp.gnss.baseline import BaselineSolution, FixState, GeodeticPosition, RuleVerdict

A, F = 6378137.0, 1 / 298.257222101  # GRS80


def ecef(p: GeodeticPosition) -> tuple[float, float, float]:
    e2 = F * (2 - F)
    la, lo = math.radians(p.lat), math.radians(p.lon)
    n = A / math.sqrt(1 - e2 * math.sin(la) ** 2)
    return (
        (n + p.h) * math.cos(la) * math.cos(lo),
        (n + p.h) * math.cos(la) * math.sin(lo),
        (n * (1 - e2) + p.h) * math.sin(la),
    )


def solution(
    rover: GeodeticPosition,
    base: GeodeticPosition,
    fix: FixState = FixState.FIXED,
    ratio: float | None = 12.5,
    sigma: tuple[float, float, float] = (0.004, 0.005, 0.011),
    duration_s: float = 5400.0,
    interval_s: float = 15.0,
) -> BaselineSolution:
    r, b = ecef(rover), ecef(base)
    d = (r[0] - b[0], r[1] - b[1], r[2] - b[2])
    la, lo = math.radians(base.lat), math.radians(base.lon)
    east = -math.sin(lo) * d[0] + math.cos(lo) * d[1]
    north = (-math.sin(la) * math.cos(lo) * d[0] - math.sin(la) * math.sin(lo) * d[1]
             + math.cos(la) * d[2])  # fmt: skip
    up = (math.cos(la) * math.cos(lo) * d[0] + math.cos(la) * math.sin(lo) * d[1]
          + math.sin(la) * d[2])  # fmt: skip
    return BaselineSolution(
        position=rover, fix=fix, ratio=ratio, sigma_e_m=sigma[0], sigma_n_m=sigma[1],
        sigma_u_m=sigma[2], base=base, baseline_m=math.sqrt(sum(x * x for x in d)),
        vector_ecef_m=d, vector_enu_m=(east, north, up), epochs=int(duration_s / interval_s) + 1,
        start_gpst="2026-11-10T01:02:18", end_gpst="2026-11-10T02:32:18", duration_s=duration_s,
        interval_s=interval_s, elevation_mask_deg=15.0, rover_antenna_height_m=1.515,
        base_antenna_height_m=1.402, engine="RTKLIB rnx2rtkp 2.4.3 b34",
    )  # fmt: skip


def verdicts(s: BaselineSolution) -> list[RuleVerdict]:
    """The six rules of 697/1996 as the engine's check words them (figures from ``s``)."""
    hours = s.duration_s / 3600
    need_h = 1 if s.baseline_m < 20000 else 4
    fixed = s.fix is FixState.FIXED
    return [
        RuleVerdict("duration", hours >= need_h, f"{hours:.2f} h", f">= {need_h} h", "duration"),
        RuleVerdict("interval", s.interval_s <= 15, f"{s.interval_s:g} s", "<= 15 s", "interval"),
        RuleVerdict("mask", s.elevation_mask_deg >= 15, "15 deg", ">= 15 deg", "mask"),
        RuleVerdict("fixed", fixed, s.fix.value + (f" (ratio {s.ratio:.1f})" if s.ratio else ""),
                    "fixed", "fixed"),
        RuleVerdict("sigma_h", s.sigma_h_m <= 0.15, f"{s.sigma_h_m:.3f} m", "<= 0.15 m", "sh"),
        RuleVerdict("sigma_v", s.sigma_u_m <= 0.25, f"{s.sigma_u_m:.3f} m", "<= 0.25 m", "sv"),
    ]  # fmt: skip
