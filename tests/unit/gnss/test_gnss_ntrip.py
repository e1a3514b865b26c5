"""NTRIP client against a tiny fake caster on 127.0.0.1: v1, v2, GGA upload, refusal, offline."""

from __future__ import annotations

import base64
import socket
import threading
import time
from pathlib import Path

import pytest

from fieldapp.gnss.link import Backoff
from fieldapp.gnss.ntrip import (
    USER_AGENT,
    ChunkedDecoder,
    NtripProfile,
    fetch_sourcetable,
    load_profiles,
    save_profiles,
    split_head,
)
from fieldapp.gnss.ntrip_client import NtripClient, NtripState, NtripStatus

pytestmark = pytest.mark.timeout(30)

TABLE = (
    "STR;KLTM;Samarinda;RTCM 3.2;1004(1),1005(10),1012(1);2;GPS+GLO;InaCORS;IDN;-0.50;117.15;0;0;"
    "sNTRIP;none;B;N;5000;\r\n"
    "STR;VRS_KALTIM;VRS;RTCM 3.2;1004(1);2;GPS+GLO+GAL+BDS;InaCORS;IDN;-0.50;117.15;1;1;"
    "sNTRIP;none;B;N;5000;\r\n"
    "CAS;caster.example;2101;InaCORS;BIG;0;IDN;-6.2;106.8;;0;\r\n"
    "ENDSOURCETABLE\r\n"
)
RTCM = [bytes([0xD3, 0x00, 0x04, i, 0x10, 0x20, 0x30, 0xAA, 0xBB, 0xCC]) for i in range(20)]
AUTH = "Basic " + base64.b64encode(b"surveyor:rahasia").decode()


class FakeCaster:
    """Serves a source table and one mountpoint in v1 (ICY) or v2 (chunked) style."""

    def __init__(self, port: int = 0) -> None:
        self.srv = socket.socket()
        self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", port))
        self.srv.listen(4)
        self.port = self.srv.getsockname()[1]
        self.requests: list[str] = []
        self.gga: list[bytes] = []
        self.hold = threading.Event()  # keep streaming connections open until set
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.hold.set()
        self.srv.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            buf = b""
            while b"\r\n\r\n" not in buf:
                data = conn.recv(4096)
                if not data:
                    return
                buf += data
            head, _, rest = buf.partition(b"\r\n\r\n")
            text = head.decode()
            self.requests.append(text)
            lines = text.split("\r\n")
            path = lines[0].split()[1]
            headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
            v2 = headers.get("ntrip-version") == "Ntrip/2.0"
            if path == "/":
                if v2:
                    body = TABLE.encode()
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: gnss/sourcetable\r\n"
                        b"Transfer-Encoding: chunked\r\n\r\n"
                        + _chunk(body[:100])
                        + _chunk(body[100:])
                        + b"0\r\n\r\n"
                    )
                else:
                    conn.sendall(b"SOURCETABLE 200 OK\r\nServer: fake\r\n\r\n" + TABLE.encode())
                return
            if headers.get("authorization") != AUTH:
                conn.sendall(
                    b"HTTP/1.1 401 Unauthorized\r\n\r\n" if v2 else b"ICY 401 Unauthorized\r\n"
                )
                return
            if path != "/VRS_KALTIM":
                conn.sendall(b"SOURCETABLE 200 OK\r\n\r\n" + TABLE.encode())
                return
            if "ntrip-gga" in headers:
                self.gga.append(headers["ntrip-gga"].encode())
            if v2:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: gnss/data\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n"
                )
            else:
                conn.sendall(b"ICY 200 OK\r\n")
            conn.settimeout(0.05)
            for frame in RTCM:
                conn.sendall(_chunk(frame) if v2 else frame)
                try:
                    got = rest + conn.recv(4096)
                    rest = b""
                except TimeoutError:
                    got, rest = rest, b""
                self.gga += [line for line in got.split(b"\r\n") if line.startswith(b"$")]
            while not self.hold.wait(0.05):
                try:
                    got = conn.recv(4096)
                except TimeoutError:
                    continue
                if not got:
                    return
                self.gga += [line for line in got.split(b"\r\n") if line.startswith(b"$")]


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _profile(port: int, **kw: object) -> NtripProfile:
    base: dict[str, object] = dict(
        name="InaCORS",
        host="127.0.0.1",
        port=port,
        mountpoint="VRS_KALTIM",
        username="surveyor",
        password="rahasia",
        send_gga=True,
        gga_interval_s=0.05,
    )
    base.update(kw)
    return NtripProfile(**base)  # type: ignore[arg-type]


def _wait(pred, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end and not pred():
        time.sleep(0.01)
    return bool(pred())


GGA = b"$GNGGA,010203.00,0030.12345678,S,11709.12345678,E,4,20,0.7,2.5,M,42.5,M,1.0,0001*4E\r\n"


@pytest.mark.parametrize("version", [1, 2])
def test_sourcetable(version: int) -> None:
    caster = FakeCaster()
    try:
        table = fetch_sourcetable(_profile(caster.port, version=version))
    finally:
        caster.close()
    assert [s.mountpoint for s in table] == ["KLTM", "VRS_KALTIM"]
    assert table[1].needs_gga and not table[0].needs_gga
    assert table[0].lat == pytest.approx(-0.5) and table[0].nav_system == "GPS+GLO"
    assert f"User-Agent: {USER_AGENT}" in caster.requests[0]


@pytest.mark.parametrize("version", [1, 2])
def test_streams_rtcm_to_the_receiver_and_uploads_gga(version: int) -> None:
    caster = FakeCaster()
    received: list[bytes] = []
    states: list[NtripStatus] = []
    client = NtripClient(
        _profile(caster.port, version=version),
        received.append,
        gga_provider=lambda: GGA,
        on_status=states.append,
    )
    client.start()
    try:
        assert _wait(lambda: b"".join(received) == b"".join(RTCM))
        assert _wait(lambda: len(caster.gga) >= 3)
    finally:
        assert client.stop()
        caster.close()
    assert [s.state for s in states][:2] == [NtripState.CONNECTING, NtripState.STREAMING]
    assert states[-1].state == NtripState.STOPPED
    request = caster.requests[0]
    assert request.startswith(
        "GET /VRS_KALTIM HTTP/1.1" if version == 2 else "GET /VRS_KALTIM HTTP/1.0"
    )
    assert f"Authorization: {AUTH}" in request and USER_AGENT in request
    assert ("Ntrip-Version: Ntrip/2.0" in request) == (version == 2)
    assert all(g == GGA.strip() for g in caster.gga)


def test_wrong_password_is_refused_with_a_reason() -> None:
    caster = FakeCaster()
    states: list[NtripStatus] = []
    client = NtripClient(
        _profile(caster.port, password="salah"),
        lambda b: None,
        on_status=states.append,
        backoff=Backoff(5.0, 2.0, 5.0),
    )
    client.start()
    try:
        assert _wait(lambda: any(s.state == NtripState.REFUSED for s in states))
    finally:
        assert client.stop()
        caster.close()
    refused = next(s for s in states if s.state == NtripState.REFUSED)
    assert "401" in refused.reason and "password" in refused.reason


def test_unknown_mountpoint_is_refused() -> None:
    caster = FakeCaster()
    states: list[NtripStatus] = []
    client = NtripClient(
        _profile(caster.port, mountpoint="NOPE"),
        lambda b: None,
        on_status=states.append,
        backoff=Backoff(5.0, 2.0, 5.0),
    )
    client.start()
    try:
        assert _wait(lambda: any(s.state == NtripState.REFUSED for s in states))
    finally:
        assert client.stop()
        caster.close()
    assert any("NOPE" in s.reason for s in states)


def test_offline_is_normal_then_streams_when_the_caster_appears() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    received: list[bytes] = []
    states: list[NtripStatus] = []
    client = NtripClient(
        _profile(port),
        received.append,
        on_status=states.append,
        backoff=Backoff(0.05, 2.0, 0.2),
    )
    client.start()
    caster = None
    try:
        assert _wait(lambda: client.status.state == NtripState.OFFLINE)
        assert "unreachable" in client.status.reason and "retrying" in client.status.reason
        caster = FakeCaster(port)
        assert _wait(lambda: b"".join(received) == b"".join(RTCM))
    finally:
        assert client.stop()
        if caster:
            caster.close()
    names = [s.state for s in states]
    assert NtripState.OFFLINE in names and NtripState.STREAMING in names


def test_chunked_decoder_any_split() -> None:
    body = b"".join(_chunk(f) for f in RTCM) + b"0\r\n\r\n"
    for step in (1, 2, 3, 7, 64):
        dec = ChunkedDecoder()
        out = b"".join(dec.feed(body[i : i + step]) for i in range(0, len(body), step))
        assert out == b"".join(RTCM) and dec.done


def test_icy_head_without_blank_line() -> None:
    parsed = split_head(b"ICY 200 OK\r\n\xd3\x00\x04abcd")
    assert parsed is not None
    head, body = parsed
    assert head.code == 200 and body == b"\xd3\x00\x04abcd"
    assert split_head(b"HTTP/1.1 200 OK\r\nTransfer-Enc") is None


def test_profiles_round_trip_through_json(tmp_path: Path) -> None:
    profiles = [_profile(2101), _profile(2102, name="Base BM-01", version=1, send_gga=False)]
    path = tmp_path / "ntrip.json"
    save_profiles(path, profiles)
    assert load_profiles(path) == profiles
    with pytest.raises(ValueError):
        NtripProfile(name="x", host="h", version=3)
