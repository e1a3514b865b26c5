"""Live path over a real pty: epochs flow, the port vanishes and returns, no epoch is lost."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldapp.gnss.filesource import split_epochs
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import Backoff, GnssLink, LinkState, LinkStatus
from fieldapp.gnss.sources import SerialSource

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only"),
    pytest.mark.timeout(60),
]


class VanishingPty:
    """A pty pair behind a symlink: close() removes path and pair, like an unplugged port."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.master = -1
        self.slave = -1

    def open(self) -> None:
        import tty  # POSIX only, like the test

        self.master, self.slave = os.openpty()
        # Raw before anyone reads, so bytes written before the reader attaches are not cooked.
        tty.setraw(self.slave)
        self.path.symlink_to(os.ttyname(self.slave))

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def close(self) -> None:
        self.path.unlink()
        os.close(self.master)
        os.close(self.slave)


class Recorder:
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


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def _epoch_time(chunk: bytes) -> dt.time:
    # GGA/RMC field 1 is hhmmss.ss: the Fix reports it as a time of day.
    field = chunk.split(b",", 2)[1].decode()
    return dt.time(int(field[0:2]), int(field[2:4]), int(field[4:6]), int(field[7:9]) * 10000)


def test_port_vanishes_and_returns_without_losing_epochs(shared_data: Path, tmp_path: Path) -> None:
    chunks = [c.data for c in split_epochs((shared_data / "nmea" / "nmea-rtk.log").read_bytes())]
    before, after = chunks[:20], chunks[20:50]
    pty = VanishingPty(tmp_path / "ttyGNSS")
    pty.open()
    rec = Recorder()
    link = GnssLink(
        SerialSource(str(pty.path), 115200),
        rec.on_fix,
        rec.on_status,
        raw_dir=tmp_path / "raw",
        backoff=Backoff(0.2, 2.0, 1.0),
    )
    link.start()
    try:
        assert _wait_for(
            lambda: link.status.state == LinkState.CONNECTING and "opened" in link.status.reason, 5
        )
        for chunk in before:
            pty.write(chunk)
            time.sleep(0.1)
        assert _wait_for(lambda: len(rec.times()) >= len(before), 3)

        pty.close()  # the receiver is unplugged: master gone and the device path vanishes
        assert _wait_for(lambda: link.status.state == LinkState.LOST, 3)
        time.sleep(0.5)  # several reconnect attempts fail on the missing path

        pty.open()
        reopened_at = time.monotonic()
        for chunk in after:
            pty.write(chunk)
            time.sleep(0.1)
        expected = [_epoch_time(c) for c in before + after]
        assert _wait_for(lambda: len(rec.times()) >= len(expected), 3)
    finally:
        assert link.stop(timeout=3.0)
        if pty.path.exists():
            pty.close()

    states = [s.state for s in rec.states]
    first_lost = states.index(LinkState.LOST)
    assert LinkState.LIVE in states[:first_lost]
    back_live = [s for s in rec.states[first_lost:] if s.state == LinkState.LIVE]
    assert back_live, states
    assert back_live[0].at_monotonic - reopened_at <= 2.0
    lost = [s for s in rec.states if s.state == LinkState.LOST]
    assert any("ttyGNSS" in s.reason for s in lost)
    assert states[-1] == LinkState.STOPPED
    print([(s.state.value, s.reason) for s in rec.states])

    # Every epoch, before the drop and after the reopen, exactly once and in order.
    assert rec.times() == expected
    raw_files = list((tmp_path / "raw").iterdir())
    assert len(raw_files) == 1
    assert raw_files[0].read_bytes() == b"".join(before + after)
