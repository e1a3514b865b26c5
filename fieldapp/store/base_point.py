"""An occupation's base matched to the job's control: the coordinate used is kept with it."""

from __future__ import annotations

from typing import Any

from fieldapp.store.database import JobDatabase
from fieldapp.survey.base_point import BaseUsed
from fieldapp.survey.models import ControlKind, ControlPoint

# Words a surveyor puts before a point's number ("BM 3040", "TB-07"), in matching form.
_KIND_WORDS = ("titikbantu", "jkhn", "cors", "bm", "tb")
_COLUMNS = "name, kind, lat, lon, h, tied_to, source, sigma_h, sigma_v, baseline_id"


class AmbiguousBase(ValueError):
    """The base as typed matches more than one control point of the job."""


def _key(name: str) -> str:
    """How a name is compared: case, spaces, hyphens, dots and underscores do not count."""
    return "".join(c for c in name.casefold() if not c.isspace() and c not in "-_.")


def _bare(key: str) -> str:
    for word in _KIND_WORDS:
        if key.startswith(word) and len(key) > len(word):
            return key[len(word) :]
    return key


def find_base_point(db: JobDatabase, typed: str | None) -> str | None:
    """The job's control point the surveyor means by ``typed``; None: not a control point.

    "bm3040", "BM 3040" and "3040" all name the point stored as "3040" or "BM 3040"; when the
    text fits two points it is refused rather than guessed.
    """
    key = _key(typed or "")
    if not key:
        return None
    names = [str(r[0]) for r in db.execute("SELECT name FROM control_point ORDER BY id")]
    found = [n for n in names if _key(n) == key]
    if not found:
        found = [n for n in names if _bare(_key(n)) == _bare(key)]
    if len(found) > 1:
        raise AmbiguousBase(
            f"base {typed!r} fits the control points {', '.join(found)}: name it as in the"
            " job's control"
        )
    return found[0] if found else None


def _control_row(db: JobDatabase, name: str) -> dict[str, Any] | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM control_point WHERE name = ?", [name])
    return next(rows, None)


def base_columns(db: JobDatabase, typed: str | None) -> dict[str, Any]:
    """The occupation's ``base_*`` columns: the control point named and its coordinate now."""
    name = find_base_point(db, typed)
    row = _control_row(db, name) if name is not None else None
    if row is None:
        return {}
    return {"base_point" if k == "name" else f"base_{k}": v for k, v in row.items()}


def _point(r: dict[str, Any]) -> ControlPoint:
    return ControlPoint(
        name=r["name"],
        kind=ControlKind(r["kind"]),
        lat=r["lat"],
        lon=r["lon"],
        h=r["h"],
        input_crs="SRGI2013",
        input_a=r["lat"],
        input_b=r["lon"],
        tied_to=r["tied_to"],
        source=r["source"],
        sigma_h=r["sigma_h"],
        sigma_v=r["sigma_v"],
    )


def base_used(db: JobDatabase, occupation: dict[str, Any]) -> BaseUsed | None:
    """What an occupation row's base stood on, then and now; None for a base not in control."""
    if occupation.get("base_point") is None:
        return None
    used = _point(
        {
            "name": occupation["base_point"],
            **{k: occupation[f"base_{k}"] for k in _COLUMNS.split(", ")[1:]},
        }
    )
    baseline_id = occupation["base_baseline_id"]
    fix = None
    if baseline_id is not None:
        row = db.execute("SELECT fix FROM baseline WHERE id = ?", [baseline_id]).fetchone()
        fix = None if row is None else str(row[0])
    tied_kind = None
    if used.tied_to:
        row = db.execute("SELECT kind FROM control_point WHERE name = ?", [used.tied_to]).fetchone()
        tied_kind = None if row is None else ControlKind(row[0])
    now = _control_row(db, used.name)
    return BaseUsed(
        used=used,
        baseline_id=baseline_id,
        baseline_fix=fix,
        tied_to_kind=tied_kind,
        current=None if now is None else _point(now),
        current_baseline_id=None if now is None else now["baseline_id"],
    )
