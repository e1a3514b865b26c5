"""The application layer on real GEONET files: what a point becomes, and failures store nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fieldapp.app.control import (
    ControlSurveyError,
    MissingBasePosition,
    accept_baseline,
    process_baseline,
)
from fieldapp.gnss.baseline import GeodeticPosition
from fieldapp.gnss.rtklib import BaselineError, ProcessingCancelled
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.baselines import load_baselines
from fieldapp.store.gnss_sessions import StaticSession, add_session
from fieldapp.survey.models import ControlKind, ControlPoint

# 0759's RINEX header position (GSI), as latitude, longitude, ellipsoidal height.
BASE = GeodeticPosition(35.1608750388, 139.6138372528, 70.1535)


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    s = JobStore.create(tmp_path / "j.fieldapp", "Kontrol", crs="SRGI2013")
    yield s
    s.close()


def _session(store: JobStore, point: str, role: str, *files: Path, kind: str | None = None) -> int:
    draft = StaticSession(point=point, role=role, height_before_m=0.0, height_after_m=0.0,
                          point_kind=kind)  # fmt: skip
    return add_session(store, draft, files)


def test_a_point_tied_to_a_bm_becomes_a_titik_bantu(store: JobStore, shared_data: Path) -> None:
    raw = shared_data / "gnss-raw"
    # 0759 stands in for a BM already in the job's control; its session says nothing.
    bm = ControlPoint("0759", ControlKind.BM, *(BASE.lat, BASE.lon, BASE.h),
                      "SRGI2013", BASE.lat, BASE.lon)  # fmt: skip
    rec.add_control_points(store.db, [bm])
    _session(store, "0759", "base", raw / "07590920.05o", raw / "07590920.05n")
    _session(store, "TB-3040", "rover", raw / "30400920.05o", raw / "30400920.05n")
    b = process_baseline(store, "TB-3040", "0759")
    assert b.solution.base == BASE and b.status == "new"
    point = accept_baseline(store, b.id, "30 s test data")
    assert (point.kind, point.tied_to) == (ControlKind.TITIK_BANTU, "0759")


def test_without_a_known_tie_or_kind_acceptance_asks_for_the_kind(
    store: JobStore, shared_data: Path
) -> None:
    raw = shared_data / "gnss-raw"
    _session(store, "0759", "base", raw / "07590920.05o", raw / "07590920.05n")
    _session(store, "3040", "rover", raw / "30400920.05o", raw / "30400920.05n")
    with pytest.raises(MissingBasePosition, match="0759"):
        process_baseline(store, "3040", "0759")
    b = process_baseline(store, "3040", "0759", BASE)
    with pytest.raises(ControlSurveyError, match="BM or a Titik Bantu"):
        accept_baseline(store, b.id, "30 s test data")
    assert rec.load_control_points(store.db) == []


def test_failures_store_no_baseline(store: JobStore, shared_data: Path) -> None:
    raw = shared_data / "gnss-raw"
    _session(store, "0759", "base", raw / "07590920.05o", kind="JKHN")
    _session(store, "3040", "rover", raw / "30400920.05o")
    with pytest.raises(BaselineError, match=r"30400920\.05o.*navigation"):
        process_baseline(store, "3040", "0759", BASE)
    _session(store, "3040", "rover", raw / "30400920.05o", raw / "30400920.05n")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ProcessingCancelled):
        process_baseline(store, "3040", "0759", BASE, cancel=cancel)
    with pytest.raises(ControlSurveyError, match="no static session on point 'BM-9'"):
        process_baseline(store, "BM-9", "0759", BASE)
    assert load_baselines(store.db) == []
