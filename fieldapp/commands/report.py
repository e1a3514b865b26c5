"""`fieldapp report`: berita acara, marker descriptions, stake-out report, deliverables folder."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from fieldapp.commands.common import CommandError


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


def _run(args: argparse.Namespace) -> int:
    from fieldapp.reports.berita_acara import BeritaAcaraOptions
    from fieldapp.reports.build import BuildOptions, BuildProgress, Outcome, build_document

    ba = BeritaAcaraOptions(
        number=getattr(args, "number", None),
        day=getattr(args, "date", None),
        place=getattr(args, "place", None),
        holder_signatory=getattr(args, "holder_signatory", None),
    )
    markers = tuple(getattr(args, "marker", None) or ())
    options = BuildOptions(paper=args.paper, markers=markers, berita_acara=ba)

    def progress(p: BuildProgress) -> None:
        if not args.quiet:
            print(f"[{p.done}/{p.total}] {p.step}", file=sys.stderr)

    if not Path(args.job).is_dir():
        raise CommandError(f"{args.job}: no such job folder")
    result = build_document(Path(args.job), args.kind, Path(args.output), options, progress)
    if result.outcome is not Outcome.FINISHED:
        raise CommandError(result.message or result.outcome.value)
    for path in result.paths:
        print(f"{path}  ({result.elapsed_s:.1f} s)")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("report", help="build the documents of a job (PDF, XLSX, DXF)")
    rsub = parser.add_subparsers(dest="report_command", metavar="DOCUMENT", required=True)

    def doc(name: str, help_: str, output: str) -> argparse.ArgumentParser:
        p = rsub.add_parser(name, help=help_, description=help_)
        p.add_argument("job", metavar="JOB")
        p.add_argument("-o", "--output", required=True, metavar=output)
        p.add_argument("--paper", choices=("a4", "f4"), default="a4")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
        p.set_defaults(handler=_run, kind=name)
        return p

    p = doc(
        "berita-acara", "Berita Acara Pengukuran Titik Batas dan Pemasangan Tanda Batas", "FILE.pdf"
    )
    p.add_argument("--number", help="document number (default: built from WIUP code and date)")
    p.add_argument("--date", type=_day, help="date of the berita acara (default: last install)")
    p.add_argument("--place", help="where it is signed (default: village of the first marker)")
    p.add_argument("--holder-signatory", help="name of the person signing for the permit holder")
    p = doc("deskripsi", "Deskripsi Tanda Batas: one sheet per installed marker", "FILE.pdf")
    p.add_argument("--marker", action="append", metavar="NAME", help="only this marker (repeat)")
    doc("stakeout", "stake-out and occupation report of every staked marker", "FILE.pdf")
    doc("deliverables", "folder with the PDFs, XLSX tables, DXF map and stamped photos", "DIR")
