"""Sans-IO NMEA 0183 framing: raw receiver bytes in, checksum-verified sentences out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# NMEA allows 82 characters including "$" and CRLF; real receivers (u-blox GSV with signal id,
# Septentrio, 8-decimal Trimble) exceed that a little, so allow slack before calling it garbage.
MAX_SENTENCE_LEN = 120
# Talker + type ("GPGGA") or a proprietary address ("PSTMVER", "PUBX").
_MAX_ADDRESS = 10
# Rejected sentences noted with their line numbers: the first few tell what went wrong;
# a file of garbage must not grow the list without bound.
MAX_PROBLEMS = 20

_M512 = (1 << 512) - 1
_M256 = (1 << 256) - 1
_M128 = (1 << 128) - 1
_M64 = (1 << 64) - 1
# Every valid two-character checksum field, upper or lower case, and its value: one dict
# lookup both validates and converts it.
_HEX2 = {
    f"{hi}{lo}".encode(): int(f"{hi}{lo}", 16)
    for hi in "0123456789ABCDEFabcdef"
    for lo in "0123456789ABCDEFabcdef"
}


@dataclass(slots=True)
class Counters:
    """What came through a stream: accepted sentences by type and each rejection class."""

    sentences: dict[str, int] = field(default_factory=dict)
    no_checksum: int = 0
    bad_checksum: int = 0
    malformed: int = 0
    unknown_type: int = 0
    too_long: int = 0
    # "$" fragments without an address field (binary data, the first "$" of "$$"): not
    # rejections, but counted so that every start character is accounted for.
    noise: int = 0
    skipped_bytes: int = 0
    # (line number, what was wrong) of the MAX_PROBLEMS rejections with the lowest line
    # numbers, unordered (framer and parser find them in different orders); 0 = line unknown.
    problems: list[tuple[int, str]] = field(default_factory=list, compare=False)
    # The highest line number in ``problems`` once it is full: later rejections (nearly all
    # of a file of garbage) are turned away with one comparison.
    _ceiling: int = field(default=-1, compare=False, repr=False)

    def note(self, line: int, what: str) -> None:
        problems = self.problems
        if len(problems) < MAX_PROBLEMS:
            problems.append((line, what))
            if len(problems) == MAX_PROBLEMS:
                self._ceiling = max(p[0] for p in problems)
            return
        # Full: the framer may have noted a later line before the parser finds an earlier
        # one; the list keeps the earliest lines whatever the order they were found in.
        if line < self._ceiling:
            worst = max(range(MAX_PROBLEMS), key=lambda i: problems[i][0])
            problems[worst] = (line, what)
            self._ceiling = max(p[0] for p in problems)

    @property
    def accepted(self) -> int:
        return sum(self.sentences.values())

    @property
    def rejected(self) -> int:
        return (
            self.no_checksum
            + self.bad_checksum
            + self.malformed
            + self.unknown_type
            + self.too_long
        )

    @property
    def total(self) -> int:
        """Every candidate sentence the framer found, accepted or rejected."""
        return self.accepted + self.rejected


def xor_checksum(body: bytes) -> int:
    """NMEA checksum (XOR of all bytes) without a per-byte Python loop.

    The bytes are read as one big integer folded onto itself: XOR works bit by bit, so
    XOR-ing the high half onto the low half keeps the XOR of every byte column. Fixed
    shifts from 1024 bits cover any sentence up to MAX_SENTENCE_LEN; longer input takes
    the general loop.
    """
    n = int.from_bytes(body, "little")
    if len(body) > 128:
        width = len(body)
        while width > 1:
            half = (width + 1) >> 1
            n = (n & ((1 << (half << 3)) - 1)) ^ (n >> (half << 3))
            width = half
        return n
    n = (n ^ (n >> 512)) & _M512
    n = (n ^ (n >> 256)) & _M256
    n = (n ^ (n >> 128)) & _M128
    n = (n ^ (n >> 64)) & _M64
    n = (n ^ (n >> 32)) & 0xFFFFFFFF
    n = (n ^ (n >> 16)) & 0xFFFF
    return (n ^ (n >> 8)) & 0xFF


# One clean sentence on its line: "$", a five-character upper-case address (letters and
# digits, at least one letter), ",", ASCII without another start character, "*" and two hex
# digits. One match instead of eight separate tests of the line (the framer's hot path).
_CLEAN = re.compile(rb"\$(?=[0-9]{0,4}[A-Z])[0-9A-Z]{5},[^$!\x80-\xff]*\*[0-9A-Fa-f]{2}").fullmatch
_REPEATING = frozenset({b"GSV", b"GSA", b"HDT", b"VTG"})
_MEMO_MAX = 1024


class NmeaFramer:
    """Splits a byte stream into NMEA sentences (``$...*hh`` text, no line end).

    Everything between sentences (binary UBX/RTCM, garbage, a second ``$`` of a ``$$``
    prefix) is skipped. A ``$`` or ``!`` inside a sentence starts a new one: receivers and
    serial buffers drop line ends, and the cut-off part cannot be trusted anyway. Memory
    stays bounded: an unterminated line is never held beyond MAX_SENTENCE_LEN bytes.
    ``line_numbers`` holds, after each call, the 1-based line of every sentence returned.
    """

    __slots__ = ("_buf", "_line", "_memo", "_verify", "counters", "line_numbers")

    def __init__(
        self,
        counters: Counters | None = None,
        *,
        verify_checksum: bool = True,
        first_line: int = 1,
    ) -> None:
        self._buf = b""
        # Lines completed so far (a capture's comment header is counted by the caller).
        self._line = first_line - 1
        # False only when the consumer verifies checksums itself (pynmea2.parse with
        # check=True): computing it twice was the largest avoidable cost of the pipeline.
        self._verify = verify_checksum
        # Satellite listings repeat verbatim from epoch to epoch; a line already verified
        # need not be verified again (and the same str object keeps its cached hash for the
        # parser's own memo).
        self._memo: dict[bytes, str] = {}
        self.counters = counters if counters is not None else Counters()
        self.line_numbers: list[int] = []

    def feed(self, data: bytes) -> list[str]:
        """Add bytes; return the complete sentences they finish, checksum-verified unless
        the framer was made with ``verify_checksum=False``."""
        buf = self._buf + data if self._buf else bytes(data)
        held = b""
        if buf[-1:] == b"\r":
            # Maybe the first half of a CRLF cut between two reads: decide with the next byte,
            # so the pair counts as one line end.
            buf, held = buf[:-1], b"\r"
        if b"\r" in buf:
            buf = buf.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        lines = buf.split(b"\n")
        tail = lines.pop()
        out: list[str] = []
        nums: list[int] = []
        c = self.counters
        append = out.append
        number = nums.append
        memo = self._memo
        verify = self._verify
        for n, line in enumerate(lines, self._line + 1):
            seen = memo.get(line)
            if seen is not None:
                append(seen)
                number(n)
                continue
            # Fast path for the common case, one clean sentence per line; anything unusual
            # (collisions, "$$", garbage, a bad checksum) is judged again by _split_line.
            if (
                len(line) <= MAX_SENTENCE_LEN
                and _CLEAN(line) is not None
                and (expected := _HEX2.get(line[-2:])) is not None
                and (not verify or xor_checksum(line[1:-3]) == expected)
            ):
                text = line.decode("ascii")
                append(text)
                number(n)
                if line[3:6] in _REPEATING:
                    if len(memo) >= _MEMO_MAX:
                        memo.clear()
                    memo[line] = text
            else:
                before = len(out)
                _split_line(line, c, out, verify, n)
                nums.extend([n] * (len(out) - before))
        self._line += len(lines)
        current = self._line + 1
        if len(tail) > MAX_SENTENCE_LEN:
            # No line end for too long: judge what a later start character cut off, and
            # give up on the rest rather than buffer binary data without bound.
            last = _last_start(tail)
            if last < 0:
                c.skipped_bytes += len(tail)
                tail = b""
            else:
                before = len(out)
                _split_line(tail[:last], c, out, self._verify, current)
                nums.extend([current] * (len(out) - before))
                tail = tail[last:]
                if len(tail) > MAX_SENTENCE_LEN:
                    if _has_address(tail[: _MAX_ADDRESS + 2]):
                        c.too_long += 1
                        c.note(current, "sentence longer than the NMEA limit")
                    else:
                        c.noise += 1
                        c.skipped_bytes += len(tail)
                    tail = b""
        self._buf = tail + held
        self.line_numbers = nums
        return out

    def flush(self) -> list[str]:
        """End of stream: a final sentence without a line end is still judged."""
        rest = self._buf.rstrip(b"\r")
        self._buf = b""
        out: list[str] = []
        if rest:
            _split_line(rest, self.counters, out, self._verify, self._line + 1)
        self.line_numbers = [self._line + 1] * len(out)
        return out


def _last_start(buf: bytes) -> int:
    return max(buf.rfind(b"$"), buf.rfind(b"!"))


def _split_line(
    line: bytes, c: Counters, out: list[str], verify: bool = True, lineno: int = 0
) -> None:
    """Judge every sentence in one line: a start character inside a sentence begins another."""
    if b"!" in line:
        # Rare ("!" starts encapsulated sentences such as AIS): normalise so one search finds
        # both start characters. Such sentences reach the parser as "$..." (an unknown type).
        line = line.replace(b"!", b"$")
    start = line.find(b"$")
    if start < 0:
        c.skipped_bytes += len(line)
        return
    c.skipped_bytes += start
    while True:
        nxt = line.find(b"$", start + 1)
        if nxt < 0:
            _classify(line[start:], c, out, verify, lineno)
            return
        _classify(line[start:nxt], c, out, verify, lineno)
        start = nxt


def _has_address(raw: bytes) -> bool:
    comma = raw.find(b",", 1, _MAX_ADDRESS + 2)
    address = raw[1:comma] if comma > 0 else b""
    return len(address) >= 2 and address.isalnum() and address.isupper()


def _classify(
    raw: bytes, c: Counters, out: list[str], verify: bool = True, lineno: int = 0
) -> None:
    """Judge one candidate sentence; append it to ``out`` when it is good."""
    raw = raw.rstrip(b" \t\n")
    if not _has_address(raw):
        # No address field: a "$" inside binary UBX/RTCM data, or the first "$" of a "$$"
        # prefix. That is noise between sentences, not a damaged sentence.
        c.noise += 1
        c.skipped_bytes += len(raw)
        return
    n = len(raw)
    if n > MAX_SENTENCE_LEN:
        c.too_long += 1
        c.note(lineno, "sentence longer than the NMEA limit")
        return
    star = n - 3
    if raw[star : star + 1] != b"*":
        if b"*" in raw:
            c.malformed += 1
            c.note(lineno, "malformed sentence (checksum field misplaced)")
        else:
            c.no_checksum += 1
            c.note(lineno, "sentence without checksum")
        return
    expected = _HEX2.get(raw[star + 1 :])
    if expected is None or not raw.isascii():
        c.malformed += 1
        c.note(lineno, "malformed sentence (bad checksum digits or non-ASCII bytes)")
        return
    if verify and xor_checksum(raw[1:star]) != expected:
        c.bad_checksum += 1
        c.note(lineno, "bad checksum")
        return
    out.append(raw.decode("ascii"))
