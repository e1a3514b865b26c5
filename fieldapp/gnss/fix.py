"""The Fix: one receiver epoch with its position, quality and honest accuracy."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

# What a receiver on the ground can report. Anything outside is a corrupt sentence, and a
# value like 1e308 would overflow the first mean or sum of squares taken over it.
LAT_MAX_DEG = 90.0
LON_MAX_DEG = 180.0
HEIGHT_RANGE_M = (-1000.0, 10000.0)  # ellipsoidal and orthometric
GEOID_SEP_MAX_M = 200.0
DOP_MAX = 100.0
SIGMA_MAX_M = 10000.0
SPEED_MAX_MPS = 1000.0
CORRECTION_AGE_MAX_S = 86400.0
SATS_MAX = 255


class ImplausibleFix(ValueError):
    """A Fix carries a non-finite or physically impossible value; the message says which.

    Readers check each Fix they build with :func:`fix_problem` and drop it. Construction
    itself stays unchecked so the gates can still be tested with a NaN epoch, and a stored
    epoch from an older job always loads.
    """


def check_fix(fix: Fix) -> Fix:
    """``fix`` itself, or :class:`ImplausibleFix` naming its first impossible field."""
    problem = fix_problem(fix)
    if problem is not None:
        raise ImplausibleFix(problem)
    return fix


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


def _outside(value: float | None, low: float, high: float) -> bool:
    # NaN fails both comparisons, so it is outside every range.
    return value is not None and not low <= value <= high


def _plainly_fine(fix: Fix) -> bool:
    """Every check of :func:`fix_problem` passes; one expression, for the usual epoch.

    NaN fails every comparison, so it falls through to the full check like any bad value.
    """
    h_low, h_high = HEIGHT_RANGE_M
    lat, lon, height, alt = fix.lat, fix.lon, fix.height, fix.alt_msl
    sep, hdop, vdop, pdop = fix.geoid_sep, fix.hdop, fix.vdop, fix.pdop
    s_lat, s_lon, s_alt, age = fix.sigma_lat, fix.sigma_lon, fix.sigma_alt, fix.correction_age_s
    speed, course, heading = fix.speed_mps, fix.course_deg, fix.heading_deg
    return (
        (lat is None or -LAT_MAX_DEG <= lat <= LAT_MAX_DEG)
        and (lon is None or -LON_MAX_DEG <= lon <= LON_MAX_DEG)
        and (lat is None) == (lon is None)
        and (height is None or h_low <= height <= h_high)
        and (alt is None or h_low <= alt <= h_high)
        and (sep is None or -GEOID_SEP_MAX_M <= sep <= GEOID_SEP_MAX_M)
        and (hdop is None or 0.0 <= hdop <= DOP_MAX)
        and (vdop is None or 0.0 <= vdop <= DOP_MAX)
        and (pdop is None or 0.0 <= pdop <= DOP_MAX)
        and (s_lat is None or 0.0 <= s_lat <= SIGMA_MAX_M)
        and (s_lon is None or 0.0 <= s_lon <= SIGMA_MAX_M)
        and (s_alt is None or 0.0 <= s_alt <= SIGMA_MAX_M)
        and (age is None or 0.0 <= age <= CORRECTION_AGE_MAX_S)
        and (speed is None or 0.0 <= speed <= SPEED_MAX_MPS)
        and (course is None or 0.0 <= course <= 360.0)
        and (heading is None or 0.0 <= heading <= 360.0)
        and (fix.sats_used is None or 0 <= fix.sats_used <= SATS_MAX)
        and (
            (e := fix.ellipse) is None
            or (
                math.isfinite(e.semi_major_m)
                and math.isfinite(e.semi_minor_m)
                and math.isfinite(e.orientation_deg)
            )
        )
    )


def fix_problem(fix: Fix) -> str | None:
    """Why ``fix`` cannot be a receiver epoch (the first bad field), or None when it can."""
    if _plainly_fine(fix):
        # Checked once per epoch in every stream; the message below is built only for the
        # rare epoch that needs one.
        return None
    h_low, h_high = HEIGHT_RANGE_M
    checks: tuple[tuple[str, float | None, float, float], ...] = (
        ("latitude", fix.lat, -LAT_MAX_DEG, LAT_MAX_DEG),
        ("longitude", fix.lon, -LON_MAX_DEG, LON_MAX_DEG),
        ("height", fix.height, h_low, h_high),
        ("altitude", fix.alt_msl, h_low, h_high),
        ("geoid separation", fix.geoid_sep, -GEOID_SEP_MAX_M, GEOID_SEP_MAX_M),
        ("HDOP", fix.hdop, 0.0, DOP_MAX),
        ("VDOP", fix.vdop, 0.0, DOP_MAX),
        ("PDOP", fix.pdop, 0.0, DOP_MAX),
        ("sigma latitude", fix.sigma_lat, 0.0, SIGMA_MAX_M),
        ("sigma longitude", fix.sigma_lon, 0.0, SIGMA_MAX_M),
        ("sigma height", fix.sigma_alt, 0.0, SIGMA_MAX_M),
        ("correction age", fix.correction_age_s, 0.0, CORRECTION_AGE_MAX_S),
        ("speed", fix.speed_mps, 0.0, SPEED_MAX_MPS),
        ("course", fix.course_deg, 0.0, 360.0),
        ("heading", fix.heading_deg, 0.0, 360.0),
    )
    for name, value, low, high in checks:
        if _outside(value, low, high):
            return f"{name} {value!r} outside {low:g}..{high:g}"
    if (fix.lat is None) != (fix.lon is None):
        return "latitude without longitude"
    if fix.sats_used is not None and not 0 <= fix.sats_used <= SATS_MAX:
        return f"satellites used {fix.sats_used} outside 0..{SATS_MAX}"
    e = fix.ellipse
    if e is not None and not all(
        math.isfinite(v) for v in (e.semi_major_m, e.semi_minor_m, e.orientation_deg)
    ):
        return "error ellipse not finite"
    return None
