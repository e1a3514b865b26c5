"""RTCM 1005/1006 (the base's announced ARP) read from a correction stream through NTRIP."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_gnss_ntrip as caster_kit
from pyproj import Transformer

from fieldapp.gnss.ntrip_client import NtripClient
from fieldapp.gnss.rawframes import RawFramer, crc24q
from fieldapp.gnss.station_arp import StationWatch, decode_station

pytestmark = pytest.mark.timeout(30)
TO_ECEF = Transformer.from_crs(4979, 4978, always_xy=True)  # pyproj, not our ecef.py
KLTM = (-0.50123456, 117.15432100, 45.678)  # a base on a BM near Samarinda


def station_frame(station_id: int, xyz: tuple[float, float, float], height: float | None) -> bytes:
    """A 1005 (or 1006 with ``height``) frame, bit by bit from RTCM 10403.x (DF002..DF028)."""
    number = 1006 if height is not None else 1005
    # DF002 DF003 DF021 DF022 DF023 DF024 DF141, then X, DF142, DF001, Y, DF364, Z (DF028).
    fields = [(number, 12), (station_id, 12), (0, 6), (1, 1), (1, 1), (0, 1), (0, 1)]
    x, y, z = (round(v / 0.0001) for v in xyz)
    fields += [(x & (2**38 - 1), 38), (0, 1), (0, 1), (y & (2**38 - 1), 38), (0, 2)]
    fields += [(z & (2**38 - 1), 38)]
    if height is not None:
        fields.append((round(height / 0.0001), 16))
    bits = "".join(format(v, f"0{n}b") for v, n in fields)
    bits += "0" * (-len(bits) % 8)
    payload = int(bits, 2).to_bytes(len(bits) // 8, "big")
    head = bytes((0xD3, len(payload) >> 8, len(payload) & 0xFF)) + payload
    return head + crc24q(head).to_bytes(3, "big")


def test_a_1006_frame_gives_the_marker_under_the_announced_arp() -> None:
    arp = TO_ECEF.transform(KLTM[1], KLTM[0], KLTM[2] + 1.5)
    (frame,) = RawFramer().feed(station_frame(2107, arp, 1.5))
    assert frame.name == "RTCM-1006"
    station = decode_station(frame)
    assert station is not None and (station.station_id, station.message) == (2107, 1006)
    assert station.antenna_height_m == pytest.approx(1.5)
    lat, lon, h = station.marker_geodetic
    assert (lat, lon) == (pytest.approx(KLTM[0], abs=2e-9), pytest.approx(KLTM[1], abs=2e-9))
    assert h == pytest.approx(KLTM[2], abs=2e-4)
    (frame,) = RawFramer().feed(station_frame(7, arp, None))
    station = decode_station(frame)
    assert station is not None and station.message == 1005 and station.marker_geodetic[2] is None


def test_the_ntrip_client_reads_the_announced_base_from_what_it_forwards(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GMSD7's real RTCM stream with a 1006 cut across two sends of a fake caster."""
    real = (shared_data / "gnss-raw" / "GMSD7_20121014.rtcm3").read_bytes()[:3000]
    arp = TO_ECEF.transform(KLTM[1], KLTM[0], KLTM[2] + 2.0)
    frame = station_frame(2107, arp, 2.0)
    stream = [real[:1500], real[1500:] + frame[:9], frame[9:] + real[:700]]
    monkeypatch.setattr(caster_kit, "RTCM", stream)
    caster = caster_kit.FakeCaster()
    received: list[bytes] = []
    client = NtripClient(caster_kit._profile(caster.port, version=2), received.append)
    client.start()
    try:
        assert caster_kit._wait(lambda: b"".join(received) == b"".join(stream))
    finally:
        assert client.stop()
        caster.close()
    station = client.station.latest
    assert station is not None and station.station_id == 2107
    assert station.marker_geodetic[2] == pytest.approx(KLTM[2], abs=2e-4)


def test_a_garbled_stream_never_raises_and_keeps_no_station() -> None:
    watch = StationWatch()
    frame = bytearray(station_frame(1, (1.0, 2.0, 3.0), None))
    frame[8] ^= 0xFF  # the CRC no longer fits: not a frame
    for piece in (bytes(frame), b"\xd3" * 50, b"$GPGGA,garbage\r\n"):
        watch.feed(piece)
    assert watch.latest is None
