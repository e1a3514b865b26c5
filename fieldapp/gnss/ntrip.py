"""NTRIP v1/v2 protocol pieces: saved profiles, requests, response heads, chunking, source table."""

from __future__ import annotations

import base64
import json
import socket
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from fieldapp import __version__

USER_AGENT = f"NTRIP fieldapp/{__version__}"
_HEAD_LIMIT = 16384


class NtripError(Exception):
    """The caster answered, but not with what we asked for (bad login, unknown mountpoint)."""


@dataclass(frozen=True, slots=True)
class NtripProfile:
    """One saved caster login. JSON-serialisable; the password is stored as the user typed it."""

    name: str
    host: str
    port: int = 2101
    mountpoint: str = ""
    username: str = ""
    password: str = ""
    version: int = 2  # 1: ICY responses, plain body; 2: HTTP/1.1, chunked body
    send_gga: bool = False  # VRS / nearest-base mountpoints need our position
    gga_interval_s: float = 10.0

    def __post_init__(self) -> None:
        if self.version not in (1, 2):
            raise ValueError(f"NTRIP version must be 1 or 2, not {self.version}")

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NtripProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})  # type: ignore[arg-type]


def save_profiles(path: str | Path, profiles: list[NtripProfile]) -> None:
    target = Path(path)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.write_text(json.dumps([p.to_json() for p in profiles], indent=2), encoding="utf-8")
    tmp.replace(target)  # never leave a half-written profile file


def load_profiles(path: str | Path) -> list[NtripProfile]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [NtripProfile.from_json(item) for item in data]


@dataclass(frozen=True, slots=True)
class StreamEntry:
    """One STR line of a source table."""

    mountpoint: str
    identifier: str
    format: str
    format_details: str
    nav_system: str
    network: str
    country: str
    lat: float | None
    lon: float | None
    needs_gga: bool  # field 'nmea' = 1: the caster wants our GGA (VRS)
    solution: str  # 0 single base, 1 network
    raw: str


def _float(text: str, limit: float) -> float | None:
    """A caster's coordinate, or None when it is missing, not finite or off the globe."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if -limit <= value <= limit else None


def parse_sourcetable(text: str) -> list[StreamEntry]:
    """STR records of a source table; CAS/NET and malformed lines are skipped."""
    out = []
    for line in text.splitlines():
        parts = line.strip().split(";")
        if parts[0] != "STR" or len(parts) < 12:
            continue
        out.append(
            StreamEntry(
                mountpoint=parts[1],
                identifier=parts[2],
                format=parts[3],
                format_details=parts[4],
                nav_system=parts[6],
                network=parts[7],
                country=parts[8],
                lat=_float(parts[9], 90.0),
                lon=_float(parts[10], 360.0),
                needs_gga=parts[11] == "1",
                solution=parts[12] if len(parts) > 12 else "",
                raw=line.strip(),
            )
        )
    return out


class ChunkedDecoder:
    """Sans-IO HTTP/1.1 chunked transfer decoding (NTRIP v2 bodies)."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._remaining = 0  # bytes left in the current chunk's data
        self._need_crlf = False
        self.done = False

    def feed(self, data: bytes) -> bytes:
        self._buf += data
        out = bytearray()
        while not self.done:
            if self._remaining:
                take = bytes(self._buf[: self._remaining])
                del self._buf[: len(take)]
                self._remaining -= len(take)
                out += take
                if self._remaining:
                    break
                self._need_crlf = True
            if self._need_crlf:
                if len(self._buf) < 2:
                    break
                del self._buf[:2]
                self._need_crlf = False
            end = self._buf.find(b"\r\n")
            if end < 0:
                if len(self._buf) > 1024:
                    raise NtripError("malformed chunked body from caster")
                break
            size_text = bytes(self._buf[:end]).split(b";")[0].strip()
            del self._buf[: end + 2]
            try:
                size = int(size_text, 16)
            except ValueError as exc:
                raise NtripError(f"malformed chunk size {size_text!r}") from exc
            if size == 0:
                self.done = True
            self._remaining = size
        return bytes(out)


@dataclass(frozen=True, slots=True)
class ResponseHead:
    status_line: str
    code: int
    headers: dict[str, str]

    @property
    def chunked(self) -> bool:
        return "chunked" in self.headers.get("transfer-encoding", "").lower()


def build_request(profile: NtripProfile, path: str, gga: bytes | None = None) -> bytes:
    """GET request for a mountpoint ('/MOUNT') or the source table ('/')."""
    lines = [f"GET {path} HTTP/{'1.1' if profile.version == 2 else '1.0'}"]
    if profile.version == 2:
        lines += [f"Host: {profile.host}:{profile.port}", "Ntrip-Version: Ntrip/2.0"]
    lines.append(f"User-Agent: {USER_AGENT}")
    if profile.username:
        token = base64.b64encode(f"{profile.username}:{profile.password}".encode()).decode()
        lines.append(f"Authorization: Basic {token}")
    if profile.version == 2 and gga:
        lines.append(f"Ntrip-GGA: {gga.decode('ascii').strip()}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def split_head(buf: bytes) -> tuple[ResponseHead, bytes] | None:
    """Split a response into head and the body bytes already received; None if incomplete.

    v1 casters answer 'ICY 200 OK' and often start RTCM right after one CRLF, without the
    blank line an HTTP head ends with.
    """
    first_end = buf.find(b"\r\n")
    if first_end < 0:
        if len(buf) > _HEAD_LIMIT:
            raise NtripError("no response line from caster")
        return None
    status_line = buf[:first_end].decode("latin-1").strip()
    rest = buf[first_end + 2 :]
    if status_line.startswith("ICY") and not rest[:1].isalpha():
        if not rest:
            return None
        body = rest[2:] if rest.startswith(b"\r\n") else rest
        return ResponseHead(status_line, _code(status_line), {}), body
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        if len(buf) > _HEAD_LIMIT:
            raise NtripError("response head from caster too long")
        return None
    headers = {}
    for line in buf[first_end + 2 : end].decode("latin-1").split("\r\n"):
        key, sep, value = line.partition(":")
        if sep:
            headers[key.strip().lower()] = value.strip()
    return ResponseHead(status_line, _code(status_line), headers), buf[end + 4 :]


def _code(status_line: str) -> int:
    if status_line.startswith("SOURCETABLE"):
        return 200
    parts = status_line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def check_head(head: ResponseHead, profile: NtripProfile, want_table: bool) -> None:
    if not want_table and head.status_line.startswith("SOURCETABLE"):
        raise NtripError(f"mountpoint {profile.mountpoint!r} is not offered by {profile.host}")
    if head.code == 401:
        raise NtripError(f"{profile.host} refused the login (401): check user and password")
    if head.code != 200:
        raise NtripError(f"{profile.host} answered {head.status_line!r}")
    if not want_table and "gnss/sourcetable" in head.headers.get("content-type", ""):
        raise NtripError(f"mountpoint {profile.mountpoint!r} is not offered by {profile.host}")


def fetch_sourcetable(profile: NtripProfile, timeout: float = 5.0) -> list[StreamEntry]:
    """Download and parse the source table; OSError when offline, NtripError when refused."""
    with socket.create_connection((profile.host, profile.port), timeout=timeout) as sock:
        sock.sendall(build_request(profile, "/"))
        buf = b""
        parsed = None
        while parsed is None:
            data = sock.recv(65536)
            if not data:
                raise NtripError(f"{profile.host} closed the connection without an answer")
            buf += data
            parsed = split_head(buf)
        head, body = parsed
        check_head(head, profile, want_table=True)
        decoder = ChunkedDecoder() if head.chunked else None
        text = decoder.feed(body) if decoder else body
        while b"ENDSOURCETABLE" not in text and not (decoder and decoder.done):
            data = sock.recv(65536)
            if not data:
                break
            text += decoder.feed(data) if decoder else data
    return parse_sourcetable(text.decode("latin-1"))
