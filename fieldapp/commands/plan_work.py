"""`fieldapp plan cost|schedule|note` and `report rencana-kerja`: the work plan the user fills.

Not `job plan` (commands/job_plan.py), which plans the markers' positions: this group holds
what the rencana kerja needs beyond them (cost items, schedule, notes on access, neighbours
and land rights).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from fieldapp.commands.common import CommandError, open_job

TOPICS = {"access": "access", "neighbors": "neighbors", "land-rights": "land_rights"}


def _refused(exc: Exception) -> CommandError:
    return CommandError(str(exc.args[0]) if isinstance(exc, LookupError) else str(exc))


def _cost_add(args: argparse.Namespace) -> int:
    from fieldapp.reports.work_plan_tables import quantity, rupiah
    from fieldapp.store.work_plan import PlanInputError, add_cost

    with open_job(args.job) as store:
        try:
            c = add_cost(store.db, args.item, args.qty, args.unit, args.price, args.note)
        except PlanInputError as exc:
            raise _refused(exc) from exc
    print(f"cost item {c.id}: {c.item}, {quantity(c.quantity)} {c.unit} x "
          f"{rupiah(c.unit_price_idr)} = {rupiah(c.amount_idr)}")  # fmt: skip
    return 0


def _cost_list(args: argparse.Namespace) -> int:
    from fieldapp.reports.work_plan_tables import quantity, rupiah
    from fieldapp.store.work_plan import load_costs

    with open_job(args.job) as store:
        costs = load_costs(store.db)
    total = sum(c.amount_idr for c in costs)
    if args.json:
        rows = [{"id": c.id, "item": c.item, "quantity": c.quantity, "unit": c.unit,
                 "unit_price_idr": c.unit_price_idr, "amount_idr": c.amount_idr,
                 "note": c.note} for c in costs]  # fmt: skip
        print(json.dumps({"items": rows, "total_idr": total}, indent=2, ensure_ascii=False))
        return 0
    if not costs:
        print("no cost item in this job's plan")
        return 0
    for c in costs:
        print(f"{c.id:>3}  {c.item[:40]:40}  {quantity(c.quantity):>8} {c.unit[:10]:10}  "
              f"{rupiah(c.unit_price_idr):>18}  {rupiah(c.amount_idr):>18}")  # fmt: skip
    print(f"total: {rupiah(total)}")
    return 0


def _schedule_add(args: argparse.Namespace) -> int:
    from fieldapp.store.work_plan import PlanInputError, add_schedule

    with open_job(args.job) as store:
        try:
            s = add_schedule(store.db, args.activity, args.start, args.end, args.note)
        except PlanInputError as exc:
            raise _refused(exc) from exc
    print(f"activity {s.id}: {s.activity}, {s.start_on} to {s.end_on} ({s.days} days)")
    return 0


def _schedule_list(args: argparse.Namespace) -> int:
    from fieldapp.store.work_plan import load_schedule

    with open_job(args.job) as store:
        items = load_schedule(store.db)
    if args.json:
        rows = [{"id": s.id, "activity": s.activity, "start": s.start_on.isoformat(),
                 "end": s.end_on.isoformat(), "days": s.days, "note": s.note}
                for s in items]  # fmt: skip
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("no activity in this job's schedule")
    for s in items:
        print(f"{s.id:>3}  {s.start_on}  {s.end_on}  {s.days:>4} d  {s.activity}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from fieldapp.store.work_plan import remove_row

    with open_job(args.job) as store:
        try:
            remove_row(store.db, args.table, args.id)
        except LookupError as exc:
            raise _refused(exc) from exc
    print(f"removed {args.table.replace('plan_', '')} {args.id}")
    return 0


def _note(args: argparse.Namespace) -> int:
    from fieldapp.store.work_plan import PlanInputError, load_notes, set_note

    topic = TOPICS[args.topic]
    with open_job(args.job) as store:
        try:
            if args.clear or args.text is not None:
                set_note(store.db, topic, None if args.clear else args.text)
        except PlanInputError as exc:
            raise _refused(exc) from exc
        stored = load_notes(store.db).get(topic)
    print(stored or f"(no note on {args.topic})")
    return 0


def report_work_plan(args: argparse.Namespace) -> int:
    """`fieldapp report rencana-kerja JOB -o FILE.pdf`."""
    from fieldapp.reports.data import ReportInputError
    from fieldapp.reports.pdfbase import save_pdf
    from fieldapp.reports.work_plan import document_id, render_work_plan
    from fieldapp.reports.work_plan_data import load_work_plan

    if not Path(args.job).is_dir():
        raise CommandError(f"{args.job}: no such job folder")
    output = Path(args.output)
    if args.date is not None and args.date > dt.date.today():
        raise CommandError(f"--date: {args.date.isoformat()} lies in the future")
    with open_job(args.job) as store:
        try:
            plan = load_work_plan(store)
            pdf = render_work_plan(plan, args.paper, args.date, args.place)
            save_pdf(pdf, output)
        except ReportInputError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from exc
    if not plan.final:
        for line in plan.gaps():
            print(f"DRAF: {line}", file=sys.stderr)
    state = "final" if plan.final else "DRAF"
    print(f"{output}  (rencana kerja {document_id(plan)}, {state})")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a date as YYYY-MM-DD") from None


def add_report_options(p: argparse.ArgumentParser) -> None:
    """The `report rencana-kerja` options beyond those every document has."""
    p.add_argument("--date", type=_day, help="date the plan is drawn up (default: today)")
    p.add_argument("--place", help="where it is signed (default: the regency of the WIUP)")
    p.set_defaults(handler=report_work_plan)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "plan",
        help="the work plan (rencana kerja): cost items, schedule, notes",
        description="What the rencana kerja needs beyond the planned markers (those are "
        "`fieldapp job plan`). Build the document with `fieldapp report rencana-kerja`.",
    )
    psub = parser.add_subparsers(dest="plan_command", metavar="PART", required=True)

    cost = psub.add_parser("cost", help="cost items (rencana biaya), in whole Rupiah")
    csub = cost.add_subparsers(dest="cost_command", metavar="ACTION", required=True)
    p = csub.add_parser("add", help="add a cost item: quantity x unit price")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--item", required=True, metavar="TEXT", help="what it is (uraian)")
    p.add_argument("--qty", required=True, metavar="N", help="quantity, above 0 (1,5 or 1.5)")
    p.add_argument("--unit", required=True, metavar="TEXT", help="unit (buah, hari, OH, ls)")
    p.add_argument("--price", required=True, metavar="RUPIAH",
                   help="unit price in whole Rupiah: 12500000 or 12.500.000")  # fmt: skip
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(handler=_cost_add)
    p = csub.add_parser("list", help="the cost items and their total")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_cost_list)
    p = csub.add_parser("remove", help="remove a cost item by its id (see list)")
    p.add_argument("job", metavar="JOB")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=_remove, table="plan_cost")

    sched = psub.add_parser("schedule", help="activities of the schedule (jadwal)")
    ssub = sched.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    p = ssub.add_parser("add", help="add an activity from START to END (both included)")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--activity", required=True, metavar="TEXT")
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(handler=_schedule_add)
    p = ssub.add_parser("list", help="the activities in order")
    p.add_argument("job", metavar="JOB")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_schedule_list)
    p = ssub.add_parser("remove", help="remove an activity by its id (see list)")
    p.add_argument("job", metavar="JOB")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=_remove, table="plan_schedule")

    p = psub.add_parser(
        "note",
        help="show or set what the records cannot say: access, neighbors, land-rights",
        description="E.g. how the site is reached, that no permit borders the WIUP, or the "
        "land rights over it; printed in items 2, 3 and 4 of the rencana kerja.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("topic", choices=tuple(TOPICS))
    p.add_argument("text", nargs="?", metavar="TEXT")
    p.add_argument("--clear", action="store_true", help="forget the note on this topic")
    p.set_defaults(handler=_note)
