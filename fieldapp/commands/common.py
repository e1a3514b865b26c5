"""Shared helpers for command handlers: errors with exit codes, opening a job."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store import JobFileError, JobStore, SchemaTooNewError


class CommandError(Exception):
    """A failure the user can act on: printed as one line to stderr, no traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def open_job(path: str | Path) -> JobStore:
    try:
        return JobStore.open(path)
    except (JobFileError, SchemaTooNewError) as exc:
        raise CommandError(str(exc)) from exc
