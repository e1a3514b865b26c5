"""What a laporan pemeliharaan is made from: the period, every marker's latest visit, the hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from fieldapp.reports.data import (
    KIND_ID,
    LocalZone,
    ReportData,
    canonical_json,
    load_report_data,
)
from fieldapp.reports.errors import ReportInputError
from fieldapp.reports.terbilang import BULAN
from fieldapp.store import JobStore
from fieldapp.store.inspections import Inspection, list_inspections
from fieldapp.store.monument import reinstalled_on
from fieldapp.survey.models import PermitArea, Surveyor

# Conditions that call for the marker to be set again (Kepmen 1825, Pasca Penetapan).
NEEDS_REINSTALLATION = ("rusak", "tercabut", "hilang", "bergeser")
_PERIOD = re.compile(r"(\d{4})-H([12])")


class PeriodError(ReportInputError):
    """A --period that is not YYYY-H1/YYYY-H2, or one that has not begun yet."""


@dataclass(frozen=True, slots=True)
class Period:
    """A six-month reporting period: H1 = 1 January–30 June, H2 = 1 July–31 December."""

    year: int
    half: int  # 1 or 2

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """``Semester II Tahun 2026 (1 Juli – 31 Desember 2026)``."""
        s, e = self.start, self.end
        return (
            f"Semester {'I' if self.half == 1 else 'II'} Tahun {self.year} "
            f"({s.day} {BULAN[s.month - 1]} – {e.day} {BULAN[e.month - 1]} {self.year})"
        )

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def parse_period(text: str, today: dt.date) -> Period:
    """``2026-H2`` -> Period; a period that starts after ``today`` is refused."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        raise PeriodError(
            f"period {text!r}: expected YYYY-H1 (1 January–30 June) or YYYY-H2 "
            "(1 July–31 December), e.g. 2026-H2"
        )
    year = int(match.group(1))
    if year < 1900:
        raise PeriodError(f"period {text!r}: year {year} is not a plausible year")
    period = Period(year, int(match.group(2)))
    if period.start > today:
        raise PeriodError(
            f"period {period.code}: it starts on {period.start.isoformat()}, after today "
            f"({today.isoformat()}); a maintenance report covers visits already made"
        )
    return period


@dataclass(frozen=True, slots=True)
class MarkerMaintenance:
    """One installed marker in the period: its latest inspection there, or none."""

    name: str
    kind: str  # in Indonesian: Sudut, Sisipan, Referensi
    e: float
    n: float
    installed_on: dt.date
    inspection: Inspection | None  # the latest in the period
    before: Inspection | None  # the latest before the period (a not visited marker's last)
    # The reinstallation opened since that inspection: (opened, closed or None), not cancelled.
    reinstallation: tuple[dt.date, dt.date | None] | None = None
    # Closed by the period's end: the monument in the ground since then is the reinstalled one.
    reinstalled_on: dt.date | None = None

    @property
    def visited(self) -> bool:
        return self.inspection is not None

    @property
    def check_failed(self) -> bool:
        i = self.inspection
        return i is not None and i.check is not None and not i.check.passed

    @property
    def needs_action(self) -> bool:
        """Found damaged, pulled out, lost or moved, or a check shot outside tolerance."""
        i = self.inspection
        return i is not None and (i.condition in NEEDS_REINSTALLATION or self.check_failed)


@dataclass(frozen=True, slots=True)
class MaintenanceData:
    """Everything the laporan pemeliharaan of one period states, and the SHA-256 of it."""

    job_path: Path
    permit: PermitArea
    zone: LocalZone
    zone_label: str
    period: Period
    as_of: dt.date  # the period's end, or today while the period runs
    markers: tuple[MarkerMaintenance, ...]
    surveyors: tuple[Surveyor, ...]  # the juru ukur of the visits reported, in order met
    sha256: str
    # Markers installed after the period: not due in it (named in the document).
    later: tuple[str, ...] = ()

    @property
    def visited(self) -> tuple[MarkerMaintenance, ...]:
        return tuple(m for m in self.markers if m.visited)

    @property
    def not_visited(self) -> tuple[MarkerMaintenance, ...]:
        return tuple(m for m in self.markers if not m.visited)

    @property
    def needing_action(self) -> tuple[MarkerMaintenance, ...]:
        return tuple(m for m in self.markers if m.needs_action)

    @property
    def in_progress(self) -> bool:
        return self.as_of < self.period.end


Reinstallations = dict[str, list[tuple[dt.date, dt.date | None]]]
Reinstalled = dict[str, list[tuple[dt.date, dt.date]]]


def load_reinstallations(store: JobStore) -> tuple[Reinstallations, Reinstalled]:
    """Per marker, its reinstallations not cancelled (opened, closed or None), oldest first;
    and the closed ones as (closed, the new monument's field date).

    Read from the table itself (schema_reinstall.py): the report needs only the dates.
    """
    dates: Reinstallations = {}
    closed: Reinstalled = {}
    rows = store.db.execute(
        "SELECT m.name, r.id, r.opened_at, r.closed_at FROM reinstallation r"
        " JOIN marker m ON m.id = r.marker_id WHERE r.cancelled_at IS NULL ORDER BY r.id"
    ).fetchall()
    for name, rid, opened, closed_at in rows:
        day = dt.date.fromisoformat(str(opened)[:10])
        closed_on = dt.date.fromisoformat(str(closed_at)[:10]) if closed_at else None
        dates.setdefault(str(name), []).append((day, closed_on))
        if closed_on is not None:
            on = reinstalled_on(store.db, int(rid)) or closed_on
            closed.setdefault(str(name), []).append((closed_on, on))
    return dates, closed


def _since(
    found: Inspection | None, reinstalls: list[tuple[dt.date, dt.date | None]]
) -> tuple[dt.date, dt.date | None] | None:
    """The latest reinstallation opened on or after the visit that found the marker."""
    if found is None:
        return None
    later = [r for r in reinstalls if r[0] >= found.inspected_on]
    return later[-1] if later else None


def _reinstalled(period: Period, closed: list[tuple[dt.date, dt.date]]) -> dt.date | None:
    """The field date of the monument of the last reinstallation closed by the period's end."""
    done = [on for closed_on, on in closed if closed_on <= period.end]
    return done[-1] if done else None


def maintenance_data(
    report: ReportData,
    inspections: list[Inspection],
    period: Period,
    today: dt.date,
    reinstallations: Reinstallations | None = None,
    reinstalled: Reinstalled | None = None,
) -> MaintenanceData:
    """The markers installed by the period's end, each with its latest visit in the period."""
    in_period: dict[str, Inspection] = {}
    before: dict[str, Inspection] = {}
    # list_inspections is in date order, then id: the last one kept is the latest.
    for i in inspections:
        if period.holds(i.inspected_on):
            in_period[i.marker] = i
        elif i.inspected_on < period.start:
            before[i.marker] = i
    rows, later = [], []
    for m in report.markers:
        installed = m.installed_at.date()
        if installed > period.end:
            later.append(m.name)
            continue
        found = in_period.get(m.name)
        rows.append(
            MarkerMaintenance(
                m.name,
                KIND_ID[m.marker.kind],
                m.e,
                m.n,
                installed,
                found,
                before.get(m.name),
                _since(found, (reinstallations or {}).get(m.name, [])),
                _reinstalled(period, (reinstalled or {}).get(m.name, [])),
            )
        )
    if not rows:
        raise ReportInputError(
            f"{report.job_path}: no marker was installed by {period.end.isoformat()} (end of "
            f"{period.code}); nothing to report for that period",
            path=report.job_path,
        )
    registry = {s.name: s for s in report.surveyors}
    names = dict.fromkeys(r.inspection.surveyor for r in rows if r.inspection and
                          r.inspection.surveyor)  # fmt: skip
    surveyors = tuple(registry.get(n) or Surveyor(n) for n in names if n)
    body = {
        "permit": report.permit,
        "period": period.code,
        "markers": [
            {
                "name": r.name,
                "e": round(r.e, 3),
                "n": round(r.n, 3),
                "inspection": r.inspection,
                "before": r.before.inspected_on if r.before else None,
                "reinstallation": r.reinstallation,
                # Only where there is one: the Nomor of every other report stays as it was.
                **({"reinstalled_on": r.reinstalled_on} if r.reinstalled_on else {}),
            }
            for r in rows
        ],
        "surveyors": surveyors,
    }
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    return MaintenanceData(
        job_path=report.job_path,
        permit=report.permit,
        zone=report.zone,
        zone_label=report.zone_label,
        period=period,
        as_of=min(period.end, today),
        markers=tuple(rows),
        surveyors=surveyors,
        sha256=digest,
        later=tuple(later),
    )


def load_maintenance_data(store: JobStore, period: Period, today: dt.date) -> MaintenanceData:
    """From a job: its installed markers (report snapshot) and every inspection recorded."""
    return maintenance_data(
        load_report_data(store),
        list_inspections(store.db),
        period,
        today,
        *load_reinstallations(store),
    )
