"""The Fix: one receiver epoch with its position, quality and honest accuracy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class GgaQuality(IntEnum):
    """GGA fix quality indicator (NMEA 0183 field 6)."""

    INVALID = 0
    AUTONOMOUS = 1
    DGPS = 2
    PPS = 3
    RTK_FIXED = 4
    RTK_FLOAT = 5
    DEAD_RECKONING = 6
    MANUAL = 7
    SIMULATION = 8


class SigmaSource(StrEnum):
    """Where an accuracy figure comes from: measured by the receiver (GST) or estimated by us."""

    GST = "GST"
    ESTIMATED = "estimated"


@dataclass(frozen=True, slots=True)
class Satellite:
    """One satellite seen in an epoch (from GSV, marked used from GSA)."""

    system: str  # GPS, GLONASS, Galileo, BeiDou, QZSS, NavIC, SBAS, unknown
    prn: int
    elevation_deg: float | None = None
    azimuth_deg: float | None = None
    snr_dbhz: float | None = None
    signal_id: str | None = None
    used: bool = False


@dataclass(frozen=True, slots=True)
class ErrorEllipse:
    """Horizontal error ellipse: semi-axes in metres, major-axis orientation from true north."""

    semi_major_m: float
    semi_minor_m: float
    orientation_deg: float


@dataclass(frozen=True, slots=True)
class Fix:
    """One receiver epoch. Positions are SRGI2013/ITRF-compatible geographic degrees.

    ``lat``/``lon`` are None when the receiver reported no position: never 0,0.
    ``sigma_source`` says whether the sigmas were measured (GST) or estimated
    from DOP x UERE; it is None when no sigma is known at all.
    """

    time_of_day: dt.time | None
    date: dt.date | None = None
    lat: float | None = None
    lon: float | None = None
    height: float | None = None  # ellipsoidal height, metres
    alt_msl: float | None = None  # orthometric (MSL) altitude, metres
    geoid_sep: float | None = None
    quality: int | None = None  # GgaQuality code as received
    faa_mode: str | None = None  # A D E F M N P R S from RMC/GNS/GLL
    sats_used: int | None = None
    sats_used_by_system: dict[str, int] = field(default_factory=dict)
    satellites: tuple[Satellite, ...] = ()
    hdop: float | None = None
    vdop: float | None = None
    pdop: float | None = None
    correction_age_s: float | None = None
    base_id: str | None = None
    sigma_lat: float | None = None  # metres
    sigma_lon: float | None = None
    sigma_alt: float | None = None
    sigma_source: SigmaSource | None = None
    ellipse: ErrorEllipse | None = None
    speed_mps: float | None = None
    course_deg: float | None = None
    heading_deg: float | None = None

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def utc(self) -> dt.datetime | None:
        """Full UTC timestamp when the date is known."""
        if self.time_of_day is None or self.date is None:
            return None
        return dt.datetime.combine(self.date, self.time_of_day, tzinfo=dt.UTC)

    @property
    def sigma_horizontal(self) -> float | None:
        """2D sigma (root sum of squares of sigma_lat and sigma_lon), metres."""
        if self.sigma_lat is None or self.sigma_lon is None:
            return None
        try:
            return float((self.sigma_lat**2 + self.sigma_lon**2) ** 0.5)
        except OverflowError:  # 1e308**2: a nonsense sigma is an infinite one, never a crash
            return float("inf")

    @property
    def is_rtk_fixed(self) -> bool:
        return self.quality == GgaQuality.RTK_FIXED
