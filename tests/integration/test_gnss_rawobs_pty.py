"""Raw observation logging over a real pty: UBX + RTCM 3 + NMEA, a link drop, nothing lost."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import test_gnss_live_pty as live
from rawstreams import RTCM_FILE, UBX_FILE, rtcm_epochs, rtcm_reference, ubx_epochs, ubx_reference

from fieldapp.gnss.filesource import split_epochs
from fieldapp.gnss.link import Backoff, GnssLink, LinkState
from fieldapp.gnss.rawframes import scan_raw_file
from fieldapp.gnss.rawobs import RawObservationLog
from fieldapp.gnss.sources import SerialSource

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only"),
    pytest.mark.timeout(60),
]


def _interleave(frames: list[bytes], nmea: list[bytes]) -> bytes:
    """RTCM frames with an NMEA epoch between every few of them, as a receiver sends both."""
    out = bytearray()
    for n, frame in enumerate(frames):
        if n % 4 == 0:
            out += nmea[(n // 4) % len(nmea)]
        out += frame
    return bytes(out)


class Streams:
    def __init__(self, shared_data: Path) -> None:
        ubx_path = shared_data.joinpath(*UBX_FILE)
        self.ubx_ref = ubx_reference(ubx_path)
        self.ubx_frames = [raw for raw, _ in self.ubx_ref]
        data = ubx_path.read_bytes()
        # The receiver's own bytes (its NMEA interleaved) up to the end of the last whole frame.
        self.ubx_bytes = data[: data.rindex(self.ubx_frames[-1]) + len(self.ubx_frames[-1])]
        self.rtcm_ref = rtcm_reference(shared_data.joinpath(*RTCM_FILE))
        self.rtcm_frames = [raw for raw, _ in self.rtcm_ref]
        nmea = [c.data for c in split_epochs((shared_data / "nmea" / "nmea-rtk.log").read_bytes())]
        self.rtcm_bytes = _interleave(self.rtcm_frames, nmea)

    def frame_end_near(self, data: bytes, frames: list[bytes], fraction: float) -> int:
        """The offset in `data` right after the frame nearest `fraction` of the way."""
        frame = frames[int(len(frames) * fraction)]
        return data.index(frame) + len(frame)


def _run_link(
    tmp_path: Path, pieces: list[bytes]
) -> tuple[RawObservationLog, GnssLink, list[LinkState]]:
    """Write `pieces` into a pty, unplugging and replugging it between consecutive pieces."""
    pty = live.VanishingPty(tmp_path / "ttyGNSS")
    pty.open()
    rec = live.Recorder()
    obs = RawObservationLog(tmp_path / "raw", "ttyGNSS")
    link = GnssLink(
        SerialSource(str(pty.path), 115200),
        rec.on_fix,
        rec.on_status,
        raw_dir=tmp_path / "raw",
        backoff=Backoff(0.1, 2.0, 0.5),
        raw_obs=obs,
    )
    link.start()
    sent = 0
    try:
        for n, piece in enumerate(pieces):
            if n:
                pty.close()  # unplugged mid-session
                assert live._wait_for(lambda: link.status.state == LinkState.LOST, 3)
                time.sleep(0.3)  # reconnect attempts fail on the missing path
                pty.open()
                assert live._wait_for(lambda: "reopened" in link.status.reason, 5)
            else:
                assert live._wait_for(lambda: "opened" in link.status.reason, 5)
            for i in range(0, len(piece), 4096):
                pty.write(piece[i : i + 4096])
            sent += len(piece)
            # Every byte read before the port goes away (it is the test's unplug, not a loss).
            assert live._wait_for(lambda n=sent: obs.state().received_bytes == n, 10), obs.state()
    finally:
        assert link.stop(timeout=3.0)
        if pty.path.exists():
            pty.close()
    return obs, link, [s.state for s in rec.states]


def test_drop_in_the_middle_loses_and_duplicates_nothing(shared_data: Path, tmp_path: Path) -> None:
    s = Streams(shared_data)
    ucut = s.frame_end_near(s.ubx_bytes, s.ubx_frames, 0.5)
    rcut = s.frame_end_near(s.rtcm_bytes, s.rtcm_frames, 0.5)
    before = s.ubx_bytes[:ucut] + s.rtcm_bytes[:rcut]
    after = s.ubx_bytes[ucut:] + s.rtcm_bytes[rcut:]

    obs, link, states = _run_link(tmp_path, [before, after])

    assert LinkState.LOST in states and states[-1] == LinkState.STOPPED
    state = obs.state()
    ubx_file = next(p for p in state.paths if p.suffix == ".ubx")
    rtcm_file = next(p for p in state.paths if p.suffix == ".rtcm3")
    assert ubx_file.name.startswith("obs-") and "ttyGNSS" in ubx_file.name
    # Byte-identical to the source's frames: none lost, none twice, no NMEA in between.
    assert ubx_file.read_bytes() == b"".join(s.ubx_frames)
    assert rtcm_file.read_bytes() == b"".join(s.rtcm_frames)
    # Epochs as pyubx2 / pyrtcm count them.
    assert state.epochs_by_protocol == {
        "ubx": len(ubx_epochs(s.ubx_ref)),
        "rtcm3": rtcm_epochs(s.rtcm_ref),
    }
    assert state.protocol == "rtcm3" and state.epochs == 257  # more epochs than the UBX part
    assert state.bad_frames == 0 and state.cut_frames == 0 and state.error is None
    # The evidence log still holds every byte, NMEA and all.
    evidence = [p for p in (tmp_path / "raw").iterdir() if p.suffix == ".nmea"]
    assert len(evidence) == 1 and evidence[0].read_bytes() == before + after
    assert link.bytes_received == len(before) + len(after)
    # The files read back as what they are.
    assert scan_raw_file(ubx_file).observation_epochs == 242
    assert not scan_raw_file(rtcm_file).truncated


def test_frame_cut_by_the_drop_is_discarded_not_spliced(shared_data: Path, tmp_path: Path) -> None:
    s = Streams(shared_data)
    frames = s.rtcm_frames[:60]
    stream = b"".join(frames)
    cut_frame = 30
    start = stream.index(frames[cut_frame])
    half = start + len(frames[cut_frame]) // 2
    # The tail of the cut frame never arrives: the receiver sends on from the next frame.
    resumed = start + len(frames[cut_frame])

    obs, _, _ = _run_link(tmp_path, [stream[:half], stream[resumed:]])

    state = obs.state()
    assert state.path is not None and state.protocol == "rtcm3"
    assert state.path.read_bytes() == b"".join(frames[:cut_frame] + frames[cut_frame + 1 :])
    assert state.cut_frames == 1 and state.frames == 59
