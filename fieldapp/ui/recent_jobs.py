"""Recent jobs and the marker last chosen in each, kept in the user's settings."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fieldapp.ui.app import settings

MAX_RECENT = 8


def recent_jobs() -> list[str]:
    value = settings().value("jobs/recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [str(v) for v in items if v]


def remember_job(path: Path) -> None:
    items = [str(path)] + [p for p in recent_jobs() if p != str(path)]
    settings().setValue("jobs/recent", items[:MAX_RECENT])


def selection_key(path: Path) -> str:
    # One key per job folder; a hash keeps QSettings from reading the path as nested groups.
    return "jobs/selected/" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


def remember_marker(path: Path, name: str | None) -> None:
    """The marker chosen when the job closes: selected again when it reopens."""
    if name:
        settings().setValue(selection_key(path), name)


def remembered_marker(path: Path) -> str | None:
    value = settings().value(selection_key(path))
    return str(value) if value else None
