"""NTRIP in the GUI: a real caster on 127.0.0.1, a receiver on a real pty, the profile editor."""

from __future__ import annotations

import base64
import socket
import socketserver
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from serialkit import DEFAULT_LINK, LINKS, open_port

from fieldapp.gnss.link import LinkState
from fieldapp.gnss.ntrip import NtripProfile
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.sources import SerialSource
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.device_dialog import DeviceChoice, DeviceDialog, chosen_ntrip_profile
from fieldapp.ui.gnss_panel import GnssPanel
from fieldapp.ui.ntrip_dialog import NtripDialog, ntrip_profiles, save_ntrip_profiles

pytestmark = pytest.mark.timeout(60)

TABLE = (
    "STR;KLTM;Samarinda;RTCM 3.2;1004(1),1005(10);2;GPS+GLO;InaCORS;IDN;-0.50;117.15;0;0;"
    "sNTRIP;none;B;N;5000;\r\n"
    "STR;CBAL;Balikpapan;RTCM 3.0;1004(1);2;GPS;InaCORS;IDN;-1.27;116.83;0;0;"
    "sNTRIP;none;B;N;5000;\r\n"
    "STR;VRS_KALTIM;VRS;RTCM 3.2;1004(1);2;GPS+GLO+GAL+BDS;InaCORS;IDN;-0.50;117.15;1;1;"
    "sNTRIP;none;B;N;5000;\r\n"
    "ENDSOURCETABLE\r\n"
)
USER, PASSWORD = "surveyor", "rahasia"
# Every byte value, so a link that is not raw (CR/LF mapping, XON/XOFF, ^C) would show.
RTCM = [bytes([0xD3, 0x00, 0x10]) + bytes((i * 16 + k) % 256 for k in range(16)) for i in range(16)]


class Caster(socketserver.ThreadingTCPServer):
    """A v2 caster: '/' gives the source table, /VRS_KALTIM streams RTCM (chunked) until closed."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, hold: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), CasterHandler)
        self.port = self.server_address[1]
        # With hold, streams wait for ``go``: RTCM that arrives while the receiver port is
        # still opening is dropped (corrections are perishable), so a byte-exact check waits.
        self.go = threading.Event()
        if not hold:
            self.go.set()
        self.sent = bytearray()
        self.requests: list[str] = []
        self.gga: list[bytes] = []  # what the client uploaded: header or body
        self.closing = threading.Event()
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        """Like a caster going down: streams end and new connections are refused."""
        self.closing.set()
        self.shutdown()
        self.server_close()


class CasterHandler(socketserver.BaseRequestHandler):
    server: Caster

    def handle(self) -> None:
        conn: socket.socket = self.request
        buf = b""
        while b"\r\n\r\n" not in buf:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
        head = buf.split(b"\r\n\r\n")[0].decode()
        self.server.requests.append(head)
        lines = head.split("\r\n")
        path = lines[0].split()[1]
        headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
        if path == "/":
            status = b"HTTP/1.1 200 OK\r\nContent-Type: gnss/sourcetable\r\n"
            chunked = b"Transfer-Encoding: chunked\r\n\r\n"
            conn.sendall(status + chunked + _chunk(TABLE.encode()) + b"0\r\n\r\n")
            return
        auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if headers.get("authorization") != auth or path != "/VRS_KALTIM":
            conn.sendall(b"HTTP/1.1 401 Unauthorized\r\n\r\n")
            return
        if "ntrip-gga" in headers:
            self.server.gga.append(headers["ntrip-gga"].encode())
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: gnss/data\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")  # fmt: skip
        self.server.go.wait(10)
        for frame in RTCM:
            if self.server.closing.is_set():
                return
            conn.sendall(_chunk(frame))
            self.server.sent += frame
            time.sleep(0.02)
        conn.settimeout(0.05)
        while not self.server.closing.is_set():
            try:
                got = conn.recv(4096)
            except TimeoutError:
                continue
            if not got:
                return
            self.server.gga += [line for line in got.split(b"\r\n") if b"GGA," in line]


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


class Receiver:
    """A receiver on a real serial link: a thread writes NMEA epochs, another reads what we
    send it. ``link``: a raw pty (POSIX) or a ``socket://`` port (Windows too)."""

    def __init__(self, link: str) -> None:
        self.end = open_port(link)
        self.path = self.end.port
        self.received = bytearray()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.sim = Simulator(SimConfig(start_lat=-0.9, start_lon=116.9))
        self.threads = [threading.Thread(target=f, daemon=True) for f in (self._feed, self._read)]
        for t in self.threads:
            t.start()

    def _feed(self) -> None:
        while not self.stop.wait(0.1):
            self.end.write(self.sim.next_epoch())

    def _read(self) -> None:
        while not self.stop.is_set():
            chunk = self.end.read(0.05)
            if chunk is None:
                return
            with self.lock:
                self.received += chunk

    def got(self) -> bytes:
        with self.lock:
            return bytes(self.received)

    def close(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(2)
        self.end.close()


def _profile(port: int, **kw: object) -> NtripProfile:
    base: dict[str, object] = dict(name="InaCORS", host="127.0.0.1", port=port,
                                   mountpoint="VRS_KALTIM", username=USER, password=PASSWORD,
                                   version=2, send_gga=True, gga_interval_s=1.0)  # fmt: skip
    base.update(kw)
    return NtripProfile(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("link", LINKS)
def test_rtcm_reaches_the_receiver_and_the_panel_follows_the_caster(
    qtbot: QtBot, link: str
) -> None:
    caster = Caster(hold=True)
    receiver = Receiver(link)
    adapter = DeviceAdapter()
    panel = GnssPanel()
    qtbot.addWidget(panel)
    adapter.corrections_changed.connect(panel.show_corrections)
    assert panel.ntrip.text() == "not used"
    try:
        adapter.connect_source(SerialSource(receiver.path, 115200), ntrip=_profile(caster.port))
        qtbot.waitUntil(lambda: adapter.state == LinkState.LIVE, timeout=10000)
        caster.go.set()
        all_rtcm = b"".join(RTCM)
        qtbot.waitUntil(lambda: receiver.got() == all_rtcm, timeout=10000)
        assert bytes(caster.sent) == all_rtcm
        kb = f"{len(all_rtcm) / 1024:.1f}"
        qtbot.waitUntil(lambda: panel.ntrip.text() == f"streaming, {kb} kB", timeout=5000)
        assert panel.ntrip_reason.text() == "InaCORS"
        # GGA from the latest epoch goes up to the caster, for the VRS.
        qtbot.waitUntil(lambda: len(caster.gga) >= 1, timeout=5000)
        f = caster.gga[-1].decode().split(",")
        assert f[0] == "$GNGGA" and (f[3], f[5]) == ("S", "E")
        assert abs(int(f[2][:2]) + float(f[2][2:]) / 60 - 0.9) < 0.01  # where the receiver is

        caster.stop()
        qtbot.waitUntil(lambda: panel.ntrip.text() == "offline, retrying", timeout=10000)
        assert "127.0.0.1" in panel.ntrip_reason.text()
        assert (
            "retrying" in panel.ntrip_reason.text() or "reconnecting" in panel.ntrip_reason.text()
        )
        epochs = adapter.epochs
        qtbot.waitUntil(lambda: adapter.epochs >= epochs + 5, timeout=10000)
        assert adapter.state == LinkState.LIVE
        assert receiver.got() == all_rtcm  # nothing else was written to the receiver
    finally:
        adapter.disconnect_device()
        receiver.close()
        if not caster.closing.is_set():
            caster.stop()
    qtbot.waitUntil(lambda: panel.ntrip.text() == "off", timeout=3000)
    assert adapter.ntrip_client is None


def test_connect_without_profile_shows_not_used(qtbot: QtBot) -> None:
    receiver = Receiver(DEFAULT_LINK)
    adapter = DeviceAdapter()
    panel = GnssPanel()
    qtbot.addWidget(panel)
    adapter.corrections_changed.connect(panel.show_corrections)
    try:
        adapter.connect_source(SerialSource(receiver.path, 115200), ntrip=_profile(1))
        qtbot.waitUntil(lambda: panel.ntrip.text() in ("connecting…", "offline, retrying"))
        adapter.connect_source(SerialSource(receiver.path, 115200))
        qtbot.waitUntil(lambda: adapter.state == LinkState.LIVE, timeout=10000)
        assert panel.ntrip.text() == "not used" and adapter.ntrip_client is None
    finally:
        adapter.disconnect_device()
        receiver.close()


def _type_profile(dialog: NtripDialog, qtbot: QtBot, **fields: str) -> None:
    widgets = {"name": dialog.name, "host": dialog.host, "port": dialog.port,
               "mountpoint": dialog.mountpoint, "username": dialog.user,
               "password": dialog.password}  # fmt: skip
    for key, text in fields.items():
        widgets[key].clear()
        qtbot.keyClicks(widgets[key], text)


def test_editor_adds_a_profile_that_persists_and_reloads(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NtripDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and dialog.editing is None
    _type_profile(dialog, qtbot, name="InaCORS Kaltim", host="nrtk.big.go.id", port="2001",
                  mountpoint="VRS_KALTIM", username="surveyor", password="rahasia")  # fmt: skip
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.version.setCurrentIndex(dialog.version.findData("1"))
    dialog.send_gga.setChecked(True)
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert "saved" in dialog.message.text()
    want = NtripProfile("InaCORS Kaltim", "nrtk.big.go.id", 2001, "VRS_KALTIM", "surveyor",
                        "rahasia", 1, True)  # fmt: skip
    assert ntrip_profiles() == [want]
    assert (tmp_path / "cfg").is_dir()  # the isolated settings scope holds it, not ~/.config

    again = NtripDialog()
    qtbot.addWidget(again)
    assert again.list.count() == 1 and again.editing == "InaCORS Kaltim"
    assert (again.host.text(), again.port.text(), again.password.text()) == (
        "nrtk.big.go.id", "2001", "rahasia")  # fmt: skip
    assert again.version.currentData() == "1" and again.send_gga.isChecked()

    # Editing renames it; the receiver setup that chose it follows the rename.
    DeviceChoice(ntrip="InaCORS Kaltim").save()
    _type_profile(again, qtbot, name="InaCORS")
    assert again.save_profile()
    assert [p.name for p in ntrip_profiles()] == ["InaCORS"]
    assert DeviceChoice.load().ntrip == "InaCORS"

    again.new_profile()
    _type_profile(again, qtbot, name="Base BM-01", host="192.168.1.20", mountpoint="BM01")
    assert again.save_profile() and again.list.count() == 2
    again.delete_profile()
    assert [p.name for p in ntrip_profiles()] == ["InaCORS"]


@pytest.mark.parametrize(
    ("field", "text", "said"),
    [
        ("port", "21o1", "Port: type a whole number, not “21o1”."),
        ("port", "99999", "Port: type a number from 1 to 65535, not “99999”."),
        ("host", "", "Caster host: this field is empty; fill it in."),
        ("mountpoint", "VRS KALTIM", "Mountpoint: only the name"),
        ("name", "Other", "Name: another profile is already called “Other”."),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    qtbot, field: str, text: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    save_ntrip_profiles([NtripProfile("Other", "h", mountpoint="M")])
    dialog = NtripDialog()
    qtbot.addWidget(dialog)
    dialog.new_profile()
    good = dict(name="InaCORS", host="nrtk.big.go.id", port="2001", mountpoint="VRS_KALTIM")
    _type_profile(dialog, qtbot, **{**good, field: text})
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith(said)
    assert [p.name for p in ntrip_profiles()] == ["Other"]


def test_load_mountpoints_off_the_gui_thread_nearest_first(qtbot: QtBot) -> None:
    caster = Caster()
    try:
        dialog = NtripDialog(position=(-0.9, 116.9))
        qtbot.addWidget(dialog)
        _type_profile(dialog, qtbot, host="127.0.0.1", port=str(caster.port))
        qtbot.mouseClick(dialog.load_btn, Qt.MouseButton.LeftButton)
        assert dialog.load_btn.text() == "Cancel"  # the answer comes later, from a thread
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=5000)
    finally:
        caster.stop()
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0] == ["CBAL  (Balikpapan)", "RTCM 3.0", "41.9 km", "no"]
    assert [r[0].split()[0] for r in rows[1:]] == ["KLTM", "VRS_KALTIM"]
    assert rows[2][3] == "yes" and "nearest first" in dialog.table_status.text()
    assert dialog.load_btn.text() == "Load mountpoints"
    dialog._pick_mountpoint(2, 0)
    assert dialog.mountpoint.text() == "VRS_KALTIM" and dialog.send_gga.isChecked()


def test_load_mountpoints_from_a_caster_that_is_down(qtbot: QtBot) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    dialog = NtripDialog()
    qtbot.addWidget(dialog)
    _type_profile(dialog, qtbot, host="127.0.0.1", port=str(port))
    dialog.load_mountpoints()
    qtbot.waitUntil(lambda: "Mountpoints not loaded" in dialog.message.text(), timeout=8000)
    assert dialog.table.rowCount() == 0 and dialog.load_btn.text() == "Load mountpoints"
    _type_profile(dialog, qtbot, port="abc")
    dialog.load_mountpoints()
    assert dialog.message.text() == "Port: type a whole number, not “abc”."


def test_device_dialog_remembers_no_corrections_or_a_profile(qtbot: QtBot) -> None:
    save_ntrip_profiles([_profile(2101), _profile(2102, name="Base BM-01")])
    dialog = DeviceDialog()
    qtbot.addWidget(dialog)
    assert dialog.ntrip.currentData() == "" and dialog.ntrip.currentText() == "No corrections"
    dialog.ntrip.setCurrentIndex(dialog.ntrip.findData("Base BM-01"))
    dialog.accept()
    choice = DeviceChoice.load()
    assert choice.ntrip == "Base BM-01"
    assert chosen_ntrip_profile(choice) == _profile(2102, name="Base BM-01")
    reopened = DeviceDialog()
    qtbot.addWidget(reopened)
    assert reopened.ntrip.currentData() == "Base BM-01"
    reopened.ntrip.setCurrentIndex(0)
    reopened.accept()
    assert chosen_ntrip_profile(DeviceChoice.load()) is None
