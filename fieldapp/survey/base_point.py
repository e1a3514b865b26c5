"""The job's control point an occupation's base stood on: the coordinate used, and the one now."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.survey.local import Comparison, Position, compare
from fieldapp.survey.models import ControlKind, ControlPoint

# Below this the coordinate is the same one (float noise of a re-stored row), metres.
SAME_COORDINATE_M = 0.0005


@dataclass(frozen=True, slots=True)
class BaseUsed:
    """The control point under the base when the occupation was made, and that point today.

    ``used`` is the coordinate in effect then (it is what the corrections were computed
    from); ``current`` is the job's control point of the same name now, None when it is no
    longer in the job. A re-processed point is shown against ``used``, never reinterpreted.
    """

    used: ControlPoint
    baseline_id: int | None  # the accepted baseline ``used`` came from (None: office/import)
    baseline_fix: str | None  # that baseline's ambiguity state: "fixed", "float", "other"
    tied_to_kind: ControlKind | None  # what ``used.tied_to`` is in the job's control
    current: ControlPoint | None
    current_baseline_id: int | None

    @property
    def shift(self) -> Comparison | None:
        """The point's coordinate now minus the one used; None when it is no longer in control."""
        if self.current is None:
            return None
        u, c = self.used, self.current
        return compare(Position(u.lat, u.lon, u.h), Position(c.lat, c.lon, c.h))

    @property
    def removed(self) -> bool:
        return self.current is None

    @property
    def changed(self) -> bool:
        """The point got another coordinate (or left control) after the occupation."""
        shift = self.shift
        if shift is None:
            return True
        if self.current_baseline_id != self.baseline_id:
            return True
        return shift.horizontal_m > SAME_COORDINATE_M or abs(shift.dh_m or 0.0) > SAME_COORDINATE_M


# A base announcing a position further than this from the control point it is said to stand
# on is set up on another point, or its coordinates were typed wrong (RTCM 1005/1006).
ANNOUNCED_LIMIT_M = 0.05


def announced_shift(point: ControlPoint, lat: float, lon: float, h: float | None) -> Comparison:
    """Announced marker position minus the control point's coordinate, local metres."""
    return compare(Position(point.lat, point.lon, point.h), Position(lat, lon, h))
