"""Which tiles of a source cover a job-grid view, and where their corners fall on the job grid."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
from pyproj import CRS, Transformer
from pyproj.enums import TransformDirection

from fieldapp.basemap.source import Bounds, TileGrid, TileSource

Point = tuple[float, float]
# A tile may be a little coarser than the view's pixel before a finer level is taken.
COARSER_TOLERANCE = 1.25

_local = threading.local()


@dataclass(frozen=True, slots=True)
class TilePlacement:
    """A tile and its outer corners on the job grid: top-left, top-right, bottom-right,
    bottom-left (x, y in job units, as the source's tile edges transform)."""

    zoom: int
    col: int
    row: int
    corners: tuple[Point, Point, Point, Point]


def transformer(src: CRS | str, dst: CRS | str) -> Transformer:
    """A cached always_xy Transformer, one per thread (PROJ contexts are not shared)."""
    cache: dict[tuple[str, str], Transformer] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    key = (_key(src), _key(dst))
    found = cache.get(key)
    if found is None:
        if len(cache) > 64:
            cache.clear()
        found = cache[key] = Transformer.from_crs(
            CRS.from_user_input(src), CRS.from_user_input(dst), always_xy=True
        )
    return found


def transformer_pair(src: CRS | str, dst: CRS | str) -> tuple[Transformer, TransformDirection]:
    """One Transformer serves both ways: building one through SRGI2013 costs ~0.15 s."""
    a, b = _key(src), _key(dst)
    if a <= b:
        return transformer(src, dst), TransformDirection.FORWARD
    return transformer(dst, src), TransformDirection.INVERSE


_pair = transformer_pair  # the name i18-geotiff's tests import


def _key(crs: CRS | str) -> str:
    return crs if isinstance(crs, str) else crs.srs or crs.to_wkt()


def source_pixel_of_view(
    grid: TileGrid, job_crs: CRS, view: Bounds, units_per_pixel: float
) -> float:
    """Source CRS units spanned by one view pixel at the view's centre."""
    to_src, way = transformer_pair(job_crs, grid.crs)
    cx, cy = (view[0] + view[2]) / 2, (view[1] + view[3]) / 2
    xs, ys = to_src.transform(
        [cx, cx + units_per_pixel, cx],
        [cy, cy, cy + units_per_pixel],
        errcheck=False,
        direction=way,
    )
    dx = math.hypot(xs[1] - xs[0], ys[1] - ys[0])
    dy = math.hypot(xs[2] - xs[0], ys[2] - ys[0])
    s = math.sqrt(dx * dy)
    if math.isfinite(s) and s > 0:
        return s
    # The centre is outside the transform's domain: fall back to the whole view.
    b = to_src.transform_bounds(*view, densify_pts=21, errcheck=False, direction=way)
    pixels = max((view[2] - view[0]) / units_per_pixel, 1.0)
    return float((b[2] - b[0]) / pixels)


def choose_zoom(grid: TileGrid, source_units_per_pixel: float) -> int:
    """The coarsest level not much coarser than the view's pixel; the finest when the view is
    finer than every level (overzoom), the coarsest when coarser than every level."""
    fitting = [
        m for m in grid.matrices if m.resolution <= source_units_per_pixel * COARSER_TOLERANCE
    ]
    if not fitting:
        return min(grid.matrices, key=lambda m: m.resolution).zoom
    return max(fitting, key=lambda m: m.resolution).zoom


def _tile_range(grid: TileGrid, zoom: int, area: Bounds) -> tuple[int, int, int, int]:
    m = grid.matrix(zoom)
    tw, th = m.tile_width * m.resolution, m.tile_height * m.pixel_height
    c0 = max(0, math.floor((area[0] - grid.origin_x) / tw))
    c1 = min(m.matrix_width - 1, math.ceil((area[2] - grid.origin_x) / tw) - 1)
    r0 = max(0, math.floor((grid.origin_y - area[3]) / th))
    r1 = min(m.matrix_height - 1, math.ceil((grid.origin_y - area[1]) / th) - 1)
    return c0, c1, r0, r1


def view_in_source(source: TileSource, job_crs: CRS, view: Bounds) -> Bounds | None:
    """The view's box in the source CRS (edges densified), cut to where the source has data."""
    to_src, way = transformer_pair(job_crs, source.grid.crs)
    b = to_src.transform_bounds(*view, densify_pts=21, errcheck=False, direction=way)
    area = (
        max(b[0], source.bounds[0]),
        max(b[1], source.bounds[1]),
        min(b[2], source.bounds[2]),
        min(b[3], source.bounds[3]),
    )
    if not all(math.isfinite(v) for v in area) or area[0] >= area[2] or area[1] >= area[3]:
        return None
    return area


def tiles_for_view(
    source: TileSource,
    job_crs: CRS,
    view: Bounds,
    units_per_pixel: float,
    max_tiles: int = 300,
) -> list[TilePlacement]:
    """The tiles of one level covering ``view`` (job-grid bounds) at ``units_per_pixel``:
    empty when the view misses the data or when even the coarsest level needs more than
    ``max_tiles`` tiles."""
    grid = source.grid
    area = view_in_source(source, job_crs, view)
    if area is None or units_per_pixel <= 0:
        return []
    zoom = choose_zoom(grid, source_pixel_of_view(grid, job_crs, view, units_per_pixel))
    levels = sorted(grid.matrices, key=lambda m: -m.resolution)  # coarse first
    index = next(i for i, m in enumerate(levels) if m.zoom == zoom)
    while True:
        c0, c1, r0, r1 = _tile_range(grid, zoom, area)
        count = max(0, c1 - c0 + 1) * max(0, r1 - r0 + 1)
        if count <= max_tiles or index == 0:
            break
        index -= 1
        zoom = levels[index].zoom
    if count == 0 or count > max_tiles:
        # Even the pack's coarsest level needs too many tiles (a z14-18 orthophoto pack seen
        # at province scale): draw nothing rather than stall decoding thousands of tiles.
        return []
    keys = [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
    xs = np.empty(4 * len(keys))
    ys = np.empty(4 * len(keys))
    for i, (c, r) in enumerate(keys):
        x0, y0, x1, y1 = grid.tile_bounds(zoom, c, r)
        xs[4 * i : 4 * i + 4] = (x0, x1, x1, x0)
        ys[4 * i : 4 * i + 4] = (y1, y1, y0, y0)
    to_job, way = transformer_pair(grid.crs, job_crs)
    jx, jy = to_job.transform(xs, ys, errcheck=False, direction=way)
    out = []
    for i, (c, r) in enumerate(keys):
        cx, cy = jx[4 * i : 4 * i + 4], jy[4 * i : 4 * i + 4]
        if not (np.isfinite(cx).all() and np.isfinite(cy).all()):
            continue
        pts = [(float(x), float(y)) for x, y in zip(cx, cy, strict=True)]
        out.append(TilePlacement(zoom, c, r, (pts[0], pts[1], pts[2], pts[3])))
    return out
