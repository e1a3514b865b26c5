"""Which tiles cover a view of the job grid, and where their corners fall on it (provisional).

The i18-packs branch owns this module; this stand-in with the same contract lets the map be
written and tested before it lands, and gives way to it at the merge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from pyproj import CRS, Transformer

from fieldapp.basemap.source import Bounds, TileGrid

MAX_TILES = 256  # a view never asks for more (a huge window, a zoom level missing)


@dataclass(frozen=True, slots=True)
class TilePlacement:
    zoom: int
    col: int
    row: int
    corners: tuple[tuple[float, float], ...]  # NW, NE, SE, SW on the job grid


@lru_cache(maxsize=16)
def _to_grid(job: str, tiles: str) -> tuple[Transformer, Transformer]:
    a, b = CRS.from_user_input(job), CRS.from_user_input(tiles)
    return (Transformer.from_crs(a, b, always_xy=True),
            Transformer.from_crs(b, a, always_xy=True))  # fmt: skip


def tiles_for_view(
    grid: TileGrid, job_crs: object, view: Bounds, pixel_size: float,
    bounds: Bounds | None = None,
) -> list[TilePlacement]:  # fmt: skip
    """Tiles of the zoom nearest the view's pixel size, covering ``view`` (job grid units)."""
    job = job_crs.to_wkt() if hasattr(job_crs, "to_wkt") else str(job_crs)
    fwd, back = _to_grid(job, grid.crs)
    x0, y0, x1, y1 = view
    gx0, gy0, gx1, gy1 = fwd.transform_bounds(x0, y0, x1, y1, densify_pts=8)
    if not all(map(math.isfinite, (gx0, gy0, gx1, gy1))):
        return []
    if bounds is not None:
        gx0, gy0 = max(gx0, bounds[0]), max(gy0, bounds[1])
        gx1, gy1 = min(gx1, bounds[2]), min(gy1, bounds[3])
        if gx0 >= gx1 or gy0 >= gy1:
            return []
    wanted = (gx1 - gx0) / max(1.0, (x1 - x0) / pixel_size) if x1 > x0 else math.inf
    # The coarsest level at least as sharp as the screen, else the sharpest there is.
    fine_enough = [m for m in grid.matrices if m.resolution <= wanted * 1.2]
    m = fine_enough[0] if fine_enough else grid.matrices[-1]
    tw, th = m.tile_width * m.resolution, m.tile_height * m.resolution
    c0 = max(0, math.floor((gx0 - grid.origin_x) / tw))
    c1 = min(m.matrix_width - 1, math.floor((gx1 - grid.origin_x) / tw))
    r0 = max(0, math.floor((grid.origin_y - gy1) / th))
    r1 = min(m.matrix_height - 1, math.floor((grid.origin_y - gy0) / th))
    if c1 < c0 or r1 < r0 or (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_TILES:
        return []
    out = []
    for row in range(r0, r1 + 1):
        for col in range(c0, c1 + 1):
            minx, miny, maxx, maxy = grid.tile_bounds(m.zoom, col, row)
            xs, ys = back.transform([minx, maxx, maxx, minx], [maxy, maxy, miny, miny])
            out.append(TilePlacement(m.zoom, col, row, tuple(zip(xs, ys, strict=True))))
    return out
