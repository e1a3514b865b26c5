"""Receiver and instrument setup: port with description, baud, TCP, replay, simulator, NTRIP, TS."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from fieldapp.gnss.ntrip import NtripProfile
from fieldapp.gnss.sources import (
    DEFAULT_BAUD,
    ByteSource,
    PortInfo,
    list_ports,
    parse_host_port,
)
from fieldapp.ui.app import settings

KINDS = ("simulator", "serial", "tcp", "replay")
BAUDS = ("4800", "9600", "19200", "38400", "57600", "115200", "230400", "460800")


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    kind: str = "simulator"
    port: str = ""
    baud: int = DEFAULT_BAUD
    tcp: str = ""
    replay: str = ""
    ntrip: str = ""

    def save(self) -> None:
        s = settings()
        for key in DeviceChoice.__slots__:
            s.setValue(f"device/{key}", getattr(self, key))

    @classmethod
    def load(cls) -> DeviceChoice:
        s = settings()
        d = cls()
        try:
            return cls(**{k: type(getattr(d, k))(s.value(f"device/{k}", getattr(d, k)))
                          for k in cls.__slots__})  # fmt: skip
        except (TypeError, ValueError):
            return d


def fill_ports(combo: QComboBox) -> None:
    """Lists the serial ports as "device – description" items whose data is the device name."""
    combo.clear()
    try:
        ports = list_ports()
    except Exception:  # a broken enumeration backend must not break the dialog
        ports = []
    for p in ports:
        combo.addItem(f"{p.device} – {p.description}{_kind_text(p)}", p.device)


def _kind_text(port: PortInfo) -> str:
    """' · Bluetooth 00:1A:…' / ' · USB 1546:01A9'; a Windows incoming Bluetooth port says so."""
    if port.incoming_bluetooth:
        words = QCoreApplication.translate(
            "DeviceDialog", "Bluetooth incoming: not the receiver's port"
        )
        return f" · {words}"
    label = port.kind_label()
    return f" · {label}" if label else ""


def make_source(choice: DeviceChoice, near: tuple[float, float] | None = None) -> ByteSource:
    """The byte source for a choice; ValueError with a message for the window when impossible."""
    if choice.kind == "serial":
        from fieldapp.gnss.sources import SerialSource

        if not choice.port:
            raise ValueError("choose a serial port")
        # exclusive: a port another program reads says 'busy' (POSIX flock; Windows always is).
        return SerialSource(choice.port, choice.baud, exclusive=True)
    if choice.kind == "tcp":
        from fieldapp.gnss.sources import TcpSource

        host, port = parse_host_port(choice.tcp)
        return TcpSource(host, port)
    if choice.kind == "replay":
        from fieldapp.gnss.filesource import FileReplaySource

        if not choice.replay:
            raise ValueError("choose a capture file to replay")
        return FileReplaySource(choice.replay)
    from fieldapp.gnss.simulator import SimConfig, SimulatorSource

    cfg = SimConfig() if near is None else SimConfig(start_lat=near[0], start_lon=near[1])
    return SimulatorSource(cfg)


def chosen_ntrip_profile(choice: DeviceChoice) -> NtripProfile | None:
    """The saved profile the choice names; None for "no corrections" or a deleted profile."""
    if not choice.ntrip:
        return None
    from fieldapp.ui.ntrip_dialog import ntrip_profiles  # the editor loads with its dialog

    return next((p for p in ntrip_profiles() if p.name == choice.ntrip), None)


class DeviceDialog(QDialog):
    """Edits a DeviceChoice; remembered per machine in QSettings."""

    def __init__(
        self, parent: QWidget | None = None, position: tuple[float, float] | None = None
    ) -> None:
        super().__init__(parent)
        self.position = position  # for distances to NTRIP mountpoints
        self.setWindowTitle(self.tr("Receiver and instrument"))
        choice = DeviceChoice.load()
        form = QFormLayout(self)
        self.kind = QComboBox()
        names = {
            "simulator": self.tr("Simulator"),
            "serial": self.tr("Serial / Bluetooth port"),
            "tcp": self.tr("TCP (Wi-Fi)"),
            "replay": self.tr("Replay a capture file"),
        }
        for k in KINDS:
            self.kind.addItem(names[k], k)
        self.kind.setCurrentIndex(KINDS.index(choice.kind) if choice.kind in KINDS else 0)
        self.port = QComboBox()
        self.port.setEditable(True)
        refresh = QPushButton(self.tr("Refresh"))
        port_row = QHBoxLayout()
        port_row.addWidget(self.port, 1)
        port_row.addWidget(refresh)
        self.baud = QComboBox()
        self.baud.addItems(BAUDS)
        self.baud.setCurrentText(str(choice.baud))
        self.tcp = QLineEdit(choice.tcp)
        self.tcp.setPlaceholderText("192.168.1.10:5017")
        self.replay = QLineEdit(choice.replay)
        browse = QPushButton(self.tr("Browse…"))
        replay_row = QHBoxLayout()
        replay_row.addWidget(self.replay, 1)
        replay_row.addWidget(browse)
        self.ntrip = QComboBox()
        self.fill_ntrip(choice.ntrip)
        profiles_btn = QPushButton(self.tr("Profiles…"))
        ntrip_row = QHBoxLayout()
        ntrip_row.addWidget(self.ntrip, 1)
        ntrip_row.addWidget(profiles_btn)
        # One place for the total station's settings: the dialog the stake-out view uses.
        self.ts_button = QPushButton(self.tr("Total station…"))
        form.addRow(self.tr("Receiver"), self.kind)
        form.addRow(self.tr("Port"), port_row)
        form.addRow(self.tr("Baud"), self.baud)
        form.addRow(self.tr("TCP host"), self.tcp)
        form.addRow(self.tr("Replay file"), replay_row)
        form.addRow(self.tr("NTRIP corrections"), ntrip_row)
        form.addRow(self.tr("Total station"), self.ts_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        refresh.clicked.connect(self.refresh_ports)
        browse.clicked.connect(self._browse)
        profiles_btn.clicked.connect(self.edit_ntrip_profiles)
        self.ts_button.clicked.connect(self.edit_instrument)
        self.refresh_ports()
        self.set_port(choice.port)

    def refresh_ports(self) -> None:
        typed = self.typed_port()
        fill_ports(self.port)
        self.set_port(typed)

    def set_port(self, port: str) -> None:
        """Shows ``port``: its listed item, or the name as typed when it is not listed now."""
        index = self.port.findData(port) if port else min(0, self.port.count() - 1)
        if index >= 0:
            self.port.setCurrentIndex(index)
        else:
            # A receiver that is unplugged now stays chosen: never swap in another port.
            self.port.setCurrentIndex(-1)
            self.port.setEditText(port)

    def typed_port(self) -> str:
        """The port in the box: a listed item's device name, or the text exactly as typed."""
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        if index >= 0 and self.port.itemData(index):
            return str(self.port.itemData(index))
        return text

    def edit_instrument(self) -> None:
        from fieldapp.ui.instrument_link import InstrumentChoice
        from fieldapp.ui.station_panel import InstrumentDialog

        dialog = InstrumentDialog(InstrumentChoice.load(), self)
        if dialog.exec():
            dialog.choice().save()

    def fill_ntrip(self, selected: str) -> None:
        self.ntrip.clear()
        self.ntrip.addItem(self.tr("No corrections"), "")
        from fieldapp.ui.ntrip_dialog import ntrip_profiles

        for p in ntrip_profiles():
            self.ntrip.addItem(f"{p.name} – {p.host}/{p.mountpoint}", p.name)
        self.ntrip.setCurrentIndex(max(0, self.ntrip.findData(selected)))

    def edit_ntrip_profiles(self) -> None:
        before = str(self.ntrip.currentData() or "")
        from fieldapp.ui.ntrip_dialog import NtripDialog

        dialog = NtripDialog(self.position, self)
        dialog.exec()
        names = [p.name for p in dialog.profiles]
        # A profile just saved is most likely the one wanted now.
        pick = dialog.last_saved if dialog.last_saved in names else before
        self.fill_ntrip(pick or "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Capture file"))
        if path:
            self.replay.setText(path)

    def choice(self) -> DeviceChoice:
        return DeviceChoice(
            kind=str(self.kind.currentData()), port=self.typed_port(),
            baud=int(self.baud.currentText()),
            tcp=self.tcp.text().strip(), replay=self.replay.text().strip(),
            ntrip=str(self.ntrip.currentData() or ""),
        )  # fmt: skip

    def accept(self) -> None:
        self.choice().save()
        super().accept()
