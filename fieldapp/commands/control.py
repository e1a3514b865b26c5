"""`fieldapp control`: static GNSS control survey: sessions, baselines, ties to BM and JKHN."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from fieldapp.commands import control_files, control_job

    parser = sub.add_parser(
        "control",
        help="static GNSS control survey: sessions, RTKLIB baselines, control points",
        description="Static GNSS sessions on BM, Titik Bantu and JKHN points, baselines "
        "processed with RTKLIB and checked against Kepdirjen 697.K/29/DDJP/1996.",
    )
    group = parser.add_subparsers(dest="control_command", metavar="SUBCOMMAND", required=True)
    control_job.register(group)
    control_files.register(group)
