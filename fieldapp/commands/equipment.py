"""`fieldapp equipment`: the instruments of a job (model and serial) for the berita acara."""

from __future__ import annotations

import argparse

from fieldapp.commands.common import CommandError, open_job

KINDS = ("gnss_receiver", "total_station", "other")


def cmd_add(args: argparse.Namespace) -> int:
    import sqlite3

    from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment

    item = Equipment(EquipmentKind(args.kind), args.model, args.serial, args.notes)
    with open_job(args.job) as job:
        try:
            add_equipment(job.db, item)
        except ValueError as exc:
            raise CommandError(f"{exc} (--model and --serial)") from exc
        except sqlite3.IntegrityError as exc:
            raise CommandError(
                f"{args.kind} {args.model.strip()} serial {args.serial.strip()} is already "
                "recorded in this job"
            ) from exc
    print(f"{args.kind} {args.model.strip()} (serial {args.serial.strip()}) added")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from fieldapp.store.equipment import load_equipment

    with open_job(args.job) as job:
        items = load_equipment(job.db)
    if args.json:
        print(json.dumps([asdict(e) for e in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("no equipment recorded: the berita acara will say so")
    for e in items:
        notes = f"  ({e.notes})" if e.notes else ""
        print(f"{e.kind.value:<14} {e.model:<32} serial {e.serial}{notes}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("equipment", help="the job's instruments (for the berita acara)")
    esub = parser.add_subparsers(dest="equipment_command", metavar="SUBCOMMAND", required=True)
    add = esub.add_parser("add", help="record an instrument with its model and serial number")
    add.add_argument("job", metavar="JOB")
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--model", required=True, help="make and model, e.g. 'CHCNAV i73+'")
    add.add_argument("--serial", required=True, help="serial number")
    add.add_argument("--notes", help="e.g. 'base + rover'")
    add.set_defaults(handler=cmd_add)
    ls = esub.add_parser("list", help="list the instruments")
    ls.add_argument("job", metavar="JOB")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
