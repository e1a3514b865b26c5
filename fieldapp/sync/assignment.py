"""Apply an office job assignment to a job: create it, update it, or keep the field data.

An updated assignment replaces the decree, boundary, control points, neighbour areas and
activity zones only while no marker work is recorded; once a marker has a stake, occupation,
photo, witness, description or reference marker, the field data wins and the refusal is kept
in the job (``sync_state``) for ``fieldapp sync status`` to show.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.baselines import surveyed_control_names
from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import fsync_dir
from fieldapp.survey.models import Surveyor
from fieldapp.sync.jobspec import Area, JobSpec

REVISION_KEY = "office_assignment_revision"
CONFLICT_KEY = "office_assignment_conflict"
# Work that ties markers to the ground: a new boundary must not silently orphan it.
_WORK_TABLES = (
    ("stake", "stake"),
    ("occupation", "GNSS occupation"),
    ("reference_marker", "reference marker"),
    ("photo", "photo"),
    ("witness", "witness"),
    ("marker_description", "marker description"),
)


@dataclass(frozen=True, slots=True)
class AssignmentOutcome:
    """What one assignment revision did to the jobs on this laptop."""

    job_id: str
    revision: int
    name: str
    action: str  # created | updated | unchanged | conflict | refused | already
    path: Path | None
    message: str


@dataclass(frozen=True, slots=True)
class AssignmentConflict:
    """An office revision that was not applied because marker work exists."""

    revision: int
    message: str
    at: str


def get_sync_state(db: JobDatabase, key: str) -> str | None:
    """One value of the job's ``sync_state`` (cursors, assignment revision, refusal)."""
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_sync_state(db: JobDatabase, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def applied_revision(db: JobDatabase) -> int:
    """The office assignment revision the job carries (0: not made from an assignment)."""
    value = get_sync_state(db, REVISION_KEY)
    return int(value) if value else 0


def assignment_conflict(db: JobDatabase) -> AssignmentConflict | None:
    value = get_sync_state(db, CONFLICT_KEY)
    if not value:
        return None
    data = json.loads(value)
    return AssignmentConflict(int(data["revision"]), str(data["message"]), str(data["at"]))


def handled_revision(db: JobDatabase) -> int:
    """The newest revision already applied or refused: older events are no news."""
    conflict = assignment_conflict(db)
    return max(applied_revision(db), conflict.revision if conflict else 0)


def marker_work(db: JobDatabase) -> list[str]:
    """Field work recorded on markers, as counts in words (empty: nothing done yet)."""
    found = []
    for table, label in _WORK_TABLES:
        (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
        if count:
            found.append(f"{count} {label}{'s' if count > 1 else ''}")
    (moved,) = db.execute("SELECT count(*) FROM marker WHERE status != 'planned'").fetchone()
    if moved:
        found.append(f"{moved} marker{'s' if moved > 1 else ''} past 'planned'")
    return found


def _geo(rows: list[dict[str, Any]], *keys: str) -> list[str]:
    """Areas as sorted JSON texts of the given columns and the geometry, to compare as sets."""
    return sorted(json.dumps([*(r[k] for k in keys), r["geometry"]], sort_keys=True) for r in rows)


def _area_row(a: Area) -> dict[str, Any]:
    return {
        "name": a.name,
        "source": a.source,
        "kind": a.kind,
        "depth_m": a.depth_m,
        "height_m": a.height_m,
        "geometry": a.geometry,
    }


def job_changes(db: JobDatabase, spec: JobSpec) -> list[str]:
    """What the spec would change in the job, in words (empty: the job already matches)."""
    changes = []
    permit = rec.load_permit_area(db)
    decree = [k for k in rec.DECREE_FIELDS if getattr(permit, k) != spec.decree[k]]
    if permit.name != spec.name:
        decree.insert(0, "name")
    if decree:
        changes.append(f"decree ({', '.join(decree)})")
    if rec.load_boundary_points(db) != list(spec.boundary):
        changes.append(f"boundary points ({len(spec.boundary)} in the assignment)")
    # A point surveyed in the field (an accepted baseline) is the job's, not the office's.
    surveyed = surveyed_control_names(db)
    by_name = sorted(
        (c for c in rec.load_control_points(db) if c.name not in surveyed), key=lambda c: c.name
    )
    if by_name != sorted((c for c in spec.control if c.name not in surveyed), key=lambda c: c.name):
        changes.append("control points")
    neighbor_keys = ("name", "source")
    stored = _geo(rec.load_geojson_rows(db, "neighbor_area"), *neighbor_keys)
    if stored != _geo([_area_row(a) for a in spec.neighbors], *neighbor_keys):
        changes.append("neighbour areas")
    zone_keys = ("name", "kind", "depth_m", "height_m", "source")
    stored = _geo(rec.load_geojson_rows(db, "activity_zone"), *zone_keys)
    if stored != _geo([_area_row(a) for a in spec.activity_zones], *zone_keys):
        changes.append("activity zones")
    return changes


def _write(db: JobDatabase, spec: JobSpec) -> list[str]:
    """Replace the job's office-given records with the spec's; returns notes for the user."""
    notes = []
    db.execute("UPDATE permit_area SET job_uuid = ? WHERE id = 1", [spec.job_id])
    rec.update_permit_area(db, name=spec.name, **spec.decree)
    if rec.load_boundary_points(db) != list(spec.boundary):
        rec.replace_boundary_points(db, spec.boundary)
        planned = db.execute("SELECT count(*) FROM marker").fetchone()[0]
        if planned:
            notes.append(
                f"the boundary changed: {planned} planned marker(s) follow the old one;"
                " re-plan with `fieldapp job plan JOB --apply`"
            )
    surveyed = surveyed_control_names(db)
    db.execute("DELETE FROM control_point WHERE baseline_id IS NULL")
    rec.add_control_points(db, [c for c in spec.control if c.name not in surveyed])
    if surveyed:
        notes.append(
            f"kept the control point(s) surveyed in this job ({', '.join(sorted(surveyed))}):"
            " their accepted baselines win over the office's coordinates"
        )
    db.execute("DELETE FROM neighbor_area")
    for a in spec.neighbors:
        rec.add_neighbor_area(db, a.name, a.geometry, a.source)
    db.execute("DELETE FROM activity_zone")
    for a in spec.activity_zones:
        rec.add_activity_zone(db, a.name, a.kind or "", a.geometry, a.depth_m, a.height_m, a.source)
    known = {s.name for s in rec.load_surveyors(db)}
    for s in spec.surveyors:
        if s.name not in known:
            rec.add_surveyor(db, s)
    return notes


def _newer_kpo_update(office: Surveyor, job: Surveyor) -> bool:
    if not (office.kpo_no and office.kpo_status and office.kpo_updated_on):
        return False
    return job.kpo_updated_on is None or office.kpo_updated_on > job.kpo_updated_on


def _update_kpo_cards(db: JobDatabase, spec: JobSpec) -> list[str]:
    """Cards the office updated after the job did (the yearly update, a returned card)."""
    from fieldapp.store.kpo import set_kpo_card

    known = {s.name: s for s in rec.load_surveyors(db)}
    updated = []
    for s in spec.surveyors:
        if s.name in known and _newer_kpo_update(s, known[s.name]):
            assert s.kpo_no and s.kpo_status and s.kpo_updated_on  # _newer_kpo_update
            # A KPO card is the person's, not the job's field work: it never conflicts.
            set_kpo_card(db, s.name, number=s.kpo_no, status=s.kpo_status,
                         updated_on=s.kpo_updated_on, today=s.kpo_updated_on)  # fmt: skip
            updated.append(s.name)
    return [f"KPO card of {', '.join(updated)} updated"] if updated else []


def apply_to_job(
    store: JobStore, spec: JobSpec, revision: int, at: str, path: Path | None = None
) -> AssignmentOutcome:
    """Update a job to an assignment revision, or record why not; one transaction."""
    db = store.db
    where = path or store.path

    def outcome(action: str, message: str) -> AssignmentOutcome:
        return AssignmentOutcome(spec.job_id, revision, spec.name, action, where, message)

    with db.atomic():
        if revision <= handled_revision(db):
            return outcome("already", f"revision {revision} was already handled")
        changes = job_changes(db, spec)
        work = marker_work(db) if changes else []
        if work:
            current = applied_revision(db)
            message = (
                f"office assignment revision {revision} ({at}) not applied: it changes"
                f" {', '.join(changes)}, but marker work is recorded ({', '.join(work)});"
                f" the field data is kept (job stays on revision {current}). Ask the office"
                " to reconcile the assignment with the field work."
            )
            record_refusal(db, revision, message, at)
            return outcome("conflict", message)
        notes = _write(db, spec) if changes else []
        notes += _update_kpo_cards(db, spec)
        set_sync_state(db, REVISION_KEY, str(revision))
        db.execute("DELETE FROM sync_state WHERE key = ?", [CONFLICT_KEY])
    if not changes and not notes:
        return outcome("unchanged", f"revision {revision}: the job already matches")
    detail = "; ".join([*([f"updated {', '.join(changes)}"] if changes else []), *notes])
    return outcome("updated", f"revision {revision}: {detail}")


# Windows device names: "CON.fieldapp" is no folder there, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}  # fmt: skip


def _folder_name(name: str, job_id: str) -> str:
    # Only word characters and a few marks: no separator, drive or '..' reaches the path.
    cleaned = re.sub(r"[^\w .,()-]+", "_", name).strip(" ._")[:80].rstrip(" .")
    if cleaned.split(".")[0].strip().upper() in _RESERVED:
        cleaned = f"{cleaned}_{job_id}"
    return cleaned or job_id


def job_uuid_of(path: Path) -> str | None:
    """The job id of a job folder, read without migrating or locking it (None: not a job)."""
    db_path = path / "job.sqlite"
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT job_uuid FROM permit_area WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def jobs_by_id(jobs_dir: Path) -> dict[str, Path]:
    """Job folders directly in ``jobs_dir`` by job id."""
    found: dict[str, Path] = {}
    for path in sorted(jobs_dir.glob("*.fieldapp")):
        job_id = job_uuid_of(path)
        if job_id is not None:
            found.setdefault(job_id, path)
    return found


def create_job(jobs_dir: Path, spec: JobSpec, revision: int) -> AssignmentOutcome:
    """A new job folder from an assignment; it appears complete or not at all."""
    base = _folder_name(spec.name, spec.job_id)
    final = jobs_dir / f"{base}.fieldapp"
    n = 2
    while final.exists():
        final = jobs_dir / f"{base} ({n}).fieldapp"
        n += 1
    # Built under a hidden name and renamed when complete: a crash leaves no half job.
    partial = jobs_dir / f".{spec.job_id}-r{revision}.fieldapp.partial"
    # Left by a pull that was interrupted (kill, power cut), of this or an older revision.
    for stale in jobs_dir.glob(f".{spec.job_id}-r*.fieldapp.partial"):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    decree = {k: v for k, v in spec.decree.items() if v is not None}
    try:
        store = JobStore.create(partial, spec.name, **decree)
        try:
            with store.db.atomic():
                notes = _write(store.db, spec)
                set_sync_state(store.db, REVISION_KEY, str(revision))
        finally:
            store.close()
        partial.rename(final)
        fsync_dir(jobs_dir)  # the new name durable (POSIX; Windows cannot open a folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    warnings = [w.message for w in spec.report.warnings]
    extra = "".join(f"; {m}" for m in [*notes, *warnings])
    return AssignmentOutcome(
        spec.job_id,
        revision,
        spec.name,
        "created",
        final,
        f"revision {revision}: {len(spec.boundary)} boundary points,"
        f" {len(spec.control)} control points{extra}",
    )


def record_refusal(db: JobDatabase, revision: int, message: str, at: str) -> None:
    """Keep why a revision was not applied, for `sync status`; the job's data is untouched."""
    set_sync_state(
        db, CONFLICT_KEY, json.dumps({"revision": revision, "message": message, "at": at})
    )
