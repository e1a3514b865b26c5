"""InstrumentLink over TCP on 127.0.0.1: answers in the GUI thread, reconnects after a drop."""

from __future__ import annotations

import math
import socket
import threading

import pytest

from fieldapp.gnss.totalstation.session import FailureKind
from fieldapp.ui.instrument_link import InstrumentChoice, InstrumentLink, InstrumentOutcome
from fieldapp.ui.station_panel import InstrumentDialog

pytestmark = pytest.mark.timeout(60)


class GeoComServer:
    """A GeoCOM instrument behind a Wi-Fi bridge: one client at a time, drop on demand."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.drop_next = False  # close the connection after the next reply
        self.threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        buffer = b""
        while True:
            data = conn.recv(1024)
            if not data:
                return
            buffer += data
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                rpc = int(line.split(b":")[0].split(b",")[1])
                if rpc == 2108:
                    hz, v = repr(math.radians(45.0)), repr(math.radians(90.0))
                    conn.sendall(f"%R1P,0,0:0,{hz},{v},12.5\r\n".encode())
                else:
                    conn.sendall(b"%R1P,0,0:0\r\n")
                if self.drop_next:
                    self.drop_next = False
                    return

    def close(self) -> None:
        self.sock.close()


def _measure(qtbot, link: InstrumentLink) -> InstrumentOutcome:  # type: ignore[no-untyped-def]
    main = threading.get_ident()
    seen: list[InstrumentOutcome] = []

    def on_finished(outcome: InstrumentOutcome) -> None:
        assert threading.get_ident() == main  # queued into the GUI thread
        seen.append(outcome)

    link.finished.connect(on_finished)
    with qtbot.waitSignal(link.finished, timeout=15000):
        assert link.request("shot")
        assert not link.request("again")  # one request at a time
    link.finished.disconnect(on_finished)
    return seen[0]


def test_tcp_instrument_reconnects_after_a_drop(qtbot) -> None:
    server = GeoComServer()
    link = InstrumentLink()
    try:
        link.configure(InstrumentChoice("geocom", "tcp", tcp=f"127.0.0.1:{server.port}"))
        first = _measure(qtbot, link)
        assert first.error is None and first.reading is not None
        assert first.reading.hz == pytest.approx(45.0) and first.reading.sd == 12.5
        server.drop_next = True  # the bridge drops after the next reply (start of measurement)
        lost = _measure(qtbot, link)
        assert lost.error is not None and lost.error.kind is FailureKind.LINK
        # EOF, or a reset/broken pipe when our next request reaches the closed socket first:
        # each is a lost link, named by the address.
        reasons = ("connection closed by the other side", "Connection reset by peer",
                   "Broken pipe")  # fmt: skip
        prefix = f"tcp 127.0.0.1:{server.port}: connection lost ("
        assert any(str(lost.error) == f"{prefix}{r})" for r in reasons), str(lost.error)
        assert not link.link_up
        again = _measure(qtbot, link)  # the next request reconnects
        assert again.error is None and again.reading is not None and link.link_up
        assert server.connections == 2
    finally:
        link.shutdown()
        server.close()


def test_instrument_choice_is_checked_and_remembered(qtbot) -> None:
    link = InstrumentLink()
    with pytest.raises(ValueError, match="serial port"):
        link.configure(InstrumentChoice("geocom", "serial", ""))
    with pytest.raises(ValueError, match="HOST:PORT"):
        link.configure(InstrumentChoice("geocom", "tcp", tcp="totalstation"))
    assert not link.request("shot")  # nothing configured: no request, no thread
    choice = InstrumentChoice("gsi_online", "tcp", "", 19200, "192.168.1.10:5017")
    choice.save()
    assert InstrumentChoice.load() == choice
    dialog = InstrumentDialog(choice)
    qtbot.addWidget(dialog)
    assert dialog.choice() == choice
    dialog.link.setCurrentIndex(0)
    dialog.port.setCurrentText("/dev/ttyUSB3")
    dialog.baud.setCurrentText("9600")
    assert dialog.choice() == InstrumentChoice("gsi_online", "serial", "/dev/ttyUSB3", 9600,
                                               "192.168.1.10:5017")  # fmt: skip
    assert dialog.choice().label() == "GSI online · /dev/ttyUSB3 @ 9600"


def test_instrument_dialog_opens_when_port_listing_fails(qtbot, monkeypatch) -> None:
    # pyserial's enumeration can raise (unreadable /sys, a broken driver): the dialog still opens.
    from comports import enumerate_as

    def broken() -> list[object]:
        raise OSError("cannot read /sys/class/tty")

    enumerate_as(monkeypatch, broken)
    choice = InstrumentChoice("geocom", "serial", "/dev/ttyUSB0", 19200)
    dialog = InstrumentDialog(choice)
    qtbot.addWidget(dialog)
    assert dialog.port.count() == 0
    assert dialog.choice() == choice
    dialog.refresh_ports()
    assert dialog.choice().port == "/dev/ttyUSB0"
