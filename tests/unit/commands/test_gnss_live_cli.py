"""`fieldapp gnss ports` / `gnss watch`: status lines, clear errors, clean Ctrl-C."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import threading
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.commands.gnss_live import cmd_watch, format_fix
from fieldapp.gnss.fix import Fix, SigmaSource


def _fix(**kw: object) -> Fix:
    base: dict[str, object] = {
        "time_of_day": dt.time(1, 2, 3, 450000),
        "lat": -0.5012345678,
        "lon": 117.1534567891,
        "height": 45.123,
        "quality": 4,
        "sats_used": 17,
        "pdop": 1.4,
    }
    base.update(kw)
    return Fix(**base)  # type: ignore[arg-type]


def test_status_line_says_measured_for_gst() -> None:
    line = format_fix(
        _fix(sigma_lat=0.01, sigma_lon=0.02, sigma_alt=0.03, sigma_source=SigmaSource.GST)
    )
    assert line.startswith("01:02:03.45Z  RTK fixed")
    assert "-0.50123457 +117.15345679" in line
    assert "sats 17" in line and "PDOP 1.4" in line
    assert "(measured)" in line and "estimated" not in line


def test_status_line_says_estimated_without_gst() -> None:
    line = format_fix(
        _fix(quality=5, sigma_lat=0.3, sigma_lon=0.3, sigma_alt=0.5, sigma_source="estimated")
    )
    assert "RTK float" in line and "(estimated)" in line and "measured" not in line


def test_status_line_without_position_never_prints_zero() -> None:
    line = format_fix(_fix(lat=None, lon=None, quality=0, sats_used=None, pdop=None))
    assert "no fix" in line and "no position" in line
    assert "0.00000000" not in line and "sigma n/a" in line


def test_ports_lists_or_says_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gnss", "ports"]) == 0
    assert capsys.readouterr().out.strip()


def test_missing_port_is_one_clear_line_and_keeps_retrying(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = str(tmp_path / "ttyGONE")
    assert main(["gnss", "watch", "--port", port, "--duration", "0.7"]) == 0
    err = capsys.readouterr().err
    lost = [line for line in err.splitlines() if line.startswith("link lost")]
    assert len(lost) == 1, err  # one line, not one per retry
    assert port in lost[0] and "not found" in lost[0] and "retrying" in lost[0]
    assert "Traceback" not in err


def test_bad_tcp_address_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gnss", "watch", "--tcp", "nohost"]) == 2
    assert "HOST:PORT" in capsys.readouterr().err


def test_bad_baud_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gnss", "watch", "--port", "COM9", "--baud", "300"]) == 2
    assert "baud" in capsys.readouterr().err


class _InterruptingOut(io.StringIO):
    """Stands in for the terminal: the first status line 'is followed by' Ctrl-C."""

    def write(self, text: str) -> int:
        super().write(text)
        raise KeyboardInterrupt


def test_ctrl_c_stops_the_reader_cleanly(tmp_path: Path) -> None:
    args = argparse.Namespace(
        port=None, tcp=None, simulate=True, baud=None, raw_dir=str(tmp_path), duration=10.0
    )
    out, err = _InterruptingOut(), io.StringIO()
    assert cmd_watch(args, out=out, err=err) == 0
    assert "RTK fixed" in out.getvalue()
    assert "stopping" in err.getvalue() and "raw log:" in err.getvalue()
    assert not [t for t in threading.enumerate() if t.name.startswith("gnss-link")]
    assert list(tmp_path.glob("gnss-*-simulator.nmea"))
