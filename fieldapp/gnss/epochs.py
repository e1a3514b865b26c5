"""Epoch assembly: parsed NMEA records grouped by receiver UTC time into one Fix per epoch."""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.gnss.accuracy import (
    Sigmas,
    check_gst,
    gsv_satellites,
    system_for_prn,
)
from fieldapp.gnss.fix import Fix, ImplausibleFix, Satellite, SigmaSource, check_fix
from fieldapp.gnss.nmea import (
    SYSTEM_ID,
    TALKER_SYSTEM,
    Gga,
    Gll,
    Gns,
    Gsa,
    Gst,
    Gsv,
    Hdt,
    Record,
    Rmc,
    Vtg,
    Zda,
)

DAY_MS = 86_400_000
# Default user equivalent range error for a DOP-based estimate: stand-alone code phase.
DEFAULT_UERE_M = 5.0
_GNS_MODE_QUALITY = {"N": 0, "A": 1, "D": 2, "P": 3, "R": 4, "F": 5, "E": 6, "M": 7, "S": 8}
_TIMEOUT_FACTOR = 1.5
# Enum members looked up once: a class attribute lookup on an Enum goes through a descriptor.
_ESTIMATED = SigmaSource.ESTIMATED


class _Epoch:
    """The records of the epoch being assembled.

    A plain slotted class, not a dataclass: one is made per epoch, and a dataclass with
    list defaults cost twice as much to build (and to define when a replay starts).
    """

    __slots__ = (
        "gga",
        "gll",
        "gns",
        "gsa",
        "gst",
        "gsv",
        "hdt",
        "keys",
        "opened_at",
        "rmc",
        "time_ms",
        "vtg",
        "zda",
    )  # fmt: skip

    def __init__(self, time_ms: int | None, opened_at: float) -> None:
        self.time_ms = time_ms
        self.opened_at = opened_at
        self.gga: Gga | None = None
        self.gns: Gns | None = None
        self.rmc: Rmc | None = None
        self.gll: Gll | None = None
        self.gst: Gst | None = None
        self.vtg: Vtg | None = None
        self.zda: Zda | None = None
        self.hdt: Hdt | None = None
        self.gsa: list[Gsa] = []
        self.gsv: list[Gsv] = []
        self.keys: list[_EpochKey] = []


@dataclass(slots=True)
class EpochStats:
    """Epoch bookkeeping for status displays and tests."""

    epochs: int = 0
    closed_by_time: int = 0
    closed_by_timeout: int = 0
    closed_by_end_marker: int = 0
    late_sentences: int = 0
    gst_rejected: int = 0
    implausible: int = 0


_TIMED = (Gga, Gns, Rmc, Gll, Gst, Zda)
_SLOT = {Gga: "gga", Gns: "gns", Rmc: "rmc", Gll: "gll", Gst: "gst", Vtg: "vtg", Zda: "zda"}
_SLOT[Hdt] = "hdt"
_FIX_SENTENCES = (Gga, Gns, Rmc, Gll)
_EpochKey = tuple[str, str, str | None, bool]
# Per record type: whether it carries the epoch time, and its slot in _Epoch. One dict
# lookup per record instead of a chain of isinstance tests (add runs once per sentence).
_KIND: dict[type, tuple[bool, str]] = {cls: (cls in _TIMED, slot) for cls, slot in _SLOT.items()}
_KIND[Gsa] = (False, "gsa")
_KIND[Gsv] = (False, "gsv")


def _record_key(rec: Record) -> _EpochKey:
    if type(rec) is Gsv:
        return (rec.talker, "GSV", rec.signal_id, rec.msg_num == rec.num_messages)
    return (rec.talker, type(rec).__name__, None, True)


class EpochAssembler:
    """Groups records into epochs keyed on UTC time; closes on a new time, a learned
    end-of-epoch sentence, or a timeout of 1.5 observed periods (via :meth:`poll`)."""

    def __init__(
        self,
        uere_m: float = DEFAULT_UERE_M,
        uere_by_quality: Mapping[int, float] | None = None,
    ) -> None:
        self.uere_m = uere_m
        self.uere_by_quality = dict(uere_by_quality or {})
        self.stats = EpochStats()
        self._open: _Epoch | None = None
        self._date: dt.date | None = None
        self._last_time_ms: int | None = None
        self._last_closed_time: int | None = None
        self._periods: deque[int] = deque(maxlen=8)
        # End-of-epoch learning: receivers send a fixed sentence sequence per epoch, so the
        # sentence that ended the last epochs ends this one too. Closing on it saves the wait
        # for the next epoch's first sentence (a whole period of latency).
        self._ends: deque[_EpochKey | None] = deque(maxlen=2)
        self._end_key: _EpochKey | None = None
        # Satellites repeat from epoch to epoch; reusing the frozen objects saves their
        # construction (about 1 us each, dozens per epoch).
        self._sat_cache: dict[tuple[Gsv, frozenset[object]], tuple[Satellite, ...]] = {}

    @property
    def period_s(self) -> float | None:
        """Observed epoch period (median of recent intervals), seconds."""
        if not self._periods:
            return None
        ordered = sorted(self._periods)
        return ordered[len(ordered) // 2] / 1000.0

    def add(self, rec: Record, now: float) -> list[Fix]:
        """Take one record received at monotonic time ``now``; return epochs it closed."""
        out: list[Fix] = []
        cls = type(rec)
        timed, slot = _KIND[cls]
        t = rec.time_ms if timed else None  # type: ignore[union-attr]
        ep = self._open
        if t is not None:
            if ep is None or (ep.time_ms is not None and ep.time_ms != t):
                if ep is not None:
                    self.stats.closed_by_time += 1
                    self._learn_end(ep)
                    out.extend(self._close())
                if t == self._last_closed_time:
                    self._late()
                    return out
                ep = self._open = _Epoch(t, now)
            elif ep.time_ms is None:
                ep.time_ms = t
        elif ep is None:
            ep = self._open = _Epoch(None, now)
        elif ep.time_ms is None and _repeats(ep, rec):
            # Without any time there is no epoch key: a repeated fix sentence starts anew.
            out.extend(self._close())
            ep = self._open = _Epoch(None, now)
        key: _EpochKey
        if slot == "gsv":
            ep.gsv.append(rec)  # type: ignore[arg-type]
            key = (rec.talker, "GSV", rec.signal_id, rec.msg_num == rec.num_messages)  # type: ignore[union-attr]
        else:
            if slot == "gsa":
                ep.gsa.append(rec)  # type: ignore[arg-type]
            else:
                setattr(ep, slot, rec)
            key = (rec.talker, cls.__name__, None, True)
        ep.keys.append(key)
        if key == self._end_key and ep.time_ms is not None:
            self.stats.closed_by_end_marker += 1
            self._ends.append(key)
            out.extend(self._close())
        return out

    def poll(self, now: float) -> list[Fix]:
        """Close the open epoch when 1.5 observed periods have passed since it opened."""
        ep = self._open
        period = self.period_s
        if ep is None or ep.time_ms is None or period is None:
            return []
        if now - ep.opened_at < _TIMEOUT_FACTOR * period:
            return []
        self.stats.closed_by_timeout += 1
        return self._close()

    def flush(self) -> list[Fix]:
        """End of stream: close whatever is open."""
        if self._open is None:
            return []
        return self._close()

    def _late(self) -> None:
        # A sentence of an epoch already delivered: the learned end marker was wrong.
        self.stats.late_sentences += 1
        self._end_key = None
        self._ends.clear()

    def _learn_end(self, ep: _Epoch) -> None:
        last = ep.keys[-1] if ep.keys else None
        if last is not None and ep.keys.count(last) != 1:
            last = None
        self._ends.append(last)
        if len(self._ends) == 2 and self._ends[0] == self._ends[1]:
            self._end_key = self._ends[0]

    def _close(self) -> list[Fix]:
        ep = self._open
        assert ep is not None
        self._open = None
        t = ep.time_ms
        if t is not None:
            if self._last_time_ms is not None:
                step = (t - self._last_time_ms) % DAY_MS
                if 0 < step <= 60_000:
                    self._periods.append(step)
            self._last_closed_time = t
        try:
            fix = check_fix(self._build(ep, self._epoch_date(ep)))
        except ImplausibleFix:
            # The parser range-checks every field, so this is a combination no single
            # sentence showed (a height from altitude + separation, a DOP x UERE sigma):
            # the epoch is dropped and counted, never handed on.
            self.stats.implausible += 1
            return []
        self.stats.epochs += 1
        return [fix]

    def _epoch_date(self, ep: _Epoch) -> dt.date | None:
        t = ep.time_ms
        date = (ep.rmc.date if ep.rmc else None) or (ep.zda.date if ep.zda else None)
        if date is None and self._date is not None and t is not None:
            last = self._last_time_ms
            # Time of day running backwards by more than half a day is midnight, not jitter.
            if last is not None and t < last - DAY_MS // 2:
                self._date += dt.timedelta(days=1)
            date = self._date
        if date is not None:
            self._date = date
        if t is not None:
            self._last_time_ms = t
        return date

    def _build(self, ep: _Epoch, date: dt.date | None) -> Fix:
        gga, gns, rmc, gll = ep.gga, ep.gns, ep.rmc, ep.gll
        lat = lon = None
        if gga is not None and gga.lat is not None:
            if gga.quality != 0:
                lat, lon = gga.lat, gga.lon
        elif gns is not None and gns.lat is not None:
            if gns.mode is None or _best_mode(gns.mode) != "N":
                lat, lon = gns.lat, gns.lon
        elif rmc is not None and rmc.valid and rmc.lat is not None:
            lat, lon = rmc.lat, rmc.lon
        elif gll is not None and gll.valid and gll.lat is not None:
            lat, lon = gll.lat, gll.lon

        fixsrc = gga if gga is not None else gns
        alt = fixsrc.alt_msl if fixsrc is not None else None
        sep = fixsrc.geoid_sep if fixsrc is not None else None
        quality: int | None = None
        if gga is not None:
            quality = gga.quality
        elif gns is not None and gns.mode:
            quality = _GNS_MODE_QUALITY.get(_best_mode(gns.mode))
        faa = (
            (rmc.faa_mode if rmc else None)
            or (gll.faa_mode if gll else None)
            or (ep.vtg.faa_mode if ep.vtg else None)
            or (gns.mode if gns else None)
        )

        pdop = hdop = vdop = None
        used: dict[str, set[int]] = {}
        for gsa in ep.gsa:
            pdop = gsa.pdop if gsa.pdop is not None else pdop
            hdop = gsa.hdop if gsa.hdop is not None else hdop
            vdop = gsa.vdop if gsa.vdop is not None else vdop
            system = gsa.system
            if system is None:
                for prn in gsa.prns:
                    used.setdefault(system_for_prn(prn), set()).add(prn)
            elif gsa.prns:
                # One constellation per GSA: its PRNs added at once, not one by one.
                prns = used.get(system)
                if prns is None:
                    used[system] = set(gsa.prns)
                else:
                    prns.update(gsa.prns)
        if hdop is None and fixsrc is not None:
            hdop = fixsrc.hdop
        sats_used = fixsrc.sats_used if fixsrc is not None else None
        if sats_used is None and used:
            sats_used = sum(len(p) for p in used.values())

        satellites = self._satellites(ep.gsv, used)
        has_pos = lat is not None
        sig = self._sigmas(ep.gst, quality, hdop, vdop, pdop) if has_pos else None

        speed = rmc.speed_mps if rmc and rmc.speed_mps is not None else None
        course = rmc.course_deg if rmc and rmc.course_deg is not None else None
        if ep.vtg is not None:
            speed = speed if speed is not None else ep.vtg.speed_mps
            course = course if course is not None else ep.vtg.course_deg
        t = ep.time_ms
        return Fix(
            time_of_day=_time_of_day(t) if t is not None else None,
            date=date,
            lat=lat,
            lon=lon,
            # Rounded to a micrometre so a sum of two decimal fields does not print as .59999999.
            height=round(alt + sep, 6) if alt is not None and sep is not None else None,
            alt_msl=alt,
            geoid_sep=sep,
            quality=quality,
            faa_mode=faa,
            sats_used=sats_used,
            sats_used_by_system={k: len(v) for k, v in used.items()},
            satellites=satellites,
            hdop=hdop,
            vdop=vdop,
            pdop=pdop,
            correction_age_s=fixsrc.correction_age_s if fixsrc else None,
            base_id=fixsrc.base_id if fixsrc else None,
            sigma_lat=sig.lat if sig else None,
            sigma_lon=sig.lon if sig else None,
            sigma_alt=sig.alt if sig else None,
            sigma_source=sig.source if sig else None,
            ellipse=sig.ellipse if sig else None,
            speed_mps=speed,
            course_deg=course,
            heading_deg=ep.hdt.heading_deg if ep.hdt else None,
        )

    def _satellites(self, gsvs: list[Gsv], used: dict[str, set[int]]) -> tuple[Satellite, ...]:
        cache = self._sat_cache
        if len(cache) > 4096:
            cache.clear()
        # The used PRNs that matter to a GSV part: its constellation's, or (GN talker) all
        # of them. Made once per constellation present, when a part first needs them.
        frozen: dict[str | None, frozenset[object]] = {}
        out: list[Satellite] = []
        for gsv in gsvs:
            talker_sys = TALKER_SYSTEM.get(gsv.talker)
            part = frozen.get(talker_sys)
            if part is None:
                if talker_sys:
                    part = frozenset(used.get(talker_sys, ()))
                else:
                    part = frozenset((system, prn) for system, prns in used.items() for prn in prns)
                frozen[talker_sys] = part
            # The parser hands back the same Gsv object for the same text, so a GSV part and
            # the used set of its constellation identify the resulting satellites.
            key = (gsv, part)
            sats = cache.get(key)
            if sats is None:
                sats = cache[key] = gsv_satellites(gsv, talker_sys, used)
            out.extend(sats)
        return tuple(out)

    def _sigmas(
        self,
        gst: Gst | None,
        quality: int | None,
        hdop: float | None,
        vdop: float | None,
        pdop: float | None,
    ) -> Sigmas | None:
        if gst is not None:
            checked = check_gst(gst)
            if checked is not None:
                return checked
            self.stats.gst_rejected += 1
        uere = (
            self.uere_by_quality.get(quality, self.uere_m) if quality is not None else self.uere_m
        )
        h = hdop if hdop is not None else pdop
        v = vdop if vdop is not None else pdop
        if h is None:
            return None
        # HDOP x UERE is the 2D sigma; split evenly over the two axes.
        axis = h * uere / math.sqrt(2.0)
        return Sigmas(axis, axis, v * uere if v is not None else None, _ESTIMATED, None)


def _best_mode(mode: str) -> str:
    # GNS carries one mode letter per constellation; the best of them describes the fix.
    for letter in "RFDPAEMS":
        if letter in mode:
            return letter
    return "N"


def _time_of_day(t: int) -> dt.time:
    t %= DAY_MS
    h, rem = divmod(t, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return dt.time(h, m, s, ms * 1000)


def _repeats(ep: _Epoch, rec: Record) -> bool:
    return (
        (isinstance(rec, Gga) and ep.gga is not None)
        or (isinstance(rec, Rmc) and ep.rmc is not None)
        or (isinstance(rec, Gns) and ep.gns is not None)
        or (isinstance(rec, Gll) and ep.gll is not None)
        or len(ep.gsv) > 64
    )


__all__ = ["SYSTEM_ID", "EpochAssembler", "EpochStats", "check_gst", "system_for_prn"]
