"""`fieldapp marker inspect|inspections|history`: maintenance visits (pemeliharaan) of markers."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError, open_job
from fieldapp.commands.jobwrite import job_write_errors

if TYPE_CHECKING:
    from fieldapp.store import JobStore
    from fieldapp.store.inspections import CheckMeasurement, Inspection

CONDITIONS = ("baik", "rusak", "tercabut", "hilang", "bergeser")
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail", "vegetasi")
RECORD_BYTES = 256 * 1024


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in ("yes", "ya", "y"):
        return True
    if value in ("no", "tidak", "n"):
        return False
    raise argparse.ArgumentTypeError(f"{text!r}: yes or no")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected YYYY-MM-DD") from None


@contextmanager
def _job(path: str, needed: int = RECORD_BYTES) -> Iterator[JobStore]:
    """Open the job; the store's refusals, a full disk and a busy job become one line."""
    from fieldapp.app.check_shot import CheckShotError
    from fieldapp.store.inspections import InspectionError

    with open_job(path) as job, job_write_errors(job.path, needed, "record the inspection"):
        try:
            yield job
        except (InspectionError, CheckShotError) as exc:
            raise CommandError(str(exc)) from exc
        except LookupError as exc:
            raise CommandError(str(exc.args[0])) from exc


def _photos(args: argparse.Namespace) -> list[tuple[Path, str, None]]:
    files, directions = args.photo or [], args.direction or []
    if len(files) != len(directions):
        raise CommandError(
            f"--photo given {len(files)} times, --direction {len(directions)} times: "
            "give each photo its direction (--photo FILE --direction D)"
        )
    return [(Path(f), d, None) for f, d in zip(files, directions, strict=True)]


def _check(job: JobStore, args: argparse.Namespace) -> CheckMeasurement | None:
    from fieldapp.app.check_shot import gnss_measurement
    from fieldapp.survey.occupation import AntennaHeight, HeightMethod

    if args.check_nmea:
        path = Path(args.check_nmea)
        if not path.is_file():
            raise CommandError(f"--check-nmea {path}: no such capture file")
        antenna = None
        if args.antenna_height is not None:
            try:
                antenna = AntennaHeight(args.antenna_height, HeightMethod.VERTICAL, 0.0, 0.0)
            except ValueError as exc:
                raise CommandError(f"--antenna-height: {exc}") from exc
        return gnss_measurement(path, antenna, args.check_profile)
    if args.check_ts:
        if not args.shot:
            raise CommandError("--check-ts needs --shot ID: the point id of the check shot")
        return _ts_check(job, Path(args.check_ts), args.shot, args.ts_format)
    if args.shot:
        raise CommandError("--shot needs --check-ts FILE")
    return None


def _ts_check(job: JobStore, path: Path, shot: str, fmt: str | None) -> CheckMeasurement:
    """The shot reduced from the file as `fieldapp ts compute` does (its set-up, its backsight)."""
    from fieldapp.app.check_shot import ts_measurement
    from fieldapp.commands.ts import to_events
    from fieldapp.gnss.totalstation.formats import UnknownFormatError, parse_file
    from fieldapp.gnss.totalstation.model import TsFileError
    from fieldapp.operations import job_grid
    from fieldapp.survey.ts_reduce import reduce_events

    try:
        parsed = parse_file(path, fmt)
    except OSError as exc:
        raise CommandError(f"--check-ts {path}: cannot read: {exc.strerror or exc}") from exc
    except (UnknownFormatError, TsFileError) as exc:
        raise CommandError(f"--check-ts {path}: {exc}") from exc
    reduction = reduce_events(to_events(parsed.records))
    found = [p for p in reduction.points if p.point_id == shot]
    if not found:
        lines = {r.line for r in parsed.records if getattr(r, "point_id", None) == shot}
        why = [m for line, m in reduction.messages if line in lines]
        if lines:
            raise CommandError(
                f"--shot {shot}: measured in {path} but not reduced to a coordinate"
                + (f" ({why[0]})" if why else " (no station set-up before it)")
            )
        ids = sorted({p.point_id for p in reduction.points if p.point_id})
        raise CommandError(
            f"--shot {shot}: no such point in {path} (points: {', '.join(ids[:12]) or 'none'})"
        )
    grid = job_grid(job)
    if grid.is_geographic:
        raise CommandError(
            f"{job.path}: the job's CRS is not a grid; a total-station shot needs one"
        )
    p = found[-1]  # shot again: the last one is the one kept
    return ts_measurement(grid, path, shot, p.e, p.n, p.h, p.station_id, p.line)


def cmd_inspect(args: argparse.Namespace) -> int:
    from fieldapp.store.inspections import record_inspection

    photos = _photos(args)
    size = sum(p.stat().st_size for p, _, _ in photos if p.is_file())
    with _job(args.job, RECORD_BYTES + size) as job:
        check = _check(job, args)
        done = record_inspection(
            job, args.name, condition=args.condition, vegetation_cleared=args.vegetation_cleared,
            inspected_on=args.date or dt.date.today(), surveyor=args.surveyor,
            access_condition=args.access, action_taken=args.action, note=args.note,
            photos=photos, check=check,
        )  # fmt: skip
    if args.json:
        from fieldapp.commands.marker_output import dumps

        print(dumps(inspection_json(done)))
        return 0
    print("\n".join(inspection_lines(done)))
    return 0


def inspection_json(i: Inspection) -> dict[str, Any]:
    from dataclasses import asdict

    out = asdict(i)
    out["inspected_on"] = i.inspected_on.isoformat()
    return out


def check_text(i: Inspection) -> str:
    c = i.check
    if c is None:
        return "no check shot"
    dh = "" if c.dh_m is None else f" dH {c.dh_m:+.3f}"
    ok = "within" if c.passed else "OUTSIDE"
    return (
        f"check {c.source}: dN {c.dn_m:+.3f} dE {c.de_m:+.3f}{dh} horizontal "
        f"{c.horizontal_m:.3f} m ({ok} {c.tolerance_m:.2f} m)"
    )


def inspection_lines(i: Inspection) -> list[str]:
    veg = "yes" if i.vegetation_cleared else "no"
    who = f", surveyor {i.surveyor}" if i.surveyor else ""
    lines = [
        f"inspection {i.id} of marker {i.marker} on {i.inspected_on}: {i.condition}, "
        f"vegetation cleared {veg}{who}",
        f"  {check_text(i)}",
    ]
    if i.check is not None:
        lines.append(f"    {i.check.detail}")
    for label, value in (("access", i.access_condition), ("action", i.action_taken),
                         ("note", i.note)):  # fmt: skip
        if value:
            lines.append(f"  {label}: {value}")
    for p in i.photos:
        lines.append(f"  photo {p.direction}: {p.file_name} sha256 {p.sha256}")
    return lines


def cmd_inspections(args: argparse.Namespace) -> int:
    from fieldapp.store.inspections import list_inspections

    with _job(args.job) as job:
        found = list_inspections(job.db, args.name)
    if args.json:
        from fieldapp.commands.marker_output import dumps

        print(dumps([inspection_json(i) for i in found]))
        return 0
    if not found:
        print("no inspections" + (f" of marker {args.name}" if args.name else ""))
    for i in found:
        check = (
            "-"
            if i.check is None
            else f"{i.check.horizontal_m:.3f} m " + ("ok" if i.check.passed else "OUTSIDE")
        )
        print(
            f"{i.inspected_on}  {i.marker:<6} {i.condition:<9} vegetation "
            f"{'yes' if i.vegetation_cleared else 'no ':<3}  check {check:<14} "
            f"photos {len(i.photos)}  {i.surveyor or ''}".rstrip()
        )
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from fieldapp.store.marker_history import marker_history

    with _job(args.job) as job:
        events = marker_history(job.db, args.name)
    if args.json:
        from fieldapp.commands.marker_output import dumps

        print(dumps([asdict(e) for e in events]))
        return 0
    for e in events:
        print(f"{e.at[:19]:<19}  {e.kind:<24} {e.text}")
    return 0


def register_inspect(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "record a maintenance visit (pemeliharaan): condition, vegetation, photos, check shot"
    p = sub.add_parser(
        "inspect",
        help=text,
        description=f"{text[0].upper()}{text[1:]}. The installation record is not changed. "
        "Vegetation cleared = yes needs a photo with --direction vegetasi; a condition other "
        "than baik needs a photo. A check shot is compared with the installed position (the "
        "current stake, or the Tanda Batas Referensi) against the job's stake tolerance; one "
        "without a usable fix (RTK fixed, measured sigma within the job's quality profile, "
        "enough epochs) is refused and nothing is stored.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", help="marker name")
    p.add_argument("--condition", required=True, choices=CONDITIONS)
    p.add_argument("--vegetation-cleared", required=True, type=_yes_no, metavar="yes|no",
                   help="vegetation cleared within 1 m of the monument")  # fmt: skip
    p.add_argument("--photo", action="append", metavar="FILE", help="a photo (repeatable)")
    p.add_argument("--direction", action="append", choices=DIRECTIONS,
                   help="the direction of the --photo in the same position")  # fmt: skip
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--surveyor", help="surveyor name (as added with `surveyor add`)")
    p.add_argument("--access", metavar="TEXT", help="condition of the access")
    p.add_argument("--action", metavar="TEXT", help="what was done (cat ulang, pembersihan ...)")
    p.add_argument("--note", metavar="TEXT")
    check = p.add_mutually_exclusive_group()
    check.add_argument(
        "--check-nmea", metavar="FILE", help="GNSS check shot: an NMEA capture on the monument"
    )
    check.add_argument(
        "--check-ts", metavar="FILE", help="total-station check shot: its file (with --shot)"
    )
    p.add_argument("--shot", metavar="ID", help="point id of the check shot in --check-ts")
    p.add_argument("--ts-format", metavar="FORMAT", help="override the file format detection")
    p.add_argument("--antenna-height", type=float, metavar="M",
                   help="vertical antenna height of the GNSS check shot (for dH)")  # fmt: skip
    p.add_argument(
        "--check-profile", default="rapid", choices=("rapid", "default", "strict"),
        help="occupation gates of the GNSS check shot (default rapid: 10 epochs)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_inspect)

    p = sub.add_parser("inspections", help="the maintenance visits of the job or of one marker")
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", nargs="?", help="marker name (default: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_inspections)

    p = sub.add_parser(
        "history", help="the life of a marker: planned, staked, installed, inspected, reinstalled"
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", help="marker name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)
