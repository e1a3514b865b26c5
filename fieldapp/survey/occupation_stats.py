"""Streaming statistics of an occupation: candidate columns, running scatter, robust screens.

Everything here works in local north/east/up metres about a reference (the first candidate),
never in raw degrees, so sums of squares stay small and exact to well below a millimetre.

Per epoch the work is O(1) amortised:

- :class:`Welford` keeps the running mean and scatter of the epochs used so far;
- :class:`LiveScreen` holds the median/MAD of the candidates so far and refreshes it on a
  schedule: after every epoch while there are at most ``EXACT_UP_TO`` (so short occupations
  and stake measurements screen exactly as a full recompute would), then each time the
  candidates have grown by a sixteenth. The median of thousands of epochs of a static antenna
  barely moves in a sixteenth more of them; the total work is about 17 x n element visits.

The final screen (:func:`final_inliers`) is exact: the median and MAD of all candidates,
computed once when the result is asked for, so the result does not depend on the schedule.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MAD_TO_SIGMA = 1.4826  # MAD of a normal distribution x this = its standard deviation
EXACT_UP_TO = 256  # candidates screened against a fresh median/MAD after every epoch
GROWTH = 16  # beyond that, refresh when the candidates have grown by 1/GROWTH

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


class Welford:
    """Running mean and sum of squared deviations of one axis (Welford's update)."""

    __slots__ = ("m2", "mean", "n")

    def __init__(self) -> None:
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def add(self, x: float) -> None:
        self.n += 1
        d = x - self.mean
        self.mean += d / self.n
        self.m2 += d * (x - self.mean)

    def reset(self, values: FloatArray) -> None:
        """Start again from a set of values (after the final screen changed verdicts)."""
        self.n = int(values.size)
        self.mean = float(np.mean(values)) if self.n else 0.0
        self.m2 = float(np.sum((values - self.mean) ** 2)) if self.n else 0.0

    @property
    def std(self) -> float | None:
        """Sample standard deviation (ddof=1); None below two values."""
        return math.sqrt(max(self.m2, 0.0) / (self.n - 1)) if self.n > 1 else None


@dataclass(frozen=True, slots=True)
class Robust:
    """Median and MAD-based sigma (floored) per axis; no up median without heights."""

    median: tuple[float, float, float | None]
    sigma: tuple[float, float, float]


def robust_of(
    n: FloatArray, e: FloatArray, u: FloatArray, floor_h: float, floor_v: float
) -> Robust:
    """Median and 1.4826 x MAD of each axis; ``u`` holds NaN where an epoch had no height."""
    med_n, med_e = float(np.median(n)), float(np.median(e))
    sig_n = max(MAD_TO_SIGMA * float(np.median(np.abs(n - med_n))), floor_h)
    sig_e = max(MAD_TO_SIGMA * float(np.median(np.abs(e - med_e))), floor_h)
    us = u[~np.isnan(u)]
    med_u: float | None = None
    sig_u = floor_v
    if us.size:
        med_u = float(np.median(us))
        sig_u = max(MAD_TO_SIGMA * float(np.median(np.abs(us - med_u))), floor_v)
    return Robust((med_n, med_e, med_u), (sig_n, sig_e, sig_u))


def is_inlier(n: float, e: float, u: float, r: Robust, k: float) -> bool:
    """Within k sigma on every axis; a comparison with NaN is False, so NaN is never inside."""
    if not (abs(n - r.median[0]) <= k * r.sigma[0] and abs(e - r.median[1]) <= k * r.sigma[1]):
        return False
    med_u = r.median[2]
    return math.isnan(u) or med_u is None or abs(u - med_u) <= k * r.sigma[2]


def final_inliers(n: FloatArray, e: FloatArray, u: FloatArray, r: Robust, k: float) -> BoolArray:
    """:func:`is_inlier` over whole columns."""
    ok: BoolArray = (np.abs(n - r.median[0]) <= k * r.sigma[0]) & (
        np.abs(e - r.median[1]) <= k * r.sigma[1]
    )
    med_u = r.median[2]
    if med_u is not None:
        ok &= np.isnan(u) | (np.abs(u - med_u) <= k * r.sigma[2])
    return ok


class Candidates:
    """Compact columns of the epochs that passed every gate before the outlier screen.

    About 60 bytes an epoch (a 4-hour 10 Hz session: under 9 MB), and no Fix is kept: a Fix
    of a real receiver carries its satellites and weighs kilobytes.
    """

    def __init__(self) -> None:
        self.seq = array("q")  # the epoch's sequence number in the occupation
        self.n = array("d")
        self.e = array("d")
        self.u = array("d")  # NaN: no height
        self.elapsed = array("d")
        self.sigma_h = array("d")
        self.sigma_v = array("d")
        self.gst = bytearray()  # 1: sigma measured (GST); 0: estimated
        self.time_us = array("q")  # time of day in microseconds
        self.date_ord = array("q")  # proleptic ordinal of the date; 0: no date

    def __len__(self) -> int:
        return len(self.seq)

    def column(self, name: str, upto: int | None = None) -> FloatArray:
        """A read-only numpy view of a float column (no copy)."""
        col: array[float] = getattr(self, name)
        view = np.frombuffer(col, dtype=np.float64) if len(col) else np.empty(0)
        return view if upto is None else view[:upto]


class LiveScreen:
    """The provisional outlier screen of each new candidate against those before it."""

    def __init__(self, k: float, warmup: int, floor_h: float, floor_v: float) -> None:
        self.k = k
        self.warmup = warmup
        self.floors = (floor_h, floor_v)
        self.robust: Robust | None = None
        self.refreshes = 0  # how often the median/MAD was recomputed (for tests)
        self._next = warmup

    def is_outlier(self, cands: Candidates, n: float, e: float, u: float) -> bool:
        """Screen against the candidates already in ``cands`` (the new one is not yet there)."""
        before = len(cands)
        if before < self.warmup:
            return False
        if self.robust is None or before >= self._next:
            self.robust = robust_of(
                cands.column("n", before), cands.column("e", before),
                cands.column("u", before), *self.floors,
            )  # fmt: skip
            self.refreshes += 1
            self._next = before + (1 if before < EXACT_UP_TO else max(1, before // GROWTH))
        return not is_inlier(n, e, u, self.robust, self.k)


@dataclass(frozen=True, slots=True)
class Summary:
    """Mean and sample scatter (ddof=1) of the used candidates, in the reference's metres."""

    count: int
    mean: tuple[float, float, float | None]
    std: tuple[float | None, float | None, float | None]
    span_s: float
    first: int | None  # candidate index of the earliest used epoch
    last: int | None
    all_gst: bool
    mean_sigma_h: float | None
    mean_sigma_v: float | None


def summarise(c: Candidates, used: BoolArray) -> Summary:
    """Two-pass (numerically stable) statistics over the used candidates, once per result."""
    count = int(np.count_nonzero(used))
    if not count:
        return Summary(0, (0.0, 0.0, None), (None, None, None), 0.0, None, None, False, None, None)
    n, e, u = c.column("n")[used], c.column("e")[used], c.column("u")[used]
    us = u[~np.isnan(u)]
    std_n = float(np.std(n, ddof=1)) if count > 1 else None
    std_e = float(np.std(e, ddof=1)) if count > 1 else None
    std_u = float(np.std(us, ddof=1)) if us.size > 1 else None
    mean_u = float(np.mean(us)) if us.size else None
    t = c.column("elapsed")[used]
    where = np.flatnonzero(used)
    first, last = int(where[int(np.argmin(t))]), int(where[int(np.argmax(t))])
    gst = np.frombuffer(bytes(c.gst), dtype=np.uint8)[used]
    return Summary(
        count, (float(np.mean(n)), float(np.mean(e)), mean_u), (std_n, std_e, std_u),
        float(np.max(t) - np.min(t)), first, last, bool(np.all(gst == 1)),
        float(np.mean(c.column("sigma_h")[used])), float(np.mean(c.column("sigma_v")[used])),
    )  # fmt: skip
