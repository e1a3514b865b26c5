"""RINEX 2/3 scanning and identify(): headers, epoch counts, and bad files named with their line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from testpaths import shared_data_dir

from fieldapp.gnss.obsfiles import ObsFileError, identify
from fieldapp.gnss.rinex import RinexError, RinexNav, RinexObs, scan_rinex


def header_line(text: str, label: str) -> str:
    return f"{text:<60}{label:<20}\n"


RINEX3 = (
    header_line("     3.04           OBSERVATION DATA    M", "RINEX VERSION / TYPE")
    + header_line("BM-01", "MARKER NAME")
    + header_line(f"{'123':<20}{'SEPT POLARX5':<20}{'5.4':<20}", "REC # / TYPE / VERS")
    + header_line(f"{'9':<20}{'SEPCHOKE_B3E6   NONE':<20}", "ANT # / TYPE")
    + header_line(
        f"{-2612345.1234:14.4f}{5912345.5678:14.4f}{-56789.0123:14.4f}", "APPROX POSITION XYZ"
    )
    + header_line("        1.5320        0.0000        0.0000", "ANTENNA: DELTA H/E/N")
    + header_line("G    2 C1C L1C", "SYS / # / OBS TYPES")
    + header_line("", "END OF HEADER")
    + "> 2026 12 03 01 00  0.0000000  0  2\n"
    + "G01  20000000.000   105000000.000\n"
    + "G02  21000000.000   110000000.000\n"
    + "> 2026 12 03 01 00 15.0000000  4  1\n"
    + "a comment record inside an event                            COMMENT\n"
    + "> 2026 12 03 01 00 15.0000000  0  1\n"
    + "G01  20000100.000   105000500.000\n"
    + "> 2026 12 03 01 00 30.0000000  0  1\n"
    + "G01  20000200.000   105001000.000\n"
)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    return path


def test_geonet_rinex2_header_and_epochs() -> None:
    scan = scan_rinex(shared_data_dir() / "gnss-raw" / "30400920.05o")
    assert isinstance(scan, RinexObs)
    assert (scan.version, scan.marker_name, scan.receiver) == ("2.10", "3040", "TRIMBLE 5700")
    assert scan.antenna_type == "TRM29659.00"
    assert scan.approx_xyz == (-3978242.4348, 3382841.1715, 3649902.7667)
    assert scan.antenna_delta_hen == (0.0, 0.0, 0.0)
    assert (scan.interval_s, scan.epochs) == (30.0, 120)
    assert scan.first == dt.datetime(2005, 4, 2)
    assert scan.last == dt.datetime(2005, 4, 2, 0, 59, 29, 996000)


def test_geonet_navigation_files_count_their_ephemerides() -> None:
    nav = scan_rinex(shared_data_dir() / "gnss-raw" / "07590920.05n")
    assert isinstance(nav, RinexNav)
    # 1308 lines: a 12-line header, then 8 lines per GPS ephemeris.
    assert nav.records == (1308 - 12) // 8


def test_rinex3_counts_observation_epochs_not_events(tmp_path: Path) -> None:
    found = identify(write(tmp_path, "bm01.obs", RINEX3))
    assert found.kind == "rinex-obs"
    assert (found.epochs, found.interval_s) == (3, 15.0)
    assert (found.first_gpst, found.last_gpst) == ("2026-12-03T01:00:00", "2026-12-03T01:00:30")
    assert (found.marker_name, found.receiver, found.antenna_type) == (
        "BM-01",
        "SEPT POLARX5",
        "SEPCHOKE_B3E6   NONE",  # IGS antenna code with its radome, as the header has it
    )
    assert found.antenna_delta_hen == (1.532, 0.0, 0.0)


def test_a_rinex2_file_cut_inside_an_epoch_names_the_line(tmp_path: Path) -> None:
    lines = (shared_data_dir() / "gnss-raw" / "30400920.05o").read_text().splitlines(True)
    cut = write(tmp_path, "cut.05o", "".join(lines[:600]))
    with pytest.raises(ObsFileError) as err:
        identify(cut)
    assert str(err.value) == f"{cut}:600: truncated: the file ends before the epoch's observations"
    half = write(tmp_path, "half.05o", "".join(lines[:600]) + lines[600][:20])
    with pytest.raises(ObsFileError, match=r"half\.05o:601: truncated"):
        identify(half)


def test_a_rinex3_file_cut_in_its_last_line_is_truncated(tmp_path: Path) -> None:
    cut = write(tmp_path, "cut.obs", RINEX3[:-10])
    with pytest.raises(RinexError, match=r"cut\.obs:\d+: truncated: the last line has no line end"):
        scan_rinex(cut)


def test_a_rinex3_epoch_line_out_of_place(tmp_path: Path) -> None:
    bad = write(
        tmp_path, "bad.obs", RINEX3.replace("> 2026 12 03 01 00 30", "  2026 12 03 01 00 30")
    )
    with pytest.raises(RinexError, match=r"bad\.obs:16: expected an epoch record starting"):
        scan_rinex(bad)


def test_files_that_are_not_gnss_observations(tmp_path: Path) -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(jpeg, "JPEG")
    cases = {
        write(tmp_path, "photo.ubx", jpeg.getvalue()): "not a GNSS observation file",
        write(tmp_path, "notes.05o", "rover at BM-01, 1.532 m\n"): "not a GNSS observation file",
        write(tmp_path, "empty.05o", b""): "empty file",
        write(
            tmp_path,
            "hatanaka.05d",
            header_line("1.0                 COMPACT RINEX FORMAT", "CRINEX VERS   / TYPE"),
        ): "Hatanaka-compressed RINEX",
        write(
            tmp_path,
            "meteo.05m",
            header_line("     2.11           METEOROLOGICAL DATA", "RINEX VERSION / TYPE")
            + header_line("", "END OF HEADER"),
        ): "meteorological data",
        write(
            tmp_path,
            "headless.05o",
            header_line("     2.11           OBSERVATION DATA    G", "RINEX VERSION / TYPE"),
        ): "truncated: the file ends before END OF HEADER",
        write(
            tmp_path,
            "v4.rnx",
            header_line("     4.01           OBSERVATION DATA    M", "RINEX VERSION / TYPE"),
        ): "RINEX version '4.01': RTKLIB 2.4.3 reads 2.x and 3.x",
    }
    for path, what in cases.items():
        with pytest.raises(ObsFileError) as err:
            identify(path)
        assert str(err.value).startswith(str(path)), err.value
        assert what in str(err.value)


def test_identify_a_navigation_file() -> None:
    found = identify(shared_data_dir() / "gnss-raw" / "30400920.05n")
    assert (found.kind, found.epochs, found.nav_records) == ("rinex-nav", 0, 164)
