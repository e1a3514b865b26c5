"""`fieldapp stakeout JOB --target NAME`: guidance to a marker, one line per GNSS epoch."""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.commands.common import CommandError, open_job

if TYPE_CHECKING:
    from fieldapp.gnss.fix import Fix
    from fieldapp.survey.crs import GridSpec
    from fieldapp.survey.height_cache import HeightCache
    from fieldapp.survey.stakeout import GridPosition, Guidance, StakeTarget

NEAREST = "nearest"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "stakeout",
        help="guide the GNSS pole to a marker: distance, direction, dN/dE, tolerance",
        description=(
            "Stake out a marker of the job with GNSS: one line per epoch with the ground "
            "distance, true azimuth, dN/dE on the job grid, forward/right along the direction "
            "of travel, dH and the tolerance state: far, near (< 3 m), quality (inside the "
            "tolerance but the fix or the measured sigma cannot prove it: the job's quality "
            "profile, see `fieldapp job quality`) or within."
        ),
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument(
        "--target",
        required=True,
        metavar="NAME",
        help=f"marker name, or '{NEAREST}' for the nearest marker not yet staked",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--replay", metavar="FILE", help="a recorded receiver capture (NMEA)")
    src.add_argument(
        "--port", metavar="PORT", help="serial port of the receiver (COM5, /dev/ttyUSB0)"
    )
    p.add_argument("--baud", type=int, help="serial speed (default: the receiver default)")
    p.add_argument(
        "--duration", type=float, metavar="S", help="stop a live session after S seconds"
    )
    p.add_argument(
        "--tolerance", type=float, metavar="M", help="override the job profile's tolerance"
    )
    p.add_argument("--jsonl", action="store_true", help="one JSON object per epoch")
    p.set_defaults(handler=_stakeout)


def _stakeout(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from fieldapp.operations import job_grid
    from fieldapp.store import records as rec
    from fieldapp.store.quality import load_quality_profile
    from fieldapp.survey.stake_quality import QualityProfileError
    from fieldapp.survey.stakeout import targets_from_markers

    with open_job(args.job) as store:
        grid = job_grid(store)
        markers = rec.load_markers(store.db)
        targets = targets_from_markers(markers)
        profile = load_quality_profile(store.db)
        args.heights = _heights(store)
    args.systems = {m.name: m.h_system.value for m in markers}
    if args.tolerance is not None:
        try:
            profile = replace(profile, tolerance_m=args.tolerance)
        except QualityProfileError as exc:
            raise CommandError(f"--tolerance: {exc}") from exc
    args.profile = profile
    if grid.is_geographic:
        raise CommandError(f"{args.job}: the job's CRS is not a grid")
    if not targets:
        raise CommandError(f"{args.job}: no markers; run `fieldapp job plan JOB --apply` first")
    if args.target != NEAREST and args.target not in {t.name for t in targets}:
        names = ", ".join(t.name for t in targets[:12])
        raise CommandError(f"no marker named {args.target!r} in this job (markers: {names} …)")
    fixes = _replay_fixes(args.replay) if args.replay else _live_fixes(args)
    try:
        _guide(grid, targets, args, fixes, sys.stdout)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except KeyboardInterrupt:
        print("stopped (Ctrl-C)", file=sys.stderr)
    return 0


def _replay_fixes(path: str) -> list[Fix]:
    from fieldapp.gnss.capture import CaptureError, replay_file

    try:
        # Read in chunks: a capture of any size costs its epochs, not its bytes twice over.
        return list(replay_file(path))
    except CaptureError as exc:
        raise CommandError(f"{path}: {exc}") from exc


def _live_fixes(args: argparse.Namespace) -> Iterator[Fix]:
    from fieldapp.gnss.fix import Fix
    from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
    from fieldapp.gnss.sources import DEFAULT_BAUD, SerialSource

    try:
        source = SerialSource(args.port, args.baud or DEFAULT_BAUD)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    # The link reads in its own thread; this generator only hands on what the queue brings.
    events: queue.Queue[Fix | LinkStatus] = queue.Queue()
    link = GnssLink(source, events.put, events.put)
    deadline = None if args.duration is None else time.monotonic() + args.duration
    link.start()
    try:
        while deadline is None or time.monotonic() < deadline:
            try:
                event = events.get(timeout=0.2)
            except queue.Empty:
                if not link.is_running:
                    return
                continue
            if isinstance(event, Fix):
                yield event
            else:
                print(f"link {event.state.value}: {event.reason}", file=sys.stderr, flush=True)
                if event.state == LinkState.STOPPED:
                    return
    finally:
        link.stop(timeout=3.0)


def _guide(
    grid: GridSpec,
    targets: list[StakeTarget],
    args: argparse.Namespace,
    fixes: Iterable[Fix],
    out: TextIO,
) -> None:
    from fieldapp.survey.stake_quality import fix_name
    from fieldapp.survey.stakeout import (
        PositionQuality,
        StakeoutError,
        TravelHeading,
        guidance,
        nearest_unstaked,
        position_from_fix,
    )

    by_name = {t.name: t for t in targets}
    track = TravelHeading()
    for fix in fixes:
        when = fix.time_of_day.strftime("%H:%M:%S") + "Z" if fix.time_of_day else "--:--:--"
        if not fix.has_position:
            # No position, no tolerance state: said as such, never as a distance.
            line: Any = (
                {"time": when, "position": None, "state": None, "quality": fix.quality,
                 "fix": fix_name(fix.quality), "quality_ok": False,
                 "quality_reason": "no position"}
                if args.jsonl
                else f"{when}  no position [{fix_name(fix.quality)}]"
            )  # fmt: skip
            print(json.dumps(line) if args.jsonl else line, file=out, flush=True)
            continue
        try:
            pos = position_from_fix(grid, fix)
        except StakeoutError as exc:
            # A NaN or absurd position from the receiver: no tolerance state, like no position.
            line = (
                {"time": when, "position": None, "state": None, "quality": fix.quality,
                 "fix": fix_name(fix.quality), "quality_ok": False, "quality_reason": str(exc)}
                if args.jsonl
                else f"{when}  no plausible position [{fix_name(fix.quality)}]"
            )  # fmt: skip
            print(json.dumps(line) if args.jsonl else line, file=out, flush=True)
            continue
        heading = track.update(pos)
        if args.target == NEAREST:
            near = nearest_unstaked(grid, pos, targets)
            if near is None:
                print(f"{when}  every marker is staked", file=out, flush=True)
                continue
            target = by_name[near.name]
        else:
            target = by_name[args.target]
        g = guidance(grid, pos, target, heading_deg=heading, profile=args.profile,
                     position_quality=PositionQuality.from_fix(fix))  # fmt: skip
        vertical = vertical_figures(args.heights, pos, target, args.systems[target.name])
        if args.jsonl:
            record = {**guidance_record(when, g, fix.quality), **vertical}
            print(json.dumps(record), file=out, flush=True)
        else:
            print(format_guidance(when, g, fix.quality, vertical), file=out, flush=True)


def _heights(store: Any) -> HeightCache:
    from fieldapp.store.job_geoid import job_geoid
    from fieldapp.survey.geoid import GeoidError
    from fieldapp.survey.height_cache import HeightCache

    try:
        return HeightCache(job_geoid(store))
    except GeoidError as exc:
        raise CommandError(str(exc)) from exc


def vertical_figures(
    heights: HeightCache, pos: GridPosition, target: StakeTarget, system: str
) -> dict[str, Any]:
    """The added keys: the pole's H, the target's H, and dH in the system the design was
    given in (``dh_m`` stays target h - pole h, as it always was)."""
    here = heights.heights(pos.lat, pos.lon, pos.h)
    there = heights.heights(target.lat, target.lon, target.h)
    dh = None
    if system == "orthometric" and here is not None and there is not None:
        dh = there.orthometric - here.orthometric
    elif system != "orthometric" and pos.h is not None and target.h is not None:
        dh = target.h - pos.h
    return {
        "H": None if here is None else round(here.orthometric, 3),
        "target_h": target.h,
        "target_H": None if there is None else round(there.orthometric, 3),
        "dH_m": None if dh is None else round(dh, 3),
        "dH_system": system,
        "geoid": heights.name,
    }


def _finite(x: float | None, digits: int) -> float | None:
    # JSON has no NaN: a sigma that is not a number is reported as null (and never passes).
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else round(x, digits)


def guidance_record(when: str, g: Guidance, quality: int | None) -> dict[str, Any]:
    """One epoch of guidance as JSON, with the quality check that decides "within"."""
    from fieldapp.survey.stake_quality import fix_name

    v = g.quality
    record = {
        "time": when,
        "target": g.target,
        "distance_m": round(g.ground_distance_m, 4),
        "grid_distance_m": round(g.grid_distance_m, 4),
        "azimuth_deg": round(g.true_azimuth_deg, 6),
        "grid_azimuth_deg": round(g.grid_azimuth_deg, 6),
        "dn_m": round(g.d_n, 4),
        "de_m": round(g.d_e, 4),
        "forward_m": None if g.forward_m is None else round(g.forward_m, 3),
        "right_m": None if g.right_m is None else round(g.right_m, 3),
        "heading_deg": None if g.heading_deg is None else round(g.heading_deg, 2),
        "dh_m": None if g.dh_m is None else round(g.dh_m, 3),
        "cut_fill": g.cut_fill,
        "state": g.state.value,
        "tolerance_m": g.tolerance_m,
        "quality": quality,
        "fix": fix_name(quality),
        "quality_ok": g.quality_ok,
    }
    if v is not None:
        record.update(
            quality_problems=[p.value for p in v.problems],
            quality_reason=quality_reason(g),
            sigma_h_m=_finite(v.quality.sigma_h_m, 4),
            sigma_v_m=_finite(v.quality.sigma_v_m, 4),
            sigma_source=v.quality.sigma_kind.value,
            required_fix=v.profile.required_fix.value,
            max_sigma_h_m=v.profile.sigma_limit_m,
        )
    return record


def quality_reason(g: Guidance) -> str | None:
    """Why the epoch cannot prove a stake, in words ("rtk float, sigma H 0.350 m measured");
    None when it can."""
    from fieldapp.survey.stake_quality import QualityProblem, fix_name

    v = g.quality
    if v is None or v.ok:
        return None
    q = v.quality
    parts = []
    if QualityProblem.FIX_TYPE in v.problems:
        parts.append(f"{fix_name(q.fix_quality)} (needs {v.profile.required_fix.value})")
    else:
        parts.append(fix_name(q.fix_quality))
    if q.sigma_h_m is None or q.sigma_kind.value == "missing":
        parts.append("no sigma H")
    elif QualityProblem.SIGMA_INVALID in v.problems:
        parts.append(f"sigma H invalid ({q.sigma_h_m})")
    else:
        limit = (
            f" > {v.profile.sigma_limit_m:.3f}"
            if QualityProblem.SIGMA_TOO_LARGE in v.problems
            else ""
        )
        parts.append(f"sigma H {q.sigma_h_m:.3f} m{limit} {q.sigma_kind.value}")
    return ", ".join(parts)


def format_guidance(
    when: str, g: Guidance, quality: int | None, vertical: dict[str, Any] | None = None
) -> str:
    """One epoch of guidance as the line a surveyor reads (dH in the design's system)."""
    from fieldapp.survey.stake_quality import fix_name

    travel = (
        f"fwd {g.forward_m:+.2f} right {g.right_m:+.2f}"
        if g.forward_m is not None and g.right_m is not None
        else "heading unknown"
    )
    height = "" if g.dh_m is None else f"  dH {g.dh_m:+.3f} {g.cut_fill}"
    if vertical is not None and vertical["dH_m"] is not None:
        if vertical["dH_system"] == "orthometric":
            height = f"  dH {vertical['dH_m']:+.3f} (H, {vertical['geoid']}) {g.cut_fill}"
        else:
            height = f"  dH {vertical['dH_m']:+.3f} (h) {g.cut_fill}"
    q = fix_name(quality)
    if g.quality is not None:
        s = g.quality.quality
        sigma = "no sigma" if s.sigma_h_m is None else f"sH {s.sigma_h_m:.3f} {s.sigma_kind.value}"
        q = f"{q}, {sigma}"
    state = g.state.value.upper()
    if g.state.value == "quality":
        state = f"INSIDE TOLERANCE, NOT PROVEN: {quality_reason(g)}"
    elif not g.quality_ok:
        state += f" (quality not enough to stake: {quality_reason(g)})"
    return (
        f"{when}  {g.target}  {g.ground_distance_m:.3f} m  az {g.true_azimuth_deg:07.3f}°  "
        f"dN {g.d_n:+.3f} dE {g.d_e:+.3f}  {travel}{height}  {state}  [{q}]"
    )
