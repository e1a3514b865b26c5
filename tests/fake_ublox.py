"""A u-blox receiver on the far side of a real pty: streams RXM-RAWX + NMEA, answers CFG frames."""

from __future__ import annotations

import os
import select
import struct
import threading
import time
from pathlib import Path

from pyubx2 import SET, UBXReader

from fieldapp.gnss.rawframes import RawFramer, ubx_checksum
from fieldapp.gnss.sentences import sentence


def ubx(cls: int, msg_id: int, payload: bytes) -> bytes:
    body = bytes((cls, msg_id)) + struct.pack("<H", len(payload)) + payload
    return b"\xb5\x62" + body + ubx_checksum(body)


def rawx(tow_s: float, week: int = 2400) -> bytes:
    # 16-byte header, no measurements: enough for an epoch (receiver time + week).
    return ubx(0x02, 0x15, struct.pack("<dHbBBB2x", tow_s, week, 18, 0, 0x01, 1))


def gga(tow_s: float) -> bytes:
    sec = tow_s % 86400
    hh, mm, ss = int(sec // 3600), int(sec % 3600 // 60), sec % 60
    body = f"GPGGA,{hh:02d}{mm:02d}{ss:05.2f},0030.0900,S,11709.2100,E,1,12,0.8,35.0,M,0.0,M,,"
    return sentence(body)


class FakeUblox:
    """`generation`: "f9" acknowledges CFG-VALSET; "m8" refuses it (NAK) and takes CFG-MSG/RATE."""

    def __init__(self, link_path: Path, generation: str, period_s: float = 0.1) -> None:
        self.path = link_path
        self.generation = generation
        self.period_s = period_s
        import tty  # POSIX only: imported here so that importing this module works everywhere

        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        link_path.symlink_to(os.ttyname(self.slave))
        self.received: list[object] = []  # pyubx2's parse of every CFG frame received
        self.sent_frames: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._framer = RawFramer()
        self._lock = threading.Lock()

    def __enter__(self) -> FakeUblox:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(3)
        self.path.unlink()
        os.close(self.master)
        os.close(self.slave)

    def _answer(self, frame: bytes) -> bytes:
        parsed = UBXReader.parse(frame, msgmode=SET)  # a real receiver would refuse a bad one
        self.received.append(parsed)
        cls, msg_id = frame[2], frame[3]
        accept = (cls, msg_id) == (0x06, 0x8A) if self.generation == "f9" else msg_id != 0x8A
        return ubx(0x05, 0x01 if accept else 0x00, bytes((cls, msg_id)))

    def _run(self) -> None:
        tow = 200_000.0
        next_epoch = time.monotonic()
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.02)
            out = b""
            if ready:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    data = b""
                for frame in self._framer.feed(data):
                    out += self._answer(frame.data)
            if time.monotonic() >= next_epoch:
                frame = rawx(tow)
                with self._lock:
                    self.sent_frames.append(frame)
                out += gga(tow) + frame
                tow += 1.0
                next_epoch += self.period_s
            if out:
                os.write(self.master, out)

    def epochs_sent(self) -> int:
        with self._lock:
            return len(self.sent_frames)
