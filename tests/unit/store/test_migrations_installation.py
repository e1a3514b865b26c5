"""Migrations 4 (occupations) and 5 (installation records) on job files of every older version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0, make_fix

from fieldapp.store import LATEST_VERSION, JobStore, migrate
from fieldapp.store.database import JobDatabase
from fieldapp.store.installation import add_witness, load_installation
from fieldapp.store.jobfile import DB_NAME, SUBFOLDERS
from fieldapp.store.migrations import schema_version
from fieldapp.store.occupations import (
    _epoch_row,
    _profile_json,
    begin_occupation,
    incomplete_occupations,
    recover_occupation,
)
from fieldapp.store.records import load_marker
from fieldapp.survey.installation import WitnessCategory
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.occupation import GateProfile, Occupation

OCCUPATION_VERSION, INSTALLATION_VERSION = 4, 5


def _old_job(folder: Path, version: int) -> None:
    """A job folder written at schema ``version`` holding a staked marker."""
    folder.mkdir()
    for sub in SUBFOLDERS:
        (folder / sub).mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=version)
    db["permit_area"].insert(
        {"id": 1, "job_uuid": "u", "name": "Lama", "crs": "auto", "created_at": "2024-01-01",
         "updated_at": "2024-01-01"}
    )  # fmt: skip
    db["marker"].insert(
        {"name": "3A", "kind": "infill", "seq": 4, "edge_from": "3", "edge_to": "4",
         "design_lat": LAT0, "design_lon": LON0, "design_h": 12.5, "status": "staked",
         "created_at": "2024-01-01", "updated_at": "2024-01-02"}
    )  # fmt: skip
    db.close()


@pytest.mark.parametrize("version", range(1, INSTALLATION_VERSION))
def test_older_job_upgrades_with_markers_intact_and_takes_new_records(
    tmp_path: Path, version: int
) -> None:
    folder = tmp_path / f"v{version}.fieldapp"
    _old_job(folder, version)
    with JobStore.open(folder) as store:
        assert schema_version(store.db) == LATEST_VERSION
        m = load_marker(store.db, "3A")
        assert (m.lat, m.lon, m.h, m.edge, m.status) == (
            LAT0, LON0, 12.5, ("3", "4"), MarkerStatus.STAKED,
        )  # fmt: skip
        tables = set(store.db.table_names())
        assert {"occupation", "occupation_epoch", "stake", "reference_marker",
                "marker_description", "photo", "witness", "change_log"} <= tables  # fmt: skip
        rec = begin_occupation(store.db, "3A", GateProfile(min_epochs=1, min_seconds=0))
        rec.add(make_fix(0))
        assert rec.finish().result is not None
        add_witness(store.db, "3A", "A", "B", WitnessCategory.FORESTRY_OFFICER)
        # A status set before these records existed is not undone by a new record.
        assert load_installation(store.db, "3A").status is MarkerStatus.STAKED


def test_running_occupation_written_at_version_4_survives_the_upgrade(tmp_path: Path) -> None:
    folder = tmp_path / "v4.fieldapp"
    _old_job(folder, OCCUPATION_VERSION)
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    # Rows as a version-4 fieldapp wrote them (it had no change_log to write to).
    profile = GateProfile(min_epochs=3, min_seconds=2)
    db["occupation"].insert(
        {"id": 1, "uuid": "o-1", "marker_id": 1, "state": "running", "started_at": "t",
         "profile": "x", "profile_json": _profile_json(profile), "updated_at": "t"}
    )  # fmt: skip
    occupation = Occupation(profile)
    for i in range(4):
        fix = make_fix(i)
        row = _epoch_row(1, fix, occupation.add(fix))
        del row["base_id"]  # a version-4 fieldapp had no base_id column (version 10)
        db["occupation_epoch"].insert(row)
    db.close()  # interrupted, and the app is then updated to a newer schema
    with JobStore.open(folder) as store:
        assert schema_version(store.db) == LATEST_VERSION
        (pending,) = incomplete_occupations(store.db)
        assert pending.epochs_on_disk == 4
        done = recover_occupation(store.db, pending.id)
        assert done.result is not None and done.result.passed
