"""The 1996 offset stake-out from a GNSS point with a reference mark, and reference markers."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.survey.polar import azimuth_deg, distance, normalize_deg


@dataclass(frozen=True)
class OffsetStakeout:
    """Set up on the GNSS point, sight the RM with Hz = 0, turn `angle_to_turn`, lay out
    `ground_distance` (what the tape or EDM measures). Azimuths are grid azimuths."""

    azimuth_to_rm: float
    azimuth_to_target: float
    angle_to_turn: float
    grid_distance: float
    ground_distance: float


def offset_stakeout(
    gnss_e: float,
    gnss_n: float,
    rm_e: float,
    rm_n: float,
    target_e: float,
    target_n: float,
    combined_factor: float = 1.0,
) -> OffsetStakeout:
    """Kepdirjen 697.K/29/DDJP/1996: angle = 360 - az(GNSS->RM) + az(GNSS->TB), normalised;
    distance = grid distance / combined factor (grid = ground x factor)."""
    if distance(gnss_e, gnss_n, rm_e, rm_n) < 1e-6:
        raise ValueError("reference mark coincides with the GNSS point")
    if combined_factor <= 0:
        raise ValueError("combined factor must be positive")
    az_rm = azimuth_deg(gnss_e, gnss_n, rm_e, rm_n)
    az_tb = azimuth_deg(gnss_e, gnss_n, target_e, target_n)
    grid = distance(gnss_e, gnss_n, target_e, target_n)
    return OffsetStakeout(
        az_rm, az_tb, normalize_deg(360.0 - az_rm + az_tb), grid, grid / combined_factor
    )


@dataclass(frozen=True)
class ReferenceMarkerTie:
    """How a Tanda Batas Referensi points to the true boundary point it stands in for."""

    azimuth: float
    grid_distance: float
    ground_distance: float


def reference_marker_tie(
    ref_e: float, ref_n: float, true_e: float, true_n: float, combined_factor: float = 1.0
) -> ReferenceMarkerTie:
    """Azimuth and distance from the reference marker to the true point."""
    grid = distance(ref_e, ref_n, true_e, true_n)
    return ReferenceMarkerTie(
        azimuth_deg(ref_e, ref_n, true_e, true_n), grid, grid / combined_factor
    )


def point_from_reference(
    ref_e: float,
    ref_n: float,
    azimuth: float,
    ground_distance: float,
    combined_factor: float = 1.0,
) -> tuple[float, float]:
    """The true point back from a reference marker description (inverse of the tie)."""
    grid = ground_distance * combined_factor
    az = math.radians(azimuth)
    return ref_e + grid * math.sin(az), ref_n + grid * math.cos(az)
