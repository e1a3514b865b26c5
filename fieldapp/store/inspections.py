"""Maintenance inspections (pemeliharaan) of installed markers: visit, photos, check shot.

An inspection never changes the installation record: its photos go to ``inspection_photo``
and ``photos/pemeliharaan/`` (same checks, SHA-256 and durable copy as installation photos,
:mod:`fieldapp.store.photos`), its check shot to the inspection row's ``check_*`` columns.

Rules (each refused with an :class:`InspectionError` naming what is wrong; nothing stored):

- only a marker that is installed or documented is inspected: a planned or staked marker has
  no monument to keep; nor one with an open reinstallation (its monument is being replaced);
- the date is not in the future and not before the installation standing in the ground now
  (the date of the measurement of its current stake, UTC: never later than the local date,
  so a same-day visit passes; after a reinstallation, the reinstalled monument's);
- vegetation cleared within 1 m = yes needs a photo in direction ``vegetasi`` showing it: the
  report to the Director General claims the clearing, and a claim without evidence is what
  an auditor refuses first;
- a condition other than ``baik`` needs at least one photo of what was found;
- a check shot must be usable: a GNSS shot needs a passed averaging (enough RTK-fixed
  epochs) and the job's quality profile (fix type, measured sigma within the limit); a lost
  marker (``hilang``) has nothing to measure.

The check shot is compared with the installed position (:mod:`fieldapp.store.monument`): the
current stake, or, when the monument is a Tanda Batas Referensi (no monument on the true
point), the current reference marker; after a reinstallation those of the last one closed.
Pass/fail is against the tolerance of the job's quality profile. The height difference of a
total-station shot is only as good as the station height's system (taken as given, as the
stake-out screen's total-station stakes are).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import (
    DiskFullError,
    copy_writer,
    disk_full,
    ensure_free,
    intent,
    is_disk_full,
    publish,
    recover_intents,
    remove_litter,
    write_part,
)
from fieldapp.store.installation import insert_row
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import JobBusyError, job_lock
from fieldapp.store.monument import InstalledPosition, installed_position
from fieldapp.store.photos import PhotoError, read_image_facts, safe_name, sha256_file
from fieldapp.store.quality import load_quality_profile
from fieldapp.store.records import load_marker, now_iso
from fieldapp.survey.local import Position, compare
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.occupation_gates import HEIGHT_RANGE_M, within
from fieldapp.survey.stake_quality import (
    PositionQuality,
    QualityProblem,
    QualityProfile,
    SigmaKind,
    check_quality,
    fix_name,
)

CONDITIONS = ("baik", "rusak", "tercabut", "hilang", "bergeser")
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail", "vegetasi")
VEGETATION = "vegetasi"
PHOTO_FOLDER = "pemeliharaan"  # under the job's photos/: apart from the installation photos
INSPECTABLE = (MarkerStatus.INSTALLED, MarkerStatus.DOCUMENTED)


class InspectionError(ValueError):
    """Bad input for an inspection; the message is one line naming the field and the rule."""


@dataclass(frozen=True, slots=True)
class CheckMeasurement:
    """A measured position of the monument, the input of a check shot.

    ``failures``: why the measurement itself is not usable, in words (an averaging that did
    not pass its gates); the store refuses a measurement with any. ``fix_quality`` is the
    weakest fix among the epochs used, ``sigma_h_m`` their mean receiver sigma.
    """

    source: str  # 'gnss' | 'ts'
    detail: str
    lat: float
    lon: float
    h: float | None  # of the mark itself (antenna height taken off), ellipsoidal
    fix_quality: int | None = None
    sigma_h_m: float | None = None
    sigma_kind: SigmaKind = SigmaKind.MISSING
    failures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckShot:
    source: str  # 'gnss' | 'ts'
    detail: str  # what it was: file/device, epochs, fix, instrument+shot id...
    lat: float
    lon: float
    h: float | None
    fix_quality: int | None
    sigma_h_m: float | None
    dn_m: float  # measured minus installed
    de_m: float
    dh_m: float | None
    horizontal_m: float
    tolerance_m: float
    passed: bool


@dataclass(frozen=True, slots=True)
class InspectionPhoto:
    uuid: str
    direction: str
    file_name: str  # relative to the job folder
    sha256: str
    caption: str | None


@dataclass(frozen=True, slots=True)
class Inspection:
    id: int
    uuid: str
    marker: str
    inspected_on: dt.date
    surveyor: str | None
    condition: str  # baik|rusak|tercabut|hilang|bergeser
    vegetation_cleared: bool
    access_condition: str | None
    action_taken: str | None
    note: str | None
    check: CheckShot | None
    photos: tuple[InspectionPhoto, ...]
    recorded_at: str


# --- reading -------------------------------------------------------------------------------
_SELECT = (
    "SELECT i.*, m.name AS marker_name, s.name AS surveyor_name FROM inspection i"
    " JOIN marker m ON m.id = i.marker_id LEFT JOIN surveyor s ON s.id = i.surveyor_id"
    " WHERE i.withdrawn_at IS NULL"
)


def list_inspections(db: JobDatabase, marker: str | None = None) -> list[Inspection]:
    """The inspections not withdrawn, of one marker or all, by date then id."""
    if marker is None:
        rows = db.query(f"{_SELECT} ORDER BY i.inspected_on, i.id")
    else:
        mid = marker_id(db, marker)
        rows = db.query(f"{_SELECT} AND i.marker_id = ? ORDER BY i.inspected_on, i.id", [mid])
    return [_inspection(db, r) for r in rows]


def latest_inspections(db: JobDatabase) -> dict[str, Inspection]:
    """Each inspected marker's latest inspection (by date, then the later record)."""
    return {i.marker: i for i in list_inspections(db)}


def load_inspection(db: JobDatabase, inspection_id: int) -> Inspection:
    rows = list(db.query(f"{_SELECT} AND i.id = ?", [inspection_id]))
    if not rows:
        raise LookupError(f"no inspection with id {inspection_id} in this job")
    return _inspection(db, rows[0])


def _inspection(db: JobDatabase, r: dict[str, Any]) -> Inspection:
    photos = tuple(
        InspectionPhoto(p["uuid"], p["direction"], p["file_name"], p["sha256"], p["caption"])
        for p in db.query(
            "SELECT * FROM inspection_photo WHERE inspection_id = ? ORDER BY id", [r["id"]]
        )
    )
    check = None
    if r["check_source"] is not None:
        check = CheckShot(
            r["check_source"], r["check_detail"] or "", r["check_lat"], r["check_lon"],
            r["check_h"], r["check_fix_quality"], r["check_sigma_h_m"], r["check_dn_m"],
            r["check_de_m"], r["check_dh_m"], r["check_horizontal_m"], r["check_tolerance_m"],
            bool(r["check_passed"]),
        )  # fmt: skip
    return Inspection(
        id=r["id"], uuid=r["uuid"], marker=r["marker_name"],
        inspected_on=dt.date.fromisoformat(r["inspected_on"]), surveyor=r["surveyor_name"],
        condition=r["condition"], vegetation_cleared=bool(r["vegetation_cleared"]),
        access_condition=r["access_condition"], action_taken=r["action_taken"], note=r["note"],
        check=check, photos=photos, recorded_at=r["recorded_at"],
    )  # fmt: skip


# --- checking ------------------------------------------------------------------------------
def _date(value: dt.date | str, what: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InspectionError(f"{what} {value!r}: expected YYYY-MM-DD") from None


def _inspectable(db: JobDatabase, marker: str) -> tuple[int, InstalledPosition]:
    try:
        mid = marker_id(db, marker)
    except LookupError as exc:
        raise InspectionError(str(exc.args[0])) from None
    opened = db.execute(
        "SELECT opened_at FROM reinstallation WHERE marker_id = ? AND closed_at IS NULL"
        " AND cancelled_at IS NULL ORDER BY id DESC",
        [mid],
    ).fetchone()
    if opened is not None:
        # The monument that was lost or moved is being replaced: the visit is that work.
        raise InspectionError(
            f"marker {marker} has a reinstallation open since {opened[0][:10]}: close or "
            "cancel it before an inspection"
        )
    status = load_marker(db, marker).status
    if status not in INSPECTABLE:
        raise InspectionError(
            f"marker {marker} is {status.value}: it was never installed; only an installed or "
            "documented Tanda Batas is inspected"
        )
    where = installed_position(db, marker)
    if where is None:
        raise InspectionError(f"marker {marker} has no current stake: no installed position")
    return mid, where


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()) or None


_PROBLEM_WORDS = {
    QualityProblem.SIGMA_MISSING: "the receiver gave no sigma (GST)",
    QualityProblem.SIGMA_INVALID: "the receiver's sigma is not a number",
    QualityProblem.SIGMA_ESTIMATED: "the sigma is only estimated from DOP (no GST)",
}


def _quality_words(profile: QualityProfile, m: CheckMeasurement) -> list[str]:
    quality = PositionQuality(m.fix_quality, m.sigma_h_m, None, m.sigma_kind)
    verdict = check_quality(profile, quality)
    words = []
    for p in verdict.problems:
        if p is QualityProblem.FIX_TYPE:
            words.append(f"fix {fix_name(m.fix_quality)}, the job requires {profile.required_fix}")
        elif p is QualityProblem.SIGMA_TOO_LARGE:
            words.append(
                f"sigma H {m.sigma_h_m:.3f} m above the job's limit {profile.sigma_limit_m:.3f} m"
            )
        else:
            words.append(_PROBLEM_WORDS[p])
    return words


def _check_shot(
    db: JobDatabase, marker: str, condition: str, m: CheckMeasurement, where: InstalledPosition
) -> CheckShot:
    what = f"check shot ({m.source}: {m.detail})"
    if condition == "hilang":
        raise InspectionError(f"{what}: marker {marker} is lost (hilang); nothing to measure")
    if m.source not in ("gnss", "ts"):
        raise InspectionError(f"{what}: source must be gnss or ts")
    if m.failures:
        raise InspectionError(f"{what}: no usable fix: {'; '.join(m.failures)}")
    if not (within(m.lat, -90.0, 90.0) and within(m.lon, -180.0, 180.0)):
        raise InspectionError(f"{what}: {m.lat}, {m.lon} is not a position in degrees")
    if m.h is not None and not within(m.h, *HEIGHT_RANGE_M):
        raise InspectionError(f"{what}: height {m.h} is not a height in metres")
    profile = load_quality_profile(db)
    if m.source == "gnss":
        problems = _quality_words(profile, m)
        if problems:
            raise InspectionError(f"{what}: no usable fix: {'; '.join(problems)}")
    c = compare(where.position, Position(m.lat, m.lon, m.h))
    tol = profile.tolerance_m
    # The detail names the monument measured: a reference marker stands metres off the point.
    detail = f"{m.detail}; dibandingkan dengan {where.monument_id}"
    return CheckShot(
        m.source, detail, m.lat, m.lon, m.h, m.fix_quality,
        m.sigma_h_m if m.sigma_h_m is not None and math.isfinite(m.sigma_h_m) else None,
        c.dn_m, c.de_m, c.dh_m, c.horizontal_m, tol, c.horizontal_m <= tol,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _PhotoIn:
    src: Path
    direction: str
    caption: str | None
    digest: str
    size: int
    row: dict[str, Any]
    final: Path


def _photos_in(
    db: JobDatabase, store: JobStore, marker: str, mid: int, photos: Sequence[Any]
) -> list[_PhotoIn]:
    out: list[_PhotoIn] = []
    folder = store.photos_dir / PHOTO_FOLDER
    for item in photos:
        path, direction, caption = (*item, None)[:3]
        src = Path(path)
        direction = str(direction).strip().lower()
        if direction not in DIRECTIONS:
            raise InspectionError(
                f"{src}: unknown direction {direction!r} (one of {', '.join(DIRECTIONS)})"
            )
        try:
            facts = read_image_facts(src)
        except PhotoError as exc:
            raise InspectionError(str(exc)) from None
        digest, size = sha256_file(src), src.stat().st_size
        if any(p.digest == digest for p in out):
            raise InspectionError(f"{src}: the same photo is given twice")
        _refuse_reused(db, src, marker, mid, digest)
        name = f"{safe_name(marker)}_{direction}_{digest[:12]}{src.suffix.lower()}"
        row = {
            "uuid": str(uuid.uuid4()), "direction": direction,
            "file_name": f"{store.photos_dir.name}/{PHOTO_FOLDER}/{name}",
            "original_name": src.name, "sha256": digest, "size_bytes": size,
            "image_format": facts.image_format, "width": facts.width, "height": facts.height,
            "exif_time": facts.exif_time, "exif_lat": facts.exif_lat, "exif_lon": facts.exif_lon,
            "caption": _clean(caption),
        }  # fmt: skip
        out.append(_PhotoIn(src, direction, caption, digest, size, row, folder / name))
    return out


def _refuse_reused(db: JobDatabase, src: Path, marker: str, mid: int, digest: str) -> None:
    """A photo already in the job for this marker is not evidence of a new visit."""
    old = db.execute(
        "SELECT i.inspected_on FROM inspection_photo p JOIN inspection i ON i.id = p.inspection_id"
        " WHERE i.marker_id = ? AND p.sha256 = ?",
        [mid, digest],
    ).fetchone()
    if old is not None:
        raise InspectionError(
            f"{src}: already a photo of the inspection of marker {marker} on {old[0]}"
        )
    inst = db.execute(
        "SELECT file_name FROM photo WHERE marker_id = ? AND sha256 = ?", [mid, digest]
    ).fetchone()
    if inst is not None:
        raise InspectionError(
            f"{src}: the installation photo {inst[0]} of marker {marker}; take a new one"
        )


def _referenced(db: JobDatabase, name: str) -> bool:
    path = f"photos/{PHOTO_FOLDER}/{name}"
    row = db.execute("SELECT 1 FROM inspection_photo WHERE file_name = ?", [path]).fetchone()
    return row is not None


# --- writing -------------------------------------------------------------------------------
def record_inspection(
    store: JobStore,
    marker: str,
    *,
    condition: str,
    vegetation_cleared: bool,
    inspected_on: dt.date | str,
    surveyor: str | None = None,
    access_condition: str | None = None,
    action_taken: str | None = None,
    note: str | None = None,
    photos: Sequence[tuple[Path | str, str, str | None] | tuple[Path | str, str]] = (),
    check: CheckMeasurement | None = None,
    today: dt.date | None = None,
) -> Inspection:
    """Record one visit; every rule (module docstring) is checked before anything is written.

    ``photos``: (file, direction, caption or None); ``check``: a measured position of the
    monument, compared here with the installed position. One transaction for the row, its
    photos and the change_log; the photo files are durable before it commits.
    """
    db = store.db
    condition = str(condition).strip().lower()
    if condition not in CONDITIONS:
        raise InspectionError(f"condition {condition!r}: one of {', '.join(CONDITIONS)}")
    on = _date(inspected_on)
    today = today or dt.date.today()
    if on > today:
        raise InspectionError(f"date {on}: in the future (today is {today})")
    mid, where = _inspectable(db, marker)
    if on < where.installed_on:
        raise InspectionError(
            f"date {on}: before marker {marker} was installed ({where.installed_on}, {where.what})"
        )
    sid = None
    if surveyor is not None:
        found = db.execute(
            "SELECT id FROM surveyor WHERE name = ? ORDER BY id DESC", [surveyor.strip()]
        ).fetchone()
        if found is None:
            raise InspectionError(
                f"surveyor {surveyor!r}: not in this job (add one with `surveyor add`)"
            )
        sid = int(found[0])
    store.require_writable()
    items = _photos_in(db, store, marker, mid, photos)
    if vegetation_cleared and not any(p.direction == VEGETATION for p in items):
        raise InspectionError(
            f"vegetation cleared = yes for marker {marker} needs a photo with direction "
            f"{VEGETATION} showing the cleared 1 m around the monument"
        )
    if condition != "baik" and not items:
        raise InspectionError(
            f"condition {condition} of marker {marker} needs at least one photo of what was found"
        )
    shot = None if check is None else _check_shot(db, marker, condition, check, where)
    row: dict[str, Any] = {
        "uuid": str(uuid.uuid4()), "marker_id": mid, "inspected_on": on.isoformat(),
        "surveyor_id": sid, "condition": condition,
        "vegetation_cleared": int(bool(vegetation_cleared)),
        "access_condition": _clean(access_condition), "action_taken": _clean(action_taken),
        "note": _clean(note), "recorded_at": now_iso(), **_check_columns(shot),
    }  # fmt: skip
    iid = _write(store, mid, row, items)
    return load_inspection(db, iid)


def _check_columns(shot: CheckShot | None) -> dict[str, Any]:
    if shot is None:
        return {}
    return {
        "check_source": shot.source, "check_detail": shot.detail, "check_lat": shot.lat,
        "check_lon": shot.lon, "check_h": shot.h, "check_fix_quality": shot.fix_quality,
        "check_sigma_h_m": shot.sigma_h_m, "check_dn_m": shot.dn_m, "check_de_m": shot.de_m,
        "check_dh_m": shot.dh_m, "check_horizontal_m": shot.horizontal_m,
        "check_tolerance_m": shot.tolerance_m, "check_passed": int(shot.passed),
    }  # fmt: skip


def _write(store: JobStore, mid: int, row: dict[str, Any], items: list[_PhotoIn]) -> int:
    """Copy the photos durably, then commit the row, the photo rows and the change_log."""
    db = store.db
    folder = store.photos_dir / PHOTO_FOLDER
    needed = sum(p.size for p in items)
    what = "record the inspection"
    referenced = partial(_referenced, db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ensure_free(folder, needed, what)
        with job_lock(store, "recording an inspection"), contextlib.ExitStack() as stack:
            # Under the lock no live import has a part file here: what is left is litter.
            remove_litter(folder)
            recover_intents(folder, referenced)
            parts: list[Path] = []
            stack.callback(_unlink_all, parts)
            for p in items:
                part = write_part(p.final, copy_writer(p.src), needed=p.size)
                parts.append(part)
                if sha256_file(part) != p.digest:
                    raise InspectionError(
                        f"{p.src}: the copy in the job differs from the original; not stored"
                    )
            for p, part in zip(items, parts, strict=True):
                stack.enter_context(intent(p.final, referenced))
                publish(part, p.final)
            with db.atomic():
                iid = insert_row(db, "inspection", row)
                log_change(db, mid, "inspection", iid, "insert", row)
                for p in items:
                    prow = {**p.row, "inspection_id": iid, "imported_at": now_iso()}
                    pid = insert_row(db, "inspection_photo", prow)
                    log_change(db, mid, "inspection_photo", pid, "insert", prow)
    except JobBusyError as exc:
        raise InspectionError(str(exc)) from exc
    except (OSError, sqlite3.OperationalError) as exc:
        if not is_disk_full(exc):
            raise
        full = exc if isinstance(exc, DiskFullError) else disk_full(folder, needed, what)
        raise InspectionError(str(full)) from exc
    return iid


def _unlink_all(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def withdraw_inspection(store: JobStore, inspection_id: int, reason: str) -> None:
    """A mistaken inspection: kept with its photos, marked withdrawn with the reason, logged."""
    db = store.db
    if not reason.strip():
        raise InspectionError("say why the inspection is withdrawn")
    with db.atomic():
        row = db.execute(
            "SELECT marker_id, withdrawn_at FROM inspection WHERE id = ?", [inspection_id]
        ).fetchone()
        if row is None:
            raise InspectionError(f"no inspection with id {inspection_id} in this job")
        if row[1] is not None:
            raise InspectionError(f"inspection {inspection_id} was already withdrawn at {row[1]}")
        db.execute(
            "UPDATE inspection SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
            [now_iso(), reason.strip(), inspection_id],
        )
        log_change(db, row[0], "inspection", inspection_id, "withdraw", {"reason": reason.strip()})
