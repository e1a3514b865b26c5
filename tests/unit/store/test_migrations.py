"""The job store: schema versions, migrations from every older version, WAL and foreign keys."""

import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import LATEST_VERSION, JobFileError, JobStore, SchemaTooNewError, migrate
from fieldapp.store import records as rec
from fieldapp.store.database import JobDatabase
from fieldapp.store.jobfile import DB_NAME, SUBFOLDERS
from fieldapp.store.migrations import MIGRATIONS, schema_version
from fieldapp.survey.models import BoundaryPoint


def _old_job(folder: Path, version: int) -> None:
    """A job folder as an older fieldapp wrote it: schema up to ``version`` and some data."""
    folder.mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=version)
    db["permit_area"].insert(
        {
            "id": 1,
            "job_uuid": "u-1",
            "name": "Lama",
            "sk_area_ha": 12.5,
            "crs": "auto",
            "created_at": "2024-01-01",
            "updated_at": "2024-01-01",
        }
    )
    db["boundary_point"].insert(
        {"seq": 1, "number": "1", "lat_text": "a", "lon_text": "b", "lat": -1.0, "lon": 116.0}
    )
    db.close()


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_opening_an_older_job_upgrades_it_with_data_intact(tmp_path: Path, version: int) -> None:
    folder = tmp_path / f"old-v{version}.fieldapp"
    _old_job(folder, version)
    with JobStore.open(folder) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert rec.load_permit_area(store.db).name == "Lama"
        assert rec.load_boundary_points(store.db)[0].lon == 116.0
        tables = set(store.db.table_names())
        assert {"neighbor_area", "activity_zone", "equipment", "print_log"} <= tables
    for sub in SUBFOLDERS:
        assert (folder / sub).is_dir()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "new.fieldapp"
    JobStore.create(folder, "Baru").close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="update fieldapp"):
        JobStore.open(folder)


def test_new_job_is_wal_with_foreign_keys_and_folders(tmp_path: Path) -> None:
    with JobStore.create(tmp_path / "j.fieldapp", "J", sk_area_ha=1.0) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert rec.load_permit_area(store.db).sk_area_ha == 1.0
    assert all((tmp_path / "j.fieldapp" / s).is_dir() for s in SUBFOLDERS)
    with pytest.raises(JobFileError, match="already exists"):
        JobStore.create(tmp_path / "j.fieldapp", "J")


def test_not_a_job(tmp_path: Path) -> None:
    with pytest.raises(JobFileError, match="not a fieldapp job"):
        JobStore.open(tmp_path)


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with JobStore.create(tmp_path / "t.fieldapp", "T") as store:
        good = BoundaryPoint("1", -1.0, 116.0, "a", "b")
        rec.replace_boundary_points(store.db, [good])
        bad = BoundaryPoint("2", -100.0, 116.0, "a", "b")  # violates the latitude CHECK
        with pytest.raises(sqlite3.IntegrityError):
            rec.replace_boundary_points(store.db, [good, bad])
        assert [p.number for p in rec.load_boundary_points(store.db)] == ["1"]
