"""NtripClient: a thread that streams RTCM from a caster to the receiver and uploads GGA for VRS."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.link import Backoff
from fieldapp.gnss.ntrip import (
    ChunkedDecoder,
    NtripError,
    NtripProfile,
    ResponseHead,
    build_request,
    check_head,
    split_head,
)
from fieldapp.gnss.station_arp import StationWatch

log = logging.getLogger(__name__)


class NtripState(StrEnum):
    OFFLINE = "offline"  # no network or caster unreachable: normal in the field, retrying
    CONNECTING = "connecting"
    STREAMING = "streaming"  # corrections flowing to the receiver
    REFUSED = "refused"  # the caster said no (login, mountpoint): retrying, slowly
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class NtripStatus:
    state: NtripState
    reason: str
    profile: str
    at_monotonic: float


class NtripClient:
    """Streams a mountpoint into `write` (the receiver's port) until stopped; reconnects itself.

    `gga_provider` returns the latest GGA sentence (bytes) or None before the first position;
    it is called from the client thread, so it must be thread-safe (read one attribute).
    """

    def __init__(
        self,
        profile: NtripProfile,
        write: Callable[[bytes], object],
        *,
        gga_provider: Callable[[], bytes | None] | None = None,
        on_status: Callable[[NtripStatus], None] | None = None,
        backoff: Backoff | None = None,
        connect_timeout: float = 5.0,
        idle_timeout_s: float = 30.0,
        read_timeout: float = 0.2,
    ) -> None:
        self.profile = profile
        self._write = write
        self._gga = gga_provider
        self._on_status = on_status
        self._backoff = backoff or Backoff(1.0, 2.0, 30.0)
        self._connect_timeout = connect_timeout
        self._idle_timeout = idle_timeout_s
        self._read_timeout = read_timeout
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._status = NtripStatus(NtripState.STOPPED, "not started", profile.name, 0.0)
        self.bytes_received = 0
        self.gga_sent = 0
        # The base's announced position (RTCM 1005/1006), read from what is forwarded.
        self.station = StationWatch()

    @property
    def status(self) -> NtripStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"ntrip-{self.profile.name}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> bool:
        self._stop.set()
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv at once
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _set(self, state: NtripState, reason: str) -> None:
        with self._lock:
            if self._status.state == state and self._status.reason == reason:
                return
            self._status = NtripStatus(state, reason, self.profile.name, time.monotonic())
            status = self._status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("NTRIP status callback failed")

    def _run(self) -> None:
        p = self.profile
        where = f"{p.host}:{p.port}/{p.mountpoint}"
        next_delay = self._backoff.delays()
        while not self._stop.is_set():
            self._set(NtripState.CONNECTING, f"connecting to {where}")
            received_before = self.bytes_received
            try:
                self._session()
            except NtripError as exc:
                self._set(NtripState.REFUSED, f"{exc}; retrying")
            except OSError as exc:
                if self._stop.is_set():
                    break
                self._set(NtripState.OFFLINE, f"{where} unreachable ({exc}); retrying")
            else:
                if self._stop.is_set():
                    break
                self._set(NtripState.OFFLINE, f"{where} ended the stream; reconnecting")
            if self.bytes_received > received_before:
                next_delay = self._backoff.delays()
            if self._stop.wait(next_delay()):
                break
        self._set(NtripState.STOPPED, f"{where} closed")

    def _latest_gga(self) -> bytes | None:
        if not self.profile.send_gga or self._gga is None:
            return None
        try:
            gga = self._gga()
        except Exception:
            log.exception("GGA provider failed")
            return None
        if gga and not gga.endswith(b"\r\n"):
            gga = gga.rstrip(b"\r\n") + b"\r\n"
        return gga or None

    def _session(self) -> None:
        p = self.profile
        sock = socket.create_connection((p.host, p.port), timeout=self._connect_timeout)
        self._sock = sock
        try:
            if self._stop.is_set():
                return
            gga = self._latest_gga()
            sock.sendall(build_request(p, f"/{p.mountpoint}", gga))
            head, body = self._read_head(sock)
            check_head(head, p, want_table=False)
            self._set(NtripState.STREAMING, f"{p.host}:{p.port}/{p.mountpoint} streaming")
            self.station.reconnected()
            decoder = ChunkedDecoder() if head.chunked else None
            last_gga = time.monotonic()
            if gga is not None and p.version == 1:
                sock.sendall(gga)  # v1 has no header for it: VRS casters read it from the body
                self.gga_sent += 1
            elif gga is not None:
                self.gga_sent += 1
            last_data = time.monotonic()
            sock.settimeout(self._read_timeout)
            pending = body
            while not self._stop.is_set():
                if pending:
                    payload = decoder.feed(pending) if decoder else pending
                    self._forward(payload)
                    last_data = time.monotonic()
                    if decoder is not None and decoder.done:
                        return
                now = time.monotonic()
                if p.send_gga and now - last_gga >= p.gga_interval_s:
                    last_gga = now
                    gga = self._latest_gga()
                    if gga is not None:
                        sock.sendall(gga)
                        self.gga_sent += 1
                if now - last_data > self._idle_timeout:
                    raise TimeoutError(f"no corrections for {self._idle_timeout:.0f} s")
                try:
                    pending = sock.recv(65536)
                except TimeoutError:
                    pending = b""
                    continue
                if not pending:
                    return
        finally:
            self._sock = None
            sock.close()

    def _read_head(self, sock: socket.socket) -> tuple[ResponseHead, bytes]:
        buf = b""
        deadline = time.monotonic() + self._connect_timeout
        while True:
            parsed = split_head(buf)
            if parsed is not None:
                return parsed
            if time.monotonic() > deadline or self._stop.is_set():
                raise TimeoutError("caster sent no answer")
            data = sock.recv(4096)
            if not data:
                raise NtripError(f"{self.profile.host} closed the connection without an answer")
            buf += data

    def _forward(self, payload: bytes) -> None:
        if not payload:
            return
        self.bytes_received += len(payload)
        try:
            self._write(payload)
        except Exception:  # the receiver port may be reconnecting; corrections are perishable
            log.exception("forwarding RTCM failed")
        try:
            self.station.feed(payload)
        except Exception:  # reading the base's position must never stop the corrections
            log.exception("reading the announced base position failed")
