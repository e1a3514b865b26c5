"""An arriving blob's bytes written and hashed in threads of their own while the next bytes come."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from queue import SimpleQueue
from typing import Any, BinaryIO

QUEUE_LIMIT = 8 << 20  # bytes waiting for disk before the request stops reading
_END = b""


class _Stage:
    """One consumer thread that applies ``work`` to every block, in the order given."""

    def __init__(self, name: str, work: Callable[[bytes], Any], on_done: Callable[[int], None]):
        self._work = work
        self._on_done = on_done
        self._queue: SimpleQueue[bytes] = SimpleQueue()
        self.done = 0  # bytes this stage has finished
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def put(self, block: bytes) -> None:
        self._queue.put(block)

    def _run(self) -> None:
        while (block := self._queue.get()) is not _END:
            if self.error is None:
                try:
                    self._work(block)
                    self.done += len(block)
                except BaseException as exc:  # reported by ArrivingBlob.finish on the loop
                    self.error = exc
            self._on_done(len(block))
        self._on_done(0)

    def join(self) -> None:
        self._thread.join()


class ArrivingBlob:
    """Hands each received block to a writer and a hasher thread without waiting for either.

    A hand-off to a thread pool per block costs a thread wake-up and a reply on the event
    loop; here the loop only queues the block and waits only when ``limit`` bytes are still
    on their way to disk. Writing and hashing run side by side (both let go of the GIL).
    """

    def __init__(self, fh: BinaryIO, digest: Any, limit: int = QUEUE_LIMIT) -> None:
        self._loop = asyncio.get_running_loop()
        self._limit = limit
        self._lock = threading.Lock()
        self._queued = 0  # bytes not yet through both stages (counted once per stage)
        self._room: asyncio.Future[None] | None = None
        self._ended = 0
        self._all_ended: asyncio.Future[None] = self._loop.create_future()
        self._stages = (
            _Stage("blob-write", fh.write, self._stage_done),
            _Stage("blob-hash", digest.update, self._stage_done),
        )

    def _stage_done(self, length: int) -> None:
        # Runs on a stage thread: wake the loop when there is room again or all is done.
        with self._lock:
            if length == 0:
                self._ended += 1
                if self._ended == len(self._stages):
                    self._loop.call_soon_threadsafe(_resolve, self._all_ended)
                return
            self._queued -= length
            room = self._room
            if room is not None and self._queued <= self._limit:
                self._room = None
                self._loop.call_soon_threadsafe(_resolve, room)

    async def put(self, block: bytes) -> None:
        """Queue one block for both stages; waits only while the stages are far behind."""
        if not block:
            return
        for stage in self._stages:
            if stage.error is not None:
                raise stage.error
        with self._lock:
            self._queued += len(block) * len(self._stages)
            room = None
            if self._queued > self._limit:
                room = self._room = self._loop.create_future()
        for stage in self._stages:
            stage.put(block)
        if room is not None:
            await room

    async def finish(self) -> int:
        """Wait for both stages; the bytes on disk and in the digest (they always agree)."""
        for stage in self._stages:
            stage.put(_END)
        try:
            await asyncio.shield(self._all_ended)
        finally:
            for stage in self._stages:
                # Even for a cancelled request: the caller closes the file after this.
                stage.join()
        writer, hasher = self._stages
        if writer.error is not None:
            raise writer.error
        if hasher.error is not None:
            raise hasher.error
        return writer.done


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
