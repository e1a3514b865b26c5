"""Station setup: a known station oriented on a backsight point or a backsight azimuth."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fieldapp.survey.polar import azimuth_deg, distance, normalize_deg


class SetupMethod(StrEnum):
    BACKSIGHT_POINT = "backsight_point"
    BACKSIGHT_AZIMUTH = "backsight_azimuth"
    HZ_AS_SET = "hz_as_set"  # the instrument was oriented already: Hz reads azimuth
    RESECTION = "resection"


@dataclass(frozen=True)
class StationSetup:
    """A set-up instrument: azimuth of any direction = normalize(hz + orientation)."""

    station_id: str | None
    e: float
    n: float
    h: float | None
    instrument_h: float
    orientation: float
    method: SetupMethod
    backsight_id: str | None = None
    # Measured minus computed horizontal distance to the backsight, when one was measured.
    backsight_distance_residual: float | None = None

    def azimuth(self, hz: float) -> float:
        return normalize_deg(hz + self.orientation)


def setup_on_backsight_point(
    station_id: str | None,
    e: float,
    n: float,
    h: float | None,
    instrument_h: float,
    *,
    backsight_id: str | None,
    backsight_e: float,
    backsight_n: float,
    backsight_hz: float,
    measured_hd: float | None = None,
    scale_factor: float = 1.0,
) -> StationSetup:
    """Known station, known backsight point, circle reading to it (distance optional check)."""
    if distance(e, n, backsight_e, backsight_n) < 1e-6:
        raise ValueError("backsight point coincides with the station")
    az = azimuth_deg(e, n, backsight_e, backsight_n)
    residual = None
    if measured_hd is not None:
        residual = measured_hd * scale_factor - distance(e, n, backsight_e, backsight_n)
    return StationSetup(
        station_id,
        e,
        n,
        h,
        instrument_h,
        normalize_deg(az - backsight_hz),
        SetupMethod.BACKSIGHT_POINT,
        backsight_id,
        residual,
    )


def setup_on_backsight_azimuth(
    station_id: str | None,
    e: float,
    n: float,
    h: float | None,
    instrument_h: float,
    *,
    azimuth: float,
    backsight_hz: float,
    backsight_id: str | None = None,
) -> StationSetup:
    """Known station and the azimuth to a backsight (e.g. from a bearing), circle reading."""
    return StationSetup(
        station_id,
        e,
        n,
        h,
        instrument_h,
        normalize_deg(azimuth - backsight_hz),
        SetupMethod.BACKSIGHT_AZIMUTH,
        backsight_id,
    )
