"""KPO cards travel in the office's assignment: new jobs get them, later updates reach the job."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from synckit import Office, run_cli

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.kpo import set_kpo_card
from fieldapp.sync.jobspec import SpecError, parse_spec, spec_from_job

DEVICE = "laptop-01"
RAHMAT = "Rahmat Hidayat"


def _card(job: Path, status: str, day: str) -> None:
    with JobStore.open(job) as store:
        set_kpo_card(store.db, RAHMAT, number="DBT-KPO/2024/0877", status=status,
                     updated_on=dt.date.fromisoformat(day))  # fmt: skip


def _pull(office: Office, jobs: Path, token: str) -> str:
    done = run_cli("sync", "pull-assignments", "--jobs-dir", str(jobs), "--office", office.url,
                   "--token", token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _assign(office: Office, job: Path) -> None:
    done = run_cli("office", "assign", "--data", str(office.data), "--device", DEVICE, str(job))
    assert done.returncode == 0, done.stderr


def test_cards_reach_the_field_job_and_never_conflict(
    tmp_path: Path, office: Office, device_token: str
) -> None:
    office_job = tmp_path / "office-jobs" / "Demo.fieldapp"
    create_demo_job(office_job, background=False).close()
    _card(office_job, "aktif", "2026-01-10")
    _assign(office, office_job)
    jobs = tmp_path / "field-jobs"
    jobs.mkdir()
    assert "created" in _pull(office, jobs, device_token)
    (field_job,) = jobs.glob("*.fieldapp")

    def card() -> tuple[str | None, str | None, dt.date | None, bool]:
        with JobStore.open(field_job) as store:
            (s,) = [s for s in rec.load_surveyors(store.db) if s.name == RAHMAT]
        return s.kpo_no, s.kpo_status, s.kpo_updated_on, s.kpo_active

    assert card() == ("DBT-KPO/2024/0877", "aktif", dt.date(2026, 1, 10), True)
    # Field work recorded: a changed decree would conflict, a returned card does not.
    marker = run_cli("marker", "add", str(field_job), "1", "--lat", "-0.5", "--lon", "117.1",
                     "--kind", "corner")  # fmt: skip
    assert marker.returncode == 0, marker.stderr
    staked = run_cli("marker", "stake", str(field_job), "1", "--lat", "-0.5", "--lon", "117.1",
                     "--shot", "gsi:1")  # fmt: skip
    assert staked.returncode == 0, staked.stderr
    _card(office_job, "dikembalikan", "2026-06-01")
    _assign(office, office_job)
    out = _pull(office, jobs, device_token)
    assert f"KPO card of {RAHMAT} updated" in out, out
    assert card() == ("DBT-KPO/2024/0877", "dikembalikan", dt.date(2026, 6, 1), False)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    with create_demo_job(tmp_path_factory.mktemp("s") / "d.fieldapp", background=False) as job:
        return spec_from_job(job.db)


def test_specs_without_the_card_keys_are_still_valid(seed: dict) -> None:  # type: ignore[type-arg]
    doc = copy.deepcopy(seed)
    for s in doc["data"]["job.json"]["surveyors"]:
        del s["kpo_status"], s["kpo_updated_on"]
    old = parse_spec(doc).surveyors[0]
    assert (old.kpo_status, old.kpo_updated_on, old.kpo_active) == (None, None, True)
    new = parse_spec(seed).surveyors[0]
    assert new.kpo_status == "aktif" and new.kpo_updated_on == dt.date.today()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("kpo_status", "hilang", "surveyor 1 kpo_status: expected one of aktif, dikembalikan"),
        ("kpo_updated_on", "1 Jan", "surveyor 1 kpo_updated_on: expected a date as YYYY-MM-DD"),
    ],
)
def test_bad_card_values_name_the_field(
    seed: dict,
    key: str,
    value: str,
    message: str,  # type: ignore[type-arg]
) -> None:
    doc = copy.deepcopy(seed)
    doc["data"]["job.json"]["surveyors"][0][key] = value
    with pytest.raises(SpecError, match=message):
        parse_spec(doc)
