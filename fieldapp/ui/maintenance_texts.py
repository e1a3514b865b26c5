"""The maintenance view's words for the core's values: conditions, history events, how recent."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

CONDITIONS = ("baik", "rusak", "tercabut", "hilang", "bergeser")
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail", "vegetasi")
MAINTENANCE_MONTHS = 6  # Kepmen 1825 K/30/MEM/2018: maintained and reported every 6 months


def _tr(text: str) -> str:
    return QCoreApplication.translate("MaintenanceTexts", text)


def condition_word(condition: str) -> str:
    words = {
        "baik": _tr("good"),
        "rusak": _tr("damaged"),
        "tercabut": _tr("pulled out"),
        "hilang": _tr("lost"),
        "bergeser": _tr("moved"),
    }
    return words.get(condition, condition)


def condition_meaning(condition: str) -> str:
    """ "good", "warn" or "bad": a damaged marker stands; a lost or moved one goes in again."""
    if condition == "baik":
        return "good"
    if condition == "rusak":
        return "warn"
    return "bad"


def direction_word(direction: str) -> str:
    words = {
        "utara": _tr("North"),
        "timur": _tr("East"),
        "selatan": _tr("South"),
        "barat": _tr("West"),
        "detail": _tr("Close-up"),
        "vegetasi": _tr("Vegetation"),
    }
    return words.get(direction, direction)


def event_word(kind: str) -> str:
    words = {
        "planned": _tr("Planned"),
        "staked": _tr("Staked out"),
        "installed": _tr("Installed"),
        "documented": _tr("Documented"),
        "inspected": _tr("Inspected"),
        "damaged": _tr("Found damaged"),
        "lost": _tr("Found lost"),
        "moved": _tr("Found moved"),
        "reinstallation_opened": _tr("Reinstallation opened"),
        "reinstalled": _tr("Reinstalled"),
        "reinstallation_cancelled": _tr("Reinstallation cancelled"),
    }
    return words.get(kind, kind)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Recency:
    """How recent a marker's last inspection is, as the table says and colours it."""

    days: int | None  # None: never inspected
    stale: bool  # never inspected, or the last inspection is more than 6 months old


def recency(last: dt.date | None, today: dt.date) -> Recency:
    if last is None:
        return Recency(None, True)
    return Recency((today - last).days, today > months_after(last, MAINTENANCE_MONTHS))
