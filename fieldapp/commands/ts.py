"""`fieldapp ts ...`: read total-station files, reduce their shots to coordinates."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError

if TYPE_CHECKING:
    from fieldapp.gnss.totalstation.model import ParseResult, Record
    from fieldapp.survey.ts_reduce import Event

_OBS_KEYS = ("point_id", "hz", "v", "sd", "hd", "vd", "target_h", "instrument_h", "e", "n", "h")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from fieldapp.gnss.totalstation.formats import PARSERS

    parser = sub.add_parser("ts", help="total-station files: parse, compute coordinates")
    ts_sub = parser.add_subparsers(dest="ts_command", metavar="SUBCOMMAND", required=True)
    for name, handler, text in (
        ("parse", _parse, "decode observations (angles in degrees, lengths in metres)"),
        ("compute", _compute, "coordinates from the station set-ups and shots in the file"),
    ):
        p = ts_sub.add_parser(name, help=text)
        p.add_argument("file", metavar="FILE")
        p.add_argument("--format", choices=sorted(PARSERS), help="override format detection")
        p.add_argument("--jsonl", action="store_true", help="one JSON object per line")
        p.set_defaults(handler=handler)
        if name == "parse":
            p.add_argument(
                "--all", action="store_true", help="also station and known-point records"
            )
        else:
            p.add_argument(
                "--scale-factor",
                type=float,
                default=1.0,
                help="combined grid/ground factor applied to distances (default 1)",
            )
            p.add_argument("--curvature", action="store_true", help="earth curvature+refraction")
            p.add_argument("--k", type=float, default=0.13, help="refraction coefficient")


def _load(args: argparse.Namespace) -> ParseResult:
    from fieldapp.gnss.totalstation.formats import UnknownFormatError, parse_file
    from fieldapp.gnss.totalstation.model import TsFileError

    path = args.file
    try:
        result = parse_file(path, args.format)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnknownFormatError as exc:
        raise CommandError(f"{path}: {exc} (use --format)") from exc
    except TsFileError as exc:
        where = f"{path}:{exc.line}" if exc.line else path
        raise CommandError(f"{where}: {exc}") from exc
    if not result.records and result.errors:
        # Nothing decoded: one line for the first problem, not one per line of garbage.
        first = next(d for d in result.diagnostics if d.severity.value == "error")
        more = result.errors - 1
        tail = f" (and {more} more problems)" if more else ""
        raise CommandError(
            f"{path}:{first.line}: {first.message}{tail}; no {result.format} record decoded"
        )
    for diag in result.diagnostics:
        print(f"{path}:{diag.line}: {diag.severity.value}: {diag.message}", file=sys.stderr)
    if result.more_diagnostics:
        print(f"{path}: {result.more_diagnostics} more notes not shown", file=sys.stderr)
    return result


def _clean(value: Any) -> Any:
    return round(value, 10) if isinstance(value, float) else value


def record_dict(record: Record) -> dict[str, Any]:
    from fieldapp.gnss.totalstation.model import Observation

    if isinstance(record, Observation):
        out = {k: _clean(getattr(record, k)) for k in _OBS_KEYS if getattr(record, k) is not None}
        if record.codes:
            out["codes"] = list(record.codes)
        if record.station_id is not None:
            out["station_id"] = record.station_id
    else:
        out = {k: _clean(v) for k, v in vars(record).items() if v is not None and k != "line"}
        out["kind"] = type(record).__name__
    out["line"] = record.line
    return out


def _parse(args: argparse.Namespace) -> int:
    from fieldapp.gnss.totalstation.model import Observation

    result = _load(args)
    chosen = [r for r in result.records if args.all or isinstance(r, Observation)]
    if args.jsonl:
        for record in chosen:
            # Records hold finite values only (checked when built): strict JSON always.
            print(json.dumps(record_dict(record), ensure_ascii=False, allow_nan=False))
        return 0
    notes = len(result.diagnostics) + result.more_diagnostics
    print(f"{args.file}: {result.format}, {len(chosen)} records, {notes} notes")
    cols = ("line", "point_id", "hz", "v", "sd", "hd", "target_h", "e", "n", "h")
    print(" ".join(f"{c:>12}" for c in cols))
    for record in chosen:
        row = record_dict(record)
        print(" ".join(_cell(row.get(c)) for c in cols))
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return f"{'':>12}"
    if isinstance(value, float):
        return f"{value:12.4f}"
    return f"{str(value)[:12]:>12}"


def to_events(records: list[Record]) -> list[Event]:
    """Glue between the two packages: gnss records become survey events (same fields)."""
    from fieldapp.gnss.totalstation import model as m
    from fieldapp.survey import ts_reduce as r

    events: list[r.Event] = []
    for rec in records:
        if isinstance(rec, m.StationRecord):
            events.append(
                r.SetupEvent(rec.line, rec.station_id, rec.e, rec.n, rec.h, rec.instrument_h)
            )
        elif isinstance(rec, m.BacksightRecord):
            events.append(r.BacksightEvent(rec.line, rec.backsight_id, rec.azimuth, rec.hz))
        elif isinstance(rec, m.KnownPoint):
            events.append(r.KnownPointEvent(rec.line, rec.point_id, rec.e, rec.n, rec.h))
        elif rec.hz is not None:
            events.append(
                r.ShotEvent(
                    rec.line,
                    rec.point_id,
                    rec.hz,
                    rec.v,
                    rec.sd,
                    rec.hd,
                    rec.vd,
                    rec.target_h,
                    rec.instrument_h,
                    rec.hz_correction,
                    rec.e,
                    rec.n,
                    rec.h,
                )
            )
        elif rec.point_id and rec.e is not None and rec.n is not None:
            events.append(r.KnownPointEvent(rec.line, rec.point_id, rec.e, rec.n, rec.h))
    return events


def _compute(args: argparse.Namespace) -> int:
    from fieldapp.survey.ts_reduce import reduce_events

    if not 0.5 <= args.scale_factor <= 2.0:
        # Combined grid/ground factors are within a few parts in 1000 of 1 (NaN fails too).
        raise CommandError("--scale-factor must be a positive factor near 1 (0.5 to 2)")
    if not -1.0 <= args.k <= 1.0:
        raise CommandError("--k (refraction coefficient) must be between -1 and 1")
    result = _load(args)
    reduction = reduce_events(
        to_events(result.records),
        scale_factor=args.scale_factor,
        curvature=args.curvature,
        k=args.k,
    )
    for line, message in reduction.messages:
        print(f"{args.file}:{line}: {message}", file=sys.stderr)
    for p in reduction.points:
        row = {
            "point_id": p.point_id,
            "e": round(p.e, 4),
            "n": round(p.n, 4),
            "h": None if p.h is None else round(p.h, 4),
            "station_id": p.station_id,
            "line": p.line,
        }
        if args.jsonl:
            print(json.dumps(row, ensure_ascii=False))
        else:
            h = "" if p.h is None else f"{p.h:12.3f}"
            print(
                f"{p.line:>6} {p.point_id or '':>12} {p.e:14.3f} {p.n:14.3f} {h:>12} "
                f"{p.station_id or '':>10}"
            )
    if not args.jsonl:
        print(f"{len(reduction.points)} points computed", file=sys.stderr)
    return 0
