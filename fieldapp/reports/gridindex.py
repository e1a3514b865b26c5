"""Points and boxes hashed into a square grid: what is near a point, what meets a box."""

from __future__ import annotations

import math


class GridIndex:
    """Boxes (points are boxes of no size) hashed into square cells of the grid.

    Pure Python on purpose: the sheets are laid out beside another build thread, and a
    C call that lets go of the GIL per query waits for that thread each time.
    """

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self.boxes = boxes
        if boxes:
            e0 = min(b[0] for b in boxes)
            n0 = min(b[1] for b in boxes)
            span = max(max(b[2] for b in boxes) - e0, max(b[3] for b in boxes) - n0, 1.0)
            self.size = span / max(1.0, math.sqrt(len(boxes)))
        else:
            e0 = n0 = 0.0
            self.size = 1.0
        self.origin = (e0, n0)
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, b in enumerate(boxes):
            for key in self._keys(*b):
                self.cells.setdefault(key, []).append(i)

    def _keys(self, e1: float, n1: float, e2: float, n2: float) -> list[tuple[int, int]]:
        (e0, n0), s = self.origin, self.size
        i1, i2 = math.floor((e1 - e0) / s), math.floor((e2 - e0) / s)
        j1, j2 = math.floor((n1 - n0) / s), math.floor((n2 - n0) / s)
        return [(i, j) for i in range(i1, i2 + 1) for j in range(j1, j2 + 1)]

    def query(self, e1: float, n1: float, e2: float, n2: float) -> list[int]:
        """Indices (ascending) of the boxes meeting the box, through the cells it covers."""
        cells = self._keys(e1, n1, e2, n2)
        if len(cells) > len(self.cells):
            cells = list(self.cells)
        hits = {i for key in cells for i in self.cells.get(key, ())}
        return sorted(
            i for i in hits
            if self.boxes[i][0] <= e2 and self.boxes[i][2] >= e1
            and self.boxes[i][1] <= n2 and self.boxes[i][3] >= n1
        )  # fmt: skip

    def near(self, e: float, n: float, skip: int) -> list[int]:
        """The points nearest to (e, n) but ``skip`` (all of them at an equal distance)."""
        if len(self.boxes) <= 1:
            return []
        r = self.size
        while True:
            found = [i for i in self.query(e - r, n - r, e + r, n + r) if i != skip]
            if found:
                d = min(math.hypot(self.boxes[i][0] - e, self.boxes[i][1] - n) for i in found)
                if d <= r:  # nothing outside the square searched can be nearer
                    b = self.boxes
                    return [i for i in found if math.hypot(b[i][0] - e, b[i][1] - n) == d]
            r *= 2
