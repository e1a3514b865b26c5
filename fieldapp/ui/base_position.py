"""The base's mark for a baseline: typed ("lat lon h") or the base file's header position."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fieldapp.fieldwork import parse_metres
from fieldapp.gnss.baseline import GeodeticPosition
from fieldapp.gnss.ecef import ecef_to_geodetic
from fieldapp.gnss.obsfiles import identify
from fieldapp.store.gnss_sessions import StaticSession


def parse_position(text: str) -> GeodeticPosition | None:
    """Latitude, longitude (degrees) and ellipsoidal height (m), decimal point or comma; None
    when empty; ValueError with a message for the window otherwise."""
    parts = text.split()
    if not parts:
        return None
    try:
        lat, lon, h = (parse_metres(p) for p in parts)
    except ValueError:
        message = QCoreApplication.translate(
            "BaselinePanel", "Base position: type latitude, longitude and height, e.g. {0}"
        )
        raise ValueError(message.format("-0.5 117.1 45.2")) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and -1000 < h < 9000):
        raise ValueError(
            QCoreApplication.translate(
                "BaselinePanel", "Base position: latitude, longitude or height out of range"
            )
        )
    return GeodeticPosition(lat, lon, h)


def header_position(job: Path, session: StaticSession) -> GeodeticPosition | None:
    """The approximate position in the header of the session's RINEX observation file: good
    for a test or a first look, not a control coordinate."""
    for f in session.observation_files:
        try:
            found = identify(job / f.path)
        except (ValueError, OSError):
            continue
        if found.approx_xyz is not None and any(found.approx_xyz):
            return GeodeticPosition(*ecef_to_geodetic(*found.approx_xyz))
    return None
