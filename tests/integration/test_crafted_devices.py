"""Crafted device files through the real CLI: `gnss replay` and `ts parse` (issue 14).

Every file is made here, at test time, from the real captures in ../shared/data (nmea/,
totalstation/) and our fixtures: superscript digits, '1.00....', 1e308, heights alternating
±1e308, NaN, cut lines, binary garbage, NUL bytes, a 50 MB line without a line end, an empty
file. Each runs as its own `fieldapp` process under probe(), which measures its peak memory.

A file that is entirely bad must be refused in one line naming it (exit 1/2). A file with
some bad lines among good ones is read (exit 0) with the bad lines reported by number, its
stdout is strict JSON, and no number in it is NaN or infinite.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from probe import PEAK_MB_LIMIT, ProbeResult, assert_clean_refusal, probe
from testpaths import FIXTURES

from fieldapp.gnss.capture import read_capture
from fieldapp.gnss.fix import fix_problem
from fieldapp.gnss.framing import xor_checksum
from fieldapp.gnss.stream import NmeaStream

BIG = 50 * 1024 * 1024


def _reject_constant(name: str) -> float:
    raise AssertionError(f"non-JSON constant {name} in output")


def strict_json_lines(stdout: str) -> list[dict[str, object]]:
    rows = [json.loads(line, parse_constant=_reject_constant) for line in stdout.splitlines()]
    for row in rows:
        for key, value in row.items():
            # json.loads turns 1e400 into inf without complaint: check every number.
            assert not isinstance(value, float) or math.isfinite(value), (key, row)
    return rows


def assert_read_with_bad_lines(result: ProbeResult, path: Path, jsonl: bool) -> list[dict]:
    """Partly bad input: read (exit 0), problems reported against the file, output clean."""
    assert not result.traceback, result.describe()
    assert result.returncode == 0, result.describe()
    assert result.peak_mb < PEAK_MB_LIMIT, result.describe()
    if not jsonl:
        return []
    rows = strict_json_lines(result.stdout)
    for line in result.stderr.splitlines():
        if line.startswith(str(path)) and not line.endswith("more notes not shown"):
            assert re.match(rf"{re.escape(str(path))}:\d+: ", line), line
    return rows


# ---------------------------------------------------------------- NMEA captures


def resum(body: bytes) -> bytes:
    """'$GPGGA,...' without checksum -> the sentence with a correct one, so the framer keeps
    it and only the range checks stand between it and a Fix."""
    core = body.lstrip(b"$")
    return b"$" + core + b"*%02X" % xor_checksum(core)


def edit_sentences(
    src: Path, kind: bytes, edit: Callable[[int, list[bytes]], list[bytes] | None]
) -> bytes:
    """The capture with every `kind` sentence's fields passed through edit (n, fields)."""
    out = []
    n = 0
    for line in src.read_bytes().split(b"\n"):
        cr = line.endswith(b"\r")
        text = line.rstrip(b"\r")
        if text[3:6] == kind and b"*" in text and text.startswith(b"$"):
            fields = text[: text.rindex(b"*")].split(b",")
            changed = edit(n, fields)
            n += 1
            if changed is not None:
                text = resum(b",".join(changed))
        out.append(text + (b"\r" if cr else b""))
    return b"\n".join(out)


def set_field(index: int, value: bytes | Callable[[int], bytes], every: int = 1):
    def edit(n: int, fields: list[bytes]) -> list[bytes] | None:
        if n % every or len(fields) <= index:
            return None
        fields[index] = value(n) if callable(value) else value
        return fields

    return edit


def alternating_heights(n: int) -> bytes:
    return b"1e308" if n % 2 == 0 else b"-1e308"


@pytest.fixture
def nmea(shared_data: Path) -> Path:
    return shared_data / "nmea"


def test_plus_minus_1e308_heights_never_leave_the_reader(nmea: Path, tmp_path: Path) -> None:
    """Issue 14: heights alternating ±1e308 gave a NaN mean that passed the gates."""
    data = edit_sentences(nmea / "nmea-rtk.log", b"GGA", set_field(9, alternating_heights))
    path = tmp_path / "plusminus1e308.log"
    path.write_bytes(data)

    capture = read_capture(path)
    stream = NmeaStream(first_line=len(capture.comments) + 1)
    fixes = stream.feed(capture.data, 0.0) + stream.flush()
    ggas = data.count(b"GGA,")
    assert stream.counters.malformed == ggas == 122
    # Every epoch still has its RMC position, but no height: nothing to average.
    assert len(fixes) == 122
    assert all(f.height is None and f.alt_msl is None for f in fixes)
    assert all(fix_problem(f) is None for f in fixes)
    assert {line for line, _ in stream.counters.problems} == {10 + 2 * i for i in range(20)}

    result = probe("gnss", "replay", path, "--jsonl")
    rows = assert_read_with_bad_lines(result, path, jsonl=True)
    assert len(rows) == 122 and all(r["height"] is None for r in rows)
    assert f"{path}:10: rejected: GGA: altitude 1e308 outside -1000..10000" in result.stderr


def test_every_other_height_1e308_leaves_the_real_heights_alone(nmea: Path, tmp_path: Path) -> None:
    edit = set_field(9, b"1e308", every=2)
    path = tmp_path / "half.log"
    path.write_bytes(edit_sentences(nmea / "nmea-rtk.log", b"GGA", edit))
    rows = assert_read_with_bad_lines(probe("gnss", "replay", path, "--jsonl"), path, True)
    heights = [r["height"] for r in rows if r["height"] is not None]
    assert len(heights) == 61
    mean = sum(heights) / len(heights)  # type: ignore[arg-type]
    assert math.isfinite(mean) and 240 < mean < 250


def test_an_epoch_whose_height_sum_is_implausible_is_dropped_and_counted(
    nmea: Path, tmp_path: Path
) -> None:
    # Altitude 9999 m and separation 150 m pass one by one; their sum is no height on Earth.
    def edit(n: int, fields: list[bytes]) -> list[bytes] | None:
        if n % 2:
            return None
        fields[9], fields[11] = b"9999.0", b"150.0"
        return fields

    path = tmp_path / "sum.log"
    path.write_bytes(edit_sentences(nmea / "nmea-rtk.log", b"GGA", edit))
    result = probe("gnss", "replay", path, "--jsonl")
    rows = assert_read_with_bad_lines(result, path, jsonl=True)
    assert len(rows) == 61 and "epochs dropped as implausible: 61" in result.stderr


PARTLY_BAD_NMEA = {
    # name: (capture, sentence type, edit)
    "hdop-1e308": ("ublox-zed-f9r.log", b"GGA", set_field(8, b"1e308", every=3)),
    "gsa-pdop-1e308": ("ublox-zed-f9p-nmea.log", b"GSA", set_field(15, b"1e308", every=2)),
    "geoid-sep-inf": ("polarx2.log", b"GGA", set_field(11, b"inf", every=2)),
    "lat-nan": ("skytraq-dgps.log", b"GGA", set_field(2, b"nan", every=2)),
    "sats-superscript": ("quectel-l76k-nmea.log", b"GGA", set_field(7, "1²".encode(), every=2)),
    "speed-1.00....": ("ros_nmea_navsat_driver_nmea.log", b"RMC", set_field(7, b"1.00....")),
    "gst-sigma-1e308": ("skytraq-dgps.log", b"GST", set_field(6, b"1e308")),
}


@pytest.mark.parametrize("name", sorted(PARTLY_BAD_NMEA))
def test_hostile_fields_in_a_real_capture(nmea: Path, tmp_path: Path, name: str) -> None:
    capture, kind, edit = PARTLY_BAD_NMEA[name]
    data = edit_sentences(nmea / capture, kind, edit)
    assert data != (nmea / capture).read_bytes()
    path = tmp_path / f"{name}.log"
    path.write_bytes(data)
    rows = assert_read_with_bad_lines(probe("gnss", "replay", path, "--jsonl"), path, True)
    assert rows, "the good epochs of the capture must still come out"


def damaged_lines(src: Path, seed: int, damage: Callable[[random.Random, bytes], bytes]) -> bytes:
    rnd = random.Random(seed)
    return b"\n".join(
        damage(rnd, ln) if rnd.random() < 0.3 else ln for ln in src.read_bytes().split(b"\n")
    )


def truncate(rnd: random.Random, line: bytes) -> bytes:
    return line[: rnd.randrange(len(line) + 1)]


def nul_bytes(rnd: random.Random, line: bytes) -> bytes:
    at = rnd.randrange(len(line) + 1)
    return line[:at] + b"\x00" * rnd.randint(1, 50) + line[at:]


def binary(rnd: random.Random, line: bytes) -> bytes:
    return line + rnd.randbytes(rnd.randint(1, 200)) + b"\n"


@pytest.mark.parametrize(
    ("capture", "damage", "jsonl"),
    [
        ("ros_nmea_navsat_driver_nmea.log", truncate, True),
        ("garmin-10x.log", nul_bytes, True),
        ("beidou-bd.log", binary, False),
    ],
)
def test_damaged_lines_among_good_ones(
    nmea: Path, tmp_path: Path, capture: str, damage: Callable, jsonl: bool
) -> None:
    path = tmp_path / f"{damage.__name__}-{capture}"
    path.write_bytes(damaged_lines(nmea / capture, 14, damage))
    args = ["gnss", "replay", path, *(["--jsonl"] if jsonl else [])]
    result = probe(*args)
    assert_read_with_bad_lines(result, path, jsonl)
    if not jsonl:
        assert "epochs:" in result.stdout


def test_a_50mb_line_inside_a_capture_is_skipped_in_bounded_memory(
    nmea: Path, tmp_path: Path
) -> None:
    good = (nmea / "nmea-rtk.log").read_bytes()
    path = tmp_path / "long-line-inside.log"
    path.write_bytes(good + b"\r\n$GPGGA," + b"7" * BIG + b"\r\n" + good)
    result = probe("gnss", "replay", path)
    assert_read_with_bad_lines(result, path, jsonl=False)
    assert "too long 1" in result.stdout
    assert "epochs: 244 (244 with a position)" in result.stdout


ENTIRELY_BAD_NMEA: dict[str, Callable[[Path], bytes]] = {
    "empty": lambda nmea: b"",
    "comments-only": lambda nmea: b"# receiver: none\n# nothing recorded\n",
    "binary-garbage": lambda nmea: random.Random(3).randbytes(300_000),
    "nul-bytes": lambda nmea: b"\x00" * 1_000_000,
    "50mb-line-no-newline": lambda nmea: b"$GPGGA," + b"1" * BIG,
    "50mb-comment-no-newline": lambda nmea: b"#" + b"x" * BIG,
    "non-utf8": lambda nmea: "# Empfänger\n".encode("latin-1") + b"\xff\xfe\xc3(" * 5000,
    "every-height-1e308": lambda nmea: b"\r\n".join(
        resum(b"$GNGGA,1328%02d.60,4134.4979,N,09345.0343,W,4,10,0.9,1e308,M,-31.4,M,," % s)
        for s in range(50)
    ),
    "every-checksum-wrong": lambda nmea: (nmea / "nmea-rtk.log").read_bytes().replace(b"*", b"*0"),
}


@pytest.mark.parametrize("name", sorted(ENTIRELY_BAD_NMEA))
def test_a_file_without_one_usable_sentence_is_refused_in_one_line(
    nmea: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.log"
    path.write_bytes(ENTIRELY_BAD_NMEA[name](nmea))
    result = probe("gnss", "replay", path, "--jsonl")
    assert_clean_refusal(result, str(path))
    assert result.stdout == ""


# ---------------------------------------------------------------- total-station files


@pytest.fixture
def ts(shared_data: Path) -> Path:
    return shared_data / "totalstation"


def sub_every(pattern: bytes, repl: bytes, every: int) -> Callable[[bytes], bytes]:
    def apply(data: bytes) -> bytes:
        count = 0

        def one(match: re.Match[bytes]) -> bytes:
            nonlocal count
            count += 1
            return repl if count % every == 0 else match.group(0)

        return re.sub(pattern, one, data)

    return apply


SUPERSCRIPT = "²".encode("latin-1")
PARTLY_BAD_TS = {
    # name: (file, mutation)
    "gsi16-superscript": (
        "tops_leica_gsi16_gurob.gsi",
        sub_every(rb"(?<=\+)0000", b"00" + SUPERSCRIPT + b"0", 7),
    ),
    "gsi-network-huge": (
        "geoeasy_network.GSI",
        sub_every(rb"31\.\.\S\S\+\d{16}", b"31..00+9999999999999999", 5),
    ),
    "gsi8-nonutf8": ("tops_RILIEVO.gsi", sub_every(rb"\+", b"+\xff\xfe", 9)),
    "sdr-1e308-nan": ("geoeasy_nikon_focus6_1.sdr", sub_every(rb"\d+\.\d+", b"1e308", 4)),
    "tcr705-1.00....": ("tops_leica_tcr_705.txt", sub_every(rb"1\.00", b"1.00....", 2)),
    "ruide-nan-inf": ("geoeasy_ruide_r2_group_1_obs.raw", sub_every(rb"1\.\d+", b"nan", 3)),
    "gts7-truncated": ("geoeasy_topcon_gpt7000_jkv.gts7", sub_every(rb",[^,\n]*\n", b"\n", 3)),
    "topcon-gts-superscript": (
        "tops_topcon_gts_229.txt",
        sub_every(rb"1\.500", b"1.5" + SUPERSCRIPT + b"0", 2),
    ),
    "gsi16-long-line": (
        "tops_leica_gsi16_gurob.gsi",
        lambda d: d[:2000] + b"\r\n*11" + b"0" * 200_000 + b"\r\n" + d[2000:],
    ),
}


@pytest.mark.parametrize("name", sorted(PARTLY_BAD_TS))
def test_ts_parse_reads_the_good_records_and_names_the_bad_lines(
    ts: Path, tmp_path: Path, name: str
) -> None:
    source, mutation = PARTLY_BAD_TS[name]
    original = (ts / source).read_bytes()
    data = mutation(original)
    assert data != original
    path = tmp_path / f"{name}{Path(source).suffix}"
    path.write_bytes(data)
    result = probe("ts", "parse", path, "--jsonl", "--all")
    rows = assert_read_with_bad_lines(result, path, jsonl=True)
    assert rows
    assert f"{path}:" in result.stderr, "the bad lines must be reported"


def test_ts_parse_table_of_a_damaged_file(ts: Path, tmp_path: Path) -> None:
    path = tmp_path / "damaged.gsi"
    path.write_bytes(sub_every(rb"\d{8} ", "0000000² ".encode("latin-1"), 3)(
        (FIXTURES / "totalstation" / "gsi16_utm_stations.gsi").read_bytes()
    ))  # fmt: skip
    result = probe("ts", "parse", path)
    assert_read_with_bad_lines(result, path, jsonl=False)
    assert "records" in result.stdout.splitlines()[0]


ENTIRELY_BAD_TS: dict[str, tuple[Callable[[Path], bytes], tuple[str, ...]]] = {
    "empty.gsi": (lambda ts: b"", ()),
    "garbage.bin": (lambda ts: random.Random(5).randbytes(200_000), ()),
    "50mb-line.gsi": (lambda ts: b"*110001+" + b"1" * BIG, ("--format", "gsi")),
    "superscript-everywhere.gsi": (
        lambda ts: (ts / "tops_leica_gsi16_gurob.gsi").read_bytes().replace(b"0", "²".encode()),
        ("--format", "gsi"),
    ),
    "sdr-header-only.sdr": (lambda ts: b"00NMSDR33 V04-04.02 211111\r\n09F1" + b"\xff" * 80, ()),
}


@pytest.mark.parametrize("name", sorted(ENTIRELY_BAD_TS))
def test_ts_parse_refuses_a_file_without_one_record_in_one_line(
    ts: Path, tmp_path: Path, name: str
) -> None:
    make, extra = ENTIRELY_BAD_TS[name]
    path = tmp_path / name
    path.write_bytes(make(ts))
    result = probe("ts", "parse", path, "--jsonl", *extra)
    assert_clean_refusal(result, str(path))
    assert result.stdout == ""


# ---------------------------------------------------------------- raw GNSS files (gnss-raw/)


def test_raw_ubx_with_its_nmea_is_read_and_damaged_ubx_too(
    shared_data: Path, tmp_path: Path
) -> None:
    # The u-blox log carries NMEA between its binary messages; flipped bytes must not matter.
    raw = bytearray((shared_data / "gnss-raw" / "ubx_20080526.ubx").read_bytes())
    rnd = random.Random(9)
    for _ in range(2000):
        raw[rnd.randrange(len(raw))] ^= 1 << rnd.randrange(8)
    path = tmp_path / "flipped.ubx"
    path.write_bytes(bytes(raw))
    rows = assert_read_with_bad_lines(probe("gnss", "replay", path, "--jsonl"), path, True)
    assert 150 < len(rows) <= 242


@pytest.mark.parametrize("name", ["GMSD7_20121014.rtcm3", "07590920.05o"])
def test_raw_files_without_nmea_are_refused_in_one_line(shared_data: Path, name: str) -> None:
    # RTCM 3 and RINEX are not NMEA captures: refused with the reason, never "0 epochs".
    path = shared_data / "gnss-raw" / name
    result = probe("gnss", "replay", path, "--jsonl")
    assert_clean_refusal(result, str(path))
    assert "no NMEA sentences found" in result.stderr
