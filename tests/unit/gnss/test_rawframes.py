"""UBX / RTCM 3 framer: the shared raw files cross-checked with pyubx2/pyrtcm, and garbage."""

from __future__ import annotations

import itertools
import random
import struct
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from rawstreams import RTCM_FILE, UBX_FILE, rtcm_epochs, rtcm_reference, ubx_epochs, ubx_reference
from testpaths import shared_data_dir

from fieldapp.gnss.rawepochs import gpst_iso, resolve_week10
from fieldapp.gnss.rawframes import (
    UBX_MAX_PAYLOAD,
    RawFramer,
    crc24q,
    scan_raw_file,
    ubx_checksum,
)


def _ubx(cls: int, msg_id: int, payload: bytes) -> bytes:
    body = bytes((cls, msg_id)) + struct.pack("<H", len(payload)) + payload
    return b"\xb5\x62" + body + ubx_checksum(body)


def _rtcm(payload: bytes) -> bytes:
    head = b"\xd3" + struct.pack(">H", len(payload))
    return head + payload + crc24q(head + payload).to_bytes(3, "big")


def _rawx(tow_s: float, week: int) -> bytes:
    return _ubx(0x02, 0x15, struct.pack("<dHbBBBBB", tow_s, week, 18, 0, 1, 1, 0, 0))


GGA = b"$GPGGA,120000.00,0605.1234,S,10648.5678,E,1,08,1.0,10.0,M,0.0,M,,*4A\r\n"


def _frames(framer: RawFramer, chunks: list[bytes]) -> list[bytes]:
    out = [f.data for chunk in chunks for f in framer.feed(chunk)]
    return out + [f.data for f in framer.flush()]


@pytest.fixture(scope="module")
def ubx_ref() -> list[tuple[bytes, object]]:
    return ubx_reference(shared_data_dir().joinpath(*UBX_FILE))


@pytest.fixture(scope="module")
def rtcm_ref() -> list[tuple[bytes, object]]:
    return rtcm_reference(shared_data_dir().joinpath(*RTCM_FILE))


def test_ubx_file_matches_pyubx2(shared_data: Path, ubx_ref: list[tuple[bytes, object]]) -> None:
    path = shared_data.joinpath(*UBX_FILE)
    framer = RawFramer()
    data = path.read_bytes()
    frames = _frames(framer, [data[i : i + 4096] for i in range(0, len(data), 4096)])
    assert frames == [raw for raw, _ in ubx_ref]

    scan = scan_raw_file(path)
    epochs = ubx_epochs(ubx_ref)
    assert scan.protocol == "ubx"
    assert scan.frames == len(ubx_ref) == 1084
    assert scan.observation_epochs == len(epochs) == 242
    assert scan.messages == dict(Counter(str(m.identity) for _, m in ubx_ref))  # type: ignore[attr-defined]
    assert scan.bad_frames == 0
    assert scan.truncated  # the 256 KB cut-off ends inside a frame
    assert scan.first_gpst == gpst_iso(*epochs[0]) == "2008-05-26T05:59:24.999"
    assert scan.last_gpst == gpst_iso(*epochs[-1])
    assert scan.interval_s == 1.0
    assert scan.bytes == len(data)


def test_rtcm_file_matches_pyrtcm(shared_data: Path, rtcm_ref: list[tuple[bytes, object]]) -> None:
    path = shared_data.joinpath(*RTCM_FILE)
    data = path.read_bytes()
    framer = RawFramer()
    assert _frames(framer, [data[i : i + 1000] for i in range(0, len(data), 1000)]) == [
        raw for raw, _ in rtcm_ref
    ]
    scan = scan_raw_file(path)
    assert scan.protocol == "rtcm3"
    assert scan.frames == len(rtcm_ref) == 1143
    assert scan.observation_epochs == rtcm_epochs(rtcm_ref) == 257
    assert scan.messages == {
        f"RTCM-{k}": v
        for k, v in Counter(str(m.identity) for _, m in rtcm_ref).items()  # type: ignore[attr-defined]
    }
    assert scan.truncated and scan.bad_frames == 0
    # GPS week from the 1019 ephemeris (10-bit, resolved to the latest cycle); times from 1077.
    tows = [m.DF004 for _, m in rtcm_ref if str(m.identity) == "1077"]  # type: ignore[attr-defined]
    week = next(m.DF076 for _, m in rtcm_ref if str(m.identity) == "1019") + 1024  # type: ignore[attr-defined]
    assert scan.first_gpst == gpst_iso(week, tows[0]) == "2012-10-13T23:59:44"
    assert scan.last_gpst == gpst_iso(week + 1, tows[-1])  # crossed into a new GPS week
    assert scan.interval_s == 1.0


def test_resolve_week10_latest_cycle_not_in_future() -> None:
    import datetime as dt

    assert resolve_week10(1705 % 1024, dt.date(2026, 12, 3)) == 1705
    assert resolve_week10(2400 % 1024, dt.date(2026, 12, 3)) == 2400
    assert resolve_week10(1000, dt.date(2026, 12, 3)) == 2024


def test_random_bytes_never_crash_and_frames_survive_in_between() -> None:
    rng = random.Random(17)
    good = [_rawx(100.0 + i, 2300) for i in range(20)]
    noise = [bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 300))) for _ in range(21)]
    # Noise that happens to start a plausible frame may swallow the good frame behind it
    # until its checksum fails; resync one byte on must still find every good frame.
    stream = b"".join(n + g for n, g in zip(noise, [*good, b""], strict=True))
    framer = RawFramer()
    frames = _frames(framer, [stream[i : i + 97] for i in range(0, len(stream), 97)])
    assert [f for f in frames if f in good] == good
    assert framer.ubx_epochs.count >= 20


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_no_crash(data: bytes) -> None:
    framer = RawFramer()
    framer.feed(data)
    framer.flush()
    counts = framer.counts
    assert counts.bytes == len(data)
    assert counts.other_bytes <= len(data)


def test_bad_checksum_frame_counted_once_neighbours_intact() -> None:
    a, b, c = _rawx(1.0, 2300), _rawx(2.0, 2300), _rawx(3.0, 2300)
    broken = bytearray(b)
    broken[10] ^= 0xFF
    r1 = _rtcm(bytes.fromhex("3ed0") + bytes(20))
    r2 = bytearray(r1)
    r2[-1] ^= 0x01
    framer = RawFramer()
    frames = _frames(framer, [a + GGA + bytes(broken) + c + bytes(r2) + GGA + r1])
    assert frames == [a, c, r1]
    assert framer.counts.bad_frames == 2
    assert framer.ubx_epochs.count == 2
    assert not framer.counts.truncated


def test_length_claiming_60_kb_is_rejected_without_waiting() -> None:
    liar = b"\xb5\x62\x02\x15" + struct.pack("<H", 60_000) + bytes(40)
    good = _rawx(5.0, 2300)
    framer = RawFramer()
    frames = [f.data for f in framer.feed(liar + good)]  # no flush: found without waiting
    assert frames == [good]
    assert framer.counts.bad_frames == 1 and framer.counts.oversize == 1
    assert UBX_MAX_PAYLOAD < 60_000


_STREAM = (
    GGA
    + _rawx(10.0, 2300)
    + _ubx(0x02, 0x13, bytes(range(40)))
    + GGA
    + _rtcm(bytes.fromhex("4350") + bytes(30))
    + _rawx(11.0, 2300)
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(_STREAM)), max_size=6))
def test_frames_cut_anywhere_come_out_whole(cuts: list[int]) -> None:
    points = [0, *sorted(cuts), len(_STREAM)]
    chunks = [_STREAM[a:b] for a, b in itertools.pairwise(points)]
    framer = RawFramer()
    frames = _frames(framer, chunks)
    assert len(frames) == 4
    assert b"".join(frames) == _STREAM.replace(GGA, b"")
    assert framer.ubx_epochs.count == 2
    assert framer.counts.bad_frames == 0 and not framer.counts.truncated


def test_every_single_cut_offset() -> None:
    for cut in range(len(_STREAM) + 1):
        framer = RawFramer()
        frames = _frames(framer, [_STREAM[:cut], _STREAM[cut:]])
        assert b"".join(frames) == _STREAM.replace(GGA, b""), cut


def test_text_and_jpeg_are_no_raw_protocol(tmp_path: Path, shared_data: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Tanda Batas TB-01\n" * 500)
    jpeg = tmp_path / "photo.jpg"
    Image.effect_noise((256, 256), 64).convert("RGB").save(jpeg, quality=90)
    for path in (text, jpeg, shared_data / "gnss-raw" / "07590920.05o"):
        scan = scan_raw_file(path)
        assert scan.protocol is None, path
        assert scan.frames == 0 and scan.observation_epochs == 0
        assert scan.first_gpst is None
    empty = tmp_path / "empty.ubx"
    empty.write_bytes(b"")
    assert scan_raw_file(empty).protocol is None


def test_truncated_only_when_cut(tmp_path: Path, ubx_ref: list[tuple[bytes, object]]) -> None:
    whole = b"".join(raw for raw, _ in ubx_ref[:50])
    full = tmp_path / "full.ubx"
    full.write_bytes(whole)
    cut = tmp_path / "cut.ubx"
    cut.write_bytes(whole[:-7])
    assert not scan_raw_file(full).truncated
    scan = scan_raw_file(cut)
    assert scan.truncated and scan.frames == 49 and scan.protocol == "ubx"


def test_rtcm_multiple_message_bit_groups_systems() -> None:
    def msm(number: int, tow_ms: int, more: int) -> bytes:
        bits = (number << 148) | (0 << 136) | (tow_ms << 106) | (more << 105)
        return _rtcm(bits.to_bytes(20, "big"))

    # GPS + BeiDou (time 14 s apart, as the standard says) with "more" set: one epoch each.
    stream = b"".join(
        msm(1077, t, 1) + msm(1127, t - 14_000, 0) for t in range(100_000, 105_000, 1000)
    )
    framer = RawFramer()
    _frames(framer, [stream])
    assert framer.rtcm_epochs.count == 5
    assert framer.rtcm_epochs.timeline.interval_s() == 1.0
