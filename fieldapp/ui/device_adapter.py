"""DeviceAdapter: the GNSS link's reader-thread callbacks as queued Qt signals in the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
from fieldapp.gnss.simulator import Simulator, SimulatorSource
from fieldapp.gnss.sources import ByteSource


class DeviceAdapter(QObject):
    """Owns one GnssLink; re-emits its epochs and states in the thread the adapter lives in.

    The link calls back in its reader thread; those callbacks only emit private signals that
    are connected with ``Qt.QueuedConnection``, so every slot of the GUI runs in the GUI thread.
    """

    fix_received = Signal(object)  # Fix, every epoch (occupation needs each one)
    status_changed = Signal(object)  # LinkStatus
    _fix_from_reader = Signal(object)
    _status_from_reader = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._link: GnssLink | None = None
        self.latest_fix: Fix | None = None
        self.status: LinkStatus | None = None
        self.epochs = 0
        self._fix_from_reader.connect(self._on_fix, Qt.ConnectionType.QueuedConnection)
        self._status_from_reader.connect(self._on_status, Qt.ConnectionType.QueuedConnection)

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

    def connect_source(self, source: ByteSource, raw_dir: Path | None = None) -> None:
        """Start reading ``source`` in a reader thread (stops the previous device first)."""
        self.disconnect_device()
        self.latest_fix = None
        self._link = GnssLink(
            source, self._fix_from_reader.emit, self._status_from_reader.emit, raw_dir=raw_dir
        )
        self._link.start()

    def disconnect_device(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            link.stop(timeout=3.0)

    @Slot(object)
    def _on_fix(self, fix: Fix) -> None:
        self.latest_fix = fix
        self.epochs += 1
        self.fix_received.emit(fix)

    @Slot(object)
    def _on_status(self, status: LinkStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
