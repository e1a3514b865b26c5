"""TCP source against a real 127.0.0.1 server that drops and comes back; raw log is byte-exact."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import Backoff, GnssLink, LinkState, LinkStatus
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.sources import TcpSource

pytestmark = pytest.mark.timeout(60)


def _listen(port: int = 0) -> socket.socket:
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    return srv


def _serve_once(srv: socket.socket, epochs: list[bytes], gap_s: float) -> None:
    """Accept one client, send the epochs, then hang up and stop listening (server gone)."""
    conn, _ = srv.accept()
    with conn:
        for data in epochs:
            conn.sendall(data)
            time.sleep(gap_s)
    srv.close()


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

    def count(self) -> int:
        with self.lock:
            return len(self.fixes)


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


def test_tcp_server_drops_and_returns(tmp_path: Path) -> None:
    sim = Simulator(SimConfig(rate_hz=10, target_lat=-0.5, target_lon=117.16))
    epochs = [sim.next_epoch() for _ in range(30)]
    first, second = epochs[:12], epochs[12:]
    srv = _listen()
    port = srv.getsockname()[1]
    server = threading.Thread(target=_serve_once, args=(srv, first, 0.02), daemon=True)
    server.start()

    rec = Recorder()
    link = GnssLink(
        TcpSource("127.0.0.1", port, connect_timeout=1.0),
        rec.on_fix,
        rec.on_status,
        raw_dir=tmp_path / "raw",
        backoff=Backoff(0.1, 2.0, 0.5),
    )
    link.start()
    try:
        server.join(10)
        assert _wait_for(lambda: any(s.state == LinkState.LOST for s in rec.states), 5)
        assert rec.count() == len(first)
        time.sleep(0.4)  # refused connections meanwhile: the link keeps retrying

        srv2 = _listen(port)
        server2 = threading.Thread(target=_serve_once, args=(srv2, second, 0.02), daemon=True)
        server2.start()
        server2.join(10)
        assert _wait_for(lambda: rec.count() == len(epochs), 5)
    finally:
        assert link.stop(timeout=3.0)

    states = [s.state for s in rec.states]
    assert states[0] == LinkState.CONNECTING
    i_lost = states.index(LinkState.LOST)
    assert LinkState.LIVE in states[:i_lost]
    assert LinkState.LIVE in states[i_lost:]
    assert any(f"127.0.0.1:{port}" in s.reason for s in rec.states if s.state == LinkState.LOST)
    assert [f.time_of_day for f in rec.fixes] == sorted({f.time_of_day for f in rec.fixes})
    raw = list((tmp_path / "raw").glob("gnss-*-tcp-127.0.0.1-*.nmea"))
    assert len(raw) == 1
    assert raw[0].read_bytes() == b"".join(epochs)


def test_tcp_connect_refused_is_reported_and_stop_is_prompt() -> None:
    srv = _listen()
    port = srv.getsockname()[1]
    srv.close()  # nothing listens there now
    rec = Recorder()
    link = GnssLink(TcpSource("127.0.0.1", port), rec.on_fix, rec.on_status)
    link.start()
    assert _wait_for(lambda: link.status.state == LinkState.LOST, 5)
    assert "cannot connect" in link.status.reason
    assert link.stop(timeout=3.0)
    assert link.status.state == LinkState.STOPPED
