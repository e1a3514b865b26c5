"""The job's geoid: a user's grid copied into the job folder, or the bundled EGM96 crop."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from fieldapp.resources import resource_path
from fieldapp.store.design_heights import recompute_orthometric
from fieldapp.store.durable import copy_writer, write_durably
from fieldapp.store.jobfile import JobStore
from fieldapp.survey.geoid import Geoid, GeoidError, load_geoid

GEOID_DIR = "geoid"
MAX_NAME = 120
BUNDLED_NAME = "EGM96 Indonesia 2,5′"
BUNDLED_FILE = ("geoid", "egm96_indonesia_2p5.gtx")


def bundled_geoid() -> Geoid:
    """The EGM96 crop shipped in resources/ (the survey layer is given grids, it finds none)."""
    return Geoid(BUNDLED_NAME, resource_path(*BUNDLED_FILE), "bundled")


def job_geoid(store: JobStore) -> Geoid:
    """The grid the job's heights use: its own when one was imported, else the bundled one."""
    row = store.db.execute("SELECT geoid_name, geoid_file FROM permit_area WHERE id = 1").fetchone()
    if row is None or row[1] is None:
        return bundled_geoid()
    path = store.path / str(row[1])
    if not path.is_file():
        raise GeoidError(f"{path}: the job's geoid grid is missing from the job folder")
    return Geoid(str(row[0]), path, "user")


def import_job_geoid(store: JobStore, src: Path, name: str | None = None) -> Geoid:
    """Check ``src``, copy it into the job folder and make it the job's geoid.

    The copy is named by its content (a re-import of a changed grid never reuses a path PROJ
    may have cached); nothing is stored when the grid is refused.
    """
    store.require_writable()
    label = " ".join((name or Path(src).stem).split())
    if not label or len(label) > MAX_NAME:
        raise GeoidError(f"geoid name {label!r}: expected 1 to {MAX_NAME} characters")
    load_geoid(Path(src), label)  # refuses a file PROJ cannot use before anything is written
    digest = hashlib.sha256(Path(src).read_bytes()).hexdigest()[:16]
    rel = f"{GEOID_DIR}/{digest}{Path(src).suffix.lower()}"
    final = store.path / rel
    final.parent.mkdir(exist_ok=True)
    previous = _current_file(store)
    fresh = not final.exists()
    if fresh:
        write_durably(final, copy_writer(Path(src)), needed=Path(src).stat().st_size)
    try:
        geoid = load_geoid(final, label)
        with store.db.atomic():
            store.db.execute(
                "UPDATE permit_area SET geoid_name = ?, geoid_file = ? WHERE id = 1", (label, rel)
            )
            # Designs given as H follow the geoid, in this transaction: all or nothing.
            recompute_orthometric(store.db, geoid)
    except BaseException:
        if fresh:
            with contextlib.suppress(OSError):
                final.unlink()
        raise
    if previous and previous != rel:
        _remove(store, previous)
    return geoid


def reset_job_geoid(store: JobStore) -> Geoid:
    """Back to the bundled EGM96 crop; the job's copy of its own grid goes."""
    store.require_writable()
    previous = _current_file(store)
    geoid = bundled_geoid()
    with store.db.atomic():
        store.db.execute("UPDATE permit_area SET geoid_name = NULL, geoid_file = NULL WHERE id = 1")
        recompute_orthometric(store.db, geoid)
    if previous:
        _remove(store, previous)
    return geoid


def _current_file(store: JobStore) -> str | None:
    row = store.db.execute("SELECT geoid_file FROM permit_area WHERE id = 1").fetchone()
    return str(row[0]) if row and row[0] else None


def _remove(store: JobStore, rel: str) -> None:
    with contextlib.suppress(OSError):
        (store.path / rel).unlink()
