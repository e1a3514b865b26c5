"""RawObservationLog: files per protocol, created on the first frame, failures that stop nothing."""

from __future__ import annotations

import datetime as dt
import struct
import threading
import time
from pathlib import Path

import pytest
import test_gnss_link as linktests

from fieldapp.gnss.link import GnssLink, LinkState
from fieldapp.gnss.rawframes import crc24q, ubx_checksum
from fieldapp.gnss.rawobs import RawObservationLog
from fieldapp.gnss.sources import EndOfStream, SourceError

pytestmark = pytest.mark.timeout(30)
STARTED = dt.datetime(2026, 12, 3, 8, 30, 5, tzinfo=dt.UTC)


def _rawx(tow_s: float) -> bytes:
    body = bytes((0x02, 0x15)) + struct.pack("<H", 16) + struct.pack("<dH6x", tow_s, 2400)
    return b"\xb5\x62" + body + ubx_checksum(body)


def _rtcm(payload: bytes) -> bytes:
    head = b"\xd3" + struct.pack(">H", len(payload))
    return head + payload + crc24q(head + payload).to_bytes(3, "big")


def test_files_per_protocol_created_on_first_frame(tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    log = RawObservationLog(folder, "/dev/ttyACM0", STARTED)
    log.write(b"$GPGGA,no frame here*00\r\n")
    assert not folder.exists() and log.state().path is None
    frames = [_rawx(float(t)) for t in range(100, 105)]
    rtcm = _rtcm(bytes.fromhex("3ed0") + bytes(10))
    stream = frames[0] + frames[1][:7]
    log.write(stream)
    log.write(frames[1][7:] + rtcm + b"".join(frames[2:]))
    state = log.state()
    assert state.path == folder / "obs-20261203T083005Z-ttyACM0.ubx"
    assert state.protocol == "ubx" and state.epochs == 5 and state.frames == 5
    assert state.bytes == sum(map(len, frames))
    assert state.paths == (state.path, folder / "obs-20261203T083005Z-ttyACM0.rtcm3")
    assert state.epochs_by_protocol == {"ubx": 5, "rtcm3": 0}
    assert state.last_write_monotonic is not None
    # Flushed on every write: another process reads it whole before close.
    assert state.path.read_bytes() == b"".join(frames)

    # A second session in the same second gets its own file, never the first one's.
    other = RawObservationLog(folder, "/dev/ttyACM0", STARTED)
    other.write(frames[0])
    assert other.state().path == folder / "obs-20261203T083005Z-ttyACM0-1.ubx"
    other.close()

    log.write(frames[0][:10])  # cut by close: not written, counted
    log.close()
    log.close()
    assert state.path.read_bytes() == b"".join(frames)
    assert log.state().cut_frames == 1 and log.state().path == state.path
    with pytest.raises(OSError, match="closed"):
        log.write(frames[0])


def test_concurrent_state_reads_while_writing(tmp_path: Path) -> None:
    log = RawObservationLog(tmp_path, "COM3", STARTED)
    frames = [_rawx(float(t)) for t in range(300)]
    seen: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            seen.append(log.state().epochs)

    thread = threading.Thread(target=reader)
    thread.start()
    for frame in frames:
        log.write(frame)
    stop.set()
    thread.join()
    log.close()
    assert log.state().epochs == 300 and seen == sorted(seen)


def test_link_reports_raw_obs_failure_and_keeps_delivering_fixes(tmp_path: Path) -> None:
    blocker = tmp_path / "raw"
    blocker.write_text("a file where the raw folder should be")
    ep = linktests._epochs(6)
    script: list[bytes | Exception] = [ep[0] + _rawx(1.0), ep[1], ep[2] + _rawx(2.0)]
    script += [SourceError("COM7 vanished"), ep[3], ep[4], ep[5], EndOfStream("end of script")]
    source = linktests.ScriptedSource(script)
    obs = RawObservationLog(blocker, "COM7", STARTED)
    fixes: list[object] = []
    reasons: list[str] = []
    link = GnssLink(
        source,
        fixes.append,
        lambda s: reasons.append(s.reason),
        backoff=linktests.FAST,
        raw_obs=obs,
    )
    link.start()
    assert link._thread is not None
    link._thread.join(10)
    assert link.status.state == LinkState.STOPPED
    assert any(r.startswith("raw observation log failed") for r in reasons), reasons
    assert len(fixes) >= 5  # the NMEA fixes went on
    assert obs.state().error is not None and obs.state().path is None


def test_raw_only_stream_says_so_when_stale(tmp_path: Path) -> None:
    class Paced(linktests.ScriptedSource):
        def read(self) -> bytes:
            time.sleep(0.01)
            return super().read()

    script: list[bytes | Exception] = [_rawx(float(t)) for t in range(60)]
    source = Paced([*script, EndOfStream("end of script")])
    obs = RawObservationLog(tmp_path, "COM7", STARTED)
    reasons: list[str] = []
    link = GnssLink(
        source, lambda fix: None, lambda s: reasons.append(s.reason), stale_after_s=0.2,
        raw_obs=obs,
    )  # fmt: skip
    link.start()
    assert link._thread is not None
    link._thread.join(10)
    assert any("raw observations arrive but no NMEA epoch" in r for r in reasons), reasons
    assert obs.state().epochs == 60
