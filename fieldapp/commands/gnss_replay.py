"""`fieldapp gnss replay FILE [--jsonl]`: run a recorded receiver capture through the NMEA path."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from fieldapp.commands.common import CommandError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to `fieldapp gnss`."""
    replay = sub.add_parser(
        "replay",
        help="replay a recorded NMEA capture: epochs, fix qualities and sentence counts",
        description="Replay a receiver capture (NMEA, binary data tolerated; leading '#' "
        "lines are comments) as fast as possible.",
    )
    replay.add_argument("file", metavar="FILE", help="capture file")
    replay.add_argument(
        "--jsonl", action="store_true", help="one JSON object per epoch on stdout; counts on stderr"
    )
    replay.set_defaults(handler=cmd_replay)


def cmd_replay(args: argparse.Namespace) -> int:
    from fieldapp.gnss.capture import CaptureError, read_capture, replay_bytes

    try:
        capture = read_capture(args.file)
    except CaptureError as exc:
        raise CommandError(f"{args.file}: {exc}") from exc
    replay = replay_bytes(capture.data)
    try:
        if args.jsonl:
            _write_jsonl(replay, sys.stdout)
            _write_counts(replay, len(capture.comments), sys.stderr)
        else:
            _write_summary(args.file, replay, len(capture.comments), sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # `| head` closed the pipe: not an error of the replay. Point stdout at devnull so
        # the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _write_jsonl(replay: object, out: TextIO) -> None:
    from fieldapp.gnss.capture import Replay, fix_record

    assert isinstance(replay, Replay)
    for fix in replay.fixes:
        out.write(json.dumps(fix_record(fix), allow_nan=False))
        out.write("\n")


def _count_lines(replay: object, comments: int) -> list[str]:
    from fieldapp.gnss.capture import Replay

    assert isinstance(replay, Replay)
    c = replay.counters
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(c.sentences.items())) or "none"
    return [
        f"comment lines: {comments}",
        f"sentences accepted: {c.accepted} ({by_type})",
        f"rejected: no checksum {c.no_checksum}, bad checksum {c.bad_checksum}, "
        f"malformed {c.malformed}, unknown type {c.unknown_type}, too long {c.too_long}",
        f"non-NMEA bytes skipped: {c.skipped_bytes}",
    ]


def _write_counts(replay: object, comments: int, err: TextIO) -> None:
    for line in _count_lines(replay, comments):
        print(line, file=err)


QUALITY_WORDS = {
    None: "no GGA",
    0: "no fix",
    1: "autonomous",
    2: "DGPS",
    3: "PPS",
    4: "RTK fixed",
    5: "RTK float",
    6: "dead reckoning",
    7: "manual",
    8: "simulation",
}


def _write_summary(path: str, replay: object, comments: int, out: TextIO) -> None:
    from fieldapp.gnss.capture import Replay, summarise

    assert isinstance(replay, Replay)
    s = summarise(replay)
    print(f"{path}", file=out)
    for line in _count_lines(replay, comments):
        print(f"  {line}", file=out)
    print(f"  epochs: {s.epochs} ({s.with_position} with a position)", file=out)
    qualities = ", ".join(
        f"{QUALITY_WORDS.get(q, f'code {q}')} {n}"
        for q, n in sorted(s.qualities.items(), key=lambda kv: -1 if kv[0] is None else kv[0])
    )
    print(f"  fix quality: {qualities or 'none'}", file=out)
    sources = ", ".join(
        f"{'none' if k is None else k} {n}" for k, n in sorted(s.sigma_sources.items(), key=str)
    )
    print(f"  accuracy source: {sources or 'none'}", file=out)
    print(f"  first epoch: {s.first if s.first is not None else '-'}", file=out)
    print(f"  last epoch:  {s.last if s.last is not None else '-'}", file=out)
