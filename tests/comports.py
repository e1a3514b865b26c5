"""COM ports as pyserial's Windows backend (serial/tools/list_ports_windows.py) builds them.

Wine cannot enumerate COM ports (CM_MapCrToWin32Err is missing), so the port listing is tested
with the backend's own ListPortInfo objects, filled field by field the way it fills them from
SetupAPI: the device instance id, the friendly name, the manufacturer, and for USB the
VID/PID/serial/location parsed from the id and turned into ``hwid`` by ``usb_info()``.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

import pytest
import serial.tools
from serial.tools.list_ports_common import ListPortInfo

SPP = "{00001101-0000-1000-8000-00805F9B34FB}"  # the Serial Port Profile's service class
RECEIVER_BT = "00:1A:7D:DA:71:13"


def _port(device: str, friendly: str, manufacturer: str) -> ListPortInfo:
    info = ListPortInfo(device, skip_link_detection=True)
    info.description = friendly
    info.manufacturer = manufacturer
    return info


def _usb(device: str, friendly: str, manufacturer: str, vid: int, pid: int,
         serial: str | None, location: str | None) -> ListPortInfo:  # fmt: skip
    info = _port(device, friendly, manufacturer)
    info.vid, info.pid, info.serial_number, info.location = vid, pid, serial, location
    info.hwid = info.usb_info()  # as the backend does for USB and FTDIBUS ids
    return info


def _other(device: str, instance_id: str, friendly: str, manufacturer: str) -> ListPortInfo:
    info = _port(device, friendly, manufacturer)
    info.hwid = instance_id  # the backend keeps a non-USB instance id as it is
    return info


def windows_ports() -> list[ListPortInfo]:
    """A surveyor's rugged laptop: a paired Bluetooth GNSS, USB receivers, a built-in port.

    In the order SetupAPI enumerates them, not sorted: COM10 comes before COM4 here.
    """
    return [
        _other("COM7", rf"BTHENUM\{SPP}_LOCALMFG&0002\7&1E7A2A8&0&001A7DDA7113_C00000000",
               "Standard Serial over Bluetooth link (COM7)", "Microsoft"),
        _other("COM8", rf"BTHENUM\{SPP}_LOCALMFG&0000\7&1E7A2A8&0&000000000000_00000000",
               "Standard Serial over Bluetooth link (COM8)", "Microsoft"),
        _usb("COM10", "Prolific USB-to-Serial Comm Port (COM10)", "Prolific", 0x067B, 0x2303,
             None, "1-3"),
        _usb("COM4", "USB Serial Device (COM4)", "Microsoft", 0x1546, 0x01A9, None, "1-2:x.0"),
        _usb("COM5", "USB Serial Port (COM5)", "FTDI", 0x0403, 0x6001, "A50285BIA", None),
        _other("COM1", r"ACPI\PNP0501\1", "Communications Port (COM1)", "(Standard port types)"),
    ]  # fmt: skip


def enumerate_as(monkeypatch: pytest.MonkeyPatch, comports: Callable[..., list]) -> None:  # type: ignore[type-arg]
    """Put ``comports`` where fieldapp imports it (serial.tools.list_ports).

    A stand-in module rather than an attribute on the real one: under Wine importing
    serial.tools.list_ports itself fails (its Windows backend needs CM_MapCrToWin32Err).
    """
    module = types.ModuleType("serial.tools.list_ports")
    module.comports = comports  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "serial.tools.list_ports", module)
    monkeypatch.setattr(serial.tools, "list_ports", module, raising=False)
