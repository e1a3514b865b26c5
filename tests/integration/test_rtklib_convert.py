"""Raw logs to RINEX with convbin: epochs counted independently (pyubx2, rnx2rtkp, our scanner)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pyubx2 import UBXReader
from testpaths import shared_data_dir

from fieldapp.gnss.baseline import StaticSettings
from fieldapp.gnss.obsfiles import identify
from fieldapp.gnss.rawframes import scan_raw_file
from fieldapp.gnss.rinex import RinexNav, RinexObs, scan_rinex
from fieldapp.gnss.rtklib import process_static
from fieldapp.gnss.rtklib_convert import convert_raw
from fieldapp.gnss.rtklib_engine import find_engine

GPS_EPOCH = dt.datetime(1980, 1, 6)


def convbin() -> Path:
    path = find_engine().convbin
    assert path is not None, "convbin must be installed (scripts/setup.sh installs rtklib)"
    return path


def rxm_raw_times(path: Path) -> list[dt.datetime]:
    """GPS times of every RXM-RAW message, read by pyubx2 (not by our code or RTKLIB)."""
    times = []
    with path.open("rb") as f:
        for _raw, msg in UBXReader(f, protfilter=2, quitonerror=0):
            if msg is not None and msg.identity == "RXM-RAW":
                times.append(GPS_EPOCH + dt.timedelta(weeks=msg.week, milliseconds=msg.iTOW))
    return times


def single_point_times(obs: Path, nav: Path, work: Path) -> list[dt.datetime]:
    """The epochs RTKLIB itself reads from the RINEX: one single-point solution per epoch."""
    subprocess.run(
        ["rnx2rtkp", "-p", "0", "-t", "-o", "single.pos", str(obs), str(nav)],
        cwd=work,
        check=True,
        capture_output=True,
    )
    lines = (work / "single.pos").read_text().splitlines()
    return [
        dt.datetime.strptime(" ".join(line.split()[:2]), "%Y/%m/%d %H:%M:%S.%f")
        for line in lines
        if line[:1] != "%"
    ]


def test_ubx_converts_to_rinex_with_every_rxm_raw_epoch(tmp_path: Path) -> None:
    source = shared_data_dir() / "gnss-raw" / "ubx_20080526.ubx"
    converted = convert_raw(convbin(), source, "ubx", tmp_path, "rover")
    scan = scan_rinex(converted.obs)
    assert isinstance(scan, RinexObs) and scan.version == "3.04"
    raw = rxm_raw_times(source)
    assert len(raw) == 242
    rtklib = single_point_times(converted.obs, converted.nav, tmp_path)
    # convbin 2.4.3 starts writing a few seconds in (here at the sixth RXM-RAW); from there
    # every RXM-RAW epoch is in the RINEX once, and RTKLIB reads them all back.
    assert scan.first is not None and scan.last is not None
    assert (scan.first - raw[0]).total_seconds() <= 10
    expected = [t for t in raw if t >= scan.first - dt.timedelta(milliseconds=1)]
    assert scan.epochs == len(expected) == 237
    # rnx2rtkp prints times to the millisecond, rounded (05:59:29.999 -> 05:59:30.000).
    assert len(rtklib) == 237
    assert all(abs((t - e).total_seconds()) <= 0.002 for t, e in zip(rtklib, expected, strict=True))
    assert scan.last == expected[-1].replace(microsecond=999000)
    nav = scan_rinex(converted.nav)
    assert isinstance(nav, RinexNav) and nav.records > 0


def test_rtcm3_needs_the_approximate_time_for_its_week(tmp_path: Path) -> None:
    source = shared_data_dir() / "gnss-raw" / "GMSD7_20121014.rtcm3"
    raw = scan_raw_file(source)
    assert raw.first_gpst is not None
    approx = dt.datetime.fromisoformat(raw.first_gpst)
    # A copy made today: convbin on its own would date the data from the file's mtime.
    copy = tmp_path / "copy.rtcm3"
    shutil.copyfile(source, copy)
    os.utime(copy)
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    dated = convert_raw(convbin(), copy, "rtcm3", tmp_path / "with", "r", approx_start=approx)
    undated = convert_raw(convbin(), copy, "rtcm3", tmp_path / "without", "r")
    good, bad = scan_rinex(dated.obs), scan_rinex(undated.obs)
    assert isinstance(good, RinexObs) and isinstance(bad, RinexObs)
    assert good.first is not None and bad.first is not None
    assert good.first.date() in (dt.date(2012, 10, 13), dt.date(2012, 10, 14))
    assert bad.first.year >= 2025
    # This NetR9 stream stamps its BeiDou MSM with the GPS time of week; RTKLIB adds BDT's
    # 14 s, takes them for the next epoch and drops the GPS/GLONASS observations before
    # them: convbin 2.4.3 writes the 257 BeiDou epochs only, 14 s after the GPS ones.
    assert good.epochs == raw.observation_epochs == 257
    assert good.first - approx == dt.timedelta(seconds=14)


def test_raw_logs_go_through_process_static(tmp_path: Path) -> None:
    # The same u-blox log as rover and base: a zero baseline, only the conversion is real.
    source = shared_data_dir() / "gnss-raw" / "ubx_20080526.ubx"
    assert identify(source).kind == "ubx"
    solution = process_static([source], [source], None, StaticSettings(), work_dir=tmp_path)
    assert solution.baseline_m < 0.001
    assert solution.epochs == 237
    assert solution.interval_s == 1.0
    assert {p.name for p in tmp_path.iterdir()} >= {"rover.obs", "rover.nav", "base.obs"}


@pytest.mark.parametrize("name", ["ubx_20080526.ubx", "GMSD7_20121014.rtcm3"])
def test_identify_reads_raw_logs_cut_at_the_end(name: str) -> None:
    # Both files were cut at 256 KB mid-frame; the frames before are whole and used.
    found = identify(shared_data_dir() / "gnss-raw" / name)
    assert found.kind == ("ubx" if name.endswith("ubx") else "rtcm3")
    assert found.truncated
    assert found.epochs == (242 if found.kind == "ubx" else 257)
    assert found.interval_s == 1.0
