"""`fieldapp crs convert|height|geoid`: CRS conversion; orthometric heights; the job's geoid."""

from __future__ import annotations

import argparse
import json

from fieldapp.commands.common import CommandError, open_job


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("crs", help="coordinate reference systems")
    crs_sub = parser.add_subparsers(dest="crs_command", metavar="SUBCOMMAND", required=True)
    p = crs_sub.add_parser(
        "convert",
        help="convert one point",
        description="Geographic input is latitude then longitude (DMS accepted, quote it); "
        "projected input is easting then northing.",
    )
    p.add_argument("--from", dest="src", required=True, metavar="CRS")
    p.add_argument("--to", dest="dst", required=True, metavar="CRS")
    p.add_argument("--json", action="store_true", help="JSON with scale factor and convergence")
    p.add_argument("a", metavar="A", help="latitude or easting")
    p.add_argument("b", metavar="B", help="longitude or northing")
    p.add_argument("h", metavar="H", nargs="?", type=float, help="ellipsoidal height, m")
    p.set_defaults(handler=_convert)
    hp = crs_sub.add_parser(
        "height",
        help="orthometric height from an ellipsoidal one",
        description="H = h - N, with N from the bundled EGM96 grid or a grid file given.",
    )
    hp.add_argument("--lat", required=True, help="latitude, degrees (DMS accepted, quote it)")
    hp.add_argument("--lon", required=True, help="longitude, degrees (DMS accepted)")
    hp.add_argument("--h", dest="h", required=True, help="ellipsoidal height, m")
    hp.add_argument("--geoid", metavar="FILE", help="a GTX or GeoTIFF geoid grid")
    hp.add_argument("--job", metavar="JOB", help="use the job's geoid (unless --geoid)")
    hp.add_argument("--json", action="store_true", help="JSON with h, N, H and geoid")
    hp.set_defaults(handler=_height)
    gp = crs_sub.add_parser(
        "geoid",
        help="the job's geoid grid",
        description="Import a GTX or GeoTIFF geoid grid (EGM2008, INAGeoid2020) into the job, "
        "where it takes precedence over the bundled EGM96; --default goes back to EGM96.",
    )
    gp.add_argument("job", metavar="JOB")
    action = gp.add_mutually_exclusive_group(required=True)
    action.add_argument("--import", dest="import_file", metavar="FILE", help="grid to copy in")
    action.add_argument("--show", action="store_true", help="name the job's geoid")
    action.add_argument("--default", action="store_true", help="back to the bundled EGM96")
    gp.add_argument("--name", help="the name shown with heights (default: the file's name)")
    gp.add_argument("--json", action="store_true")
    gp.set_defaults(handler=_job_geoid)


def _height(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fieldapp.store.job_geoid import bundled_geoid
    from fieldapp.survey.dms import DmsError, parse_angle
    from fieldapp.survey.geoid import GeoidError, load_geoid

    try:
        lat = parse_angle(args.lat, "lat").degrees
        lon = parse_angle(args.lon, "lon").degrees
        h = float(args.h.replace(",", "."))
    except (DmsError, ValueError) as exc:
        raise CommandError(f"input: {exc}") from exc
    try:
        if args.geoid:
            geoid = load_geoid(Path(args.geoid))
        elif args.job:
            from fieldapp.store.job_geoid import job_geoid

            with open_job(args.job) as store:
                geoid = job_geoid(store)
        else:
            geoid = bundled_geoid()
        hs = geoid.heights(lat, lon, h)
    except GeoidError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        out = {"h": hs.ellipsoidal, "N": hs.undulation, "H": hs.orthometric, "geoid": hs.geoid}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(
        f"h {hs.ellipsoidal:.3f} m (ellipsoidal)  N {hs.undulation:.3f} m  "
        f"H {hs.orthometric:.3f} m (orthometric)  [{hs.geoid}]"
    )
    return 0


def _job_geoid(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fieldapp.store.job_geoid import import_job_geoid, job_geoid, reset_job_geoid
    from fieldapp.survey.geoid import GeoidError

    with open_job(args.job) as store:
        try:
            if args.import_file:
                geoid = import_job_geoid(store, Path(args.import_file), args.name)
            elif args.default:
                geoid = reset_job_geoid(store)
            else:
                geoid = job_geoid(store)
        except GeoidError as exc:
            raise CommandError(str(exc)) from exc
        where = geoid.path.relative_to(store.path) if geoid.kind == "user" else geoid.path.name
        # Designs given as H followed the change (in its transaction): say how many.
        moved = store.db.execute(
            "SELECT count(*) FROM marker WHERE design_h_system = 'orthometric'"
            " AND design_h_given IS NOT NULL"
        ).fetchone()[0]
    if args.json:
        out = {"geoid": geoid.name, "kind": geoid.kind, "file": Path(where).as_posix()}
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"{geoid.name} ({geoid.kind}, {Path(where).as_posix()})")
        if moved and not args.show:
            print(f"design heights given as orthometric H recomputed (h = H + N): {moved}")
    return 0


def _convert(args: argparse.Namespace) -> int:
    from fieldapp.survey.crs import CrsError, parse_crs, transform
    from fieldapp.survey.dms import DmsError, format_dms, parse_angle
    from fieldapp.survey.scale import grid_factors

    try:
        src = parse_crs(args.src)
        dst = parse_crs(args.dst)
    except CrsError as exc:
        raise CommandError(str(exc)) from exc
    try:
        if src.is_geographic:
            lat = parse_angle(args.a, "lat").degrees
            lon = parse_angle(args.b, "lon").degrees
            x, y = lon, lat
        else:
            x, y = float(args.a.replace(",", ".")), float(args.b.replace(",", "."))
    except (DmsError, ValueError) as exc:
        raise CommandError(f"input: {exc}") from exc
    try:
        ox, oy, oz = transform(src, dst, x, y, args.h)
    except Exception as exc:  # pyproj raises ProjError for points it cannot transform
        raise CommandError(f"cannot transform this point: {exc}") from exc

    out: dict[str, object] = {"from": src.code, "to": dst.code}
    if dst.is_geographic:
        out.update(
            lat=oy, lon=ox, lat_dms=format_dms(oy, "lat", 5), lon_dms=format_dms(ox, "lon", 5)
        )
    else:
        out.update(e=ox, n=oy)
    if oz is not None:
        out["h"] = oz
    grid = dst if not dst.is_geographic else (src if not src.is_geographic else None)
    if grid is not None:
        # Factors are evaluated at the point in the grid's own geographic datum.
        geo = parse_crs(grid.datum)
        lon_g, lat_g, _ = transform(src, geo, x, y)
        f = grid_factors(grid, lon_g, lat_g, args.h or 0.0)
        out.update(
            grid=grid.code,
            point_scale_factor=f.point_scale,
            meridian_convergence_deg=f.convergence_deg,
            elevation_factor=f.elevation_factor,
            combined_factor=f.combined,
        )
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if dst.is_geographic:
        print(f"{out['lat_dms']}  {out['lon_dms']}   ({oy:.9f}, {ox:.9f})")
    else:
        print(f"E {ox:.3f}  N {oy:.3f}   [{dst.name}]")
    if oz is not None:
        print(f"h {oz:.3f} m")
    if grid is not None:
        print(
            f"k {out['point_scale_factor']:.9f}  gamma {out['meridian_convergence_deg']:+.6f}°"
            f"  combined {out['combined_factor']:.9f}"
        )
    return 0
