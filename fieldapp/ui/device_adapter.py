"""DeviceAdapter: the GNSS link's reader-thread callbacks as queued Qt signals in the GUI thread."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
from fieldapp.gnss.ntrip import NtripProfile
from fieldapp.gnss.ntrip_client import NtripClient, NtripState, NtripStatus
from fieldapp.gnss.rawobs import RawObservationLog
from fieldapp.gnss.sentences import gga
from fieldapp.gnss.simulator import Simulator, SimulatorSource
from fieldapp.gnss.sources import ByteSource
from fieldapp.ui.live import Liveness, liveness


@dataclass(frozen=True, slots=True)
class CorrectionLink:
    """What the GNSS panel shows about the NTRIP corrections."""

    status: NtripStatus
    bytes_received: int


class DeviceAdapter(QObject):
    """Owns one GnssLink; re-emits its epochs and states in the thread the adapter lives in.

    The link calls back in its reader thread; those callbacks only emit private signals that
    are connected with ``Qt.QueuedConnection``, so every slot of the GUI runs in the GUI thread.
    With an NTRIP profile an NtripClient runs beside the link: its RTCM goes into the
    receiver's port, its states come back to the GUI the same way.
    """

    fix_received = Signal(object)  # Fix, every epoch (occupation needs each one)
    status_changed = Signal(object)  # LinkStatus
    corrections_changed = Signal(object)  # CorrectionLink, or None when no NTRIP runs
    _fix_from_reader = Signal(int, object)  # link number, Fix
    _status_from_reader = Signal(object)
    _ntrip_from_reader = Signal(int, object)  # client number, NtripStatus

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._link: GnssLink | None = None
        # The raw observation log being recorded (Kontrol tab); the link closes it when it
        # stops, so a recording ends with its receiver.
        self._raw_obs: RawObservationLog | None = None
        self.latest_fix: Fix | None = None
        self.status: LinkStatus | None = None
        self.epochs = 0
        self._link_number = 0  # epochs still queued from a link already stopped are dropped
        # When the latest epoch arrived here (monotonic for its age, wall clock for "since"):
        # kept across a disconnect so the grey readouts can say since when nothing came.
        self.received_monotonic: float | None = None
        self.received_wall: dt.datetime | None = None
        self._ntrip: NtripClient | None = None
        self._ntrip_number = 0  # statuses of a client already replaced are dropped
        self._reader_fix: Fix | None = None  # set in the reader thread, read by the NTRIP thread
        self.corrections: CorrectionLink | None = None
        self._fix_from_reader.connect(self._on_fix, Qt.ConnectionType.QueuedConnection)
        self._status_from_reader.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        self._ntrip_from_reader.connect(self._on_ntrip, Qt.ConnectionType.QueuedConnection)
        # The byte count grows between state changes: refresh it at 1 Hz while streaming.
        self._bytes_timer = QTimer(self)
        self._bytes_timer.setInterval(1000)
        self._bytes_timer.timeout.connect(self._refresh_bytes)

    def write(self, data: bytes) -> bool:
        """Send bytes to the receiver (configuration); False when no device is open now."""
        link = self._link
        return link is not None and link.write(data)

    @property
    def connected(self) -> bool:
        return self._link is not None and self._link.is_running

    @property
    def source(self) -> ByteSource | None:
        return self._link.source if self._link else None

    @property
    def simulator(self) -> Simulator | None:
        src = self.source
        return src.simulator if isinstance(src, SimulatorSource) else None

    @property
    def raw_logging(self) -> bool:
        return self._link is not None and self._link.raw_log is not None

    @property
    def state(self) -> LinkState:
        return self.status.state if self.status else LinkState.STOPPED

    @property
    def link_up(self) -> bool:
        """The device is open (or being opened) and has not been lost or stopped."""
        return self.connected and self.state not in (LinkState.LOST, LinkState.STOPPED)

    def liveness(
        self, now_monotonic: float | None = None, stale_s: float | None = None
    ) -> Liveness:
        """How old the latest epoch is and whether readouts may show it as live."""
        return liveness(
            self.received_monotonic,
            self.received_wall,
            self.link_up,
            now_monotonic=now_monotonic,
            stale_s=stale_s,
        )

    @property
    def ntrip_client(self) -> NtripClient | None:
        return self._ntrip

    def connect_source(
        self,
        source: ByteSource,
        raw_dir: Path | None = None,
        ntrip: NtripProfile | None = None,
    ) -> None:
        """Start reading ``source`` in a reader thread (stops the previous device first).

        With ``ntrip``, corrections from that caster are written into ``source`` until
        the device is disconnected; an unreachable caster is a state, not an error.
        """
        self.disconnect_device()
        self.latest_fix = None
        self._reader_fix = None
        self.received_monotonic = None
        self.received_wall = None
        self._link_number += 1
        number = self._link_number
        link = GnssLink(
            source,
            lambda fix: self._from_reader(number, fix),
            self._status_from_reader.emit,
            raw_dir=raw_dir,
        )
        self._raw_obs = None
        self._link = link
        link.start()
        if ntrip is not None:
            self._start_ntrip(ntrip, link)
        else:
            self._publish(None)

    def disconnect_device(self) -> None:
        """Stop the device; the latest epoch stays, marked not live by ``liveness()``."""
        self._stop_ntrip()
        self._link_number += 1
        link, self._link = self._link, None
        if link is not None:
            link.stop(timeout=3.0)

    @property
    def raw_obs(self) -> RawObservationLog | None:
        """The RawObservationLog the link feeds now, or None."""
        return self._raw_obs

    def attach_raw_obs(self, log: RawObservationLog) -> bool:
        """Feed every byte the receiver sends into ``log`` too; False when no receiver is on."""
        link = self._link
        if link is None or not link.is_running:
            return False
        self._raw_obs = log
        link.raw_obs = log  # one attribute store: the reader thread reads it per chunk
        return True

    def detach_raw_obs(self) -> RawObservationLog | None:
        """Stop feeding the raw observation log; it is returned for the caller to close."""
        log, self._raw_obs = self._raw_obs, None
        if self._link is not None:
            self._link.raw_obs = None
        return log

    def _from_reader(self, number: int, fix: Fix) -> None:
        self._reader_fix = fix  # one attribute store: the NTRIP thread reads it for its GGA
        self._fix_from_reader.emit(number, fix)

    def _latest_gga(self) -> bytes | None:
        fix = self._reader_fix
        return gga(fix) if fix is not None and fix.has_position else None

    def _start_ntrip(self, profile: NtripProfile, link: GnssLink) -> None:
        self._ntrip_number += 1
        number = self._ntrip_number
        client = NtripClient(
            profile,
            link.write,
            gga_provider=self._latest_gga,
            on_status=lambda st: self._ntrip_from_reader.emit(number, st),
        )
        self._ntrip = client
        self._publish(client.status)
        client.start()
        self._bytes_timer.start()

    def _stop_ntrip(self) -> None:
        client, self._ntrip = self._ntrip, None
        self._ntrip_number += 1
        self._bytes_timer.stop()
        if client is None:
            return
        # Short join: a connect to a silent caster may take its full timeout; the thread is a
        # daemon that sees the stop flag afterwards, and its late statuses are dropped.
        client.stop(timeout=0.5)
        self._publish(
            NtripStatus(NtripState.STOPPED, "stopped with the receiver", client.profile.name,
                        time.monotonic()),
            client.bytes_received,
        )  # fmt: skip

    def _publish(self, status: NtripStatus | None, received: int | None = None) -> None:
        if status is None:
            self.corrections = None
        else:
            client = self._ntrip
            count = received if received is not None else (client.bytes_received if client else 0)
            self.corrections = CorrectionLink(status, count)
        self.corrections_changed.emit(self.corrections)

    @Slot(int, object)
    def _on_ntrip(self, number: int, status: NtripStatus) -> None:
        if number == self._ntrip_number:
            self._publish(status)

    @Slot()
    def _refresh_bytes(self) -> None:
        client, shown = self._ntrip, self.corrections
        if client is None or shown is None or client.bytes_received == shown.bytes_received:
            return
        self._publish(shown.status)

    @Slot(int, object)
    def _on_fix(self, number: int, fix: Fix) -> None:
        if number != self._link_number:
            return  # queued before a disconnect: it must not look like a fresh epoch
        self.received_monotonic = time.monotonic()
        self.received_wall = dt.datetime.now()
        self.latest_fix = fix
        self.epochs += 1
        self.fix_received.emit(fix)

    @Slot(object)
    def _on_status(self, status: LinkStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
