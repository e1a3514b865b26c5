"""identify() on raw logs: cut files are used and flagged, logs without observations refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyubx2 import UBXMessage
from testpaths import shared_data_dir

from fieldapp.gnss.obsfiles import ObsFileError, identify


def test_a_ubx_log_cut_in_the_middle_keeps_its_whole_frames(tmp_path: Path) -> None:
    data = (shared_data_dir() / "gnss-raw" / "ubx_20080526.ubx").read_bytes()
    cut = tmp_path / "cut.ubx"
    cut.write_bytes(data[:100_001])
    found = identify(cut)
    assert found.kind == "ubx" and found.truncated
    assert 0 < found.epochs < 242
    assert found.first_gpst == "2008-05-26T05:59:24.999"


def test_a_ubx_log_without_raw_observations_is_refused(tmp_path: Path) -> None:
    pvt = UBXMessage("NAV", "NAV-PVT", 0, iTOW=1000, year=2026, month=12, day=3).serialize()
    nav_only = tmp_path / "nav-only.ubx"
    nav_only.write_bytes(pvt * 20)
    with pytest.raises(ObsFileError) as err:
        identify(nav_only)
    assert str(err.value) == f"{nav_only}: UBX log with no RXM-RAWX/RXM-RAW observations"


def test_an_unreadable_path_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(ObsFileError, match=r"folder: cannot read"):
        identify(folder)
