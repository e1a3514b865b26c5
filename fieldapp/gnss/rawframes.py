"""Sans-IO UBX and RTCM 3 framing of a mixed receiver stream: checksum-verified frames out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from fieldapp.gnss.rawepochs import RtcmEpochs, UbxEpochs

UBX_SYNC = b"\xb5\x62"
RTCM_PREAMBLE = b"\xd3"
# The largest UBX payload a raw log needs: RXM-RAWX with 255 measurements is 16 + 32 * 255 =
# 8176 bytes. A longer length field is garbage: waiting for 60 KB of it would stall the stream.
UBX_MAX_PAYLOAD = 8192
# RTCM 3 has a 10-bit length: 1023 bytes at most, by format.
_CHUNK = 1 << 20

_UBX_NAMES = {
    (0x01, 0x07): "NAV-PVT",
    (0x02, 0x10): "RXM-RAW",
    (0x02, 0x11): "RXM-SFRB",
    (0x02, 0x13): "RXM-SFRBX",
    (0x02, 0x15): "RXM-RAWX",
    (0x05, 0x00): "ACK-NAK",
    (0x05, 0x01): "ACK-ACK",
    (0x06, 0x01): "CFG-MSG",
    (0x06, 0x08): "CFG-RATE",
    (0x06, 0x8A): "CFG-VALSET",
}


def ubx_checksum(body: bytes | memoryview) -> bytes:
    """The 8-bit Fletcher checksum over class, id, length and payload."""
    return bytes((sum(body) & 0xFF, sum(accumulate(body)) & 0xFF))


def _crc24q_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
        table.append(crc & 0xFFFFFF)
    return tuple(table)


_CRC24Q = _crc24q_table()


def crc24q(data: bytes | memoryview) -> int:
    """CRC-24Q (Qualcomm) as RTCM 3 uses it, over preamble, length and message."""
    crc = 0
    table = _CRC24Q
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFF) ^ table[(crc >> 16) ^ byte]
    return crc


def ubx_name(cls: int, msg_id: int) -> str:
    return _UBX_NAMES.get((cls, msg_id), f"UBX-{cls:02X}-{msg_id:02X}")


@dataclass(frozen=True, slots=True)
class RawFrame:
    """One complete, checksum-verified frame, exactly as received (sync bytes to checksum)."""

    protocol: str  # "ubx" or "rtcm3"
    name: str  # "RXM-RAWX", "RTCM-1077"
    data: bytes
    new_epoch: bool  # the frame opened a new observation epoch


@dataclass(slots=True)
class FrameCounts:
    """What came through: bytes, frames by message, rejected candidates, epochs per protocol."""

    bytes: int = 0
    frames: Counter[str] = field(default_factory=Counter)
    ubx_frames: int = 0
    rtcm_frames: int = 0
    # Candidates (sync + plausible header) whose checksum failed or whose length was absurd;
    # a second candidate inside the bytes of one already rejected is the same damage, not counted.
    bad_frames: int = 0
    oversize: int = 0  # of bad_frames: a UBX length beyond UBX_MAX_PAYLOAD
    other_bytes: int = 0  # NMEA text, garbage, bytes of rejected frames
    truncated: bool = False  # the stream ended inside a frame (flush)


class RawFramer:
    """Bytes in (any chunking), UBX and RTCM 3 frames out; never raises on data.

    Memory is bounded: it keeps at most one incomplete frame (UBX_MAX_PAYLOAD + 8 bytes).
    After a bad candidate it resynchronises one byte further, so a real frame right
    behind (or inside) a false sync is still found. Not thread-safe: one owner.
    """

    def __init__(self, today: dt.date | None = None) -> None:
        self.counts = FrameCounts()
        self.ubx_epochs = UbxEpochs()
        self.rtcm_epochs = RtcmEpochs(today)
        self._buf = bytearray()
        self._damage_end = 0  # buffer offset up to which a rejected frame's bytes reach

    def feed(self, data: bytes) -> list[RawFrame]:
        self.counts.bytes += len(data)
        self._buf += data
        return self._parse(final=False)

    def flush(self) -> list[RawFrame]:
        """End of stream: frames still complete in the buffer, and `truncated` if one is cut."""
        frames = self._parse(final=True)
        self.counts.other_bytes += len(self._buf)
        self._buf.clear()
        return frames

    def discard(self) -> bool:
        """Forget a partial frame (the link dropped mid-frame); True if there was one."""
        held = len(self._buf) > 1 or self._buf[:1] == RTCM_PREAMBLE
        self.counts.other_bytes += len(self._buf)
        self._buf.clear()
        self._damage_end = 0
        return held

    def _parse(self, final: bool) -> list[RawFrame]:
        buf = self._buf
        counts = self.counts
        out: list[RawFrame] = []
        end = len(buf)
        pos = 0
        # The next sync of each kind, found once and reused until passed: a buffer of many UBX
        # frames and no RTCM must not be searched to its end for 0xD3 once per frame.
        next_ubx = buf.find(UBX_SYNC, pos)
        next_rtcm = buf.find(RTCM_PREAMBLE, pos)
        while True:
            if 0 <= next_ubx < pos:
                next_ubx = buf.find(UBX_SYNC, pos)
            if 0 <= next_rtcm < pos:
                next_rtcm = buf.find(RTCM_PREAMBLE, pos)
            starts = [i for i in (next_ubx, next_rtcm) if i >= 0]
            if not starts:
                # A lone 0xB5 at the end may be the first half of a UBX sync.
                keep = 1 if end > pos and buf[end - 1] == 0xB5 and not final else 0
                counts.other_bytes += end - keep - pos
                pos = end - keep
                break
            start = min(starts)
            counts.other_bytes += start - pos
            if start == next_ubx:
                status, size = self._ubx_at(start, out)
            else:
                status, size = self._rtcm_at(start, out)
            if status == "frame":
                pos = start + size
            elif status == "short":
                if not final:
                    pos = start
                    break
                counts.truncated = True
                counts.other_bytes += 1
                pos = start + 1
            else:  # "bad" or "none": resynchronise one byte on
                if status == "bad":
                    if start >= self._damage_end:
                        counts.bad_frames += 1
                    self._damage_end = max(self._damage_end, start + size)
                counts.other_bytes += 1
                pos = start + 1
        del buf[:pos]
        self._damage_end = max(0, self._damage_end - pos)
        return out

    def _ubx_at(self, i: int, out: list[RawFrame]) -> tuple[str, int]:
        buf = self._buf
        if len(buf) - i < 6:
            return "short", 0
        length = buf[i + 4] | buf[i + 5] << 8
        if length > UBX_MAX_PAYLOAD:
            if i >= self._damage_end:
                self.counts.oversize += 1
            return "bad", 6
        size = length + 8
        if len(buf) - i < size:
            return "short", 0
        frame = bytes(buf[i : i + size])
        if ubx_checksum(memoryview(frame)[2:-2]) != frame[-2:]:
            return "bad", size
        cls, msg_id = frame[2], frame[3]
        new_epoch = self.ubx_epochs.add(cls, msg_id, frame[6:-2])
        name = ubx_name(cls, msg_id)
        self.counts.frames[name] += 1
        self.counts.ubx_frames += 1
        out.append(RawFrame("ubx", name, frame, new_epoch))
        return "frame", size

    def _rtcm_at(self, i: int, out: list[RawFrame]) -> tuple[str, int]:
        buf = self._buf
        if len(buf) - i < 3:
            return "short", 0
        if buf[i + 1] & 0xFC:  # the six reserved bits are zero in every real frame
            return "none", 1
        length = (buf[i + 1] & 0x03) << 8 | buf[i + 2]
        size = length + 6
        if len(buf) - i < size:
            return "short", 0
        frame = bytes(buf[i : i + size])
        if crc24q(memoryview(frame)[:-3]) != int.from_bytes(frame[-3:], "big"):
            return "bad", size
        payload = frame[3:-3]
        number = (payload[0] << 4 | payload[1] >> 4) if length >= 2 else 0
        new_epoch = self.rtcm_epochs.add(number, payload)
        name = f"RTCM-{number}"
        self.counts.frames[name] += 1
        self.counts.rtcm_frames += 1
        out.append(RawFrame("rtcm3", name, frame, new_epoch))
        return "frame", size


@dataclass(frozen=True, slots=True)
class RawScan:
    """What a raw file holds: its protocol (the one with observations), frames and epochs."""

    protocol: str | None  # "ubx", "rtcm3", None when no frame of either
    frames: int
    observation_epochs: int
    bytes: int
    bad_frames: int
    first_gpst: str | None  # ISO 8601, GPS time; None when the GPS week is unknown
    last_gpst: str | None
    truncated: bool
    interval_s: float | None = None  # the most common epoch spacing
    messages: dict[str, int] = field(default_factory=dict)
    other_bytes: int = 0


def scan_framer(framer: RawFramer) -> RawScan:
    """The summary of a framer that has been fed (and flushed)."""
    counts = framer.counts
    ubx, rtcm = framer.ubx_epochs, framer.rtcm_epochs
    # A file with both: the protocol carrying the observations (ties: the one with more frames).
    if counts.ubx_frames == 0 and counts.rtcm_frames == 0:
        protocol = None
    elif (ubx.count, counts.ubx_frames) >= (rtcm.count, counts.rtcm_frames):
        protocol = "ubx"
    else:
        protocol = "rtcm3"
    epochs = ubx if protocol == "ubx" else rtcm
    timeline = epochs.timeline
    return RawScan(
        protocol=protocol,
        frames=counts.ubx_frames if protocol == "ubx" else counts.rtcm_frames,
        observation_epochs=epochs.count if protocol else 0,
        bytes=counts.bytes,
        bad_frames=counts.bad_frames,
        first_gpst=timeline.first_gpst() if protocol else None,
        last_gpst=timeline.last_gpst() if protocol else None,
        truncated=counts.truncated,
        interval_s=timeline.interval_s() if protocol else None,
        messages=dict(sorted(counts.frames.items())),
        other_bytes=counts.other_bytes,
    )


def scan_raw_file(path: Path, *, today: dt.date | None = None) -> RawScan:
    """Read a raw log in 1 MB chunks (bounded memory) and summarise it; OSError if unreadable.

    `today` anchors a 10-bit RTCM GPS week (default: the current date).
    """
    framer = RawFramer(today)
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            framer.feed(chunk)
    framer.flush()
    return scan_framer(framer)
