"""InstrumentLink: total-station requests in a worker thread, answers as queued Qt signals.

The instrument session blocks for seconds per shot (the EDM, a timeout when the cable is
out), so every request runs in one worker thread; its outcome comes back through a signal
connected with ``Qt.QueuedConnection`` and is handled in the GUI thread.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal, Slot

from fieldapp.gnss.sources import ByteSource, SerialSource, TcpSource, parse_host_port
from fieldapp.gnss.totalstation.session import (
    FailureKind,
    InstrumentError,
    InstrumentProtocol,
    InstrumentSession,
    Reading,
)
from fieldapp.ui.app import settings

PROTOCOLS = tuple(InstrumentProtocol)
LINKS = ("serial", "tcp")
BAUDS = ("1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200")
DEFAULT_INSTRUMENT_BAUD = 9600  # Leica TPS factory setting for GeoCOM and GSI


@dataclass(frozen=True, slots=True)
class InstrumentChoice:
    """Port, baud, protocol and TCP host of the total station; remembered per machine."""

    protocol: str = InstrumentProtocol.GEOCOM.value
    link: str = "serial"
    port: str = ""
    baud: int = DEFAULT_INSTRUMENT_BAUD
    tcp: str = ""

    def save(self) -> None:
        s = settings()
        for key in InstrumentChoice.__slots__:
            s.setValue(f"instrument/{key}", getattr(self, key))

    @classmethod
    def load(cls) -> InstrumentChoice:
        s = settings()
        d = cls()
        try:
            c = cls(**{k: type(getattr(d, k))(s.value(f"instrument/{k}", getattr(d, k)))
                       for k in cls.__slots__})  # fmt: skip
        except (TypeError, ValueError):
            return d
        if c.protocol not in {p.value for p in PROTOCOLS} or c.link not in LINKS:
            return d
        return c

    @property
    def configured(self) -> bool:
        return bool(self.port if self.link == "serial" else self.tcp)

    def make_source(self) -> ByteSource:
        """ValueError with a message for the window when the choice is incomplete."""
        if self.link == "tcp":
            host, port = parse_host_port(self.tcp)
            return TcpSource(host, port, read_timeout=0.2)
        if not self.port:
            raise ValueError("choose the instrument's serial port")
        return SerialSource(self.port, self.baud, read_timeout=0.2)

    def label(self) -> str:
        where = self.tcp if self.link == "tcp" else f"{self.port} @ {self.baud}"
        name = "GeoCOM" if self.protocol == InstrumentProtocol.GEOCOM.value else "GSI online"
        return f"{name} · {where}" if self.configured else name


@dataclass(frozen=True, slots=True)
class InstrumentOutcome:
    """One finished request: a reading, or the error saying what went wrong."""

    tag: str
    reading: Reading | None
    error: InstrumentError | None


class InstrumentLink(QObject):
    """One request at a time; ``finished`` carries an InstrumentOutcome in the GUI thread."""

    finished = Signal(object)
    busy_changed = Signal(bool)
    _from_worker = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (tag, with distance, session to close instead of measuring); None stops the worker.
        self._jobs: queue.Queue[tuple[str, bool, InstrumentSession | None] | None] = queue.Queue()
        self._session: InstrumentSession | None = None
        self._thread: threading.Thread | None = None
        self.busy = False
        self.choice: InstrumentChoice | None = None
        self.link_up = False  # the last request reached the instrument
        self._from_worker.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    def configure(self, choice: InstrumentChoice, timeout: float = 10.0) -> None:
        """Use this instrument from the next request on (ValueError if incomplete)."""
        choice.make_source()  # validates the port or host now, with a clear message
        self.choice = choice
        old = self._session
        self._session = InstrumentSession(
            choice.make_source, InstrumentProtocol(choice.protocol), timeout
        )
        self.link_up = False
        if old is not None:
            self._submit_close(old)

    def request(self, tag: str, distance: bool = True) -> bool:
        """Start a measurement; False when one is running or no instrument is set up."""
        if self.busy or self._session is None:
            return False
        self._ensure_thread()
        self.busy = True
        self.busy_changed.emit(True)
        self._jobs.put((tag, distance, None))
        return True

    def shutdown(self) -> None:
        """Close the port and stop the worker (a running request ends at its timeout)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout=2.0)
        elif self._session is not None:
            self._session.close()

    def _submit_close(self, old: InstrumentSession) -> None:
        if self._thread is None:
            old.close()
            return
        # The worker owns the session's port: close it there, after any running request.
        self._jobs.put(("", False, old))

    def _ensure_thread(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="instrument", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            tag, distance, to_close = job
            if to_close is not None:
                to_close.close()
                continue
            session = self._session
            if session is None:
                continue
            try:
                reading = session.measure() if distance else session.angles()
                outcome = InstrumentOutcome(tag, reading, None)
            except InstrumentError as exc:
                outcome = InstrumentOutcome(tag, None, exc)
            except Exception as exc:  # a bug must not kill the worker and freeze Measure
                outcome = InstrumentOutcome(
                    tag,
                    None,
                    InstrumentError(FailureKind.INSTRUMENT, f"{type(exc).__name__}: {exc}"),
                )
            self._from_worker.emit(outcome)
        if self._session is not None:
            self._session.close()

    @Slot(object)
    def _on_outcome(self, outcome: InstrumentOutcome) -> None:
        self.busy = False
        self.link_up = outcome.error is None or outcome.error.kind is FailureKind.INSTRUMENT
        self.busy_changed.emit(False)
        self.finished.emit(outcome)
