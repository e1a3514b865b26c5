"""`fieldapp surveyor`: add and list the job's surveyors (juru ukur) with certificate and KPO."""

from __future__ import annotations

import argparse

from fieldapp.commands.common import CommandError, open_job


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
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from fieldapp.store.records import load_surveyors

    with open_job(args.job) as job:
        people = load_surveyors(job.db)
    if args.json:
        print(json.dumps([asdict(s) for s in people], ensure_ascii=False, indent=2))
        return 0
    for s in people:
        kpo = f"KPO {s.kpo_no} ({'active' if s.kpo_active else 'returned'})" if s.kpo_no else ""
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
