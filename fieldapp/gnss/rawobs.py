"""Raw observation log: the verified UBX / RTCM 3 frames of a stream, one file per protocol."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fieldapp.gnss.rawframes import RawFrame, RawFramer
from fieldapp.gnss.rawlog import FSYNC_INTERVAL_S, create_new_file
from fieldapp.gnss.sources import safe_device_name

log = logging.getLogger(__name__)

EXTENSIONS = {"ubx": "ubx", "rtcm3": "rtcm3"}
FrameListener = Callable[[RawFrame], None]


def raw_obs_name(device: str, started: dt.datetime, protocol: str) -> str:
    stamp = started.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"obs-{stamp}-{safe_device_name(device)}.{EXTENSIONS[protocol]}"


@dataclass(frozen=True, slots=True)
class RawLogState:
    """What the live display shows: the file, its protocol, bytes, frames and epochs so far."""

    path: Path | None  # the file of `protocol`; None until the first frame
    protocol: str | None  # "ubx" or "rtcm3": the one carrying observations (else the first seen)
    bytes: int  # bytes written to `path`
    frames: int  # frames written to `path`
    epochs: int  # observation epochs in `path`
    last_write_monotonic: float | None
    paths: tuple[Path, ...] = ()  # every file, when a stream carries both protocols
    received_bytes: int = 0  # every byte fed (NMEA, garbage and all)
    bad_frames: int = 0  # candidates rejected by checksum or length
    cut_frames: int = 0  # partial frames discarded at a link drop or at close
    error: str | None = None  # the write failure that stopped the log
    epochs_by_protocol: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Output:
    path: Path
    handle: BinaryIO
    bytes: int = 0
    frames: int = 0


class RawObservationLog:
    """Appends every complete, checksum-verified frame to `folder/obs-<UTC>-<device>.<ext>`.

    The file is created on the first frame of its protocol ("x" mode, folder fsynced), each
    write is flushed (another process may read it at once) and fsynced at most once a second.
    Non-frame bytes (NMEA, garbage) are left to the evidence RawLog. Thread-safe: the reader
    thread writes while the UI reads `state()` or closes.
    """

    def __init__(self, folder: Path, device: str, started: dt.datetime | None = None) -> None:
        self.folder = Path(folder)
        self.device = device
        self.started = started or dt.datetime.now(dt.UTC)
        self._framer = RawFramer()
        self._outputs: dict[str, _Output] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._last_sync = 0.0
        self._last_write: float | None = None
        self._cut = 0
        self._error: str | None = None
        self._listeners: list[FrameListener] = []

    def add_listener(self, listener: FrameListener) -> None:
        """Called with each frame once written (ubx_config's AckWatcher hears the receiver)."""
        with self._lock:
            self._listeners.append(listener)

    def write(self, data: bytes) -> None:
        """Frame the bytes and append the complete frames; OSError (disk full...) to the caller."""
        with self._lock:
            if self._closed:
                raise OSError("raw observation log is closed")
            try:
                self._append(self._framer.feed(data))
            except OSError as exc:
                self._error = str(exc)
                raise

    def discard_partial(self) -> None:
        """The link dropped: the frame cut by the drop is discarded, never spliced to new bytes.

        Its checksum would reject the splice anyway (Fletcher-16 misses 1 in 65,536); dropping
        it here makes that certain, and it is counted in `cut_frames`.
        """
        with self._lock:
            if self._framer.discard():
                self._cut += 1

    def close(self) -> None:
        """Write what the buffer still holds whole, then flush, fsync and close every file."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._append(self._framer.flush())
                if self._framer.counts.truncated:
                    self._cut += 1
            finally:
                # The outputs stay listed: state() after close still names the files.
                for out in self._outputs.values():
                    try:
                        out.handle.flush()
                        os.fsync(out.handle.fileno())
                    finally:
                        out.handle.close()

    def _append(self, frames: list[RawFrame]) -> None:
        if not frames:
            return
        touched: dict[str, _Output] = {}
        for frame in frames:
            out = self._outputs.get(frame.protocol)
            if out is None:
                name = raw_obs_name(self.device, self.started, frame.protocol)
                path, handle = create_new_file(self.folder, name)
                out = self._outputs[frame.protocol] = _Output(path, handle)
            out.handle.write(frame.data)
            out.bytes += len(frame.data)
            out.frames += 1
            touched[frame.protocol] = out
        now = time.monotonic()
        sync = now - self._last_sync >= FSYNC_INTERVAL_S
        for out in touched.values():
            out.handle.flush()
            if sync:
                os.fsync(out.handle.fileno())
        if sync:
            self._last_sync = now
        self._last_write = now
        for listener in self._listeners:
            for frame in frames:
                try:
                    listener(frame)
                except Exception:  # a listener must not stop the log
                    log.exception("raw frame listener failed")

    def state(self) -> RawLogState:
        with self._lock:
            outputs = self._outputs
            counts = self._framer.counts
            epochs = {
                "ubx": self._framer.ubx_epochs.count,
                "rtcm3": self._framer.rtcm_epochs.count,
            }
            protocol: str | None = None
            if outputs:
                # The protocol carrying observations; else the first file opened.
                protocol = max(outputs, key=lambda p: (epochs[p], -list(outputs).index(p)))
            out = outputs.get(protocol) if protocol else None
            return RawLogState(
                path=out.path if out else None,
                protocol=protocol,
                bytes=out.bytes if out else 0,
                frames=out.frames if out else 0,
                epochs=epochs[protocol] if protocol else 0,
                last_write_monotonic=self._last_write,
                paths=tuple(o.path for o in outputs.values()),
                received_bytes=counts.bytes,
                bad_frames=counts.bad_frames,
                cut_frames=self._cut,
                error=self._error,
                epochs_by_protocol={p: epochs[p] for p in outputs},
            )
