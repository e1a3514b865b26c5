"""`fieldapp report`: berita acara, marker descriptions, stake-out report, deliverables folder."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.commands.common import CommandError
from fieldapp.commands.report_reinstall import register_reinstall_report

if TYPE_CHECKING:
    from fieldapp.reports.salinan import PrintPlan
    from fieldapp.store import JobStore


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
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for path in result.paths:
        print(f"{path}  ({result.elapsed_s:.1f} s)")
    return 0


def _print(args: argparse.Namespace) -> int:
    from fieldapp.commands.common import open_job
    from fieldapp.reports.salinan import PrintRefused, plan_print, prepare_print, record_print
    from fieldapp.store.printlog import CopyTakenError

    source, output = Path(args.file), Path(args.output)
    with open_job(args.job) as store:
        try:
            plan = plan_print(store, source, draft=args.draft)
            for warning in plan.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            if plan.needs_reason and not (args.reason or "").strip():
                raise PrintRefused(
                    f"{source.name} was printed before: this print is {plan.label}; "
                    "give the reason with --reason TEXT"
                )
            if store.read_only:
                return _print_unlogged(store, plan, output, args)
            prepare_print(plan, output, args.reason, args.date)
            record = record_print(store, plan, args.printer, args.reason)
        except PrintRefused as exc:
            raise CommandError(str(exc)) from exc
        except CopyTakenError as exc:
            # Prepared for a copy number another print took: it lacks the stamp it now needs.
            output.unlink(missing_ok=True)
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from exc
    what = {0: "the original (ASLI)", None: "no copy rule for this document"}.get(
        record.copy_no, record.label
    )
    if record.draft:
        what = "a DRAF (not final, not numbered)"
    if record.nomor:
        what = f"Nomor {record.nomor}, {what}"
    print(f"{output}: {plan.document.kind.value} {source.name}, {what}; logged as print "
          f"{record.id}")  # fmt: skip
    return 0


def _print_unlogged(
    store: JobStore, plan: PrintPlan, output: Path, args: argparse.Namespace
) -> int:
    """A print from a read-only job: only what needs no entry in the print log.

    The original (ASLI) of a berita acara is one per Nomor and each SALINAN takes the next
    copy number: both exist only through their entry in the job's print log. A job that
    cannot be written cannot hold that entry, so they are refused; a DRAF or a document
    without a copy rule prints, with a warning that this print is not logged.
    """
    from fieldapp.reports.salinan import prepare_print

    if plan.copy_no is not None and not plan.draft:
        raise CommandError(
            f"job {store.path} is read-only ({store.read_only_reason}): a berita acara printed "
            f"as {plan.label} must be logged in the job's print log; copy the job to a writable "
            "folder to print it"
        )
    prepare_print(plan, output, args.reason, args.date)
    print(f"warning: {output}: not logged in the print log (the job is read-only)",
          file=sys.stderr)  # fmt: skip
    print(f"{output}: {plan.document.kind.value} {plan.document.path.name}, {plan.label}; "
          "not logged")  # fmt: skip
    return 0


def _print_log(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from fieldapp.commands.common import open_job
    from fieldapp.store.printlog import load_print_log

    with open_job(args.job) as store:
        records = load_print_log(store.db)
    if args.json:
        rows = [
            {**dataclasses.asdict(r), "label": r.label, "superseded": r.superseded_by is not None}
            for r in records
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not records:
        print("no document of this job has been printed")
        return 0
    print(f"{'#':>3}  {'printed (UTC)':19}  {'copy':13}  {'pages':>5}  {'document':28}  "
          "printer / device / reason")  # fmt: skip
    for r in records:
        who = " / ".join(x for x in (r.printer, r.device, r.user_name) if x)
        reason = f"  [{r.reason}]" if r.reason else ""
        print(f"{r.id:>3}  {r.printed_at[:19].replace('T', ' '):19}  {r.label:13}  "
              f"{r.pages:>5}  {r.file_name[:28]:28}  {who}{reason}")  # fmt: skip
        if r.nomor:
            gone = f"  SUPERSEDED by Nomor {r.superseded_by}" if r.superseded_by else ""
            print(f"{'':>3}  Nomor {r.nomor}{gone}")
    return 0


def _register(args: argparse.Namespace) -> int:
    from fieldapp.commands.common import open_job
    from fieldapp.store.witness_needs import load_ba_register, set_ba_register

    with open_job(args.job) as store:
        if args.clear or args.register is not None:
            try:
                stored = set_ba_register(store.db, None if args.clear else args.register)
            except (ValueError, LookupError) as exc:
                raise CommandError(str(exc)) from exc
        else:
            stored = load_ba_register(store.db)
    print(stored or "(none: the Nomor is BA-TB/<WIUP code>/<date>/<hash>)")
    return 0


def _signatory(args: argparse.Namespace) -> int:
    from fieldapp.commands.common import open_job
    from fieldapp.store.signatory import load_signatories, set_signatories

    with open_job(args.job) as store:
        try:
            if args.clear:
                set_signatories(store.db, name="", position="", ktt_name="")
            set_signatories(store.db, name=args.name, position=args.position, ktt_name=args.ktt)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        stored = load_signatories(store.db)
    print(stored.name or "(none: the berita acara leaves the name line empty)")
    print(f"position: {stored.position or '(none)'}")
    print(f"KTT: {stored.ktt_name or '(none)'}")
    for item in stored.missing:
        print(f"missing for a final berita acara: {item}")
    return 0


def _field_sheet(args: argparse.Namespace) -> int:
    import re

    from fieldapp.commands.common import open_job
    from fieldapp.reports.field_sheet import write_field_sheet
    from fieldapp.store import records as rec
    from fieldapp.store.gnss_sessions import load_session

    with open_job(args.job) as store:
        try:
            session = load_session(store.db, args.session)
        except LookupError as exc:
            raise CommandError(f"{args.job}: {exc.args[0]}") from exc
        permit = rec.load_permit_area(store.db)
        kinds = {c.name: c.kind for c in rec.load_control_points(store.db)}
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", session.point)
    output = Path(args.output or f"formulir_gnss_sesi_{session.id}_{safe}.pdf")
    try:
        write_field_sheet(session, permit, output, kinds.get(session.point), args.paper)
    except OSError as exc:
        raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from exc
    if session.heights_disagree:
        print(f"warning: session {session.id} on {session.point}: antenna heights before and "
              f"after differ by {abs(session.height_difference_m) * 1000:.1f} mm (over 5 mm)",
              file=sys.stderr)  # fmt: skip
    print(output)
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
    p.add_argument(
        "--number",
        help="register part of the Nomor for this build (default: the stored register, or the "
        "WIUP code and date); a hash of the content is always appended",
    )
    p.add_argument("--date", type=_day, help="date of the berita acara (default: last install)")
    p.add_argument("--place", help="where it is signed (default: village of the first marker)")
    p.add_argument(
        "--holder-signatory",
        help="who signs for the permit holder (default: the name stored with report signatory)",
    )
    register_reinstall_report(rsub)
    p = doc("deskripsi", "Deskripsi Tanda Batas: one sheet per installed marker", "FILE.pdf")
    p.add_argument("--marker", action="append", metavar="NAME", help="only this marker (repeat)")
    doc("stakeout", "stake-out and occupation report of every staked marker", "FILE.pdf")
    doc("deliverables", "folder with the PDFs, XLSX tables, DXF map and stamped photos", "DIR")
    doc("jaring-kontrol", "sketch of the static baseline network (JKHN, BM, Titik Bantu)",
        "FILE.pdf")  # fmt: skip
    p = rsub.add_parser(
        "field-sheet",
        help="Formulir Pengamatan GNSS Statik of one static session, to print and sign",
        description="One page per session: point, receiver, antenna heights before and after "
        "(a difference over 5 mm is flagged), times, raw files, boxes for the field notes "
        "and signatures.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("--session", type=int, required=True, metavar="ID",
                   help="the session id (fieldapp control session list)")  # fmt: skip
    p.add_argument("-o", "--output", metavar="FILE.pdf",
                   help="default: formulir_gnss_sesi_ID_POINT.pdf here")  # fmt: skip
    p.add_argument("--paper", choices=("a4", "f4"), default="a4")
    p.set_defaults(handler=_field_sheet)
    p = rsub.add_parser(
        "print",
        help="prepare a document for the printer and log the print in the job",
        description="The first print of a final berita acara is the original; every later "
        "print of it is stamped SALINAN ke-n and needs --reason. Other documents print "
        "freely. Writes OUT.pdf for the printer (e.g. lp OUT.pdf) and logs the print.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--reason", help="why this copy is printed (required for a SALINAN)")
    p.add_argument("--printer", default="lp", help="printer name for the log (default: lp)")
    p.add_argument("--date", type=_day, help="date on the SALINAN stamp (default: today)")
    p.add_argument(
        "--draft",
        action="store_true",
        help="print a berita acara that is still a DRAF, as a DRAF (never as ASLI or SALINAN)",
    )
    p.set_defaults(handler=_print)
    p = rsub.add_parser(
        "register",
        help="show or set the company's register number used in the berita acara Nomor",
        description="E.g. 123/BA/PT-X/2026; the Nomor becomes REGISTER/HASH, the hash binding "
        "it to what the berita acara states.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("register", nargs="?", metavar="REGISTER")
    p.add_argument("--clear", action="store_true", help="forget the stored register number")
    p.set_defaults(handler=_register)
    p = rsub.add_parser(
        "signatory",
        help="show or set who signs the berita acara for the permit holder",
        description="Kept in the job; --holder-signatory on berita-acara overrides it once.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", nargs="?", metavar="NAME", help="the name to store")
    p.add_argument("--position", metavar="TEXT", help="their position (jabatan)")
    p.add_argument("--ktt", metavar="NAME", help="the Kepala Teknik Tambang (Mengetahui block)")
    p.add_argument("--clear", action="store_true", help="forget the stored names and position")
    p.set_defaults(handler=_signatory)
    p = rsub.add_parser("print-log", help="every print of the job's documents")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=_print_log)
