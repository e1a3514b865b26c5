"""`fieldapp job calendar`: the job's compliance calendar as text, JSON or an iCalendar file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from fieldapp.commands.common import CommandError, open_job


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


def _calendar(args: argparse.Namespace) -> int:
    import json

    from fieldapp.app.calendar import job_calendar
    from fieldapp.exchange.ics import calendar_text, write_ics
    from fieldapp.store import records as rec

    today = args.today or dt.date.today()
    with open_job(args.job) as store:
        items = job_calendar(store.db, today)
        permit = rec.load_permit_area(store.db)
    if args.ics:
        text = calendar_text(
            items,
            job_uuid=permit.job_uuid,
            job_name=permit.name,
            stamp=dt.datetime.now(dt.UTC),
        )
        try:
            write_ics(Path(args.ics), text)
        except OSError as exc:
            raise CommandError(f"cannot write {args.ics}: {exc.strerror or exc}") from exc
    if args.json:
        rows = [
            {"date": i.date.isoformat(), "kind": i.kind, "text": i.text, "overdue": i.overdue,
             "marker": i.marker, "surveyor": i.surveyor}
            for i in items
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if args.ics:
        print(f"{args.ics}: {len(items)} event(s)")
        return 0
    late = sum(i.overdue for i in items)
    print(f"{permit.name}: compliance calendar on {today.isoformat()}, {len(items)} item(s), "
          f"{late} overdue")  # fmt: skip
    for i in items:
        flag = "OVERDUE " if i.overdue else ""
        print(f"{i.date.isoformat()}  {i.kind:<18}  {flag}{i.text}")
    return 0


def register(job_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = job_sub.add_parser(
        "calendar",
        help="the job's compliance calendar: maintenance report, inspections, KPO, RKAB",
        description="Dates that follow from the job's data: the next laporan pemeliharaan, "
        "markers to inspect (6 months), the surveyors' yearly KPO data updates (30 days after "
        "Q4) and the RKAB OP window; overdue items are flagged.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true", help="a JSON list on stdout")
    p.add_argument("--ics", metavar="FILE", help="write an iCalendar (.ics) file")
    p.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help="judge as of this day")
    p.set_defaults(handler=_calendar)
