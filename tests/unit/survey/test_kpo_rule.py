"""The KPO yearly data update: due 30 days after Q4; a January update counts for the year before."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.survey.kpo import covered_year, next_update_due, update_overdue, year_end_deadline
from fieldapp.survey.models import Surveyor

D = dt.date


def test_the_update_for_a_year_is_due_30_days_after_31_december() -> None:
    assert year_end_deadline(2025) == D(2026, 1, 30)
    assert year_end_deadline(2027) == D(2028, 1, 30)  # leap years change nothing in January


@pytest.mark.parametrize(
    ("updated", "covers", "due"),
    [
        (D(2025, 1, 15), 2024, D(2026, 1, 30)),  # the late update for 2024
        (D(2025, 1, 30), 2024, D(2026, 1, 30)),  # the last grace day still counts for 2024
        (D(2025, 1, 31), 2025, D(2027, 1, 30)),  # from here on it is 2025's update
        (D(2025, 12, 31), 2025, D(2027, 1, 30)),
    ],
)
def test_covered_year_and_next_due(updated: dt.date, covers: int, due: dt.date) -> None:
    assert covered_year(updated) == covers
    assert next_update_due(updated) == due
    assert not update_overdue(updated, due)
    assert update_overdue(updated, due + dt.timedelta(days=1))


def test_a_status_rules_the_old_active_flag() -> None:
    assert Surveyor("A", kpo_no="DBT-1", kpo_status="dikembalikan").kpo_active is False
    assert Surveyor("A", kpo_no="DBT-1", kpo_active=False, kpo_status="aktif").kpo_active
    with pytest.raises(ValueError, match="expected one of aktif, dikembalikan, dihusutkan"):
        Surveyor("A", kpo_status="hilang")
