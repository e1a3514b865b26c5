"""The work plan the user fills: cost items, schedule and notes stored, checked and logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.store.work_plan import (
    PlanInputError,
    add_cost,
    add_schedule,
    load_costs,
    load_notes,
    load_schedule,
    parse_rupiah,
    remove_row,
    set_note,
)


@pytest.fixture
def job(tmp_path: Path) -> Iterator[JobStore]:
    with create_demo_job(tmp_path / "plan.fieldapp", background=False) as store:
        yield store


def _log(store: JobStore, table: str) -> list[str]:
    rows = store.db.execute(
        "SELECT action FROM change_log WHERE table_name = ? ORDER BY id", [table]
    )
    return [r[0] for r in rows]


def test_costs_kept_in_order_with_amounts_and_audit(job: JobStore) -> None:
    a = add_cost(job.db, "Tugu beton", "24", "buah", "850.000")
    b = add_cost(job.db, " Sewa  GNSS ", "1,5", "bulan", "Rp 12.500.000", note="3 unit")
    assert (a.amount_idr, b.amount_idr) == (20_400_000, 18_750_000)
    assert [c.item for c in load_costs(job.db)] == ["Tugu beton", "Sewa GNSS"]
    remove_row(job.db, "plan_cost", a.id)
    assert [c.id for c in load_costs(job.db)] == [b.id]
    assert _log(job, "plan_cost") == ["insert", "insert", "withdraw"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("12500000", 12_500_000), ("12.500.000", 12_500_000), ("Rp 1.000", 1000),
     ("Rp12.500.000,-", 12_500_000)],
)  # fmt: skip
def test_rupiah_accepted(text: str, value: int) -> None:
    assert parse_rupiah(text) == value


@pytest.mark.parametrize(
    ("field", "kwargs", "message"),
    [
        ("price", {"unit_price": "-5"}, "negative"),
        ("price", {"unit_price": "12,5"}, "whole Rupiah"),
        ("price", {"unit_price": "1.50"}, "whole Rupiah"),
        ("quantity", {"quantity": "0"}, "above 0"),
        ("quantity", {"quantity": "nan"}, "above 0"),
        ("quantity", {"quantity": "banyak"}, "not a number"),
        ("item", {"item": "   "}, "must not be empty"),
        ("unit", {"unit": ""}, "must not be empty"),
    ],
)
def test_bad_cost_refused_nothing_stored(
    job: JobStore, field: str, kwargs: dict[str, str], message: str
) -> None:
    good = {"item": "Tugu", "quantity": "1", "unit": "buah", "unit_price": "1000"}
    with pytest.raises(PlanInputError, match=f"^{field}: .*{message}"):
        add_cost(job.db, **{**good, **kwargs})  # type: ignore[arg-type]
    assert load_costs(job.db) == [] and _log(job, "plan_cost") == []


def test_schedule_dates_checked(job: JobStore) -> None:
    s = add_schedule(job.db, "Pemasangan", "2027-01-18", "2027-02-21")
    assert (s.start_on, s.end_on, s.days) == (dt.date(2027, 1, 18), dt.date(2027, 2, 21), 35)
    one = add_schedule(job.db, "Satu hari", dt.date(2027, 3, 1), dt.date(2027, 3, 1))
    assert one.days == 1
    for start, end, message in (
        ("2027-02-22", "2027-02-01", "end: 2027-02-01 lies before the start 2027-02-22"),
        ("2027-02-30", "2027-03-01", "start: '2027-02-30' is not a date as YYYY-MM-DD"),
        ("2027-01-01", "01/02/2027", "end: '01/02/2027' is not a date"),
        ("1990-01-01", "1990-01-02", "outside 2000-2100"),
    ):
        with pytest.raises(PlanInputError, match=message):
            add_schedule(job.db, "x", start, end)
    assert [x.activity for x in load_schedule(job.db)] == ["Pemasangan", "Satu hari"]
    with pytest.raises(LookupError, match="no schedule activity with id 99"):
        remove_row(job.db, "plan_schedule", 99)


def test_notes_set_replaced_and_cleared(job: JobStore) -> None:
    set_note(job.db, "access", "Dari Tenggarong lewat jalan hauling")
    set_note(job.db, "access", "Dari Loa Kulu")
    assert load_notes(job.db) == {"access": "Dari Loa Kulu"}
    set_note(job.db, "access", "")
    assert load_notes(job.db) == {}
    with pytest.raises(PlanInputError, match="topic: 'akses'"):
        set_note(job.db, "akses", "x")
