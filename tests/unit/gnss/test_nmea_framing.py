"""NMEA framing: line ends, prefixes, garbage, binary, collisions, over-long, checksum classes."""

from __future__ import annotations

import functools
import operator

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.gnss.framing import MAX_SENTENCE_LEN, NmeaFramer, xor_checksum

GGA = "$GPGGA,030131.00,2638.1728,N,08011.3893,W,1,06,1.5,00016,M,-0028,M,,*56"
RMC = "$GPRMC,030131.0,A,2638.1728,N,08011.3893,W,0.00,219.6,010413,,*20"
GSA = "$GPGSA,A,3,08,07,11,28,17,26,,,,,,,02.6,01.5,02.1*06"


def sentence(body: str) -> str:
    return f"${body}*{xor_checksum(body.encode()):02X}"


def frame(data: bytes) -> tuple[list[str], NmeaFramer]:
    f = NmeaFramer()
    return f.feed(data) + f.flush(), f


def test_checksum_fold_equals_plain_xor_for_all_lengths() -> None:
    for n in range(300):
        body = bytes((i * 37 + n) % 256 for i in range(n))
        assert xor_checksum(body) == functools.reduce(operator.xor, body, 0)


def test_line_end_conventions_all_frame_the_same() -> None:
    for eol in (b"\r\n", b"\n", b"\r"):
        data = eol.join(s.encode() for s in (GGA, RMC, GSA)) + eol
        out, f = frame(data)
        assert out == [GGA, RMC, GSA]
        assert f.counters.rejected == 0


def test_sentences_split_across_chunks_byte_by_byte() -> None:
    data = f"{GGA}\r\n{RMC}\r\n".encode()
    f = NmeaFramer()
    out: list[str] = []
    for i in range(len(data)):
        out += f.feed(data[i : i + 1])
    assert out == [GGA, RMC]
    assert f.counters.rejected == 0


def test_double_dollar_prefix_and_leading_garbage_are_skipped() -> None:
    out, f = frame(f",1.7,-30.40,M,*7D\r\nxx\x00\x01$${GGA}\r\n$${RMC}\r\n".encode())
    assert out == [GGA, RMC]
    assert f.counters.rejected == 0
    assert f.counters.skipped_bytes > 0


def test_binary_with_dollar_bytes_between_sentences_is_noise_not_rejections() -> None:
    ubx = bytes([0xB5, 0x62, 0x01, 0x07, 0x5C, 0x00]) + b"$\x00\x9f\r\xff$\x12" + bytes(range(256))
    out, f = frame(GGA.encode() + b"\r\n" + ubx + RMC.encode() + b"\r\n" + ubx)
    assert out == [GGA, RMC]
    assert f.counters.rejected == 0


def test_binary_glued_to_a_sentence_start_does_not_lose_it() -> None:
    out, _ = frame(b"\xb5\x62\x02\x15" + GGA.encode() + b"\r\n")
    assert out == [GGA]


def test_collided_sentence_is_rejected_and_the_next_one_kept() -> None:
    # triton400.log line 12: "$GPGGA,030130" ran straight into the next GLL.
    gll = "$GPGLL,2638.1728,N,08011.3893,W,030131.000,A,A*41"
    out, f = frame(f"$GPGGA,030130{gll}\n".encode())
    assert out == [gll]
    assert f.counters.no_checksum == 1


def test_rejection_classes_are_counted_separately() -> None:
    bad = GGA[:-2] + ("00" if GGA[-2:] != "00" else "01")
    data = "\n".join(
        [
            GGA,
            bad,  # wrong checksum
            GGA[: GGA.index("*")],  # no checksum
            GGA[:-1],  # one hex digit only
            GGA[:-2] + "ZZ",  # not hex
            "$GPGGA," + "1," * 80 + "*00",  # over-long
        ]
    ).encode()
    out, f = frame(data + b"\n")
    c = f.counters
    assert out == [GGA]
    assert (c.bad_checksum, c.no_checksum, c.malformed, c.too_long) == (1, 1, 2, 1)


def test_over_long_unterminated_sentence_does_not_grow_the_buffer() -> None:
    f = NmeaFramer()
    f.feed(b"$GPGGA," + b"9" * 10_000)
    assert len(f._buf) <= MAX_SENTENCE_LEN
    assert f.counters.too_long == 1
    assert f.feed(b"\n" + GGA.encode() + b"\n") == [GGA]


def test_lowercase_checksum_is_accepted() -> None:
    body = "GPGSA,A,3,08,07,11,28,17,26,,,,,,,02.6,01.5,02.1"
    out, _ = frame(f"${body}*{xor_checksum(body.encode()):02x}\n".encode())
    assert out == [f"${body}*{xor_checksum(body.encode()):02x}"]


# --- properties --------------------------------------------------------------------------

GOOD = [GGA, RMC, GSA, sentence("GNGST,231408.00,32,0.19,0.12,97,0.049,0.078,0.088")]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.lists(st.integers(1, 64), max_size=20))
def test_random_bytes_never_escape_and_chunking_does_not_matter(
    data: bytes, cuts: list[int]
) -> None:
    whole, f1 = frame(data)
    f2 = NmeaFramer()
    pieces: list[str] = []
    pos = 0
    for cut in cuts:
        pieces += f2.feed(data[pos : pos + cut])
        pos += cut
    pieces += f2.feed(data[pos:]) + f2.flush()
    assert pieces == whole
    assert f1.counters == f2.counters
    c = f1.counters
    # Every start character is accounted for exactly once (the framer counts no types).
    assert len(whole) + c.rejected + c.noise == data.count(b"$") + data.count(b"!")
    for s in whole:
        star = s.rindex("*")
        assert int(s[star + 1 :], 16) == xor_checksum(s[1:star].encode())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(GOOD), min_size=1, max_size=8),
    st.lists(st.binary(max_size=40).filter(lambda b: b"$" not in b and b"!" not in b), max_size=8),
)
def test_good_sentences_survive_garbage_without_start_characters(
    sentences: list[str], garbage: list[bytes]
) -> None:
    data = b""
    for i, s in enumerate(sentences):
        data += (garbage[i] if i < len(garbage) else b"") + b"\r\n" + s.encode() + b"\r\n"
    out, f = frame(data)
    assert out == sentences
    assert f.counters.rejected == 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GOOD), st.data())
def test_bit_flips_and_truncations_are_rejected_or_counted(s: str, data: st.DataObject) -> None:
    raw = bytearray(s.encode())
    i = data.draw(st.integers(1, len(raw) - 1))
    raw[i] ^= 1 << data.draw(st.integers(0, 7))
    cut = data.draw(st.integers(2, len(raw)))
    for damaged in (bytes(raw), s.encode()[:cut]):
        out, f = frame(damaged + b"\n")
        c = f.counters
        if out:
            # XOR detects every single-bit error in the body; a flip may only have hit a
            # hex digit's case, or a truncation may have left the sentence whole.
            assert out == [s] or out[0].upper() == s.upper()
        else:
            assert c.rejected + (1 if c.skipped_bytes else 0) >= 1
        assert len(out) <= 1


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(GOOD),
            st.binary(max_size=30).filter(lambda b: b"\n" not in b and b"\r" not in b),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([b"\n", b"\r\n", b"\r"]),
    st.lists(st.integers(1, 40), max_size=30),
    st.integers(1, 50),
)
def test_every_sentence_carries_its_line_number_whatever_the_chunking(
    items: list[str | bytes], eol: bytes, cuts: list[int], first_line: int
) -> None:
    # Issue 14: a rejected sentence is reported with its line. CRLF cut between two reads
    # must not count as two line ends.
    lines = [i.encode() if isinstance(i, str) else i for i in items]
    data = eol.join(lines) + eol
    expected = [
        (first_line + n, line.decode())
        for n, line in enumerate(lines)
        if isinstance(items[n], str) and line.count(b"$") == 1
    ]
    f = NmeaFramer(first_line=first_line)
    got: list[tuple[int, str]] = []
    pos = 0
    for cut in [*cuts, len(data)]:
        out = f.feed(data[pos : pos + cut])
        got += zip(f.line_numbers, out, strict=True)
        pos += cut
        if pos >= len(data):
            break
    out = f.flush()
    got += zip(f.line_numbers, out, strict=True)
    assert [g for g in got if g in expected] == expected


def test_line_numbers_are_paired_with_the_sentences_of_each_call() -> None:
    f = NmeaFramer(first_line=10)
    out = f.feed(f"{GGA}\r\n{RMC}\r\nXX\r\n{GSA}".encode())
    assert list(zip(f.line_numbers, out, strict=True)) == [(10, GGA), (11, RMC)]
    assert f.flush() == [GSA] and f.line_numbers == [13]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    st.sampled_from([b"$GPGGA,", b"$", b"", b"\x00", b"\xb5b"]),
    st.binary(min_size=1, max_size=3).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.integers(1000, 200_000),
    st.integers(100, 70_000),
)
def test_an_endless_line_never_grows_the_buffer_and_the_next_sentence_survives(
    start: bytes, filler: bytes, length: int, chunk: int
) -> None:
    data = start + filler * (length // len(filler)) + b"\r\n" + GGA.encode() + b"\r\n"
    f = NmeaFramer()
    out: list[str] = []
    for i in range(0, len(data), chunk):
        out += f.feed(data[i : i + chunk])
        assert len(f._buf) <= MAX_SENTENCE_LEN + 1
    out += f.flush()
    assert out[-1] == GGA
