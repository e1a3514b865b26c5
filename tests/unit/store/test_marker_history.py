"""The history of a marker: its records, inspections and reinstallations, oldest first."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspectkit import (
    ANTENNA_M,
    TODAY,
    capture_at,
    copy_job,
    documented_job,
    plain_jpeg,
    stake_position,
)

from fieldapp.app.check_shot import gnss_measurement
from fieldapp.store import JobStore
from fieldapp.store.inspections import record_inspection
from fieldapp.store.marker_history import KINDS, marker_history
from fieldapp.survey.occupation import AntennaHeight, HeightMethod


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return documented_job(tmp_path_factory.mktemp("tpl") / "demo.fieldapp")


def test_installed_inspected_lost_and_reinstalled(template: Path, tmp_path: Path) -> None:
    job = copy_job(template, tmp_path / "demo.fieldapp")
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    antenna = AntennaHeight(ANTENNA_M, HeightMethod.VERTICAL, 0.0, 0.0)
    with JobStore.open(job) as store:
        record_inspection(
            store, "4", condition="baik", vegetation_cleared=False, inspected_on="2026-11-20",
            check=gnss_measurement(capture_at(tmp_path / "a.nmea", lat, lon, h, north_m=0.18),
                                   antenna),
            today=TODAY,
        )  # fmt: skip
        lost = record_inspection(
            store, "4", condition="hilang", vegetation_cleared=False, inspected_on="2026-12-02",
            action_taken="dilaporkan", photos=[(plain_jpeg(tmp_path / "x.jpg", "tan"), "detail")],
            today=TODAY,
        )  # fmt: skip
        mid = store.db.execute("SELECT id FROM marker WHERE name = '4'").fetchone()[0]
        # Rows as the reinstallation's own code writes them (schema_reinstall.py).
        with store.db.atomic():
            for opened, closed, cancelled, why in (
                ("2026-12-02T08:00:00+00:00", None, "2026-12-02T09:00:00+00:00", "salah marker"),
                ("2026-12-03T01:00:00+00:00", "2026-12-03T07:00:00+00:00", None, None),
            ):
                store.db.execute(
                    "INSERT INTO reinstallation (uuid, marker_id, reason, inspection_id,"
                    " status_before, opened_at, closed_at, cancelled_at, cancelled_reason)"
                    " VALUES (?, ?, 'hilang saat pemeliharaan', ?, 'documented', ?, ?, ?, ?)",
                    [f"u-{opened}", mid, lost.id, opened, closed, cancelled, why],
                )
        events = marker_history(store.db, "4")
    kinds = [e.kind for e in events]
    assert set(kinds) <= set(KINDS)
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert kinds[0] == "staked" and events[0].at.startswith("2026-11-09")
    assert "dalam toleransi 0,10 m" in events[0].text
    visit = [e for e in events if e.at == "2026-11-20"]
    # Condition baik, but the check shot puts it 0.18 m off: the measurement says moved.
    assert [e.kind for e in visit] == ["inspected", "moved"]
    assert "0,179 m" in visit[0].text and "DI LUAR toleransi 0,10 m" in visit[0].text
    assert [e.kind for e in events if e.at == "2026-12-02"] == ["inspected", "lost"]
    assert "Tanda Batas ditemukan hilang; tindakan: dilaporkan" in [e.text for e in events]
    tail = [e.kind for e in events if e.at.startswith("2026-12-0") and "T" in e.at]
    assert tail[:4] == [
        "reinstallation_opened", "reinstallation_cancelled", "reinstallation_opened",
        "reinstalled",
    ]  # fmt: skip
    assert "Pemasangan ulang dibatalkan: salah marker" in [e.text for e in events]
    assert {"planned", "installed", "documented"} <= set(kinds)


def test_a_marker_never_installed_has_only_its_plan(template: Path, tmp_path: Path) -> None:
    job = copy_job(template, tmp_path / "demo.fieldapp")
    with JobStore.open(job) as store:
        events = marker_history(store.db, "5")
        assert [e.kind for e in events] == ["planned"]
        with pytest.raises(LookupError, match="no marker named 'Q'"):
            marker_history(store.db, "Q")
