"""Per-WIUP overview: each marker's latest condition and what is overdue, from accepted packages."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, field

from fieldapp.sync.office import maintenance
from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.service import OfficeError

INTERVAL_MONTHS = 6  # Kepmen 1825 K/30/MEM/2018: markers kept, reported every six months


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class MarkerState:
    """One marker as the office last accepted it."""

    name: str
    status: str  # planned | staked | installed | documented
    installed_on: dt.date | None
    last_inspection: dt.date | None
    condition: str | None  # of the latest inspection
    surveyor: str | None
    vegetation_cleared: bool | None
    check_passed: bool | None
    photos: int
    due_on: dt.date | None  # six months after the last inspection, else the installation
    overdue: bool
    open_reinstallation: str | None  # its reason
    reinstalled_on: dt.date | None  # a reinstallation closed after the latest inspection
    needs_action: bool  # damaged, pulled out, lost or moved, and not yet reinstalled


@dataclass(frozen=True, slots=True)
class Source:
    """The package an overview was read from."""

    package_id: str
    revision: int
    kind: str
    accepted_at: str


@dataclass(slots=True)
class WiupOverview:
    job_id: str
    job_name: str
    source: Source | None  # None: the office has accepted no package of this WIUP yet
    awaiting_review: int
    markers: list[MarkerState] = field(default_factory=list)
    open_reinstallations: list[maintenance.ReinstallationRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(m.overdue for m in self.markers)

    @property
    def needing_action(self) -> int:
        return sum(m.needs_action for m in self.markers)

    @property
    def installed(self) -> int:
        return sum(m.installed_on is not None for m in self.markers)


def marker_states(data: maintenance.MaintenanceData, today: dt.date) -> list[MarkerState]:
    latest: dict[str, maintenance.InspectionRow] = {}
    for i in sorted(data.inspections, key=lambda i: i.inspected_on):
        if not i.withdrawn:
            latest[i.marker] = i
    open_by: dict[str, str] = {}
    closed_by: dict[str, dt.date] = {}
    for r in data.reinstallations:
        if r.status == "terbuka":
            open_by[r.marker] = r.reason
        elif r.status == "selesai" and r.closed_on is not None:
            closed_by[r.marker] = max(r.closed_on, closed_by.get(r.marker, r.closed_on))
    states = []
    for m in data.markers:
        last = latest.get(m.name)
        reinstalled = closed_by.get(m.name)
        if reinstalled is not None and last is not None and reinstalled < last.inspected_on:
            reinstalled = None  # inspected since: the inspection is the news
        # A marker set in the ground is due six months after whichever came last: its
        # installation (or reinstallation) or its latest inspection.
        counted = [d for d in (m.installed_on, reinstalled, last and last.inspected_on) if d]
        due = add_months(max(counted), INTERVAL_MONTHS) if m.installed_on and counted else None
        damaged = last is not None and last.condition in maintenance.DAMAGED
        states.append(
            MarkerState(
                name=m.name,
                status=m.status,
                installed_on=m.installed_on,
                last_inspection=last.inspected_on if last else None,
                condition=last.condition if last else None,
                surveyor=last.surveyor if last else None,
                vegetation_cleared=last.vegetation_cleared if last else None,
                check_passed=last.check.passed if last and last.check else None,
                photos=len(last.photos) if last else 0,
                due_on=due,
                overdue=due is not None and today > due,
                open_reinstallation=open_by.get(m.name),
                reinstalled_on=reinstalled,
                needs_action=damaged and reinstalled is None,
            )
        )
    return states


def _jobs(db: Database) -> list[tuple[str, str]]:
    """(job id, name of its latest package) for every WIUP the office has packages of."""
    rows = db.query(
        "SELECT job_id, job_name FROM package p WHERE id = (SELECT MAX(q.id) FROM package q"
        " WHERE q.job_id = p.job_id) ORDER BY job_name, job_id"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _overview(
    db: Database, blobs: BlobStore, job_id: str, name: str, today: dt.date
) -> WiupOverview:
    waiting = db.one(
        "SELECT COUNT(*) FROM package WHERE job_id = ? AND state IN ('received', 'in_review')",
        [job_id],
    )
    # Every package carries the whole job, so the latest accepted one is the office's view.
    row = db.one(
        "SELECT id, package_id, revision, bag_info, updated_at FROM package"
        " WHERE job_id = ? AND state = 'accepted' ORDER BY committed_at DESC, id DESC LIMIT 1",
        [job_id],
    )
    out = WiupOverview(job_id, name, None, int(waiting[0]) if waiting else 0)
    if row is None:
        return out
    try:
        info = json.loads(row[3])
        kind = maintenance.package_kind(info if isinstance(info, dict) else {}).value
    except (ValueError, maintenance.MaintenanceDataError):
        kind = "?"
    out.source = Source(str(row[1]), int(row[2]), kind, str(row[4]))
    try:
        data = maintenance.load_maintenance(blobs, _files(db, int(row[0])))
    except maintenance.MaintenanceDataError as exc:
        out.problems.append(str(exc))
        return out
    if data is None:
        out.problems.append(
            "paket yang diterima tidak membawa data/pemeliharaan.json (dibuat sebelum"
            " pemeliharaan dicatat): kondisi Tanda Batas tidak diketahui"
        )
        return out
    out.markers = marker_states(data, today)
    out.open_reinstallations = [r for r in data.reinstallations if r.status == "terbuka"]
    return out


def _files(db: Database, package_pk: int) -> dict[str, tuple[str, int]]:
    rows = db.query(
        "SELECT path, sha256, size FROM package_file WHERE package_pk = ?", [package_pk]
    )
    return {str(r[0]): (str(r[1]), int(r[2])) for r in rows}


def accepted_before(
    db: Database, blobs: BlobStore, job_id: str, package_pk: int, committed_at: str
) -> maintenance.MaintenanceData | None:
    """The maintenance record the office had accepted for the WIUP when this package came:
    the review page marks what the package adds to it. None: nothing accepted, or unreadable."""
    row = db.one(
        "SELECT id FROM package WHERE job_id = ? AND state = 'accepted' AND id != ?"
        " AND committed_at <= ? ORDER BY committed_at DESC, id DESC LIMIT 1",
        [job_id, package_pk, committed_at],
    )
    if row is None:
        return None
    try:
        return maintenance.load_maintenance(blobs, _files(db, int(row[0])))
    except maintenance.MaintenanceDataError:
        return None


def wiup_overview(db: Database, blobs: BlobStore, job_id: str, today: dt.date) -> WiupOverview:
    for known, name in _jobs(db):
        if known == job_id:
            return _overview(db, blobs, job_id, name, today)
    raise OfficeError(404, f"no package of WIUP job {job_id[:80]!r} at this office")


def wiup_list(db: Database, blobs: BlobStore, today: dt.date) -> list[WiupOverview]:
    return [_overview(db, blobs, job_id, name, today) for job_id, name in _jobs(db)]
