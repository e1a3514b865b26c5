"""`fieldapp job background add|list|remove|set`: the job's background maps."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError, open_job

if TYPE_CHECKING:
    from fieldapp.basemap.source import TileSource
    from fieldapp.store.backgrounds import JobBackground


def register(job_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `job background` to the job subcommands."""
    parser = job_sub.add_parser(
        "background",
        help="background maps: tile packs (MBTiles, GeoPackage, PMTiles) and GeoTIFF orthophotos",
    )
    sub = parser.add_subparsers(dest="background_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "add",
        help="add a background on top (copied into the job unless --link)",
        description="Open FILE as a background and add it on top of the job's backgrounds. "
        "By default the file is copied into the job folder, so the job carries it; --link "
        "keeps only its path (for a big file that stays where it is).",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--link", action="store_true", help="reference FILE in place, do not copy it")
    p.add_argument("--name", help="the name shown in the layer list (default: the file's own)")
    p.add_argument("--opacity", type=float, default=1.0, metavar="X", help="0 to 1 (default 1)")
    p.set_defaults(handler=_add)

    p = sub.add_parser("list", help="the job's backgrounds, bottom first")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true", help="a JSON array on stdout")
    p.set_defaults(handler=_list)

    p = sub.add_parser("remove", help="remove a background (a copy in the job is deleted)")
    p.add_argument("job", metavar="JOB")
    p.add_argument("ident", metavar="NAME|ID")
    p.set_defaults(handler=_remove)

    p = sub.add_parser("set", help="change a background's opacity, visibility or position")
    p.add_argument("job", metavar="JOB")
    p.add_argument("ident", metavar="NAME|ID")
    p.add_argument("--opacity", type=float, metavar="X", help="0 (invisible) to 1 (opaque)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--show", dest="visible", action="store_true", default=None)
    shown.add_argument("--hide", dest="visible", action="store_false")
    p.add_argument("--position", type=int, metavar="N", help="0 is the bottom")
    p.set_defaults(handler=_set)


def _add(args: argparse.Namespace) -> int:
    from fieldapp.basemap.source import BackgroundError, open_background
    from fieldapp.store.backgrounds import JobBackgroundError, add_background
    from fieldapp.store.durable import DiskFullError

    with open_job(args.job) as store:
        try:
            bg = add_background(
                store, Path(args.file), copy=not args.link, name=args.name, opacity=args.opacity
            )
        except (BackgroundError, JobBackgroundError, DiskFullError) as exc:
            raise CommandError(f"{exc}; nothing was added, the job is unchanged") from exc
        how = (
            f"copied into the job as {bg.path.relative_to(store.path).as_posix()}"
            if bg.copied
            else f"linked to {bg.path}"
        )
        print(f"added background {bg.name!r} ({bg.kind}, {how}), position {bg.position}")
        try:
            source = open_background(bg.path)
        except BackgroundError as exc:  # it opened a moment ago; say so rather than fail
            print(f"note: {exc}")
            return 0
        try:
            for line in describe(source):
                print(line)
        finally:
            source.close()
    return 0


def describe(source: TileSource) -> list[str]:
    """Where the source has data (lon/lat), its zoom levels and finest ground pixel."""
    from pyproj import CRS, Geod, Transformer

    crs = CRS.from_user_input(source.grid.crs)
    to_ll = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    w, s, e, n = to_ll.transform_bounds(*source.bounds)
    lines = [f"bounds: lon {w:.6f} .. {e:.6f}, lat {s:.6f} .. {n:.6f} (WGS84)"]
    matrices = source.grid.matrices
    if matrices:
        finest = matrices[-1]
        x0, y0, x1, y1 = source.bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        lon0, lat0 = to_ll.transform(cx, cy)
        lon1, lat1 = to_ll.transform(cx + finest.resolution, cy)
        ground = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]
        # A GeoTIFF's levels are its own overviews, not web zooms: name them as levels.
        levels = (
            f"zoom {matrices[0].zoom}..{finest.zoom}"
            if source.kind != "geotiff"
            else f"{len(matrices)} level(s)"
        )
        lines.append(f"{levels}, finest pixel {ground:.2f} m on the ground")
    return lines


def _json(bg: JobBackground) -> dict[str, Any]:
    return {
        "id": bg.id,
        "position": bg.position,
        "name": bg.name,
        "kind": bg.kind,
        "copied": bg.copied,
        "opacity": bg.opacity,
        "visible": bg.visible,
        "missing": bg.missing,
        "path": str(bg.path),
    }


def _line(bg: JobBackground) -> str:
    return (
        f"{bg.position:>3}  {bg.name}  [{bg.kind}, {'copied' if bg.copied else 'linked'}, "
        f"opacity {bg.opacity:.2f}, {'visible' if bg.visible else 'hidden'}, "
        f"{'MISSING' if bg.missing else 'present'}]  {bg.path}"
    )


def _list(args: argparse.Namespace) -> int:
    from fieldapp.store.backgrounds import load_backgrounds

    with open_job(args.job) as store:
        backgrounds = load_backgrounds(store)
    if args.json:
        print(json.dumps([_json(b) for b in backgrounds], ensure_ascii=False))
        return 0
    if not backgrounds:
        print("no backgrounds (add one with `fieldapp job background add JOB FILE`)")
        return 0
    print("position, bottom first:")
    for bg in backgrounds:
        print(_line(bg))
    return 0


def _remove(args: argparse.Namespace) -> int:
    from fieldapp.store.backgrounds import JobBackgroundError, remove_background

    with open_job(args.job) as store:
        try:
            bg = remove_background(store, args.ident)
        except JobBackgroundError as exc:
            raise CommandError(str(exc)) from exc
    what = "its copy in the job was deleted" if bg.copied else f"{bg.path} is left untouched"
    print(f"removed background {bg.name!r} ({what})")
    return 0


def _set(args: argparse.Namespace) -> int:
    from fieldapp.store.backgrounds import JobBackgroundError, find_background, set_background

    with open_job(args.job) as store:
        try:
            if args.opacity is None and args.visible is None and args.position is None:
                bg = find_background(store, args.ident)
            else:
                bg = set_background(
                    store,
                    args.ident,
                    opacity=args.opacity,
                    visible=args.visible,
                    position=args.position,
                )
        except JobBackgroundError as exc:
            raise CommandError(str(exc)) from exc
    print(_line(bg))
    return 0
