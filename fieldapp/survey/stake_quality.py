"""The job's stake-out quality profile and the check that a GNSS epoch can prove "within".

A position is only as good as its fix and its sigma: "within tolerance" needs the fix type the
profile requires (default RTK fixed) and a horizontal sigma *measured* by the receiver (GST) no
larger than the profile's limit (default: the tolerance itself). A sigma estimated from DOP
never proves it, and a NaN, infinite or negative sigma is no sigma at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.fix import Fix, GgaQuality, SigmaSource

DEFAULT_TOLERANCE_M = 0.10
MAX_TOLERANCE_M = 10.0  # a stake-out tolerance beyond this is a typo, not a choice


class RequiredFix(StrEnum):
    """The least fix type whose epochs may prove a stake; the values are the CLI's words."""

    RTK_FIXED = "rtk-fixed"
    RTK_FLOAT = "rtk-float"
    DGPS = "dgps"
    AUTONOMOUS = "autonomous"


# Rank of each GGA code: an epoch meets a requirement when its rank is at least the
# requirement's. Dead reckoning, manual, simulation and invalid epochs never prove a position.
_RANK: dict[int, int] = {
    GgaQuality.RTK_FIXED: 4,
    GgaQuality.RTK_FLOAT: 3,
    GgaQuality.DGPS: 2,
    GgaQuality.PPS: 2,
    GgaQuality.AUTONOMOUS: 1,
}
_REQUIRED_RANK = {
    RequiredFix.RTK_FIXED: 4,
    RequiredFix.RTK_FLOAT: 3,
    RequiredFix.DGPS: 2,
    RequiredFix.AUTONOMOUS: 1,
}
REQUIRED_QUALITIES: dict[RequiredFix, frozenset[int]] = {
    req: frozenset(q for q, r in _RANK.items() if r >= rank) for req, rank in _REQUIRED_RANK.items()
}


class QualityProfileError(ValueError):
    """A profile value out of range (tolerance or sigma not a positive finite number)."""


@dataclass(frozen=True, slots=True)
class QualityProfile:
    """Tolerance, required fix and sigma limit of a job's stake-out.

    ``max_sigma_h_m`` None means "the tolerance": the limit follows the tolerance when the
    surveyor changes it.
    """

    tolerance_m: float = DEFAULT_TOLERANCE_M
    required_fix: RequiredFix = RequiredFix.RTK_FIXED
    max_sigma_h_m: float | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.tolerance_m) and 0 < self.tolerance_m <= MAX_TOLERANCE_M):
            raise QualityProfileError(
                f"tolerance must be a number of metres in (0, {MAX_TOLERANCE_M:g}], "
                f"got {self.tolerance_m}"
            )
        s = self.max_sigma_h_m
        if s is not None and not (math.isfinite(s) and 0 < s <= MAX_TOLERANCE_M):
            raise QualityProfileError(
                f"sigma H limit must be a number of metres in (0, {MAX_TOLERANCE_M:g}], got {s}"
            )
        object.__setattr__(self, "required_fix", RequiredFix(self.required_fix))

    @property
    def sigma_limit_m(self) -> float:
        return self.tolerance_m if self.max_sigma_h_m is None else self.max_sigma_h_m

    @property
    def allowed_qualities(self) -> frozenset[int]:
        return REQUIRED_QUALITIES[self.required_fix]


class SigmaKind(StrEnum):
    """Where the horizontal sigma of an epoch comes from."""

    MEASURED = "measured"  # GST
    ESTIMATED = "estimated"  # DOP x UERE: never proves a stake
    MISSING = "missing"


class QualityProblem(StrEnum):
    """Why an epoch cannot prove "within"; checked in this order, all are reported."""

    FIX_TYPE = "fix_type"
    SIGMA_MISSING = "sigma_missing"
    SIGMA_INVALID = "sigma_invalid"  # NaN, infinite or negative
    SIGMA_ESTIMATED = "sigma_estimated"
    SIGMA_TOO_LARGE = "sigma_too_large"


@dataclass(frozen=True, slots=True)
class PositionQuality:
    """What an epoch says about itself: fix type and the sigmas with their source."""

    fix_quality: int | None  # GGA code as received
    sigma_h_m: float | None
    sigma_v_m: float | None
    sigma_kind: SigmaKind

    @classmethod
    def from_fix(cls, fix: Fix) -> PositionQuality:
        sigma_h = fix.sigma_horizontal
        parts = (fix.sigma_lat, fix.sigma_lon)
        if sigma_h is not None and not all(
            math.isfinite(p) and p >= 0 for p in parts if p is not None
        ):
            sigma_h = math.nan  # a negative part would hide in the root sum of squares
        if sigma_h is None or fix.sigma_source is None:
            kind = SigmaKind.MISSING
        elif fix.sigma_source is SigmaSource.GST:
            kind = SigmaKind.MEASURED
        else:
            kind = SigmaKind.ESTIMATED
        return cls(fix.quality, sigma_h, fix.sigma_alt, kind)


@dataclass(frozen=True, slots=True)
class QualityVerdict:
    """The check of one epoch against the profile: ``ok`` only when nothing is wrong."""

    quality: PositionQuality
    profile: QualityProfile
    problems: tuple[QualityProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_quality(profile: QualityProfile, quality: PositionQuality) -> QualityVerdict:
    problems: list[QualityProblem] = []
    if quality.fix_quality not in profile.allowed_qualities:
        problems.append(QualityProblem.FIX_TYPE)
    s = quality.sigma_h_m
    if quality.sigma_kind is SigmaKind.MISSING or s is None:
        problems.append(QualityProblem.SIGMA_MISSING)
    elif not (math.isfinite(s) and s >= 0):
        problems.append(QualityProblem.SIGMA_INVALID)
    else:
        if quality.sigma_kind is not SigmaKind.MEASURED:
            problems.append(QualityProblem.SIGMA_ESTIMATED)
        if not s <= profile.sigma_limit_m:
            problems.append(QualityProblem.SIGMA_TOO_LARGE)
    return QualityVerdict(quality, profile, tuple(problems))


def fix_name(quality: int | None) -> str:
    """English words for a GGA code, for the CLI ("rtk fixed", "dgps", "no fix")."""
    if quality is None or quality == GgaQuality.INVALID:
        return "no fix"
    try:
        return GgaQuality(quality).name.replace("_", " ").lower()
    except ValueError:
        return f"quality {quality}"
