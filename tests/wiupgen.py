"""Large WIUP-like boundaries for scale tests and benchmarks: rectilinear, irregular, deterministic.

A boundary of ``n`` points (even, at least 8) is built as four monotone staircases
around the demo job's first corner in East Kalimantan (UTM 50S): every edge runs along a
parallel or a meridian, every step is a whole number of 0.001" with sizes that swell and shrink
along the ring (bulges and bays, so the shape is neither convex nor regular), and the edges are
~60 m on average whatever ``n`` is, so the perimeter grows with ``n`` like a real large WIUP's.
A neighbouring permit shares the first staircase (a fifth of the ring) and a pit sits inside
near the third one, so planning has shared-boundary and activity stretches at every size.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from fieldapp.survey.dms import parse_angle
from fieldapp.survey.models import BoundaryPoint
from fieldapp.survey.neighbors import ActivityZone, NeighborArea

LON0, LAT0 = 116 + 54 / 60 + 10.125 / 3600, -(31 / 60 + 20.350 / 3600)
UNIT = 0.001 / 3600  # the SK's 0.001" grid, degrees
MEAN_STEP_UNITS = 2_000  # 2" ~ 62 m


def _steps(rng: random.Random, count: int, phase: float) -> list[int]:
    """``count`` positive step sizes in grid units, swelling and shrinking along the chain."""
    out = []
    for i in range(count):
        swell = 1.0 + 0.8 * math.sin(phase + 2 * math.pi * 3 * i / max(count, 1))
        out.append(max(100, round(MEAN_STEP_UNITS * swell * rng.uniform(0.3, 1.7))))
    return out


def _fit(steps: list[int], total: int) -> list[int]:
    """Scale ``steps`` to add up to ``total`` exactly, each staying positive."""
    scaled = [max(1, round(s * total / sum(steps))) for s in steps]
    scaled[scaled.index(max(scaled))] += total - sum(scaled)
    return scaled


def boundary_units(n: int, seed: int = 16) -> list[tuple[int, int]]:
    """The ring as (x, y) in 0.001" units from the start point, counter-clockwise."""
    if n < 8 or n % 2:
        raise ValueError(f"n must be even and at least 8 (got {n})")
    rng = random.Random(seed)
    # Quadrants: right->top (left, up), top->left (left, down), left->bottom (right, down),
    # bottom->right (right, up). Each step is a horizontal then a vertical move: 2 points.
    counts = [n // 8 + (1 if q < (n // 2) % 4 else 0) for q in range(4)]
    dx = [_steps(rng, counts[q], q) for q in range(4)]
    dy = [_steps(rng, counts[q], q + 0.5) for q in range(4)]
    # The chains must meet: bottom as wide as the top, right side as tall as the left.
    bottom = _fit(dx[2] + dx[3], sum(dx[0]) + sum(dx[1]))
    dx[2], dx[3] = bottom[: counts[2]], bottom[counts[2] :]
    left = _fit(dy[1] + dy[2], sum(dy[0]) + sum(dy[3]))
    dy[1], dy[2] = left[: counts[1]], left[counts[1] :]
    sx, sy = (-1, -1, 1, 1), (1, -1, -1, 1)
    x = y = 0
    ring = []
    for q in range(4):
        for i in range(counts[q]):
            ring.append((x, y))
            x += sx[q] * dx[q][i]
            ring.append((x, y))
            y += sy[q] * dy[q][i]
    assert (x, y) == (0, 0) and len(ring) == n
    return ring


def _lonlat(x: int, y: int) -> tuple[float, float]:
    # Sums of grid units, then one multiplication: the same float a parsed SK value gives.
    return round(LON0 / UNIT + x) * UNIT, round(LAT0 / UNIT + y) * UNIT


def _dms(value: float, hemi: str) -> str:
    units = round(abs(value) / UNIT)
    d, rest = divmod(units, 3_600_000)
    m, s = divmod(rest, 60_000)
    return f"{d:02d}° {m:02d}' {s // 1000:02d},{s % 1000:03d}\" {hemi}"


def large_boundary(n: int, seed: int = 16) -> list[BoundaryPoint]:
    """``n`` boundary points numbered 1..n, parsed from their SK text as an import would."""
    out = []
    for i, (x, y) in enumerate(boundary_units(n, seed), start=1):
        lon, lat = _lonlat(x, y)
        lat_text, lon_text = _dms(lat, "LS"), _dms(lon, "BT")
        lat_v, lon_v = parse_angle(lat_text, "lat").degrees, parse_angle(lon_text, "lon").degrees
        out.append(BoundaryPoint(str(i), lat_v, lon_v, lat_text, lon_text))
    return out


def large_areas(
    n: int, seed: int = 16, sides: int = 1
) -> tuple[list[NeighborArea], list[ActivityZone]]:
    """Neighbours outside the ring, a pit inside the third staircase.

    One neighbour (``sides=1``) runs along the first fifth of the ring; with ``sides`` up to
    4, one more along each further staircase (three fifths of it), as a WIUP among others.
    """
    ring = boundary_units(n, seed)
    counts = [n // 8 + (1 if q < (n // 2) % 4 else 0) for q in range(4)]
    neighbours = []
    for q in range(sides):
        first = 2 * sum(counts[:q])
        length = max(3, n // 5) if sides == 1 else max(3, 2 * counts[q] * 3 // 5)
        share = ring[first : first + length]
        name = "PT Tetangga" if q == 0 else f"PT Tetangga {q + 1}"
        neighbours.append(NeighborArea(name, (_outside(share, q),)))
    # The pit: a small square just inside the middle of the third staircase.
    px, py = ring[n // 2 + n // 8]
    pit = [(px + 1500, py + 1500), (px + 7500, py + 1500), (px + 7500, py + 7500),
           (px + 1500, py + 7500), (px + 1500, py + 1500)]  # fmt: skip
    zone = ActivityZone("Pit", "pit", (tuple(_lonlat(x, y) for x, y in pit),), depth_m=40.0)
    return neighbours, [zone]


def _outside(share: list[tuple[int, int]], quadrant: int) -> tuple[tuple[float, float], ...]:
    """A permit on the outer side of a stretch of staircase ``quadrant``, 200" deep."""
    far = 200_000
    # Staircase q is staircase 0 turned by q right angles: u and v are its own axes.
    u = [(1, 0), (0, 1), (-1, 0), (0, -1)][quadrant]
    v = (-u[1], u[0])

    def uv(p: tuple[int, int]) -> tuple[int, int]:
        return p[0] * u[0] + p[1] * u[1], p[0] * v[0] + p[1] * v[1]

    def xy(a: int, b: int) -> tuple[int, int]:
        return a * u[0] + b * v[0], a * u[1] + b * v[1]

    (a0, b0), (a1, b1) = uv(share[0]), uv(share[-1])
    outer = [xy(a1, b1 + far), xy(a0 + far, b1 + far), xy(a0 + far, b0)]
    return tuple(_lonlat(x, y) for x, y in [*share, *outer, share[0]])


def write_sk_csv(path: Path, points: list[BoundaryPoint]) -> Path:
    """The boundary as an SK table (``No;Bujur (BT);Lintang (LS)``, DMS with decimal commas)."""
    lines = ["No;Bujur (BT);Lintang (LS)"]
    lines += [f"{p.number};{p.lon_text};{p.lat_text}" for p in points]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def create_large_job(path: Path, n: int, seed: int = 16, sides: int = 1) -> Path:
    """A job folder with an ``n``-point boundary, its neighbour and pit, as the store keeps them.

    The boundary goes in through the store (quicker than an SK import; the import is tested too).
    """
    from fieldapp.store import JobStore
    from fieldapp.store import records as rec
    from fieldapp.survey.neighbors import rings_to_geojson

    points = large_boundary(n, seed)
    neighbors, zones = large_areas(n, seed, sides)
    with JobStore.create(path, f"WIUP {n} titik", crs="auto") as store:
        rec.replace_boundary_points(store.db, points)
        for nb in neighbors:
            rec.add_neighbor_area(store.db, nb.name, rings_to_geojson(nb.rings), "wiupgen")
        for z in zones:
            geometry = rings_to_geojson(z.rings)
            rec.add_activity_zone(store.db, z.name, z.kind, geometry, z.depth_m, z.height_m, None)
    return path
