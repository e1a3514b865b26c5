"""The quality gates of an occupation: profiles, reject reasons and the check of one epoch.

Every gate is written "passes only if finite and within", never "fails if above": a
comparison with NaN is always False, so a NaN or an infinity (or a value that is not a number
at all) can only ever fail. Positions and heights outside what a receiver on Earth can report
are refused too (``IMPLAUSIBLE``): ±1e308 is finite, and a mean over such values is NaN.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.fix import Fix, GgaQuality, SigmaSource

# Ellipsoidal heights on the Earth's surface lie between about -110 m (geoid low, under the
# sea) and 8,900 m; a pit or an aircraft-free survey stays well inside this.
HEIGHT_RANGE_M = (-1000.0, 10000.0)


def within(value: object, low: float, high: float) -> bool:
    """A real number, finite, in [low, high]. Anything else (None, NaN, ±inf, text) is not."""
    # type() first: this runs eight times an epoch, and almost every value is a plain float.
    if type(value) is not float and (isinstance(value, bool) or not isinstance(value, int | float)):
        return False
    return low <= value <= high and math.isfinite(value)


class RejectReason(StrEnum):
    """Why an epoch was not used. Order of the checks is the order here."""

    NO_TIME = "no_time"
    NO_POSITION = "no_position"
    IMPLAUSIBLE = "implausible"  # latitude, longitude or height not a finite, plausible number
    NOT_FIXED = "not_fixed"
    NO_HEIGHT = "no_height"
    NO_SIGMA = "no_sigma"
    SIGMA_ESTIMATED = "sigma_estimated"
    SIGMA_H = "sigma_h"  # also NaN, infinite or negative
    SIGMA_V = "sigma_v"
    NO_PDOP = "no_pdop"
    PDOP = "pdop"  # also NaN, infinite or negative
    DUPLICATE_TIME = "duplicate_time"
    OUTLIER = "outlier"


@dataclass(frozen=True, slots=True)
class GateProfile:
    """The quality gates and the length of an occupation."""

    name: str = "default"
    allowed_qualities: frozenset[int] = frozenset({GgaQuality.RTK_FIXED})
    max_sigma_h_m: float = 0.15
    max_sigma_v_m: float = 0.25
    max_pdop: float = 10.0
    min_epochs: int = 30
    # Span from first to last used epoch: at 1 Hz, 30 s needs 31 epochs.
    min_seconds: float = 30.0
    require_height: bool = True
    require_pdop: bool = True  # an epoch without PDOP cannot prove PDOP <= 10
    require_measured_sigma: bool = False  # True: DOP x UERE estimates are not enough
    outlier_k: float = 3.0
    outlier_warmup: int = 10
    outlier_floor_h_m: float = 0.01
    outlier_floor_v_m: float = 0.02

    def __post_init__(self) -> None:
        limits = (self.max_sigma_h_m, self.max_sigma_v_m, self.max_pdop, self.min_seconds)
        if not all(within(v, 0.0, math.inf) for v in limits):
            raise ValueError(f"profile {self.name!r}: limits must be finite numbers >= 0")
        if self.min_epochs < 1 or not within(self.outlier_k, 1e-9, math.inf):
            raise ValueError(f"profile {self.name!r}: min_epochs >= 1, min_seconds >= 0, k > 0")
        if self.outlier_warmup < 3:
            raise ValueError(f"profile {self.name!r}: outlier warm-up needs at least 3 epochs")
        floors = (self.outlier_floor_h_m, self.outlier_floor_v_m)
        if not all(within(v, 0.0, math.inf) for v in floors):
            raise ValueError(f"profile {self.name!r}: outlier floors must be finite and >= 0")


PROFILES: Mapping[str, GateProfile] = {
    "default": GateProfile(),
    # Re-check of a point already occupied: same gates, shorter.
    "rapid": GateProfile(name="rapid", min_epochs=10, min_seconds=10.0),
    # Receivers with GST only; the estimate from DOP is refused.
    "strict": GateProfile(
        name="strict", min_epochs=60, min_seconds=60.0, require_measured_sigma=True
    ),
}


def profile_named(name: str) -> GateProfile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(PROFILES)
        raise ValueError(f"unknown occupation profile {name!r} (known: {known})") from None


def plausible_position(fix: Fix) -> bool:
    """Latitude, longitude and (when given) height are finite and could be on the Earth."""
    if not (within(fix.lat, -90.0, 90.0) and within(fix.lon, -180.0, 180.0)):
        return False
    return fix.height is None or within(fix.height, *HEIGHT_RANGE_M)


def check_epoch(p: GateProfile, fix: Fix) -> RejectReason | None:
    """Every gate that needs only the epoch itself (time and duplicates need the occupation)."""
    if not fix.has_position:
        return RejectReason.NO_POSITION
    if not plausible_position(fix):
        return RejectReason.IMPLAUSIBLE
    if fix.quality not in p.allowed_qualities:
        return RejectReason.NOT_FIXED
    if p.require_height and fix.height is None:
        return RejectReason.NO_HEIGHT
    if fix.sigma_lat is None or fix.sigma_lon is None or fix.sigma_alt is None:
        return RejectReason.NO_SIGMA
    if fix.sigma_source is None:
        return RejectReason.NO_SIGMA
    if p.require_measured_sigma and fix.sigma_source is not SigmaSource.GST:
        return RejectReason.SIGMA_ESTIMATED
    big = math.inf
    if not (within(fix.sigma_lat, 0.0, big) and within(fix.sigma_lon, 0.0, big)):
        return RejectReason.SIGMA_H
    if not within(fix.sigma_horizontal, 0.0, p.max_sigma_h_m):
        return RejectReason.SIGMA_H
    if not within(fix.sigma_alt, 0.0, p.max_sigma_v_m):
        return RejectReason.SIGMA_V
    if fix.pdop is None:
        if p.require_pdop:
            return RejectReason.NO_PDOP
    elif not within(fix.pdop, 0.0, p.max_pdop):
        return RejectReason.PDOP
    return None
