"""The job's background maps: which files, copied or referenced, in what order and opacity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.basemap.source import SourceKind
from fieldapp.store.jobfile import JobStore

BACKGROUND_DIR = "backgrounds"


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


# CONTRACT (issue 18): the store helper implements these; the map and the documents read them.
def load_backgrounds(store: JobStore) -> list[JobBackground]:
    """The job's backgrounds in drawing order (bottom first)."""
    raise NotImplementedError


def add_background(
    store: JobStore, file: Path, *, copy: bool, name: str | None = None, opacity: float = 1.0
) -> JobBackground:
    """Open ``file`` (BackgroundError when it cannot be one), then store it on top, at once."""
    raise NotImplementedError


def remove_background(store: JobStore, ident: int | str) -> JobBackground:
    """By id or name; a copy inside the job folder goes with it."""
    raise NotImplementedError


def set_background(
    store: JobStore,
    ident: int | str,
    *,
    opacity: float | None = None,
    visible: bool | None = None,
    position: int | None = None,
) -> JobBackground:
    raise NotImplementedError
