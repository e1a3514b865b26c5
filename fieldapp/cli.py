"""Command-line entry point: argparse over the same core functions the GUI uses."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from fieldapp import __version__
from fieldapp.commands.common import CommandError
from fieldapp.console import utf8_console

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
    "control",
    "plan",
)
# A command whose module is named otherwise (`plan` is not `job plan`: see plan_work.py).
_MODULE = {"plan": "plan_work"}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The CLI parser; with ``only`` (a command name) just that command's group is registered."""
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Stake out, install and document WIUP/WIUPK boundary markers.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(f"fieldapp.commands.{_MODULE.get(name, name)}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    utf8_console()  # before anything is printed: a Windows pipe would be cp1252
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
    except BrokenPipeError:
        # `fieldapp marker list JOB | head`: the reader has what it wanted. Point stdout at
        # nothing so the interpreter's final flush does not fail a second time.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a process ended by SIGPIPE
    except Exception as exc:  # the last line of defence, see _internal_error
        refusal = _read_only_refusal(exc)
        if refusal is not None:
            print(f"fieldapp: {refusal}", file=sys.stderr)
            return 2
        return _internal_error(exc, words)
    return result


def _read_only_refusal(exc: BaseException) -> str | None:
    """A write to a job opened read-only, from any command: one line, not an internal error."""
    # Imported here, only on failure: the store is not loaded at start-up.
    from fieldapp.store.jobfile import JobReadOnlyError

    return str(exc) if isinstance(exc, JobReadOnlyError) else None


# EX_SOFTWARE from sysexits.h: distinct from 1/2 so a test of bad input never mistakes an
# internal error for a clean refusal.
INTERNAL_ERROR_EXIT = 70


def _internal_error(exc: BaseException, words: Sequence[str]) -> int:
    """A bug, not bad input: one line for the surveyor, the traceback kept in a crash log.

    Every known failure is a CommandError with its own message; reaching here means an input
    or state nobody foresaw. The surveyor in the field needs one readable line and a file to
    send to the office, not forty lines of Python.
    """
    import datetime as dt
    import traceback

    from fieldapp.sync.identity import config_dir

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    text = "".join(traceback.format_exception(exc))
    where = "(not saved)"
    try:
        folder = config_dir() / "crash"
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / f"fieldapp-{stamp}.log"
        log.write_text(f"fieldapp {__version__}\nargv: {list(words)}\n\n{text}", "utf-8")
        where = str(log)
    except OSError:
        pass
    first = (str(exc).splitlines() or [""])[0][:200]
    print(
        f"fieldapp: internal error ({type(exc).__name__}: {first}); the command stopped; "
        f"please send {where} to the office",
        file=sys.stderr,
    )
    return INTERNAL_ERROR_EXIT


if __name__ == "__main__":
    raise SystemExit(main())
