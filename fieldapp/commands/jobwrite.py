"""Failures of a write to a job as one line: a full disk, a busy job, a locked database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp.commands.common import CommandError


@contextmanager
def job_write_errors(job: str | Path, needed: int, what: str, after: str = "") -> Iterator[None]:
    """Turn a full disk, a job held by another program or a database locked too long into a
    CommandError; ``needed`` (bytes) and ``what`` word the disk-full message, ``after`` says
    what became of the work done so far.
    """
    from fieldapp.store.durable import DiskFullError, disk_full, is_disk_full
    from fieldapp.store.joblock import JobBusyError

    try:
        yield
    except JobBusyError as exc:
        raise CommandError(str(exc)) from exc
    except (OSError, sqlite3.OperationalError) as exc:
        if is_disk_full(exc):
            full = exc if isinstance(exc, DiskFullError) else disk_full(Path(job), needed, what)
            raise CommandError(f"{full}{after}") from exc
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise CommandError(
                f"{job}: the job database stayed locked by another program; wait for it to "
                f"finish or close it, and try again{after}"
            ) from exc
        if isinstance(exc, sqlite3.OperationalError):
            # E.g. "disk I/O error" (a file-size limit, a failing card): nothing was committed.
            raise CommandError(
                f"{job}: the job database could not be written ({exc}); the last change "
                f"was not saved{after}"
            ) from exc
        # A read-only folder, a card pulled out: the file and what went wrong with it.
        where = exc.filename or job
        raise CommandError(f"{where}: cannot write: {exc.strerror or exc}{after}") from exc
