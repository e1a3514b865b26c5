"""Shared helpers for command handlers: errors with exit codes, opening a job."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.store import JobStore


class CommandError(Exception):
    """A failure the user can act on: printed as one line to stderr, no traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def open_job(path: str | Path) -> JobStore:
    # The store (sqlite-utils) loads only when a command opens a job, not at start-up.
    from fieldapp.store import JobFileError, JobStore, SchemaTooNewError

    try:
        return JobStore.open(path)
    except (JobFileError, SchemaTooNewError) as exc:
        raise CommandError(str(exc)) from exc
