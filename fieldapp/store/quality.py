"""The job's stake-out quality profile in the job store, and the quality kept with each stake."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.gnss.fix import SigmaSource
from fieldapp.store.audit import log_change
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso
from fieldapp.survey.stake_quality import (
    PositionQuality,
    QualityProfile,
    QualityVerdict,
    RequiredFix,
    SigmaKind,
    check_quality,
)


def load_quality_profile(db: JobDatabase) -> QualityProfile:
    """The job's profile; the defaults when none was saved (a new or an older job)."""
    row = db.execute(
        "SELECT tolerance_m, required_fix, max_sigma_h_m FROM stake_quality_profile WHERE id = 1"
    ).fetchone()
    if row is None:
        return QualityProfile()
    return QualityProfile(float(row[0]), RequiredFix(row[1]), row[2])


def save_quality_profile(db: JobDatabase, profile: QualityProfile) -> QualityProfile:
    """Store the profile (committed when this returns) and log the change."""
    row = {
        "tolerance_m": profile.tolerance_m,
        "required_fix": profile.required_fix.value,
        "max_sigma_h_m": profile.max_sigma_h_m,
    }
    with db.atomic():
        db.execute(
            "INSERT INTO stake_quality_profile (id, tolerance_m, required_fix, max_sigma_h_m,"
            " updated_at) VALUES (1, :tolerance_m, :required_fix, :max_sigma_h_m, :at)"
            " ON CONFLICT (id) DO UPDATE SET tolerance_m = excluded.tolerance_m,"
            " required_fix = excluded.required_fix, max_sigma_h_m = excluded.max_sigma_h_m,"
            " updated_at = excluded.updated_at",
            {**row, "at": now_iso()},
        )
        log_change(db, None, "stake_quality_profile", 1, "update", row)
    return load_quality_profile(db)


def stake_quality_columns(verdict: QualityVerdict | None) -> dict[str, Any]:
    """The stake row's quality columns; empty (NULL) when the stake had no GNSS quality."""
    if verdict is None:
        return {}
    q, p = verdict.quality, verdict.profile
    return {
        "fix_quality": q.fix_quality,
        "sigma_h_m": q.sigma_h_m,
        "sigma_v_m": q.sigma_v_m,
        "sigma_kind": q.sigma_kind.value,
        "profile_required_fix": p.required_fix.value,
        "profile_max_sigma_h_m": p.sigma_limit_m,
        "quality_ok": int(verdict.ok),
    }


@dataclass(frozen=True, slots=True)
class StakeQuality:
    """The quality a stored stake was taken with and the profile it was checked against."""

    stake_id: int
    fix_quality: int | None
    sigma_h_m: float | None
    sigma_v_m: float | None
    sigma_kind: SigmaKind
    tolerance_m: float
    required_fix: RequiredFix
    max_sigma_h_m: float
    quality_ok: bool


def load_stake_quality(db: JobDatabase, stake_id: int) -> StakeQuality | None:
    """None for a stake stored without quality (a total-station shot, or an older job)."""
    rows = list(db.query("SELECT * FROM stake WHERE id = ?", [stake_id]))
    if not rows:
        raise LookupError(f"no stake with id {stake_id} in this job")
    r = rows[0]
    if r["sigma_kind"] is None:
        return None
    return StakeQuality(
        stake_id, r["fix_quality"], r["sigma_h_m"], r["sigma_v_m"], SigmaKind(r["sigma_kind"]),
        r["tolerance_m"], RequiredFix(r["profile_required_fix"]), r["profile_max_sigma_h_m"],
        bool(r["quality_ok"]),
    )  # fmt: skip


def occupation_quality(
    db: JobDatabase, occupation_id: int, profile: QualityProfile
) -> QualityVerdict:
    """The quality of a finished occupation as one position: the weakest fix among its used
    epochs, the mean sigmas of its result and their source (measured only if every one was)."""
    row = db.execute(
        "SELECT mean_sigma_h_m, mean_sigma_v_m, sigma_source FROM occupation WHERE id = ?",
        [occupation_id],
    ).fetchone()
    if row is None:
        raise LookupError(f"no occupation with id {occupation_id} in this job")
    fixes = [
        int(q)
        for (q,) in db.execute(
            "SELECT DISTINCT quality FROM occupation_epoch WHERE occupation_id = ? AND used = 1",
            [occupation_id],
        )
        if q is not None
    ]
    weakest = min(fixes, key=_rank) if fixes else None
    sigma_h, sigma_v, source = row
    kind = (
        SigmaKind.MISSING
        if sigma_h is None or source is None
        else SigmaKind.MEASURED
        if source == SigmaSource.GST.value
        else SigmaKind.ESTIMATED
    )
    return check_quality(profile, PositionQuality(weakest, sigma_h, sigma_v, kind))


def _rank(quality: int) -> int:
    order = (4, 5, 2, 3, 1)  # RTK fixed, float, DGPS, PPS, autonomous; anything else weakest
    return len(order) - order.index(quality) if quality in order else -1
