"""`fieldapp marker`: add, occupy, stake, describe, photograph and witness markers headless."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from fieldapp.commands.common import CommandError, open_job
from fieldapp.commands.jobwrite import job_write_errors
from fieldapp.commands.marker_inspect import register_inspect
from fieldapp.commands.marker_occupy import register_occupy
from fieldapp.commands.marker_reinstall import register_reinstall

if TYPE_CHECKING:
    from fieldapp.store import JobStore
    from fieldapp.survey.height_cache import HeightCache
    from fieldapp.survey.models import Marker

DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail")
CATEGORIES = (
    "district_village_officer", "neighbour_permit_holder", "other_sector_permit_holder",
    "land_right_holder", "forestry_officer", "other_commodity_permit_holder",
)  # fmt: skip


# A record row is small; what a write needs is mostly the database's journal pages.
RECORD_BYTES = 256 * 1024


@contextmanager
def _job(path: str, what: str = "save the change") -> Iterator[JobStore]:
    """Open the job; lookup and value errors of the records, a full disk and a busy job
    become one-line messages."""
    from fieldapp.store.photos import PhotoError

    with open_job(path) as job, job_write_errors(job.path, RECORD_BYTES, what):
        try:
            yield job
        except PhotoError as exc:
            raise CommandError(str(exc)) from exc
        except LookupError as exc:
            raise CommandError(str(exc.args[0])) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc


def _category(text: str) -> str:
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    if value not in CATEGORIES:
        raise argparse.ArgumentTypeError(
            f"unknown category {text!r} (one of {', '.join(CATEGORIES)})"
        )
    return value


def cmd_list(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker_output import design_json, dumps
    from fieldapp.commands.marker_reinstall import reinstall_state
    from fieldapp.store.installation import load_installation
    from fieldapp.store.records import load_markers
    from fieldapp.store.reinstallations import current_stake

    with _job(args.job) as job:
        markers = load_markers(job.db)
        items = [load_installation(job.db, m.name) for m in markers]
        # After a closed reinstallation the marker stands where it put it.
        stakes = [current_stake(job.db, m.name) for m in markers]
        reinstall = [reinstall_state(job.db, m.name) for m in markers]
        heights = _heights(job)
    if args.json:
        rows = []
        for inst, marker, stake, ri in zip(items, markers, stakes, reinstall, strict=True):
            rows.append({
                "name": inst.marker, "status": inst.status.value,
                "lat": inst.design.lat, "lon": inst.design.lon, "h": inst.design.h,
                **design_json(marker, heights),
                "stake_horizontal_m": stake.delta.horizontal_m if stake else None,
                "stake_passed": stake.delta.passed if stake else None,
                "photos": len(inst.progress.photo_directions), "witnesses": inst.progress.witnesses,
                "missing_photos": [d.value for d in inst.progress.missing_photos],
                "reinstallation": ri,
            })  # fmt: skip
        print(dumps(rows))
        return 0
    for inst, stake, ri in zip(items, stakes, reinstall, strict=True):
        delta = "-" if stake is None else f"{stake.delta.horizontal_m:.3f} m"
        again = "" if ri is None else f"  reinstallation {ri['state']} ({ri['status']})"
        print(
            f"{inst.marker:<6} {inst.status.value:<10} {inst.design.lat:14.9f} "
            f"{inst.design.lon:14.9f}  stake {delta:<9} "
            f"photos {len(inst.progress.photo_directions)}/5"
            f"  witnesses {inst.progress.witnesses}{again}"
        )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from fieldapp.store.marker_names import add_marker, infer_kind
    from fieldapp.survey.installation import is_finite_position
    from fieldapp.survey.models import Marker, MarkerKind

    if not is_finite_position(args.lat, args.lon):
        raise CommandError(f"--lat {args.lat} --lon {args.lon}: not a position in degrees")
    with _job(args.job) as job:
        # The name says the kind (1 corner, 1A infill, 1A-R reference); --kind must agree.
        kind = MarkerKind(args.kind) if args.kind else infer_kind(job.db, args.name)
        seq = job.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM marker").fetchone()[0]
        marker = Marker(args.name, kind or MarkerKind.INFILL, seq, args.lat, args.lon)
        if args.h is not None:
            marker = _given_height(job, marker, args.h, args.height_system)
        add_marker(job.db, marker, "marker add")
    print(f"marker {args.name} added ({marker.kind.value}, planned)")
    return 0


def _given_height(job: JobStore, marker: Marker, value: float, system: str) -> Marker:
    """The marker with its design height as given (H becomes h = H + N with the job's geoid)."""
    from fieldapp.store.design_heights import with_design_height
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.models import HeightSystem

    try:
        return with_design_height(marker, value, HeightSystem(system), job_geoid(job))
    except GeoidError as exc:
        raise CommandError(f"--h {value}: {exc}") from exc


def cmd_design_height(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker_output import design_height_text
    from fieldapp.store.design_heights import set_design_height
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.models import HeightSystem

    with _job(args.job) as job:
        # A geoid that misses the marker (GeoidError, a ValueError) is one line, nothing stored.
        found = set_design_height(
            job.db, args.name, args.h, HeightSystem(args.height_system), job_geoid(job)
        )
    print(f"marker {args.name} design height: {design_height_text(found)}")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    from fieldapp.store.marker_names import rename_marker

    with _job(args.job) as job:
        done = rename_marker(job.db, args.name, args.new_name, "marker rename")
    print(f"marker {done.old} renamed {done.new}")
    if done.in_the_ground:
        print(f"note: the monument is {done.status.value}: paint the new name {done.new} on it")
    return 0


def cmd_stake(args: argparse.Namespace) -> int:
    from fieldapp.store.installation import record_stake
    from fieldapp.survey.installation import StakeSource
    from fieldapp.survey.occupation import Position

    with _job(args.job) as job:
        s = record_stake(
            job.db, args.name, Position(args.lat, args.lon, args.h), StakeSource(args.source),
            occupation_id=args.occupation, ts_shot=args.shot, tolerance_m=args.tolerance,
            surveyor=args.surveyor,
        )  # fmt: skip
    ok = "within" if s.delta.passed else "OUTSIDE"
    dh = "" if s.delta.dh_m is None else f" dH {s.delta.dh_m:+.3f}"
    print(
        f"stake {s.id} of {args.name}: dN {s.delta.dn_m:+.3f} dE {s.delta.de_m:+.3f}{dh} "
        f"horizontal {s.delta.horizontal_m:.3f} m ({ok} {s.delta.tolerance_m:.2f} m)"
    )
    return 0


def cmd_describe(args: argparse.Namespace) -> int:
    from fieldapp.store.installation import set_description
    from fieldapp.survey.installation import Description

    d = Description(
        desa=args.desa, kecamatan=args.kecamatan, kabupaten=args.kabupaten,
        provinsi=args.provinsi, access=args.access, condition=args.condition, notes=args.notes,
        surveyor=args.surveyor,
    )  # fmt: skip
    with _job(args.job) as job:
        set_description(job.db, args.name, d)
    print(f"description of {args.name} saved")
    return 0


def cmd_situation(args: argparse.Namespace) -> int:
    """The flags that require forestry, land-right and other-commodity witnesses."""
    from dataclasses import replace

    from fieldapp.store.witness_needs import load_witness_needs, set_witness_needs

    with _job(args.job) as job:
        stored = needs = load_witness_needs(job.db, args.name)
        if args.forest_area is not None:
            needs = replace(needs, forest_area=args.forest_area)
        if args.private_land is not None:
            needs = replace(needs, private_land=args.private_land)
        if args.other_commodity is not None:
            needs = replace(needs, other_commodity_holder=args.other_commodity or None)
        if needs != stored:  # without options it only shows the flags
            needs = set_witness_needs(job.db, args.name, needs)
    print(f"{args.name}: forest area {'yes' if needs.forest_area else 'no'}, private land "
          f"{'yes' if needs.private_land else 'no'}, other-commodity permit holder "
          f"{needs.other_commodity_holder or '-'}")  # fmt: skip
    return 0


def cmd_photo(args: argparse.Namespace) -> int:
    from fieldapp.store.photos import import_photo

    with _job(args.job) as job:
        p = import_photo(job, args.name, args.file, args.direction, args.caption)
    where = "" if p.exif_lat is None else f", EXIF position {p.exif_lat:.7f} {p.exif_lon:.7f}"
    print(f"photo {p.id} ({p.direction.value}) stored as photos/{p.file_name}{where}")
    print(f"sha256 {p.sha256}")
    return 0


def cmd_witness(args: argparse.Namespace) -> int:
    from fieldapp.store.installation import add_witness
    from fieldapp.survey.installation import WitnessCategory

    with _job(args.job, "record the witness") as job:
        w = add_witness(job.db, args.name, args.witness_name, args.institution,
                        WitnessCategory(args.category))  # fmt: skip
    print(f"witness {w.id} {w.name} ({w.institution}, {w.category.value}) recorded")
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    from fieldapp.store.installation import record_reference
    from fieldapp.store.marker_names import reference_names
    from fieldapp.survey.occupation import Position

    with _job(args.job) as job:
        r = record_reference(job.db, args.name, Position(args.lat, args.lon, args.h), args.note,
                             args.surveyor)  # fmt: skip
        name = reference_names(job.db, args.name)[r.id]
    g = r.geometry
    ground = "" if g.ground_distance_m is None else f", ground {g.ground_distance_m:.3f} m"
    print(
        f"reference marker {name} (record {r.id}) of {args.name}: to the true point azimuth "
        f"{g.azimuth_deg:.4f} deg, distance {g.distance_m:.3f} m{ground}"
    )
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from fieldapp.store.installation import withdraw

    table = {"reference": "reference_marker"}.get(args.kind, args.kind)
    with _job(args.job) as job:
        withdraw(job.db, table, args.id, args.reason)
    print(f"{args.kind} {args.id} withdrawn")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker_output import dumps, installation_json, installation_text
    from fieldapp.commands.marker_reinstall import reinstallations_json, reinstallations_text
    from fieldapp.store.installation import load_installation
    from fieldapp.store.records import load_marker

    with _job(args.job) as job:
        inst = load_installation(job.db, args.name)
        marker = load_marker(job.db, args.name)
        heights = _heights(job)
        # The original installation first, unchanged; then each reinstallation's own records.
        if args.json:
            data = installation_json(inst, marker, heights)
            data["reinstallations"] = reinstallations_json(job.db, marker, heights)
            print(dumps(data))
        else:
            print(installation_text(inst, marker, heights))
            for block in reinstallations_text(job.db, marker, heights):
                print(block)
    return 0


def _heights(job: JobStore) -> HeightCache:
    """The job's geoid for H beside every h printed (one line naming the grid if it is gone)."""
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.height_cache import HeightCache

    try:
        return HeightCache(job_geoid(job))
    except GeoidError as exc:
        raise CommandError(str(exc)) from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("marker", help="record marker installations (headless)")
    msub = parser.add_subparsers(dest="marker_command", metavar="SUBCOMMAND", required=True)

    def cmd(name: str, handler: Callable[[argparse.Namespace], int], help_: str,
            marker: bool = True) -> argparse.ArgumentParser:  # fmt: skip
        p = msub.add_parser(name, help=help_, description=help_)
        p.add_argument("job", metavar="JOB")
        if marker:
            p.add_argument("name", metavar="NAME", help="marker name")
        p.set_defaults(handler=handler)
        return p

    def position(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lat", type=float, required=True, help="latitude, decimal degrees")
        p.add_argument("--lon", type=float, required=True, help="longitude, decimal degrees")
        p.add_argument("--h", type=float, help="ellipsoidal height, m")

    p = cmd("list", cmd_list, "markers with status, stake delta, photos and witnesses", False)
    p.add_argument("--json", action="store_true")

    def height_system(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--height-system", choices=("ellipsoidal", "orthometric"), default="ellipsoidal",
            help="how --h is given: ellipsoidal h, or orthometric H above the job's geoid "
            "(stored as given; the design keeps h = H + N, recomputed if the geoid changes)",
        )  # fmt: skip

    p = cmd("add", cmd_add, "add an ad-hoc marker at a design position")
    p.add_argument("--lat", type=float, required=True, help="latitude, decimal degrees")
    p.add_argument("--lon", type=float, required=True, help="longitude, decimal degrees")
    p.add_argument("--h", type=float, help="design height, m (see --height-system)")
    height_system(p)
    p.add_argument(
        "--kind",
        choices=("corner", "infill", "reference"),
        help="default: what the name says by the SK rule (1 corner, 1A infill, 1A-R reference)",
    )
    p = cmd("design-height", cmd_design_height, "give a marker its design height")
    p.add_argument("--h", type=float, required=True, help="design height, m")
    height_system(p)
    p = cmd("rename", cmd_rename, "rename a marker by the SK rule (the change is logged)")
    p.add_argument("new_name", metavar="NEW", help="new marker name")
    register_occupy(msub)
    register_reinstall(msub)
    p = cmd("stake", cmd_stake, "record a staked position (e.g. a total-station shot)")
    position(p)
    p.add_argument("--source", choices=("ts", "gnss"), default="ts")
    p.add_argument("--shot", help="total-station shot reference (file:line or point id)")
    p.add_argument("--occupation", type=int, help="occupation id (required for --source gnss)")
    p.add_argument("--tolerance", type=float, default=0.10, metavar="M")
    p.add_argument("--surveyor")
    p = cmd("describe", cmd_describe, "write the marker description (deskripsi)")
    for field in ("desa", "kecamatan", "kabupaten", "provinsi", "access", "condition", "notes"):
        p.add_argument(f"--{field}")
    p.add_argument("--surveyor")
    p = cmd(
        "situation",
        cmd_situation,
        "where the marker stands, for the witnesses the berita acara requires",
    )
    flag = argparse.BooleanOptionalAction
    p.add_argument("--forest-area", action=flag, help="in a forest area: a forestry officer")
    p.add_argument("--private-land", action=flag, help="on private land: the land-right holder")
    p.add_argument(
        "--other-commodity",
        metavar="HOLDER",
        help="another commodity's permit holder over the marker ('' clears)",
    )
    p = cmd("photo", cmd_photo, "import a photo unchanged (SHA-256 and EXIF are recorded)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--direction", required=True, choices=DIRECTIONS)
    p.add_argument("--caption")
    p = cmd("witness", cmd_witness, "record a witness (saksi)")
    p.add_argument("--name", dest="witness_name", required=True)
    p.add_argument("--institution", required=True)
    p.add_argument("--category", required=True, type=_category, help=", ".join(CATEGORIES))
    p = cmd("reference", cmd_reference, "record a reference marker (Tanda Batas Referensi)")
    position(p)
    p.add_argument("--note")
    p.add_argument("--surveyor")
    p = cmd("withdraw", cmd_withdraw, "withdraw a record (kept, marked, logged)", False)
    p.add_argument("kind", choices=("stake", "reference", "photo", "witness"))
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p = cmd("show", cmd_show, "everything recorded about one marker")
    p.add_argument("--json", action="store_true")
    register_inspect(msub)
