"""Baselines in the job: stored as solved, accepted into control with provenance and history."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.gnss.baseline import (
    BaselineSolution,
    FixState,
    GeodeticPosition,
    RuleVerdict,
    StaticSettings,
)
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.baselines import (
    BaselineRefused,
    accept_stored_baseline,
    load_baseline,
    load_baselines,
    load_control_history,
    record_baseline,
)
from fieldapp.store.gnss_sessions import StaticSession, _insert, load_session
from fieldapp.survey.models import ControlKind
from fieldapp.sync.assignment import apply_to_job
from fieldapp.sync.jobspec import parse_spec, spec_from_path

BASE = GeodeticPosition(35.72, 140.0, 40.0)
PASS = [RuleVerdict("duration", True, "1 h 0 min", ">= 1 h", "duration 1 h 0 min: ok")]
FAIL = [
    *PASS,
    RuleVerdict("interval", False, "30 s", "<= 15 s", "interval 30 s exceeds the 15 s of 697/1996"),
]


def _solution(lat: float, h: float = 50.0, sigma: float = 0.002) -> BaselineSolution:
    return BaselineSolution(
        position=GeodeticPosition(lat, 140.02, h), fix=FixState.FIXED, ratio=12.5,
        sigma_e_m=sigma, sigma_n_m=sigma, sigma_u_m=2 * sigma, base=BASE, baseline_m=3300.2,
        vector_ecef_m=(1.0, 2.0, 3.0), vector_enu_m=(1800.0, 2700.0, 10.0), epochs=120,
        start_gpst="2005-04-02T00:00:00", end_gpst="2005-04-02T00:59:30", duration_s=3570.0,
        interval_s=30.0, elevation_mask_deg=15.0, rover_antenna_height_m=1.5,
        base_antenna_height_m=0.0, engine="RTKLIB rnx2rtkp 2.4.3 b34",
    )  # fmt: skip


def _sessions(store: JobStore, rover: str = "BM-NEW") -> tuple[StaticSession, StaticSession]:
    r = _insert(store.db, StaticSession(point=rover, role="rover", height_before_m=1.5,
                                        height_after_m=1.5))  # fmt: skip
    b = _insert(store.db, StaticSession(point="0759", role="base", height_before_m=0.0,
                                        height_after_m=0.0, point_kind="JKHN"))  # fmt: skip
    return load_session(store.db, r), load_session(store.db, b)


def _record(store: JobStore, lat: float, verdicts: list[RuleVerdict], rover: str = "BM-NEW"):  # type: ignore[no-untyped-def]
    r, b = _sessions(store, rover)
    return record_baseline(store.db, rover=r, base=b, solution=_solution(lat),
                           verdicts=verdicts, settings=StaticSettings(interval_s=30.0))  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    s = JobStore.create(tmp_path / "j.fieldapp", "Kontrol")
    yield s
    s.close()


def test_a_baseline_is_stored_as_solved_and_new(store: JobStore) -> None:
    b = _record(store, 35.75, FAIL)
    (loaded,) = load_baselines(store.db)
    assert loaded == b
    assert loaded.solution == _solution(35.75) and loaded.verdicts == FAIL
    assert loaded.status == "new" and not loaded.rules_passed
    assert [v.rule for v in loaded.failed_rules] == ["interval"]
    assert loaded.settings == StaticSettings(interval_s=30.0)


def test_accept_creates_the_bm_with_provenance_and_reaccept_keeps_the_history(
    store: JobStore,
) -> None:
    first = _record(store, 35.75, PASS)
    point = accept_stored_baseline(store.db, first.id, ControlKind.BM)
    (stored,) = rec.load_control_points(store.db)
    assert stored == point and stored.kind is ControlKind.BM and stored.tied_to == "0759"
    assert stored.lat == 35.75 and stored.h == 50.0
    assert stored.sigma_h == pytest.approx(0.0028, abs=1e-4) and stored.sigma_v == 0.004
    assert f"baseline {first.id}" in (stored.source or "")
    assert load_baseline(store.db, first.id).status == "accepted"

    second = _record(store, 35.7501, PASS)
    accept_stored_baseline(store.db, second.id, ControlKind.BM)
    assert [c.lat for c in rec.load_control_points(store.db)] == [35.7501]
    history = load_control_history(store.db, "BM-NEW")
    assert [(h.point.lat, h.baseline_id) for h in history] == [
        (35.75, first.id),
        (35.7501, second.id),
    ]
    assert history[0].replaced_by_baseline_id == second.id and history[-1].replaced_at is None
    for sql in ("UPDATE control_point_revision SET h = 0", "DELETE FROM control_point_revision"):
        with pytest.raises(sqlite3.IntegrityError, match="history"):
            store.db.execute(sql)
    assert load_baseline(store.db, first.id).status == "superseded"
    with pytest.raises(BaselineRefused, match="already accepted"):
        accept_stored_baseline(store.db, second.id, ControlKind.BM)


def test_a_failing_rule_is_refused_by_name_and_accepted_with_a_reason(store: JobStore) -> None:
    b = _record(store, 35.75, FAIL)
    with pytest.raises(BaselineRefused, match=r"interval.*30 s exceeds the 15 s"):
        accept_stored_baseline(store.db, b.id, ControlKind.BM)
    with pytest.raises(BaselineRefused, match="interval"):
        accept_stored_baseline(store.db, b.id, ControlKind.BM, "   ")
    assert rec.load_control_points(store.db) == []
    assert load_baseline(store.db, b.id).status == "new"
    accept_stored_baseline(store.db, b.id, ControlKind.BM, "GEONET logs at 30 s")
    done = load_baseline(store.db, b.id)
    assert done.status == "accepted" and done.override_reason == "GEONET logs at 30 s"
    # The database holds the rule too, whatever code writes the row.
    b2 = _record(store, 35.76, FAIL, rover="BM-B")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "UPDATE baseline SET status = 'accepted', accepted_at = 'x' WHERE id = ?", [b2.id]
        )
    for sql in ("UPDATE baseline SET h = h + 1", "DELETE FROM baseline"):
        with pytest.raises(sqlite3.IntegrityError, match="baseline"):
            store.db.execute(sql)


def test_an_office_coordinate_goes_to_the_history_and_jkhn_is_never_replaced(
    tmp_path: Path,
) -> None:
    with create_demo_job(tmp_path / "demo.fieldapp") as store:
        office = {c.name: c for c in rec.load_control_points(store.db)}["BM-01"]
        b = _record(store, office.lat + 1e-6, PASS, rover="BM-01")
        accept_stored_baseline(store.db, b.id, ControlKind.BM)
        old, new = load_control_history(store.db, "BM-01")
        assert old.point == office and old.baseline_id is None
        assert new.point.tied_to == "0759" and new.baseline_id == b.id
        names = [c.name for c in rec.load_control_points(store.db)]
        assert names.index("BM-01") == 0  # updated in place, not moved to the end
        j = _record(store, 1.0, PASS, rover="J1")
        with pytest.raises(BaselineRefused, match="JKHN"):
            accept_stored_baseline(store.db, j.id, ControlKind.JKHN)


def test_an_office_pull_keeps_a_surveyed_point_and_its_history(tmp_path: Path) -> None:
    office_job = tmp_path / "office.fieldapp"
    create_demo_job(office_job).close()
    spec = parse_spec(spec_from_path(office_job))
    with create_demo_job(tmp_path / "field.fieldapp") as store:
        b = _record(store, -0.52, PASS, rover="BM-01")
        surveyed = accept_stored_baseline(store.db, b.id, ControlKind.BM)
        # The office moves TB-01 and BM-01 and drops BM-02 from its list.
        moved = [
            dataclasses.replace(c, h=(c.h or 0) + 1.0) for c in spec.control if c.name != "BM-02"
        ]
        outcome = apply_to_job(store, dataclasses.replace(spec, control=tuple(moved)), 2, "now")
        assert outcome.action == "updated" and "BM-01" in outcome.message
        by_name = {c.name: c for c in rec.load_control_points(store.db)}
        assert by_name["BM-01"] == surveyed
        assert "BM-02" not in by_name
        office_tb = {c.name: c for c in spec.control}["TB-01"]
        assert by_name["TB-01"].h == pytest.approx((office_tb.h or 0) + 1.0)
        assert [h.baseline_id for h in load_control_history(store.db, "BM-01")] == [None, b.id]
        # The same revision content again: only the surveyed point differs, so nothing to do.
        again = apply_to_job(store, dataclasses.replace(spec, control=tuple(moved)), 3, "later")
        assert again.action == "unchanged"


def test_migration_11_keeps_a_version_10_jobs_control_as_office_given(tmp_path: Path) -> None:
    from fieldapp.store import LATEST_VERSION, migrate
    from fieldapp.store.baselines import surveyed_control_names
    from fieldapp.store.database import JobDatabase
    from fieldapp.store.jobfile import DB_NAME

    folder = tmp_path / "v10.fieldapp"
    folder.mkdir()
    db = JobDatabase(sqlite3.connect(folder / DB_NAME, isolation_level=None))
    migrate(db, target=10)
    db["permit_area"].insert(
        {"id": 1, "job_uuid": "u", "name": "Lama", "crs": "auto", "created_at": "2024-01-01",
         "updated_at": "2024-01-01"}
    )  # fmt: skip
    db["control_point"].insert(
        {"name": "BM-01", "kind": "BM", "lat": -0.5, "lon": 117.0, "h": 90.0,
         "input_crs": "SRGI2013", "input_a": -0.5, "input_b": 117.0}
    )  # fmt: skip
    db.close()
    with JobStore.open(folder) as store:
        assert LATEST_VERSION >= 11
        assert {"gnss_session", "gnss_session_file", "baseline", "control_point_revision"} <= set(
            store.db.table_names()
        )
        assert surveyed_control_names(store.db) == set()
        (only,) = load_control_history(store.db, "BM-01")
        assert only.baseline_id is None and only.point.h == 90.0
