"""The compliance calendar of a job: the dates its data makes due, overdue ones flagged.

What each date follows from (all dates local to the job's time zone, WIB/WITA/WIT):

* ``maintenance_report``: a laporan pemeliharaan every 6 months (Kepmen 1825 K/30/MEM/2018,
  Lampiran IX). The next is due 6 months after the last FINAL one (table maintenance_report;
  the first final build of its period counts, a rebuild does not move the date). Before any:
  6 months after the berita acara, dated as the berita acara is by default (the day the last
  marker was installed, fieldapp.reports.identity.statement_day).
* ``marker_inspection``: every installed marker is visited at least once in 6 months (the
  report covers each one): 6 months after its latest inspection, or after its installation
  (the field time of its current stake) when it was never inspected since.
* ``kpo_update``: per juru ukur holding an active KPO card, the yearly update of the KPO data,
  due 30 days after the end of Q4 (SE 1.E/MB.07/DBT.KP/2022; the exact rule:
  fieldapp.survey.kpo). No update date recorded: overdue today.
* ``rkab_op_opens`` / ``rkab_op_closes``: the RKAB OP for next year, with the installation
  report riding along, is submitted after the Q2 activity report and at the latest 45
  calendar days before the end of the year. The Q2 report is taken as due 30 days after the
  end of Q2 (30 July) - the window is open once it is in, so the calendar shows it opening
  then at the latest; 45 days before the year ends (the end of 31 December) leaves
  16 November as the last day. The app records no RKAB submission, so these are never
  flagged overdue; once a year's window has closed, next year's is shown.

"6 months after D" is the same day 6 months on, or the month's last day when it has none
(31 August -> 28/29 February). A date is overdue when today is after it.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

from fieldapp.reports.data import LocalZone, zone_for
from fieldapp.reports.textfmt import date_id
from fieldapp.store import records as rec
from fieldapp.store.database import JobDatabase
from fieldapp.survey.kpo import covered_year, next_update_due

KINDS = ("maintenance_report", "marker_inspection", "kpo_update", "rkab_op_opens",
         "rkab_op_closes")  # fmt: skip
KPO_BASIS = "SE 1.E/MB.07/DBT.KP/2022"
Q2_REPORT_DAYS = 30  # after 30 June
RKAB_DAYS_BEFORE_YEAR_END = 45


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One due date; ``text`` in Indonesian."""

    date: dt.date
    kind: str
    text: str
    overdue: bool
    marker: str | None = None
    surveyor: str | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def rkab_window(year: int) -> tuple[dt.date, dt.date]:
    """When the RKAB OP may be submitted in ``year``: (Q2 report due, last day)."""
    opens = dt.date(year, 6, 30) + dt.timedelta(days=Q2_REPORT_DAYS)
    closes = dt.date(year + 1, 1, 1) - dt.timedelta(days=RKAB_DAYS_BEFORE_YEAR_END + 1)
    return opens, closes


def _local_day(stamp: str, zone: LocalZone) -> dt.date:
    return zone.local(dt.datetime.fromisoformat(stamp)).date()


def installation_days(db: JobDatabase, zone: LocalZone) -> dict[str, dt.date]:
    """Installed marker -> the day of its current stake (the field time when measured)."""
    rows = db.execute(
        "SELECT m.name, coalesce(o.last_utc, s.recorded_at) FROM marker m"
        " JOIN stake s ON s.marker_id = m.id AND s.withdrawn_at IS NULL"
        " LEFT JOIN occupation o ON o.id = s.occupation_id"
        " WHERE m.status IN ('installed', 'documented') ORDER BY s.id"
    ).fetchall()
    return {str(name): _local_day(str(at), zone) for name, at in rows}  # latest stake wins


def last_inspections(db: JobDatabase) -> dict[str, dt.date]:
    rows = db.execute(
        "SELECT m.name, max(i.inspected_on) FROM inspection i JOIN marker m ON m.id = i.marker_id"
        " WHERE i.withdrawn_at IS NULL GROUP BY m.name"
    ).fetchall()
    return {str(name): dt.date.fromisoformat(str(day)[:10]) for name, day in rows}


def _next_period(period: str) -> str:
    year, half = int(period[:4]), period[-1]
    return f"{year}-H2" if half == "1" else f"{year + 1}-H1"


def _maintenance_report(
    db: JobDatabase, zone: LocalZone, installed: dict[str, dt.date], today: dt.date
) -> list[CalendarItem]:
    row = db.execute(
        "SELECT period, min(built_at) FROM maintenance_report WHERE draft = 0"
        " GROUP BY period ORDER BY period DESC LIMIT 1"
    ).fetchone()
    if row is not None:
        last = _local_day(str(row[1]), zone)
        due = add_months(last, 6)
        period = str(row[0])
        text = (f"Laporan pemeliharaan Tanda Batas periode {_next_period(period)} jatuh "
                f"tempo: 6 bulan setelah laporan periode {period} ({date_id(last)})")  # fmt: skip
    elif installed:
        ba_day = max(installed.values())
        due = add_months(ba_day, 6)
        text = ("Laporan pemeliharaan Tanda Batas pertama jatuh tempo: 6 bulan setelah "
                f"berita acara pemasangan ({date_id(ba_day)})")  # fmt: skip
    else:
        return []
    return [CalendarItem(due, "maintenance_report", text, today > due)]


def _inspections(
    db: JobDatabase, installed: dict[str, dt.date], today: dt.date
) -> list[CalendarItem]:
    inspected = last_inspections(db)
    order = {m.name: i for i, m in enumerate(rec.load_markers(db))}
    items = []
    for name in sorted(installed, key=lambda n: order.get(n, len(order))):
        put, seen = installed[name], inspected.get(name)
        if seen is not None and seen >= put:
            base, since = seen, f"pemeriksaan terakhir {date_id(seen)}"
        else:
            base, since = put, f"dipasang {date_id(put)}, belum pernah diperiksa"
        due = add_months(base, 6)
        late = today > due
        when = "terlambat, lebih dari" if late else "paling lambat"
        text = f"Tanda Batas {name}: pemeriksaan pemeliharaan {when} 6 bulan sejak {since}"
        items.append(CalendarItem(due, "marker_inspection", text, late, marker=name))
    return items


def _kpo_updates(db: JobDatabase, today: dt.date) -> list[CalendarItem]:
    latest = {s.name: s for s in rec.load_surveyors(db)}  # the latest added wins, as elsewhere
    items = []
    for s in latest.values():
        if not s.kpo_no or (s.kpo_status or ("aktif" if s.kpo_active else "")) != "aktif":
            continue  # no card, or one that signs nothing whatever its data
        if s.kpo_updated_on is None:
            text = (f"Data KPO {s.name} ({s.kpo_no}): tanggal pemutakhiran terakhir tidak "
                    f"tercatat; mutakhirkan dan catat ({KPO_BASIS})")  # fmt: skip
            items.append(CalendarItem(today, "kpo_update", text, True, surveyor=s.name))
            continue
        due = next_update_due(s.kpo_updated_on)
        text = (f"Pemutakhiran data KPO {s.name} ({s.kpo_no}) tahun "
                f"{covered_year(s.kpo_updated_on) + 1}: paling lambat 30 hari setelah akhir "
                f"triwulan IV; terakhir {date_id(s.kpo_updated_on)} ({KPO_BASIS})")  # fmt: skip
        items.append(CalendarItem(due, "kpo_update", text, today > due, surveyor=s.name))
    return items


def _rkab(today: dt.date) -> list[CalendarItem]:
    year = today.year
    opens, closes = rkab_window(year)
    if today > closes:
        year += 1
        opens, closes = rkab_window(year)
    return [
        CalendarItem(opens, "rkab_op_opens",
                     f"RKAB OP tahun {year + 1} dapat diajukan setelah laporan triwulan II "
                     f"{year} (batas laporan: 30 hari setelah akhir triwulan II); laporan "
                     "pemasangan Tanda Batas disertakan", False),
        CalendarItem(closes, "rkab_op_closes",
                     f"Batas akhir pengajuan RKAB OP tahun {year + 1}: 45 hari kalender sebelum "
                     f"akhir tahun {year}", False),
    ]  # fmt: skip


def job_calendar(db: JobDatabase, today: dt.date) -> list[CalendarItem]:
    """Every due date the job's data gives, sorted by date (then kind, marker, surveyor)."""
    zone = zone_for(rec.load_permit_area(db).province)
    installed = installation_days(db, zone)
    items = [
        *_maintenance_report(db, zone, installed, today),
        *_inspections(db, installed, today),
        *_kpo_updates(db, today),
        *_rkab(today),
    ]
    # Stable sort: within a day, the order above (markers in their reading order) stays.
    return sorted(items, key=lambda i: (i.date, KINDS.index(i.kind)))
