"""The office's maintenance reader and overview: due dates, states, and hostile records fuzzed.

Seed: the demo job's real maintenance record (an inspection and a reinstallation inserted as
the schema defines them) as the laptop exports it; hypothesis replaces any node with wrong
types, NaN, huge numbers or markup. Only MaintenanceData or MaintenanceDataError may come out,
and what is drawn from it holds no markup.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.demo_job import create_demo_job
from fieldapp.store.records import upsert_markers
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.sync.maintenance_export import PackageKind, maintenance_record, package_kind
from fieldapp.sync.office import maintenance, overview, web_overview

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.one_of(
    st.sampled_from(
        [math.nan, math.inf, 1e308, 10**400, True, None, "<script>x</script>", "9999-99-99"]
    ),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
TODAY = dt.date(2025, 6, 30)
MARKERS = [
    Marker("TB-1", MarkerKind.CORNER, 1, -1.30, 116.10),
    Marker("TB-<2>", MarkerKind.CORNER, 2, -1.30, 116.11),
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("seed") / "demo.fieldapp"
    with create_demo_job(path) as store, store.transaction() as db:
        upsert_markers(db, MARKERS)  # the demo job has none yet
        first = db.execute("SELECT id, name FROM marker ORDER BY seq LIMIT 1").fetchone()
        db.execute(
            "UPDATE marker SET status = 'installed', updated_at = '2024-01-05T00:00' WHERE id = ?",
            [first[0]],
        )
        insp = db.execute(
            "INSERT INTO inspection (uuid, marker_id, inspected_on, condition, vegetation_cleared,"
            " check_source, check_lat, check_lon, check_horizontal_m, check_tolerance_m,"
            " check_passed, recorded_at) VALUES ('u1', ?, '2024-07-01', 'rusak', 0, 'ts', -1.0,"
            " 116.0, 0.2, 0.05, 0, '2024-07-01T09:00:00')",
            [first[0]],
        ).lastrowid
        db.execute(
            "INSERT INTO reinstallation (uuid, marker_id, reason, inspection_id, status_before,"
            " opened_at) VALUES ('r1', ?, 'patah', ?, 'installed', '2024-07-02T00:00:00')",
            [first[0], insp],
        )
        doc = maintenance_record(db)
    assert doc["inspections"] and doc["reinstallations"] and doc["markers"]
    return doc


def test_the_exported_record_reads_back(seed: dict[str, Any]) -> None:
    data = maintenance.parse_maintenance(json.loads(json.dumps(seed)), {})
    first = data.markers[0]
    assert first.installed_on == dt.date(2024, 1, 5)
    (i,) = data.inspections
    assert (i.marker, i.condition, i.vegetation_cleared) == (first.name, "rusak", False)
    assert i.check == maintenance.CheckRow("ts", 0.2, 0.05, False)
    (r,) = data.reinstallations
    assert (r.status, r.reason, r.opened_on) == ("terbuka", "patah", dt.date(2024, 7, 2))
    states = {m.name: m for m in overview.marker_states(data, TODAY)}
    m = states[first.name]
    assert m.due_on == dt.date(2025, 1, 1) and m.overdue and m.needs_action
    assert m.open_reinstallation == "patah"
    planned = [s for s in states.values() if s.installed_on is None]
    assert planned and not any(s.overdue or s.due_on for s in planned)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 1, 15), 6, dt.date(2024, 7, 15)),
        (dt.date(2024, 8, 31), 6, dt.date(2025, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2024, 12, 31), 6, dt.date(2025, 6, 30)),
    ],
)
def test_six_months_later(day: dt.date, months: int, expected: dt.date) -> None:
    assert overview.add_months(day, months) == expected


def _data(
    inspections: list[tuple[str, str, bool]], reinstall: tuple[str, str] | None = None
) -> Any:
    """Marker A installed 2024-01-01; inspections (date, condition, withdrawn)."""
    return maintenance.MaintenanceData(
        (maintenance.MarkerRow("A", "installed", dt.date(2024, 1, 1)),),
        tuple(
            maintenance.InspectionRow(
                f"i{n}",
                "A",
                dt.date.fromisoformat(day),
                None,
                cond,
                True,
                None,
                None,
                None,
                None,
                (),
                withdrawn,
            )
            for n, (day, cond, withdrawn) in enumerate(inspections)
        ),
        ()
        if reinstall is None
        else (
            maintenance.ReinstallationRow(
                "r",
                "A",
                "hilang",
                reinstall[0],
                dt.date(2024, 9, 1),
                dt.date.fromisoformat(reinstall[1]) if reinstall[1] else None,
                None,
            ),
        ),
    )


def test_overdue_the_day_after_six_months() -> None:
    due = _data([("2024-12-31", "baik", False)])
    (on_day,) = overview.marker_states(due, dt.date(2025, 6, 30))
    (after,) = overview.marker_states(due, dt.date(2025, 7, 1))
    assert on_day.due_on == dt.date(2025, 6, 30) and not on_day.overdue and after.overdue


def test_withdrawn_inspection_and_reinstallation() -> None:
    # The later inspection was withdrawn: the earlier one is the latest.
    (m,) = overview.marker_states(
        _data([("2024-06-01", "baik", False), ("2024-08-01", "hilang", True)]), TODAY
    )
    assert (m.condition, m.last_inspection, m.needs_action) == ("baik", dt.date(2024, 6, 1), False)
    # Lost, then reinstalled: no longer needs action, due six months after the reinstallation.
    (m,) = overview.marker_states(
        _data([("2024-08-01", "hilang", False)], ("selesai", "2025-03-01")), TODAY
    )
    assert m.reinstalled_on == dt.date(2025, 3, 1) and not m.needs_action
    assert m.due_on == dt.date(2025, 9, 1) and not m.overdue
    # Still open: needs action, overdue counted from the inspection.
    (m,) = overview.marker_states(_data([("2024-08-01", "hilang", False)], ("terbuka", "")), TODAY)
    assert m.needs_action and m.open_reinstallation == "hilang" and m.overdue


def test_kind_follows_what_changed(tmp_path: Path) -> None:
    with create_demo_job(tmp_path / "k.fieldapp") as store:
        db = store.db
        assert package_kind(db, None) == PackageKind.PEMASANGAN
        assert package_kind(db, "2024-01-01T00:00:00") == PackageKind.PEMASANGAN
        with store.transaction():
            upsert_markers(db, MARKERS)
        mid = db.execute("SELECT id FROM marker LIMIT 1").fetchone()[0]
        with store.transaction():
            db.execute(
                "INSERT INTO inspection (uuid, marker_id, inspected_on, condition,"
                " vegetation_cleared, recorded_at) VALUES ('u', ?, '2024-02-01', 'hilang', 1,"
                " '2024-02-02T00:00:00')",
                [mid],
            )
        assert package_kind(db, "2024-01-01T00:00:00") == PackageKind.PEMELIHARAAN
        assert package_kind(db, "2024-03-01T00:00:00") == PackageKind.PEMASANGAN
        with store.transaction():
            db.execute(
                "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at)"
                " VALUES ('r', ?, 'hilang', 'installed', '2024-02-03T00:00:00')",
                [mid],
            )
        assert package_kind(db, "2024-01-01T00:00:00") == PackageKind.PEMASANGAN_ULANG


def _nodes(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _nodes(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:4]):
            found += _nodes(value, (*prefix, i))
    return found


@SETTINGS
@given(data=st.data())
def test_mutated_records_are_read_or_refused(seed: dict[str, Any], data: st.DataObject) -> None:
    doc: Any = copy.deepcopy(seed)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_nodes(doc)))
        value = data.draw(HOSTILE)
        if not where:
            doc = value
            break
        node = doc
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value
    raw = json.dumps(doc, allow_nan=True).encode()
    try:
        parsed = maintenance.parse_maintenance(maintenance.decode(raw), {})
    except maintenance.MaintenanceDataError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    o = overview.WiupOverview("job", "<b>job</b>", None, 0)
    o.markers = overview.marker_states(parsed, TODAY)
    o.open_reinstallations = [r for r in parsed.reinstallations if r.status == "terbuka"]
    html = web_overview.overview_html(o, TODAY) + web_overview.package_section(parsed, "x")
    assert "<script" not in html and "<b>job" not in html
    json.dumps(web_overview.overview_json(o), allow_nan=False)  # no NaN reaches the JSON API
