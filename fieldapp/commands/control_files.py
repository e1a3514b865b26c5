"""`fieldapp control process-files`: a static baseline from raw or RINEX files, without a job."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from fieldapp.commands.common import CommandError


def register(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `process-files` to the `control` group."""
    p = group.add_parser(
        "process-files",
        help="process a static baseline from files (checks an RTKLIB setup)",
        description="Processes one static baseline with RTKLIB from raw (UBX, RTCM 3) or RINEX "
        "files, without a job, and checks it against Kepdirjen 697.K/29/DDJP/1996. Give each "
        "side's observation file and its navigation file(s).",
    )
    p.add_argument("--rover", nargs="+", required=True, metavar="FILE", type=Path)
    p.add_argument("--base", nargs="+", required=True, metavar="FILE", type=Path)
    p.add_argument(
        "--base-position",
        metavar='"LAT LON H"',
        help="the base mark: latitude and longitude in decimal degrees, ellipsoidal height in "
        "metres (default: the base RINEX header's approximate position, not control-grade)",
    )
    p.add_argument("--mask", type=float, default=None, metavar="DEG", help="elevation mask [15]")
    p.add_argument(
        "--interval", type=float, default=None, metavar="S", help="processing interval [all]"
    )
    p.add_argument(
        "--rover-height",
        type=float,
        default=None,
        metavar="M",
        help="rover antenna height, vertical, mark to ARP [the RINEX header's "
        "ANTENNA: DELTA H; 0 for raw logs]",
    )
    p.add_argument(
        "--base-height",
        type=float,
        default=None,
        metavar="M",
        help="base antenna height, vertical, mark to ARP [as --rover-height]",
    )
    p.add_argument("--json", action="store_true", help="the solution and verdicts as JSON")
    p.set_defaults(handler=_process_files)


def parse_base_position(text: str) -> tuple[float, float, float]:
    parts = text.replace(",", " ").split()
    try:
        lat, lon, h = (float(v) for v in parts)
    except ValueError:
        raise CommandError(
            f'--base-position: expected "LAT LON H" (decimal degrees, metres), got {text!r}'
        ) from None
    if not all(math.isfinite(v) for v in (lat, lon, h)):
        raise CommandError(f"--base-position: not a finite number in {text!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and -1000 <= h <= 10000):
        raise CommandError(
            f"--base-position: {text!r} is out of range (lat -90..90, lon -180..180, "
            "h -1000..10000 m)"
        )
    return lat, lon, h


def _check_settings(args: argparse.Namespace) -> None:
    checks = [
        ("--mask", args.mask, 0.0, 90.0),
        ("--interval", args.interval, 1e-3, 86400.0),
        ("--rover-height", args.rover_height, 0.0, 100.0),
        ("--base-height", args.base_height, 0.0, 100.0),
    ]
    for name, value, low, high in checks:
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise CommandError(f"{name}: {value:g} is outside {low:g}..{high:g}")
    for path in [*args.rover, *args.base]:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")


def _height(given: float | None, files: list[Path]) -> float:
    """The height given, else the RINEX header's ANTENNA: DELTA H (ARP above the marker)."""
    if given is not None:
        return given
    from fieldapp.gnss.obsfiles import ObsFileError, identify

    for path in files:
        try:
            found = identify(path)
        except ObsFileError as exc:
            raise CommandError(str(exc)) from exc
        if found.kind == "rinex-obs" and found.antenna_delta_hen is not None:
            return found.antenna_delta_hen[0]
    return 0.0


def _process_files(args: argparse.Namespace) -> int:
    import tempfile

    from fieldapp.gnss.baseline import DEFAULT_ELEVATION_MASK_DEG, GeodeticPosition, StaticSettings
    from fieldapp.gnss.baseline_text import format_solution, solution_json
    from fieldapp.gnss.rtklib import BaselineError, EngineMissing, process_static
    from fieldapp.gnss.static_rules import check_static_rules

    _check_settings(args)
    base = None
    if args.base_position is not None:
        base = GeodeticPosition(*parse_base_position(args.base_position))
    settings = StaticSettings(
        elevation_mask_deg=DEFAULT_ELEVATION_MASK_DEG if args.mask is None else args.mask,
        interval_s=args.interval,
        rover_antenna_height_m=_height(args.rover_height, args.rover),
        base_antenna_height_m=_height(args.base_height, args.base),
    )
    with tempfile.TemporaryDirectory(prefix="fieldapp-baseline-") as work:
        try:
            solution = process_static(args.rover, args.base, base, settings, work_dir=Path(work))
        except (BaselineError, EngineMissing) as exc:
            raise CommandError(str(exc)) from exc
    verdicts = check_static_rules(solution)
    if args.json:
        print(json.dumps(solution_json(solution, verdicts), ensure_ascii=False))
    else:
        print(format_solution(solution, verdicts))
    return 0
