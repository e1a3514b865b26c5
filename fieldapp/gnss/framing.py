"""Sans-IO NMEA 0183 framing: raw receiver bytes in, checksum-verified sentences out."""

from __future__ import annotations

from dataclasses import dataclass, field

# NMEA allows 82 characters including "$" and CRLF; real receivers (u-blox GSV with signal id,
# Septentrio, 8-decimal Trimble) exceed that a little, so allow slack before calling it garbage.
MAX_SENTENCE_LEN = 120

_START = (ord("$"), ord("!"))
_HEX = frozenset(b"0123456789ABCDEFabcdef")


@dataclass(slots=True)
class Counters:
    """What came through a stream: accepted sentences by type and each rejection class."""

    sentences: dict[str, int] = field(default_factory=dict)
    no_checksum: int = 0
    bad_checksum: int = 0
    malformed: int = 0
    unknown_type: int = 0
    too_long: int = 0
    skipped_bytes: int = 0

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

    The bytes are read as one big integer which is folded onto itself: XOR is
    bitwise, so XOR-ing the high half onto the low half keeps the per-byte XOR.
    """
    n = int.from_bytes(body, "little")
    width = len(body)
    while width > 1:
        half = (width + 1) >> 1
        n = (n & ((1 << (half << 3)) - 1)) ^ (n >> (half << 3))
        width = half
    return n


class NmeaFramer:
    """Splits a byte stream into NMEA sentences (``$...*hh`` text, no line end).

    Everything between sentences (binary UBX/RTCM, garbage, a second ``$`` of a ``$$``
    prefix) is skipped. A ``$`` or ``!`` inside a sentence starts a new one: receivers and
    serial buffers drop line ends, and the cut-off part cannot be trusted anyway.
    """

    __slots__ = ("_buf", "counters")

    def __init__(self, counters: Counters | None = None) -> None:
        self._buf = b""
        self.counters = counters if counters is not None else Counters()

    def feed(self, data: bytes) -> list[str]:
        """Add bytes; return the complete, checksum-verified sentences they finish."""
        buf = self._buf + data if self._buf else bytes(data)
        out: list[str] = []
        c = self.counters
        pos = 0
        n = len(buf)
        while pos < n:
            start = _find_start(buf, pos)
            if start < 0:
                c.skipped_bytes += n - pos
                pos = n
                break
            c.skipped_bytes += start - pos
            end = _find_eol(buf, start + 1)
            # A new start character before the line end cuts the current sentence short.
            nxt = _find_start(buf, start + 1, end if end >= 0 else n)
            if nxt >= 0:
                _classify(buf[start:nxt], c, out)
                pos = nxt
                continue
            if end < 0:
                if n - start > MAX_SENTENCE_LEN:
                    c.too_long += 1
                    pos = n
                    break
                pos = start
                break
            _classify(buf[start:end], c, out)
            pos = end + 1
        self._buf = buf[pos:] if pos < n else b""
        return out

    def flush(self) -> list[str]:
        """End of stream: a final sentence without a line end is still judged."""
        rest = self._buf
        self._buf = b""
        out: list[str] = []
        if rest:
            start = _find_start(rest, 0)
            if start >= 0:
                _classify(rest[start:], self.counters, out)
        return out


def _find_start(buf: bytes, pos: int, end: int | None = None) -> int:
    stop = len(buf) if end is None else end
    d = buf.find(b"$", pos, stop)
    b = buf.find(b"!", pos, stop)
    if d < 0:
        return b
    if b < 0 or d < b:
        return d
    return b


def _find_eol(buf: bytes, pos: int) -> int:
    lf = buf.find(b"\n", pos)
    cr = buf.find(b"\r", pos)
    if lf < 0:
        return cr
    if cr < 0 or lf < cr:
        return lf
    return cr


def _classify(raw: bytes, c: Counters, out: list[str]) -> bool:
    """Judge one candidate sentence; append it to ``out`` when it is good."""
    raw = raw.rstrip(b" \t\r\n")
    if len(raw) <= 1:
        # A lone "$" is the first half of a "$$" prefix or line noise, not a sentence.
        return False
    if len(raw) > MAX_SENTENCE_LEN:
        c.too_long += 1
        return False
    star = raw.rfind(b"*")
    if star < 0 or len(raw) - star < 3:
        c.no_checksum += 1
        return False
    hexpart = raw[star + 1 : star + 3]
    if len(raw) != star + 3 or hexpart[0] not in _HEX or hexpart[1] not in _HEX:
        c.malformed += 1
        return False
    if xor_checksum(raw[1:star]) != int(hexpart, 16):
        c.bad_checksum += 1
        return False
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        c.malformed += 1
        return False
    out.append(text)
    return True
