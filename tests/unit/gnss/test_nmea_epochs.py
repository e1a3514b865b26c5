"""Epoch assembly through NmeaStream: grouping, dates, GST checks, DOP estimates, timeouts."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.gnss.framing import xor_checksum
from fieldapp.gnss.stream import NmeaStream


def s(body: str) -> bytes:
    return f"${body}*{xor_checksum(body.encode()):02X}\r\n".encode()


def gga(t: str, q: int = 4, lat: str = "0130.00000000", ns: str = "S") -> bytes:
    return s(f"GNGGA,{t},{lat},{ns},11605.12345678,E,{q},12,0.8,25.300,M,45.200,M,1.0,0042")


def rmc(t: str, date: str = "210325") -> bytes:
    return s(f"GNRMC,{t},A,0130.00000000,S,11605.12345678,E,0.01,0.0,{date},,,R,V")


GSA = s("GNGSA,A,3,02,07,14,15,,,,,,,,,1.5,0.9,1.2,1")
GSA_GLO = s("GNGSA,A,3,73,84,,,,,,,,,,,1.5,0.9,1.2,2")
GSV = s("GPGSV,1,1,04,02,20,056,27,07,18,123,25,14,79,041,29,30,57,127,,1")


def gst(t: str, rest: str = "0.5,0.020,0.010,45.0,0.012,0.015,0.030") -> bytes:
    return s(f"GNGST,{t},{rest}")


def run(data: bytes) -> list[Fix]:
    stream = NmeaStream()
    return stream.feed(data, 0.0) + stream.flush()


def test_one_fix_per_epoch_with_all_fields() -> None:
    epoch = gga("031500.00") + rmc("031500.00") + GSA + GSA_GLO + GSV + gst("031500.00")
    fixes = run(epoch + gga("031501.00") + rmc("031501.00"))
    assert len(fixes) == 2
    f = fixes[0]
    assert f.utc == dt.datetime(2025, 3, 21, 3, 15, tzinfo=dt.UTC)
    assert f.lat == pytest.approx(-1.5, abs=1e-12)
    assert f.lon == pytest.approx(116 + 5.12345678 / 60, abs=1e-12)
    assert f.alt_msl == 25.3 and f.geoid_sep == 45.2 and f.height == pytest.approx(70.5)
    assert (f.quality, f.faa_mode, f.sats_used) == (4, "R", 12)
    assert (f.pdop, f.hdop, f.vdop) == (1.5, 0.9, 1.2)
    assert (f.correction_age_s, f.base_id) == (1.0, "0042")
    assert f.sats_used_by_system == {"GPS": 4, "GLONASS": 2}
    assert [(x.prn, x.used, x.snr_dbhz) for x in f.satellites] == [
        (2, True, 27),
        (7, True, 25),
        (14, True, 29),
        (30, False, None),
    ]
    assert f.sigma_source is SigmaSource.GST
    assert (f.sigma_lat, f.sigma_lon, f.sigma_alt) == (0.012, 0.015, 0.030)
    assert f.ellipse is not None and f.ellipse.semi_major_m == 0.020
    assert f.is_rtk_fixed


def test_no_geoid_separation_means_no_ellipsoidal_height() -> None:
    fix = run(s("GPGGA,120000,0130.0,S,11605.0,E,1,08,1.0,25.3,M,,M,,"))[0]
    assert fix.alt_msl == 25.3 and fix.height is None


def test_gga_without_position_gives_no_position_and_no_sigma() -> None:
    fix = run(s("GPGGA,120000,,,,,0,00,,,M,,M,,") + GSA)[0]
    assert not fix.has_position
    assert fix.lat is None and fix.lon is None
    assert fix.sigma_source is None and fix.sigma_lat is None


@pytest.mark.parametrize(
    "rest",
    [
        "235111,,,,2.3,3.5,4.0",  # ZED-F9P: rms of 235 km
        "0.5,,,,,,",  # all empty
        "0.5,0.02,0.01,45,-0.012,0.015,0.03",  # negative
        "0.5,0.02,0.01,45,0.000,0.000,0.000",  # zero
        "0.5,0.02,0.01,45,1500.0,0.015,0.03",  # beyond 1 km
        "0.5,0.02,0.01,45,nan,0.015,0.03",  # not a number
    ],
)
def test_implausible_gst_falls_back_to_estimate_and_says_so(rest: str) -> None:
    stream = NmeaStream(uere_m=4.0)
    fixes = stream.feed(gga("031500.00") + GSA + gst("031500.00", rest), 0.0) + stream.flush()
    f = fixes[0]
    assert f.sigma_source is SigmaSource.ESTIMATED
    assert f.sigma_lat == pytest.approx(0.9 * 4.0 / math.sqrt(2))
    assert f.sigma_alt == pytest.approx(1.2 * 4.0)
    assert f.ellipse is None
    assert stream.epoch_stats.gst_rejected == 1


def test_estimate_uses_uere_per_quality_and_pdop_fallback() -> None:
    stream = NmeaStream(uere_m=5.0, uere_by_quality={4: 0.02})
    only_pdop = s("GNGSA,A,3,02,07,14,15,,,,,,,,,2.0,,,1")
    no_hdop = s("GNGGA,031500.00,0130.0,S,11605.0,E,4,12,,25.3,M,45.2,M,1.0,0042")
    f = stream.feed(no_hdop + only_pdop, 0.0) + stream.flush()
    assert f[0].sigma_source is SigmaSource.ESTIMATED
    assert f[0].sigma_lat == pytest.approx(2.0 * 0.02 / math.sqrt(2))
    assert f[0].sigma_alt == pytest.approx(2.0 * 0.02)


def test_date_carries_forward_across_midnight() -> None:
    data = gga("235959.00") + rmc("235959.00", "311225") + gga("000000.00") + gga("000001.00")
    fixes = run(data)
    assert [f.utc for f in fixes] == [
        dt.datetime(2025, 12, 31, 23, 59, 59, tzinfo=dt.UTC),
        dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 1, 1, 0, 0, 1, tzinfo=dt.UTC),
    ]


def test_without_any_date_the_time_of_day_is_still_given() -> None:
    fix = run(gga("031500.25"))[0]
    assert fix.date is None and fix.utc is None
    assert fix.time_of_day == dt.time(3, 15, 0, 250_000)


def test_timeout_closes_epoch_after_one_and_a_half_periods() -> None:
    stream = NmeaStream()
    for i in range(2):  # learn the 1 s period (and GSA as the last sentence of an epoch)
        stream.feed(gga(f"03150{i}.00") + rmc(f"03150{i}.00") + GSA, now=float(i))
    # Epoch 03:15:02 opens at t=2.0 and stays open: its GSA (the learned end) never comes.
    stream.feed(gga("031502.00") + rmc("031502.00"), now=2.0)
    assert stream.period_s == 1.0
    assert stream.poll(3.4) == []
    closed = stream.poll(3.6)
    assert [f.time_of_day for f in closed] == [dt.time(3, 15, 2)]
    assert stream.poll(10.0) == []


def test_learned_end_sentence_closes_epoch_without_waiting() -> None:
    stream = NmeaStream()
    out: list[Fix] = []
    for i in range(4):
        out += stream.feed(gga(f"03150{i}.00") + GSA + GSV, now=float(i))
    # After two epochs with the same last sentence, the GSV closes the epoch immediately.
    assert [f.time_of_day.second for f in out if f.time_of_day] == [0, 1, 2, 3]
    assert stream.epoch_stats.closed_by_end_marker >= 1


def test_late_sentence_of_a_delivered_epoch_is_counted_not_duplicated() -> None:
    stream = NmeaStream()
    out: list[Fix] = []
    for i in range(3):
        out += stream.feed(gga(f"03150{i}.00") + GSA, now=float(i))
    out += stream.poll(10.0)
    out += stream.feed(rmc("031502.00"), now=10.1) + stream.flush()
    assert [f.time_of_day.second for f in out if f.time_of_day] == [0, 1, 2]
    assert stream.epoch_stats.late_sentences == 1


EPOCH = gga("031500.00") + rmc("031500.00") + GSA + GSA_GLO + GSV + gst("031500.00")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_damaged_streams_never_escape_and_counters_add_up(data: st.DataObject) -> None:
    raw = bytearray(EPOCH * 3)
    for _ in range(data.draw(st.integers(0, 12))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= 1 << data.draw(st.integers(0, 7))
    cut = data.draw(st.integers(0, len(raw)))
    stream = NmeaStream()
    fixes = stream.feed(bytes(raw[:cut]), 0.0) + stream.poll(100.0) + stream.flush()
    c = stream.counters
    starts = bytes(raw[:cut]).count(b"$") + bytes(raw[:cut]).count(b"!")
    # Every start character became exactly one thing: an accepted sentence, a rejection
    # (framer or parser) or noise.
    assert c.accepted + c.rejected + c.noise == starts
    for f in fixes:
        assert (f.lat is None) == (f.lon is None)
        if f.sigma_source is SigmaSource.GST:
            assert f.sigma_lat is not None and 0 < f.sigma_lat <= 1000
    assert len(fixes) <= max(1, c.accepted)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_both_parsing_routes_give_the_same_fixes_and_counts(data: st.DataObject) -> None:
    raw = bytearray(EPOCH * 2 + s("PSRFEPE,074150.799,V,,,,,") + s("GPTXT,01,01,02,OK"))
    for _ in range(data.draw(st.integers(0, 8))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= 1 << data.draw(st.integers(0, 7))
    results = []
    for via in (True, False):
        stream = NmeaStream(via_pynmea2=via)
        fixes = stream.feed(bytes(raw), 0.0) + stream.flush()
        results.append((fixes, stream.counters))
    assert results[0] == results[1]
