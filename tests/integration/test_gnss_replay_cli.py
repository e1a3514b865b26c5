"""`fieldapp gnss replay`: the --jsonl contract, the summary, and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.gnss.framing import xor_checksum

FIELDAPP = Path(sys.executable).parent / "fieldapp"
KEYS = {
    "time",
    "lat",
    "lon",
    "height",
    "alt_msl",
    "quality",
    "sats_used",
    "hdop",
    "pdop",
    "sigma_lat",
    "sigma_lon",
    "sigma_alt",
    "sigma_source",
}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
CLOCK = re.compile(r"^\d\d:\d\d:\d\d\.\d{3}$")


def s(body: str) -> bytes:
    return f"${body}*{xor_checksum(body.encode()):02X}\r\n".encode()


def test_jsonl_contract_on_a_real_capture_as_subprocess(shared_data: Path) -> None:
    capture = shared_data / "nmea" / "ublox-zed-f9r.log"
    done = subprocess.run(
        [str(FIELDAPP), "gnss", "replay", str(capture), "--jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 30
    for row in rows:
        assert set(row) == KEYS
        assert ISO.match(row["time"])
    full = rows[1]
    assert full["quality"] == 5
    assert full["sigma_source"] == "GST"
    assert isinstance(full["lat"], float) and isinstance(full["sigma_lat"], float)
    assert full["height"] == pytest.approx(full["alt_msl"] + 47.2)
    assert "sentences accepted" in done.stderr and "bad checksum" in done.stderr


def test_jsonl_without_date_without_position_and_estimated_sigma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "capture with spaces.log"
    path.write_bytes(
        b"# receiver: made up\n# second comment $GPGGA,junk\n"
        + s("GPGGA,031500.25,0130.0000,S,11605.0000,E,1,08,1.0,25.3,M,45.2,M,,")
        + s("GPGSA,A,3,02,07,14,15,,,,,,,,,2.0,1.0,1.7")
        + b"\xb5\x62\x01\x07$\x00\x00\r\n"
        + s("GPGGA,031501.25,,,,,0,00,,,M,,M,,")
        + b"$GPGGA,no,checksum\r\n"
    )
    assert main(["gnss", "replay", str(path), "--jsonl"]) == 0
    out, err = capsys.readouterr()
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["time"] == "03:15:00.250" and CLOCK.match(second["time"])
    assert first["lat"] == pytest.approx(-1.5) and first["height"] == pytest.approx(70.5)
    assert first["sigma_source"] == "estimated" and first["pdop"] == 2.0
    assert (second["lat"], second["lon"], second["sigma_source"]) == (None, None, None)
    assert second["quality"] == 0
    assert "comment lines: 2" in err
    assert "no checksum 1" in err


def test_summary_lists_counts_qualities_and_times(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["gnss", "replay", str(shared_data / "nmea" / "nmea-rtk.log")]) == 0
    out = capsys.readouterr().out
    assert "epochs: 122 (122 with a position)" in out
    assert "RTK fixed" in out and "DGPS" in out
    assert "first epoch: 2020-03-18 13:28:19.600000+00:00" in out


def test_garbage_file_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 14: a file without a single usable sentence is not a capture (exit 2, one line).
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 20)
    assert main(["gnss", "replay", str(path), "--jsonl"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"fieldapp: {path}") and captured.err.count("\n") == 1


@pytest.mark.parametrize("target", ["missing.log", "."])
def test_unreadable_file_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    path = tmp_path / target
    assert main(["gnss", "replay", str(path), "--jsonl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"fieldapp: {path}: ")
    assert "Traceback" not in err
