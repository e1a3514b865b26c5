"""NmeaStream: framing + parsing + epoch assembly behind one sans-IO object for live and replay."""

from __future__ import annotations

import time
from collections.abc import Mapping

from fieldapp.gnss.epochs import DEFAULT_UERE_M, EpochAssembler, EpochStats
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.framing import Counters, NmeaFramer
from fieldapp.gnss.nmea import SentenceParser

__all__ = ["Counters", "NmeaStream"]


class NmeaStream:
    """Bytes in, one :class:`Fix` per receiver epoch out. Does no IO and never raises on data.

    A live reader calls :meth:`feed` with each chunk it reads and :meth:`poll` on a short
    timer so an epoch is delivered even when the next one is late; replay calls
    :meth:`flush` at end of file. Not thread-safe: one reader thread owns one stream.
    """

    def __init__(
        self,
        uere_m: float = DEFAULT_UERE_M,
        uere_by_quality: Mapping[int, float] | None = None,
        *,
        via_pynmea2: bool = False,
        first_line: int = 1,
    ) -> None:
        self.counters = Counters()
        # The framer checks each checksum and the parser splits the fields itself: the
        # one route of live and replay. ``via_pynmea2=True`` is the reference route the tests
        # compare it with (pynmea2.parse(check=True) verifies the checksum instead).
        # ``first_line``: line number of the first byte fed (after a capture's comments).
        self._framer = NmeaFramer(
            self.counters, verify_checksum=not via_pynmea2, first_line=first_line
        )
        self._parser = SentenceParser(self.counters, via_pynmea2=via_pynmea2)
        self._epochs = EpochAssembler(uere_m=uere_m, uere_by_quality=uere_by_quality)

    @property
    def epoch_stats(self) -> EpochStats:
        return self._epochs.stats

    @property
    def period_s(self) -> float | None:
        """Observed receiver epoch period in seconds, once two epochs were seen."""
        return self._epochs.period_s

    def feed(self, data: bytes, now: float | None = None) -> list[Fix]:
        """Consume received bytes (``now``: monotonic receive time); return finished epochs."""
        if now is None:
            now = time.monotonic()
        out: list[Fix] = []
        parser = self._parser
        parse = parser.parse_new
        # The parser's memo, looked up here first: most sentences of a receiver at rest
        # (satellites, DOPs) repeat verbatim, and a hit then costs no call.
        seen = parser.memo.get
        counts = self.counters.sentences
        add = self._epochs.add
        framer = self._framer
        sentences = framer.feed(data)
        for line, lineno in zip(sentences, framer.line_numbers, strict=True):
            rec = seen(line)
            if rec is None:
                rec = parse(line, lineno)
                if rec is None:
                    continue
            else:
                counts[line[3:6]] += 1
            closed = add(rec, now)
            if closed:
                out.extend(closed)
        return out

    def poll(self, now: float) -> list[Fix]:
        """Deliver the open epoch if it has waited 1.5 observed periods (monotonic ``now``)."""
        return self._epochs.poll(now)

    def flush(self) -> list[Fix]:
        """End of stream: judge any unterminated sentence and deliver the open epoch."""
        out: list[Fix] = []
        now = time.monotonic()
        framer = self._framer
        sentences = framer.flush()
        for line, lineno in zip(sentences, framer.line_numbers, strict=True):
            rec = self._parser.parse(line, lineno)
            if rec is not None:
                out.extend(self._epochs.add(rec, now))
        out.extend(self._epochs.flush())
        return out
