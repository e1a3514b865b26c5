"""Kepdirjen 697.K/29/DDJP/1996's rules for a static baseline, each checked with its figure."""

from __future__ import annotations

from fieldapp.gnss.baseline import BaselineSolution, FixState, RuleVerdict

SHORT_BASELINE_M = 20_000.0
MIN_DURATION_SHORT_S = 3600.0  # >= 1 h under 20 km
MIN_DURATION_LONG_S = 4 * 3600.0  # >= 4 h beyond
MAX_INTERVAL_S = 15.0
MIN_MASK_DEG = 15.0
MAX_SIGMA_H_M = 0.15
MAX_SIGMA_V_M = 0.25
# Figures are rounded for display; a bound met to within this is met (15.0 s is not 15.0000001).
_EPS = 1e-6


def check_static_rules(solution: BaselineSolution) -> list[RuleVerdict]:
    """Duration, interval, mask, fixed ambiguities, sigma H and sigma V, in that order."""
    return [
        duration_rule(solution.duration_s, solution.baseline_m),
        interval_rule(solution.interval_s),
        mask_rule(solution.elevation_mask_deg),
        fixed_rule(solution.fix, solution.ratio),
        sigma_h_rule(solution.sigma_h_m),
        sigma_v_rule(solution.sigma_u_m),
    ]


def format_duration(seconds: float) -> str:
    """e.g. "0 h 30 min", "0 h 57 min 30 s"."""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h} h {m} min" + (f" {s} s" if s else "")


def format_km(metres: float) -> str:
    return f"{metres / 1000:.1f} km" if metres >= 100 else f"{metres:.1f} m"


def duration_rule(duration_s: float, baseline_m: float) -> RuleVerdict:
    short = baseline_m < SHORT_BASELINE_M
    need = MIN_DURATION_SHORT_S if short else MIN_DURATION_LONG_S
    span = "under 20 km" if short else "20 km or more"
    figure = format_duration(duration_s)
    need_text = format_duration(need).replace(" 0 min", "")
    required = f">= {need_text} for a baseline {span}"
    length = format_km(baseline_m)
    passed = duration_s + _EPS >= need
    sign = ">=" if passed else "<"
    message = f"duration {figure} {sign} {need_text} required for a {length} baseline ({span})"
    return RuleVerdict("duration", passed, figure, required, message)


def interval_rule(interval_s: float) -> RuleVerdict:
    figure = f"{interval_s:g} s"
    passed = 0 < interval_s <= MAX_INTERVAL_S + _EPS
    sign = "<=" if passed else ">"
    return RuleVerdict(
        "interval",
        passed,
        figure,
        f"<= {MAX_INTERVAL_S:g} s",
        f"recording interval {figure} {sign} {MAX_INTERVAL_S:g} s allowed",
    )


def mask_rule(mask_deg: float) -> RuleVerdict:
    figure = f"{mask_deg:g} deg"
    passed = mask_deg + _EPS >= MIN_MASK_DEG
    sign = ">=" if passed else "<"
    return RuleVerdict(
        "mask",
        passed,
        figure,
        f">= {MIN_MASK_DEG:g} deg",
        f"elevation mask {figure} {sign} {MIN_MASK_DEG:g} deg required",
    )


def fixed_rule(fix: FixState, ratio: float | None) -> RuleVerdict:
    ratio_text = f" (ratio {ratio:.1f})" if ratio is not None else ""
    figure = f"{fix.value}{ratio_text}"
    passed = fix is FixState.FIXED
    message = (
        f"ambiguities fixed{ratio_text}"
        if passed
        else f"ambiguities {fix.value}{ratio_text}: a fixed solution is required"
    )
    return RuleVerdict("fixed", passed, figure, "fixed", message)


def _sigma_rule(rule: str, name: str, sigma_m: float, bound_m: float) -> RuleVerdict:
    figure = f"{sigma_m:.3f} m"
    passed = sigma_m <= bound_m + _EPS
    sign = "<=" if passed else ">"
    return RuleVerdict(
        rule,
        passed,
        figure,
        f"<= {bound_m:.2f} m",
        f"{name} {figure} {sign} {bound_m:.2f} m allowed",
    )


def sigma_h_rule(sigma_h_m: float) -> RuleVerdict:
    return _sigma_rule("sigma_h", "sigma H", sigma_h_m, MAX_SIGMA_H_M)


def sigma_v_rule(sigma_v_m: float) -> RuleVerdict:
    return _sigma_rule("sigma_v", "sigma V", sigma_v_m, MAX_SIGMA_V_M)
