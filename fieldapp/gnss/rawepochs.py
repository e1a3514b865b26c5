"""Observation epochs of UBX (RXM-RAWX, RXM-RAW) and RTCM 3 (MSM, legacy) frames, in GPS time."""

from __future__ import annotations

import datetime as dt
import struct
from collections import Counter

GPS_EPOCH = dt.datetime(1980, 1, 6)
WEEK_MS = 7 * 86_400_000

_RAWX = (0x02, 0x15)
_RAW = (0x02, 0x10)


def gpst_iso(week: int, tow_ms: int) -> str:
    """GPS week + time of week (ms) as ISO 8601 in GPS time (no leap seconds applied)."""
    when = GPS_EPOCH + dt.timedelta(weeks=week, milliseconds=tow_ms)
    return when.isoformat(timespec="milliseconds" if tow_ms % 1000 else "seconds")


def resolve_week10(week10: int, today: dt.date | None = None) -> int:
    """A 10-bit GPS week (RTCM 1019) in the latest 1024-week cycle that is not in the future.

    Honest for recordings less than 19.6 years old, which is what a field laptop handles.
    """
    today = today or dt.datetime.now(dt.UTC).date()
    current = (today - GPS_EPOCH.date()).days // 7
    week = week10 + 1024 * (current // 1024)
    return week - 1024 if week > current else week


class _Timeline:
    """Epoch times (GPST ms of week) with week rollovers, and the spacing between epochs."""

    def __init__(self) -> None:
        self.first_ms: int | None = None
        self.last_ms: int | None = None
        self.rollovers = 0  # weeks passed since the first epoch
        self.week: int | None = None  # full GPS week of the FIRST epoch, once known
        self.steps: Counter[int] = Counter()
        self._pending: tuple[int, int | None] | None = None  # a week seen before any epoch

    def add(self, tow_ms: int) -> None:
        last = self.last_ms
        if last is None:
            self.first_ms = self.last_ms = tow_ms
            if self._pending is not None:
                self.learn_week(*self._pending)
            return
        step = tow_ms - last
        if step < -WEEK_MS // 2:  # the time of week wrapped: a new week
            self.rollovers += 1
            step += WEEK_MS
        if step > 0:
            self.steps[step] += 1
        self.last_ms = tow_ms

    def learn_week(self, week: int, tow_ms: int | None = None) -> None:
        """The full week of the current epoch (`tow_ms`: a time in that week near it)."""
        if self.week is not None:
            return
        if self.last_ms is None:
            self._pending = (week, tow_ms)
            return
        if tow_ms is not None:  # the reference time may sit just across a week boundary
            if tow_ms - self.last_ms > WEEK_MS // 2:
                week -= 1
            elif self.last_ms - tow_ms > WEEK_MS // 2:
                week += 1
        self.week = week - self.rollovers

    def first_gpst(self) -> str | None:
        if self.week is None or self.first_ms is None:
            return None
        return gpst_iso(self.week, self.first_ms)

    def last_gpst(self) -> str | None:
        if self.week is None or self.last_ms is None:
            return None
        return gpst_iso(self.week + self.rollovers, self.last_ms)

    def interval_s(self) -> float | None:
        """The most common spacing of consecutive epochs (gaps and restarts do not count)."""
        if not self.steps:
            return None
        return self.steps.most_common(1)[0][0] / 1000.0


class UbxEpochs:
    """A new epoch per distinct receiver time of week of RXM-RAWX / RXM-RAW (both hold the week)."""

    def __init__(self) -> None:
        self.count = 0
        self.timeline = _Timeline()
        self._key: tuple[int, int] | None = None

    def add(self, cls: int, msg_id: int, payload: bytes) -> bool:
        """Feed one verified UBX frame's payload; True if it opened a new epoch."""
        if (cls, msg_id) == _RAWX and len(payload) >= 16:
            tow_s, week = struct.unpack_from("<dH", payload, 0)
            tow_ms = round(tow_s * 1000.0)
        elif (cls, msg_id) == _RAW and len(payload) >= 8:
            tow_ms, week = struct.unpack_from("<ih", payload, 0)
        else:
            return False
        key = (week, tow_ms)
        if key == self._key:
            return False
        self._key = key
        self.count += 1
        self.timeline.add(tow_ms % WEEK_MS)
        if week > 0:  # week 0 = not yet known to the receiver
            self.timeline.learn_week(week)
        return True


def _bits(payload: bytes, start: int, count: int) -> int:
    """`count` bits from bit `start` (MSB first), as RTCM packs its fields."""
    first, last = start // 8, (start + count + 7) // 8
    value = int.from_bytes(payload[first:last], "big")
    return (value >> (last * 8 - start - count)) & ((1 << count) - 1)


def is_msm(number: int) -> bool:
    return 1071 <= number <= 1137 and 1 <= number % 10 <= 7


def is_legacy_obs(number: int) -> bool:
    return 1001 <= number <= 1004 or 1009 <= number <= 1012


class RtcmEpochs:
    """A new epoch per distinct epoch time of the observation messages (MSM, legacy).

    The multiple-message bit (MSM DF393, legacy DF005: "more messages of this epoch follow")
    decides first: a message after one that set it belongs to the same epoch whatever its
    time says (encoders disagree on BeiDou's 14 s, GLONASS counts Moscow time of day).
    After a message that cleared it, only a repeat of the current epoch's time (same system
    family) stays in the epoch; anything else opens a new one. Epoch times come from
    GPS-like systems (GPS, Galileo, SBAS, QZSS, NavIC: GPS time of week); the GPS week from a
    GPS ephemeris (1019).
    """

    def __init__(self, today: dt.date | None = None) -> None:
        self.count = 0
        self.timeline = _Timeline()
        self._today = today
        self._times: dict[str, int] = {}  # system family -> time in the current epoch
        self._more = False
        self._timed = False  # the current epoch has a GPS-time entry on the timeline

    def add(self, number: int, payload: bytes) -> bool:
        """Feed one verified RTCM 3 frame's payload (message number known); True on a new epoch."""
        if number == 1019 and len(payload) >= 9:
            week10 = _bits(payload, 18, 10)
            toc_ms = _bits(payload, 56, 16) * 16_000
            self.timeline.learn_week(resolve_week10(week10, self._today), toc_ms)
            return False
        if is_msm(number) and len(payload) >= 8:
            more = bool(_bits(payload, 54, 1))
            if 1081 <= number <= 1087:
                return self._epoch("glonass", _bits(payload, 27, 27), more)
            if 1121 <= number <= 1127:
                return self._epoch("beidou", _bits(payload, 24, 30), more)
            return self._epoch("gps", _bits(payload, 24, 30), more)
        if 1001 <= number <= 1004 and len(payload) >= 8:
            return self._epoch("gps", _bits(payload, 24, 30), bool(_bits(payload, 54, 1)))
        if 1009 <= number <= 1012 and len(payload) >= 7:
            return self._epoch("glonass", _bits(payload, 24, 27), bool(_bits(payload, 51, 1)))
        return False

    def _epoch(self, family: str, time_ms: int, more: bool) -> bool:
        new = not self._more and self._times.get(family) != time_ms
        self._more = more
        if new:
            self.count += 1
            self._times.clear()
            self._timed = False
        self._times[family] = time_ms
        if family == "gps" and not self._timed:
            self.timeline.add(time_ms % WEEK_MS)
            self._timed = True
        return new
