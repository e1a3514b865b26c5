"""A static GNSS baseline: the settings it is processed with, its solution and the rule verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Kepdirjen 697.K/29/DDJP/1996: static relative positioning with double-differenced carrier
# phase, 15 s recording, 15 degree mask; these are the settings a baseline is processed with
# unless the session says otherwise.
DEFAULT_ELEVATION_MASK_DEG = 15.0
DEFAULT_INTERVAL_S = 15.0


class FixState(StrEnum):
    """How far the engine got with the carrier-phase ambiguities of the final solution."""

    FIXED = "fixed"  # integer ambiguities fixed and validated (ratio test)
    FLOAT = "float"  # real-valued ambiguities: not a control-grade solution
    OTHER = "other"  # single point, DGPS or no solution at all


@dataclass(frozen=True, slots=True)
class GeodeticPosition:
    """A position on GRS80 (SRGI2013 / ITRF): degrees and ellipsoidal metres."""

    lat: float
    lon: float
    h: float


@dataclass(frozen=True, slots=True)
class StaticSettings:
    """What a static baseline is processed with; antenna heights are vertical, mark to ARP."""

    elevation_mask_deg: float = DEFAULT_ELEVATION_MASK_DEG
    # None: process every epoch the files have (their own interval).
    interval_s: float | None = None
    rover_antenna_height_m: float = 0.0
    base_antenna_height_m: float = 0.0
    ambiguity_mode: str = "fix-and-hold"


@dataclass(frozen=True, slots=True)
class BaselineSolution:
    """The rover's static position relative to a base, as the engine computed it.

    Sigmas are one standard deviation in metres in the rover's local east/north/up; the
    vector runs from base to rover (ECEF metres and local E/N/U metres).
    """

    position: GeodeticPosition
    fix: FixState
    ratio: float | None
    sigma_e_m: float
    sigma_n_m: float
    sigma_u_m: float
    base: GeodeticPosition
    baseline_m: float
    vector_ecef_m: tuple[float, float, float]
    vector_enu_m: tuple[float, float, float]
    epochs: int
    start_gpst: str  # ISO 8601, GPS time, of the first common epoch used
    end_gpst: str
    duration_s: float
    interval_s: float
    elevation_mask_deg: float
    rover_antenna_height_m: float
    base_antenna_height_m: float
    engine: str  # e.g. "RTKLIB rnx2rtkp 2.4.3 b34"

    @property
    def sigma_h_m(self) -> float:
        """Horizontal standard deviation: the root sum of squares of east and north."""
        return float((self.sigma_e_m**2 + self.sigma_n_m**2) ** 0.5)


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    """One rule of 697/1996 checked on a solution: pass/fail, with the figure and the bound."""

    rule: str  # "duration", "interval", "mask", "fixed", "sigma_h", "sigma_v"
    passed: bool
    figure: str  # what the solution has, e.g. "0 h 30 min" or "float (ratio 1.8)"
    required: str  # what the rule asks, e.g. ">= 1 h for a baseline under 20 km"
    message: str  # one English sentence with both, for the CLI and logs
