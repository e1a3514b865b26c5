"""The job's background maps: which files, copied or referenced, in what order and opacity."""

from __future__ import annotations

import contextlib
import hashlib
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from fieldapp.basemap.source import SourceKind, open_background
from fieldapp.store.durable import (
    COPY_BLOCK,
    ensure_free,
    intent,
    publish,
    recover_intents,
    remove_litter,
    write_part,
)
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import JobBusyError, job_lock
from fieldapp.store.records import now_iso

BACKGROUND_DIR = "backgrounds"
MAX_NAME = 120


class JobBackgroundError(ValueError):
    """A background change the job refuses (name taken, no such background, a bad value)."""


@dataclass(frozen=True, slots=True)
class JobBackground:
    id: int
    name: str
    path: Path  # absolute: inside JOB/backgrounds/ when copied, else where it was added from
    copied: bool
    kind: SourceKind
    opacity: float  # 0 (invisible) .. 1 (opaque)
    position: int  # drawing order: the lowest is drawn first, at the bottom
    visible: bool

    @property
    def missing(self) -> bool:
        """The file is gone (a linked file moved, a drive not plugged in): the map says so."""
        return not self.path.is_file()


_COLUMNS = "id, name, path, copied, kind, opacity, position, visible"


def load_backgrounds(store: JobStore) -> list[JobBackground]:
    """The job's backgrounds in drawing order (bottom first)."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM job_background ORDER BY position, id"
    ).fetchall()
    return [_background(store, row) for row in rows]


def find_background(store: JobStore, ident: int | str) -> JobBackground:
    """By id, or by name (a name made of digits wins over the id it spells)."""
    row = None
    if isinstance(ident, str):
        row = store.db.execute(
            f"SELECT {_COLUMNS} FROM job_background WHERE name = ?", (" ".join(ident.split()),)
        ).fetchone()
        if row is None and ident.strip().isdigit():
            ident = int(ident)
    if row is None and isinstance(ident, int):
        row = store.db.execute(
            f"SELECT {_COLUMNS} FROM job_background WHERE id = ?", (ident,)
        ).fetchone()
    if row is None:
        names = ", ".join(b.name for b in load_backgrounds(store)) or "none"
        raise JobBackgroundError(f"{store.path}: no background {ident!r} (the job has: {names})")
    return _background(store, row)


def add_background(
    store: JobStore, file: Path, *, copy: bool, name: str | None = None, opacity: float = 1.0
) -> JobBackground:
    """Open ``file`` (BackgroundError when it cannot be one), then store it on top, at once.

    ``copy``: into JOB/backgrounds/, named by its content, so the job folder carries it
    (a copy that fails leaves nothing); else the absolute path is kept and the file stays put.
    """
    store.require_writable()
    src = Path(file)
    _check_opacity(opacity)
    source = open_background(src)  # refuses a file that is no background before any write
    try:
        kind, own_name = source.kind, source.name
    finally:
        source.close()
    label = " ".join((name if name is not None else own_name or src.stem).split())
    if not label or len(label) > MAX_NAME:
        raise JobBackgroundError(f"background name {label!r}: expected 1 to {MAX_NAME} characters")
    if store.db.execute("SELECT 1 FROM job_background WHERE name = ?", (label,)).fetchone():
        raise JobBackgroundError(
            f"{src}: the job already has a background named {label!r}; give another name"
        )
    if not copy:
        return find_background(
            store, _insert(store, label, str(src.resolve()), False, kind, opacity)
        )
    folder = store.path / BACKGROUND_DIR
    folder.mkdir(exist_ok=True)
    referenced = partial(_referenced, store)
    part: Path | None = None
    try:
        with job_lock(store, "adding a background"):
            # Under the lock no live copy has a part file here: what is left is litter.
            remove_litter(folder)
            recover_intents(folder, referenced)
            part, final = _copy_part(store, src)
            rel = f"{BACKGROUND_DIR}/{final.name}"
            if final.exists():  # the same content is already in the job: share it
                part.unlink()
                new_id = _insert(store, label, rel, True, kind, opacity)
            else:
                # A kill between the rename and the commit leaves a file no row knows:
                # the intent marker has the next add remove it.
                with intent(final, referenced):
                    publish(part, final)
                    new_id = _insert(store, label, rel, True, kind, opacity)
    except JobBusyError as exc:
        raise JobBackgroundError(str(exc)) from exc
    finally:
        if part is not None:  # published by now, or to go
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
    return find_background(store, new_id)


def remove_background(store: JobStore, ident: int | str) -> JobBackground:
    """By id or name; a copy inside the job folder goes with it (unless another row uses it)."""
    store.require_writable()
    gone = find_background(store, ident)
    with store.db.atomic():
        rel = store.db.execute("SELECT path FROM job_background WHERE id = ?", (gone.id,))
        stored = str(rel.fetchone()[0])
        store.db.execute("DELETE FROM job_background WHERE id = ?", (gone.id,))
        _renumber(store, [b.id for b in load_backgrounds(store)])
        shared = store.db.execute(
            "SELECT 1 FROM job_background WHERE copied = 1 AND path = ?", (stored,)
        ).fetchone()
    if gone.copied and not shared and _inside(store, gone.path):
        with contextlib.suppress(OSError):
            gone.path.unlink()
    return gone


def set_background(
    store: JobStore,
    ident: int | str,
    *,
    opacity: float | None = None,
    visible: bool | None = None,
    position: int | None = None,
) -> JobBackground:
    """Change opacity, visibility or place in the stack (the others shift to make room)."""
    store.require_writable()
    target = find_background(store, ident)
    if opacity is not None:
        _check_opacity(opacity)
    order = [b.id for b in load_backgrounds(store) if b.id != target.id]
    if position is not None and not 0 <= position <= len(order):
        raise JobBackgroundError(
            f"position {position}: expected 0 (bottom) to {len(order)} (top) for this job"
        )
    with store.db.atomic():
        if opacity is not None:
            store.db.execute(
                "UPDATE job_background SET opacity = ? WHERE id = ?", (float(opacity), target.id)
            )
        if visible is not None:
            store.db.execute(
                "UPDATE job_background SET visible = ? WHERE id = ?", (int(visible), target.id)
            )
        if position is not None:
            order.insert(position, target.id)
            _renumber(store, order)
    return find_background(store, target.id)


def _background(store: JobStore, row: tuple[object, ...]) -> JobBackground:
    bid, name, path, copied, kind, opacity, position, visible = row
    where = store.path / str(path) if copied else Path(str(path))
    return JobBackground(
        id=int(str(bid)),
        name=str(name),
        path=where,
        copied=bool(copied),
        kind=str(kind),  # type: ignore[arg-type]  # the table's CHECK holds it to SourceKind
        opacity=float(str(opacity)),
        position=int(str(position)),
        visible=bool(visible),
    )


def _check_opacity(opacity: float) -> None:
    if not (math.isfinite(opacity) and 0.0 <= opacity <= 1.0):
        raise JobBackgroundError(
            f"opacity {opacity}: expected a number from 0 (invisible) to 1 (opaque)"
        )


def _next(top: object) -> int:
    return 0 if top is None else int(str(top)) + 1


def _renumber(store: JobStore, ids: list[int]) -> None:
    for pos, bid in enumerate(ids):
        store.db.execute("UPDATE job_background SET position = ? WHERE id = ?", (pos, bid))


def _inside(store: JobStore, path: Path) -> bool:
    return path.resolve().parent == (store.path / BACKGROUND_DIR).resolve()


def _copy_part(store: JobStore, src: Path) -> tuple[Path, Path]:
    """Copy ``src`` into a part file, hashing it on the way; (part, final name by content).

    A pack can be gigabytes: it is read once. A failed copy (a full disk) leaves no part.
    """
    folder = store.path / BACKGROUND_DIR
    size = src.stat().st_size
    ensure_free(folder, size, f"copy {src.name} into the job")
    digest = hashlib.sha256()
    suffix = src.suffix.lower()
    part = write_part(
        folder / f"incoming-{uuid.uuid4().hex}{suffix}", _hashing_copy(src, digest), needed=size
    )
    return part, folder / f"{digest.hexdigest()[:16]}{suffix}"


def _insert(store: JobStore, name: str, rel: str, copied: bool, kind: str, opacity: float) -> int:
    with store.db.atomic():
        top = store.db.execute("SELECT max(position) FROM job_background").fetchone()[0]
        cursor = store.db.execute(
            "INSERT INTO job_background (name, path, copied, kind, opacity, position, visible,"
            " added_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
            (name, rel, int(copied), kind, float(opacity), _next(top), now_iso()),
        )
        return int(cursor.lastrowid or 0)


def _referenced(store: JobStore, file_name: str) -> bool:
    row = store.db.execute(
        "SELECT 1 FROM job_background WHERE copied = 1 AND path = ?",
        (f"{BACKGROUND_DIR}/{file_name}",),
    ).fetchone()
    return row is not None


def _hashing_copy(src: Path, digest: hashlib._Hash) -> Callable[[BinaryIO], None]:
    def copy(out: BinaryIO) -> None:
        with src.open("rb") as fin:
            while block := fin.read(COPY_BLOCK):
                digest.update(block)
                out.write(block)

    return copy
