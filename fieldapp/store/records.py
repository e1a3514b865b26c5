"""Reading and writing the job's core records (permit area, points, markers, surveyors)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.survey.models import (
    BoundaryPoint,
    ControlKind,
    ControlPoint,
    HeightSystem,
    Marker,
    MarkerKind,
    MarkerStatus,
    PermitArea,
    Surveyor,
)
from fieldapp.survey.naming import SkNumbers, marker_sort_key


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


# The decree data a surveyor can set; job_uuid and name are given at creation.
DECREE_FIELDS = (
    "holder",
    "sk_number",
    "sk_date",
    "wiup_code",
    "commodity",
    "sk_area_ha",
    "province",
    "regency",
    "crs",
)
PERMIT_FIELDS = (
    "job_uuid",
    "name",
    "holder",
    "sk_number",
    "sk_date",
    "wiup_code",
    "commodity",
    "sk_area_ha",
    "province",
    "regency",
    "crs",
)


def load_permit_area(db: JobDatabase) -> PermitArea:
    row = db.execute(f"SELECT {', '.join(PERMIT_FIELDS)} FROM permit_area WHERE id = 1").fetchone()
    if row is None:
        raise LookupError("the job has no permit area record")
    return PermitArea(**dict(zip(PERMIT_FIELDS, row, strict=True)))


def update_permit_area(db: JobDatabase, **fields: Any) -> None:
    unknown = set(fields) - set(PERMIT_FIELDS[1:])
    if unknown:
        raise ValueError(f"unknown permit area field(s): {', '.join(sorted(unknown))}")
    with db.atomic():
        db.table("permit_area").update(1, {**fields, "updated_at": now_iso()})


def load_boundary_points(db: JobDatabase) -> list[BoundaryPoint]:
    rows = db.query(
        "SELECT number, lat, lon, lat_text, lon_text, source FROM boundary_point ORDER BY seq"
    )
    return [BoundaryPoint(**r) for r in rows]


def replace_boundary_points(db: JobDatabase, points: Sequence[BoundaryPoint]) -> None:
    """Replace the boundary of the job (a new SK table supersedes the old one) atomically."""
    with db.atomic():
        db.execute("DELETE FROM boundary_point")
        db.table("boundary_point").insert_all(
            {
                "seq": i,
                "number": p.number,
                "lat": p.lat,
                "lon": p.lon,
                "lat_text": p.lat_text,
                "lon_text": p.lon_text,
                "source": p.source,
            }
            for i, p in enumerate(points, start=1)
        )


def load_control_points(db: JobDatabase) -> list[ControlPoint]:
    rows = db.query(
        "SELECT name, kind, lat, lon, h, input_crs, input_a, input_b, tied_to, source,"
        " sigma_h, sigma_v FROM control_point ORDER BY id"
    )
    return [ControlPoint(**{**r, "kind": ControlKind(r["kind"])}) for r in rows]


def add_control_points(db: JobDatabase, points: Iterable[ControlPoint]) -> int:
    """Insert control points in one transaction; a name already in the job is an error."""
    count = 0
    with db.atomic():
        for p in points:
            db.table("control_point").insert(
                {
                    "name": p.name,
                    "kind": p.kind.value,
                    "lat": p.lat,
                    "lon": p.lon,
                    "h": p.h,
                    "input_crs": p.input_crs,
                    "input_a": p.input_a,
                    "input_b": p.input_b,
                    "tied_to": p.tied_to,
                    "source": p.source,
                    "sigma_h": p.sigma_h,
                    "sigma_v": p.sigma_v,
                }
            )
            count += 1
    return count


def _marker_from_row(r: dict[str, Any]) -> Marker:
    edge = (r["edge_from"], r["edge_to"]) if r["edge_from"] is not None else None
    return Marker(
        name=r["name"],
        kind=MarkerKind(r["kind"]),
        seq=r["seq"],
        lat=r["design_lat"],
        lon=r["design_lon"],
        h=r["design_h"],
        edge=edge,
        status=MarkerStatus(r["status"]),
        h_given=r.get("design_h_given"),
        h_system=HeightSystem(r.get("design_h_system") or "ellipsoidal"),
    )


def load_markers(db: JobDatabase) -> list[Marker]:
    """The job's markers in the order a surveyor reads them: 1, 1A … 1Z, 1AA, 2 … 10."""
    points = SkNumbers(p.number for p in load_boundary_points(db))  # O(1) lookups per name
    markers = [_marker_from_row(r) for r in db.query("SELECT * FROM marker ORDER BY seq, name")]
    # seq is the planner's ring order, but ad-hoc and kept markers get theirs out of turn.
    return sorted(markers, key=lambda m: (marker_sort_key(m.name, points), m.seq))


def load_marker(db: JobDatabase, name: str) -> Marker:
    rows = list(db.query("SELECT * FROM marker WHERE name = ?", [name]))
    if not rows:
        raise LookupError(f"no marker named {name!r} in this job")
    return _marker_from_row(rows[0])


def upsert_markers(db: JobDatabase, markers: Iterable[Marker]) -> None:
    """Insert new markers and update the design of existing ones, in one transaction."""
    stamp = now_iso()
    with db.atomic():
        for m in markers:
            row = {
                "name": m.name,
                "kind": m.kind.value,
                "seq": m.seq,
                "edge_from": m.edge[0] if m.edge else None,
                "edge_to": m.edge[1] if m.edge else None,
                "design_lat": m.lat,
                "design_lon": m.lon,
                "design_h": m.h,
                "status": m.status.value,
                "updated_at": stamp,
            }
            given = {"design_h_given": m.h_given, "design_h_system": m.h_system.value}
            existing = db.execute("SELECT id FROM marker WHERE name = ?", [m.name]).fetchone()
            if existing:
                # Always: a design without a given height must not keep an old one that a
                # geoid change would turn back into a design_h.
                db.table("marker").update(existing[0], {**row, **given})
            else:
                if m.h_given is not None or m.h_system is not HeightSystem.ELLIPSOIDAL:
                    row.update(given)  # else the columns' defaults say the same
                db.table("marker").insert({**row, "created_at": stamp})


def store_planned_markers(
    db: JobDatabase, markers: Iterable[Marker], dropped: Iterable[str]
) -> list[str]:
    """Store a plan's markers; planned markers the plan dropped go unless they have records."""
    notes: list[str] = []
    with db.atomic():
        upsert_markers(db, [_keep_design_height(db, m) for m in markers])
        for name in dropped:
            try:
                with db.atomic():
                    db.execute("DELETE FROM marker WHERE name = ? AND status = 'planned'", [name])
                notes.append(f"removed planned marker {name} (no longer in the plan)")
            except sqlite3.IntegrityError:
                # Photos or stakes reference it: removing it would orphan field evidence.
                notes.append(
                    f"planned marker {name} is no longer in the plan but has records: kept"
                )
    return notes


def _keep_design_height(db: JobDatabase, m: Marker) -> Marker:
    """A re-planned marker at the same place keeps the design height the surveyor gave it."""
    if m.h is not None:
        return m
    row = db.execute(
        "SELECT design_lat, design_lon, design_h, design_h_given, design_h_system FROM marker"
        " WHERE name = ? AND design_h IS NOT NULL",
        [m.name],
    ).fetchone()
    # 1e-9 degrees is 0.1 mm: a marker the plan moved has no height of its old place.
    if row is None or abs(row[0] - m.lat) > 1e-9 or abs(row[1] - m.lon) > 1e-9:
        return m
    return replace(m, h=row[2], h_given=row[3], h_system=HeightSystem(row[4]))


def set_marker_status(db: JobDatabase, name: str, status: MarkerStatus) -> None:
    with db.atomic():
        cur = db.execute(
            "UPDATE marker SET status = ?, updated_at = ? WHERE name = ?",
            [status.value, now_iso(), name],
        )
        if cur.rowcount != 1:
            raise LookupError(f"no marker named {name!r} in this job")


def surveyor_from_row(r: dict[str, Any]) -> Surveyor:
    updated = r.get("kpo_updated_on")
    return Surveyor(
        r["name"],
        r["certificate_no"],
        r["kpo_no"],
        bool(r["kpo_active"]),
        r.get("kpo_status"),
        dt.date.fromisoformat(updated) if updated else None,
    )


def load_surveyors(db: JobDatabase) -> list[Surveyor]:
    rows = db.query(
        "SELECT name, certificate_no, kpo_no, kpo_active, kpo_status, kpo_updated_on"
        " FROM surveyor ORDER BY id"
    )
    return [surveyor_from_row(r) for r in rows]


def add_surveyor(db: JobDatabase, surveyor: Surveyor) -> None:
    status = surveyor.kpo_status
    if status is None and surveyor.kpo_no:
        # What migration 14 derived for the cards recorded before: active or returned.
        status = "aktif" if surveyor.kpo_active else "dikembalikan"
    updated = surveyor.kpo_updated_on
    with db.atomic():
        db.table("surveyor").insert(
            {
                "name": surveyor.name,
                "certificate_no": surveyor.certificate_no,
                "kpo_no": surveyor.kpo_no,
                "kpo_active": int(surveyor.kpo_active if status is None else status == "aktif"),
                "kpo_status": status,
                "kpo_updated_on": None if updated is None else updated.isoformat(),
            }
        )


def load_geojson_rows(db: JobDatabase, table: str) -> list[dict[str, Any]]:
    """Neighbour areas or activity zones with their geometry decoded from GeoJSON."""
    if table not in ("neighbor_area", "activity_zone"):
        raise ValueError(table)
    rows = db.query(f"SELECT * FROM {table} ORDER BY id")  # one of the two names above
    return [{**r, "geometry": json.loads(r["geometry"])} for r in rows]


def add_neighbor_area(
    db: JobDatabase, name: str, geometry: dict[str, Any], source: str | None
) -> None:
    with db.atomic():
        db.table("neighbor_area").insert(
            {"name": name, "geometry": json.dumps(geometry), "source": source}
        )


def add_activity_zone(
    db: JobDatabase,
    name: str,
    kind: str,
    geometry: dict[str, Any],
    depth_m: float | None = None,
    height_m: float | None = None,
    source: str | None = None,
) -> None:
    with db.atomic():
        db.table("activity_zone").insert(
            {
                "name": name,
                "kind": kind,
                "depth_m": depth_m,
                "height_m": height_m,
                "geometry": json.dumps(geometry),
                "source": source,
            }
        )
