"""Occupation (averaging) of a point: quality gates, outlier screening, mean, scatter, pass/fail.

The accumulator never aborts: an epoch that fails a gate is rejected with a reason, counted,
and the occupation goes on. Gates come from Kepdirjen 697.K/29/DDJP/1996 (DESIGN.md step 4):
RTK fixed, sigma horizontal <= 0.15 m, sigma vertical <= 0.25 m, PDOP <= 10; a NaN, an
infinity or an implausible position never passes one (:mod:`~fieldapp.survey.occupation_gates`).

Outlier screening (robust, documented here because it decides which epochs count):
positions are reduced to local north/east/up metres about a reference epoch. Once
``outlier_warmup`` epochs have passed every other gate, each new candidate is compared with
the median of the candidates before it; it is an outlier when, on any axis, it lies further
than ``outlier_k`` x the MAD-based sigma (1.4826 x median absolute deviation), that sigma
being floored at ``outlier_floor_h_m`` / ``outlier_floor_v_m`` so a receiver that repeats
identical coordinates (MAD = 0) does not make millimetre noise an outlier. That median and
MAD are refreshed after every epoch for the first 256 candidates and then each time the
candidates grow by a sixteenth (:mod:`~fieldapp.survey.occupation_stats`), so a 4-hour
session at 10 Hz costs the same per epoch as its first minute. The verdict returned by
:meth:`Occupation.add` is provisional: :meth:`Occupation.result` screens every candidate
again against the exact median and MAD of all of them, so the result does not depend on the
order of the epochs (nor on the refresh schedule), and an outlier inside the warm-up is caught
too. Final verdicts are in :meth:`Occupation.verdicts` after ``result()``.

Only compact columns are kept per epoch (no Fix: a receiver's Fix carries its satellites);
the mean and scatter are computed in local metres, never in raw degrees.

Heights: the receiver is assumed to report the antenna phase centre (no antenna height
entered in the receiver); the mark height is that height minus the antenna height total.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.survey.antenna import AntennaHeight, HeightMethod
from fieldapp.survey.local import Comparison, Position, compare, metres_per_degree
from fieldapp.survey.occupation_gates import (
    PROFILES,
    GateProfile,
    RejectReason,
    check_epoch,
    profile_named,
)
from fieldapp.survey.occupation_stats import (
    BoolArray,
    Candidates,
    LiveScreen,
    Welford,
    final_inliers,
    robust_of,
    summarise,
)

__all__ = [
    "PROFILES",
    "AntennaHeight",
    "Comparison",
    "EpochRecord",
    "EpochVerdict",
    "FailReason",
    "GateProfile",
    "HeightMethod",
    "Occupation",
    "OccupationProgress",
    "OccupationResult",
    "Position",
    "RejectReason",
    "compare",
    "metres_per_degree",
    "profile_named",
]

_REASONS: tuple[RejectReason, ...] = tuple(RejectReason)
_CODE = {r: i + 1 for i, r in enumerate(_REASONS)}  # 0: used
_OUTLIER = _CODE[RejectReason.OUTLIER]


class FailReason(StrEnum):
    """Why a finished occupation does not meet its profile."""

    NO_EPOCHS = "no_epochs"
    TOO_FEW_EPOCHS = "too_few_epochs"
    TOO_SHORT = "too_short"
    SCATTER_H = "scatter_h"  # also a scatter that is not a finite number
    SCATTER_V = "scatter_v"


@dataclass(frozen=True, slots=True)
class EpochVerdict:
    """What happened to one epoch: used, or rejected with the reason."""

    seq: int
    used: bool
    reason: RejectReason | None = None
    elapsed_s: float | None = None  # seconds since the first epoch with a time


@dataclass(frozen=True, slots=True)
class EpochRecord:
    """An epoch with its verdict (as stored in the job: see ``store.occupations``)."""

    fix: Fix
    verdict: EpochVerdict


@dataclass(frozen=True, slots=True)
class OccupationProgress:
    epochs_used: int
    epochs_required: int
    seconds: float
    seconds_required: float
    epochs_rejected: int
    # Running scatter (sample std, metres) of the epochs used so far; None below two.
    scatter_h_m: float | None = None
    scatter_v_m: float | None = None

    @property
    def complete(self) -> bool:
        return self.epochs_used >= self.epochs_required and self.seconds >= self.seconds_required

    @property
    def fraction(self) -> float:
        """0..1: the lesser of the epoch and time fractions (for a progress bar)."""
        e = self.epochs_used / self.epochs_required
        t = 1.0 if self.seconds_required <= 0 else self.seconds / self.seconds_required
        return max(0.0, min(1.0, e, t))


@dataclass(frozen=True, slots=True)
class OccupationResult:
    """The outcome of an occupation. Standard deviations are the scatter of used epochs."""

    profile: GateProfile
    lat: float | None
    lon: float | None
    h: float | None  # mean ellipsoidal height of the antenna phase centre
    mark_h: float | None  # h minus the antenna height total (None without antenna height)
    std_n_m: float | None
    std_e_m: float | None
    std_u_m: float | None
    epochs_used: int
    epochs_rejected: int
    rejected_by_reason: Mapping[RejectReason, int]
    first_utc: dt.datetime | None
    last_utc: dt.datetime | None
    first_time: dt.time | None
    last_time: dt.time | None
    span_s: float
    antenna: AntennaHeight | None
    # GST only when every used epoch had a GST sigma; any estimate makes it "estimated".
    sigma_source: SigmaSource | None
    mean_sigma_h_m: float | None  # mean of the receiver's per-epoch sigmas (see sigma_source)
    mean_sigma_v_m: float | None
    passed: bool
    failures: tuple[FailReason, ...]
    comparison: Comparison | None = None

    @property
    def std_h_m(self) -> float | None:
        if self.std_n_m is None or self.std_e_m is None:
            return None
        return math.hypot(self.std_n_m, self.std_e_m)

    @property
    def mark_position(self) -> Position | None:
        """The mark itself: horizontal mean and the height reduced by the antenna height."""
        if self.lat is None or self.lon is None:
            return None
        return Position(self.lat, self.lon, self.mark_h)


class Occupation:
    """Accumulate epochs of one point; ``add`` never raises for bad data, it rejects."""

    def __init__(
        self, profile: GateProfile | None = None, antenna: AntennaHeight | None = None
    ) -> None:
        self.profile = p = profile or PROFILES["default"]
        self.antenna = antenna
        self._codes = bytearray()  # per epoch: 0 used, else _CODE of its reason
        self._elapsed_s = array("d")  # per epoch; NaN: no time
        self._cands = Candidates()
        self._screen = LiveScreen(
            p.outlier_k, p.outlier_warmup, p.outlier_floor_h_m, p.outlier_floor_v_m
        )
        self._running = (Welford(), Welford(), Welford())  # n, e, u of the used epochs
        self._used = 0
        self._ref: tuple[float, float, float] | None = None  # lat, lon, h of the first candidate
        self._k: tuple[float, float] = (0.0, 0.0)
        self._t0: float | None = None
        self._last_abs: float | None = None
        self._last_used_abs: float | None = None
        self._first_used_abs: float | None = None
        self._used_times: set[float] = set()

    # --- feeding -------------------------------------------------------------------------
    def add(self, fix: Fix) -> EpochVerdict:
        seq = len(self._codes)
        elapsed = self._elapsed(fix)
        reason = RejectReason.NO_TIME if elapsed is None else check_epoch(self.profile, fix)
        if reason is None and elapsed in self._used_times:
            reason = RejectReason.DUPLICATE_TIME  # the same epoch delivered twice
        if reason is None:
            reason = self._screen_candidate(seq, fix, elapsed)
        self._codes.append(0 if reason is None else _CODE[reason])
        self._elapsed_s.append(math.nan if elapsed is None else elapsed)
        if reason is None and elapsed is not None:
            self._used += 1
            self._used_times.add(elapsed)
            if self._first_used_abs is None:
                self._first_used_abs = elapsed
            self._last_used_abs = elapsed
        return EpochVerdict(seq, reason is None, reason, elapsed)

    def _elapsed(self, fix: Fix) -> float | None:
        """Seconds since the first timed epoch; a time of day without date rolls over midnight."""
        tod = fix.time_of_day
        if tod is None:
            return None
        secs = tod.hour * 3600 + tod.minute * 60 + tod.second + tod.microsecond / 1e6
        if fix.date is not None:
            absolute = fix.date.toordinal() * 86400.0 + secs
        else:
            day = 0.0 if self._last_abs is None else (self._last_abs // 86400) * 86400
            absolute = day + secs
            if self._last_abs is not None and absolute < self._last_abs - 43200:
                absolute += 86400  # passed midnight without a date sentence
        self._last_abs = absolute
        if self._t0 is None:
            self._t0 = absolute
        return absolute - self._t0

    def _screen_candidate(self, seq: int, fix: Fix, elapsed: float | None) -> RejectReason | None:
        """Local metres of an epoch that passed every gate, kept, and screened provisionally."""
        lat, lon, h = fix.lat, fix.lon, fix.height
        assert lat is not None and lon is not None and fix.time_of_day is not None
        if self._ref is None:
            self._ref = (lat, lon, h if h is not None else 0.0)
            self._k = metres_per_degree(lat)
        lat0, lon0, h0 = self._ref
        n, e = (lat - lat0) * self._k[0], (lon - lon0) * self._k[1]
        u = math.nan if h is None else h - h0
        c = self._cands
        outlier = self._screen.is_outlier(c, n, e, u)
        tod = fix.time_of_day
        c.seq.append(seq)
        c.n.append(n)
        c.e.append(e)
        c.u.append(u)
        c.elapsed.append(elapsed if elapsed is not None else math.nan)
        c.sigma_h.append(fix.sigma_horizontal or 0.0)
        c.sigma_v.append(fix.sigma_alt or 0.0)
        c.gst.append(fix.sigma_source is SigmaSource.GST)
        c.time_us.append(
            ((tod.hour * 60 + tod.minute) * 60 + tod.second) * 1_000_000 + tod.microsecond
        )
        c.date_ord.append(fix.date.toordinal() if fix.date is not None else 0)
        if outlier:
            return RejectReason.OUTLIER
        wn, we, wu = self._running
        wn.add(n)
        we.add(e)
        if h is not None:
            wu.add(u)
        return None

    # --- reading -------------------------------------------------------------------------
    @property
    def progress(self) -> OccupationProgress:
        """Counts so far, O(1): provisional verdicts, or final ones after ``result()``."""
        span = 0.0
        if self._first_used_abs is not None and self._last_used_abs is not None:
            span = self._last_used_abs - self._first_used_abs
        wn, we, wu = self._running
        sh = None if wn.std is None or we.std is None else math.hypot(wn.std, we.std)
        return OccupationProgress(
            self._used, self.profile.min_epochs, span, self.profile.min_seconds,
            len(self._codes) - self._used, sh, wu.std,
        )  # fmt: skip

    @property
    def robust_refreshes(self) -> int:
        """How often the live screen recomputed its median/MAD (bounded: see the module)."""
        return self._screen.refreshes

    def verdicts(self) -> tuple[EpochVerdict, ...]:
        """Every epoch's verdict in order: provisional, or final after ``result()``."""
        out = []
        for seq, (code, t) in enumerate(zip(self._codes, self._elapsed_s, strict=True)):
            reason = _REASONS[code - 1] if code else None
            out.append(EpochVerdict(seq, not code, reason, None if math.isnan(t) else t))
        return tuple(out)

    def _finalise_verdicts(self) -> BoolArray:
        """Screen every candidate against the exact median/MAD of all (order-independent)."""
        c, p = self._cands, self.profile
        n, e, u = c.column("n"), c.column("e"), c.column("u")
        if len(c) >= p.outlier_warmup:
            robust = robust_of(n, e, u, p.outlier_floor_h_m, p.outlier_floor_v_m)
            inlier = final_inliers(n, e, u, robust, p.outlier_k)
        else:
            inlier = np.ones(len(c), dtype=bool)
        seqs = np.frombuffer(c.seq, dtype=np.int64) if len(c) else np.empty(0, np.int64)
        codes = np.frombuffer(bytes(self._codes), dtype=np.uint8)
        was_used = codes[seqs] == 0 if len(c) else np.empty(0, dtype=bool)
        changed = np.flatnonzero(inlier != was_used)
        for i in changed.tolist():
            self._codes[int(seqs[i])] = 0 if inlier[i] else _OUTLIER
        if changed.size:
            self._used += int(np.count_nonzero(inlier[changed])) - int(
                np.count_nonzero(~inlier[changed])
            )
            wn, we, wu = self._running
            wn.reset(n[inlier])
            we.reset(e[inlier])
            us = u[inlier]
            wu.reset(us[~np.isnan(us)])
        return inlier

    def result(
        self, antenna: AntennaHeight | None = None, earlier: Position | None = None
    ) -> OccupationResult:
        """Final verdicts, statistics and pass/fail; may be called again as epochs arrive."""
        used = self._finalise_verdicts()
        antenna = antenna or self.antenna
        p = self.profile
        s = summarise(self._cands, used)
        counts = np.bincount(np.frombuffer(bytes(self._codes), dtype=np.uint8),
                             minlength=len(_REASONS) + 1)  # fmt: skip
        rejected = {r: int(counts[_CODE[r]]) for r in _REASONS if counts[_CODE[r]]}
        lat = lon = h = mark_h = std_n = std_e = None
        if s.count and self._ref is not None:
            lat0, lon0, h0 = self._ref
            lat, lon = lat0 + s.mean[0] / self._k[0], lon0 + s.mean[1] / self._k[1]
            h = None if s.mean[2] is None else h0 + s.mean[2]
            # The scatter in metres at the mean latitude, as from the degrees themselves.
            kn, ke = metres_per_degree(lat)
            std_n = None if s.std[0] is None else s.std[0] / self._k[0] * kn
            std_e = None if s.std[1] is None else s.std[1] / self._k[1] * ke
        if h is not None and antenna is not None:
            mark_h = h - antenna.total_m
        failures = _failures(p, s.count, s.span_s, std_n, std_e, s.std[2])
        comparison = None
        if earlier is not None and lat is not None and lon is not None:
            comparison = compare(earlier, Position(lat, lon, mark_h))
        first, last = self._when(s.first), self._when(s.last)
        source = None
        if s.count:
            source = SigmaSource.GST if s.all_gst else SigmaSource.ESTIMATED
        return OccupationResult(
            profile=p, lat=lat, lon=lon, h=h, mark_h=mark_h,
            std_n_m=std_n, std_e_m=std_e, std_u_m=s.std[2],
            epochs_used=s.count, epochs_rejected=len(self._codes) - s.count,
            rejected_by_reason=rejected, first_utc=first[0], last_utc=last[0],
            first_time=first[1], last_time=last[1], span_s=s.span_s, antenna=antenna,
            sigma_source=source, mean_sigma_h_m=s.mean_sigma_h, mean_sigma_v_m=s.mean_sigma_v,
            passed=not failures, failures=failures, comparison=comparison,
        )  # fmt: skip

    def _when(self, cand: int | None) -> tuple[dt.datetime | None, dt.time | None]:
        """UTC (with a date) and time of day of a candidate, from its compact columns."""
        if cand is None:
            return None, None
        us = self._cands.time_us[cand]
        secs, micro = divmod(us, 1_000_000)
        tod = dt.time(secs // 3600, secs // 60 % 60, secs % 60, micro)
        ordinal = self._cands.date_ord[cand]
        if not ordinal:
            return None, tod
        return dt.datetime.combine(dt.date.fromordinal(ordinal), tod, tzinfo=dt.UTC), tod


def _failures(
    p: GateProfile, used: int, span: float,
    std_n: float | None, std_e: float | None, std_u: float | None,
) -> tuple[FailReason, ...]:  # fmt: skip
    """Pass/fail against the profile; a scatter passes only if finite and within its limit."""
    out: list[FailReason] = []
    if not used:
        out.append(FailReason.NO_EPOCHS)
    elif used < p.min_epochs:
        out.append(FailReason.TOO_FEW_EPOCHS)
    if used and not span >= p.min_seconds:
        out.append(FailReason.TOO_SHORT)
    std_h = None if std_n is None else math.hypot(std_n, std_e or 0.0)
    if std_h is not None and not (math.isfinite(std_h) and std_h <= p.max_sigma_h_m):
        out.append(FailReason.SCATTER_H)
    if std_u is not None and not (math.isfinite(std_u) and std_u <= p.max_sigma_v_m):
        out.append(FailReason.SCATTER_V)
    return tuple(out)
