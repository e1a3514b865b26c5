"""`fieldapp marker occupy`: run an occupation of a marker from a recorded capture and store it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

from fieldapp.commands.common import CommandError, open_job
from fieldapp.commands.jobwrite import job_write_errors
from fieldapp.gnss.fix import Fix, SigmaSource

# Epochs per transaction. The capture is copied into raw/ before the first epoch, so a crash
# loses nothing that cannot be replayed; a commit (an fsync) every 10 epochs made a 4-hour
# 10 Hz capture spend most of its time waiting for the disk.
COMMIT_EVERY = 1000


def _time(text: str | None) -> tuple[dt.time | None, dt.date | None]:
    if not text:
        return None, None
    if "T" in text:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return stamp.time(), stamp.date()
    return dt.time.fromisoformat(text), None


def fixes_from_jsonl(path: Path) -> Iterator[Fix]:
    """Epochs in the `fieldapp gnss replay --jsonl` format (one object per line)."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                r = json.loads(line)
                tod, date = _time(r.get("time"))
                src = r.get("sigma_source")
                # A NaN or 1e308 is not refused here: the epoch is kept and the occupation's
                # gates reject it as implausible, counted with the rest, as for NMEA sentences.
                yield Fix(
                    time_of_day=tod, date=date, lat=r.get("lat"), lon=r.get("lon"),
                    height=r.get("height"), alt_msl=r.get("alt_msl"), quality=r.get("quality"),
                    sats_used=r.get("sats_used"), hdop=r.get("hdop"), pdop=r.get("pdop"),
                    sigma_lat=r.get("sigma_lat"), sigma_lon=r.get("sigma_lon"),
                    sigma_alt=r.get("sigma_alt"), sigma_source=SigmaSource(src) if src else None,
                )  # fmt: skip
            except (ValueError, TypeError, AttributeError) as exc:
                raise CommandError(f"{path}:{n}: not an epoch record ({exc})") from exc


def fixes_from_capture(path: Path) -> Iterator[Fix]:
    """Epochs from a raw NMEA capture through the same stream the live reader uses."""
    from fieldapp.gnss.capture import CaptureError, replay_file

    try:
        # In chunks, never the whole file in memory: static sessions run for hours.
        yield from replay_file(path)
    except CaptureError as exc:
        raise CommandError(f"{path}: {exc}") from exc


def cmd_occupy(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker_output import dumps, occupation_json, occupation_lines
    from fieldapp.store.base_point import AmbiguousBase, find_base_point
    from fieldapp.store.equipment import find_equipment
    from fieldapp.store.installation import record_stake_from_occupation
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.store.occupations import (
        OccupationRecorder,
        begin_occupation,
        check_antenna_after,
    )
    from fieldapp.store.rawfiles import begin_with_raw
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.height_cache import HeightCache
    from fieldapp.survey.occupation import AntennaHeight, HeightMethod, profile_named

    replay = Path(args.replay)
    if not replay.is_file():
        raise CommandError(f"{replay}: no such capture file")
    try:
        profile = profile_named(args.profile)
        antenna = None
        if args.antenna_height is not None:
            method = HeightMethod.SLANT if args.slant else HeightMethod.VERTICAL
            antenna = AntennaHeight(args.antenna_height, method, args.antenna_radius, args.pco)
        if args.antenna_height_after is not None and antenna is None:
            raise ValueError("--antenna-height-after needs --antenna-height (the before value)")
        check_antenna_after(args.antenna_height_after)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    size = replay.stat().st_size
    kept = "; the epochs stored so far are kept: `fieldapp marker recover` finishes the occupation"
    with open_job(args.job) as job:
        try:
            heights = HeightCache(job_geoid(job))
        except GeoidError as exc:
            raise CommandError(str(exc)) from exc
        try:
            equipment_id = find_equipment(job.db, args.instrument) if args.instrument else None
            # Before the capture is copied: an ambiguous base stores nothing.
            find_base_point(job.db, args.base)
        except (LookupError, AmbiguousBase) as exc:
            raise CommandError(str(exc.args[0])) from exc
        # The capture is evidence: keep a copy in the job's raw/ folder next to the result,
        # on disk before the row that names it. The token keeps two occupations started in
        # the same second from one capture name apart.
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        raw_name = f"occupation-{stamp}-{uuid.uuid4().hex[:6]}-{replay.name}"

        def begin(raw_log: str) -> OccupationRecorder:
            return begin_occupation(
                job.db, args.name, profile, antenna, device=args.device,
                source=f"replay:{replay.name}", raw_log=raw_log,
                surveyor=args.surveyor, batch=COMMIT_EVERY, base_station=args.base,
                equipment_id=equipment_id,
            )  # fmt: skip

        with job_write_errors(job.path, 2 * size, "record the occupation"):
            try:
                recorder = begin_with_raw(job, replay, raw_name, begin)
            except LookupError as exc:
                raise CommandError(str(exc.args[0])) from exc
        with job_write_errors(job.path, 2 * size, "record the occupation", kept):
            reader = fixes_from_jsonl if replay.suffix.lower() == ".jsonl" else fixes_from_capture
            for fix in reader(replay):
                recorder.add(fix)
            record = recorder.finish(antenna, args.antenna_height_after)
            stake = None
            if record.result is not None and record.result.passed and not args.no_stake:
                stake = record_stake_from_occupation(job.db, record.id, args.tolerance)
    if args.json:
        print(dumps({"occupation": occupation_json(record, heights), "stake": stake}))
    else:
        print(f"marker {args.name}")
        print("\n".join(occupation_lines(record, heights)))
        if stake is not None:
            ok = "within" if stake.delta.passed else "OUTSIDE"
            print(
                f"  stake {stake.id}  delta to design {stake.delta.horizontal_m:.3f} m "
                f"({ok} {stake.delta.tolerance_m:.2f} m)"
            )
    return 0 if record.result is not None and record.result.passed else 1


def cmd_recover(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker_output import occupation_lines
    from fieldapp.store.occupations import incomplete_occupations, recover_occupation

    with open_job(args.job) as job:
        pending = incomplete_occupations(job.db)
        if args.id is None:
            for o in pending:
                print(f"marker {o.marker}: " + "\n".join(occupation_lines(o)))
            if not pending:
                print("no incomplete occupations")
            return 0
        try:
            record = recover_occupation(job.db, args.id)
        except (LookupError, ValueError) as exc:
            raise CommandError(str(exc.args[0])) from exc
    print(f"marker {record.marker}")
    print("\n".join(occupation_lines(record)))
    return 0


def register_occupy(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "occupy",
        help="occupy a marker from a recorded capture (NMEA, or `gnss replay --jsonl` output)",
        description="Average the epochs of a capture with the quality gates of a profile; "
        "every epoch is stored. A passed occupation becomes the marker's staked position "
        "unless --no-stake. Exit 1 when the occupation fails its profile.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", help="marker name")
    p.add_argument("--replay", required=True, metavar="FILE", help="capture file (.jsonl or NMEA)")
    p.add_argument("--antenna-height", type=float, metavar="M", help="measured antenna height")
    p.add_argument("--antenna-height-after", type=float, metavar="M",
                   help="antenna height measured again after the session (same method); "
                   "a difference over 5 mm is flagged in the documents")  # fmt: skip
    p.add_argument("--slant", action="store_true", help="the antenna height is a slant height")
    p.add_argument("--antenna-radius", type=float, default=0.0, metavar="M",
                   help="antenna radius for a slant height")  # fmt: skip
    p.add_argument("--pco", type=float, default=0.0, metavar="M",
                   help="phase-centre offset above the antenna reference point")  # fmt: skip
    p.add_argument("--profile", default="default", help="gate profile: default, rapid, strict")
    p.add_argument("--tolerance", type=float, default=0.10, metavar="M",
                   help="stake tolerance against the design position (default 0.10 m)")  # fmt: skip
    p.add_argument("--device", help="receiver name for the record")
    p.add_argument("--base", metavar="NAME",
                   help="base station, benchmark or NTRIP mountpoint; a control point of "
                   "the job (BM, Titik Bantu, JKHN) is kept with its coordinate now")  # fmt: skip
    p.add_argument("--instrument", metavar="SERIAL",
                   help="receiver serial (as added with `equipment add`)")  # fmt: skip
    p.add_argument("--surveyor", help="surveyor name (as added with `surveyor add`)")
    p.add_argument("--no-stake", action="store_true", help="only check; do not record a stake")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_occupy)
    r = sub.add_parser(
        "recover",
        help="list occupations left incomplete, or finish one from the epochs on disk",
        description="An occupation interrupted (app closed, crash) keeps its epochs. Without "
        "ID: list them. With ID: run the gates again over the stored epochs and finish it.",
    )
    r.add_argument("job", metavar="JOB")
    r.add_argument("id", type=int, nargs="?", metavar="ID", help="occupation id to finish")
    r.set_defaults(handler=cmd_recover)
