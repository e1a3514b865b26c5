"""Reinstallation records in the store: where they go, the status they walk, what is refused."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.demo_documented import export_documented_demo
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.installation import (
    load_installation,
    record_stake,
    record_stake_from_occupation,
    withdraw,
)
from fieldapp.store.reinstallations import (
    cancel_reinstallation,
    current_stake,
    open_reinstallation,
    working_installation,
)
from fieldapp.survey.installation import StakeSource
from fieldapp.survey.local import Position
from fieldapp.survey.models import MarkerStatus


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_documented_demo(tmp_path_factory.mktemp("ri") / "demo.fieldapp", background=False)


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Iterator[JobStore]:
    shutil.copytree(template, tmp_path / "job.fieldapp")
    with JobStore.open(tmp_path / "job.fieldapp") as s:
        yield s


def test_a_stake_walks_the_reinstallation_and_its_withdrawal_walks_it_back(
    store: JobStore,
) -> None:
    db = store.db
    r = open_reinstallation(db, "4A", "hilang")
    m = rec.load_marker(db, "4A")
    stake = record_stake(db, "4A", Position(m.lat, m.lon, m.h), StakeSource.TOTAL_STATION,
                         ts_shot="TS-1")  # fmt: skip
    assert load_installation(db, "4A", r.id).status is MarkerStatus.STAKED
    assert working_installation(db, "4A").stakes == (stake,)
    assert rec.load_marker(db, "4A").status is MarkerStatus.DOCUMENTED
    assert stake not in load_installation(db, "4A").stakes
    # While open, the marker still stands where the original installation put it.
    assert current_stake(db, "4A") == load_installation(db, "4A").current_stake
    withdraw(db, "stake", stake.id, "salah bidik")
    assert load_installation(db, "4A", r.id).status is MarkerStatus.PLANNED
    assert rec.load_marker(db, "4A").status is MarkerStatus.DOCUMENTED


def test_an_original_occupation_does_not_stake_the_reinstallation(store: JobStore) -> None:
    db = store.db
    first = load_installation(db, "4").occupations[0]
    open_reinstallation(db, "4", "bergeser")
    with pytest.raises(ValueError, match="belongs to the original installation"):
        record_stake_from_occupation(db, first.id)
    assert (
        db.execute("SELECT count(*) FROM stake WHERE reinstallation_id IS NOT NULL").fetchone()[0]
        == 0
    )


def test_records_of_a_cancelled_reinstallation_stay_with_it(store: JobStore) -> None:
    db = store.db
    r = open_reinstallation(db, "4B", "hilang")
    m = rec.load_marker(db, "4B")
    stake = record_stake(db, "4B", Position(m.lat, m.lon, m.h), StakeSource.TOTAL_STATION,
                         ts_shot="TS-2")  # fmt: skip
    cancel_reinstallation(db, "4B", "ditemukan")
    with pytest.raises(ValueError, match="closed or cancelled"):
        withdraw(db, "stake", stake.id, "tidak jadi")
    assert load_installation(db, "4B", r.id).stakes == (stake,)
