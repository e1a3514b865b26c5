"""`fieldapp gnss replay FILE [--jsonl]`: run a recorded receiver capture through the NMEA path."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from fieldapp.commands.common import CommandError

if TYPE_CHECKING:
    from fieldapp.gnss.capture import ReplaySummary
    from fieldapp.gnss.framing import Counters


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
    from fieldapp.gnss.capture import CaptureError, SummaryBuilder, fix_json, open_capture
    from fieldapp.gnss.stream import NmeaStream

    path = args.file
    try:
        capture = open_capture(path)
    except CaptureError as exc:
        raise CommandError(f"{path}: {exc}") from exc
    stream = NmeaStream(first_line=capture.first_line)
    summary = SummaryBuilder()
    add = summary.add
    out = sys.stdout
    write = out.write
    jsonl = args.jsonl
    try:
        # Epochs are written as they close, never collected: a capture of hours at 10 Hz (or
        # gigabytes of anything) replays in bounded memory, and the summary is counted as
        # it goes. Each read's epochs are flushed together: a reader of the pipe sees them
        # while the capture is still being read (or still being written), at one write per
        # chunk rather than one per epoch.
        for chunk in capture.chunks():
            fixes = stream.feed(chunk, 0.0)
            if not fixes:
                continue
            if jsonl:
                # The counts on stderr come from the stream; the epoch digest is not printed.
                write("\n".join(map(fix_json, fixes)))
                write("\n")
                out.flush()
            else:
                for fix in fixes:
                    add(fix)
        for fix in stream.flush():
            if jsonl:
                write(fix_json(fix))
                write("\n")
            else:
                add(fix)
        c = stream.counters
        if c.accepted == 0:
            raise CommandError(_refusal(path, capture.size, c))
        comments = len(capture.comments)
        dropped = stream.epoch_stats.implausible
        if jsonl:
            for line in _count_lines(c, comments, dropped):
                print(line, file=sys.stderr)
            for lineno, what in _sorted_problems(c):
                print(f"{path}:{lineno}: rejected: {what}", file=sys.stderr)
        else:
            _write_summary(path, c, comments, dropped, summary.summary(), out)
        out.flush()
    except CaptureError as exc:
        raise CommandError(f"{path}: {exc}") from exc
    except BrokenPipeError:
        # `| head` closed the pipe: not an error of the replay. Point stdout at devnull so
        # the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _refusal(path: str, size: int, c: Counters) -> str:
    """The one line for a file that holds no usable NMEA sentence at all."""
    if size == 0:
        return f"{path}: empty file, expected NMEA sentences"
    problems = _sorted_problems(c)
    if problems:
        lineno, what = problems[0]
        where = f"{path}:{lineno}" if lineno else path
        return (
            f"{where}: {what}; expected NMEA sentences, none of {c.rejected} in the file is usable"
        )
    if c.unknown_type:
        return (
            f"{path}: none of its {c.unknown_type} sentences is of a type fieldapp reads "
            "(GGA, GNS, RMC, GLL, GSA, GSV, GST, VTG, ZDA, HDT)"
        )
    return f"{path}: no NMEA sentences found ({c.skipped_bytes} bytes of other data)"


def _sorted_problems(c: Counters) -> list[tuple[int, str]]:
    return sorted(c.problems, key=lambda p: p[0])


def _count_lines(c: Counters, comments: int, dropped: int) -> list[str]:
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(c.sentences.items())) or "none"
    lines = [
        f"comment lines: {comments}",
        f"sentences accepted: {c.accepted} ({by_type})",
        f"rejected: no checksum {c.no_checksum}, bad checksum {c.bad_checksum}, "
        f"malformed {c.malformed}, unknown type {c.unknown_type}, too long {c.too_long}",
        f"non-NMEA bytes skipped: {c.skipped_bytes}",
    ]
    if dropped:
        # Sentences each plausible, their sum not (altitude + separation past the range).
        lines.append(f"epochs dropped as implausible: {dropped}")
    return lines


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


def _write_summary(
    path: str, c: Counters, comments: int, dropped: int, s: ReplaySummary, out: TextIO
) -> None:
    print(f"{path}", file=out)
    for line in _count_lines(c, comments, dropped):
        print(f"  {line}", file=out)
    problems = _sorted_problems(c)
    if problems:
        shown = "" if c.rejected <= len(problems) else f" (the first {len(problems)})"
        print(f"  rejected sentences{shown}:", file=out)
        for lineno, what in problems:
            print(f"    line {lineno}: {what}", file=out)
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
