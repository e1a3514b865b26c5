"""`fieldapp report pemeliharaan`: the six-monthly Laporan Pemeliharaan Tanda Batas (PDF, XLSX)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.commands.common import CommandError


def _run(args: argparse.Namespace) -> int:
    from fieldapp.app.maintenance_report import build_maintenance_report
    from fieldapp.commands.common import open_job
    from fieldapp.reports.errors import ReportInputError
    from fieldapp.store.jobfile import JobReadOnlyError

    if not Path(args.job).is_dir():
        raise CommandError(f"{args.job}: no such job folder")
    xlsx = Path(args.xlsx) if args.xlsx else None
    with open_job(args.job) as store:
        try:
            built = build_maintenance_report(store, args.period, Path(args.output), xlsx,
                                             paper=args.paper)  # fmt: skip
        except (ReportInputError, LookupError, ValueError, JobReadOnlyError) as exc:
            raise CommandError(str(exc.args[0]) if exc.args else str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot write the report: {exc.strerror or exc}") from exc
    for note in built.notes:
        print(f"note: {note}", file=sys.stderr)
    for reason in built.reasons:
        print(f"DRAF: {reason}", file=sys.stderr)
    status = "DRAF (not final)" if built.reasons else "final"
    if built.recorded is not None:
        status += f", recorded as maintenance report {built.recorded}"
    print(f"{built.pdf}: laporan pemeliharaan {built.period}, Nomor {built.number}, {status}; "
          f"{built.photos} photos")  # fmt: skip
    if built.xlsx is not None:
        print(built.xlsx)
    return 0


def register(rsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    help_ = "Laporan Pemeliharaan Tanda Batas of a six-month period (PDF, optional XLSX)"
    p = rsub.add_parser(
        "pemeliharaan",
        help=help_,
        description=help_ + ": every marker's latest inspection in the period, its photos, "
        "markers not visited (the report stays a DRAF) and markers to reinstall. A final "
        "report is recorded in the job.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("--period", required=True, metavar="YYYY-H1|YYYY-H2",
                   help="H1 = 1 January-30 June, H2 = 1 July-31 December")  # fmt: skip
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--xlsx", metavar="FILE.xlsx", help="also the table, one row per marker")
    p.add_argument("--paper", choices=("a4", "f4"), default="a4")
    p.set_defaults(handler=_run)
