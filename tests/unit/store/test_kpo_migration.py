"""Migration 14 on a job with KPO cards: status from the old flag, no invented update date."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from fieldapp.reports.cards import card_refusals
from fieldapp.store import JobStore, migrate
from fieldapp.store import records as rec
from fieldapp.store.database import JobDatabase
from fieldapp.store.jobfile import DB_NAME


def test_old_cards_keep_their_meaning_and_wait_for_their_update_date(tmp_path: Path) -> None:
    folder = tmp_path / "v13.fieldapp"
    folder.mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=13)
    db["permit_area"].insert({"id": 1, "job_uuid": "u-1", "name": "Lama", "crs": "auto",
                              "created_at": "2024-01-01", "updated_at": "2024-01-01"})  # fmt: skip
    for name, kpo, active in (("Aktif", "KPO-1", 1), ("Kembali", "KPO-2", 0), ("Tanpa", None, 1)):
        db["surveyor"].insert({"name": name, "kpo_no": kpo, "kpo_active": active})
    db.close()
    with JobStore.open(folder) as store:
        people = {s.name: s for s in rec.load_surveyors(store.db)}
        assert [(s.kpo_status, s.kpo_active, s.kpo_updated_on) for s in people.values()] == [
            ("aktif", True, None),
            ("dikembalikan", False, None),
            (None, True, None),  # no card: nothing to say about it
        ]
        reasons = card_refusals(store.db, list(people), dt.date(2026, 12, 1))
    assert reasons == [
        "juru ukur Aktif tidak dapat menandatangani dokumen final: kartu KPO KPO-1 tanpa "
        "catatan tanggal pemutakhiran data (SE 1.E/MB.07/DBT.KP/2022)",
        "juru ukur Kembali tidak dapat menandatangani dokumen final: kartu KPO KPO-2 berstatus "
        "dikembalikan, tidak berlaku; tanpa catatan tanggal pemutakhiran data "
        "(SE 1.E/MB.07/DBT.KP/2022)",
    ]
