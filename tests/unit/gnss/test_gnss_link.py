"""GnssLink with a scripted source: state machine, reconnect, raw log first, robust callbacks."""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path

import pytest

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import Backoff, GnssLink, LinkState, LinkStatus
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.sources import ByteSource, EndOfStream, SourceError

pytestmark = pytest.mark.timeout(30)
FAST = Backoff(0.01, 2.0, 0.05)


class ScriptedSource(ByteSource):
    """Plays a script of reads (bytes or exceptions); opens fail while `open_failures` lasts."""

    def __init__(self, script: list[bytes | Exception], open_failures: int = 0) -> None:
        self.script: deque[bytes | Exception] = deque(script)
        self.open_failures = open_failures
        self.opens = 0
        self.written: list[bytes] = []
        self.is_open = False
        self.read_timeout = 0.01

    @property
    def label(self) -> str:
        return "scripted COM7"

    @property
    def device(self) -> str:
        return "COM7"

    def open(self) -> None:
        self.opens += 1
        if self.open_failures:
            self.open_failures -= 1
            raise SourceError("port COM7 not found")
        self.is_open = True

    def read(self) -> bytes:
        if not self.script:
            time.sleep(self.read_timeout)
            return b""
        item = self.script.popleft()
        if isinstance(item, Exception):
            self.is_open = False
            raise item
        return item

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def close(self) -> None:
        self.is_open = False


class Recorder:
    def __init__(self) -> None:
        self.fixes: list[Fix] = []
        self.states: list[LinkStatus] = []
        self.done = threading.Event()

    def on_fix(self, fix: Fix) -> None:
        self.fixes.append(fix)

    def on_status(self, status: LinkStatus) -> None:
        self.states.append(status)
        if status.state == LinkState.STOPPED:
            self.done.set()

    @property
    def names(self) -> list[str]:
        return [s.state.value for s in self.states]


def _epochs(n: int) -> list[bytes]:
    sim = Simulator(SimConfig(rate_hz=10))
    return [sim.next_epoch() for _ in range(n)]


def test_states_through_loss_reconnect_and_end(tmp_path: Path) -> None:
    ep = _epochs(6)
    # A burst split mid-sentence, a drop, then the rest after reconnecting.
    script: list[bytes | Exception] = [
        ep[0] + ep[1][:40],
        ep[1][40:] + ep[2],
        SourceError("port COM7 lost: [Errno 5] Input/output error"),
        ep[3],
        ep[4] + ep[5],
        EndOfStream("end of capture"),
    ]
    src = ScriptedSource(script)
    rec = Recorder()
    link = GnssLink(src, rec.on_fix, rec.on_status, raw_dir=tmp_path, backoff=FAST)
    link.start()
    assert rec.done.wait(10)
    assert link.stop()
    assert rec.names == [
        "connecting",
        "connecting",
        "live",
        "lost",
        "connecting",
        "live",
        "stopped",
    ]
    assert "Input/output error" in rec.states[3].reason and "reconnecting" in rec.states[3].reason
    assert rec.states[4].reason.startswith("reopened")
    assert len(rec.fixes) == 6 == link.epochs_delivered
    assert [f.time_of_day for f in rec.fixes] == sorted(f.time_of_day for f in rec.fixes)
    assert link.raw_log is not None and link.raw_log.path is not None
    assert link.raw_log.path.read_bytes() == b"".join(ep)


def test_open_failures_are_one_lost_state_then_live() -> None:
    src = ScriptedSource([*_epochs(3), EndOfStream("done")], open_failures=4)
    rec = Recorder()
    link = GnssLink(src, rec.on_fix, rec.on_status, backoff=FAST)
    link.start()
    assert rec.done.wait(10)
    assert src.opens == 5
    assert rec.names == ["connecting", "lost", "connecting", "live", "stopped"]
    assert rec.states[1].reason == "port COM7 not found; retrying"
    assert len(rec.fixes) == 3


def test_stale_without_data_then_live_again() -> None:
    ep = _epochs(5)
    gate = threading.Event()

    class Gated(ScriptedSource):
        def read(self) -> bytes:
            if len(self.script) == 2 and not gate.is_set():
                time.sleep(self.read_timeout)
                return b""
            return super().read()

    src = Gated(list(ep))
    rec = Recorder()
    link = GnssLink(src, rec.on_fix, rec.on_status, stale_after_s=0.2, backoff=FAST)
    link.start()
    deadline = time.monotonic() + 10
    while "stale" not in rec.names and time.monotonic() < deadline:
        time.sleep(0.01)
    gate.set()
    while rec.names.count("live") < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert link.stop()
    names = rec.names
    i_live = names.index("live")
    i_stale = names.index("stale", i_live)
    assert "live" in names[i_stale:]
    reason = rec.states[i_stale].reason
    assert "no epoch for" in reason and "no data at all" in reason


def test_callback_errors_do_not_kill_the_reader_and_write_goes_to_device() -> None:
    src = ScriptedSource(_epochs(3))
    calls: list[Fix] = []

    def bad_callback(fix: Fix) -> None:
        calls.append(fix)
        raise RuntimeError("UI bug")

    link = GnssLink(src, bad_callback, backoff=FAST)
    assert link.write(b"rtcm") is False  # not open yet
    link.start()
    deadline = time.monotonic() + 10
    while len(calls) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert link.is_running
    assert link.write(b"\xd3rtcm") is True
    assert link.stop()
    assert len(calls) == 3  # the last epoch arrives with the flush at stop
    assert src.written == [b"\xd3rtcm"]
    assert link.status.state == LinkState.STOPPED


def test_stop_is_prompt_while_waiting_to_retry() -> None:
    src = ScriptedSource([], open_failures=1000)
    rec = Recorder()
    link = GnssLink(src, rec.on_fix, rec.on_status, backoff=Backoff(30.0, 2.0, 30.0))
    link.start()
    deadline = time.monotonic() + 10
    while "lost" not in rec.names and time.monotonic() < deadline:
        time.sleep(0.01)
    assert link.stop(timeout=3.0)
    assert rec.names[-1] == "stopped"


def test_file_replay_through_the_link_ends_with_stopped(tmp_path: Path) -> None:
    from fieldapp.gnss.filesource import FileReplaySource

    path = tmp_path / "cap.nmea"
    path.write_bytes(b"".join(_epochs(8)))
    rec = Recorder()
    link = GnssLink(FileReplaySource(path, speed=None), rec.on_fix, rec.on_status)
    link.start()
    assert rec.done.wait(10)
    assert link.stop()
    assert len(rec.fixes) == 8
    assert rec.names[-1] == "stopped" and "end of cap.nmea" in rec.states[-1].reason

    missing = Recorder()
    gone = GnssLink(FileReplaySource(tmp_path / "gone.nmea"), missing.on_fix, missing.on_status)
    gone.start()
    assert missing.done.wait(10)  # a finite source that cannot open does not retry forever
    assert gone.stop()
    assert missing.names == ["connecting", "stopped"]
    assert "cannot read" in missing.states[-1].reason
