"""Serial ports given as pyserial URLs (loop://, socket://): the serial code without a pty.

These run everywhere and are the Windows counterpart of the pty tests: the same SerialSource
reads and writes, the same GnssLink turns the NMEA into fixes and survives a lost device.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from serialkit import SocketPort

from fieldapp.gnss.filesource import split_epochs
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import Backoff, GnssLink, LinkState, LinkStatus
from fieldapp.gnss.sources import SerialSource, SourceError, safe_device_name
from fieldapp.gnss.stream import NmeaStream

pytestmark = pytest.mark.timeout(60)


def _chunks(shared_data: Path, count: int) -> list[bytes]:
    data = (shared_data / "nmea" / "nmea-rtk.log").read_bytes()
    return [c.data for c in split_epochs(data)][:count]


def _epoch_time(chunk: bytes) -> dt.time:
    field = chunk.split(b",", 2)[1].decode()  # GGA/RMC field 1: hhmmss.ss
    return dt.time(int(field[0:2]), int(field[2:4]), int(field[4:6]), int(field[7:9]) * 10000)


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


def test_url_names_are_safe_file_names() -> None:
    assert safe_device_name("socket://127.0.0.1:5017") == "socket-127.0.0.1_5017"
    assert safe_device_name("loop://") == "loop"
    assert SerialSource("loop://", 9600).label == "loop:// @ 9600 baud"


def test_loop_url_carries_nmea_both_ways_through_the_serial_source(shared_data: Path) -> None:
    chunks = _chunks(shared_data, 5)
    src = SerialSource("loop://", 115200, read_timeout=0.05)
    src.open()
    try:
        for chunk in chunks:
            src.write(chunk)  # a loopback: what goes out comes back in
        got = b""
        while len(got) < sum(map(len, chunks)):
            got += src.read()
        assert got == b"".join(chunks)
        assert src.read() == b""  # nothing more: a timeout, not an error
    finally:
        src.close()
        src.close()
    stream = NmeaStream()
    fixes = stream.feed(got) + stream.flush()
    assert [f.time_of_day for f in fixes] == [_epoch_time(c) for c in chunks]


def test_unknown_url_scheme_and_refused_socket_name_the_port() -> None:
    with pytest.raises(SourceError, match=r"port nosuch://x: invalid URL, protocol 'nosuch'"):
        SerialSource("nosuch://x").open()
    port = SocketPort()
    name = port.port
    port.close()  # nothing listens there any more: a bridge switched off
    with pytest.raises(SourceError, match=rf"port {name} not found \(nothing answers"):
        SerialSource(name, 9600).open()


class _Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.fixes: list[Fix] = []
        self.states: list[LinkStatus] = []

    def on_fix(self, fix: Fix) -> None:
        with self.lock:
            self.fixes.append(fix)

    def on_status(self, status: LinkStatus) -> None:
        with self.lock:
            self.states.append(status)

    def times(self) -> list[dt.time | None]:
        with self.lock:
            return [f.time_of_day for f in self.fixes]


def test_gnss_stream_over_a_socket_url_gives_fixes_takes_rtcm_and_reports_loss(
    shared_data: Path, tmp_path: Path
) -> None:
    chunks = _chunks(shared_data, 15)
    receiver = SocketPort()
    rec = _Recorder()
    link = GnssLink(
        SerialSource(receiver.port, 115200),
        rec.on_fix,
        rec.on_status,
        raw_dir=tmp_path / "raw",
        backoff=Backoff(0.2, 2.0, 1.0),
    )
    link.start()
    heard = bytearray()
    try:
        # The link connects on its own thread; the receiver accepts as it reads.
        assert _wait_for(lambda: receiver.read(0.05) is not None and receiver.connected, 5)
        for chunk in chunks:
            assert receiver.write(chunk)
            time.sleep(0.05)
        assert _wait_for(lambda: len(rec.times()) >= len(chunks), 5)
        assert rec.times()[: len(chunks)] == [_epoch_time(c) for c in chunks]
        assert link.status.state is LinkState.LIVE

        rtcm = bytes([0xD3, 0x00, 0x04, 0x3E, 0xD0, 0x00, 0x03, 0x8A, 0x0E, 0xDE])
        assert link.write(rtcm)  # corrections go down the same serial link
        assert _wait_for(lambda: heard.extend(receiver.read(0.05) or b"") or rtcm in heard, 5)

        receiver.close()  # the Bluetooth receiver is switched off
        assert _wait_for(lambda: link.status.state is LinkState.LOST, 5)
        assert receiver.port in link.status.source
    finally:
        assert link.stop(timeout=3.0)
        receiver.close()
    raw = list((tmp_path / "raw").iterdir())
    assert raw and "socket-127.0.0.1" in raw[0].name
    assert b"".join(chunks) in b"".join(p.read_bytes() for p in raw)
