"""GnssLink: a reader thread per device: source -> raw logs -> NmeaStream -> Fix, with reconnect."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.rawlog import RawLog
from fieldapp.gnss.rawobs import RawObservationLog
from fieldapp.gnss.sources import ByteSource, EndOfStream, SourceError

log = logging.getLogger(__name__)

STALE_AFTER_S = 2.0


class LinkState(StrEnum):
    CONNECTING = "connecting"  # opening the device, or open and waiting for the first epoch
    LIVE = "live"  # epochs arriving
    STALE = "stale"  # device open but no epoch for STALE_AFTER_S
    LOST = "lost"  # device gone or cannot be opened; retrying with backoff
    STOPPED = "stopped"  # stop() was called, or a finite source ended


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """A link state change, with a reason naming the device and the error."""

    state: LinkState
    reason: str
    source: str
    at_monotonic: float


@dataclass(frozen=True, slots=True)
class Backoff:
    """Reconnect delays: initial, multiplied per failed attempt, capped.

    The cap is short on purpose: retrying to open a missing COM port costs nothing, and a
    Bluetooth receiver that comes back must be live again within a couple of seconds.
    """

    initial_s: float = 0.2
    factor: float = 2.0
    max_s: float = 1.0

    def delays(self) -> Callable[[], float]:
        state = {"next": self.initial_s}

        def next_delay() -> float:
            delay = state["next"]
            state["next"] = min(delay * self.factor, self.max_s)
            return delay

        return next_delay


class FixStream(Protocol):
    """What the link needs of the sans-IO parser (fieldapp.gnss.stream.NmeaStream)."""

    def feed(self, data: bytes, now: float | None = None) -> list[Fix]: ...

    def poll(self, now: float) -> list[Fix]: ...

    def flush(self) -> list[Fix]: ...


FixCallback = Callable[[Fix], None]
StatusCallback = Callable[[LinkStatus], None]


def _default_stream() -> FixStream:
    from fieldapp.gnss.stream import NmeaStream

    return NmeaStream()


class GnssLink:
    """Reads a source in its own thread and reports epochs and link states through callbacks.

    Callbacks run in the reader thread, one at a time: keep them short (the GUI wraps them into
    queued Qt signals). `start()` and `stop()` never block on the device.
    """

    def __init__(
        self,
        source: ByteSource,
        on_fix: FixCallback,
        on_status: StatusCallback | None = None,
        *,
        raw_dir: str | Path | None = None,
        stream_factory: Callable[[], FixStream] = _default_stream,
        backoff: Backoff | None = None,
        stale_after_s: float = STALE_AFTER_S,
        raw_obs: RawObservationLog | None = None,
    ) -> None:
        self.source = source
        self._on_fix = on_fix
        self._on_status = on_status
        self.raw_log = RawLog(raw_dir, source.device) if raw_dir is not None else None
        # UBX/RTCM 3 frames for post-processing: the same object across reconnects, so one
        # file per session; closed with the link (closing it again is harmless).
        self.raw_obs = raw_obs
        self._raw_obs_failed = False
        self.stream = stream_factory()
        self._backoff = backoff or Backoff()
        self._stale_after = stale_after_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # guards the status
        # Guards the open flag and the device for write(): never held while calling back.
        self._io_lock = threading.Lock()
        self._open = False
        self._status = LinkStatus(LinkState.STOPPED, "not started", source.label, time.monotonic())
        self.epochs_delivered = 0
        self.bytes_received = 0

    @property
    def status(self) -> LinkStatus:
        with self._lock:
            return self._status

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.is_running:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"gnss-link-{self.source.device}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> bool:
        """Ask the reader to finish, wake it, and join; True if it ended within `timeout`.

        The bound is the source's read slice, or its connect timeout while a TCP connect runs.
        """
        self._stop.set()
        self.source.cancel()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def write(self, data: bytes) -> bool:
        """Send bytes to the device (RTCM from NTRIP); False when the device is not open now."""
        with self._io_lock:
            if not self._open:
                return False
            try:
                self.source.write(data)
            except SourceError as exc:
                log.debug("write to %s failed: %s", self.source.label, exc)
                return False
            return True

    # -- reader thread -----------------------------------------------------------------

    def _set_status(self, state: LinkState, reason: str) -> None:
        with self._lock:
            if self._status.state == state and self._status.reason == reason:
                return
            self._status = LinkStatus(state, reason, self.source.label, time.monotonic())
            status = self._status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:  # a broken UI callback must not kill the reader
                log.exception("GNSS status callback failed")

    def _deliver(self, fixes: list[Fix]) -> None:
        for fix in fixes:
            self.epochs_delivered += 1
            try:
                self._on_fix(fix)
            except Exception:
                log.exception("GNSS fix callback failed")

    def _run(self) -> None:
        label = self.source.label
        next_delay = self._backoff.delays()
        lost = False
        try:
            self._set_status(LinkState.CONNECTING, f"opening {label}")
            while not self._stop.is_set():
                try:
                    self.source.open()
                except SourceError as exc:
                    if not self.source.reconnectable:
                        self._set_status(LinkState.STOPPED, str(exc))
                        break
                    delay = next_delay()
                    self._set_status(LinkState.LOST, f"{exc}; retrying")
                    lost = True
                    if self._stop.wait(delay):
                        break
                    continue
                with self._io_lock:
                    self._open = True
                verb = "reopened" if lost else "opened"
                self._set_status(LinkState.CONNECTING, f"{verb} {label}, waiting for data")
                outcome = self._read_until_lost()
                with self._io_lock:
                    self._open = False
                    self.source.close()
                if outcome is None:
                    break
                lost = True
                if outcome == "reset":
                    next_delay = self._backoff.delays()
                delay = next_delay()
                if self._stop.wait(delay):
                    break
        except Exception as exc:  # a bug must show as a state, not as a silently dead thread
            log.exception("GNSS reader for %s crashed", label)
            self._set_status(LinkState.LOST, f"{label}: internal error: {exc!r}")
        finally:
            with self._io_lock:
                self._open = False
                self.source.close()
            self._deliver(self.stream.flush())
            if self.raw_log is not None:
                try:
                    self.raw_log.close()
                except OSError as exc:
                    log.warning("closing raw log failed: %s", exc)
            if self.raw_obs is not None:
                try:
                    self.raw_obs.close()
                except OSError as exc:
                    log.warning("closing raw observation log failed: %s", exc)
            if self._status.state != LinkState.STOPPED:
                self._set_status(LinkState.STOPPED, f"{label} closed")

    def _raw_frames_flow(self) -> bool:
        return self.raw_obs is not None and self.raw_obs.state().frames > 0

    def _write_raw_obs(self, data: bytes) -> None:
        """After the evidence log; a failure stops this log for good, never the fixes."""
        assert self.raw_obs is not None
        try:
            self.raw_obs.write(data)
        except OSError as exc:
            self._raw_obs_failed = True
            log.error("raw observation log for %s failed: %s", self.source.label, exc)
            self._set_status(self._status.state, f"raw observation log failed: {exc}")

    def _read_until_lost(self) -> str | None:
        """Read until stop/end (None) or loss ('reset' if data flowed, else 'retry')."""
        source = self.source
        opened_at = time.monotonic()
        last_epoch: float | None = None
        got_bytes = False
        last_bytes = opened_at - self._stale_after
        raw_failed = False
        while not self._stop.is_set():
            try:
                data = source.read()
            except EndOfStream as exc:
                self._deliver(self.stream.flush())
                self._set_status(LinkState.STOPPED, f"{exc}")
                return None
            except SourceError as exc:
                # Deliver what was complete before the drop; the open epoch is cut short anyway.
                self._deliver(self.stream.flush())
                if self.raw_obs is not None:
                    # A frame cut by the drop must not be spliced to the reconnect's bytes.
                    self.raw_obs.discard_partial()
                self._set_status(LinkState.LOST, f"{exc}; reconnecting")
                return "reset" if got_bytes else "retry"
            now = time.monotonic()
            fixes: list[Fix] = []
            if data:
                got_bytes = True
                last_bytes = now
                self.bytes_received += len(data)
                if self.raw_log is not None and not raw_failed:
                    # Evidence first: the bytes hit the disk before they are interpreted.
                    try:
                        self.raw_log.write(data)
                    except OSError as exc:
                        raw_failed = True
                        log.error("raw log for %s failed: %s", source.label, exc)
                        self._set_status(self._status.state, f"raw log failed: {exc}")
                if self.raw_obs is not None and not self._raw_obs_failed:
                    self._write_raw_obs(data)
                fixes = self.stream.feed(data, now)
            fixes.extend(self.stream.poll(now))
            if fixes:
                self._deliver(fixes)
                last_epoch = now
                if self._status.state != LinkState.LIVE:
                    self._set_status(LinkState.LIVE, f"{source.label}: epochs arriving")
                continue
            since = now - (last_epoch if last_epoch is not None else opened_at)
            if since >= self._stale_after and self._status.state in (
                LinkState.LIVE,
                LinkState.CONNECTING,
            ):
                if now - last_bytes < self._stale_after and self._raw_frames_flow():
                    hint = "raw observations arrive but no NMEA epoch (NMEA output off?)"
                elif now - last_bytes < self._stale_after:
                    hint = "bytes arrive but no epoch (wrong baud rate or no NMEA output?)"
                else:
                    hint = "no data at all (receiver off or not sending?)"
                self._set_status(
                    LinkState.STALE, f"{source.label}: no epoch for {since:.1f} s, {hint}"
                )
        return None
