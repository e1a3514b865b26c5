"""Leica GSI online mode: GET/PUT requests and their replies, sans-IO plus a small client."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.gnss.totalstation.gsi import GsiParser
from fieldapp.gnss.totalstation.model import Observation, ParseResult
from fieldapp.gnss.totalstation.transport import LineReader, Transport

# GET/M measures first (EDM + angles), GET/I returns the current values immediately.
MEASURE = "M"
IMMEDIATE = "I"


class GsiOnlineError(RuntimeError):
    """The instrument answered @Wnnn (warning) or @Ennn (error), e.g. @W127 invalid command."""

    def __init__(self, reply: str) -> None:
        super().__init__(f"instrument replied {reply}")
        self.reply = reply
        code = reply[2:]
        self.code = int(code) if code.isascii() and code.isdigit() else None


def build_get(word_indices: Sequence[int], mode: str = MEASURE) -> bytes:
    """GET/M/WI21/WI22/WI31 + CR LF."""
    if mode not in (MEASURE, IMMEDIATE):
        raise ValueError(f"GSI GET mode must be M or I, not {mode!r}")
    if not word_indices:
        raise ValueError("at least one word index")
    words = "/".join(f"WI{wi:02d}" for wi in word_indices)
    return f"GET/{mode}/{words}\r\n".encode("ascii")


def build_put(word: str) -> bytes:
    """PUT/<GSI word> e.g. PUT/87..10+00001500 to set the reflector height."""
    return f"PUT/{word.strip()} \r\n".encode("ascii")


@dataclass(frozen=True)
class GsiReply:
    observation: Observation | None
    parse: ParseResult


def parse_reply(line: bytes) -> GsiReply:
    """A reply line: a GSI block, '?' (PUT acknowledged) or @W/@E codes (raised)."""
    text = line.decode("latin-1").strip()
    if text.startswith("@"):
        raise GsiOnlineError(text)
    parser = GsiParser(ParseResult("gsi-online"))
    if text != "?":
        parser.feed_line(text, 1)
    observations = parser.result.observations
    return GsiReply(observations[0] if observations else None, parser.result)


class GsiOnlineClient:
    """Blocking request/response over any Transport; run it in the device's reader thread."""

    def __init__(self, transport: Transport, timeout: float = 10.0) -> None:
        self._transport = transport
        self._lines = LineReader(transport)
        self.timeout = timeout

    def request(self, data: bytes) -> GsiReply:
        self._transport.write(data)
        return parse_reply(self._lines.read_line(self.timeout))

    def measure(self, word_indices: Sequence[int] = (11, 21, 22, 31)) -> Observation:
        reply = self.request(build_get(word_indices, MEASURE))
        if reply.observation is None:
            problems = "; ".join(d.message for d in reply.parse.diagnostics) or "no data"
            raise GsiOnlineError(f"unusable reply: {problems}")
        return reply.observation

    def put(self, word: str) -> None:
        self.request(build_put(word))
