"""`fieldapp gnss ...`: receiver ports, live watch and capture replay."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("gnss", help="GNSS receivers: list ports, watch live, replay captures")
    gnss_sub = parser.add_subparsers(dest="gnss_command", metavar="SUBCOMMAND", required=True)
    # Replay lives beside the parser; the live commands beside the device sources.
    from fieldapp.commands import gnss_live, gnss_raw, gnss_replay

    gnss_replay.register(gnss_sub)
    gnss_live.register(gnss_sub)
    gnss_raw.register(gnss_sub)
