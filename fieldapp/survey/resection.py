"""Free-station resection by least squares from directions and distances to known points.

Unknowns are E, N and the circle orientation, so at least three observations are needed:
- classical 3-point resection: directions to 3 known points (exact, no residuals);
- 2-point resection: directions to 2 known points plus at least one measured distance;
- anything more (4 directions, or directions + distances) is adjusted and gets residuals.
A station on the circle through the known points (the "danger circle") has no solution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from fieldapp.survey.polar import azimuth_deg, normalize_deg, reduce_distances

ARCSEC = math.pi / (180.0 * 3600.0)


class ResectionError(ValueError):
    pass


@dataclass(frozen=True)
class ResectionTarget:
    """A known point sighted from the free station: circle reading, optional distances."""

    point_id: str
    e: float
    n: float
    hz: float
    h: float | None = None
    v: float | None = None
    sd: float | None = None
    hd: float | None = None
    target_h: float = 0.0


@dataclass(frozen=True)
class TargetResidual:
    """Observed minus adjusted: direction in arc seconds, horizontal distance and height in m."""

    point_id: str
    direction_arcsec: float
    distance: float | None
    height: float | None


@dataclass(frozen=True)
class ResectionResult:
    e: float
    n: float
    h: float | None
    orientation: float
    residuals: tuple[TargetResidual, ...]
    redundancy: int
    sigma0: float | None  # a-posteriori unit weight error; None without redundancy
    sigma_e: float | None
    sigma_n: float | None
    iterations: int


def _check_geometry(targets: Sequence[ResectionTarget]) -> None:
    if len(targets) < 2:
        raise ResectionError("resection needs at least 2 known points")
    ids = [t.point_id for t in targets]
    if len(set(ids)) != len(ids):
        raise ResectionError("each known point may appear once (mean the faces first)")
    distances = sum(1 for t in targets if t.hd is not None or t.sd is not None)
    if len(targets) == 2 and distances == 0:
        raise ResectionError(
            "2-point resection needs a measured distance to at least one of the points; "
            "angles only need 3 known points"
        )


def _horizontal(t: ResectionTarget, scale_factor: float) -> float | None:
    if t.sd is None and t.hd is None:
        return None
    return reduce_distances(t.v, t.sd, t.hd, None)[0] * scale_factor


def _solve_from(
    start: tuple[float, float],
    targets: Sequence[ResectionTarget],
    hds: Sequence[float | None],
    sigma_dir: float,
    sigma_dist: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int] | None:
    """Gauss-Newton from one starting point; None when it diverges or hits a known point."""
    e, n = start
    omega = math.radians(azimuth_deg(e, n, targets[0].e, targets[0].n) - targets[0].hz)
    x = np.array([e, n, omega])
    for iteration in range(1, 51):
        rows: list[list[float]] = []
        misclosure: list[float] = []
        for t, hd in zip(targets, hds, strict=True):
            de, dn = t.e - x[0], t.n - x[1]
            d2 = de * de + dn * dn
            if d2 < 1e-6:
                return None
            computed = math.atan2(de, dn) - x[2]
            diff = math.remainder(math.radians(t.hz) - computed, 2 * math.pi)
            rows.append([-dn / d2 / sigma_dir, de / d2 / sigma_dir, -1.0 / sigma_dir])
            misclosure.append(diff / sigma_dir)
            if hd is not None:
                d = math.sqrt(d2)
                rows.append([-de / d / sigma_dist, -dn / d / sigma_dist, 0.0])
                misclosure.append((hd - d) / sigma_dist)
        a, w = np.array(rows), np.array(misclosure)
        dx, *_ = np.linalg.lstsq(a, w, rcond=None)
        x = x + dx
        if not np.all(np.isfinite(x)) or abs(dx[0]) + abs(dx[1]) > 1e7:
            return None
        if abs(dx[0]) + abs(dx[1]) < 1e-10 and abs(dx[2]) < 1e-13:
            return x, a, w - a @ dx, iteration
    return None


def resection(
    targets: Sequence[ResectionTarget],
    *,
    instrument_h: float = 0.0,
    scale_factor: float = 1.0,
    sigma_direction_arcsec: float = 3.0,
    sigma_distance: float = 0.003,
) -> ResectionResult:
    """Free station from known points; heights from the shots that carry v and a distance."""
    _check_geometry(targets)
    hds = [_horizontal(t, scale_factor) for t in targets]
    n_obs = len(targets) + sum(1 for d in hds if d is not None)
    if n_obs < 3:
        raise ResectionError("fewer than 3 observations for 3 unknowns (E, N, orientation)")
    sigma_dir = sigma_direction_arcsec * ARCSEC
    cx = sum(t.e for t in targets) / len(targets)
    cy = sum(t.n for t in targets) / len(targets)
    spread = max(max(abs(t.e - cx), abs(t.n - cy)) for t in targets) or 1.0
    # Several starts around the known points: the direction equations are non-linear and a
    # single start near a known point can converge onto it.
    starts = [(cx, cy)] + [
        (cx + r * spread * math.sin(a), cy + r * spread * math.cos(a))
        for r in (0.5, 1.5, 4.0)
        for a in np.linspace(0.0, 2 * math.pi, 8, endpoint=False)
    ]
    best: tuple[np.ndarray, np.ndarray, np.ndarray, int] | None = None
    for start in starts:
        found = _solve_from(start, targets, hds, sigma_dir, sigma_distance)
        if found is not None and (best is None or found[2] @ found[2] < best[2] @ best[2] - 1e-9):
            best = found
    if best is None:
        raise ResectionError("resection did not converge (check point ids and circle readings)")
    x, a, v, iterations = best
    normal = a.T @ a
    if np.linalg.cond(normal) > 1e12:
        raise ResectionError("station lies on the danger circle through the known points")
    redundancy = n_obs - 3
    sigma0 = math.sqrt(float(v @ v) / redundancy) if redundancy > 0 else None
    cov = np.linalg.inv(normal) * (sigma0**2 if sigma0 is not None else 1.0)
    e, n, omega = float(x[0]), float(x[1]), float(x[2])
    heights = _station_heights(targets, instrument_h)
    h = sum(heights.values()) / len(heights) if heights else None
    residuals = []
    for t, hd in zip(targets, hds, strict=True):
        computed_dir = math.atan2(t.e - e, t.n - n) - omega
        d_res = math.remainder(math.radians(t.hz) - computed_dir, 2 * math.pi) / ARCSEC
        dist_res = hd - math.hypot(t.e - e, t.n - n) if hd is not None else None
        h_res = heights[t.point_id] - h if h is not None and t.point_id in heights else None
        residuals.append(TargetResidual(t.point_id, d_res, dist_res, h_res))
    return ResectionResult(
        e,
        n,
        h,
        normalize_deg(math.degrees(omega)),
        tuple(residuals),
        redundancy,
        sigma0,
        math.sqrt(cov[0, 0]) if sigma0 is not None else None,
        math.sqrt(cov[1, 1]) if sigma0 is not None else None,
        iterations,
    )


def _station_heights(targets: Sequence[ResectionTarget], instrument_h: float) -> dict[str, float]:
    """Station height from each target that has a height, a zenith angle and a distance."""
    heights: dict[str, float] = {}
    for t in targets:
        if t.h is None or t.v is None or (t.sd is None and t.hd is None):
            continue
        dh = reduce_distances(t.v, t.sd, t.hd, None)[1]
        if dh is not None:
            heights[t.point_id] = t.h + t.target_h - dh - instrument_h
    return heights
