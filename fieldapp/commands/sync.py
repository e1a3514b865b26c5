"""`fieldapp sync seal|push|pull|status`: the field side of sending packages to the office."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.commands.common import CommandError, open_job

if TYPE_CHECKING:
    from fieldapp.sync.assignment import AssignmentOutcome


def _seal(args: argparse.Namespace) -> int:
    from fieldapp.sync.identity import load_or_create_identity
    from fieldapp.sync.maintenance_export import PackageKind
    from fieldapp.sync.package import SealError, seal_job

    kind = None if args.kind is None else PackageKind(args.kind)
    with open_job(args.job) as store:
        try:
            result = seal_job(store, load_or_create_identity(), kind)
        except SealError as exc:
            raise CommandError(str(exc)) from exc
    superseding = f", superseding revision {result.supersedes}" if result.supersedes else ""
    if result.note:
        print(result.note)
    print(
        f"sealed package {result.package_id} revision {result.revision}{superseding}"
        f" ({result.kind}):"
        f" {result.file_count} files, {result.total_bytes:,} bytes in {result.bag_dir}"
    )
    return 0


def _check_office(url: str) -> None:
    """A malformed --office is a usage error, said before any job or network work."""
    from fieldapp.sync.net import office_url_problem

    problem = office_url_problem(url)
    if problem is not None:
        raise CommandError(f"--office {url!r}: {problem}")


def _push(args: argparse.Namespace) -> int:
    from fieldapp.sync.push import PushJob, PushProgress, PushStatus

    _check_office(args.office)
    open_job(args.job).close()  # a clear error for a wrong path before any network work
    last = [-1]

    def show(p: PushProgress) -> None:
        pct = int(100 * p.bytes_done / p.bytes_total) if p.bytes_total else 100
        if pct != last[0] and sys.stderr.isatty():
            last[0] = pct
            print(f"\r{pct:3d}% {p.bytes_done:,}/{p.bytes_total:,} bytes", end="", file=sys.stderr)

    outcome = PushJob(args.job, args.office, device_token(args), on_progress=show).run()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for pkg in outcome.packages:
        print(
            f"committed package {pkg.package_id} revision {pkg.revision} receipt {pkg.receipt_id}"
        )
    for reason in outcome.skipped:
        print(f"not sent: {reason}")
    if outcome.status == PushStatus.FINISHED:
        if not outcome.packages and not outcome.skipped:
            print("nothing to push")
        return 0
    if outcome.status == PushStatus.OFFLINE:
        raise CommandError(f"offline, packages stay queued: {outcome.error}", exit_code=3)
    raise CommandError(
        f"push {outcome.status}: {outcome.error}{_way_out(outcome.error)}", exit_code=1
    )


def _way_out(error: str | None) -> str:
    """A refusal for good says which command gets the job moving again."""
    from fieldapp.sync.fork import refusal_status_of

    if refusal_status_of(error) is None:
        return ""
    return " (`fieldapp sync seal` sets this revision aside and seals the job's work anew)"


def _pull(args: argparse.Namespace) -> int:
    from fieldapp.sync.pull import PullError, pull

    _check_office(args.office)
    open_job(args.job).close()
    try:
        result = pull(args.job, args.office, device_token(args))
    except PullError as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    print(f"{result.events} inbox event(s), cursor {result.cursor}")
    for entry in result.changed:
        notes = f": {entry.office_notes}" if entry.office_notes else ""
        print(f"package {entry.package_id} revision {entry.revision} is {entry.state}{notes}")
    if result.assignments and not result.assignment_outcomes:
        print(f"{result.assignments} job assignment event(s), already handled")
    for outcome in result.assignment_outcomes:
        _print_outcome(outcome)
    return 0


def _print_outcome(outcome: AssignmentOutcome) -> None:
    where = f" {outcome.path}" if outcome.path else ""
    if outcome.action in ("conflict", "refused"):
        # Not an error of the command: the job is safe; the user must still see it.
        print(f"NOT APPLIED{where}: {outcome.message}")
    else:
        print(f"{outcome.action}{where}: {outcome.message}")


def _pull_assignments(args: argparse.Namespace) -> int:
    from fieldapp.sync.pull import PullError, pull_assignments

    _check_office(args.office)
    try:
        result = pull_assignments(Path(args.jobs_dir), args.office, device_token(args))
    except PullError as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    print(f"{result.events} assignment event(s), cursor {result.cursor}")
    for outcome in result.outcomes:
        if outcome.action != "already":
            _print_outcome(outcome)
    return 0


def _status(args: argparse.Namespace) -> int:
    from fieldapp.sync.assignment import applied_revision, assignment_conflict
    from fieldapp.sync.outbox import list_outbox

    with open_job(args.job) as store:
        entries = list_outbox(store.db)
        revision = applied_revision(store.db)
        conflict = assignment_conflict(store.db)
    problem = f"NOT APPLIED: {conflict.message}" if conflict else ""
    if args.json:
        print(json.dumps([{**asdict(e), "state": e.state.value} for e in entries], indent=1))
        if conflict:
            print(problem, file=sys.stderr)  # stdout stays the documented package list
        return 0
    if revision:
        print(f"job from office assignment revision {revision}")
    if conflict:
        print(problem)
    if not entries:
        print("outbox empty: `fieldapp sync seal JOB` makes a package")
    for e in entries:
        extra = f"  notes: {e.office_notes}" if e.office_notes else ""
        error = f"  last error: {e.last_error}" if e.last_error else ""
        print(f"{e.package_id}  r{e.revision}  {e.state:<10} {e.total_bytes:>12,} B{extra}{error}")
    return 0


def _token_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="file holding this device's token from the office (default: $FIELDAPP_TOKEN, "
        "else the token saved in the window's office settings)",
    )
    p.add_argument("--token", help="the token itself: visible to every user (ps); avoid")


def device_token(args: argparse.Namespace) -> str:
    """--token-file, else --token (warned), else $FIELDAPP_TOKEN, else the stored token."""
    from fieldapp.sync.secrets import (
        OFFICE_TOKEN,
        TOKEN_ENV,
        SecretError,
        get_secret,
        read_token_file,
    )

    try:
        if args.token_file:
            return read_token_file(args.token_file)
        if args.token:
            print(
                "fieldapp: warning: --token shows the token to every user of this machine "
                f"(ps, shell history); use {TOKEN_ENV}=... or --token-file FILE",
                file=sys.stderr,
            )
            return str(args.token)
        token = os.environ.get(TOKEN_ENV, "").strip() or get_secret(OFFICE_TOKEN)
    except SecretError as exc:
        raise CommandError(str(exc)) from exc
    if not token:
        raise CommandError(
            f"no device token: set {TOKEN_ENV}, give --token-file FILE, or save it in the "
            "window's office settings"
        )
    return token


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sync", help="seal packages, push them to the office, pull decisions")
    sync_sub = parser.add_subparsers(dest="sync_command", metavar="SUBCOMMAND", required=True)
    seal = sync_sub.add_parser("seal", help="seal the job's documentation as the next revision")
    seal.add_argument("job", help="job folder (NAME.fieldapp)")
    seal.add_argument(
        "--kind",
        choices=("pemasangan", "pemeliharaan", "pemasangan-ulang"),
        help="what the revision brings the office (default: from what changed since the last"
        " accepted revision: a reinstallation, else an inspection, else the installation)",
    )
    seal.set_defaults(handler=_seal)
    for name, handler, text in (
        ("push", _push, "send sealed revisions to the office (resumes interrupted uploads)"),
        ("pull", _pull, "fetch review decisions and job assignments from the office"),
    ):
        p = sync_sub.add_parser(name, help=text)
        p.add_argument("job", help="job folder (NAME.fieldapp)")
        p.add_argument("--office", required=True, help="office URL, e.g. https://office:8443")
        _token_options(p)
        p.set_defaults(handler=handler)
    pa = sync_sub.add_parser(
        "pull-assignments",
        help="create or update job folders from the office's job assignments",
        description=(
            "Fetch this device's job assignments and create a job folder in --jobs-dir for"
            " each new one. An updated assignment replaces the decree, boundary and control"
            " points of its job only while no marker work is recorded; otherwise the field"
            " data is kept and `fieldapp sync status JOB` shows why."
        ),
    )
    pa.add_argument("--jobs-dir", required=True, help="the folder holding your job folders")
    pa.add_argument("--office", required=True, help="office URL, e.g. https://office:8443")
    _token_options(pa)
    pa.set_defaults(handler=_pull_assignments)
    status = sync_sub.add_parser("status", help="list the outbox and each revision's state")
    status.add_argument("job", help="job folder (NAME.fieldapp)")
    status.add_argument("--json", action="store_true", help="machine-readable list")
    status.set_defaults(handler=_status)
