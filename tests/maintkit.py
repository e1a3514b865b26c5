"""Inspections for the laporan pemeliharaan tests: real records, Pillow photos, check shots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inspectkit import ANTENNA_M, capture_at, jpeg, stake_position

from fieldapp.app.check_shot import gnss_measurement
from fieldapp.store import JobStore
from fieldapp.store.inspections import Inspection, installed_position, record_inspection
from fieldapp.store.records import load_surveyors
from fieldapp.survey.occupation import AntennaHeight, HeightMethod

ANTENNA = AntennaHeight(ANTENNA_M, HeightMethod.VERTICAL, 0.0, 0.0)
INSTALLED = dt.date(2026, 11, 11)  # the demo's markers are measured by 2026-11-10 (UTC)


def visit_days(today: dt.date | None = None) -> tuple[str, dt.date, dt.date, dt.date]:
    """The period holding today, and two visit days in it after the demo's installation.

    The demo records 4B's reference marker when the job is made (today): 4B is visited today.
    """
    today = today or dt.date.today()
    code = f"{today.year}-H{1 if today.month <= 6 else 2}"
    start = dt.date(today.year, 1 if today.month <= 6 else 7, 1)
    first = min(max(start, INSTALLED), today)
    return code, today, first, min(first + dt.timedelta(days=1), today)


def _surveyor(store: JobStore) -> str:
    return load_surveyors(store.db)[0].name


def inspect_good(
    store: JobStore, marker: str, day: dt.date, work: Path, *, north_m: float = 0.01,
    action: str = "Pembersihan vegetasi radius 1 m dan pengecatan ulang",
) -> Inspection:  # fmt: skip
    """Found in good order, vegetation cleared (its photo), a GNSS check shot ``north_m`` off."""
    # The monument in the ground: 4B's is its Tanda Batas Referensi, not the true point.
    where = installed_position(store.db, marker)
    assert where is not None
    lat, lon, h = where.position.lat, where.position.lon, where.position.h
    h = h if h is not None else stake_position(store.path, marker)[2] or 0.0
    stem, label = f"{marker}_{day}_{north_m}", f"{action[:8]} {marker} {day}"
    cap = capture_at(work / f"{stem}.nmea", lat, lon, h, north_m=north_m)
    return record_inspection(
        store, marker, condition="baik", vegetation_cleared=True, inspected_on=day,
        surveyor=_surveyor(store), access_condition="Jalan setapak, dapat dilalui motor",
        action_taken=action,
        photos=[
            (jpeg(work / f"{stem}_v.jpg", "vegetasi", label), "vegetasi", None),
            (jpeg(work / f"{stem}_u.jpg", "utara", label), "utara", "tampak utuh"),
        ],
        check=gnss_measurement(cap, ANTENNA), today=dt.date.today(),
    )  # fmt: skip


def inspect_pulled_out(store: JobStore, marker: str, day: dt.date, work: Path) -> Inspection:
    """Found pulled out (tercabut): a photo of it, no check shot."""
    photo = jpeg(work / f"{marker}_{day}_d.jpg", "detail", f"Tanda Batas {marker} tercabut")
    return record_inspection(
        store, marker, condition="tercabut", vegetation_cleared=False, inspected_on=day,
        surveyor=_surveyor(store), access_condition="Tertutup longsoran",
        action_taken="Patok diamankan di lokasi", photos=[(photo, "detail", "patok tercabut")],
        today=dt.date.today(),
    )  # fmt: skip
