"""Property tests over every total-station reader: mutated real files give records or diagnostics.

Seeded from the instrument files in ../shared/data/totalstation and our own GSI fixtures: a
mutation (a Unicode digit, '1.00....', 1e308, NaN, NUL, a cut line, binary bytes) must come
out as typed records whose every number is finite and bounded, plus diagnostics naming real
lines, or a typed refusal of the whole file; never any other exception (issue 14).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testpaths import FIXTURES, shared_data_dir

from fieldapp.gnss.totalstation import geocom, gsi_online
from fieldapp.gnss.totalstation.formats import (
    PARSERS,
    UnknownFormatError,
    detect_format,
    parse_bytes,
)
from fieldapp.gnss.totalstation.model import (
    ANGLE_MAX_DEG,
    COORDINATE_MAX_M,
    MAX_LINE_CHARS,
    ParseResult,
    TsFileError,
)
from fieldapp.gnss.totalstation.units import UnitError, parse_decimal

# Short pieces that broke the readers before (issue 14), and the bytes files really contain.
HOSTILE = [
    "²".encode(), b"\xb2", "٣".encode(), b"1.00....", b"1e308", b"-1e308", b"nan", b"inf",
    b"\x00", b"\xff\xfe", b"-", b".", b"+", b"9" * 40, b"E", b",", b"_", b"*", b"\x02",
    b"\x03", b" ", b"\r", b"\t", b"1_000",
]  # fmt: skip
# Leading lines of each file are enough to reach every record kind and keep examples fast.
SEED_LINES = 80


@functools.cache
def seeds() -> tuple[tuple[str, str, bytes], ...]:
    """(file name, its format, its first SEED_LINES lines) for every instrument file we have."""
    shared = shared_data_dir() / "totalstation"
    paths = [p for p in sorted(shared.iterdir()) if not p.name.startswith(("COPYING", "LICENSE"))]
    paths += sorted((FIXTURES / "totalstation").glob("*.gsi"))
    out = []
    for path in paths:
        data = path.read_bytes()
        head = b"".join(data.splitlines(keepends=True)[:SEED_LINES])
        out.append((path.name, detect_format(data), head))
    return tuple(out)


def mutate(data: bytes, draw: st.DataObject) -> bytes:
    lines = data.splitlines(keepends=True)
    for _ in range(draw.draw(st.integers(1, 4), label="mutations")):
        i = draw.draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        at = draw.draw(st.integers(0, len(line)))
        piece = draw.draw(st.one_of(st.sampled_from(HOSTILE), st.binary(max_size=6)))
        how = draw.draw(st.sampled_from(["insert", "overwrite", "cut", "drop", "repeat"]))
        if how == "insert":
            line = line[:at] + piece + line[at:]
        elif how == "overwrite":
            line = line[:at] + piece + line[at + len(piece) :]
        elif how == "cut":
            line = line[:at]
        elif how == "drop":
            line = line[:at] + line[at + 1 :]
        else:
            line = line * draw.draw(st.integers(2, 5))
        lines[i] = line
    return b"".join(lines)


def assert_typed_and_finite(result: ParseResult, data: bytes) -> None:
    last_line = max(1, len(data.splitlines()))
    for record in result.records:
        assert 1 <= record.line <= last_line, record
        for name, value in vars(record).items():
            if isinstance(value, float):
                assert math.isfinite(value), (name, record)
                bound = ANGLE_MAX_DEG if name in {"hz", "v", "azimuth"} else COORDINATE_MAX_M
                assert abs(value) <= bound, (name, record)
    for diag in result.diagnostics:
        assert 1 <= diag.line <= last_line, diag
        assert "\n" not in diag.message, diag


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.data())
def test_mutated_instrument_files_give_finite_records_and_diagnostics(data: st.DataObject) -> None:
    _name, fmt, seed = data.draw(st.sampled_from(seeds()), label="file")
    mutated = mutate(seed, data)
    # With the format forced (as `ts parse --format` does): the reader itself must cope.
    assert_typed_and_finite(PARSERS[fmt](mutated), mutated)
    # And through detection, which may refuse the file as a whole, with its typed error.
    try:
        result = parse_bytes(mutated)
    except (UnknownFormatError, TsFileError):
        return
    assert_typed_and_finite(result, mutated)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(st.sampled_from(sorted(PARSERS)), st.binary(max_size=400))
def test_random_bytes_through_every_reader(fmt: str, raw: bytes) -> None:
    assert_typed_and_finite(PARSERS[fmt](raw), raw)


# Topcon GTS is framed by STX/ETX blocks, not lines: bytes outside a block are not read at all.
@pytest.mark.parametrize("fmt", sorted(set(PARSERS) - {"topcon-gts"}))
def test_an_over_long_line_is_reported_and_the_lines_after_it_still_read(fmt: str) -> None:
    name, _fmt, seed = next(s for s in seeds() if s[1] == fmt or fmt == "sokkia-set")
    if fmt == "sokkia-set":
        seed = b"0012345 0901234 1801234\r\n0012346 0901235 1801235\r\n"
    data = b"1" * (MAX_LINE_CHARS * 3) + b"\r\n" + seed
    result = PARSERS[fmt](data)
    assert_typed_and_finite(result, data)
    assert result.diagnostics[0].line == 1
    assert "longer than" in result.diagnostics[0].message
    alone = PARSERS[fmt](seed)
    assert len(result.records) == len(alone.records), name


@pytest.mark.parametrize(
    "text", ["1²", "²", "1.00....", "1e308", "nan", "inf", "1_000", "٣", "", "+", "1" * 30]
)
def test_parse_decimal_accepts_only_what_instruments_write(text: str) -> None:
    with pytest.raises(UnitError):
        parse_decimal(text, "value")


@pytest.mark.parametrize("text", ["1", "-1.5", "+0.25", ".5", "12.", "0013.825"])
def test_parse_decimal_reads_instrument_numbers(text: str) -> None:
    assert parse_decimal(text, "value") == float(text)


def test_a_value_past_its_bound_is_an_error_on_its_line_not_a_record(tmp_path: Path) -> None:
    # GSI-16 slope distance of 16 nines in mm: 9 999 999 999 999.999 m.
    line = b"*110001+0000000000000001 31..00+9999999999999999 \r\n"
    result = PARSERS["gsi"](b"*110001+0000000000000002 21.324+0000000000000000 \r\n" + line)
    assert len(result.records) == 1
    assert [(d.line, "sd" in d.message) for d in result.diagnostics] == [(2, True)]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308"])
def test_an_online_reply_with_a_non_finite_value_is_unreadable_not_a_measurement(
    value: str,
) -> None:
    # The session turns ValueError into "unreadable reply" for the surveyor.
    reply = geocom.parse_reply(f"%R1P,0,0:0,0.1,{value},12.3\r\n".encode())
    with pytest.raises(ValueError, match="not a measurement"):
        geocom.decode_simple_measurement(reply)


def test_an_instrument_error_code_in_unicode_digits_is_no_code() -> None:
    assert gsi_online.GsiOnlineError("@W1²7").code is None
    assert gsi_online.GsiOnlineError("@W127").code == 127
