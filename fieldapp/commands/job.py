"""`fieldapp job ...`: create a job, import SK boundary and control points, validate, export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from fieldapp.commands.common import CommandError, open_job


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("job", help="create a job, import points, validate the WIUP, export")
    job_sub = parser.add_subparsers(dest="job_command", metavar="SUBCOMMAND", required=True)

    p = job_sub.add_parser("create", help="create a new job folder (NAME.fieldapp)")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--name", required=True, help="job / WIUP name")
    p.add_argument("--holder", help="permit holder (pemegang IUP)")
    p.add_argument("--sk-number", help="SK IUP number")
    p.add_argument("--sk-date", help="SK date, YYYY-MM-DD")
    p.add_argument("--sk-area-ha", type=float, help="area stated in the SK, hectares")
    p.add_argument("--wiup-code", help="WIUP/WIUPK code")
    p.add_argument("--commodity", help="commodity (komoditas)")
    p.add_argument("--province", help="provinsi")
    p.add_argument("--regency", help="kabupaten/kota")
    p.add_argument(
        "--crs", default="auto", help="grid: auto (default), SRGI2013/UTM50S, DGN95/TM3-50.1 …"
    )
    p.set_defaults(handler=_create)

    p = job_sub.add_parser(
        "import-boundary", help="import Titik Batas from CSV/TXT/XLSX/GeoJSON/KML"
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=_import_boundary)

    p = job_sub.add_parser(
        "import-control", help="import BM / Titik Bantu / JKHN points from CSV/XLSX"
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--crs", help="CRS of rows without a CRS column (default: the job's grid)")
    p.set_defaults(handler=_import_control)

    p = job_sub.add_parser("validate", help="check the WIUP polygon against the SK")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=_validate)

    p = job_sub.add_parser("show", help="permit data and every point in SRGI2013 and the job grid")
    p.add_argument("job", metavar="JOB")
    p.set_defaults(handler=_show)

    p = job_sub.add_parser("export", help="export points as CSV, GeoJSON, KML, GPX or DXF")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--format", required=True, choices=("csv", "geojson", "kml", "gpx", "dxf"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=_export)

    from fieldapp.commands import job_background, job_calendar, job_plan, job_quality

    job_plan.register(job_sub)
    job_quality.register(job_sub)
    job_background.register(job_sub)
    job_calendar.register(job_sub)


def _create(args: argparse.Namespace) -> int:
    from fieldapp.store import JobFileError, JobStore
    from fieldapp.survey.crs import CrsError, parse_crs

    if args.crs.lower() not in ("auto", "auto-utm", "auto-tm3"):
        try:
            args.crs = parse_crs(args.crs).code
        except CrsError as exc:
            raise CommandError(f"--crs: {exc}") from exc
    if args.sk_area_ha is not None and not (0 < args.sk_area_ha < 1e7):
        raise CommandError("--sk-area-ha: must be a positive, finite number of hectares")
    try:
        store = JobStore.create(
            args.job,
            args.name,
            holder=args.holder,
            sk_number=args.sk_number,
            sk_date=args.sk_date,
            sk_area_ha=args.sk_area_ha,
            wiup_code=args.wiup_code,
            commodity=args.commodity,
            province=args.province,
            regency=args.regency,
            crs=args.crs,
        )
    except JobFileError as exc:
        raise CommandError(str(exc)) from exc
    store.close()
    print(f"created {args.job}")
    return 0


def grid_of(store: Any, job: str) -> Any:
    """The job's grid, or a one-line error for a job whose boundary no Indonesian zone holds.

    Imports refuse such a boundary now; a job imported before that still opens.
    """
    from fieldapp.operations import job_grid
    from fieldapp.survey.crs import CrsError

    try:
        return job_grid(store)
    except CrsError as exc:
        raise CommandError(
            f"{job}: no grid for this job: {exc}; import the WIUP's boundary again"
            " (`fieldapp job import-boundary`)"
        ) from exc


def _clip(text: str, limit: int) -> str:
    # A crafted cell can be 4,000 characters that the message quotes: keep the line readable.
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_refused(exc: Exception) -> CommandError:
    """An import refusal as one line: the first problem in full, the next few in brief."""
    problems = list(getattr(exc, "problems", None) or [exc])
    text = _clip(str(problems[0]), 400)
    rest = problems[1:]
    if rest:
        brief = [
            _clip(f"line {p.line}: {p.message}" if getattr(p, "line", None) else str(p), 160)
            for p in rest[:3]
        ]
        text += "; also " + "; ".join(brief)
        if len(rest) > 3:
            text += f" (and {len(rest) - 3} more)"
    return CommandError(f"{text}; nothing was imported, the job is unchanged", exit_code=2)


def _import_boundary(args: argparse.Namespace) -> int:
    from fieldapp.exchange.problems import ImportFailed
    from fieldapp.operations import import_boundary
    from fieldapp.store.marker_names import naming_findings

    with open_job(args.job) as store:
        try:
            summary = import_boundary(store, args.file)
        except ImportFailed as exc:
            raise import_refused(exc) from exc
        # A new SK table can leave markers named after the old numbers: say so now.
        broken = naming_findings(store.db)
    for note in summary.notes:
        print(f"note: {note}")
    print(f"imported {summary.count} boundary points from {args.file}")
    if broken:
        names = ", ".join(f.marker for f in broken[:8]) + (" …" if len(broken) > 8 else "")
        print(
            f"note: {len(broken)} marker name(s) no longer follow the SK rule: {names}"
            " (see `fieldapp job validate`; put right with `fieldapp marker rename`)"
        )
    return 0


def _import_control(args: argparse.Namespace) -> int:
    import sqlite3

    from fieldapp.exchange.problems import ImportFailed
    from fieldapp.operations import import_control
    from fieldapp.survey.crs import CrsError

    with open_job(args.job) as store:
        try:
            summary = import_control(store, args.file, args.crs)
        except ImportFailed as exc:
            raise import_refused(exc) from exc
        except CrsError as exc:
            raise CommandError(f"{args.job}: the job's grid: {exc}") from exc
        except sqlite3.IntegrityError as exc:
            raise import_refused(ValueError(f"{args.file}: {exc}")) from exc
    print(f"imported {summary.count} control points from {args.file}")
    return 0


def validation_json(report: Any, names: Sequence[Any] = (), rule: str = "") -> dict[str, Any]:
    def finding(f: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"code": f.code, "message": f.message}
        if f.edge is not None:
            out["edge"] = list(f.edge)
        if f.point is not None:
            out["point"] = f.point
        return out

    return {
        "valid": report.valid,
        "area_ha": report.area_ha,
        "sk_area_ha": report.sk_area_ha,
        "area_difference_ha": report.area_difference_ha,
        "area_difference_pct": report.area_difference_pct,
        "errors": [finding(f) for f in report.errors],
        "warnings": [finding(f) for f in report.warnings],
        "edges": [
            {"from": e.start, "to": e.end, "direction": e.direction, "length_m": e.length_m}
            for e in report.edges
        ],
        # Markers named outside the SK rule: flagged, the job still opens and reports.
        "marker_names": [
            {"marker": f.marker, "kind": f.kind.value, "problem": f.problem, "message": f.message}
            for f in names
        ],
        "marker_name_rule": rule,
    }


def print_validation(store: Any, report: Any, out: Any = None) -> None:
    """The human validation report: permit, points in both systems, edges, verdict."""
    # sys.stdout read at call time: a default bound at import keeps a stream replaced since.
    out = sys.stdout if out is None else out
    from fieldapp.store import records as rec
    from fieldapp.survey.crs import parse_crs, transform
    from fieldapp.survey.dms import format_dms

    permit = rec.load_permit_area(store.db)
    grid = grid_of(store, str(store.path))
    srgi = parse_crs("SRGI2013")
    w = out.write
    w(f"{permit.name}")
    w(f" — {permit.holder}\n" if permit.holder else "\n")
    if permit.sk_number:
        w(
            f"SK {permit.sk_number}"
            + (f" tanggal {permit.sk_date}" if permit.sk_date else "")
            + "\n"
        )
    w(f"Grid: {grid.name}" + (f" (EPSG:{grid.epsg})" if grid.epsg else "") + "\n\n")
    w(f"{'No':>4}  {'Bujur (SRGI2013)':>20}  {'Lintang (SRGI2013)':>19}  {'E':>12}  {'N':>13}\n")
    for p in rec.load_boundary_points(store.db):
        e, n, _ = transform(srgi, grid, p.lon, p.lat)
        w(
            f"{p.number:>4}  {format_dms(p.lon, 'lon'):>20}  {format_dms(p.lat, 'lat'):>19}"
            f"  {e:12.3f}  {n:13.3f}\n"
        )
    w("\nGaris batas:\n")
    for e in report.edges:
        w(f"  {e.start:>4} -> {e.end:<4} {e.direction:5}  {e.length_m:10.3f} m\n")
    area = "-" if report.area_ha is None else f"{report.area_ha:.4f} ha"
    w(f"\nLuas hitungan: {area}")
    if report.sk_area_ha is not None:
        w(f"   Luas SK: {report.sk_area_ha:.2f} ha")
        if report.area_difference_ha is not None:
            diff, pct = report.area_difference_ha, report.area_difference_pct
            w(f"   selisih {diff:+.4f} ha ({pct:+.3f} %)")
    w("\n")
    for f in report.errors:
        w(f"KESALAHAN [{f.code}] {f.message}\n")
    for f in report.warnings:
        w(f"PERINGATAN [{f.code}] {f.message}\n")
    from fieldapp.store.marker_names import naming_findings, naming_rule

    names = naming_findings(store.db)
    for finding in names:
        w(f"PERINGATAN [marker_name] {finding.message}\n")
    if names:
        w(f"  aturan nama Tanda Batas: {naming_rule(store.db)}\n")
    w("\nHasil: " + ("WIUP valid\n" if report.valid else f"{len(report.errors)} kesalahan\n"))


def _validate(args: argparse.Namespace) -> int:
    from fieldapp.operations import validate_job

    with open_job(args.job) as store:
        report = validate_job(store)
        if args.json:
            from fieldapp.store.marker_names import naming_findings, naming_rule

            names = naming_findings(store.db)
            rule = naming_rule(store.db)
            print(json.dumps(validation_json(report, names, rule), ensure_ascii=False))
        else:
            print_validation(store, report)
    return 0 if report.valid else 1


def _show(args: argparse.Namespace) -> int:
    from fieldapp.store import records as rec
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.crs import parse_crs, transform
    from fieldapp.survey.dms import format_dms
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.height_cache import HeightCache

    with open_job(args.job) as store:
        permit = rec.load_permit_area(store.db)
        grid = grid_of(store, args.job)
        srgi = parse_crs("SRGI2013")
        for field in ("name", *rec.DECREE_FIELDS):
            value = getattr(permit, field)
            if value is not None:
                print(f"{field:>11}: {value}")
        try:
            heights = HeightCache(job_geoid(store))
        except GeoidError as exc:
            raise CommandError(str(exc)) from exc
        print(f"{'grid':>11}: {grid.name}")
        print(f"{'heights':>11}: h ellipsoidal, H orthometric = h - N [{heights.name}]\n")

        def row(kind: str, name: str, lat: float, lon: float, h: float | None) -> None:
            e, n, _ = transform(srgi, grid, lon, lat)
            hs = heights.heights(lat, lon, h)
            hh = "" if h is None else f"h {h:9.3f}"
            if hs is not None:
                hh += f"  H {hs.orthometric:9.3f}"
            print(
                f"{kind:<12} {name:<8} {format_dms(lat, 'lat'):>19} {format_dms(lon, 'lon'):>20}"
                f" {e:12.3f} {n:13.3f} {hh}"
            )

        for p in rec.load_boundary_points(store.db):
            row("titik batas", p.number, p.lat, p.lon, None)
        for m in rec.load_markers(store.db):
            row(f"tanda {m.kind.value}", m.name, m.lat, m.lon, m.h)
        for c in rec.load_control_points(store.db):
            row(c.kind.value, c.name, c.lat, c.lon, c.h)
    return 0


def _export(args: argparse.Namespace) -> int:
    from fieldapp.operations import export_job

    with open_job(args.job) as store:
        grid_of(store, args.job)
        try:
            path = export_job(store, args.format, args.output)
        except OSError as exc:
            raise CommandError(f"{args.output}: cannot write: {exc.strerror}") from exc
    print(f"wrote {path}")
    return 0
