"""`fieldapp job calendar`: the due dates a job's data gives, as text, JSON and iCalendar."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli import main

BUDI, RAHMAT = "Budi Santoso, S.T.", "Rahmat Hidayat"


@pytest.fixture
def job(tmp_path: Path) -> Path:
    # The documented demo: marker 4 installed 9 Nov 2026, 4A and 4B on 10 Nov 2026 (WITA).
    path = tmp_path / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


def _sql(job: Path, sql: str, *params: object) -> None:
    # Plain SQL: the inspection and report tables are read as defined, not through their code.
    with sqlite3.connect(job / "job.sqlite") as con:
        con.execute(sql, params)


def _inspect(job: Path, marker: str, day: str, *, withdrawn: bool = False) -> None:
    _sql(job, "INSERT INTO inspection (uuid, marker_id, inspected_on, condition,"
         " vegetation_cleared, recorded_at, withdrawn_at, withdrawn_reason) VALUES"
         " (?, (SELECT id FROM marker WHERE name = ?), ?, 'baik', 1, ?, ?, ?)",
         str(uuid.uuid4()), marker, day, f"{day}T02:00:00+00:00",
         "2027-03-02T00:00:00+00:00" if withdrawn else None,
         "salah tanda batas" if withdrawn else None)  # fmt: skip


def _report(job: Path, period: str, built_at: str, *, draft: bool = False) -> None:
    _sql(job, "INSERT INTO maintenance_report (period, file_name, document_sha256, draft,"
         " built_at) VALUES (?, ?, ?, ?, ?)", period, f"lp_{period}.pdf", "a" * 64, int(draft),
         built_at)  # fmt: skip


def _calendar(job: Path, today: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["job", "calendar", str(job), "--json", "--today", today]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _brief(items: list[dict[str, Any]]) -> list[tuple[str, str, str | None, bool]]:
    return [(i["date"], i["kind"], i["marker"] or i["surveyor"], i["overdue"]) for i in items]


def test_due_dates_from_the_jobs_data(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, updated in ((BUDI, "2026-03-01"), (RAHMAT, "2025-06-01")):
        assert main(["surveyor", "kpo", str(job), name, "--number", f"DBT-{name[:4]}",
                     "--status", "aktif", "--updated", updated]) == 0  # fmt: skip
    # Nothing reported or inspected yet: everything counts from the installation.
    assert _brief(_calendar(job, "2027-06-01", capsys)) == [
        ("2027-01-30", "kpo_update", RAHMAT, True),  # 2025's update covers 2025: 2026's by then
        ("2027-05-09", "marker_inspection", "4", True),
        ("2027-05-10", "maintenance_report", None, True),  # 6 months after the berita acara
        ("2027-05-10", "marker_inspection", "4A", True),
        ("2027-05-10", "marker_inspection", "4B", True),
        ("2027-07-30", "rkab_op_opens", None, False),  # the Q2 report due 30 days after Q2
        ("2027-11-16", "rkab_op_closes", None, False),  # 45 days before the year's end
        ("2028-01-30", "kpo_update", BUDI, False),
    ]
    _inspect(job, "4", "2027-02-01")
    _inspect(job, "4B", "2026-12-15")
    _inspect(job, "4B", "2027-03-01", withdrawn=True)  # withdrawn: does not count
    _report(job, "2026-H2", "2027-01-04T20:00:00+00:00")  # 5 January in WITA
    _report(job, "2026-H2", "2027-02-01T02:00:00+00:00")  # a rebuild moves nothing
    _report(job, "2027-H1", "2027-05-20T02:00:00+00:00", draft=True)  # a DRAF is no report
    items = _calendar(job, "2027-06-01", capsys)
    assert _brief(items) == [
        ("2027-01-30", "kpo_update", RAHMAT, True),
        ("2027-05-10", "marker_inspection", "4A", True),
        ("2027-06-15", "marker_inspection", "4B", False),
        ("2027-07-05", "maintenance_report", None, False),
        ("2027-07-30", "rkab_op_opens", None, False),
        ("2027-08-01", "marker_inspection", "4", False),
        ("2027-11-16", "rkab_op_closes", None, False),
        ("2028-01-30", "kpo_update", BUDI, False),
    ]
    texts = {(i["kind"], i["marker"] or i["surveyor"]): i["text"] for i in items}
    assert texts[("maintenance_report", None)] == (
        "Laporan pemeliharaan Tanda Batas periode 2027-H1 jatuh tempo: 6 bulan setelah laporan "
        "periode 2026-H2 (5 Januari 2027)"
    )
    assert texts[("marker_inspection", "4A")] == (
        "Tanda Batas 4A: pemeriksaan pemeliharaan terlambat, lebih dari 6 bulan sejak dipasang "
        "10 November 2026, belum pernah diperiksa"
    )
    assert "sejak pemeriksaan terakhir 15 Desember 2026" in texts[("marker_inspection", "4B")]
    assert texts[("kpo_update", RAHMAT)] == (
        "Pemutakhiran data KPO Rahmat Hidayat (DBT-Rahm) tahun 2026: paling lambat 30 hari "
        "setelah akhir triwulan IV; terakhir 1 Juni 2025 (SE 1.E/MB.07/DBT.KP/2022)"
    )
    # The day after this year's RKAB window closed, next year's is shown.
    later = _brief(_calendar(job, "2027-11-17", capsys))
    assert [i for i in later if i[1].startswith("rkab")] == [
        ("2028-07-30", "rkab_op_opens", None, False),
        ("2028-11-16", "rkab_op_closes", None, False),
    ]
    assert main(["job", "calendar", str(job), "--today", "2027-06-01"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "WIUP Demo Loa Kulu: compliance calendar on 2027-06-01, 8 item(s), 2 overdue"
    assert text[2].startswith("2027-05-10  marker_inspection   OVERDUE Tanda Batas 4A:")


def test_a_returned_card_has_no_update_due(job: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["surveyor", "kpo", str(job), RAHMAT, "--number", "DBT-1", "--status",
                 "dihusutkan", "--updated", "2025-06-01"]) == 0  # fmt: skip
    kpo = [i for i in _calendar(job, "2027-06-01", capsys) if i["kind"] == "kpo_update"]
    assert [i["surveyor"] for i in kpo] == [BUDI]


# -- iCalendar, read back by a parser written here (no icalendar package) --------------------


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_ics(data: bytes) -> list[dict[str, tuple[dict[str, str], str]]]:
    """VEVENTs as {NAME: (params, value)}; checks CRLF and the 75-octet limit on the way."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    text = data.decode("utf-8")  # folding never split a character
    lines = re.sub(r"\r\n[ \t]", "", text)[:-2].split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    events, current, depth = [], None, []
    for line in lines:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            assert depth.pop() == value
            if value == "VEVENT":
                events.append(current)
            continue
        if current is not None and depth[-1] == "VEVENT":
            current[name] = (dict(p.split("=", 1) for p in params), _unescape(value))
    assert not depth
    return events


def test_the_ics_parses_and_carries_every_item(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "kalender.ics"
    assert main(["job", "calendar", str(job), "--today", "2027-06-01", "--ics", str(ics)]) == 0
    assert capsys.readouterr().out.strip() == f"{ics}: 8 event(s)"
    items = _calendar(job, "2027-06-01", capsys)
    events = parse_ics(ics.read_bytes())
    assert len(events) == len(items) == 8
    assert len({e["UID"][1] for e in events}) == 8
    for item, ev in zip(items, events, strict=True):
        assert ev["DTSTART"] == ({"VALUE": "DATE"}, item["date"].replace("-", ""))
        end = dt.date.fromisoformat(item["date"]) + dt.timedelta(days=1)
        assert ev["DTEND"][1] == f"{end:%Y%m%d}"
        assert ev["DESCRIPTION"][1] == item["text"]  # commas, semicolons, long lines: intact
        assert ev["CATEGORIES"][1] == item["kind"]
        assert re.fullmatch(r"\d{8}T\d{6}Z", ev["DTSTAMP"][1])
        assert ev["SUMMARY"][1].startswith("TERLAMBAT: ") == item["overdue"]
    kpo = next(e for e in events if e["CATEGORIES"][1] == "kpo_update")
    assert kpo["SUMMARY"][1] == "Pemutakhiran data KPO Budi Santoso, S.T. (WIUP Demo Loa Kulu)"
    # Inspected later: marker 4A's event keeps its UID and moves, so a re-import updates it.
    uid_4a = {e["UID"][1]: e for e in events if "4A" in e["SUMMARY"][1]}
    _inspect(job, "4A", "2027-05-30")
    assert main(["job", "calendar", str(job), "--today", "2027-06-01", "--ics", str(ics)]) == 0
    again = parse_ics(ics.read_bytes())
    moved = [e for e in again if e["UID"][1] in uid_4a]
    assert [e["DTSTART"][1] for e in moved] == ["20271130"]
    assert {e["UID"][1] for e in again} == {e["UID"][1] for e in events}
    assert int(moved[0]["SEQUENCE"][1]) >= int(next(iter(uid_4a.values()))["SEQUENCE"][1])
