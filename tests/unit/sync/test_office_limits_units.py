"""The office's body readers: any bytes give a value or a typed 4xx refusal, never another error."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.sync.bagit import BagError
from fieldapp.sync.office.limits import BodyStalled, Limits, parse_json, read_body, timed_blocks
from fieldapp.sync.office.service import OfficeError
from fieldapp.sync.wire import FORMAT, WireManifest

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


def _manifest_like() -> st.SearchStrategy[Any]:
    entry = st.fixed_dictionaries(
        {
            "path": st.sampled_from(["data/a", "data/b", "../x", "data/\udc80", ""]) | st.text(),
            "sha256": st.sampled_from(["a" * 64, "b" * 64, "A" * 64, ""]),
            "size": st.integers(min_value=-2, max_value=1 << 64) | st.booleans() | st.floats(),
        }
    )
    return st.fixed_dictionaries(
        {
            "format": st.just(FORMAT),
            "job_id": st.sampled_from(["job-1", "", "x" * 81]) | st.integers(),
            "package_id": st.sampled_from(["pkg-1", "a/b"]) | st.none(),
            "revision": st.integers(min_value=-1, max_value=1 << 64) | st.booleans() | st.floats(),
            "files": st.lists(entry | _json, max_size=4) | _json,
        }
    )


@settings(max_examples=300, deadline=None, derandomize=True)
@given(body=st.binary(max_size=200) | _json.map(lambda v: json.dumps(v).encode()))
def test_parse_json_gives_a_value_or_a_400(body: bytes) -> None:
    try:
        parse_json(body, "body")
    except OfficeError as exc:
        assert exc.status == 400 and "\n" not in exc.detail


@settings(max_examples=300, deadline=None, derandomize=True)
@given(data=_manifest_like() | _json)
def test_manifest_parser_gives_a_manifest_or_a_bag_error(data: Any) -> None:
    try:
        manifest = WireManifest.from_json(data, max_files=3)
    except BagError:
        return
    assert 1 <= manifest.revision < 1 << 53
    assert len(manifest.files) <= 3
    assert all(0 <= f.size < 1 << 53 and f.path.startswith("data/") for f in manifest.files)


@pytest.mark.parametrize(
    "body",
    [b"[" * 50_000 + b"]" * 50_000, b'{"a": 1e999999}', b"NaN", b"9" * 5000, b"\xff"],
)
def test_hostile_json_is_a_400(body: bytes) -> None:
    with pytest.raises(OfficeError) as caught:
        parse_json(body, "body")
    assert caught.value.status == 400


async def _trickle(blocks: list[bytes], then_wait: float) -> AsyncIterator[bytes]:
    for block in blocks:
        yield block
    await asyncio.sleep(then_wait)
    yield b"late"


def test_a_quiet_body_stalls_and_a_big_one_is_refused_at_the_cap() -> None:
    limits = Limits(body_idle_s=0.05)

    async def collect() -> list[bytes]:
        return [b async for b in timed_blocks(_trickle([b"ab", b"cd"], 5), limits)]

    with pytest.raises(BodyStalled):
        asyncio.run(collect())
    big = _trickle([b"x" * 600, b"y" * 600], 0)
    with pytest.raises(OfficeError) as caught:
        asyncio.run(read_body(big, Limits(), 1000, "manifest"))
    assert caught.value.status == 413


async def _slow_drip(count: int, pause: float) -> AsyncIterator[bytes]:
    for _ in range(count):
        await asyncio.sleep(pause)
        yield b"."


def test_a_trickle_that_never_goes_quiet_still_counts_as_stalled() -> None:
    # Each byte comes well within the idle timeout, but far below the minimum rate.
    limits = Limits(body_idle_s=0.2, min_rate_bps=1000)

    async def collect() -> int:
        return len([b async for b in timed_blocks(_slow_drip(100, 0.02), limits)])

    with pytest.raises(BodyStalled, match="slower than"):
        asyncio.run(collect())
