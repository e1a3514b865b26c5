"""Command-line entry point: argparse over the same core functions the GUI uses."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from fieldapp import __version__
from fieldapp.commands.common import CommandError

# Each module registers one command group. Modules import their heavy dependencies inside
# the handlers, so `fieldapp --version` and the GUI start without loading everything.
COMMAND_MODULES = (
    "job",
    "crs",
    "demo",
    "gnss",
    "ts",
    "sync",
    "office",
    "marker",
    "surveyor",
    "stakeout",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Stake out, install and document WIUP/WIUPK boundary markers.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"fieldapp.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except CommandError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    raise SystemExit(main())
