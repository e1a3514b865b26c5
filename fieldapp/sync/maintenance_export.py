"""The job's maintenance record for a package: inspections, reinstallations, the package kind."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.store.monument import installed_position

MAINTENANCE_FILE = "data/pemeliharaan.json"
FORMAT = "fieldapp-pemeliharaan"
VERSION = 1
KIND_FIELD = "Fieldapp-Package-Kind"
INSTALLED = ("installed", "documented")


class PackageKind(StrEnum):
    """What a revision brings the office; written to bag-info as ``Fieldapp-Package-Kind``."""

    PEMASANGAN = "pemasangan"
    PEMELIHARAAN = "pemeliharaan"
    PEMASANGAN_ULANG = "pemasangan-ulang"


def _has_table(db: JobDatabase, name: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
    return found.fetchone() is not None


def _day(stamp: str | None) -> str | None:
    return None if stamp is None else str(stamp)[:10]


def _markers(db: JobDatabase) -> list[dict[str, Any]]:
    # The date a marker was (last) set in the ground: the date of the monument standing now, as
    # inspections count it (the last closed reinstallation's stake, else the original's). A
    # marker marked installed without a stake falls back to its last finished occupation, then
    # to its last change. The six months to the first inspection count from it.
    rows = db.execute(
        "SELECT m.name, m.kind, m.status, m.updated_at,"
        " (SELECT MAX(o.ended_at) FROM occupation o"
        "   LEFT JOIN reinstallation r ON r.id = o.reinstallation_id"
        "   WHERE o.marker_id = m.id AND o.state = 'finished'"
        "   AND (o.reinstallation_id IS NULL OR r.closed_at IS NOT NULL))"
        " FROM marker m ORDER BY m.seq, m.name"
    ).fetchall()
    out = []
    for name, kind, status, updated_at, occupied in rows:
        installed_on = None
        if status in INSTALLED:
            where = installed_position(db, name)
            installed_on = where.installed_on.isoformat() if where else _day(occupied or updated_at)
        out.append({"name": name, "kind": kind, "status": status, "installed_on": installed_on})
    return out


def _photo_path(file_name: str) -> str:
    """The photo's path in the bag: a file name with a folder is relative to the job folder,
    a bare one (as installation photos are named) lives in photos/."""
    rel = file_name if len(PurePosixPath(file_name).parts) > 1 else f"photos/{file_name}"
    return f"data/{rel}"


def _photos(db: JobDatabase) -> dict[int, list[dict[str, Any]]]:
    by_inspection: dict[int, list[dict[str, Any]]] = {}
    rows = db.execute(
        "SELECT inspection_id, uuid, direction, file_name, sha256, caption FROM inspection_photo"
        " ORDER BY inspection_id, id"
    ).fetchall()
    for r in rows:
        by_inspection.setdefault(int(r[0]), []).append(
            {
                "uuid": r[1],
                "direction": r[2],
                "file": _photo_path(str(r[3])),
                "sha256": r[4],
                "caption": r[5],
            }
        )
    return by_inspection


def _check(r: Any) -> dict[str, Any] | None:
    if r["check_source"] is None:
        return None
    fields = (
        "source", "detail", "lat", "lon", "h", "fix_quality", "sigma_h_m",
        "dn_m", "de_m", "dh_m", "horizontal_m", "tolerance_m",
    )  # fmt: skip
    out = {f: r[f"check_{f}"] for f in fields}
    out["passed"] = None if r["check_passed"] is None else bool(r["check_passed"])
    return out


def _inspections(db: JobDatabase) -> list[dict[str, Any]]:
    photos = _photos(db)
    rows = db.query(
        "SELECT i.*, m.name AS marker_name, s.name AS surveyor_name FROM inspection i"
        " JOIN marker m ON m.id = i.marker_id LEFT JOIN surveyor s ON s.id = i.surveyor_id"
        " ORDER BY i.inspected_on, i.id"
    )
    return [
        {
            "uuid": r["uuid"],
            "marker": r["marker_name"],
            "inspected_on": r["inspected_on"],
            "surveyor": r["surveyor_name"],
            "condition": r["condition"],
            "vegetation_cleared": bool(r["vegetation_cleared"]),
            "access_condition": r["access_condition"],
            "action_taken": r["action_taken"],
            "note": r["note"],
            "check": _check(r),
            "photos": photos.get(int(r["id"]), []),
            "recorded_at": r["recorded_at"],
            "withdrawn_at": r["withdrawn_at"],
            "withdrawn_reason": r["withdrawn_reason"],
        }
        for r in rows
    ]


def _reinstallations(db: JobDatabase) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT r.*, m.name AS marker_name, i.uuid AS inspection_uuid FROM reinstallation r"
        " JOIN marker m ON m.id = r.marker_id LEFT JOIN inspection i ON i.id = r.inspection_id"
        " ORDER BY r.opened_at, r.id"
    )
    return [
        {
            "uuid": r["uuid"],
            "marker": r["marker_name"],
            "reason": r["reason"],
            "inspection": r["inspection_uuid"],
            "status_before": r["status_before"],
            # How far the reinstallation itself has come (planned, staked, installed, ...).
            "progress": r.get("status"),
            "status": (
                "dibatalkan" if r["cancelled_at"] else "selesai" if r["closed_at"] else "terbuka"
            ),
            "opened_at": r["opened_at"],
            "closed_at": r["closed_at"],
            "cancelled_at": r["cancelled_at"],
            "cancelled_reason": r["cancelled_reason"],
        }
        for r in rows
    ]


def maintenance_record(db: JobDatabase) -> dict[str, Any]:
    """The document written to data/pemeliharaan.json (empty lists on an older job)."""
    has_inspections = _has_table(db, "inspection")
    return {
        "format": FORMAT,
        "version": VERSION,
        "markers": _markers(db),
        "inspections": _inspections(db) if has_inspections else [],
        "reinstallations": _reinstallations(db) if _has_table(db, "reinstallation") else [],
    }


def photo_files(record: Any) -> list[str]:
    """Bag paths of the inspection photos, which must travel with the package (none when the
    record is not the shape written here: the office judges such a package, not the seal)."""
    try:
        return [str(p["file"]) for i in record["inspections"] for p in i["photos"]]
    except (KeyError, TypeError):
        return []


def package_kind(db: JobDatabase, since: str | None) -> PackageKind:
    """The kind of a revision sealed now, from what changed after ``since``.

    ``since`` is when the job's last accepted revision was sealed (None: the office has
    accepted nothing yet, so whatever goes is still the installation). After it, a
    reinstallation opened, closed or cancelled makes a pemasangan-ulang package; otherwise a
    new inspection makes a pemeliharaan package; otherwise the installation is being
    corrected or completed.
    """
    if since is None:
        return PackageKind.PEMASANGAN
    if _has_table(db, "reinstallation"):
        changed = db.execute(
            "SELECT 1 FROM reinstallation WHERE opened_at > ? OR closed_at > ?"
            " OR cancelled_at > ? LIMIT 1",
            [since, since, since],
        ).fetchone()
        if changed is not None:
            return PackageKind.PEMASANGAN_ULANG
    if _has_table(db, "inspection"):
        changed = db.execute(
            "SELECT 1 FROM inspection WHERE recorded_at > ? OR withdrawn_at > ? LIMIT 1",
            [since, since],
        ).fetchone()
        if changed is not None:
            return PackageKind.PEMELIHARAAN
    return PackageKind.PEMASANGAN
