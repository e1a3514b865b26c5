"""Job-level operations shared by the CLI and the GUI: import, grid choice, validation, export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.boundary import BoundaryReport, ring_centroid, validate_boundary
from fieldapp.survey.crs import GridSpec, parse_crs


@dataclass(frozen=True, slots=True)
class ImportSummary:
    count: int
    notes: list[str]


def import_boundary(store: JobStore, path: str | Path) -> ImportSummary:
    """Replace the job's boundary with the file's points: all or nothing."""
    # The file readers are imported where used: the GUI needs only job_grid at start-up.
    from fieldapp.exchange.boundary_import import read_boundary_file

    table = read_boundary_file(path)
    rec.replace_boundary_points(store.db, table.points)
    return ImportSummary(len(table.points), table.notes)


def import_control(
    store: JobStore, path: str | Path, default_crs: str | None = None
) -> ImportSummary:
    """Add control points; names already in the job or bad rows reject the whole file."""
    from fieldapp.exchange.control_import import read_control_table

    crs = default_crs or job_grid(store).code
    points = read_control_table(path, default_crs=crs)
    existing = {c.name for c in rec.load_control_points(store.db)}
    clash = sorted(existing & {p.name for p in points})
    if clash:
        from fieldapp.exchange.problems import ImportFailed, Problem

        raise ImportFailed(
            [Problem(str(path), None, f"already in the job: {', '.join(clash)} (nothing imported)")]
        )
    rec.add_control_points(store.db, points)
    return ImportSummary(len(points), [])


def job_grid(store: JobStore) -> GridSpec:
    """The job's grid: its CRS choice, or the UTM zone of the boundary's centroid."""
    permit = rec.load_permit_area(store.db)
    boundary = rec.load_boundary_points(store.db)
    centroid = ring_centroid(boundary) if boundary else None
    if permit.crs.lower().startswith("auto") and centroid is None:
        markers = rec.load_markers(store.db)
        control = rec.load_control_points(store.db)
        pts = [(m.lon, m.lat) for m in markers] + [(c.lon, c.lat) for c in control]
        centroid = (
            (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) if pts else None
        )
    if permit.crs.lower().startswith("auto") and centroid is None:
        return parse_crs("SRGI2013")
    spec = parse_crs(permit.crs, centroid=centroid)
    return spec


def validate_job(store: JobStore) -> BoundaryReport:
    permit = rec.load_permit_area(store.db)
    return validate_boundary(rec.load_boundary_points(store.db), permit.sk_area_ha)


def export_job(store: JobStore, fmt: str, path: str | Path) -> Path:
    from fieldapp.exchange.export import build_export_set, export_points
    from fieldapp.store.installation import all_references

    markers = rec.load_markers(store.db)
    data = build_export_set(
        rec.load_permit_area(store.db),
        job_grid(store),
        rec.load_boundary_points(store.db),
        markers,
        rec.load_control_points(store.db),
        [r for m in markers for r in all_references(store.db, m.name)],
    )
    return export_points(data, fmt, path)
