"""Byte sources behind one interface: serial ports (pyserial) and TCP clients, plus port listing."""

from __future__ import annotations

import abc
import contextlib
import errno
import functools
import re
import socket
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

MIN_BAUD = 4800
MAX_BAUD = 921600
DEFAULT_BAUD = 115200
# Short read slices keep the reader thread responsive to stop() and let it close
# epochs by timeout; select() returns as soon as bytes arrive, so latency is unaffected.
DEFAULT_READ_TIMEOUT_S = 0.05
_CHUNK = 65536


class SourceError(Exception):
    """The device cannot be opened or has gone away; the message names it and says why."""


class EndOfStream(Exception):
    """A finite source (file replay, finite simulation) has delivered everything."""


class ByteSource(abc.ABC):
    """A device giving bytes in chunks. Used from one reader thread, except `write`/`cancel`.

    `read()` waits at most `read_timeout` seconds and returns b"" when nothing arrived,
    so the caller keeps its clock running; it raises SourceError when the device is lost.
    """

    read_timeout: float = DEFAULT_READ_TIMEOUT_S
    #: False for finite sources (file replay): the link then stops at EndOfStream.
    reconnectable: bool = True

    @property
    @abc.abstractmethod
    def label(self) -> str:
        """Human name for messages, e.g. '/dev/ttyUSB0 @ 115200 baud'."""

    @property
    @abc.abstractmethod
    def device(self) -> str:
        """Short name safe for a file name, e.g. 'ttyUSB0' or 'tcp-10.0.0.5-5017'."""

    @abc.abstractmethod
    def open(self) -> None:
        """Open (or reopen) the device; raise SourceError with a clear reason."""

    @abc.abstractmethod
    def read(self) -> bytes:
        """Return what arrived (possibly b""), waiting at most `read_timeout`."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the device; safe to call twice or when not open."""

    def write(self, data: bytes) -> None:
        """Send bytes to the device (e.g. RTCM corrections); raise SourceError if impossible."""
        raise SourceError(f"{self.label}: this source cannot be written to")

    def cancel(self) -> None:  # noqa: B027 - optional hook, most sources wake by read_timeout
        """Wake a blocked read from another thread (best effort)."""


def safe_device_name(name: str) -> str:
    """A file-name-safe short form of a device name (basename of /dev paths, no odd characters)."""
    if is_serial_url(name):
        base = "-".join(part for part in name.split("://", 1) if part)
    else:
        base = PurePath(name).name if "/" in name else name
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    return cleaned or "device"


def validate_baud(baud: int) -> int:
    if not MIN_BAUD <= baud <= MAX_BAUD:
        raise ValueError(f"baud rate {baud} outside {MIN_BAUD}..{MAX_BAUD}")
    return baud


@dataclass(frozen=True, slots=True)
class PortInfo:
    """One serial port the OS knows about."""

    device: str  # COM5, /dev/ttyUSB0, /dev/rfcomm0
    description: str
    hwid: str
    manufacturer: str | None = None
    serial_number: str | None = None
    vid: int | None = None
    pid: int | None = None

    @property
    def kind(self) -> str:
        """'bluetooth', 'usb' or 'serial' (a built-in or RS-232 port)."""
        hwid = self.hwid.upper()
        if hwid.startswith("BTHENUM") or "bluetooth" in self.description.lower():
            return "bluetooth"
        if "/rfcomm" in self.device:
            return "bluetooth"
        if self.vid is not None or hwid.startswith(("USB", "FTDIBUS")):
            return "usb"
        return "serial"

    @property
    def bluetooth_address(self) -> str | None:
        """The paired device's address in a Windows Bluetooth port's id, '00:1A:7D:DA:71:13'.

        Windows makes two COM ports per paired SPP device: the outgoing one, whose instance id
        ends in the device's address, is the receiver's; the incoming one (address zero) is
        for devices that call the laptop, and a receiver never answers on it.
        """
        match = re.search(r"&([0-9A-F]{12})_[0-9A-F]+$", self.hwid.upper())
        if self.kind != "bluetooth" or match is None:
            return None
        digits = match.group(1)
        return ":".join(digits[i : i + 2] for i in range(0, 12, 2))

    @property
    def incoming_bluetooth(self) -> bool:
        """A Windows incoming Bluetooth port: no receiver answers there."""
        return self.bluetooth_address == "00:00:00:00:00:00"

    def kind_label(self) -> str:
        """'Bluetooth 00:1A:…', 'USB 1546:01A9' or '' for a plain serial port; English."""
        if self.kind == "bluetooth":
            address = self.bluetooth_address
            if self.incoming_bluetooth:
                return "Bluetooth incoming: not the receiver's port"
            return f"Bluetooth {address}" if address else "Bluetooth"
        if self.kind == "usb":
            if self.vid is None:
                return "USB"
            return f"USB {self.vid:04X}:{self.pid or 0:04X}"
        return ""


def _natural_key(device: str) -> tuple[str, int, str]:
    """COM2 before COM10: the number in a port name compares as a number."""
    match = re.fullmatch(r"(.*?)(\d+)", device)
    if match is None:
        return (device, -1, device)
    return (match.group(1), int(match.group(2)), device)


def list_ports() -> list[PortInfo]:
    """Serial ports with their descriptions (Bluetooth SPP ports appear here too).

    SourceError when the OS cannot enumerate them (pyserial's Windows backend fails on import
    where cfgmgr32 lacks a function, as under Wine).
    """
    try:
        from serial.tools import list_ports as lp

        found = list(lp.comports())
    except Exception as exc:  # ImportError, AttributeError from ctypes, OSError alike
        raise SourceError(f"cannot list the serial ports: {exc}") from exc
    ports = [
        PortInfo(
            device=str(p.device),
            description=str(p.description or "n/a"),
            hwid=str(p.hwid or "n/a"),
            manufacturer=p.manufacturer,
            serial_number=p.serial_number,
            vid=p.vid,
            pid=p.pid,
        )
        for p in found
    ]
    return sorted(ports, key=lambda p: _natural_key(p.device))


def _serial_reason(port: str, exc: BaseException) -> str:
    """Turn pyserial's varied messages into one line a surveyor can act on."""
    text = str(exc)
    err = getattr(exc, "errno", None)
    low = text.lower()
    if (
        err == errno.ENOENT
        or "no such file" in low
        or "filenotfound" in low
        or "cannot find" in low
    ):
        return f"port {port} not found (unplugged, or Bluetooth not paired?)"
    if (
        err == errno.EBUSY
        or "busy" in low
        or "exclusively lock" in low
        or "access is denied" in low
    ):
        return f"port {port} is busy (another program has it open?)"
    if is_serial_url(port) and "refused" in low:
        # socket://: a serial bridge that is off, or gone, like an unplugged port.
        return f"port {port} not found (nothing answers at that address)"
    if err == errno.EACCES or "permission denied" in low:
        return f"no permission to open port {port} (on Linux: add the user to 'dialout')"
    return f"port {port}: {text}"


class SerialSource(ByteSource):
    """A serial port (USB, RS-232, Bluetooth SPP); generic bytes in/out, for total stations too."""

    def __init__(
        self,
        port: str,
        baud: int = DEFAULT_BAUD,
        *,
        read_timeout: float = DEFAULT_READ_TIMEOUT_S,
        write_timeout: float = 1.0,
        **serial_options: Any,
    ) -> None:
        self.port = port
        self.baud = validate_baud(baud)
        self.read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._options = serial_options
        self._ser: Any = None

    @property
    def label(self) -> str:
        return f"{self.port} @ {self.baud} baud"

    @property
    def device(self) -> str:
        return safe_device_name(self.port)

    @property
    def is_open(self) -> bool:
        return self._ser is not None

    def open(self) -> None:
        self.close()
        try:
            ser = _make_serial(self.port)
        except ValueError as exc:  # an unknown URL scheme: say it as pyserial does
            raise SourceError(f"port {self.port}: {exc}") from exc
        ser.baudrate = self.baud
        ser.timeout = self.read_timeout
        ser.write_timeout = self._write_timeout
        for key, value in self._options.items():
            setattr(ser, key, value)
        ser.port = self.port
        url = is_serial_url(self.port)
        if url:
            # pyserial's URL handlers empty the input on open, as Serial does (see
            # KeepInputSerial): bytes that came in with the connection are evidence too.
            ser.reset_input_buffer = lambda: None
        try:
            ser.open()
        except Exception as exc:  # pyserial raises SerialException, OSError, ValueError alike
            raise SourceError(_serial_reason(self.port, exc)) from exc
        finally:
            if url:
                del ser.reset_input_buffer
        self._ser = ser

    def read(self) -> bytes:
        ser = self._ser
        if ser is None:
            raise SourceError(f"port {self.port} is not open")
        try:
            waiting = ser.in_waiting
            data: bytes = ser.read(waiting or 1)
            if data and not waiting:
                # We woke on the first byte of a burst: take the rest in the same call.
                more = ser.in_waiting
                if more:
                    data += ser.read(more)
        except Exception as exc:  # SerialException / OSError when the device vanishes
            raise SourceError(f"port {self.port} lost: {exc}") from exc
        return data

    def write(self, data: bytes) -> None:
        ser = self._ser
        if ser is None:
            raise SourceError(f"port {self.port} is not open")
        try:
            ser.write(data)
        except Exception as exc:
            raise SourceError(f"port {self.port}: write failed: {exc}") from exc

    def cancel(self) -> None:
        ser = self._ser
        if ser is not None and hasattr(ser, "cancel_read"):
            # The port may be closing under us; cancel is best effort.
            with contextlib.suppress(Exception):
                ser.cancel_read()

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            # Closing a vanished device can fail; it is released either way.
            with contextlib.suppress(Exception):
                ser.close()


@functools.cache
def _keep_input_serial_class() -> Any:
    import serial

    class KeepInputSerial(serial.Serial):  # type: ignore[misc]
        """pyserial flushes the input queue on open; bytes already received are evidence."""

        def _reset_input_buffer(self) -> None:
            return None

    return KeepInputSerial


def _make_serial(port: str) -> Any:
    if is_serial_url(port):
        import serial

        # pyserial's URL handlers: socket:// (a serial-over-TCP bridge), rfc2217://, loop://
        # (a loopback); the same reading and writing code as a COM port, on every OS.
        return serial.serial_for_url(port, do_not_open=True)
    return _keep_input_serial_class()()


def is_serial_url(port: str) -> bool:
    """A pyserial URL (``socket://host:port``, ``loop://``...) rather than a device name."""
    return "://" in port


class TcpSource(ByteSource):
    """A TCP client: receivers and phone bridges serving NMEA over Wi-Fi."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        read_timeout: float = DEFAULT_READ_TIMEOUT_S,
        connect_timeout: float = 2.0,
    ) -> None:
        self.host = host
        self.port = port
        self.read_timeout = read_timeout
        self.connect_timeout = connect_timeout
        self._sock: socket.socket | None = None

    @property
    def label(self) -> str:
        return f"tcp {self.host}:{self.port}"

    @property
    def device(self) -> str:
        return safe_device_name(f"tcp-{self.host}-{self.port}")

    def open(self) -> None:
        self.close()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise SourceError(f"{self.label}: cannot connect: {exc}") from exc
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(self.read_timeout)
        self._sock = sock

    def read(self) -> bytes:
        sock = self._sock
        if sock is None:
            raise SourceError(f"{self.label}: not connected")
        try:
            data = sock.recv(_CHUNK)
        except TimeoutError:
            return b""
        except OSError as exc:
            raise SourceError(f"{self.label}: connection lost: {exc}") from exc
        if not data:
            raise SourceError(f"{self.label}: connection closed by the other side")
        return data

    def write(self, data: bytes) -> None:
        sock = self._sock
        if sock is None:
            raise SourceError(f"{self.label}: not connected")
        try:
            sock.sendall(data)
        except OSError as exc:
            raise SourceError(f"{self.label}: write failed: {exc}") from exc

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()


def parse_host_port(text: str) -> tuple[str, int]:
    """'host:port' (IPv6 as '[::1]:port') to a tuple; ValueError with a clear message."""
    match = re.fullmatch(r"\[?([^\[\]]+?)\]?:(\d{1,5})", text.strip())
    if not match or not 0 < int(match.group(2)) < 65536:
        raise ValueError(f"expected HOST:PORT, got {text!r}")
    return match.group(1), int(match.group(2))
