"""The compliance calendar as iCalendar (RFC 5545) for the office's calendar application.

Written by hand (no iCalendar library in the app): CRLF line ends, content lines folded at
75 octets without splitting a UTF-8 character, TEXT values escaped (backslash, semicolon,
comma, newline), one all-day VEVENT per item (DTSTART;VALUE=DATE, DTEND the day after).

Re-importing updates rather than duplicates: the UID is made from the job's UUID, the kind
and what the item is about (the marker, the surveyor, the RKAB year), never from the date,
so the next inspection of marker 4B stays one event that moves. SEQUENCE grows with the
export time (minutes since 2000) so clients that honour it take the newer export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol


class CalendarItem(Protocol):
    """What an event is made of (fieldapp.app.calendar.CalendarItem has it)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def overdue(self) -> bool: ...
    @property
    def marker(self) -> str | None: ...
    @property
    def surveyor(self) -> str | None: ...


PRODID = "-//fieldapp//Kalender Kepatuhan Tanda Batas//ID"
_TITLES = {
    "maintenance_report": "Laporan pemeliharaan Tanda Batas",
    "marker_inspection": "Pemeriksaan Tanda Batas {marker}",
    "kpo_update": "Pemutakhiran data KPO {surveyor}",
    "rkab_op_opens": "RKAB OP: pengajuan dapat dimulai",
    "rkab_op_closes": "RKAB OP: batas akhir pengajuan",
}
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon and comma escaped; newlines as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 3.1: at most 75 octets a line, continuation lines starting with a space."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            parts.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    parts.append(current)
    return "\r\n".join(parts)


def item_uid(item: CalendarItem, job_uuid: str) -> str:
    """Stable per item: the same marker's next inspection keeps its UID when its date moves."""
    about = item.marker or item.surveyor or ""
    if item.kind.startswith("rkab"):
        about = str(item.date.year)
    digest = hashlib.sha256(f"{job_uuid}\x1f{item.kind}\x1f{about}".encode()).hexdigest()
    return f"{item.kind}-{digest[:24]}@fieldapp"


def summary(item: CalendarItem, job_name: str) -> str:
    title = _TITLES.get(item.kind, item.kind).format(
        marker=item.marker or "", surveyor=item.surveyor or ""
    )
    return f"{'TERLAMBAT: ' if item.overdue else ''}{title} ({job_name})"


def calendar_text(
    items: Iterable[CalendarItem],
    *,
    job_uuid: str,
    job_name: str,
    stamp: dt.datetime,
    alarm_days: int | None = 7,
) -> str:
    """The VCALENDAR text (CRLF, folded); ``stamp`` is the export time (DTSTAMP, SEQUENCE)."""
    utc = stamp.astimezone(dt.UTC)
    dtstamp = utc.strftime("%Y%m%dT%H%M%SZ")
    sequence = int((utc - _EPOCH).total_seconds() // 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'Kalender kepatuhan {job_name}')}",
    ]
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item_uid(item, job_uuid)}",
            f"DTSTAMP:{dtstamp}",
            f"SEQUENCE:{sequence}",
            f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(summary(item, job_name))}",
            f"DESCRIPTION:{escape_text(item.text)}",
            f"CATEGORIES:{escape_text(item.kind)}",
            "TRANSP:TRANSPARENT",
        ]
        if alarm_days is not None and not item.overdue:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"TRIGGER;RELATED=START:-P{alarm_days}D",
                f"DESCRIPTION:{escape_text(summary(item, job_name))}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(path: Path, text: str) -> None:
    """Write the calendar as UTF-8 bytes, CRLF kept (no newline translation)."""
    path.write_bytes(text.encode("utf-8"))
