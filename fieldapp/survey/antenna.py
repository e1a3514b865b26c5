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


# Ranges an entered value must lie in: a pole or tripod is at most a few metres high, and a
# phase-centre offset or antenna radius of more than a few decimetres is a typing mistake.
HEIGHT_RANGE_M = (0.0, 5.0)
RADIUS_RANGE_M = (0.0, 0.5)
PCO_RANGE_M = (-0.5, 0.5)


@dataclass(frozen=True, slots=True)
class AntennaModel:
    """An antenna as the surveyor picks it: its radius (for slant heights) and phase-centre offset.

    Only the generic model (no offset) ships: calibrated offsets come from the antenna's own
    calibration sheet and are typed in as a custom model, never guessed by the app.
    """

    key: str
    radius_m: float = 0.0
    phase_centre_offset_m: float = 0.0

    def height(self, measured_m: float, method: HeightMethod) -> AntennaHeight:
        return AntennaHeight(measured_m, method, self.radius_m, self.phase_centre_offset_m)


GENERIC_ANTENNA = AntennaModel("generic")


@dataclass(frozen=True, slots=True)
class OutOfRange:
    """A value outside its range: which field, the value and the range, for the message."""

    field: str  # "height", "radius" or "offset"
    value: float
    low: float
    high: float


def out_of_range(field: str, value: float, bounds: tuple[float, float]) -> OutOfRange | None:
    """None when ``low <= value <= high`` and finite; else what is wrong."""
    low, high = bounds
    if math.isfinite(value) and low <= value <= high:
        return None
    return OutOfRange(field, value, low, high)
