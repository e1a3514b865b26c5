"""The job's records as JSON and GeoJSON files for a package (deterministic bytes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import (
    load_boundary_points,
    load_control_points,
    load_geojson_rows,
    load_markers,
    load_permit_area,
    load_surveyors,
)
from fieldapp.sync.maintenance_export import MAINTENANCE_FILE, maintenance_record


def _dump(obj: Any) -> bytes:
    # Sorted keys and a trailing newline: the same records always give the same bytes,
    # so an unchanged job seals to the same payload hashes.
    return (json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _point(lon: float, lat: float, h: float | None = None) -> dict[str, Any]:
    coords: list[float] = [lon, lat] if h is None else [lon, lat, h]
    return {"type": "Point", "coordinates": coords}


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def _plain(obj: Any) -> dict[str, Any]:
    data = dataclasses.asdict(obj)
    return {
        k: (str(v) if hasattr(v, "value") else v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in data.items()
    }


def _geoid(db: JobDatabase) -> dict[str, str | None]:
    from fieldapp.store.job_geoid import BUNDLED_NAME

    row = db.execute("SELECT geoid_name, geoid_file FROM permit_area WHERE id = 1").fetchone()
    if row is None or row[1] is None:
        return {"name": BUNDLED_NAME, "file": None}
    return {"name": str(row[0]), "file": str(row[1])}


def export_job(db: JobDatabase) -> dict[str, bytes]:
    """Package path (under data/) -> file bytes for the job's structured records."""
    permit = load_permit_area(db)
    boundary = load_boundary_points(db)
    control = load_control_points(db)
    markers = load_markers(db)
    surveyors = load_surveyors(db)
    job = {
        "permit_area": _plain(permit),
        "surveyors": [_plain(s) for s in surveyors],
        # The grid the orthometric heights came from; its file travels in data/geoid/.
        "geoid": _geoid(db),
        "counts": {
            "boundary_points": len(boundary),
            "control_points": len(control),
            "markers": len(markers),
        },
    }
    boundary_fc = _collection(
        [
            {"type": "Feature", "geometry": _point(p.lon, p.lat), "properties": _plain(p)}
            for p in boundary
        ]
    )
    if len(boundary) >= 3:
        ring = [[p.lon, p.lat] for p in boundary] + [[boundary[0].lon, boundary[0].lat]]
        boundary_fc["features"].append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"name": permit.name, "role": "permit_area"},
            }
        )
    control_fc = _collection(
        [
            {"type": "Feature", "geometry": _point(c.lon, c.lat, c.h), "properties": _plain(c)}
            for c in control
        ]
    )
    marker_fc = _collection(
        [
            {
                "type": "Feature",
                "geometry": _point(m.lon, m.lat, m.h),
                "properties": {**_plain(m), "edge": list(m.edge) if m.edge else None},
            }
            for m in markers
        ]
    )
    files = {
        "data/job.json": _dump(job),
        "data/boundary_points.geojson": _dump(boundary_fc),
        "data/control_points.geojson": _dump(control_fc),
        "data/markers.geojson": _dump(marker_fc),
    }
    for table in ("neighbor_area", "activity_zone"):
        rows = load_geojson_rows(db, table)
        features = [
            {
                "type": "Feature",
                "geometry": r["geometry"],
                "properties": {k: v for k, v in r.items() if k not in ("geometry", "id")},
            }
            for r in sorted(rows, key=lambda r: int(r["id"]))
        ]
        files[f"data/{table}s.geojson"] = _dump(_collection(features))
    # Inspections and reinstallations as the office reads them (its per-WIUP overview).
    files[MAINTENANCE_FILE] = _dump(maintenance_record(db))
    return files
