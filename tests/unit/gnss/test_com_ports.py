"""COM port names, descriptions and kinds from pyserial's Windows backend data structures."""

from __future__ import annotations

import pytest
from comports import RECEIVER_BT, enumerate_as, windows_ports

from fieldapp.cli import main
from fieldapp.gnss.sources import PortInfo, list_ports


@pytest.fixture
def windows_laptop(monkeypatch: pytest.MonkeyPatch) -> None:
    # The OS enumeration is the one thing replaced: Wine and Linux cannot give these ports.
    enumerate_as(monkeypatch, lambda *a, **k: windows_ports())


@pytest.mark.usefixtures("windows_laptop")
def test_ports_in_number_order_with_kinds_and_the_receivers_address() -> None:
    ports = {p.device: p for p in list_ports()}
    assert list(ports) == ["COM1", "COM4", "COM5", "COM7", "COM8", "COM10"]  # COM10 last
    assert all(isinstance(p, PortInfo) for p in ports.values())
    assert {d: p.kind for d, p in ports.items()} == {
        "COM1": "serial", "COM4": "usb", "COM5": "usb",
        "COM7": "bluetooth", "COM8": "bluetooth", "COM10": "usb",
    }  # fmt: skip
    bt = ports["COM7"]
    assert bt.description == "Standard Serial over Bluetooth link (COM7)"
    assert bt.bluetooth_address == RECEIVER_BT and not bt.incoming_bluetooth
    assert bt.kind_label() == f"Bluetooth {RECEIVER_BT}"
    assert ports["COM8"].incoming_bluetooth
    assert ports["COM8"].kind_label() == "Bluetooth incoming: not the receiver's port"
    assert ports["COM4"].kind_label() == "USB 1546:01A9"  # u-blox
    assert ports["COM4"].hwid == "USB VID:PID=1546:01A9 LOCATION=1-2:x.0"
    assert ports["COM5"].serial_number == "A50285BIA" and ports["COM5"].manufacturer == "FTDI"
    assert ports["COM1"].kind_label() == "" and ports["COM1"].hwid == r"ACPI\PNP0501\1"


@pytest.mark.usefixtures("windows_laptop")
def test_gnss_ports_command_shows_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gnss", "ports"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["COM1", "COM4", "COM5", "COM7", "COM8", "COM10"]
    com7 = next(line for line in lines if line.startswith("COM7 "))
    assert "Standard Serial over Bluetooth link (COM7)  (Bluetooth 00:1A:7D:DA:71:13)" in com7
    assert "BTHENUM" in com7
    com8 = next(line for line in lines if line.startswith("COM8 "))
    assert "(Bluetooth incoming: not the receiver's port)" in com8
    com4 = next(line for line in lines if line.startswith("COM4 "))
    assert "USB Serial Device (COM4)  (USB 1546:01A9)  [USB VID:PID=1546:01A9" in com4


def test_no_ports_says_what_to_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    enumerate_as(monkeypatch, lambda *a, **k: [])
    assert main(["gnss", "ports"]) == 0
    assert "pair it first" in capsys.readouterr().out


def test_an_enumeration_that_fails_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*a: object, **k: object) -> list[object]:
        raise AttributeError("function 'CM_MapCrToWin32Err' not found")  # as under Wine

    enumerate_as(monkeypatch, broken)
    assert main(["gnss", "ports"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fieldapp: cannot list the serial ports: function 'CM_MapCrToWin32Err'")
    assert "type the port (e.g. COM5)" in err and err.count("\n") == 1


def test_linux_names_keep_their_kinds() -> None:
    assert PortInfo("/dev/rfcomm0", "n/a", "n/a").kind == "bluetooth"
    assert (
        PortInfo("/dev/ttyACM0", "u-blox GNSS", "USB VID:PID=1546:01A9", vid=0x1546).kind == "usb"
    )
    assert PortInfo("/dev/ttyS0", "ttyS0", "PNP0501").kind == "serial"
