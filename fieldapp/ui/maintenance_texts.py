"""The maintenance view's words for the core's values: conditions, history events, how recent."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

CONDITIONS = ("baik", "rusak", "tercabut", "hilang", "bergeser")
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail", "vegetasi")
MAINTENANCE_MONTHS = 6  # Kepmen 1825 K/30/MEM/2018: maintained and reported every 6 months


def condition_word(condition: str) -> str:
    words = {
        "baik": QCoreApplication.translate("MaintenanceTexts", "good"),
        "rusak": QCoreApplication.translate("MaintenanceTexts", "damaged"),
        "tercabut": QCoreApplication.translate("MaintenanceTexts", "pulled out"),
        "hilang": QCoreApplication.translate("MaintenanceTexts", "lost"),
        "bergeser": QCoreApplication.translate("MaintenanceTexts", "moved"),
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
        "utara": QCoreApplication.translate("MaintenanceTexts", "North"),
        "timur": QCoreApplication.translate("MaintenanceTexts", "East"),
        "selatan": QCoreApplication.translate("MaintenanceTexts", "South"),
        "barat": QCoreApplication.translate("MaintenanceTexts", "West"),
        "detail": QCoreApplication.translate("MaintenanceTexts", "Close-up"),
        "vegetasi": QCoreApplication.translate("MaintenanceTexts", "Vegetation"),
    }
    return words.get(direction, direction)


def event_word(kind: str) -> str:
    words = {
        "planned": QCoreApplication.translate("MaintenanceTexts", "Planned"),
        "staked": QCoreApplication.translate("MaintenanceTexts", "Staked out"),
        "installed": QCoreApplication.translate("MaintenanceTexts", "Installed"),
        "documented": QCoreApplication.translate("MaintenanceTexts", "Documented"),
        "inspected": QCoreApplication.translate("MaintenanceTexts", "Inspected"),
        "damaged": QCoreApplication.translate("MaintenanceTexts", "Found damaged"),
        "lost": QCoreApplication.translate("MaintenanceTexts", "Found lost"),
        "moved": QCoreApplication.translate("MaintenanceTexts", "Found moved"),
        "reinstallation_opened": QCoreApplication.translate(
            "MaintenanceTexts", "Reinstallation opened"
        ),
        "reinstalled": QCoreApplication.translate("MaintenanceTexts", "Reinstalled"),
        "reinstallation_cancelled": QCoreApplication.translate(
            "MaintenanceTexts", "Reinstallation cancelled"
        ),
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
