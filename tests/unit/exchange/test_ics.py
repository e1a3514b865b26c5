"""iCalendar text rules: escaping, folding at 75 octets on character boundaries, stable UIDs."""

from __future__ import annotations

import datetime as dt
import re

from fieldapp.app.calendar import CalendarItem
from fieldapp.exchange.ics import calendar_text, escape_text, fold, item_uid


def test_text_escaping() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_keeps_characters_whole_and_lines_short() -> None:
    line = "DESCRIPTION:" + "σ Tanda Batas — pemeliharaan ✓ " * 12
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1 and all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert re.sub(r"\r\n ", "", folded) == line
    assert fold("SHORT:x") == "SHORT:x"


def test_uid_follows_the_item_not_its_date() -> None:
    a = CalendarItem(dt.date(2027, 5, 10), "marker_inspection", "t", True, marker="4A")
    moved = CalendarItem(dt.date(2027, 11, 30), "marker_inspection", "u", False, marker="4A")
    other = CalendarItem(dt.date(2027, 5, 10), "marker_inspection", "t", True, marker="4B")
    assert item_uid(a, "job-1") == item_uid(moved, "job-1") != item_uid(other, "job-1")
    assert item_uid(a, "job-1") != item_uid(a, "job-2")  # two jobs in one office calendar


def test_an_item_with_a_newline_and_an_alarm() -> None:
    item = CalendarItem(dt.date(2027, 1, 30), "kpo_update", "baris satu\nbaris; dua", False,
                        surveyor="Budi Santoso, S.T.")  # fmt: skip
    text = calendar_text([item], job_uuid="j", job_name="WIUP A",
                         stamp=dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC))  # fmt: skip
    lines = text.split("\r\n")
    assert "DESCRIPTION:baris satu\\nbaris\\; dua" in lines
    assert "SUMMARY:Pemutakhiran data KPO Budi Santoso\\, S.T. (WIUP A)" in lines
    assert "DTSTAMP:20261204T090000Z" in lines and "TRIGGER;RELATED=START:-P7D" in lines
    assert lines.index("BEGIN:VALARM") < lines.index("END:VALARM") < lines.index("END:VEVENT")
