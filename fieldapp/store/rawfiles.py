"""Raw captures kept as evidence: copied durably into raw/ before the row that names them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from fieldapp.store.durable import (
    copy_writer,
    crash_point,
    ensure_free,
    intent,
    publish,
    recover_intents,
    remove_litter,
    write_part,
)
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import job_lock

T = TypeVar("T")


def _occupation_names(store: JobStore) -> Callable[[str], bool]:
    def referenced(name: str) -> bool:
        # Static sessions keep their files in raw/ too: their names are referenced as well.
        row = store.db.execute(
            "SELECT 1 FROM occupation WHERE raw_log = ?1"
            " UNION ALL SELECT 1 FROM gnss_session_file WHERE path = ?1",
            [f"raw/{name}"],
        ).fetchone()
        return row is not None

    return referenced


def begin_with_raw(store: JobStore, src: Path, name: str, begin: Callable[[str], T]) -> T:
    """Copy ``src`` to ``raw/name``, then ``begin("raw/name")`` commits the row naming it.

    The copy is complete, fsynced and its folder fsynced before the row commits (a power cut
    never leaves a row whose capture is empty); when ``begin`` fails, or a kill stops the
    step in between, the copy goes (now, or at the next occupation). Held under the job lock
    only for the copy and the first commit, so two occupations may still run side by side.
    Raises DiskFullError before anything is written when the copy cannot fit.
    """
    size = src.stat().st_size
    final = store.raw_dir / name
    referenced = _occupation_names(store)
    with job_lock(store, "starting an occupation"):
        remove_litter(store.raw_dir)
        recover_intents(store.raw_dir, referenced)
        # The copy, and about as much again for the epochs in the database.
        ensure_free(store.raw_dir, 2 * size, "record the occupation")
        part = write_part(final, copy_writer(src), needed=size)
        try:
            with intent(final, referenced):
                publish(part, final)
                crash_point("occupy.raw-published")
                return begin(f"raw/{name}")
        finally:
            with contextlib.suppress(OSError):
                part.unlink()
