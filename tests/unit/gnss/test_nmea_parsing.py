"""NMEA parsing: typed records, pynmea2 traps, both routes identical, nothing escapes."""

from __future__ import annotations

import datetime as dt
import functools
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testpaths import shared_data_dir

from fieldapp.gnss.capture import read_capture
from fieldapp.gnss.fix import fix_problem
from fieldapp.gnss.framing import Counters, NmeaFramer, xor_checksum
from fieldapp.gnss.nmea import (
    HANDLERS,
    Gga,
    Gsa,
    Gst,
    Gsv,
    Rmc,
    SentenceParser,
    Vtg,
    Zda,
)
from fieldapp.gnss.nmea_fields import parse_coord
from fieldapp.gnss.stream import NmeaStream


def sentence(body: str) -> str:
    return f"${body}*{xor_checksum(body.encode()):02X}"


def parse(body: str) -> object:
    return SentenceParser().parse(sentence(body))


def test_gga_full_precision_position_and_fields() -> None:
    rec = parse(
        "GNGGA,132819.60,4134.49795459,N,09345.03431408,W,2,10,0.9,278.161,M,-31.442,M,6.6,0133"
    )
    assert isinstance(rec, Gga)
    assert rec.time_ms == (13 * 3600 + 28 * 60 + 19) * 1000 + 600
    assert rec.lat == pytest.approx(41 + 34.49795459 / 60, abs=1e-12)
    assert rec.lon == pytest.approx(-(93 + 45.03431408 / 60), abs=1e-12)
    assert (rec.quality, rec.sats_used, rec.hdop) == (2, 10, 0.9)
    assert (rec.alt_msl, rec.geoid_sep, rec.correction_age_s, rec.base_id) == (
        278.161,
        -31.442,
        6.6,
        "0133",
    )


def test_empty_latitude_is_no_position_never_zero() -> None:
    rec = parse("GPGGA,,,,,,0,,,,M,,M,,")
    assert isinstance(rec, Gga)
    assert (rec.lat, rec.lon, rec.time_ms, rec.quality) == (None, None, None, 0)


def test_rmc_valid_with_nmea_410_navigational_status() -> None:
    # pynmea2's RMC.is_valid is False here; the status field is what counts.
    rec = parse("GNRMC,055234.000,A,4739.71890,N,12219.58362,W,0.00,286.35,050826,,,A,V")
    assert isinstance(rec, Rmc)
    assert rec.valid and rec.faa_mode == "A"
    assert rec.date == dt.date(2026, 8, 5)


def test_gsa_system_id_and_non_standard_trailing_decimal() -> None:
    rec = parse("GNGSA,A,3,82,66,81,,,,,,,,,,1.05,0.64,0.83,2")
    assert isinstance(rec, Gsa)
    assert (rec.system, rec.prns, rec.pdop) == ("GLONASS", (82, 66, 81), 1.05)
    sirf = parse("GPGSA,A,3,25,32,,,,,,,,,,,5.1,1.3,4.9,3.3")
    assert isinstance(sirf, Gsa)
    assert sirf.system == "GPS" and sirf.vdop == 4.9


def test_gsv_signal_id_and_empty_snr() -> None:
    rec = parse("GPGSV,3,2,12,16,11,248,10,20,52,273,34,21,79,231,30,24,07,045,,1")
    assert isinstance(rec, Gsv)
    assert rec.signal_id == "1"
    assert rec.sats[-1] == (24, 7, 45, None)
    assert len(rec.sats) == 4


def test_gst_fields_kept_as_received_for_later_range_checks() -> None:
    rec = parse("GNGST,003956.00,235111,,,,2.3,3.5,4.0")
    assert isinstance(rec, Gst)
    assert (rec.rms, rec.semi_major_m, rec.sigma_lat, rec.sigma_alt) == (235111.0, None, 2.3, 4.0)


def test_zda_and_vtg() -> None:
    zda = parse("GPZDA,193913.00,07,09,2018,00,00")
    assert isinstance(zda, Zda) and zda.date == dt.date(2018, 9, 7)
    vtg = parse("GNVTG,286.35,T,,M,0.50,N,0.93,K,A")
    assert isinstance(vtg, Vtg)
    assert vtg.speed_mps == pytest.approx(0.93 / 3.6)


def test_unknown_proprietary_and_malformed_are_counted_not_raised() -> None:
    c = Counters()
    p = SentenceParser(c)
    for body in ("PSRFEPE,074150.799,V,,,,,", "GPTXT,01,01,02,ANTENNA OK", "GNGGAH,073346.00,,,"):
        assert p.parse(sentence(body)) is None
    assert p.parse(sentence("GPGGA,99x,4134.4,N,09345.0,W,1,10,0.9,1,M,1,M,,")) is None
    assert p.parse(sentence("GPGGA,120000,4199.0,N,09345.0,W,1,10,0.9,1,M,1,M,,")) is None
    assert (c.unknown_type, c.malformed, c.accepted) == (3, 2, 0)


@pytest.mark.parametrize(
    ("value", "hemi", "expected"),
    [
        ("0000.0000", "N", 0.0),
        ("4807.038", "S", -(48 + 7.038 / 60)),
        ("00130.5", "W", -(1 + 30.5 / 60)),
    ],
)
def test_parse_coord(value: str, hemi: str, expected: float) -> None:
    assert parse_coord(value, hemi, 180) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("value", ["4860.0", "x807.0", "9100.0", "48"])
def test_parse_coord_rejects_nonsense(value: str) -> None:
    with pytest.raises(ValueError):
        parse_coord(value, "N", 90)


def test_fast_route_equals_pynmea2_route_on_every_capture(shared_data: Path) -> None:
    """The own-split route must agree exactly with the pynmea2.parse(check=True) route."""
    compared = 0
    for path in sorted((shared_data / "nmea").glob("*.log")):
        framer = NmeaFramer()
        lines = framer.feed(read_capture(path).data) + framer.flush()
        fast, strict = SentenceParser(via_pynmea2=False), SentenceParser(via_pynmea2=True)
        for line in lines:
            assert fast.parse(line) == strict.parse(line), line
            compared += 1
        assert fast.counters == strict.counters, path.name
    assert compared > 7500


FIELD = st.one_of(
    st.just(""),
    st.from_regex(r"-?[0-9]{1,9}(\.[0-9]{0,8})?", fullmatch=True),
    st.sampled_from(["N", "S", "E", "W", "A", "V", "M", "T", "K", "nan", "inf", "1e999", "*"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=6),
)
ADDRESS = st.sampled_from(
    ["GPGGA", "GNRMC", "GNGNS", "GPGLL", "GNGSA", "GPGSV", "GNGST", "GPVTG", "GPZDA", "GPHDT"]
)


@settings(max_examples=500, deadline=None)
@given(ADDRESS, st.lists(FIELD, max_size=22))
def test_random_fields_never_escape_and_each_line_is_counted_once(
    address: str, fields: list[str]
) -> None:
    line = sentence(",".join([address, *fields]))
    for via in (False, True):
        c = Counters()
        rec = SentenceParser(c, via_pynmea2=via).parse(line)
        assert (rec is not None) == (c.accepted == 1)
        assert c.accepted + c.unknown_type + c.malformed + c.bad_checksum == 1


# Issue 14: values no receiver reports. Each is put into a real sentence from the captures,
# checksummed again so it passes the framer and only the range checks stand in its way.
HOSTILE = [
    "1e308", "-1e308", "1e999", "nan", "NaN", "inf", "-inf", "²", "1²", "1.00....", "-0",
    "0", "99.9", "100.5", "-5", "999999999", "1" * 40, "\x7f", "+", ".", "-", " ",
]  # fmt: skip
FLOAT_BOUNDS = {
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
    "alt_msl": (-1000.0, 10000.0),
    "geoid_sep": (-200.0, 200.0),
    "hdop": (0.0, 100.0),
    "pdop": (0.0, 100.0),
    "vdop": (0.0, 100.0),
    "correction_age_s": (0.0, 86400.0),
    "speed_mps": (0.0, 1000.0),
    "course_deg": (0.0, 360.0),
    "heading_deg": (0.0, 360.0),
}


@functools.cache
def real_sentences() -> tuple[str, ...]:
    """Every sentence of a type we parse, from every capture in ../shared/data/nmea."""
    out: list[str] = []
    for path in sorted((shared_data_dir() / "nmea").glob("*.log")):
        framer = NmeaFramer()
        for line in framer.feed(read_capture(path).data) + framer.flush():
            # line[6] == ",": "$GNGGAH,…" (a receiver's own type) is not a GGA.
            ours = line[3:6] in HANDLERS and line[6:7] == "," and line[1] != "P"
            if ours and line not in out[-50:]:
                out.append(line)
    return tuple(out)


def with_field(line: str, index: int, value: str) -> str:
    fields = line[1 : line.rindex("*")].split(",")
    fields[index % len(fields) or 1] = value
    return sentence(",".join(fields))


def assert_plausible_record(rec: object) -> None:
    assert isinstance(rec, tuple)  # every record is a NamedTuple
    for name, value in rec._asdict().items():  # type: ignore[attr-defined]
        if isinstance(value, float):
            assert math.isfinite(value), (name, rec)
            low, high = FLOAT_BOUNDS.get(name, (-math.inf, math.inf))
            assert low <= value <= high, (name, rec)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.data())
def test_hostile_values_in_real_sentences_give_a_plausible_record_or_a_counted_rejection(
    data: st.DataObject,
) -> None:
    lines = real_sentences()
    line = lines[data.draw(st.integers(0, len(lines) - 1))]
    for _ in range(data.draw(st.integers(1, 3))):
        line = with_field(line, data.draw(st.integers(1, 20)), data.draw(st.sampled_from(HOSTILE)))
    for via in (False, True):
        c = Counters()
        rec = SentenceParser(c, via_pynmea2=via).parse(line, 7)
        assert c.accepted + c.unknown_type + c.malformed + c.bad_checksum == 1
        if rec is None:
            # A rejection says where and (for a range check) what.
            assert c.problems and c.problems[0][0] == 7
        else:
            assert_plausible_record(rec)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.data())
def test_no_fix_from_mutated_real_epochs_carries_an_implausible_value(
    data: st.DataObject,
) -> None:
    lines = real_sentences()
    start = data.draw(st.integers(0, len(lines) - 40))
    chosen = list(lines[start : start + 40])
    for _ in range(data.draw(st.integers(1, 10))):
        i = data.draw(st.integers(0, len(chosen) - 1))
        hostile = data.draw(st.sampled_from(HOSTILE))
        chosen[i] = with_field(chosen[i], data.draw(st.integers(1, 20)), hostile)
    stream = NmeaStream()
    fixes = stream.feed("\r\n".join(chosen).encode("latin-1") + b"\r\n", 0.0) + stream.flush()
    for fix in fixes:
        assert fix_problem(fix) is None, fix
        assert fix.height is None or -1000.0 <= fix.height <= 10000.0


def test_a_range_failure_is_a_malformed_sentence_that_names_the_field() -> None:
    c = Counters()
    p = SentenceParser(c)
    gga = "GNGGA,132819.60,4134.4979,N,09345.0343,W,4,10,{hdop},{alt},M,-31.442,M,6.6,0133"
    assert p.parse(sentence(gga.format(hdop="0.9", alt="1e308")), 12) is None
    assert p.parse(sentence(gga.format(hdop="1e308", alt="278.1")), 13) is None
    assert p.parse(sentence(gga.format(hdop="nan", alt="278.1")), 14) is None
    assert c.malformed == 3
    assert c.problems == [
        (12, "GGA: altitude 1e308 outside -1000..10000"),
        (13, "GGA: HDOP 1e308 outside 0..100"),
        (14, "GGA: 'nan' is not a finite number"),
    ]
    # 99.x and 0 are how receivers say "no DOP": the sentence stays, the DOP is absent.
    rec = p.parse(sentence(gga.format(hdop="99.99", alt="278.1")))
    assert isinstance(rec, Gga) and rec.hdop is None and rec.alt_msl == 278.1
