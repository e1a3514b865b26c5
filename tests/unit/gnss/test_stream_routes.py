"""The streaming pipeline's own field split gives what the pynmea2 route gives, on real data.

Live and replay parse fields themselves (checksum checked by the framer); the pynmea2 route
(``pynmea2.parse(line, check=True)``, then the same conversions) is the reference. Every
capture in ../shared/data/nmea, and gpsd's ``.chk`` decodings (sentences echoed between JSON
reports), must give identical epochs, field for field, identical counts and the same
rejected lines; mutated real lines must be accepted or refused alike.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.gnss.capture import CHUNK, fix_json, fix_record, read_capture
from fieldapp.gnss.epochs import EpochStats
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.framing import Counters
from fieldapp.gnss.stream import NmeaStream
from tests.testpaths import shared_data_dir


def run(
    data: bytes, *, via_pynmea2: bool, chunk: int = CHUNK
) -> tuple[list[Fix], Counters, EpochStats]:
    stream = NmeaStream(via_pynmea2=via_pynmea2)
    fixes: list[Fix] = []
    for i in range(0, len(data), chunk):
        fixes.extend(stream.feed(data[i : i + chunk], 0.0))
    fixes.extend(stream.flush())
    return fixes, stream.counters, stream.epoch_stats


def assert_same(data: bytes, name: str, chunk: int = CHUNK) -> list[Fix]:
    ours, c_ours, e_ours = run(data, via_pynmea2=False, chunk=chunk)
    ref, c_ref, e_ref = run(data, via_pynmea2=True, chunk=chunk)
    assert len(ours) == len(ref), name
    for a, b in zip(ours, ref, strict=True):
        # repr as well as ==: 0.0 == -0.0, and an int where a float was would compare equal.
        assert a == b, name
        assert repr(a) == repr(b), name
    assert c_ours == c_ref, name
    assert sorted(c_ours.problems) == sorted(c_ref.problems), name
    assert e_ours == e_ref, name
    return ours


def nmea_files() -> list[Path]:
    folder = shared_data_dir() / "nmea"
    return sorted(folder.glob("*.log")) + sorted(folder.glob("*.log.chk"))


def test_own_split_equals_pynmea2_route_on_every_shared_file() -> None:
    epochs = 0
    files = nmea_files()
    assert len(files) >= 20
    for path in files:
        fixes = assert_same(read_capture(path).data, path.name)
        epochs += len(fixes)
        for fix in fixes:
            # The replay --jsonl line is what json.dumps made of the record before.
            assert fix_json(fix) == json.dumps(fix_record(fix), allow_nan=False), path.name
    assert epochs > 1400


def test_chunking_does_not_change_the_result() -> None:
    path = shared_data_dir() / "nmea" / "ublox-zed-f9r.log"  # binary UBX/RTCM mixed in
    data = read_capture(path).data
    whole, counters, _ = run(data, via_pynmea2=False)
    pieces, small_counters, _ = run(data, via_pynmea2=False, chunk=61)
    assert pieces == whole
    # Binary data is skipped in amounts that depend on where reads end; sentences are not.
    assert small_counters.sentences == counters.sentences
    assert small_counters.rejected == counters.rejected
    assert sorted(small_counters.problems) == sorted(counters.problems)


@functools.cache
def real_lines() -> tuple[bytes, ...]:
    """Every line of every shared capture that starts with ``$`` (good, bad and damaged)."""
    out: list[bytes] = []
    for path in sorted((shared_data_dir() / "nmea").glob("*.log")):
        out.extend(ln for ln in read_capture(path).data.splitlines() if ln.startswith(b"$"))
    return tuple(out)


HOSTILE = [
    b"", b"0", b"-0", b"1e308", b"nan", b"inf", b"99.99", b"-1", b"12", b"A", b"V", b"N",
    b"1.5.", b"0000.0000", b"23595.99", b"+3", b"\xb2",
]  # fmt: skip


def mutate(line: bytes, data: st.DataObject) -> bytes:
    raw = bytearray(line)
    kind = data.draw(st.sampled_from(["flip", "field", "cut", "insert", "none"]))
    if kind == "flip" and raw:
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "field":
        # A field replaced and the checksum made right again, so only the values are judged.
        star = raw.rfind(b"*")
        body = bytes(raw[1:star] if star > 0 else raw[1:])
        fields = body.split(b",")
        i = data.draw(st.integers(0, len(fields) - 1))
        fields[i] = data.draw(st.sampled_from(HOSTILE))
        body = b",".join(fields)
        check = 0
        for byte in body:
            check ^= byte
        raw = bytearray(b"$" + body + b"*" + f"{check:02X}".encode())
    elif kind == "cut" and raw:
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif kind == "insert":
        i = data.draw(st.integers(0, len(raw)))
        raw[i:i] = data.draw(st.sampled_from([b"$", b",", b"*", b"\r", b"\n", b"!", b"\x00"]))
    return bytes(raw)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.data())
def test_mutated_real_lines_are_judged_alike_by_both_routes(data: st.DataObject) -> None:
    lines = real_lines()
    start = data.draw(st.integers(0, len(lines) - 30))
    chosen = list(lines[start : start + 30])
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(chosen) - 1))
        chosen[i] = mutate(chosen[i], data)
    assert_same(b"\r\n".join(chosen) + b"\r\n", "mutated", chunk=data.draw(st.integers(7, 4096)))


def test_json_line_keeps_zeros_signs_and_ints_as_json_dumps_does() -> None:
    import datetime as dt

    from fieldapp.gnss.fix import SigmaSource

    fixes = [
        Fix(dt.time(0, 0), lat=-0.0, lon=0.0, quality=0, sats_used=0, hdop=1.0, pdop=1),  # type: ignore[arg-type]
        Fix(dt.time(0, 0), lat=0.0, lon=-0.0, quality=1, sats_used=1, hdop=1, pdop=1.0),  # type: ignore[arg-type]
        Fix(
            dt.time(23, 59, 59, 999999),
            dt.date(2026, 12, 3),
            lat=-6.2,
            lon=106.8,
            height=1e-7,
            sigma_lat=0.01,
            sigma_source=SigmaSource.GST,
        ),
        Fix(None),
    ]
    for fix in fixes:
        assert fix_json(fix) == json.dumps(fix_record(fix), allow_nan=False)


def test_rejected_lines_listed_are_the_earliest_whatever_order_they_were_found_in() -> None:
    from fieldapp.gnss.framing import MAX_PROBLEMS

    c = Counters()
    # The framer notes later lines of a chunk before the parser notes earlier ones.
    for line in [*range(100, 100 + MAX_PROBLEMS), *range(1, 6), 500]:
        c.note(line, "bad checksum")
    assert sorted(n for n, _ in c.problems) == [*range(1, 6), *range(100, 100 + MAX_PROBLEMS - 5)]
