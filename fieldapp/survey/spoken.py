"""Spoken stake-out guidance in Bahasa Indonesia: numbers in words and the phrase of an epoch.

For a surveyor whose eyes are on the pole's bubble: "maju dua meter, kanan tiga puluh senti",
"dalam toleransi", "posisi belum cukup teliti". Pure: the UI hands the text to a speech engine.
Distances are rounded to what a pole can follow: whole metres from 10 m, 10 cm steps from 1 m,
whole centimetres below 1 m.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fieldapp.survey.stakeout import Guidance, ToleranceState
from fieldapp.survey.words import terbilang

WITHIN = "dalam toleransi"
NOT_PRECISE = "posisi belum cukup teliti"
NO_DATA = "tidak ada data"
HEADING_UNKNOWN = "arah jalan belum diketahui"


def number_words(n: int) -> str:
    """A whole number 0 .. 999 999 in Indonesian words (sebelas, dua belas, seratus, seribu)."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"{n} is outside 0 .. 999 999")
    return terbilang(n)


def distance_words(metres: float) -> str | None:
    """The size of a distance in words ("dua meter tiga puluh senti"); None when it rounds to 0."""
    d = abs(metres)
    if not math.isfinite(d):
        return None
    if d >= 9.5:
        return f"{number_words(min(round(d), 999_999))} meter"
    if d >= 1.0:
        decimetres = round(d * 10)
        whole, tenths = divmod(decimetres, 10)
        cm = f" {number_words(tenths * 10)} senti" if tenths else ""
        return f"{number_words(whole)} meter{cm}"
    cm_total = round(d * 100)
    if cm_total == 0:
        return None
    if cm_total == 100:
        return "satu meter"
    return f"{number_words(cm_total)} senti"


def _axis(value: float | None, positive: str, negative: str) -> str | None:
    if value is None:
        return None
    words = distance_words(value)
    if words is None:
        return None
    return f"{positive if value >= 0 else negative} {words}"


def guidance_phrase(g: Guidance, *, travel: bool) -> str:
    """What to say for one epoch. ``travel``: forward/right along the direction of travel
    (when it is known), otherwise north/east on the grid."""
    if g.state is ToleranceState.WITHIN:
        return WITHIN
    if g.state is ToleranceState.QUALITY:
        return NOT_PRECISE
    prefix = ""
    if travel and g.forward_m is not None and g.right_m is not None:
        parts = [_axis(g.forward_m, "maju", "mundur"), _axis(g.right_m, "kanan", "kiri")]
    else:
        if travel:
            prefix = f"{HEADING_UNKNOWN}, "
        parts = [_axis(g.d_n, "utara", "selatan"), _axis(g.d_e, "timur", "barat")]
    said = ", ".join(p for p in parts if p)
    if not said:
        said = f"jarak {distance_words(g.ground_distance_m) or 'nol'}"
    tail = f", {NOT_PRECISE}" if g.state is ToleranceState.NEAR and not g.quality_ok else ""
    return f"{prefix}{said}{tail}"


@dataclass(slots=True)
class SpeechPacer:
    """When to speak: on a change of state at once, otherwise every ``interval_s`` seconds."""

    interval_s: float = 4.0
    _last_at: float | None = None
    _last_state: ToleranceState | None = None

    def due(self, now_s: float, state: ToleranceState) -> bool:
        changed = state is not self._last_state
        if changed or self._last_at is None or now_s - self._last_at >= self.interval_s:
            self._last_at = now_s
            self._last_state = state
            return True
        return False

    def reset(self) -> None:
        """Forget the last state (a new target, or data back after a gap): speak at once."""
        self._last_at = None
        self._last_state = None
