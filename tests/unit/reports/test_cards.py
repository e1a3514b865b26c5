"""card_refusals: who may not sign a final document because of their KPO card, and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.reports.cards import card_refusals
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.kpo import KpoError, set_kpo_card
from fieldapp.survey.models import Surveyor

D = dt.date
BUDI, RAHMAT = "Budi Santoso, S.T.", "Rahmat Hidayat"


@pytest.fixture
def job(tmp_path: Path) -> JobStore:
    return create_demo_job(tmp_path / "j.fieldapp", background=False)


def _card(job: JobStore, name: str, status: str, updated: dt.date) -> None:
    set_kpo_card(job.db, name, number="DBT-KPO/2024/0877", status=status, updated_on=updated,
                 today=D(2026, 12, 1))  # fmt: skip


def test_active_and_up_to_date_cards_sign(job: JobStore) -> None:
    _card(job, BUDI, "aktif", D(2026, 2, 1))
    _card(job, RAHMAT, "aktif", D(2026, 1, 10))  # covers 2025: 2026's due by 30 Jan 2027
    assert card_refusals(job.db, [BUDI, RAHMAT], D(2027, 1, 30)) == []


def test_a_returned_or_revoked_card_is_refused_whatever_its_dates(job: JobStore) -> None:
    _card(job, RAHMAT, "dikembalikan", D(2026, 11, 1))
    _card(job, BUDI, "dihusutkan", D(2026, 11, 1))
    reasons = card_refusals(job.db, [BUDI, RAHMAT], D(2026, 11, 10))
    assert len(reasons) == 2
    assert reasons[1] == (
        "juru ukur Rahmat Hidayat tidak dapat menandatangani dokumen final: kartu KPO "
        "DBT-KPO/2024/0877 berstatus dikembalikan, tidak berlaku (SE 1.E/MB.07/DBT.KP/2022)"
    )
    assert "berstatus dihusutkan" in reasons[0]


def test_an_overdue_update_is_refused_from_the_day_after_30_january(job: JobStore) -> None:
    _card(job, RAHMAT, "aktif", D(2025, 1, 15))  # the 2024 update: 2025's due 30 Jan 2026
    assert card_refusals(job.db, [RAHMAT], D(2026, 1, 30)) == []
    (reason,) = card_refusals(job.db, [RAHMAT], D(2026, 1, 31))
    assert reason.endswith(
        "kartu KPO DBT-KPO/2024/0877 datanya terakhir dimutakhirkan 15 Januari 2025, padahal "
        "pemutakhiran tahun 2025 wajib paling lambat 30 Januari 2026 (SE 1.E/MB.07/DBT.KP/2022)"
    )


def test_unknown_names_and_missing_dates_are_refused_cardless_surveyors_not(
    job: JobStore,
) -> None:
    rec.add_surveyor(job.db, Surveyor("Tanpa Kartu"))
    rec.add_surveyor(job.db, Surveyor("Kartu Lama", kpo_no="KPO-1"))  # no update date known
    reasons = card_refusals(job.db, ["Tanpa Kartu", "Kartu Lama", "Siapa"], D(2026, 6, 1))
    assert reasons == [
        "juru ukur Kartu Lama tidak dapat menandatangani dokumen final: kartu KPO KPO-1 "
        "tanggal pemutakhiran datanya tidak tercatat (SE 1.E/MB.07/DBT.KP/2022)",
        "juru ukur Siapa tidak terdaftar pada pekerjaan ini",
    ]


def test_bad_card_input_stores_nothing(job: JobStore) -> None:
    before = rec.load_surveyors(job.db)
    log = job.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    for kwargs, message in (
        ({"updated_on": D(2026, 12, 2)}, "--updated 2026-12-02: the date is in the future"),
        ({"status": "hilang"}, "--status 'hilang': expected one of aktif, dikembalikan"),
        ({"number": "  "}, "--number: the KPO registration number is empty"),
    ):
        args = {"number": "DBT-9", "status": "aktif", "updated_on": D(2026, 1, 5), **kwargs}
        with pytest.raises(KpoError, match=message):
            set_kpo_card(job.db, RAHMAT, today=D(2026, 12, 1), **args)  # type: ignore[arg-type]
    with pytest.raises(KpoError, match="no surveyor named 'Siapa'"):
        set_kpo_card(job.db, "Siapa", number="DBT-9", status="aktif", updated_on=D(2026, 1, 5))
    assert rec.load_surveyors(job.db) == before
    assert job.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == log


def test_a_card_change_is_audited(job: JobStore) -> None:
    _card(job, RAHMAT, "dikembalikan", D(2026, 11, 1))
    (s,) = [s for s in rec.load_surveyors(job.db) if s.name == RAHMAT]
    assert (s.kpo_no, s.kpo_status, s.kpo_active, s.kpo_updated_on) == (
        "DBT-KPO/2024/0877", "dikembalikan", False, D(2026, 11, 1))  # fmt: skip
    row = job.db.execute(
        "SELECT table_name, action, detail FROM change_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row[0] == "surveyor" and row[1] == "update"
    assert '"before": {"kpo_no": "KPO-ESDM/2024/0877", "kpo_status": "aktif"' in row[2]
