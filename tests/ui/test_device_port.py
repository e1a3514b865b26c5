"""Ports as typed: used and saved as typed; a missing port is named when connecting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldapp.gnss.simulator import SimConfig, SimulatorSource
from fieldapp.gnss.sources import PortInfo
from fieldapp.ui import device_dialog
from fieldapp.ui.device_dialog import DeviceChoice, DeviceDialog
from fieldapp.ui.main_window import MainWindow

posix_only = pytest.mark.posix(reason="pseudo-terminals")


@pytest.fixture
def listed_ports(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ports this machine lists (what pyserial's enumeration would report on a laptop)."""
    ports = [PortInfo("/dev/ttyS0", "ttyS0", "PNP0501"), PortInfo("/dev/ttyACM0", "u-blox", "USB")]
    monkeypatch.setattr(device_dialog, "list_ports", lambda: ports)


def _type_port(qtbot, dialog: DeviceDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.kind.setCurrentIndex(dialog.kind.findData("serial"))
    edit = dialog.port.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_a_typed_port_is_saved_and_shown_as_typed(qtbot, listed_ports) -> None:  # type: ignore[no-untyped-def]
    dialog = DeviceDialog()
    qtbot.addWidget(dialog)
    assert dialog.port.count() == 2 and dialog.port.currentText().startswith("/dev/ttyS0")
    _type_port(qtbot, dialog, "/dev/ttyUSB7")
    assert dialog.choice().port == "/dev/ttyUSB7"
    dialog.accept()
    assert DeviceChoice.load().port == "/dev/ttyUSB7"

    # Reopened with the receiver unplugged: still the typed port, never another one.
    again = DeviceDialog()
    qtbot.addWidget(again)
    assert again.port.currentText() == "/dev/ttyUSB7"
    again.refresh_ports()
    assert again.port.currentText() == "/dev/ttyUSB7"
    again.accept()
    assert DeviceChoice.load().port == "/dev/ttyUSB7"

    # A listed port picked from the list is saved by its device name, not its description.
    third = DeviceDialog()
    qtbot.addWidget(third)
    third.port.setCurrentIndex(1)
    assert third.choice().port == "/dev/ttyACM0"
    _type_port(qtbot, third, "COM12")
    assert third.choice().port == "COM12"


def test_a_missing_port_is_named_when_connecting(qtbot, demo_job: Path) -> None:  # type: ignore[no-untyped-def]
    DeviceChoice(kind="serial", port="/dev/ttyUSB7").save()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    # The link keeps trying (a receiver plugged in later connects by itself) and says why not.
    assert window.connect_device()
    qtbot.waitUntil(lambda: "/dev/ttyUSB7" in window.statusBar().currentMessage(), timeout=5000)
    assert window.adapter._link is not None
    assert window.adapter._link.source.port == "/dev/ttyUSB7"  # type: ignore[attr-defined]
    assert DeviceChoice.load().port == "/dev/ttyUSB7"  # nothing replaced it
    window.adapter.disconnect_device()
    window.close()


@posix_only
def test_a_typed_port_that_exists_is_used(  # type: ignore[no-untyped-def]
    qtbot, demo_job: Path, tmp_path: Path, listed_ports
) -> None:
    import tty  # POSIX only, like the test

    master, slave = os.openpty()
    tty.setraw(slave)
    typed = tmp_path / "ttyUSB7"  # a receiver on a port the OS does not list
    typed.symlink_to(os.ttyname(slave))
    try:
        dialog = DeviceDialog()
        qtbot.addWidget(dialog)
        _type_port(qtbot, dialog, str(typed))
        dialog.accept()
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_job(demo_job)
        assert window.connect_device()
        assert window.adapter._link is not None
        assert window.adapter._link.source.port == str(typed)  # type: ignore[attr-defined]
        sim = SimulatorSource(SimConfig(), realtime=False)
        sim.open()

        def feed() -> bool:
            os.write(master, sim.read())
            return window.adapter.latest_fix is not None

        qtbot.waitUntil(feed, timeout=10000)
        window.adapter.disconnect_device()
        window.close()
    finally:
        os.close(master)
        os.close(slave)


def test_windows_com_ports_listed_with_kind_and_picked_by_name(
    qtbot, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # pyserial's Windows backend objects (tests/comports.py): Wine cannot list real COM ports.
    from comports import enumerate_as, windows_ports

    enumerate_as(monkeypatch, lambda *a, **k: windows_ports())
    dialog = DeviceDialog()
    qtbot.addWidget(dialog)
    items = [dialog.port.itemText(i) for i in range(dialog.port.count())]
    assert items == [
        "COM1 – Communications Port (COM1)",
        "COM4 – USB Serial Device (COM4) · USB 1546:01A9",
        "COM5 – USB Serial Port (COM5) · USB 0403:6001",
        "COM7 – Standard Serial over Bluetooth link (COM7) · Bluetooth 00:1A:7D:DA:71:13",
        "COM8 – Standard Serial over Bluetooth link (COM8)"
        " · Bluetooth incoming: not the receiver's port",
        "COM10 – Prolific USB-to-Serial Comm Port (COM10) · USB 067B:2303",
    ]
    dialog.kind.setCurrentIndex(dialog.kind.findData("serial"))
    dialog.port.setCurrentIndex(3)
    assert dialog.choice().port == "COM7"  # the device name, never the description
    dialog.show()
    dialog.grab().save(str(tmp_path / "com_ports.png"))
