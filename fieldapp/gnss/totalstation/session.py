"""An instrument session: one total station (GeoCOM or GSI online) on a serial port or TCP.

Blocking request/response; run it in a worker thread, never the GUI thread. After the link
fails (port gone, cable pulled, no reply) the source is closed and the next request reopens
it, so a surveyor who plugs the cable back in just presses Measure again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.sources import ByteSource, SourceError
from fieldapp.gnss.totalstation.geocom import GeoComClient, GeoComError, PolarMeasurement
from fieldapp.gnss.totalstation.gsi_online import GsiOnlineClient, GsiOnlineError
from fieldapp.gnss.totalstation.transport import InstrumentTimeout

DEFAULT_TIMEOUT_S = 10.0

# GeoCOM return codes a surveyor can act on (TPS1200 GeoCOM reference, TMC subsystem).
GEOCOM_REASONS = {
    1285: "angles only, no distance (aim at the prism)",
    1290: "no valid angle (instrument not levelled?)",
    1292: "no distance measured (aim at the prism, check the prism constant)",
    1293: "instrument busy",
    1294: "no EDM signal (prism not found or obstructed)",
}


class InstrumentProtocol(StrEnum):
    GEOCOM = "geocom"
    GSI_ONLINE = "gsi_online"


class FailureKind(StrEnum):
    LINK = "link"  # port missing, busy or lost: reopened on the next request
    TIMEOUT = "timeout"  # no reply in time: switched off, wrong baud rate, cable
    INSTRUMENT = "instrument"  # the instrument answered with an error code


class InstrumentError(RuntimeError):
    """A request that failed; the message names the port and says what to check."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class Reading:
    """Hz and V (zenith) in degrees, slope distance in metres (None for angles only)."""

    hz: float
    v: float
    sd: float | None


class SourceTransport:
    """A ByteSource as a Transport: read() is one short read of the source (its read_timeout).

    The LineReader that calls it keeps reading until its own deadline.
    """

    def __init__(self, source: ByteSource) -> None:
        self.source = source

    def write(self, data: bytes) -> None:
        self.source.write(data)

    def read(self, timeout: float) -> bytes:
        return self.source.read()


class InstrumentSession:
    """Opens the source on first use; one blocking request at a time."""

    def __init__(
        self,
        make_source: Callable[[], ByteSource],
        protocol: InstrumentProtocol,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self._make_source = make_source
        self.protocol = protocol
        self.timeout = timeout
        self._source: ByteSource | None = None
        self._geocom: GeoComClient | None = None
        self._gsi: GsiOnlineClient | None = None
        self.label = ""

    @property
    def is_open(self) -> bool:
        return self._source is not None

    def open(self) -> None:
        self.close()
        source = self._make_source()
        self.label = source.label
        try:
            source.open()
        except SourceError as exc:
            raise InstrumentError(FailureKind.LINK, str(exc)) from exc
        self._source = source
        transport = SourceTransport(source)
        if self.protocol is InstrumentProtocol.GEOCOM:
            self._geocom = GeoComClient(transport, self.timeout)
        else:
            self._gsi = GsiOnlineClient(transport, self.timeout)

    def close(self) -> None:
        source, self._source = self._source, None
        self._geocom = self._gsi = None
        if source is not None:
            source.close()

    def measure(self) -> Reading:
        """Angles and slope distance (the EDM fires)."""
        return self._run(distance=True)

    def angles(self) -> Reading:
        """Angles only, no distance: quicker, e.g. for a far backsight without a prism."""
        return self._run(distance=False)

    def _run(self, distance: bool) -> Reading:
        if self._source is None:
            self.open()
        try:
            if self._geocom is not None:
                m: PolarMeasurement = self._geocom.measure() if distance else self._geocom.angles()
                return Reading(m.hz, m.v, m.sd)
            assert self._gsi is not None
            words = (21, 22, 31) if distance else (21, 22)
            obs = self._gsi.measure(words)
            if obs.hz is None or obs.v is None:
                raise GsiOnlineError("reply without Hz and V")
            return Reading(obs.hz, obs.v, obs.sd)
        except SourceError as exc:
            self.close()
            raise InstrumentError(
                FailureKind.LINK, f"{self.label}: connection lost ({_root_reason(exc, self.label)})"
            ) from exc
        except InstrumentTimeout as exc:
            self.close()
            raise InstrumentError(
                FailureKind.TIMEOUT,
                f"{self.label}: no reply within {self.timeout:.0f} s "
                "(instrument off, wrong baud rate or protocol, cable?)",
            ) from exc
        except GeoComError as exc:
            if exc.code < 0:  # not a GeoCOM reply at all: wrong protocol or baud rate
                self.close()
                raise InstrumentError(FailureKind.LINK, f"{self.label}: {exc}") from exc
            why = GEOCOM_REASONS.get(exc.code, f"error code {exc.code}")
            raise InstrumentError(FailureKind.INSTRUMENT, f"{self.label}: {why}") from exc
        except GsiOnlineError as exc:
            raise InstrumentError(FailureKind.INSTRUMENT, f"{self.label}: {exc}") from exc
        except ValueError as exc:  # a reply with missing or non-numeric values
            raise InstrumentError(
                FailureKind.INSTRUMENT, f"{self.label}: unreadable reply ({exc})"
            ) from exc


def _root_reason(exc: BaseException, label: str) -> str:
    """The operating system's words for a lost port (e.g. 'Input/output error'), else the text."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return str(exc).removeprefix(f"{label}: ")
