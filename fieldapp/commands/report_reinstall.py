"""`fieldapp report berita-acara-ulang`: the berita acara of a marker's reinstallation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.commands.common import CommandError


def _run(args: argparse.Namespace) -> int:
    from fieldapp.commands.common import open_job
    from fieldapp.reports.berita_acara import BeritaAcaraOptions
    from fieldapp.reports.data import ReportInputError
    from fieldapp.reports.reinstall_build import build_berita_acara_ulang
    from fieldapp.store.signatory import load_signatories

    if not Path(args.job).is_dir():
        raise CommandError(f"{args.job}: no such job folder")
    with open_job(args.job) as store:
        stored = load_signatories(store.db)
        holder = stored.name if args.holder_signatory is None else args.holder_signatory
        opts = BeritaAcaraOptions(
            paper=args.paper, number=args.number, day=args.date, place=args.place,
            holder_signatory=holder, holder_position=stored.position, ktt_name=stored.ktt_name,
        )  # fmt: skip
        try:
            doc = build_berita_acara_ulang(store, args.name, Path(args.output), opts)
        except ReportInputError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    for note in doc.notes:
        print(f"note: {note}", file=sys.stderr)
    state = "final" if doc.final else "DRAF"
    print(f"{doc.path}  (Nomor {doc.identity.nomor}, {state})")
    return 0


def register_reinstall_report(
    rsub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    from fieldapp.commands.report import _day

    help_ = "Berita Acara Pemasangan Ulang Tanda Batas of a marker's reinstallation"
    p = rsub.add_parser(
        "berita-acara-ulang",
        help=help_,
        description=help_ + " (the open one, else the last closed one): reason, old and new "
        "position and the shift, its own stake, photos and witnesses. Final when complete; "
        "printed with report print like the berita acara (one ASLI per Nomor, then SALINAN).",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", help="marker name")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--paper", choices=("a4", "f4"), default="a4")
    p.add_argument("--number", help="register part of the Nomor for this build")
    p.add_argument("--date", type=_day, help="date signed (default: the day it was measured)")
    p.add_argument("--place", help="where it is signed (default: its village)")
    p.add_argument("--holder-signatory", help="who signs for the permit holder (default: stored)")
    p.set_defaults(handler=_run)
