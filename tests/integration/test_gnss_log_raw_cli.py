"""`fieldapp gnss log-raw` against a u-blox on a real pty: configure, log, Ctrl+C, files closed."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from fake_ublox import FakeUblox
from jobkit import run, start

from fieldapp.gnss.rawframes import scan_raw_file

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGINT: POSIX"),
    pytest.mark.timeout(60),
]


def test_ctrl_c_ends_cleanly_with_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "raw"
    with FakeUblox(tmp_path / "ttyUBX", "m8") as receiver:
        proc = start(
            "gnss", "log-raw", "--port", receiver.path, "--out", out, "--configure-ubx",
            "--interval", "0.1",
        )  # fmt: skip
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:  # one progress line a second, flushed
            lines.append(line)
            if " epochs " in line and int(line.split(" epochs ")[1].split()[0]) >= 5:
                break
        proc.send_signal(signal.SIGINT)
        rest, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "configure: CFG-VALSET: NAK; CFG-MSG RXM-RAWX: ACK; CFG-MSG RXM-SFRBX: ACK; " in err
    assert "stopping (Ctrl-C)" in err
    (obs,) = out.glob("obs-*-ttyUBX.ubx")
    assert f"raw observations: {obs}" in rest
    assert "evidence log: " in rest
    scan = scan_raw_file(obs)
    # Whole frames only: the RAWX epochs (and the receiver's ACK/NAK answers), nothing cut.
    assert not scan.truncated and scan.bad_frames == 0
    assert scan.observation_epochs >= 5 and scan.messages["RXM-RAWX"] == scan.observation_epochs
    assert scan.messages["ACK-ACK"] == 3 and scan.messages["ACK-NAK"] == 1
    assert scan.first_gpst is not None and scan.interval_s == 1.0
    # Every RAWX in the file is one the receiver sent, in order, from its first one on.
    data = obs.read_bytes()
    sent = [f for f in receiver.sent_frames if f in data]
    assert len(sent) == scan.observation_epochs


def test_duration_without_raw_frames_says_so(tmp_path: Path) -> None:
    result = run("gnss", "log-raw", "--port", tmp_path / "nothere", "--out", tmp_path,
                 "--duration", "1")  # fmt: skip
    assert result.returncode == 1
    assert "no UBX or RTCM 3 frame received" in result.stderr
    assert "link lost" in result.stderr and "nothere" in result.stderr
    bad = run("gnss", "log-raw", "--port", "x", "--out", tmp_path, "--configure-ubx",
              "--interval", "100")  # fmt: skip
    assert bad.returncode == 2 and "interval 100 s" in bad.stderr
