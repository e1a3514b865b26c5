"""Migration 9 on a job written at version 8: witnesses and prints kept, the new records usable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0

from fieldapp.store import LATEST_VERSION, JobStore, migrate
from fieldapp.store.database import JobDatabase
from fieldapp.store.installation import add_witness, load_installation
from fieldapp.store.jobfile import DB_NAME, SUBFOLDERS
from fieldapp.store.migrations import schema_version
from fieldapp.store.printlog import load_print_log, next_copy_no, supersede_originals
from fieldapp.store.witness_needs import (
    WitnessNeeds,
    load_ba_register,
    load_witness_needs,
    set_ba_register,
    set_witness_needs,
)
from fieldapp.survey.installation import WitnessCategory

SHA = "ab" * 32


def _job_at_8(folder: Path) -> None:
    folder.mkdir()
    for sub in SUBFOLDERS:
        (folder / sub).mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=8)
    db["permit_area"].insert(
        {"id": 1, "job_uuid": "u", "name": "Lama", "crs": "auto", "created_at": "2024-01-01",
         "updated_at": "2024-01-01"}
    )  # fmt: skip
    db["marker"].insert(
        {"name": "3A", "kind": "infill", "seq": 4, "edge_from": "3", "edge_to": "4",
         "design_lat": LAT0, "design_lon": LON0, "design_h": 12.5, "status": "staked",
         "created_at": "2024-01-01", "updated_at": "2024-01-02"}
    )  # fmt: skip
    db["witness"].insert(
        {"id": 7, "marker_id": 1, "name": "Suparman", "institution": "Kantor Desa Jembayan",
         "category": "district_village_officer", "recorded_at": "2024-01-03"}
    )  # fmt: skip
    db["print_log"].insert(
        {"document_kind": "berita_acara", "file_name": "ba.pdf", "document_sha256": SHA,
         "copy_no": 0, "printer": "lp", "pages": 2, "printed_at": "2024-01-04"}
    )  # fmt: skip
    db.close()


def test_a_version_8_job_upgrades_with_witnesses_and_prints_intact(tmp_path: Path) -> None:
    folder = tmp_path / "v8.fieldapp"
    _job_at_8(folder)
    with JobStore.open(folder) as store:
        assert schema_version(store.db) == LATEST_VERSION >= 9
        [w] = load_installation(store.db, "3A").witnesses
        assert (w.id, w.name, w.category) == (
            7,
            "Suparman",
            WitnessCategory.DISTRICT_VILLAGE_OFFICER,
        )
        add_witness(store.db, "3A", "Sri", "PT Emas Kutai",
                    WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER)  # fmt: skip
        [old] = load_print_log(store.db)
        # A print logged before Nomors existed keeps its file-based copy count.
        assert (old.nomor, old.draft, old.superseded_by) == (None, False, None)
        assert next_copy_no(store.db, SHA) == 1
        # The first final berita acara after the upgrade replaces the original printed before.
        [replaced] = supersede_originals(store.db, "BA/NEW")
        assert replaced.id == old.id
        assert load_print_log(store.db)[0].superseded_by == "BA/NEW"
        assert supersede_originals(store.db, "BA/NEWER") == []  # replaced once, by BA/NEW
        assert load_ba_register(store.db) is None
        assert set_ba_register(store.db, "  12/BA/PT-X/2026 ") == "12/BA/PT-X/2026"
        assert load_witness_needs(store.db, "3A") == WitnessNeeds()
        needs = WitnessNeeds(forest_area=True, other_commodity_holder="PT Emas Kutai")
        assert set_witness_needs(store.db, "3A", needs) == needs
    with JobStore.open(folder) as again:
        assert [w.category for w in load_installation(again.db, "3A").witnesses] == [
            WitnessCategory.DISTRICT_VILLAGE_OFFICER,
            WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER,
        ]


def test_one_copy_number_per_nomor_is_enforced_by_the_schema(tmp_path: Path) -> None:
    folder = tmp_path / "v8.fieldapp"
    _job_at_8(folder)
    with JobStore.open(folder) as store:
        row = {"document_kind": "berita_acara", "file_name": "a4.pdf", "document_sha256": "cd" * 32,
               "copy_no": 0, "printer": "lp", "pages": 2, "printed_at": "2026-01-01",
               "nomor": "BA/1"}  # fmt: skip
        store.db["print_log"].insert(row)
        with pytest.raises(sqlite3.IntegrityError):
            # The F4 of the same Nomor, a different file: still not a second original.
            store.db["print_log"].insert(
                {**row, "file_name": "f4.pdf", "document_sha256": "ef" * 32}
            )
