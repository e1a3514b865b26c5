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
    "equipment",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The CLI parser; with ``only`` (a command name) just that command's group is registered."""
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Stake out, install and document WIUP/WIUPK boundary markers.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(f"fieldapp.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # A known command first: register its group alone, so starting the GUI (`fieldapp demo`)
    # does not import every other command's modules. Anything else gets the full parser.
    first = words[0] if words else None
    parser = build_parser(first if first in COMMAND_MODULES else None)
    args = parser.parse_args(words)
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
