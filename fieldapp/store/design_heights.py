"""Design heights given in either system: stored as given, kept ellipsoidal in design_h.

Every computation (stake-out dH, deltas, documents) uses the ellipsoidal design_h. A height
given as orthometric H is stored with its system, design_h = H + N of the job's geoid at the
marker; when the job's geoid changes, :func:`recompute_orthometric` runs inside the same
transaction as the change, so the job never holds design heights of two geoids.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import load_marker, now_iso, upsert_markers
from fieldapp.survey.geoid import Geoid, GeoidError
from fieldapp.survey.models import HeightSystem, Marker

MAX_HEIGHT_M = 9000.0  # above Puncak Jaya; below -500 m nothing is mined either


@dataclass(frozen=True, slots=True)
class DesignHeight:
    """A marker's design height in both systems, with the geoid that relates them."""

    marker: str
    given: float
    system: HeightSystem
    ellipsoidal: float  # design_h
    orthometric: float
    undulation: float
    geoid: str


def check_height(value: float, what: str = "design height") -> float:
    if not math.isfinite(value) or not -500.0 <= value <= MAX_HEIGHT_M:
        raise ValueError(f"{what} {value}: expected metres between -500 and {MAX_HEIGHT_M:g}")
    return float(value)


def with_design_height(marker: Marker, value: float, system: HeightSystem, geoid: Geoid) -> Marker:
    """``marker`` with its design height given as ``value`` in ``system`` (h = H + N)."""
    check_height(value)
    n = geoid.undulation(marker.lat, marker.lon)
    h = value + n if system is HeightSystem.ORTHOMETRIC else value
    return replace(marker, h=h, h_given=value, h_system=system)


def set_design_height(
    db: JobDatabase, name: str, value: float, system: HeightSystem, geoid: Geoid
) -> DesignHeight:
    """Give an existing marker its design height (committed); LookupError for no such marker."""
    with db.atomic():
        before = load_marker(db, name)
        marker = with_design_height(before, value, system, geoid)
        upsert_markers(db, [marker])
        mid = marker_id(db, name)
        log_change(db, mid, "marker", mid, "update", {
            "design_h": [before.h, marker.h], "design_h_given": value,
            "design_h_system": system.value, "geoid": geoid.name,
        })  # fmt: skip
    found = design_height(marker, geoid)
    assert found is not None  # it was just given
    return found


def design_height(marker: Marker, geoid: Geoid) -> DesignHeight | None:
    """Both heights of a marker's design (None without a design height)."""
    if marker.h is None:
        return None
    n = geoid.undulation(marker.lat, marker.lon)
    given = marker.h if marker.h_given is None else marker.h_given
    return DesignHeight(marker.name, given, marker.h_system, marker.h, marker.h - n, n, geoid.name)


def recompute_orthometric(db: JobDatabase, geoid: Geoid) -> int:
    """design_h = H + N with ``geoid`` for every design given as orthometric; the count.

    Call it inside the transaction that changes the job's geoid: a marker the new grid does
    not cover raises GeoidError naming it, and the whole change rolls back.
    """
    rows = db.execute(
        "SELECT id, name, design_lat, design_lon, design_h, design_h_given FROM marker"
        " WHERE design_h_system = 'orthometric' AND design_h_given IS NOT NULL"
    ).fetchall()
    stamp = now_iso()
    for mid, name, lat, lon, h, given in rows:
        try:
            n = geoid.undulation(lat, lon)
        except GeoidError as exc:
            raise GeoidError(f"marker {name}: {exc}") from exc
        db.execute(
            "UPDATE marker SET design_h = ?, updated_at = ? WHERE id = ?", (given + n, stamp, mid)
        )
        log_change(db, mid, "marker", mid, "update", {
            "design_h": [h, given + n], "design_h_given": given,
            "design_h_system": "orthometric", "geoid": geoid.name,
        })  # fmt: skip
    return len(rows)
