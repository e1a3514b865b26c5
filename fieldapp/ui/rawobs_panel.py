"""Raw observation logging panel: start/stop recording the receiver's raw stream, live counts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from fieldapp.gnss.rawobs import RawLogState, RawObservationLog
from fieldapp.gnss.ubx_config import AckWatcher, ConfigResult, configure_raw_output, describe
from fieldapp.ui.app import text_style
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.errors import error_text
from fieldapp.ui.numbers import fixed

REFRESH_MS = 1000  # the counts grow with every read: 1 Hz is what a person can follow
QUIET_S = 5.0  # no byte for this long while recording: say so (a raw stream is ~1 Hz)


def size_text(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{fixed(n / 1024, 1)} KB"
    return f"{fixed(n / (1024 * 1024), 1)} MB"


class RawObsPanel(QGroupBox):
    """Records the connected receiver's raw observations into the job's raw/ folder."""

    recorded = Signal(object)  # Path of the file just closed (None when nothing was written)
    message = Signal(str)
    configured = Signal(object)  # list[ConfigResult] the receiver answered
    _configured = Signal(object, object)  # the log it was for, list[ConfigResult]

    def __init__(
        self,
        adapter: DeviceAdapter,
        folder: Callable[[], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.folder = folder  # the job's raw/ folder; None for a read-only job
        self.log: RawObservationLog | None = None  # while recording
        self.start_btn = QPushButton()
        self.stop_btn = QPushButton()
        self.state_label = QLabel()
        self.file_label = QLabel("–")
        self.bytes_label = QLabel("–")
        self.epochs_label = QLabel("–")
        self.file_label.setWordWrap(True)
        self.caption_file = QLabel()
        self.caption_bytes = QLabel()
        self.caption_epochs = QLabel()
        # u-blox receivers are switched to raw output by the app (pyubx2 frames, acknowledged);
        # other receivers are set up on the receiver, and their stream is recorded as it comes.
        self.configure = QCheckBox()
        self.interval = QComboBox()
        for seconds in (1, 5, 15, 30):
            self.interval.addItem(f"{seconds} s", float(seconds))
        self.interval.setCurrentIndex(2)  # 697/1996 records every 15 s
        self.configured_label = QLabel()
        self.configured_label.setWordWrap(True)
        self._configured.connect(self._on_configured, Qt.ConnectionType.QueuedConnection)
        setup = QHBoxLayout()
        setup.addWidget(self.configure)
        setup.addWidget(self.interval)
        setup.addWidget(self.configured_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_btn)
        buttons.addWidget(self.stop_btn)
        buttons.addWidget(self.state_label, 1)
        grid = QGridLayout(self)
        grid.addLayout(setup, 0, 0, 1, 6)
        grid.addLayout(buttons, 1, 0, 1, 6)
        grid.addWidget(self.caption_bytes, 2, 0)
        grid.addWidget(self.bytes_label, 2, 1)
        grid.addWidget(self.caption_epochs, 2, 2)
        grid.addWidget(self.epochs_label, 2, 3)
        grid.addWidget(self.caption_file, 2, 4)
        grid.addWidget(self.file_label, 2, 5)
        grid.setColumnStretch(5, 1)
        self.start_btn.clicked.connect(self.start)
        self.stop_btn.clicked.connect(self.stop)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        adapter.status_changed.connect(self._on_status)
        self.retranslate()
        self._enable()

    @property
    def recording(self) -> bool:
        return self.log is not None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Raw data logging"))
        self.start_btn.setText(self.tr("Record raw data"))
        self.stop_btn.setText(self.tr("Stop recording"))
        self.caption_bytes.setText(self.tr("Bytes"))
        self.caption_epochs.setText(self.tr("Epochs"))
        self.caption_file.setText(self.tr("File"))
        self.configure.setText(self.tr("Switch a u-blox receiver to raw output, every"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_status(self, _status: object) -> None:
        if self.recording and (not self.adapter.connected or self.adapter.raw_obs is not self.log):
            self.stop()  # the link closed the file with itself: the recording is over
        self._enable()

    def _enable(self) -> None:
        connected = self.adapter.connected
        self.start_btn.setEnabled(connected and not self.recording and self.folder() is not None)
        self.stop_btn.setEnabled(self.recording)
        if not self.recording:
            self.state_label.setText(
                self.tr("Not recording")
                if connected
                else self.tr("Connect a receiver to record its raw data")
            )
            self.state_label.setStyleSheet("")

    def start(self) -> bool:
        """Open a new raw file in the job's raw/ folder and feed it every byte from now on."""
        folder = self.folder()
        source = self.adapter.source
        if self.recording or folder is None or source is None or not self.adapter.connected:
            return False
        try:
            log = RawObservationLog(folder, source.device)
        except OSError as exc:
            self.message.emit(self.tr("Cannot record raw data: {0}").format(error_text(exc)))
            return False
        if not self.adapter.attach_raw_obs(log):
            log.close()
            return False
        self.log = log
        if self.configure.isChecked():
            self._send_config(log, float(self.interval.currentData()))
        self.timer.start()
        self._enable()
        self.refresh()
        return True

    def _send_config(self, log: RawObservationLog, interval_s: float) -> None:
        """CFG frames through the link on a thread: the receiver has a second for each ACK."""
        watcher = AckWatcher()
        log.add_listener(watcher)  # the receiver's ACK/NAK come back as UBX frames
        self.configured_label.setText(self.tr("Setting up the receiver…"))
        self.configured_label.setStyleSheet("")

        def run() -> None:
            results = configure_raw_output(self.adapter.write, interval_s, "auto", watcher)
            self._configured.emit(log, results)

        threading.Thread(target=run, name="ubx-config", daemon=True).start()

    def _on_configured(self, log: object, results: list[ConfigResult]) -> None:
        if log is not self.log:
            return  # the recording it was for has ended
        acked = [r.name for r in results if r.answer == "ACK"]
        if acked:
            self.configured_label.setText(
                self.tr("Receiver set up for raw output ({0} acknowledged)").format(
                    ", ".join(acked)
                )
            )
            self.configured_label.setStyleSheet(text_style("good"))
        else:
            self.configured_label.setText(
                self.tr("The receiver did not acknowledge the raw output set-up: {0}").format(
                    describe(results)
                )
            )
            self.configured_label.setStyleSheet(text_style("warn"))
        self.configured.emit(results)

    def stop(self) -> Path | None:
        """Close the file; ``recorded`` carries its path (None when no byte came)."""
        if self.log is None:
            return None
        self.adapter.detach_raw_obs()
        log, self.log = self.log, None
        self.timer.stop()
        try:
            log.close()
        except OSError as exc:
            self.message.emit(self.tr("Cannot record raw data: {0}").format(error_text(exc)))
        state = log.state()
        self._show(state, live=False)
        self._enable()
        path = state.path if state.bytes else None
        self.recorded.emit(path)
        return path

    def refresh(self) -> None:
        """Timer slot: the counts of the file being recorded, read from the log's state()."""
        if self.log is not None:
            self._show(self.log.state(), live=True)

    def _show(self, state: RawLogState, live: bool) -> None:
        self.bytes_label.setText(size_text(int(state.bytes)))
        protocol = (state.protocol or "").upper()
        epochs = str(state.epochs)
        self.epochs_label.setText(f"{epochs} ({protocol})" if protocol else epochs)
        self.file_label.setText(state.path.name if state.path else self.tr("(no data yet)"))
        if state.path:
            self.file_label.setToolTip(str(state.path))
        if not live:
            self.state_label.setText(self.tr("Recording stopped"))
            self.state_label.setStyleSheet("")
            return
        last = state.last_write_monotonic
        if last is None or time.monotonic() - last > QUIET_S:
            self.state_label.setText(self.tr("● Recording – no data arriving"))
            self.state_label.setStyleSheet(text_style("warn"))
        else:
            self.state_label.setText(self.tr("● Recording"))
            self.state_label.setStyleSheet(text_style("good"))
