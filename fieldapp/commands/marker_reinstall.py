"""`fieldapp marker reinstall`: open, show, close or cancel the reinstallation of a marker."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from fieldapp.commands.common import CommandError

if TYPE_CHECKING:
    from fieldapp.store.database import JobDatabase
    from fieldapp.survey.height_cache import HeightCache
    from fieldapp.survey.models import Marker


def cmd_reinstall(args: argparse.Namespace) -> int:
    from fieldapp.commands.marker import _job
    from fieldapp.store import reinstallations as ri

    if args.close and args.cancel:
        raise CommandError("--close and --cancel: give one of them")
    if args.close and args.reason is not None:
        raise CommandError("--close takes no --reason (the reason was given when it was opened)")
    if args.close and args.inspection is not None:
        raise CommandError("--inspection is given when the reinstallation is opened")
    with _job(args.job, "record the reinstallation") as job:
        if args.close:
            r = ri.close_reinstallation(job.db, args.name)
            print(f"reinstallation of {args.name} closed: the marker now stands at its new "
                  f"position ({r.uuid})")  # fmt: skip
            return 0
        if args.cancel:
            r = ri.cancel_reinstallation(job.db, args.name, args.reason or "")
            print(f"reinstallation of {args.name} cancelled ({r.uuid}); its records are kept "
                  "and count nowhere")  # fmt: skip
            return 0
        if args.reason is None:
            current = ri.open_reinstallation_of(job.db, args.name)
            if current is None:
                raise CommandError(
                    f"marker {args.name}: no open reinstallation; open one with --reason TEXT"
                )
            print(_show(current))
            return 0
        r = ri.open_reinstallation(job.db, args.name, args.reason, args.inspection)
    print(
        f"reinstallation of {args.name} opened ({r.uuid}): stake, occupy, photo, witness, "
        "reference and describe now record it; the original installation stays as it is"
    )
    return 0


def _show(r: object) -> str:
    from fieldapp.store.reinstallations import Reinstallation

    assert isinstance(r, Reinstallation)
    return (
        f"reinstallation {r.uuid} of {r.marker}: {r.state}, status {r.status.value} "
        f"(original installation: {r.status_before.value}); opened {r.opened_at[:10]}; "
        f"reason: {r.reason}"
    )


def register_reinstall(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    help_ = "open (--reason), close (--close) or cancel (--cancel --reason) a reinstallation"
    p = sub.add_parser(
        "reinstall",
        help=help_,
        description=help_ + ". While it is open, the usual stake/occupy/photo/witness/"
        "reference/describe commands record the reinstallation; the original installation's "
        "records are kept unchanged. Without options: show the open reinstallation.",
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("name", metavar="NAME", help="marker name")
    p.add_argument("--reason", metavar="TEXT", help="why it is reinstalled (or cancelled)")
    p.add_argument("--inspection", metavar="UUID",
                   help="the inspection (pemeliharaan) that found it lost or moved")  # fmt: skip
    p.add_argument(
        "--close",
        action="store_true",
        help="close the documented reinstallation: its position becomes current",
    )
    p.add_argument("--cancel", action="store_true", help="cancel it (needs --reason)")
    p.set_defaults(handler=cmd_reinstall)


def reinstall_state(db: JobDatabase, marker: str) -> dict[str, str] | None:
    """The marker's latest reinstallation not cancelled, for `marker list`: None without one."""
    from fieldapp.store.reinstallations import list_reinstallations

    kept = [r for r in list_reinstallations(db, marker) if r.state != "cancelled"]
    if not kept:
        return None
    r = kept[-1]
    return {"uuid": r.uuid, "state": r.state, "status": r.status.value}


def reinstallations_json(db: JobDatabase, marker: Marker, heights: HeightCache) -> list[Any]:
    from fieldapp.commands.marker_output import installation_json, jsonable
    from fieldapp.store.installation import load_installation
    from fieldapp.store.reinstallations import list_reinstallations

    out = []
    for r in list_reinstallations(db, marker.name):
        row = jsonable(r)
        row["state"] = r.state
        row["records"] = installation_json(load_installation(db, marker.name, r.id), marker,
                                           heights)  # fmt: skip
        out.append(row)
    return out


def reinstallations_text(db: JobDatabase, marker: Marker, heights: HeightCache) -> list[str]:
    from fieldapp.commands.marker_output import installation_text
    from fieldapp.store.installation import load_installation
    from fieldapp.store.reinstallations import list_reinstallations

    blocks = []
    for r in list_reinstallations(db, marker.name):
        inst = load_installation(db, marker.name, r.id)
        body = installation_text(inst, marker, heights).splitlines()[2:]  # no name, no design
        blocks.append("\n".join([_show(r), *("  " + line for line in body)]))
    return blocks
