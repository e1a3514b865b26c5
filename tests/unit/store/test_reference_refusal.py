"""A marker is on its true point or referenced, never both: the store refuses the second."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixfactory import H0, LAT0, LON0, make_fix

from fieldapp.store import JobStore
from fieldapp.store.installation import (
    current_references,
    load_installation,
    record_reference,
    record_stake,
    record_stake_from_occupation,
    true_point_monument,
    withdraw,
)
from fieldapp.store.occupations import begin_occupation
from fieldapp.store.records import upsert_markers
from fieldapp.survey.installation import StakeSource
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.survey.occupation import AntennaHeight, GateProfile, Position, metres_per_degree

KN, KE = metres_per_degree(LAT0)
REF = Position(LAT0 - 4.2 / KN, LON0 - 4.3 / KE, 40.0)


@pytest.fixture
def job(tmp_path: Path) -> JobStore:
    store = JobStore.create(tmp_path / "t.fieldapp", "Test")
    upsert_markers(store.db, [Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, H0 - 2.0)])
    return store


def _occupy(job: JobStore, source: str | None) -> int:
    rec = begin_occupation(job.db, "1", GateProfile(min_epochs=3, min_seconds=2),
                           AntennaHeight(2), source=source)  # fmt: skip
    for i in range(4):
        rec.add(make_fix(i, dn=0.01))
    return rec.finish().id


def test_reference_refused_when_the_set_marker_was_occupied_on_the_true_point(
    job: JobStore,
) -> None:
    stake = record_stake_from_occupation(job.db, _occupy(job, "serial"))
    assert true_point_monument(job.db, "1") is not None
    with pytest.raises(ValueError) as err:
        record_reference(job.db, "1", REF, "rawa")
    text = str(err.value)
    assert "marker 1 already has a monument on its true point" in text
    assert f"stake {stake.id}" in text and "Withdraw" in text
    assert current_references(job.db, "1") == []
    # Withdrawn (the monument was not on the true point after all): the reference is allowed.
    withdraw(job.db, "stake", stake.id, "tugu tidak di titik sebenarnya")
    ref = record_reference(job.db, "1", REF, "rawa")
    assert [r.id for r in current_references(job.db, "1")] == [ref.id]


def test_reference_allowed_where_the_true_point_was_only_located(job: JobStore) -> None:
    # Stake-out's "Ukur & simpan" locates the point; a total-station shot too: no monument.
    record_stake_from_occupation(job.db, _occupy(job, "stakeout"))
    record_stake(job.db, "1", Position(LAT0, LON0), StakeSource.TOTAL_STATION, ts_shot="gsi:1")
    assert true_point_monument(job.db, "1") is None
    ref = record_reference(job.db, "1", REF, "titik sebenarnya di alur sungai")
    assert ref.geometry.distance_m == pytest.approx(6.01, abs=0.01)
    assert [r.id for r in load_installation(job.db, "1").references] == [ref.id]


def test_an_occupation_outside_tolerance_is_not_on_the_true_point(job: JobStore) -> None:
    rec = begin_occupation(job.db, "1", GateProfile(min_epochs=3, min_seconds=2),
                           AntennaHeight(2), source="serial")  # fmt: skip
    for i in range(4):
        rec.add(make_fix(i, dn=0.5))
    stake = record_stake_from_occupation(job.db, rec.finish().id)
    assert not stake.delta.passed
    assert true_point_monument(job.db, "1") is None
    record_reference(job.db, "1", REF)


def test_monument_refused_when_the_marker_is_referenced(job: JobStore) -> None:
    ref = record_reference(job.db, "1", REF, "rawa")
    occupation = _occupy(job, "serial")
    with pytest.raises(ValueError, match="marker 1 has a Tanda Batas Referensi"):
        record_stake_from_occupation(job.db, occupation)
    assert load_installation(job.db, "1").stakes == ()  # nothing half-recorded
    # The stake-out's locating measurement is not a monument: it is kept beside the reference.
    assert record_stake_from_occupation(job.db, _occupy(job, "stakeout")).delta.passed
    withdraw(job.db, "reference_marker", ref.id, "titik sebenarnya ternyata bisa dipasangi")
    assert record_stake_from_occupation(job.db, occupation).delta.passed
