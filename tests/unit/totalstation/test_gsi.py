"""GSI-8/16 words against values read by hand from the raw words, and bad input."""

from __future__ import annotations

import pytest

from fieldapp.gnss.totalstation.gsi import GsiWordError, decode_number, parse_gsi, parse_word
from fieldapp.gnss.totalstation.model import Observation, Severity, StationRecord


def _obs(path, line: int) -> Observation:
    result = parse_gsi(path.read_bytes())
    return next(o for o in result.observations if o.line == line)


def test_gsi16_dms_block_gurob(shared_data) -> None:
    # *110002+00000000GDEM5415 21.024+0000000003545100 22.024+0000000009117510
    # 31...0+0000000000013825 51....+000000000017+000 87...0+...1300 88...0+...1324
    o = _obs(shared_data / "totalstation" / "tops_leica_gsi16_gurob.gsi", 1)
    assert o.point_id == "GDEM5415"
    assert o.hz == pytest.approx(35 + 45 / 60 + 10.0 / 3600, abs=1e-12)  # 035°45'10.0"
    assert o.v == pytest.approx(91 + 17 / 60 + 51.0 / 3600, abs=1e-12)  # 091°17'51.0"
    assert o.sd == 13.825
    assert (o.target_h, o.instrument_h, o.ppm, o.prism_constant_mm) == (1.3, 1.324, 17, 0)


def test_gsi16_gon_block_and_code_block_station(shared_data) -> None:
    path = shared_data / "totalstation" / "geoeasy_network.GSI"
    result = parse_gsi(path.read_bytes())
    # *410004+0000000000000021 42....+000000000000BP04 43....+0000000000001538
    station = result.records[0]
    assert station == StationRecord(1, "BP04", instrument_h=1.538)
    # *110015+000000000000BP03 21.322+0000000016901313 22.322+0000000009955914
    # 31..00+0000000000029462 51..1.+00000008+0000000 87..10+...1565 71....+00000000000-----
    o = _obs(path, 2)
    assert o.point_id == "BP03" and o.station_id == "BP04"
    assert o.hz == pytest.approx(169.01313 * 0.9, abs=1e-12)
    assert o.v == pytest.approx(99.55914 * 0.9, abs=1e-12)
    assert (o.sd, o.target_h, o.ppm, o.codes) == (29.462, 1.565, 8, ())
    assert len(result.observations) == 1400 and not result.diagnostics


def test_gsi8_cr_only_file(shared_data) -> None:
    path = shared_data / "totalstation" / "tops_RILIEVO.gsi"
    result = parse_gsi(path.read_bytes())
    assert len(result.observations) == 23 and not result.diagnostics
    # 110001+00000100 21.102+11545200 22.102+09885300 31..00+00000000 32..00+00000000
    first = result.observations[0]
    assert (first.line, first.point_id) == (2, "100")  # the file starts with a bare CR
    assert first.hz == pytest.approx(115.452 * 0.9) and first.v == pytest.approx(98.853 * 0.9)
    assert first.sd is None and first.hd is None  # zero distance = angles only
    # 110003+00000102 21.102+13247100 22.102+10378200 31..00+00005165 32..00+00005156
    third = result.observations[2]
    assert third.hz == pytest.approx(132.471 * 0.9) and third.v == pytest.approx(103.782 * 0.9)
    assert (third.sd, third.hd) == (5.165, 5.156)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("31..00+00012345", 12.345),  # m, mm
        ("31..01+00012345", 12.345 * 0.3048),  # ft, 0.001 ft
        ("31..06+00012345", 1.2345),  # m, 0.1 mm
        ("31..07+00012345", 1.2345 * 0.3048),  # ft, 0.0001 ft
        ("31..08+00012345", 0.12345),  # m, 0.01 mm
        ("33..00-00001234", -1.234),
        ("21.102+10000000", 90.0),  # 100 gon
        ("21.103+12345678", 123.45678),  # decimal degrees
        ("21.104+12345078", 123 + 45 / 60 + 7.8 / 3600),  # DDD.MMSSs: 123°45'07.8"
        ("21.105+16000000", 90.0),  # 1600 mil
        ("85..10+0000009812345678", 9812345.678),  # GSI-16 UTM northing
        ("84..16+0000004567891234", 456789.1234),
    ],
)
def test_word_units(token: str, expected: float) -> None:
    assert decode_number(parse_word(token)) == pytest.approx(expected, abs=1e-9)


def test_impossible_dms_seconds() -> None:
    with pytest.raises(GsiWordError, match=r"DDD\.MMSS"):  # 67.8" is not a second count
        decode_number(parse_word("21.104+12345678"))


def test_dms_tenths() -> None:
    assert decode_number(parse_word("22.104+09130255")) == pytest.approx(
        91 + 30 / 60 + 25.5 / 3600, abs=1e-12
    )


def test_bad_words_report_line_and_file_continues(fixtures_dir) -> None:
    result = parse_gsi((fixtures_dir / "totalstation" / "gsi8_bad_words.gsi").read_bytes())
    by_line: dict[int, list[str]] = {}
    for d in result.diagnostics:
        by_line.setdefault(d.line, []).append(d.message)
    assert "corrupted GSI word" in by_line[2][0]
    assert "unknown word index 99" in by_line[3][0]
    assert any("impossible unit '0' for angle" in m for m in by_line[4])
    assert any("impossible unit '2' for length" in m for m in by_line[4])
    assert any("DDD.MMSS" in m for m in by_line[5]) and any("'9'" in m for m in by_line[5])
    truncation = [d for d in result.diagnostics if d.line == 6]
    assert len(truncation) == 2 and all(d.severity is Severity.WARNING for d in truncation)
    # Every line still gave its block, with the words that were fine.
    assert [o.line for o in result.observations] == [1, 2, 3, 4, 5, 6, 7]
    assert result.observations[1].hz is None and result.observations[1].v is not None
    assert result.observations[2].hz is not None and result.observations[2].sd == 12.345
    assert result.observations[6].hz == pytest.approx(108.0)


def test_gsi16_bad_words(fixtures_dir) -> None:
    result = parse_gsi((fixtures_dir / "totalstation" / "gsi16_bad_words.gsi").read_bytes())
    assert [
        (d.line, "not a number" in d.message or "outside" in d.message) for d in result.diagnostics
    ] == [(2, True), (3, True)]
    assert result.observations[3].sd == 20.0 and len(result.observations) == 4


def test_gsi8_utm_northing_warns_gsi16_does_not() -> None:
    gsi8 = parse_gsi(b"110001+0000STN1 84..10+56789123 85..10+12345678 86..10+00045000\r\n")
    assert len([d for d in gsi8.diagnostics if "truncated" in d.message]) == 2
    gsi16 = parse_gsi(
        b"*110001+000000000000STN1 84..10+0000000456789123 85..10+0000009812345678\r\n"
    )
    assert not gsi16.diagnostics and gsi16.stations[0].n == 9812345.678
