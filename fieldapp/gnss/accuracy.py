"""Accuracy and sky view of an epoch: the receiver's GST checked, satellites by constellation."""

from __future__ import annotations

from typing import NamedTuple

from fieldapp.gnss.fix import ErrorEllipse, Satellite, SigmaSource
from fieldapp.gnss.nmea import Gst, Gsv

GST_MAX_M = 1000.0
# Enum members looked up once: a class attribute lookup on an Enum goes through a descriptor.
_GST = SigmaSource.GST


def system_for_prn(prn: int) -> str:
    """Constellation of a PRN reported under the combined GN talker (NMEA numbering)."""
    if 1 <= prn <= 32:
        return "GPS"
    if 33 <= prn <= 64 or 120 <= prn <= 158:
        return "SBAS"
    if 65 <= prn <= 96:
        return "GLONASS"
    if 193 <= prn <= 202:
        return "QZSS"
    if 201 <= prn <= 264 or 401 <= prn <= 463:
        return "BeiDou"
    if 301 <= prn <= 336:
        return "Galileo"
    return "unknown"


class Sigmas(NamedTuple):
    """Per-axis sigmas of an epoch (metres) and where they come from."""

    lat: float
    lon: float
    alt: float | None
    source: SigmaSource
    ellipse: ErrorEllipse | None


def _plausible(v: float | None) -> bool:
    return v is not None and 0.0 < v <= GST_MAX_M


def check_gst(gst: Gst) -> Sigmas | None:
    """Range-checked GST sigmas, or None when the receiver's statistics cannot be trusted."""
    # An rms of hundreds of kilometres (seen from a ZED-F9P) means the whole record is junk,
    # even when the per-axis fields happen to look sane.
    if gst.rms is not None and not 0.0 <= gst.rms <= GST_MAX_M:
        return None
    if not (_plausible(gst.sigma_lat) and _plausible(gst.sigma_lon)):
        return None
    assert gst.sigma_lat is not None and gst.sigma_lon is not None
    alt = gst.sigma_alt if _plausible(gst.sigma_alt) else None
    ellipse = None
    major, minor, orient = gst.semi_major_m, gst.semi_minor_m, gst.orientation_deg
    if (
        _plausible(major)
        and _plausible(minor)
        and orient is not None
        and 0.0 <= orient <= 360.0
        and major is not None
        and minor is not None
    ):
        ellipse = ErrorEllipse(max(major, minor), min(major, minor), orient)
    return Sigmas(gst.sigma_lat, gst.sigma_lon, alt, _GST, ellipse)


def gsv_satellites(
    gsv: Gsv, talker_sys: str | None, used: dict[str, set[int]]
) -> tuple[Satellite, ...]:
    out: list[Satellite] = []
    for prn, el, az, snr in gsv.sats:
        system = talker_sys or system_for_prn(prn)
        is_used = prn in used.get(system, ())
        out.append(Satellite(system, prn, el, az, snr, gsv.signal_id, is_used))
    return tuple(out)


__all__ = ["GST_MAX_M", "Sigmas", "check_gst", "gsv_satellites", "system_for_prn"]
