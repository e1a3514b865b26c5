"""Spatial indexes for large WIUPs: candidate segment pairs, and a big area cut into tiles.

Both exist so validation and planning stay O(n log n) in the number of vertices, while every
exact test (segment crossing, line-polygon intersection) still runs on the same coordinates
as the brute-force versions did: the indexes only skip pairs and parts that cannot matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

Progress = Callable[[int, int], None]  # (done, total): called now and then during long work
Bounds = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax

# A tile stops splitting below this many vertices: GEOS handles those faster than more tiles.
TILE_VERTICES = 400
MAX_DEPTH = 16


def envelope_pairs(starts: npt.ArrayLike, ends: npt.ArrayLike) -> list[tuple[int, int]]:
    """Index pairs (i < j) of segments whose bounding boxes meet (touching counts), sorted.

    Crossing and touching segments always have meeting boxes, so the exact segment test needs
    to run on these pairs only (STRtree: O(n log n) plus the pairs found).
    """
    import shapely  # lazily: the GUI starts without it

    a = np.asarray(starts, dtype=np.float64)
    b = np.asarray(ends, dtype=np.float64)
    if len(a) == 0:
        return []
    lines = shapely.linestrings(np.stack((a, b), axis=1))
    tree = shapely.STRtree(lines)
    # Without a predicate the tree answers by bounding boxes, inclusive of touching ones.
    left, right = tree.query(lines)
    keep = left < right
    pairs = np.unique(np.column_stack((left[keep], right[keep])), axis=0)
    return [(int(i), int(j)) for i, j in pairs]


@dataclass
class _Tile:
    bounds: Bounds
    grown: Bounds  # bounds plus the margin: what ``geometry`` was clipped to
    geometry: Any  # None on a split tile until a query stops there (made then, kept)
    children: list[_Tile] = field(default_factory=list)


def _contains(outer: Bounds, inner: Bounds) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and outer[2] >= inner[2]
        and outer[3] >= inner[3]
    )


class TiledArea:
    """A large (multi)polygon cut into nested tiles (a quadtree of ``clip_by_rect`` pieces).

    ``near(bounds)`` gives the smallest tile piece that holds everything of the area within
    ``margin`` of those bounds, margin at least the area's longest boundary segment: every
    segment of the area that reaches into the bounds is in the piece whole, with its original
    coordinates, so an intersection with something inside the bounds nodes the same segment
    pairs as with the whole area (tests/unit/survey/test_scale_equivalence.py compares the
    results bit for bit). Building costs O(v log v) for v vertices.
    """

    def __init__(self, geometry: Any, margin: float = 0.0) -> None:
        import shapely

        self.geometry = geometry
        self.margin = max(margin, _longest_segment(geometry)) + 1.0
        self.root: _Tile | None = None
        if geometry is None or geometry.is_empty:
            return
        self.root = _Tile(tuple(geometry.bounds), tuple(geometry.bounds), geometry)
        stack = [(self.root, 0)]
        while stack:
            tile, depth = stack.pop()
            if depth >= MAX_DEPTH or shapely.get_num_coordinates(tile.geometry) <= TILE_VERTICES:
                continue
            x0, y0, x1, y1 = tile.bounds
            if max(x1 - x0, y1 - y0) <= 4 * self.margin:
                continue
            xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
            for box in ((x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)):
                # Each child holds its quarter plus the margin, so bounds near the quarter's
                # edge still fit in one child.
                grown = (
                    box[0] - self.margin,
                    box[1] - self.margin,
                    box[2] + self.margin,
                    box[3] + self.margin,
                )
                piece = shapely.clip_by_rect(tile.geometry, *grown)
                child = _Tile(box, grown, piece)
                tile.children.append(child)
                if not piece.is_empty:
                    stack.append((child, depth + 1))
            if tile is not self.root:
                # Only the leaves keep their piece: every level holding a copy of the area
                # cost ten times its size (a 471,000-vertex band took 140 MB more).
                tile.geometry = None

    def near(self, bounds: Bounds) -> Any:
        """The area as far as it matters within ``bounds`` (or the whole area)."""
        tile = self.root
        if tile is None:
            return self.geometry
        while True:
            for child in tile.children:
                if _contains(child.bounds, bounds):
                    if child.geometry is not None and child.geometry.is_empty:
                        return child.geometry
                    tile = child
                    break
            else:
                if tile.geometry is None:
                    # Bounds across a split tile's quarters (rare: the margin exceeds every
                    # segment): its piece is clipped from the whole area, once.
                    import shapely

                    tile.geometry = shapely.clip_by_rect(self.geometry, *tile.grown)
                return tile.geometry


def _longest_segment(geometry: Any) -> float:
    import shapely

    if geometry is None or geometry.is_empty:
        return 0.0
    longest = 0.0
    for ring in shapely.get_rings(shapely.get_parts(geometry)):
        xy = shapely.get_coordinates(ring)
        if len(xy) > 1:
            longest = max(longest, float(np.hypot(*np.diff(xy, axis=0).T).max()))
    return longest
