"""Antenna height over a mark: measured vertical or slant height plus the phase-centre offset."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class HeightMethod(StrEnum):
    VERTICAL = "vertical"
    SLANT = "slant"


@dataclass(frozen=True, slots=True)
class AntennaHeight:
    """Antenna height over the mark: measured height, method, and phase-centre offset.

    A slant height is measured to the edge of the antenna; its vertical component
    is sqrt(slant^2 - radius^2). The phase-centre offset is added to reach the phase centre.
    """

    measured_m: float
    method: HeightMethod = HeightMethod.VERTICAL
    antenna_radius_m: float = 0.0
    phase_centre_offset_m: float = 0.0

    def __post_init__(self) -> None:
        if not math.isfinite(self.measured_m) or self.measured_m < 0:
            raise ValueError(f"antenna height must be >= 0 m, got {self.measured_m}")
        if self.method is HeightMethod.SLANT and not (0 < self.antenna_radius_m < self.measured_m):
            raise ValueError("a slant height needs an antenna radius > 0 and < the slant height")

    @property
    def vertical_m(self) -> float:
        if self.method is HeightMethod.SLANT:
            return math.sqrt(self.measured_m**2 - self.antenna_radius_m**2)
        return self.measured_m

    @property
    def total_m(self) -> float:
        """Vertical distance from the mark to the antenna phase centre."""
        return self.vertical_m + self.phase_centre_offset_m
