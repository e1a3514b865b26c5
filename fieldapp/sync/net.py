"""Link checks that cost nothing offline, and retry delays with exponential backoff and jitter."""

from __future__ import annotations

import ipaddress
import random
import socket
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

# A public address used only to ask the kernel for a route: connect() on a UDP socket
# sends no packet, so offline it fails at once instead of waiting for DNS.
_ROUTE_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737): never contacted


@dataclass(frozen=True, slots=True)
class LinkStatus:
    online: bool
    reason: str


def office_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be an office address, or None when it can."""
    text = url.strip()
    if not text:
        return "no office address"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return "the address must start with http:// or https://"
    try:
        host, _port = parts.hostname, parts.port
    except ValueError:
        return "the port must be a number between 1 and 65535"
    if not host:
        return "the address has no host name"
    return None


def office_url_error(url: str) -> str | None:
    """One line naming ``url`` and what is wrong with it, or None for a usable address."""
    problem = office_url_problem(url)
    return None if problem is None else f"office address {url!r}: {problem}"


def _host_port(url: str) -> tuple[str, int]:
    # Only for an address office_url_problem accepted: it has a host and a valid port.
    parts = urlsplit(url.strip())
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _has_route() -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ROUTE_PROBE)
    except OSError:
        return False
    return True


def _resolve(host: str, port: int, timeout: float) -> str | None:
    # getaddrinfo has no timeout of its own; run it aside and give up after ``timeout``.
    result: list[str] = []

    def work() -> None:
        try:
            info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            if info:
                result.append(str(info[0][4][0]))
        except OSError:
            pass

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout)
    return result[0] if result else None


def check_link(url: str, timeout: float = 1.5) -> LinkStatus:
    """Is the office reachable right now? Fast and silent when the laptop is offline.

    A malformed address is a down link whose reason names it, never an exception.
    """
    error = office_url_error(url)
    if error is not None:
        return LinkStatus(False, error)
    host, port = _host_port(url)
    if _is_ip(host):
        address: str | None = host
        if not ipaddress.ip_address(host).is_loopback and not _has_route():
            return LinkStatus(False, "no network route")
    else:
        if host != "localhost" and not _has_route():
            return LinkStatus(False, "no network route")
        address = _resolve(host, port, timeout)
        if address is None:
            return LinkStatus(False, f"cannot resolve {host}")
    try:
        with socket.create_connection((address, port), timeout=timeout):
            pass
    except OSError as exc:
        return LinkStatus(False, f"office {host}:{port} unreachable: {exc.strerror or exc}")
    return LinkStatus(True, "ok")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with "equal jitter" (half fixed, half random), capped."""

    max_attempts: int = 8
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        cap = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        # Jitter spreads retries of many laptops reconnecting at once at camp.
        return (rng or random).uniform(cap / 2, cap)
