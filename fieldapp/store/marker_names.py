"""Marker names in the job store: the SK rule on creation, rename and plan, and its breaches.

The rule itself lives in :mod:`fieldapp.survey.naming`. Every path where a user gives a
marker a name comes through here (``marker add``, ``marker rename``, accepting a plan);
:func:`~fieldapp.store.records.upsert_markers` stays the unchecked primitive under them.
A job whose markers already break the rule still opens: :func:`naming_findings` lists them
for ``job validate``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import load_boundary_points, load_markers, now_iso, upsert_markers
from fieldapp.survey.models import Marker, MarkerKind, MarkerStatus
from fieldapp.survey.naming import (
    SkNumbers,
    check_marker_name,
    name_problem,
    parse_marker_name,
    reference_name,
    rule_text,
)


@dataclass(frozen=True, slots=True)
class NameFinding:
    """A stored marker whose name breaks the SK rule."""

    marker: str
    kind: MarkerKind
    problem: str

    @property
    def message(self) -> str:
        return f"marker {self.marker} ({self.kind.value}): name breaks the SK rule: {self.problem}"


@dataclass(frozen=True, slots=True)
class Renamed:
    """What a rename did: the names, and whether a monument already carries the old one."""

    old: str
    new: str
    status: MarkerStatus

    @property
    def in_the_ground(self) -> bool:
        return self.status in (MarkerStatus.INSTALLED, MarkerStatus.DOCUMENTED)


def sk_numbers(db: JobDatabase) -> SkNumbers:
    """The Titik Batas numbers of the job's SK, in SK order (indexed: many names are checked)."""
    return SkNumbers(p.number for p in load_boundary_points(db))


def infer_kind(db: JobDatabase, name: str) -> MarkerKind | None:
    """The kind a name implies by the rule (None when it is outside the rule)."""
    parsed = parse_marker_name(name, sk_numbers(db))
    return None if parsed is None else parsed.kind


def check_markers(db: JobDatabase, markers: Iterable[Marker], source: str) -> None:
    """Refuse (MarkerNameError) the first marker whose name breaks the rule."""
    numbers = sk_numbers(db)
    for m in markers:
        check_marker_name(m.name, m.kind, numbers, source, m.edge)


def add_marker(db: JobDatabase, marker: Marker, source: str = "marker add") -> None:
    """Add one marker whose name follows the rule; a name already in the job is refused."""
    check_markers(db, [marker], source)
    with db.atomic():
        if db.execute("SELECT 1 FROM marker WHERE name = ?", [marker.name]).fetchone():
            raise ValueError(f"marker {marker.name!r} already exists in this job")
        upsert_markers(db, [marker])


def rename_marker(db: JobDatabase, old: str, new: str, source: str = "marker rename") -> Renamed:
    """Give a marker a new name by the rule; the change is logged with both names."""
    mid = marker_id(db, old)
    row = db.execute(
        "SELECT kind, edge_from, edge_to, status FROM marker WHERE id = ?", [mid]
    ).fetchone()
    kind = MarkerKind(row[0])
    edge = (row[1], row[2]) if row[1] is not None else None
    check_marker_name(new, kind, sk_numbers(db), source, edge)
    if new == old:
        raise ValueError(f"marker {old!r} already has that name")
    with db.atomic():
        if db.execute("SELECT 1 FROM marker WHERE name = ?", [new]).fetchone():
            raise ValueError(f"marker {new!r} already exists in this job")
        db.execute("UPDATE marker SET name = ?, updated_at = ? WHERE id = ?", [new, now_iso(), mid])
        log_change(db, mid, "marker", mid, "update", {"name": [old, new]})
    return Renamed(old, new, MarkerStatus(row[3]))


def reference_names(db: JobDatabase, marker: str) -> dict[int, str]:
    """Names of the marker's Tanda Batas Referensi records by id: 4B-R, 4B-R2 ...

    Numbered in the order recorded, withdrawn ones included: a record is never deleted, so a
    name once printed never moves to another reference.
    """
    rows = db.execute(
        "SELECT id FROM reference_marker WHERE marker_id = ? ORDER BY id", [marker_id(db, marker)]
    ).fetchall()
    return {int(r[0]): reference_name(marker, i) for i, r in enumerate(rows, 1)}


def naming_findings(db: JobDatabase) -> list[NameFinding]:
    """Every stored marker whose name breaks the rule, in marker order."""
    numbers = sk_numbers(db)
    if not numbers:
        return []  # without the SK no name can be judged; validate already says so
    out: list[NameFinding] = []
    for m in load_markers(db):
        problem = name_problem(m.name, m.kind, numbers, m.edge)
        if problem is not None:
            out.append(NameFinding(m.name, m.kind, problem))
    return out


def naming_rule(db: JobDatabase) -> str:
    """The rule in one line with this job's Titik Batas numbers."""
    return rule_text(sk_numbers(db))
