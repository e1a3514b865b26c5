"""Label placement that avoids collisions: greedy, candidate positions around each anchor.

Units are whatever the caller draws in (page millimetres, map metres). Each label takes the
first candidate box that overlaps no placed label and no symbol; when every candidate within
the rings overlaps, the rings widen until one is free, so a placed label never overlaps another.
"""

from __future__ import annotations

from dataclasses import dataclass

# Unit directions, in order of preference: up-right first (the cartographer's habit).
_DIRECTIONS = ((1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))
MAX_RINGS = 12


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def inside(self, frame: Box) -> bool:
        return (
            self.x0 >= frame.x0
            and self.x1 <= frame.x1
            and self.y0 >= frame.y0
            and self.y1 <= frame.y1
        )


@dataclass(frozen=True, slots=True)
class LabelRequest:
    """A label of ``width`` x ``height`` to set near (x, y), a symbol of radius ``gap`` there."""

    key: str
    x: float
    y: float
    width: float
    height: float
    gap: float


@dataclass(frozen=True, slots=True)
class Placement:
    """Lower-left corner of the label box, the box, and whether it moved off its first ring."""

    key: str
    x: float
    y: float
    box: Box
    displaced: bool


def _candidate(r: LabelRequest, dx: int, dy: int, ring: int) -> Box:
    reach = r.gap * (1 + 1.5 * ring)
    # Anchor the box's near corner/edge at the reach: right of the symbol for dx > 0, etc.
    if dx > 0:
        x0 = r.x + reach
    elif dx < 0:
        x0 = r.x - reach - r.width
    else:
        x0 = r.x - r.width / 2
    if dy > 0:
        y0 = r.y + reach * (0.5 if dx else 1.0)
    elif dy < 0:
        y0 = r.y - reach * (0.5 if dx else 1.0) - r.height
    else:
        y0 = r.y - r.height / 2
    return Box(x0, y0, x0 + r.width, y0 + r.height)


def place_labels(
    requests: list[LabelRequest], y_up: bool = True, frame: Box | None = None
) -> list[Placement]:
    """Place in the given order (most important first); ``y_up`` False for page coordinates.

    Every symbol counts as an obstacle for every label. ``frame``: candidates must lie inside.
    """
    obstacles = [Box(r.x - r.gap, r.y - r.gap, r.x + r.gap, r.y + r.gap) for r in requests]
    placed: list[Box] = []
    out: list[Placement] = []
    for r in requests:
        chosen: Box | None = None
        ring = 0
        for ring in range(MAX_RINGS):
            for dx, dy in _DIRECTIONS:
                box = _candidate(r, dx, dy if y_up else -dy, ring)
                if frame is not None and not box.inside(frame):
                    continue
                if any(box.overlaps(o) for o in placed) or any(box.overlaps(o) for o in obstacles):
                    continue
                chosen = box
                break
            if chosen is not None:
                break
        if chosen is None:
            # Crowded beyond the rings: stack it above everything placed so far, still free.
            if y_up:
                y0 = max([b.y1 for b in placed] + [r.y]) + r.gap
            else:
                y0 = min([b.y0 for b in placed] + [r.y]) - r.gap - r.height
            chosen = Box(r.x, y0, r.x + r.width, y0 + r.height)
            ring = MAX_RINGS
        placed.append(chosen)
        out.append(Placement(r.key, chosen.x0, chosen.y0, chosen, ring > 0))
    return out
