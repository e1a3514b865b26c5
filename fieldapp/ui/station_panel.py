"""Total-station panel: instrument port, station, backsight, heights; Measure and Track.

The setup is computed by :mod:`fieldapp.survey.ts_stakeout`; requests to the instrument go
through an :class:`InstrumentLink` (worker thread), so the window never waits on the port.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import MapPoint, parse_metres
from fieldapp.gnss.totalstation.session import FailureKind, InstrumentProtocol
from fieldapp.survey.stakeout import GridPosition, position_from_geographic
from fieldapp.survey.station import StationSetup
from fieldapp.survey.ts_stakeout import (
    TsInputError,
    TsShot,
    format_angle,
    orient_on_azimuth,
    orient_on_backsight_point,
    parse_azimuth,
)
from fieldapp.ui.app import text_style
from fieldapp.ui.device_dialog import fill_ports
from fieldapp.ui.errors import error_text
from fieldapp.ui.instrument_link import (
    BAUDS,
    LINKS,
    PROTOCOLS,
    InstrumentChoice,
    InstrumentLink,
    InstrumentOutcome,
)
from fieldapp.ui.numbers import fixed
from fieldapp.ui.session import JobSession

TRACK_INTERVAL_MS = 250  # pause between tracking shots: the rodman sees each reading
AZIMUTH = "\x00azimuth"  # item data of the "typed azimuth" backsight entry


class InstrumentDialog(QDialog):
    """Protocol, serial port and baud or TCP host of the total station."""

    def __init__(self, choice: InstrumentChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Total station"))
        form = QFormLayout(self)
        self.protocol = QComboBox()
        names = {InstrumentProtocol.GEOCOM: "Leica GeoCOM",
                 InstrumentProtocol.GSI_ONLINE: "Leica GSI online"}  # fmt: skip
        for p in PROTOCOLS:
            self.protocol.addItem(names[p], p.value)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(choice.protocol)))
        self.link = QComboBox()
        self.link.addItem(self.tr("Serial / Bluetooth port"), "serial")
        self.link.addItem(self.tr("TCP (Wi-Fi)"), "tcp")
        self.link.setCurrentIndex(LINKS.index(choice.link) if choice.link in LINKS else 0)
        self.port = QComboBox()
        self.port.setEditable(True)
        refresh = QPushButton(self.tr("Refresh"))
        row = QHBoxLayout()
        row.addWidget(self.port, 1)
        row.addWidget(refresh)
        self.baud = QComboBox()
        self.baud.addItems(BAUDS)
        self.baud.setCurrentText(str(choice.baud))
        self.tcp = QLineEdit(choice.tcp)
        self.tcp.setPlaceholderText("192.168.1.10:5017")
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow(self.tr("Connection"), self.link)
        form.addRow(self.tr("Port"), row)
        form.addRow(self.tr("Baud"), self.baud)
        form.addRow(self.tr("TCP host:port"), self.tcp)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        refresh.clicked.connect(self.refresh_ports)
        self.refresh_ports()
        self.port.setCurrentText(choice.port)

    def refresh_ports(self) -> None:
        current = self.port.currentText()
        fill_ports(self.port)
        self.port.setCurrentText(current)

    def choice(self) -> InstrumentChoice:
        # The port box is editable: the typed text wins, a listed entry gives its device name.
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        port = self.port.itemData(index) if index >= 0 else text.split(" – ")[0].strip()
        return InstrumentChoice(str(self.protocol.currentData()), str(self.link.currentData()),
                                str(port), int(self.baud.currentText()),
                                self.tcp.text().strip())  # fmt: skip


class StationPanel(QWidget):
    """Builds the StationSetup from a backsight shot and emits each shot on the prism."""

    setup_changed = Signal(object)  # StationSetup | None
    shot_measured = Signal(object)  # TsShot
    link_lost = Signal(str)  # the port is gone or silent: readouts are no longer live
    message = Signal(str)

    def __init__(
        self, session: JobSession, link: InstrumentLink | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.link = link or InstrumentLink(self)
        self.setup: StationSetup | None = None
        self._backsight: tuple[str, GridPosition | float, bool] | None = None

        box = QGroupBox(self.tr("Station setup"))
        grid = QGridLayout(box)
        self.instrument_label = QLabel()
        self.instrument_label.setWordWrap(True)
        self.instrument_btn = QPushButton(self.tr("Instrument…"))
        grid.addWidget(self.instrument_label, 0, 0, 1, 2)
        grid.addWidget(self.instrument_btn, 0, 2)
        self.station_box = QComboBox()
        grid.addWidget(QLabel(self.tr("Station")), 1, 0)
        grid.addWidget(self.station_box, 1, 1, 1, 2)
        self.backsight_box = QComboBox()
        self.azimuth_edit = QLineEdit()
        self.azimuth_edit.setPlaceholderText("123 45 06")
        grid.addWidget(QLabel(self.tr("Backsight")), 2, 0)
        grid.addWidget(self.backsight_box, 2, 1, 1, 2)
        grid.addWidget(self.azimuth_edit, 3, 1, 1, 2)
        self.hi_edit = QLineEdit("1,500")
        self.ht_edit = QLineEdit("1,800")
        grid.addWidget(QLabel(self.tr("Instr. ht (m)")), 4, 0)
        grid.addWidget(self.hi_edit, 4, 1)
        grid.addWidget(QLabel(self.tr("Prism ht (m)")), 5, 0)
        grid.addWidget(self.ht_edit, 5, 1)
        self.measure_bs_btn = QPushButton(self.tr("Measure backsight"))
        self.bs_distance = QCheckBox(self.tr("with distance"))
        self.bs_distance.setChecked(True)
        grid.addWidget(self.measure_bs_btn, 6, 0, 1, 2)
        grid.addWidget(self.bs_distance, 6, 2)
        self.orientation_label = QLabel(self.tr("Not oriented yet"))
        self.orientation_label.setWordWrap(True)
        grid.addWidget(self.orientation_label, 7, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        # Measure and Track are the buttons used all day: the view places them next to the
        # readouts, big; this panel runs them.
        self.measure_btn = QPushButton(self.tr("Measure"))
        self.measure_btn.setProperty("accent", True)
        self.track_btn = QPushButton(self.tr("Track"))
        self.track_btn.setCheckable(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(self.status)  # the view may move it next to the readouts
        layout.addStretch(1)

        self.instrument_btn.clicked.connect(self.choose_instrument)
        self.measure_bs_btn.clicked.connect(self.measure_backsight)
        self.measure_btn.clicked.connect(self.measure)
        self.track_btn.toggled.connect(self._on_track)
        self.backsight_box.currentIndexChanged.connect(self._on_backsight_kind)
        self.station_box.currentIndexChanged.connect(self._invalidate)
        self.backsight_box.currentIndexChanged.connect(self._invalidate)
        self.hi_edit.textEdited.connect(self._invalidate)
        self.azimuth_edit.textEdited.connect(self._invalidate)
        self.link.finished.connect(self._on_outcome)
        self.link.busy_changed.connect(self._on_busy)
        session.layers_changed.connect(self.refresh)
        self.refresh()
        self.use_instrument(InstrumentChoice.load(), quiet=True)

    # -- inputs ----------------------------------------------------------------------
    def refresh(self) -> None:
        names = [c.name for c in self.session.layers.control]
        for box in (self.station_box, self.backsight_box):
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            if current in names:
                box.setCurrentText(current)
            box.blockSignals(False)
        self.backsight_box.blockSignals(True)
        self.backsight_box.addItem(self.tr("Azimuth (DMS)"), AZIMUTH)
        if self.backsight_box.currentIndex() == 0 and len(names) > 1:
            self.backsight_box.setCurrentIndex(1)
        self.backsight_box.blockSignals(False)
        self._on_backsight_kind()

    def _on_backsight_kind(self, _index: int = 0) -> None:
        self.azimuth_edit.setVisible(self.backsight_box.currentData() == AZIMUTH)
        self.bs_distance.setEnabled(self.backsight_box.currentData() != AZIMUTH)

    def _control(self, name: str) -> MapPoint | None:
        return next((c for c in self.session.layers.control if c.name == name), None)

    def _grid_position(self, point: MapPoint) -> GridPosition:
        grid = self.session.layers.grid
        return position_from_geographic(grid, point.lat, point.lon, point.h)

    def _height(self, edit: QLineEdit, what: str) -> float | None:
        try:
            return parse_metres(edit.text())
        except ValueError:
            self.show_error(self.tr("{0}: type a number of metres, e.g. 1,550").format(what))
            edit.setFocus()
            return None

    def target_height(self) -> float | None:
        return self._height(self.ht_edit, self.tr("Prism height"))

    def _invalidate(self, *_args: object) -> None:
        if self.setup is not None:
            self.setup = None
            self.orientation_label.setText(self.tr("Setup changed: measure the backsight again."))
            self.setup_changed.emit(None)

    # -- instrument --------------------------------------------------------------------
    def choose_instrument(self) -> None:
        dialog = InstrumentDialog(self.link.choice or InstrumentChoice.load(), self)
        if dialog.exec():
            self.use_instrument(dialog.choice())

    def use_instrument(self, choice: InstrumentChoice, quiet: bool = False) -> bool:
        self.instrument_label.setText(self.tr("Instrument: {0}").format(choice.label()))
        if not choice.configured:
            if not quiet:
                self.show_error(self.tr("Choose the instrument's port first (Instrument…)."))
            return False
        try:
            self.link.configure(choice)
        except ValueError as exc:
            self.show_error(self.tr("Instrument: {0}").format(error_text(exc)))
            return False
        choice.save()
        self.show_info(self.tr("Instrument ready: {0}").format(choice.label()))
        return True

    def _request(self, tag: str, distance: bool = True) -> bool:
        if self.link.choice is None:
            self.show_error(self.tr("Choose the instrument's port first (Instrument…)."))
            return False
        if not self.link.request(tag, distance):
            self.show_info(self.tr("The instrument is still measuring…"))
            return False
        self.show_info(self.tr("Measuring…"))
        return True

    def measure_backsight(self) -> None:
        station = self._control(self.station_box.currentText())
        if station is None:
            self.show_error(self.tr("Choose the station (a control point)."))
            return
        if self._height(self.hi_edit, self.tr("Instrument height")) is None:
            return
        if self.backsight_box.currentData() == AZIMUTH:
            try:
                azimuth = parse_azimuth(self.azimuth_edit.text())
            except TsInputError as exc:
                self.show_error(self.tr("Backsight azimuth: {0}").format(error_text(exc)))
                self.azimuth_edit.setFocus()
                return
            self._backsight = (self.tr("azimuth {0}").format(format_angle(azimuth)), azimuth, False)
        else:
            bs = self._control(self.backsight_box.currentText())
            if bs is None or bs.name == station.name:
                self.show_error(self.tr("Choose a backsight point other than the station."))
                return
            self._backsight = (bs.name, self._grid_position(bs), self.bs_distance.isChecked())
        self._request("backsight", self._backsight[2])

    def measure(self) -> bool:
        if self.setup is None:
            self.show_error(self.tr("Measure the backsight first: the instrument is not oriented."))
            self.track_btn.setChecked(False)
            return False
        if self.target_height() is None:
            self.track_btn.setChecked(False)
            return False
        return self._request("shot")

    def _on_track(self, on: bool) -> None:
        if on and not self.link.busy:
            self.measure()

    def _on_busy(self, busy: bool) -> None:
        self.measure_bs_btn.setEnabled(not busy)
        self.measure_btn.setEnabled(not busy)

    # -- outcomes ----------------------------------------------------------------------
    def _on_outcome(self, outcome: InstrumentOutcome) -> None:
        if outcome.error is not None:
            err = outcome.error
            if err.kind is FailureKind.INSTRUMENT:
                self.show_error(self.tr("Instrument: {0}").format(str(err)))
            else:
                self.track_btn.setChecked(False)
                text = self.tr("Instrument link lost: {0}. Press Measure to reconnect.")
                self.show_error(text.format(str(err)))
                self.link_lost.emit(str(err))
            if err.kind is FailureKind.INSTRUMENT and self.track_btn.isChecked():
                QTimer.singleShot(TRACK_INTERVAL_MS, self._track_next)
            return
        reading = outcome.reading
        assert reading is not None
        if outcome.tag == "backsight":
            self._orient(reading.hz, reading.v, reading.sd)
            return
        height = self.target_height()
        if height is None:
            return
        self.show_info(self.tr("Measured."))
        self.shot_measured.emit(TsShot(reading.hz, reading.v, reading.sd, height))
        if self.track_btn.isChecked():
            QTimer.singleShot(TRACK_INTERVAL_MS, self._track_next)

    def _track_next(self) -> None:
        if self.track_btn.isChecked() and not self.link.busy:
            self.measure()

    def _orient(self, hz: float, v: float, sd: float | None) -> None:
        station = self._control(self.station_box.currentText())
        hi = self._height(self.hi_edit, self.tr("Instrument height"))
        if station is None or hi is None or self._backsight is None:
            return
        name, where, _dist = self._backsight
        try:
            if isinstance(where, float):
                setup = orient_on_azimuth(self._grid_position(station), hi, where, hz,
                                          station_id=station.name)  # fmt: skip
            else:
                setup = orient_on_backsight_point(
                    self.session.layers.grid, self._grid_position(station), hi, where,
                    TsShot(hz, v, sd), station_id=station.name, backsight_id=name,
                )  # fmt: skip
        except TsInputError as exc:
            self.show_error(error_text(exc))
            return
        self.setup = setup
        text = self.tr("Oriented on {0}: Hz {1}, orientation {2}").format(
            name, format_angle(hz), format_angle(setup.orientation)
        )
        if setup.backsight_distance_residual is not None:
            text += "\n" + self.tr("Backsight distance residual {0} m").format(
                fixed(setup.backsight_distance_residual, 3, sign=True)
            )
        self.orientation_label.setText(text)
        self.show_info(self.tr("Oriented. Aim at the prism and press Measure or Track."))
        self.setup_changed.emit(setup)

    # -- messages ----------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.status.setStyleSheet(text_style("bad"))
        self.status.setText(text)
        self.message.emit(text)

    def show_info(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def shutdown(self) -> None:
        self.track_btn.setChecked(False)
        self.link.shutdown()
