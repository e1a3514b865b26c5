"""GSI online and GeoCOM request/response; Sokkia SET lines; GSI online over a real pty."""

from __future__ import annotations

import math
import os
import select
import threading

import pytest

from fieldapp.gnss.totalstation import geocom, gsi_online, sokkia_set
from fieldapp.gnss.totalstation.transport import InstrumentTimeout
from fieldapp.gnss.totalstation.units import AngleUnit

GSI_REPLY = (
    b"*110042+0000000000000101 21.322+0000000012345670 22.322+0000000009876540 "
    b"31..00+0000000000123456 \r\n"
)


class FdTransport:
    """write/read over a file descriptor, as SerialSource offers over a COM port."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def write(self, data: bytes) -> int:
        return os.write(self.fd, data)

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        return os.read(self.fd, 1024) if ready else b""


def _fake_instrument(fd: int, requests: list[bytes]) -> None:
    """Answers one GET request the way a TPS does: the GSI block, CR LF."""
    buffer = b""
    while b"\r\n" not in buffer:
        ready, _, _ = select.select([fd], [], [], 5.0)
        if not ready:
            return
        buffer += os.read(fd, 1024)
    requests.append(buffer)
    # Split the reply in two writes: the client must join chunks into a line.
    os.write(fd, GSI_REPLY[:30])
    os.write(fd, GSI_REPLY[30:])


@pytest.mark.timeout(20)
@pytest.mark.posix(reason="pty; on Windows: the socket:// link in test_session.py")
def test_gsi_online_over_a_pseudo_terminal() -> None:
    controller, device = os.openpty()
    import tty

    tty.setraw(controller)
    tty.setraw(device)
    requests: list[bytes] = []
    thread = threading.Thread(target=_fake_instrument, args=(device, requests), daemon=True)
    thread.start()
    try:
        client = gsi_online.GsiOnlineClient(FdTransport(controller), timeout=5.0)
        obs = client.measure((11, 21, 22, 31))
    finally:
        thread.join(5)
        os.close(controller)
        os.close(device)
    assert requests == [b"GET/M/WI11/WI21/WI22/WI31\r\n"]
    assert obs.point_id == "101" and obs.sd == 123.456
    assert obs.hz == pytest.approx(123.4567 * 0.9) and obs.v == pytest.approx(98.7654 * 0.9)


class ScriptedTransport:
    def __init__(self, replies: list[bytes]) -> None:
        self.replies = replies
        self.written: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def read(self, timeout: float) -> bytes:
        return self.replies.pop(0) if self.replies else b""


def test_gsi_online_errors_and_timeout() -> None:
    assert gsi_online.build_get([21, 22], "I") == b"GET/I/WI21/WI22\r\n"
    assert gsi_online.build_put("87..10+00001500") == b"PUT/87..10+00001500 \r\n"
    with pytest.raises(gsi_online.GsiOnlineError) as info:
        gsi_online.GsiOnlineClient(ScriptedTransport([b"@W127\r\n"])).measure()
    assert info.value.code == 127
    with pytest.raises(InstrumentTimeout):
        gsi_online.GsiOnlineClient(ScriptedTransport([]), timeout=0.05).measure()
    gsi_online.GsiOnlineClient(ScriptedTransport([b"?\r\n"])).put("87..10+00001500")


def test_geocom_requests_and_replies() -> None:
    assert geocom.request_measure_distance() == b"%R1Q,2008:1,1\r\n"
    assert geocom.request_set_station(1.5, 2.0, 3.25, 1.6) == b"%R1Q,2010:1.5,2.0,3.25,1.6\r\n"
    assert geocom.build_request(2107, (1,), tr_id=7) == b"%R1Q,2107,7:1\r\n"
    half_pi = repr(math.pi / 2)
    transport = ScriptedTransport(
        [b"%R1P,0,0:0\r\n", f"%R1P,0,0:0,{half_pi},1.5707963,12.3456\r\n".encode()]
    )
    m = geocom.GeoComClient(transport).measure()
    assert transport.written == [b"%R1Q,2008:1,1\r\n", b"%R1Q,2108:5000,1\r\n"]
    assert m.hz == pytest.approx(90.0) and m.v == pytest.approx(90.0, abs=1e-5)
    assert m.sd == 12.3456
    with pytest.raises(geocom.GeoComError) as info:
        geocom.GeoComClient(ScriptedTransport([b"%R1P,0,0:1292,0,0,0\r\n"])).measure()
    assert info.value.code == 1292
    reply = geocom.parse_reply(b"%R1P,0,0:1284,0.1,1.6\r\n")  # accuracy not guaranteed: usable
    assert geocom.decode_angles(reply).hz == pytest.approx(math.degrees(0.1))
    assert geocom.request_set_orientation(90.0) == f"%R1Q,2113:{half_pi}\r\n".encode()


def test_sokkia_set_line_with_checksum() -> None:
    # The manual's example: "1234567 1234567 1234567 " sums to 4A4h -> "A4".
    assert sokkia_set.checksum(b"1234567 1234567 1234567 ") == b"A4"
    body = "0012345 0901020 1203040 "
    line = body + sokkia_set.checksum(body.encode()).decode()
    obs = sokkia_set.parse_set_line(line)
    assert obs.sd == 12.345
    assert obs.v == pytest.approx(90 + 10 / 60 + 20 / 3600)
    assert obs.hz == pytest.approx(120 + 30 / 60 + 40 / 3600)
    gon = sokkia_set.parse_set_line(
        "0012345 1000000 2000000", sokkia_set.SetSettings(AngleUnit.GON, checksum=False)
    )
    assert (gon.v, gon.hz) == (pytest.approx(90.0), pytest.approx(180.0))
    with pytest.raises(sokkia_set.SetLineError, match="checksum"):
        sokkia_set.parse_set_line(body + "00")
    no_distance = sokkia_set.parse_set_line(
        "E104 0901020 1203040", sokkia_set.SetSettings(checksum=False)
    )
    assert no_distance.sd is None and no_distance.hz is not None
