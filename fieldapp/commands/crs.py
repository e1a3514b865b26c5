"""`fieldapp crs convert`: one point between SRGI2013, DGN95, WGS 84, UTM and TM-3."""

from __future__ import annotations

import argparse
import json

from fieldapp.commands.common import CommandError


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
