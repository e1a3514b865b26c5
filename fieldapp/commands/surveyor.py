"""`fieldapp surveyor`: add and list the job's surveyors (juru ukur) with certificate and KPO."""

from __future__ import annotations

import argparse
import datetime as dt

from fieldapp.commands.common import CommandError, open_job


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


def cmd_kpo(args: argparse.Namespace) -> int:
    from fieldapp.store.kpo import KpoError, set_kpo_card
    from fieldapp.survey.kpo import next_update_due

    with open_job(args.job) as job:
        try:
            s = set_kpo_card(
                job.db,
                args.name,
                number=args.number,
                status=args.status,
                updated_on=args.updated,
                today=args.today,
            )
        except KpoError as exc:
            raise CommandError(f"{args.job}: {exc}") from exc
    assert s.kpo_updated_on is not None
    due = next_update_due(s.kpo_updated_on)
    print(f"surveyor {s.name}: KPO {s.kpo_no} {s.kpo_status}, data updated "
          f"{s.kpo_updated_on.isoformat()}; next update due by {due.isoformat()}")  # fmt: skip
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from fieldapp.store.records import add_surveyor, load_surveyors
    from fieldapp.survey.models import Surveyor

    if not args.name.strip():
        raise CommandError("--name: a surveyor needs a name")
    with open_job(args.job) as job:
        if any(s.name == args.name.strip() for s in load_surveyors(job.db)):
            raise CommandError(f"surveyor {args.name.strip()!r} is already in this job")
        add_surveyor(
            job.db,
            Surveyor(
                args.name.strip(), args.certificate, args.kpo, kpo_active=not args.kpo_returned
            ),
        )
    print(f"surveyor {args.name.strip()} added")
    if args.kpo:
        # Without the date of the last KPO data update the juru ukur signs no final document.
        print(
            "record the KPO card's status and last data update: fieldapp surveyor kpo "
            f"{args.job} {args.name.strip()!r} --number … --status … --updated YYYY-MM-DD"
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from fieldapp.store.records import load_surveyors

    with open_job(args.job) as job:
        people = load_surveyors(job.db)
    if args.json:
        print(json.dumps([asdict(s) for s in people], ensure_ascii=False, indent=2, default=str))
        return 0
    for s in people:
        kpo = ""
        if s.kpo_no:
            status = s.kpo_status or ("aktif" if s.kpo_active else "dikembalikan")
            updated = s.kpo_updated_on.isoformat() if s.kpo_updated_on else "never recorded"
            kpo = f"KPO {s.kpo_no} ({status}, data updated {updated})"
        print(f"{s.name:<30} certificate {s.certificate_no or '-':<16} {kpo}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("surveyor", help="the job's surveyors (juru ukur)")
    ssub = parser.add_subparsers(dest="surveyor_command", metavar="SUBCOMMAND", required=True)
    add = ssub.add_parser("add", help="add a surveyor with certificate and KPO numbers")
    add.add_argument("job", metavar="JOB")
    add.add_argument("--name", required=True)
    add.add_argument("--certificate", help="competency certificate number")
    add.add_argument("--kpo", help="KPO (operational supervisor card) number")
    add.add_argument("--kpo-returned", action="store_true", help="the KPO card was returned")
    add.set_defaults(handler=cmd_add)
    ls = ssub.add_parser("list", help="list the surveyors")
    ls.add_argument("job", metavar="JOB")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
    kpo = ssub.add_parser(
        "kpo",
        help="record a surveyor's KPO card: number, status, date of the last data update",
        description="Record the KPO (Kartu Pengawas Operasional) of a surveyor. SE "
        "1.E/MB.07/DBT.KP/2022: the card is valid only while its holder works in that role and "
        "its data is updated at least once a year, by 30 days after the end of Q4; a surveyor "
        "whose card is not aktif or whose update is overdue cannot sign a final document.",
    )
    kpo.add_argument("job", metavar="JOB")
    kpo.add_argument("name", metavar="NAME", help="the surveyor's name as listed")
    kpo.add_argument("--number", required=True, help="KPO registration number (DBT-…)")
    kpo.add_argument("--status", required=True, choices=("aktif", "dikembalikan", "dihusutkan"))
    kpo.add_argument(
        "--updated", required=True, type=_day, metavar="YYYY-MM-DD",
        help="the date the KPO data was last updated",
    )  # fmt: skip
    kpo.add_argument("--today", type=_day, help=argparse.SUPPRESS)  # for tests
    kpo.set_defaults(handler=cmd_kpo)
