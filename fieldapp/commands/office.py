"""`fieldapp office serve|device add|revoke|staff add|password|disable`: run the office receiver."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.commands.common import CommandError

if TYPE_CHECKING:
    from fieldapp.sync.office.db import Database


def _open_db(args: argparse.Namespace) -> Database:
    from fieldapp.sync.office.db import DatabaseError, open_office_db
    from fieldapp.sync.office.private import restrict_process

    restrict_process()  # whatever an office command creates is the office user's alone
    try:
        return open_office_db(Path(args.data), args.db)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc


def _serve(args: argparse.Namespace) -> int:
    from fieldapp.sync.office.private import SharedDataError, check_data_dir
    from fieldapp.sync.office.server import serve
    from fieldapp.sync.office.staffauth import staff_without_password

    if not args.allow_shared_data:
        try:
            check_data_dir(Path(args.data))
        except SharedDataError as exc:
            raise CommandError(str(exc)) from exc
    db = _open_db(args)  # a wrong --db is one clear line, before the server starts
    try:
        for name in staff_without_password(db):
            print(
                f"fieldapp office: staff {name!r} has no password (made before sign-in pages);"
                f" give one with: fieldapp office staff password --data {args.data} {name}",
                flush=True,
            )
    finally:
        db.close()
    print(
        f"fieldapp office: serving {args.data} on http://{args.host}:{args.port}/review", flush=True
    )
    serve(Path(args.data), args.host, args.port, args.db)
    return 0


def _read_password(args: argparse.Namespace) -> str:
    """From --password-file, a prompt on a terminal, or one line of stdin: never an argument."""
    if args.password_file:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{args.password_file}: cannot read the password: {exc}") from exc
        lines = text.splitlines()
        return lines[0] if lines else ""
    if sys.stdin.isatty():
        first = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != first:
            raise CommandError("the two passwords differ; nothing changed")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _add(kind: str, args: argparse.Namespace) -> int:
    from fieldapp.sync.office import service, staffauth

    password = _read_password(args) if kind == "staff" else ""
    if kind == "device" and args.expires_days is not None and not 1 <= args.expires_days <= 36500:
        raise CommandError(f"--expires-days {args.expires_days}: give 1 to 36500 days")
    db = _open_db(args)
    try:
        if kind == "device":
            token = service.add_device(db, args.name, args.expires_days)
        else:
            staffauth.add_staff(db, args.name, password)
    except service.OfficeError as exc:
        hint = (
            "; to set a new password: fieldapp office staff password" if exc.status == 409 else ""
        )
        raise CommandError(exc.detail + (hint if kind == "staff" else "")) from exc
    finally:
        db.close()
    if kind == "staff":
        print(f"staff {args.name!r} added; sign in at /review/login with that name and password")
        return 0
    print(f"device {args.name!r} registered; give this token to the field laptop")
    print("(its signing key is bound at its first push; keep the token secret):")
    print(token)  # the LAST line: scripts take it with `tail -n 1`
    return 0


def _change(what: str, args: argparse.Namespace) -> int:
    from fieldapp.sync.office import service, staffauth

    password = _read_password(args) if what == "password" else ""
    db = _open_db(args)
    try:
        if what == "revoke":
            service.revoke_device(db, args.name)
        elif what == "disable":
            staffauth.disable_staff(db, args.name)
        else:
            staffauth.set_password(db, args.name, password)
    except service.OfficeError as exc:
        raise CommandError(exc.detail) from exc
    finally:
        db.close()
    done = {
        "revoke": "device {!r} revoked: its token is refused from now on",
        "disable": "staff {!r} disabled and signed out",
        "password": "staff {!r} has a new password; their sessions are ended",
    }
    print(done[what].format(args.name))
    return 0


def _db_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="the office data folder")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in --data)")
    parser.add_argument("name")


def _assign(args: argparse.Namespace) -> int:
    from fieldapp.sync.jobspec import SpecError, spec_from_path
    from fieldapp.sync.office import service
    from fieldapp.sync.office.assignments import assign_job

    try:
        doc = spec_from_path(args.jobspec, args.job_id)
    except SpecError as exc:
        raise CommandError(f"{args.jobspec}: {exc}") from exc
    db = _open_db(args)
    try:
        done = assign_job(db, args.by, args.device, doc, args.notes or "")
    except service.OfficeError as exc:
        raise CommandError(f"{args.jobspec}: {exc.detail}; nothing assigned") from exc
    finally:
        db.close()
    if done.unchanged:
        print(
            f"job {done.name!r} ({done.job_id}) is already assigned to {done.device!r} as"
            f" revision {done.revision} with this spec: nothing new to send"
        )
    else:
        update = " (an update: the laptop applies it unless marker work has begun)"
        print(
            f"assigned job {done.name!r} ({done.job_id}) to device {done.device!r}"
            f" as revision {done.revision}{update if done.revision > 1 else ''}"
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("office", help="the office receiver for field packages")
    office_sub = parser.add_subparsers(dest="office_command", metavar="SUBCOMMAND", required=True)
    serve = office_sub.add_parser("serve", help="run the receiver and the review web pages")
    serve.add_argument("--data", required=True, help="folder for blobs (and the SQLite DB)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--db", default=None, help="database URL (default: SQLite in --data)")
    serve.add_argument(
        "--allow-shared-data",
        action="store_true",
        help="start even if the data folder is readable or writable by group or others",
    )
    serve.set_defaults(handler=_serve)
    for kind in ("device", "staff"):
        group = office_sub.add_parser(kind, help=f"manage {kind} accounts")
        group_sub = group.add_subparsers(
            dest=f"{kind}_command", metavar="SUBCOMMAND", required=True
        )
        add = group_sub.add_parser(
            "add",
            help="add a device; prints its token last"
            if kind == "device"
            else "add a staff member with a password (from --password-file, prompt or stdin)",
        )
        _db_args(add)
        add.set_defaults(handler=lambda a, kind=kind: _add(kind, a))
        if kind == "device":
            add.add_argument(
                "--expires-days",
                type=int,
                default=None,
                help="the token stops working after N days (default: never; revoke instead)",
            )
            revoke = group_sub.add_parser("revoke", help="refuse this device's token from now on")
            _db_args(revoke)
            revoke.set_defaults(handler=lambda a: _change("revoke", a))
        else:
            add.add_argument(
                "--password-file", help="read the password from this file's first line"
            )
            password = group_sub.add_parser("password", help="set a staff member's password")
            _db_args(password)
            password.add_argument("--password-file", help="read it from this file's first line")
            password.set_defaults(handler=lambda a: _change("password", a))
            disable = group_sub.add_parser("disable", help="refuse sign-in and end sessions")
            _db_args(disable)
            disable.set_defaults(handler=lambda a: _change("disable", a))
    assign = office_sub.add_parser(
        "assign",
        help="assign a job to a device (delivered by `fieldapp sync pull-assignments`)",
        description=(
            "Assign a job to a device. JOBSPEC is a job folder (NAME.fieldapp), a folder with"
            " the package data files (job.json, boundary_points.geojson, control_points.geojson,"
            " neighbor_areas.geojson, activity_zones.geojson) or a job spec JSON file"
            " (format fieldapp-assignment/1, see docs/sync-protocol.md). Assigning a changed"
            " spec of the same job id makes the next revision."
        ),
    )
    assign.add_argument("--data", required=True, help="the office data folder")
    assign.add_argument("--db", default=None, help="database URL (default: SQLite in --data)")
    assign.add_argument("--device", required=True, help="the device name (office device add)")
    assign.add_argument("--job-id", help="the job id (default: the job folder's or spec's id)")
    assign.add_argument("--notes", help="notes for the surveyor")
    assign.add_argument("--by", default="office-admin", help="who assigns (audit trail)")
    assign.add_argument("jobspec", metavar="JOBSPEC")
    assign.set_defaults(handler=_assign)
