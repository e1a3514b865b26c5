"""ArrivingBlob: bytes reach the file and the digest in order, the queue stays bounded, and
a write the disk refuses is raised on the event loop instead of being lost in a thread."""

from __future__ import annotations

import asyncio
import hashlib
import random
from pathlib import Path

import pytest

from fieldapp.sync.office.arrival import ArrivingBlob


def blocks(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(rng.randint(1, 300_000)) for _ in range(count)]


def test_every_block_lands_in_order_in_the_file_and_the_digest(tmp_path: Path) -> None:
    data = blocks(1, 60)
    target = tmp_path / "blob.part"
    digest = hashlib.sha256()
    peak = 0

    async def main() -> int:
        nonlocal peak
        with target.open("wb") as fh:
            # A small limit makes the loop wait for the threads again and again.
            arriving = ArrivingBlob(fh, digest, limit=256 << 10)
            for block in data:
                await arriving.put(block)
                peak = max(peak, arriving._queued)
            return await arriving.finish()

    written = asyncio.run(main())
    whole = b"".join(data)
    assert written == len(whole)
    assert target.read_bytes() == whole
    assert digest.hexdigest() == hashlib.sha256(whole).hexdigest()
    # Queued bytes never pass the limit by more than the block that crossed it (x2 stages).
    assert peak <= (256 << 10) + 2 * max(map(len, data))


def test_a_refused_write_is_raised_by_finish_and_the_loop_goes_on(tmp_path: Path) -> None:
    target = tmp_path / "read-only.part"
    target.write_bytes(b"")

    async def main() -> None:
        with target.open("rb") as fh:  # write() raises io.UnsupportedOperation (an OSError)
            arriving = ArrivingBlob(fh, hashlib.sha256(), limit=64 << 10)
            with pytest.raises(OSError):
                try:  # as the office does: finish() runs even when put() raised
                    for block in blocks(2, 20):
                        await arriving.put(block)
                finally:
                    await arriving.finish()
            assert all(not stage._thread.is_alive() for stage in arriving._stages)

    asyncio.run(main())
    assert target.read_bytes() == b""


def test_empty_blocks_are_ignored_and_nothing_written_gives_zero(tmp_path: Path) -> None:
    async def main() -> int:
        with (tmp_path / "empty.part").open("wb") as fh:
            arriving = ArrivingBlob(fh, hashlib.sha256())
            await arriving.put(b"")
            return await arriving.finish()

    assert asyncio.run(main()) == 0
