"""Every shared total-station file parses; format-specific values checked by hand."""

from __future__ import annotations

import pytest

from fieldapp.gnss.totalstation.formats import detect_format, parse_bytes, parse_file
from fieldapp.gnss.totalstation.topcon_gts import block_checksum

FILES = {
    "tops_leica_gsi16_gurob.gsi": ("gsi", 343),
    "geoeasy_network.GSI": ("gsi", 1400),
    "tops_RILIEVO.gsi": ("gsi", 23),
    "tops_topcon_gts_229.txt": ("topcon-gts", 53),
    "tops_sokkia_sdr33.sdr": ("sdr33", 0),
    "geoeasy_sokkia_sdr33_20151204.sdr": ("sdr33", 10),
    "geoeasy_nikon_focus6_1.sdr": ("sdr33", 23),
    "geoeasy_ruide_r2_group_1_obs.raw": ("ruide-raw", 71),
    "geoeasy_topcon_gpt7000_jkv.gts7": ("topcon-gts7", 4),
    "tops_leica_tcr_705.txt": ("leica-tcr705", 71),
}


def test_every_shared_file_is_listed(shared_data) -> None:
    present = {p.name for p in (shared_data / "totalstation").iterdir()}
    data_files = {n for n in present if not n.startswith(("COPYING", "LICENSE"))}
    assert data_files == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_shared_file_parses(shared_data, name: str) -> None:
    fmt, observations = FILES[name]
    path = shared_data / "totalstation" / name
    assert detect_format(path.read_bytes()) == fmt
    result = parse_file(path)
    assert len(result.observations) == observations
    assert all(d.line >= 1 for d in result.diagnostics)
    assert not [d for d in result.diagnostics if d.severity.value == "error"]


def test_topcon_gts_values_and_checksums(shared_data) -> None:
    result = parse_file(shared_data / "totalstation" / "tops_topcon_gts_229.txt")
    # _'_(_)1.540_+1_ ?+00043575m0970930+1317260g+00043530t**+00+00111_*
    first = result.observations[0]
    assert (first.point_id, first.sd, first.hd, first.instrument_h) == ("1", 43.575, 43.53, 1.54)
    assert first.v == pytest.approx(97.093 * 0.9) and first.hz == pytest.approx(131.726 * 0.9)
    assert result.observations[1].target_h == 1.5
    assert block_checksum(0, b"") == b"0048"  # XOR of nothing with '0' (0x30) = 48


def test_topcon_gts_corrupted_block_is_reported(shared_data) -> None:
    data = bytearray((shared_data / "totalstation" / "tops_topcon_gts_229.txt").read_bytes())
    index = data.index(b"+00064702m")
    data[index + 5] = ord("9")  # one digit changed in block 0
    result = parse_bytes(bytes(data))
    assert [d.line for d in result.diagnostics] == [1]
    assert "checksum" in result.diagnostics[0].message
    assert len(result.observations) == 53  # the data are still read


def test_sdr_station_backsight_and_units(shared_data) -> None:
    result = parse_file(shared_data / "totalstation" / "geoeasy_sokkia_sdr33_20151204.sdr")
    station = result.stations[0]
    # 02TP STLEV 6594.363 15102.106 163.403 0.900; header flags 111121: E before N
    assert (station.station_id, station.e, station.n, station.h) == (
        "STLEV",
        6594.363,
        15102.106,
        163.403,
    )
    assert station.instrument_h == 0.9
    shot = result.observations[0]
    assert shot.point_id == "KRYSHA" and shot.sd is None and shot.v == 80.28583333


def test_ruide_dms(shared_data) -> None:
    result = parse_file(shared_data / "totalstation" / "geoeasy_ruide_r2_group_1_obs.raw")
    # SS,500,1.300,3.580,149.2117,91.4931
    o = next(o for o in result.observations if o.point_id == "500")
    assert o.hz == pytest.approx(149 + 21 / 60 + 17 / 3600, abs=1e-12)
    assert o.v == pytest.approx(91 + 49 / 60 + 31 / 3600, abs=1e-12)
    assert (o.sd, o.target_h, o.station_id, o.instrument_h) == (3.58, 1.3, "AMILA2", 1.28)
