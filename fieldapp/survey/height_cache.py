"""Heights of many points, N looked up once per place: for readouts that redraw at several Hz.

A PROJ lookup of N costs ~50 µs; a readout asks for the same marker, control point or standing
antenna on every repaint. N is kept per cell of CELL_DEG (≈1 m): EGM96's steepest slope over
Indonesia is 2.5e-4 m/m (node to node in the bundled crop), so within a cell N moves < 0.2 mm.
"""

from __future__ import annotations

from collections import OrderedDict

from fieldapp.survey.geoid import Geoid, GeoidError, Heights

CELL_DEG = 1e-5
MAX_CELLS = 4096


class HeightCache:
    """h → (h, N, H, geoid name) through one geoid; ``None`` where the grid does not reach."""

    def __init__(self, geoid: Geoid) -> None:
        self.geoid = geoid
        self._n: OrderedDict[tuple[int, int], float | None] = OrderedDict()
        self.lookups = 0  # PROJ calls made (the cache's misses)

    @property
    def name(self) -> str:
        return self.geoid.name

    def undulation(self, lat: float, lon: float) -> float | None:
        key = (round(lat / CELL_DEG), round(lon / CELL_DEG))
        if key in self._n:
            self._n.move_to_end(key)
            return self._n[key]
        self.lookups += 1
        try:
            n: float | None = self.geoid.undulation(lat, lon)
        except GeoidError:
            n = None  # outside the grid: the readout shows h alone, it does not fail
        self._n[key] = n
        if len(self._n) > MAX_CELLS:
            self._n.popitem(last=False)
        return n

    def heights(self, lat: float, lon: float, h: float | None) -> Heights | None:
        if h is None or h != h:
            return None
        n = self.undulation(lat, lon)
        if n is None:
            return None
        return Heights(h, n, h - n, self.geoid.name)
