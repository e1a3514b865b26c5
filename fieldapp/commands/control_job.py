"""`fieldapp control session|process|accept|history`: static sessions and baselines in a job."""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError, open_job

if TYPE_CHECKING:
    from fieldapp.gnss.baseline import GeodeticPosition
    from fieldapp.store.baselines import StoredBaseline
    from fieldapp.store.gnss_sessions import StaticSession
    from fieldapp.survey.height_cache import HeightCache

HEIGHT_REFERENCES = ("ARP", "bottom-of-mount", "notch", "phase-centre")


def _height_line(s: StaticSession) -> str | None:
    """The warning for before/after antenna heights further apart than 697/1996 allows."""
    from fieldapp.store.gnss_sessions import HEIGHT_TOLERANCE_M

    if not s.heights_disagree:
        return None
    return (
        f"WARNING: antenna height before {s.height_before_m:.3f} m and after"
        f" {s.height_after_m:.3f} m differ by {abs(s.height_difference_m) * 1000:.0f} mm"
        f" (more than {HEIGHT_TOLERANCE_M * 1000:.0f} mm): the antenna may have moved;"
        " check the set-up and the readings"
    )


def _describe(s: StaticSession) -> list[str]:
    kind = f" [{s.point_kind}]" if s.point_kind else ""
    lines = [f"session {s.id}: {s.point}{kind} ({s.role})"]
    gear = ", ".join(
        x
        for x in (
            s.receiver_model,
            f"serial {s.receiver_serial}" if s.receiver_serial else None,
            f"antenna {s.antenna_model}" if s.antenna_model else None,
        )
        if x
    )
    if gear:
        lines.append(f"  equipment: {gear}")
    span = f"{s.started or '?'} .. {s.ended or '?'} GPST"
    interval = f"{s.interval_s:g} s" if s.interval_s else "interval unknown"
    lines.append(f"  observed: {span}, {interval}, {s.epochs or 0} epochs")
    lines.append(
        f"  antenna height ({s.height_method}, to {s.height_reference}): before"
        f" {s.height_before_m:.3f} m, after {s.height_after_m:.3f} m,"
        f" used {s.antenna_height_m:.4f} m vertical"
    )
    lines.extend(f"  {f.path} ({f.kind}, {f.bytes} bytes, sha256 {f.sha256[:12]})" for f in s.files)
    if s.note:
        lines.append(f"  note: {s.note}")
    warning = _height_line(s)
    if warning:
        lines.append(warning)
    return lines


def cmd_session_add(args: argparse.Namespace) -> int:
    from fieldapp.store.durable import DiskFullError
    from fieldapp.store.gnss_sessions import SessionError, StaticSession, add_session, load_session
    from fieldapp.store.joblock import JobBusyError

    draft = StaticSession(
        point=args.point,
        point_kind=args.kind,
        role=args.role,
        height_before_m=args.antenna_height_before,
        height_after_m=args.antenna_height_after,
        height_method=args.method,
        height_reference=args.height_reference,
        antenna_radius_m=args.antenna_radius,
        receiver_model=args.receiver,
        receiver_serial=args.serial,
        antenna_model=args.antenna,
        elevation_mask_deg=args.mask,
        note=args.note,
    )
    with open_job(args.job) as store:
        try:
            session_id = add_session(store, draft, args.files)
        except (SessionError, DiskFullError, JobBusyError) as exc:
            raise CommandError(f"{exc}; nothing stored") from exc
        session = load_session(store.db, session_id)
    print("\n".join(_describe(session)))
    return 0


def cmd_session_list(args: argparse.Namespace) -> int:
    from fieldapp.store.gnss_sessions import load_sessions

    with open_job(args.job) as store:
        sessions = load_sessions(store.db)
    if args.json:
        rows = [
            {
                **asdict(s),
                "antenna_height_m": s.antenna_height_m,
                "heights_disagree": s.heights_disagree,
            }
            for s in sessions
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not sessions:
        print("no static sessions in this job")
    for s in sessions:
        print("\n".join(_describe(s)))
    return 0


def cmd_session_show(args: argparse.Namespace) -> int:
    from fieldapp.store.gnss_sessions import load_session

    with open_job(args.job) as store:
        try:
            session = load_session(store.db, args.session)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
    print("\n".join(_describe(session)))
    return 0


def parse_position(text: str) -> GeodeticPosition:
    """``"LAT LON H"`` (spaces or commas between): decimal degrees and ellipsoidal metres."""
    from fieldapp.gnss.baseline import GeodeticPosition

    parts = text.replace(",", " ").split()
    try:
        lat, lon, h = (float(p) for p in parts)
    except ValueError:
        raise CommandError(
            f'--base-position {text!r}: expected "LAT LON H" (decimal degrees and ellipsoidal'
            ' metres, e.g. "-0.5213 117.1471 96.41")'
        ) from None
    if not (all(math.isfinite(v) for v in (lat, lon, h)) and -90 <= lat <= 90
            and -180 <= lon <= 180 and -500 <= h <= 9000):  # fmt: skip
        raise CommandError(f"--base-position {text!r}: latitude, longitude or height out of range")
    return GeodeticPosition(lat, lon, h)


def _solution_json(b: StoredBaseline) -> dict[str, Any]:
    from fieldapp.gnss.baseline_text import solution_json

    data = dict(solution_json(b.solution, b.verdicts))
    s = b.solution
    # The command-line contract's figures, whatever else the engine's rendering carries.
    for key, value in (
        ("lat", s.position.lat), ("lon", s.position.lon), ("h", s.position.h),
        ("fix", s.fix.value), ("ratio", s.ratio), ("sigma_e", s.sigma_e_m),
        ("sigma_n", s.sigma_n_m), ("sigma_u", s.sigma_u_m), ("baseline_m", s.baseline_m),
        ("duration_s", s.duration_s), ("epochs", s.epochs),
        ("rules", [asdict(v) for v in b.verdicts]),
    ):  # fmt: skip
        data.setdefault(key, value)
    data.update(
        baseline_id=b.id, status=b.status, rover_point=b.rover_point, base_point=b.base_point,
        rover_session=b.rover_session_id, base_session=b.base_session_id,
        rules_passed=b.rules_passed,
    )  # fmt: skip
    return data


def cmd_process(args: argparse.Namespace) -> int:
    from fieldapp.app.control import ControlSurveyError, MissingBasePosition, process_baseline
    from fieldapp.gnss.baseline_text import format_solution
    from fieldapp.gnss.rtklib import BaselineError, EngineMissing, ProcessingCancelled

    position = parse_position(args.base_position) if args.base_position else None
    with open_job(args.job) as store:
        heights = _heights(store)
        try:
            b = process_baseline(store, args.rover, args.base, position)
        except MissingBasePosition as exc:
            raise CommandError(f'{exc} (--base-position "LAT LON H")') from exc
        except (ControlSurveyError, BaselineError, EngineMissing) as exc:
            raise CommandError(f"{exc}; nothing stored") from exc
        except ProcessingCancelled as exc:
            raise CommandError("processing cancelled; nothing stored", 130) from exc
    p = b.solution.position
    hs = None if heights is None else heights.heights(p.lat, p.lon, p.h)
    if args.json:
        data = _solution_json(b)
        data.update(H=None if hs is None else hs.orthometric,
                    geoid=None if heights is None else heights.name)  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"baseline {b.id}: {b.rover_point} (session {b.rover_session_id}) from"
          f" {b.base_point} (session {b.base_session_id})")  # fmt: skip
    print(format_solution(b.solution, b.verdicts))
    if hs is not None:
        print(f"rover H {hs.orthometric:.4f} m (orthometric, h - N) [{hs.geoid}]")
    if b.rules_passed:
        print(f"stored as new; put it into control with `fieldapp control accept JOB {b.id}`")
    else:
        failed = ", ".join(v.rule for v in b.failed_rules)
        print(
            f"stored as new; it fails {failed}: accepting it needs"
            f' `fieldapp control accept JOB {b.id} --override "reason"`'
        )
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from fieldapp.app.control import ControlSurveyError, accept_baseline
    from fieldapp.store.baselines import BaselineRefused

    with open_job(args.job) as store:
        heights = _heights(store)
        try:
            point = accept_baseline(store, args.baseline, args.override)
        except BaselineRefused as exc:
            hint = "" if args.override else ' (--override "reason")'
            raise CommandError(f"{exc}{hint}") from exc
        except ControlSurveyError as exc:
            raise CommandError(str(exc)) from exc
    print(
        f"{point.kind.value} {point.name}: {point.lat:.9f} {point.lon:.9f} h {point.h:.4f} m"
        f"{_orthometric(heights, point.lat, point.lon, point.h)}, tied to {point.tied_to},"
        f" sigma H {point.sigma_h} m V {point.sigma_v} m"
    )
    print(f"  source: {point.source}")
    if args.override:
        print(f"  accepted with override: {args.override.strip()}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from fieldapp.store.baselines import load_control_history

    with open_job(args.job) as store:
        history = load_control_history(store.db, args.point)
        heights = _heights(store)
    if not history:
        raise CommandError(f"{args.point}: no such control point in the job")
    for r in history:
        p = r.point
        h = "h ?" if p.h is None else f"h {p.h:.4f} m{_orthometric(heights, p.lat, p.lon, p.h)}"
        came = p.source or (f"baseline {r.baseline_id}" if r.baseline_id else "office/import")
        state = (
            "current"
            if r.replaced_at is None
            else f"replaced {r.replaced_at} by baseline {r.replaced_by_baseline_id}"
        )
        print(
            f"{p.kind.value} {p.name}: {p.lat:.9f} {p.lon:.9f} {h}, tied to {p.tied_to or '-'},"
            f" sigma H {p.sigma_h if p.sigma_h is not None else '?'} m, from {came}: {state}"
        )
    return 0


def _heights(store: Any) -> HeightCache | None:
    """The job's geoid for H beside h; None (h alone) when its grid file is gone."""
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.height_cache import HeightCache

    try:
        return HeightCache(job_geoid(store))
    except GeoidError:
        return None


def _orthometric(heights: HeightCache | None, lat: float, lon: float, h: float | None) -> str:
    hs = None if heights is None else heights.heights(lat, lon, h)
    return "" if hs is None else f" H {hs.orthometric:.4f} m [{hs.geoid}]"


def register(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the job's subcommands to the `control` group."""
    session = group.add_parser("session", help="static GNSS sessions of a job")
    ssub = session.add_subparsers(dest="session_command", metavar="SUBCOMMAND", required=True)
    add = ssub.add_parser(
        "add",
        help="add a static session with its raw or RINEX files (copied into the job)",
        description="Identify the files (UBX, RTCM3, RINEX obs/nav), copy them durably into"
        " the job's raw/ folder and record the session; a truncated or non-GNSS file refuses"
        " the whole session.",
    )
    add.add_argument("job", metavar="JOB")
    add.add_argument("--point", required=True, help="the point occupied (BM, Titik Bantu, JKHN)")
    add.add_argument("--role", required=True, choices=("base", "rover", "reference"))
    add.add_argument(
        "--kind",
        choices=("BM", "TITIK_BANTU", "JKHN"),
        help="what the point is (default: BM if tied to JKHN, else Titik Bantu)",
    )
    add.add_argument("--antenna-height-before", type=float, required=True, metavar="M")
    add.add_argument("--antenna-height-after", type=float, required=True, metavar="M")
    add.add_argument("--method", choices=("vertical", "slant"), default="vertical")
    add.add_argument("--antenna-radius", type=float, metavar="M",
                     help="for a slant height: antenna centre to the measuring point")  # fmt: skip
    add.add_argument("--height-reference", default="ARP", choices=HEIGHT_REFERENCES)
    add.add_argument("--antenna", metavar="MODEL")
    add.add_argument("--receiver", metavar="MODEL")
    add.add_argument("--serial", metavar="S")
    add.add_argument("--mask", type=float, metavar="DEG", help="the receiver's logging mask")
    add.add_argument("--note")
    add.add_argument("files", nargs="+", metavar="RAWFILE")
    add.set_defaults(handler=cmd_session_add)
    ls = ssub.add_parser("list", help="list the job's static sessions")
    ls.add_argument("job", metavar="JOB")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_session_list)
    show = ssub.add_parser("show", help="one static session")
    show.add_argument("job", metavar="JOB")
    show.add_argument("session", type=int, metavar="ID")
    show.set_defaults(handler=cmd_session_show)

    proc = group.add_parser(
        "process",
        help="process a rover/base baseline with RTKLIB and check the 697/1996 rules",
        description="Process the rover point's and the base point's latest sessions; the"
        " baseline is stored as new (not yet in control).",
    )
    proc.add_argument("job", metavar="JOB")
    proc.add_argument("--rover", required=True, metavar="POINT")
    proc.add_argument("--base", required=True, metavar="POINT")
    proc.add_argument(
        "--base-position",
        metavar='"LAT LON H"',
        help="the base mark, SRGI2013 (default: its control point)",
    )
    proc.add_argument("--json", action="store_true")
    proc.set_defaults(handler=cmd_process)

    acc = group.add_parser("accept", help="put a baseline's rover position into control")
    acc.add_argument("job", metavar="JOB")
    acc.add_argument("baseline", type=int, metavar="BASELINE_ID")
    acc.add_argument("--override", metavar='"reason"',
                     help="accept although a rule fails; the reason is recorded")  # fmt: skip
    acc.set_defaults(handler=cmd_accept)

    hist = group.add_parser("history", help="every coordinate a control point has had")
    hist.add_argument("job", metavar="JOB")
    hist.add_argument("point", metavar="POINT")
    hist.set_defaults(handler=cmd_history)
