"""Where a marker's monument stands now: its current stake, or its Tanda Batas Referensi.

After a closed reinstallation, the reinstalled monument's. What inspections check against,
and what the laporan and the office date a marker by.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.store.audit import marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.installation import STAKEOUT_SOURCE
from fieldapp.survey.local import Position


@dataclass(frozen=True, slots=True)
class InstalledPosition:
    """Where the monument was installed and what says so."""

    position: Position
    what: str  # "stake 12", "Tanda Batas Referensi (record 3)"
    installed_on: dt.date
    # What a check shot was measured against, as the record and the laporan state it.
    monument_id: str = "tugu Tanda Batas terpasang"


def installed_position(db: JobDatabase, marker: str) -> InstalledPosition | None:
    """The position of the monument standing in the ground now; None without a current stake.

    Its records are those of the last closed reinstallation, else the original installation's
    (``reinstallation_id`` NULL; read directly so this holds with or without the
    reinstallation code). The monument is the current stake, or the current Tanda Batas
    Referensi when no occupation of a set monument proves one on the true point (the rule of
    :func:`fieldapp.store.installation.true_point_monument`).
    """
    mid = marker_id(db, marker)
    closed = db.execute(
        "SELECT id FROM reinstallation WHERE marker_id = ? AND closed_at IS NOT NULL"
        " ORDER BY id DESC LIMIT 1",
        [mid],
    ).fetchone()
    return _installed_in(db, mid, None if closed is None else int(closed[0]))


def reinstalled_on(db: JobDatabase, reinstallation_id: int) -> dt.date | None:
    """The field date of a reinstallation's monument (its last stake), as inspections see it."""
    row = db.execute(
        "SELECT marker_id FROM reinstallation WHERE id = ?", [reinstallation_id]
    ).fetchone()
    where = None if row is None else _installed_in(db, int(row[0]), reinstallation_id)
    return None if where is None else where.installed_on


def _installed_in(db: JobDatabase, mid: int, scope: int | None) -> InstalledPosition | None:
    """The monument of the original installation (``scope`` None) or of one reinstallation."""
    stakes = db.execute(
        "SELECT s.id, s.lat, s.lon, s.h, s.occupation_id, s.recorded_at, s.passed, o.source"
        " FROM stake s LEFT JOIN occupation o ON o.id = s.occupation_id WHERE s.marker_id = ?"
        " AND s.reinstallation_id IS ? AND s.withdrawn_at IS NULL ORDER BY s.id",
        [mid, scope],
    ).fetchall()
    if not stakes:
        return None
    sid, lat, lon, h, occ, recorded, _, _ = stakes[-1]
    on = _stake_date(db, occ, recorded)
    again = "" if scope is None else f" of reinstallation {scope}"
    on_true_point = any(s[4] is not None and s[6] and s[7] != STAKEOUT_SOURCE for s in stakes)
    ref = db.execute(
        "SELECT id, lat, lon, h FROM reference_marker WHERE marker_id = ?"
        " AND reinstallation_id IS ? AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1",
        [mid, scope],
    ).fetchone()
    if ref is not None and not on_true_point:
        # The true point could not take a monument: what stands in the ground is the reference.
        where = Position(ref[1], ref[2], ref[3])
        return InstalledPosition(
            where,
            f"Tanda Batas Referensi (record {ref[0]}){again}",
            on,
            "Tanda Batas Referensi" + ("" if scope is None else " hasil pemasangan ulang"),
        )
    return InstalledPosition(
        Position(lat, lon, h),
        f"stake {sid}{again}",
        on,
        "tugu Tanda Batas " + ("terpasang" if scope is None else "hasil pemasangan ulang"),
    )


def _day(stamp: str) -> dt.date:
    return dt.datetime.fromisoformat(stamp).date()


def _stake_date(db: JobDatabase, occupation_id: int | None, recorded_at: str) -> dt.date:
    """The field date of the stake's measurement (the occupation's last epoch), else its record."""
    if occupation_id is not None:
        row = db.execute("SELECT last_utc FROM occupation WHERE id = ?", [occupation_id]).fetchone()
        if row is not None and row[0] and "T" in row[0]:
            return _day(row[0])
    return _day(recorded_at)
