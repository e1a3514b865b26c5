"""The position a base announces in its corrections: RTCM 3 messages 1005/1006 (ARP, ECEF)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from fieldapp.gnss.ecef import ecef_to_geodetic
from fieldapp.gnss.rawframes import RawFrame, RawFramer

log = logging.getLogger(__name__)
STATION_MESSAGES = ("RTCM-1005", "RTCM-1006")


@dataclass(frozen=True, slots=True)
class AnnouncedStation:
    """A reference station's antenna reference point as its messages give it."""

    station_id: int
    message: int  # 1005 or 1006
    x: float
    y: float
    z: float
    antenna_height_m: float | None  # 1006 only: ARP above the marker

    @property
    def arp_geodetic(self) -> tuple[float, float, float]:
        """Latitude, longitude (degrees) and ellipsoidal height of the ARP."""
        return ecef_to_geodetic(self.x, self.y, self.z)

    @property
    def marker_geodetic(self) -> tuple[float, float, float | None]:
        """The marker under the antenna: the ARP lowered by the 1006 antenna height."""
        lat, lon, h = self.arp_geodetic
        if self.antenna_height_m is None:
            return lat, lon, None
        return lat, lon, h - self.antenna_height_m


def decode_station(frame: RawFrame) -> AnnouncedStation | None:
    """The station of a 1005/1006 frame (pyrtcm reads the bit fields); None for other frames."""
    if frame.protocol != "rtcm3" or frame.name not in STATION_MESSAGES:
        return None
    # Imported when a station message first comes: the GUI starts without pyrtcm's tables.
    from pyrtcm import RTCMReader  # type: ignore[import-untyped]

    try:
        msg = RTCMReader.parse(frame.data)
        height = float(msg.DF028) if frame.name == "RTCM-1006" else None
        return AnnouncedStation(
            station_id=int(msg.DF003),
            message=int(msg.DF002),
            x=float(msg.DF025),
            y=float(msg.DF026),
            z=float(msg.DF027),
            antenna_height_m=height,
        )
    except Exception as exc:  # a frame with a valid CRC but fields pyrtcm refuses: ignored
        log.warning("%s not read: %s", frame.name, exc)
        return None


class StationWatch:
    """Bytes of a correction stream in (any chunking); the latest announced station kept.

    ``feed`` runs in the stream's thread; ``latest`` may be read from any thread (one
    reference, replaced whole). It never raises on data: corrections flow regardless.
    """

    def __init__(self) -> None:
        self._framer = RawFramer()
        self._lock = threading.Lock()
        self.latest: AnnouncedStation | None = None

    def feed(self, data: bytes) -> None:
        with self._lock:
            frames = self._framer.feed(data)
            # Only the framer's buffer is kept: counters of a day-long stream stay small.
            self._framer.counts.frames.clear()
        for frame in frames:
            station = decode_station(frame)
            if station is not None:
                self.latest = station

    def reconnected(self) -> None:
        """A new connection: a partial frame of the old one is not joined to the new bytes."""
        with self._lock:
            self._framer.discard()
