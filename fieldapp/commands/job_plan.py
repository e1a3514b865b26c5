"""`fieldapp job plan`: plan the WIUP's markers by the regulation, report overlaps, store it."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError, open_job

if TYPE_CHECKING:
    from fieldapp.store import JobStore
    from fieldapp.survey.neighbors import ActivityZone, NeighborArea
    from fieldapp.survey.planning import Plan


def register(job_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `job plan` to the job subcommands."""
    p = job_sub.add_parser(
        "plan",
        help="plan markers: corners, <= 500 m along neighbours, <= 100 m near pits/dumps",
        description=(
            "Plan the Tanda Batas of the WIUP: a marker on every corner, at most 500 m apart "
            "where the boundary is shared with a neighbouring permit, at most 100 m apart "
            "within 3 x depth/height of a pit or dump. Infill markers lie on the parallel or "
            "meridian of their boundary line. Installed markers are never moved."
        ),
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument(
        "--neighbors", metavar="FILE", help="neighbouring permits: GeoJSON, KML or SK table"
    )
    p.add_argument(
        "--activity", metavar="FILE", help="pits/dumps (GeoJSON/KML with depth_m, height_m)"
    )
    p.add_argument(
        "--spacing",
        type=float,
        metavar="M",
        help="also put markers at most M metres apart elsewhere",
    )
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument(
        "--apply", action="store_true", help="store the plan (and the input areas) in the job"
    )
    p.set_defaults(handler=_plan)


def _stored_areas(store: JobStore) -> tuple[list[NeighborArea], list[ActivityZone]]:
    from fieldapp.store import records as rec
    from fieldapp.survey.neighbors import ActivityZone, AreaError, NeighborArea, rings_from_geojson

    try:
        neighbors = [
            NeighborArea(r["name"], rings_from_geojson(r["geometry"]))
            for r in rec.load_geojson_rows(store.db, "neighbor_area")
        ]
        zones = [
            ActivityZone(
                r["name"], r["kind"], rings_from_geojson(r["geometry"]), r["depth_m"], r["height_m"]
            )
            for r in rec.load_geojson_rows(store.db, "activity_zone")
        ]
    except AreaError as exc:
        raise CommandError(f"stored neighbour/activity area: {exc}") from exc
    return neighbors, zones


def _plan(args: argparse.Namespace) -> int:
    from fieldapp.commands.job import grid_of
    from fieldapp.exchange.areas import AreaFileError, read_activity_zones, read_neighbors
    from fieldapp.store import records as rec
    from fieldapp.survey.edges import BoundaryError
    from fieldapp.survey.naming import MarkerNameError
    from fieldapp.survey.neighbors import AreaError
    from fieldapp.survey.planning import PlanRules, plan_markers

    if args.spacing is not None and not (0 < args.spacing < 1e5):
        raise CommandError("--spacing: must be a positive, finite number of metres (below 100 km)")
    with open_job(args.job) as store:
        points = rec.load_boundary_points(store.db)
        if not points:
            raise CommandError(
                f"{args.job}: no boundary points; run `fieldapp job import-boundary`"
            )
        grid = grid_of(store, args.job)
        if grid.is_geographic:
            raise CommandError(f"{args.job}: the job's CRS is not a grid; set one with --crs")
        stored_nb, stored_zones = _stored_areas(store)
        try:
            neighbors = read_neighbors(args.neighbors) if args.neighbors else stored_nb
            zones = read_activity_zones(args.activity) if args.activity else stored_zones
        except AreaFileError as exc:
            raise CommandError(str(exc)) from exc
        try:
            plan = plan_markers(
                points,
                grid,
                neighbors,
                zones,
                rec.load_markers(store.db),
                PlanRules(user_spacing_m=args.spacing),
            )
        except (BoundaryError, AreaError) as exc:
            raise CommandError(f"{args.job}: {exc}") from exc
        notes: list[str] = []
        if args.apply:
            try:
                notes = _apply(
                    store,
                    plan,
                    args,
                    neighbors if args.neighbors else (),
                    zones if args.activity else (),
                )
            except MarkerNameError as exc:
                raise CommandError(f"{args.job}: {exc}; nothing stored") from exc
    if args.json:
        print(json.dumps(plan_json(plan, applied=args.apply, notes=notes), ensure_ascii=False))
    else:
        _print_plan(plan, applied=args.apply, notes=notes)
    return 0


def _apply(
    store: JobStore,
    plan: Plan,
    args: argparse.Namespace,
    neighbors: Sequence[NeighborArea],
    zones: Sequence[ActivityZone],
) -> list[str]:
    """Store the plan, and the areas read from files, in one transaction."""
    from fieldapp.store import records as rec
    from fieldapp.store.marker_names import check_markers
    from fieldapp.survey.neighbors import rings_to_geojson

    with store.transaction() as db:
        markers = [m.to_marker() for m in plan.markers if not m.kept]
        check_markers(db, markers, "job plan --apply")
        notes = rec.store_planned_markers(db, markers, plan.dropped)
        # Applying the same file twice must not store its areas twice.
        for nb in neighbors:
            geometry = rings_to_geojson(nb.rings)
            if not _same_area_stored(db, "neighbor_area", nb.name, geometry):
                rec.add_neighbor_area(db, nb.name, geometry, args.neighbors)
                notes.append(f"stored neighbour area {nb.name}")
        for z in zones:
            geometry = rings_to_geojson(z.rings)
            if not _same_area_stored(db, "activity_zone", z.name, geometry):
                rec.add_activity_zone(
                    db, z.name, z.kind, geometry, z.depth_m, z.height_m, args.activity
                )
                notes.append(f"stored activity zone {z.name}")
    return notes


def _same_area_stored(db: Any, table: str, name: str, geometry: dict[str, Any]) -> bool:
    rows = db.execute(f"SELECT geometry FROM {table} WHERE name = ?", [name]).fetchall()
    return any(json.loads(r[0]) == geometry for r in rows)


def plan_json(plan: Plan, applied: bool = False, notes: Sequence[str] = ()) -> dict[str, Any]:
    """The `job plan --json` contract."""
    return {
        "grid": plan.grid.code,
        "markers": [
            {
                "name": m.name,
                "kind": m.kind.value,
                "lat": m.lat,
                "lon": m.lon,
                "edge": list(m.edge) if m.edge else None,
                "seq": m.seq,
                "status": m.status.value,
                "kept": m.kept,
                "offset_m": None if m.offset_m is None else round(m.offset_m, 4),
            }
            for m in plan.markers
        ],
        "overlaps": [
            {
                "neighbor": c.neighbor,
                "kind": c.kind,
                "area_m2": round(c.area_m2, 3),
                "area_ha": round(c.area_ha, 6),
                "max_width_m": round(c.max_width_m, 4),
                "pieces": c.pieces,
            }
            for c in plan.comparisons
        ],
        "stretches": [
            {
                "edge": list(s.edge),
                "start_m": round(s.start_m, 3),
                "end_m": round(s.end_m, 3),
                "max_spacing_m": s.max_spacing_m,
                "reason": s.reason,
            }
            for s in plan.stretches
        ],
        "dropped": list(plan.dropped),
        "warnings": list(plan.warnings),
        "applied": applied,
        "notes": list(notes),
    }


def _print_plan(plan: Plan, applied: bool, notes: Sequence[str]) -> None:
    from fieldapp.survey.dms import format_dms
    from fieldapp.survey.models import MarkerKind

    print(f"grid {plan.grid.code}")
    print(f"{'seq':>4}  {'name':<6} {'kind':<7} {'edge':<7} {'latitude':<18} {'longitude':<19} "
          f"{'along m':>9}  status")  # fmt: skip
    for m in plan.markers:
        edge = "-".join(m.edge) if m.edge else "-"
        along = "" if m.offset_m is None or m.kind is MarkerKind.CORNER else f"{m.offset_m:9.2f}"
        print(
            f"{m.seq:>4}  {m.name:<6} {m.kind.value:<7} {edge:<7} {format_dms(m.lat, 'lat'):<18} "
            f"{format_dms(m.lon, 'lon'):<19} {along:>9}  {m.status.value}"
        )
    for s in plan.stretches:
        print(
            f"stretch {'-'.join(s.edge)} {s.start_m:.1f}..{s.end_m:.1f} m "
            f"(<= {s.max_spacing_m:g} m, {s.reason})"
        )
    for c in plan.comparisons:
        print(
            f"{c.kind} with {c.neighbor}: {c.area_m2:.2f} m2 ({c.area_ha:.4f} ha), "
            f"largest width {c.max_width_m:.3f} m"
        )
    for w in plan.warnings:
        print(f"warning: {w}")
    for n in notes:
        print(n)
    corners = sum(m.kind is MarkerKind.CORNER for m in plan.markers)
    print(
        f"{len(plan.markers)} markers ({corners} corners, {len(plan.markers) - corners} infill)"
        + ("; plan stored in the job" if applied else "; not stored (use --apply)")
    )
