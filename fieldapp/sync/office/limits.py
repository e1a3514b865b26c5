"""The receiver's limits on what a device may send, and request bodies read under them."""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.sync.office.service import OfficeError

# JSON integers above this lose precision in JavaScript and overflow nothing we store.
MAX_JSON_INT = (1 << 53) - 1
MAX_JSON_DEPTH = 8
_ENV = "FIELDAPP_OFFICE_"


@dataclass(frozen=True, slots=True)
class Limits:
    """Every bound the office puts on one device's requests; overridable by environment."""

    body_idle_s: float = 30.0  # no byte for this long: the link is dead, let go of the blob
    request_s: float = 3600.0  # one request may not hold a blob longer than this
    # A trickle of a byte now and then is no upload (slowloris): below this average rate,
    # measured once body_idle_s has passed, the body counts as stalled. 2G gives ~10 KiB/s.
    min_rate_bps: int = 256
    small_json_bytes: int = 64 << 10  # /device/key, /commit
    manifest_bytes: int = 8 << 20  # 20,000 files x ~400 bytes fits
    max_files: int = 20_000
    max_file_bytes: int = 2 << 30
    device_quota_bytes: int = 20 << 30  # declared and not yet committed, per device
    free_reserve_bytes: int = 1 << 30  # the office keeps this much disk free

    @classmethod
    def from_env(cls) -> Limits:
        """`FIELDAPP_OFFICE_BODY_IDLE_S=2` etc.: tests shorten the timeouts this way."""
        values: dict[str, Any] = {}
        for name, default in cls.__dataclass_fields__.items():
            raw = os.environ.get(_ENV + name.upper())
            if raw:
                kind = float if isinstance(default.default, float) else int
                values[name] = kind(raw)
        return cls(**values)


class BodyStalled(Exception):
    """The client sent nothing for ``body_idle_s`` or ran past ``request_s``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def timed_blocks(
    stream: AsyncIterator[bytes], limits: Limits, started: float | None = None
) -> AsyncIterator[bytes]:
    """The body's blocks; raises BodyStalled when the client goes quiet or takes too long."""
    loop = asyncio.get_running_loop()
    deadline = (started if started is not None else loop.time()) + limits.request_s
    iterator = stream.__aiter__()
    begun = loop.time()
    received = 0
    while True:
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise BodyStalled(f"request body took longer than {limits.request_s:g} s")
        wait = min(limits.body_idle_s, remaining)
        try:
            block = await asyncio.wait_for(iterator.__anext__(), wait)
        except StopAsyncIteration:
            return
        except TimeoutError:
            if wait < limits.body_idle_s:
                raise BodyStalled(f"request body took longer than {limits.request_s:g} s") from None
            raise BodyStalled(f"no request body byte for {limits.body_idle_s:g} s") from None
        received += len(block)
        elapsed = loop.time() - begun
        if elapsed > limits.body_idle_s and received < limits.min_rate_bps * elapsed:
            raise BodyStalled(
                f"request body slower than {limits.min_rate_bps} bytes/s"
                f" ({received} bytes in {elapsed:.0f} s)"
            )
        yield block


async def read_body(stream: AsyncIterator[bytes], limits: Limits, cap: int, what: str) -> bytes:
    """The whole body, refused with 413 as soon as it passes ``cap`` (never held past it)."""
    parts: list[bytes] = []
    held = 0
    try:
        async for block in timed_blocks(stream, limits):
            held += len(block)
            if held > cap:
                raise OfficeError(413, f"{what} larger than the office accepts ({cap} bytes)")
            parts.append(block)
    except BodyStalled as exc:
        raise OfficeError(408, exc.reason) from exc
    return b"".join(parts)


def _bounded_int(text: str) -> int:
    if len(text) > 17 or abs(value := int(text)) > MAX_JSON_INT:
        raise ValueError(f"integer {text[:20]} out of range (at most 2^53 - 1)")
    return value


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def parse_json(body: bytes, what: str) -> Any:
    """Strict JSON of bounded depth and integers; OfficeError 400 says what is wrong."""
    if not body.strip():
        raise OfficeError(400, f"{what}: empty body, JSON expected")
    try:
        text = body.decode("utf-8")
        value = json.loads(
            text, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant
        )
    except UnicodeDecodeError as exc:
        raise OfficeError(400, f"{what}: not UTF-8 at byte {exc.start}") from exc
    except RecursionError as exc:
        raise OfficeError(400, f"{what}: JSON nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError included
        reason = str(exc).splitlines()[0][:200]
        raise OfficeError(400, f"{what}: invalid JSON ({reason})") from exc
    if _depth(value) > MAX_JSON_DEPTH:
        raise OfficeError(400, f"{what}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def free_bytes(root: Path | None) -> int | None:
    if root is None:
        return None
    try:
        return shutil.disk_usage(root).free
    except OSError:
        return None
