"""Occupation (averaging) of a point: quality gates, outlier screening, mean, scatter, pass/fail.

The accumulator never aborts: an epoch that fails a gate is rejected with a reason, counted,
and the occupation goes on. Gates come from Kepdirjen 697.K/29/DDJP/1996 (DESIGN.md step 4):
RTK fixed, sigma horizontal <= 0.15 m, sigma vertical <= 0.25 m, PDOP <= 10.

Outlier screening (robust, documented here because it decides which epochs count):
positions are reduced to local north/east/up metres about a reference epoch. Once
``outlier_warmup`` epochs have passed every other gate, each new candidate is compared with
the running median of all candidates so far; it is an outlier when, on any axis, it lies
further than ``outlier_k`` x the MAD-based sigma (1.4826 x median absolute deviation), that
sigma being floored at ``outlier_floor_h_m`` / ``outlier_floor_v_m`` so a receiver that
repeats identical coordinates (MAD = 0) does not make millimetre noise an outlier. The
verdict returned by :meth:`Occupation.add` is provisional: :meth:`Occupation.result` screens
every candidate again against the final median and MAD, so the result does not depend on the
order of the epochs and an outlier inside the warm-up is caught too. Final verdicts are in
``Occupation.epochs()`` after ``result()``.

Heights: the receiver is assumed to report the antenna phase centre (no antenna height
entered in the receiver); the mark height is that height minus the antenna height total.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from fieldapp.gnss.fix import Fix, GgaQuality, SigmaSource
from fieldapp.survey.antenna import AntennaHeight, HeightMethod
from fieldapp.survey.local import Comparison, Position, compare, metres_per_degree

__all__ = [
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

MAD_TO_SIGMA = 1.4826  # MAD of a normal distribution x this = its standard deviation


class RejectReason(StrEnum):
    """Why an epoch was not used. Order of the checks is the order here."""

    NO_TIME = "no_time"
    NO_POSITION = "no_position"
    NOT_FIXED = "not_fixed"
    NO_HEIGHT = "no_height"
    NO_SIGMA = "no_sigma"
    SIGMA_ESTIMATED = "sigma_estimated"
    SIGMA_H = "sigma_h"
    SIGMA_V = "sigma_v"
    NO_PDOP = "no_pdop"
    PDOP = "pdop"
    DUPLICATE_TIME = "duplicate_time"
    OUTLIER = "outlier"


class FailReason(StrEnum):
    """Why a finished occupation does not meet its profile."""

    NO_EPOCHS = "no_epochs"
    TOO_FEW_EPOCHS = "too_few_epochs"
    TOO_SHORT = "too_short"
    SCATTER_H = "scatter_h"
    SCATTER_V = "scatter_v"


@dataclass(frozen=True, slots=True)
class GateProfile:
    """The quality gates and the length of an occupation."""

    name: str = "default"
    allowed_qualities: frozenset[int] = frozenset({GgaQuality.RTK_FIXED})
    max_sigma_h_m: float = 0.15
    max_sigma_v_m: float = 0.25
    max_pdop: float = 10.0
    min_epochs: int = 30
    # Span from first to last used epoch: at 1 Hz, 30 s needs 31 epochs.
    min_seconds: float = 30.0
    require_height: bool = True
    require_pdop: bool = True  # an epoch without PDOP cannot prove PDOP <= 10
    require_measured_sigma: bool = False  # True: DOP x UERE estimates are not enough
    outlier_k: float = 3.0
    outlier_warmup: int = 10
    outlier_floor_h_m: float = 0.01
    outlier_floor_v_m: float = 0.02

    def __post_init__(self) -> None:
        if self.min_epochs < 1 or self.min_seconds < 0 or self.outlier_k <= 0:
            raise ValueError(f"profile {self.name!r}: min_epochs >= 1, min_seconds >= 0, k > 0")
        if self.outlier_warmup < 3:
            raise ValueError(f"profile {self.name!r}: outlier warm-up needs at least 3 epochs")


PROFILES: Mapping[str, GateProfile] = {
    "default": GateProfile(),
    # Re-check of a point already occupied: same gates, shorter.
    "rapid": GateProfile(name="rapid", min_epochs=10, min_seconds=10.0),
    # Receivers with GST only; the estimate from DOP is refused.
    "strict": GateProfile(
        name="strict", min_epochs=60, min_seconds=60.0, require_measured_sigma=True
    ),
}


def profile_named(name: str) -> GateProfile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(PROFILES)
        raise ValueError(f"unknown occupation profile {name!r} (known: {known})") from None


@dataclass(frozen=True, slots=True)
class EpochVerdict:
    """What happened to one epoch: used, or rejected with the reason."""

    seq: int
    used: bool
    reason: RejectReason | None = None
    elapsed_s: float | None = None  # seconds since the first epoch with a time


@dataclass(frozen=True, slots=True)
class EpochRecord:
    """An epoch as fed, with its (provisional or final) verdict."""

    fix: Fix
    verdict: EpochVerdict


@dataclass(frozen=True, slots=True)
class OccupationProgress:
    epochs_used: int
    epochs_required: int
    seconds: float
    seconds_required: float
    epochs_rejected: int

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


@dataclass(slots=True)
class _Candidate:
    """An epoch that passed every gate but the outlier screen, reduced to local metres."""

    index: int  # into Occupation._records
    n: float
    e: float
    u: float | None


@dataclass(frozen=True, slots=True)
class _Robust:
    median: tuple[float, float, float | None]
    sigma: tuple[float, float, float]


class Occupation:
    """Accumulate epochs of one point; ``add`` never raises for bad data, it rejects."""

    def __init__(
        self, profile: GateProfile | None = None, antenna: AntennaHeight | None = None
    ) -> None:
        self.profile = profile or PROFILES["default"]
        self.antenna = antenna
        self._records: list[EpochRecord] = []
        self._candidates: list[_Candidate] = []
        self._ref: tuple[float, float, float] | None = None  # lat, lon, h of the first candidate
        self._k: tuple[float, float] = (0.0, 0.0)
        self._t0: float | None = None
        self._last_abs: float | None = None
        self._last_used_abs: float | None = None
        self._first_used_abs: float | None = None
        self._used_times: set[float] = set()

    # --- feeding -------------------------------------------------------------------------
    def add(self, fix: Fix) -> EpochVerdict:
        seq = len(self._records)
        elapsed = self._elapsed(fix)
        reason = self._gate(fix, elapsed)
        if reason is None:
            reason = self._screen_live(fix)
        verdict = EpochVerdict(seq, reason is None, reason, elapsed)
        self._records.append(EpochRecord(fix, verdict))
        if reason is None and elapsed is not None:
            self._used_times.add(elapsed)
            if self._first_used_abs is None:
                self._first_used_abs = elapsed
            self._last_used_abs = elapsed
        return verdict

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

    def _gate(self, fix: Fix, elapsed: float | None) -> RejectReason | None:
        p = self.profile
        if elapsed is None:
            return RejectReason.NO_TIME
        if not fix.has_position:
            return RejectReason.NO_POSITION
        if fix.quality not in p.allowed_qualities:
            return RejectReason.NOT_FIXED
        if p.require_height and fix.height is None:
            return RejectReason.NO_HEIGHT
        sigma_h = fix.sigma_horizontal
        if sigma_h is None or fix.sigma_alt is None or fix.sigma_source is None:
            return RejectReason.NO_SIGMA
        if p.require_measured_sigma and fix.sigma_source is not SigmaSource.GST:
            return RejectReason.SIGMA_ESTIMATED
        if not sigma_h <= p.max_sigma_h_m:  # "not <=" also rejects NaN
            return RejectReason.SIGMA_H
        if not fix.sigma_alt <= p.max_sigma_v_m:
            return RejectReason.SIGMA_V
        if fix.pdop is None:
            if p.require_pdop:
                return RejectReason.NO_PDOP
        elif not fix.pdop <= p.max_pdop:
            return RejectReason.PDOP
        if elapsed in self._used_times:
            return RejectReason.DUPLICATE_TIME  # the same epoch delivered twice
        return None

    def _local(self, fix: Fix) -> tuple[float, float, float | None]:
        assert fix.lat is not None and fix.lon is not None
        if self._ref is None:
            self._ref = (fix.lat, fix.lon, fix.height if fix.height is not None else 0.0)
            self._k = metres_per_degree(fix.lat)
        lat0, lon0, h0 = self._ref
        u = None if fix.height is None else fix.height - h0
        return (fix.lat - lat0) * self._k[0], (fix.lon - lon0) * self._k[1], u

    def _screen_live(self, fix: Fix) -> RejectReason | None:
        n, e, u = self._local(fix)
        cand = _Candidate(len(self._records), n, e, u)
        robust = self._robust(self._candidates)
        self._candidates.append(cand)
        if robust is not None and self._is_outlier(cand, robust):
            return RejectReason.OUTLIER
        return None

    def _robust(self, cands: list[_Candidate]) -> _Robust | None:
        p = self.profile
        if len(cands) < p.outlier_warmup:
            return None
        ns = np.array([c.n for c in cands])
        es = np.array([c.e for c in cands])
        us = np.array([c.u for c in cands if c.u is not None])
        med_n, med_e = float(np.median(ns)), float(np.median(es))
        sig_n = max(MAD_TO_SIGMA * float(np.median(np.abs(ns - med_n))), p.outlier_floor_h_m)
        sig_e = max(MAD_TO_SIGMA * float(np.median(np.abs(es - med_e))), p.outlier_floor_h_m)
        med_u: float | None = None
        sig_u = p.outlier_floor_v_m
        if us.size:
            med_u = float(np.median(us))
            sig_u = max(MAD_TO_SIGMA * float(np.median(np.abs(us - med_u))), sig_u)
        return _Robust((med_n, med_e, med_u), (sig_n, sig_e, sig_u))

    def _is_outlier(self, c: _Candidate, r: _Robust) -> bool:
        k = self.profile.outlier_k
        if abs(c.n - r.median[0]) > k * r.sigma[0] or abs(c.e - r.median[1]) > k * r.sigma[1]:
            return True
        med_u = r.median[2]
        return c.u is not None and med_u is not None and abs(c.u - med_u) > k * r.sigma[2]

    # --- reading -------------------------------------------------------------------------
    @property
    def progress(self) -> OccupationProgress:
        used = sum(1 for r in self._records if r.verdict.used)
        span = 0.0
        if self._first_used_abs is not None and self._last_used_abs is not None:
            span = self._last_used_abs - self._first_used_abs
        return OccupationProgress(
            used, self.profile.min_epochs, span, self.profile.min_seconds,
            len(self._records) - used,
        )  # fmt: skip

    def epochs(self) -> tuple[EpochRecord, ...]:
        return tuple(self._records)

    def _finalise_verdicts(self) -> None:
        """Screen every candidate against the final robust statistics (order-independent)."""
        robust = self._robust(self._candidates)
        for c in self._candidates:
            rec = self._records[c.index]
            outlier = robust is not None and self._is_outlier(c, robust)
            if outlier == (not rec.verdict.used):
                continue
            reason = RejectReason.OUTLIER if outlier else None
            self._records[c.index] = replace(
                rec, verdict=replace(rec.verdict, used=not outlier, reason=reason)
            )

    def result(
        self, antenna: AntennaHeight | None = None, earlier: Position | None = None
    ) -> OccupationResult:
        """Final verdicts, statistics and pass/fail; may be called again as epochs arrive."""
        self._finalise_verdicts()
        antenna = antenna or self.antenna
        p = self.profile
        used = [r for r in self._records if r.verdict.used]
        reasons = Counter(r.verdict.reason for r in self._records if r.verdict.reason is not None)
        rejected = {reason: reasons[reason] for reason in RejectReason if reasons[reason]}
        stats = _Stats.of([r.fix for r in used])
        times = [r.verdict.elapsed_s for r in used if r.verdict.elapsed_s is not None]
        span = (max(times) - min(times)) if times else 0.0
        first = min(used, key=_elapsed_key).fix if used else None
        last = max(used, key=_elapsed_key).fix if used else None
        mark_h = None
        if stats.h is not None and antenna is not None:
            mark_h = stats.h - antenna.total_m
        failures: list[FailReason] = []
        if not used:
            failures.append(FailReason.NO_EPOCHS)
        elif len(used) < p.min_epochs:
            failures.append(FailReason.TOO_FEW_EPOCHS)
        if used and span < p.min_seconds:
            failures.append(FailReason.TOO_SHORT)
        std_h = None if stats.std_n is None else math.hypot(stats.std_n, stats.std_e or 0.0)
        if std_h is not None and std_h > p.max_sigma_h_m:
            failures.append(FailReason.SCATTER_H)
        if stats.std_u is not None and stats.std_u > p.max_sigma_v_m:
            failures.append(FailReason.SCATTER_V)
        comparison = None
        if earlier is not None and stats.lat is not None and stats.lon is not None:
            comparison = compare(earlier, Position(stats.lat, stats.lon, mark_h))
        return OccupationResult(
            profile=p, lat=stats.lat, lon=stats.lon, h=stats.h, mark_h=mark_h,
            std_n_m=stats.std_n, std_e_m=stats.std_e, std_u_m=stats.std_u,
            epochs_used=len(used), epochs_rejected=len(self._records) - len(used),
            rejected_by_reason=rejected,
            first_utc=first.utc if first else None, last_utc=last.utc if last else None,
            first_time=first.time_of_day if first else None,
            last_time=last.time_of_day if last else None,
            span_s=span, antenna=antenna, sigma_source=stats.sigma_source,
            mean_sigma_h_m=stats.mean_sigma_h, mean_sigma_v_m=stats.mean_sigma_v,
            passed=not failures, failures=tuple(failures), comparison=comparison,
        )  # fmt: skip


def _elapsed_key(r: EpochRecord) -> float:
    return r.verdict.elapsed_s if r.verdict.elapsed_s is not None else 0.0


@dataclass(frozen=True, slots=True)
class _Stats:
    lat: float | None = None
    lon: float | None = None
    h: float | None = None
    std_n: float | None = None
    std_e: float | None = None
    std_u: float | None = None
    sigma_source: SigmaSource | None = None
    mean_sigma_h: float | None = None
    mean_sigma_v: float | None = None

    @classmethod
    def of(cls, fixes: list[Fix]) -> _Stats:
        """Mean and sample standard deviation (ddof=1) of used epochs, scatter in metres."""
        if not fixes:
            return cls()
        lats = np.array([f.lat for f in fixes], dtype=float)
        lons = np.array([f.lon for f in fixes], dtype=float)
        hs = np.array([f.height for f in fixes if f.height is not None], dtype=float)
        lat, lon = float(np.mean(lats)), float(np.mean(lons))
        h = float(np.mean(hs)) if hs.size else None
        kn, ke = metres_per_degree(lat)
        std_n = std_e = std_u = None
        if len(fixes) > 1:
            # Degrees to metres is linear over an occupation, so scale the std of degrees.
            std_n = float(np.std(lats, ddof=1)) * kn
            std_e = float(np.std(lons, ddof=1)) * ke
        if hs.size > 1:
            std_u = float(np.std(hs, ddof=1))
        sources = {f.sigma_source for f in fixes}
        source: SigmaSource | None = None
        if None not in sources:
            source = SigmaSource.GST if sources == {SigmaSource.GST} else SigmaSource.ESTIMATED
        sig_h = [s for f in fixes if (s := f.sigma_horizontal) is not None]
        sig_v = [f.sigma_alt for f in fixes if f.sigma_alt is not None]
        return cls(
            lat, lon, h, std_n, std_e, std_u, source,
            float(np.mean(sig_h)) if sig_h else None, float(np.mean(sig_v)) if sig_v else None,
        )  # fmt: skip
