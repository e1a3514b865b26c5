"""Kept markers on a new plan: which boundary line each installed infill marker lies on.

A marker in the ground is never moved by re-planning; the planner only needs its arc
position on its line (the line it was planned on first, else the nearest within
``ON_LINE_M``), or to know it is off every line. An STRtree of the lines answers "which
lines are near" so thousands of kept markers cost O(k log n), not O(k n).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from fieldapp.survey.crs import GridSpec
from fieldapp.survey.edges import GridEdge, to_grid
from fieldapp.survey.models import Marker, MarkerKind

# A kept marker farther than this from every boundary line is not on the plan's geometry.
ON_LINE_M = 1.0


def place_kept(
    kept: Sequence[Marker], gedges: Sequence[GridEdge], grid: GridSpec, warnings: list[str]
) -> tuple[dict[int, list[tuple[float, Marker]]], list[Marker]]:
    """Arc position of each kept infill marker on its boundary line, or off the plan."""
    corners = {ge.edge.start.number for ge in gedges}
    on_edge: dict[int, list[tuple[float, Marker]]] = {}
    off: list[Marker] = []
    by_numbers = {ge.edge.numbers: ge for ge in gedges}
    tree: Any = None
    for m in kept:
        if m.kind is MarkerKind.CORNER and m.name in corners:
            continue
        e, n = to_grid(grid, np.array([m.lon]), np.array([m.lat]))
        # Prefer the edge the marker was planned on; otherwise the nearest line.
        own = by_numbers.get(m.edge) if m.edge is not None else None
        candidates: list[GridEdge] = [own] if own is not None else []
        if own is None or not _on_line(own, float(e[0]), float(n[0])):
            if tree is None:
                tree = _line_tree(gedges)
            # Lines farther than ON_LINE_M can never be chosen: ask the index for the rest,
            # in ring order as before (a generous radius; the exact test follows).
            near = sorted(int(i) for i in tree.query(_point(e[0], n[0]), "dwithin", 2 * ON_LINE_M))
            candidates += [gedges[i] for i in near if gedges[i] is not own]
        best: tuple[float, float, GridEdge] | None = None
        for ge in candidates:
            s, dist = ge.locate(float(e[0]), float(n[0]))
            if (
                dist <= ON_LINE_M
                and 0.0 < s < ge.edge.length_m
                and (best is None or dist < best[1])
            ):
                best = (s, dist, ge)
                if ge.edge.numbers == m.edge:
                    break
        if best is None:
            warnings.append(f"kept marker {m.name} is not on any boundary line of this plan")
            off.append(m)
        else:
            on_edge.setdefault(best[2].edge.index, []).append((best[0], m))
    return on_edge, off


def _on_line(ge: GridEdge, e: float, n: float) -> bool:
    s, dist = ge.locate(e, n)
    return dist <= ON_LINE_M and 0.0 < s < ge.edge.length_m


def _point(e: float, n: float) -> Any:
    import shapely

    return shapely.Point(float(e), float(n))


def _line_tree(gedges: Sequence[GridEdge]) -> Any:
    import shapely

    return shapely.STRtree([ge.line for ge in gedges])
