"""Marker names by the SK rule on real job folders: add, rename, plan, validate, list order."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.fieldwork import apply_plan, plan_job
from fieldapp.store import JobStore
from fieldapp.store.marker_names import naming_findings, reference_names
from fieldapp.store.records import load_markers, replace_boundary_points
from fieldapp.survey.models import BoundaryPoint
from fieldapp.survey.naming import MarkerNameError

LAT, LON = -3.5, 115.6
# Ten SK points on a closed ring of parallels and meridians (a staircase), about 1 km a step.
RING = [(0, 0), (2, 0), (2, -1), (3, -1), (3, -3), (2, -3), (2, -2), (1, -2), (1, -3), (0, -3)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def job(tmp_path: Path) -> str:
    store = JobStore.create(tmp_path / "names.fieldapp", "Names", sk_area_ha=None)
    points = [
        BoundaryPoint(str(i), LAT + dy * 0.009, LON + dx * 0.009, "", "")
        for i, (dx, dy) in enumerate(RING, 1)
    ]
    replace_boundary_points(store.db, points)
    store.close()
    return str(tmp_path / "names.fieldapp")


def add(capsys: pytest.CaptureFixture[str], job: str, name: str, *extra: str):
    return run(capsys, "marker", "add", job, name, "--lat", str(LAT), "--lon", str(LON), *extra)


def names_in(job: str) -> list[str]:
    with JobStore.open(job) as store:
        return [m.name for m in load_markers(store.db)]


def test_add_takes_the_kind_from_the_name_and_refuses_others(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(capsys, job, "1")[1] == "marker 1 added (corner, planned)\n"
    assert add(capsys, job, "1A")[1] == "marker 1A added (infill, planned)\n"
    assert add(capsys, job, "1A-R")[1] == "marker 1A-R added (reference, planned)\n"
    code, _, err = add(capsys, job, "12X")
    assert code == 2
    assert "fieldapp: marker name '12X' (marker add) refused" in err
    assert "a corner (sudut) takes the Titik Batas number of the SK (1–10)" in err
    assert "an infill (sisipan) the number of the Titik Batas it follows plus letters" in err
    code, _, err = add(capsys, job, "2A", "--kind", "corner")
    assert code == 2 and "names an infill (sisipan), the marker is a corner (sudut)" in err
    code, _, err = add(capsys, job, "1")
    assert code == 2 and "already exists" in err
    assert names_in(job) == ["1", "1A", "1A-R"]  # nothing of the refused ones stored


def test_rename_by_the_rule_is_logged(job: str, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, job, "3A")
    add(capsys, job, "3B")
    code, _, err = run(capsys, "marker", "rename", job, "3A", "3X9")
    assert code == 2 and "marker name '3X9' (marker rename) refused" in err
    assert "(1–10)" in err
    code, _, err = run(capsys, "marker", "rename", job, "3A", "3B")
    assert code == 2 and "'3B' already exists" in err
    code, _, err = run(capsys, "marker", "rename", job, "3A", "4")
    assert code == 2 and "names a corner (sudut), the marker is an infill" in err
    code, out, _ = run(capsys, "marker", "rename", job, "3A", "3AA")
    assert code == 0 and out == "marker 3A renamed 3AA\n"
    assert names_in(job) == ["3B", "3AA"]
    with JobStore.open(job) as store:
        logged = store.db.execute(
            "SELECT table_name, action, detail FROM change_log ORDER BY id DESC"
        ).fetchone()
    assert logged[:2] == ("marker", "update")
    assert json.loads(logged[2]) == {"name": ["3A", "3AA"]}
    code, _, err = run(capsys, "marker", "rename", job, "9Z", "9A")
    assert code == 2 and "no marker named '9Z'" in err


def test_renaming_a_monument_in_the_ground_says_to_repaint_it(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, job, "5A")
    with sqlite3.connect(Path(job) / "job.sqlite") as raw:
        raw.execute("UPDATE marker SET status = 'installed' WHERE name = '5A'")
    out = run(capsys, "marker", "rename", job, "5A", "5B")[1]
    assert "note: the monument is installed: paint the new name 5B on it" in out


def test_validate_flags_a_job_with_a_bad_name_and_it_still_opens(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, job, "1")
    add(capsys, job, "2A")
    # A job made before the rule: names typed freely, written straight into the database.
    with sqlite3.connect(Path(job) / "job.sqlite") as raw:
        raw.execute("UPDATE marker SET name = 'TB-02a' WHERE name = '2A'")
        raw.execute(
            "INSERT INTO marker (name, kind, seq, design_lat, design_lon, status, created_at,"
            " updated_at) VALUES ('1A', 'corner', 9, ?, ?, 'planned', 'x', 'x')",
            [LAT, LON],
        )
    code, out, _ = run(capsys, "job", "validate", job)
    assert "PERINGATAN [marker_name] marker TB-02a (infill): name breaks the SK rule" in out
    assert "PERINGATAN [marker_name] marker 1A (corner): name breaks the SK rule: it names an " \
        "infill (sisipan)" in out  # fmt: skip
    assert "aturan nama Tanda Batas: a corner (sudut) takes the Titik Batas number" in out
    assert "marker 1 (" not in out
    code_json, out, _ = run(capsys, "job", "validate", job, "--json")
    data = json.loads(out)
    assert code_json == code  # names are flagged, the WIUP verdict is the boundary's
    assert [f["marker"] for f in data["marker_names"]] == ["1A", "TB-02a"]
    assert data["marker_names"][1]["kind"] == "infill"
    assert "neither a Titik Batas number" in data["marker_names"][1]["problem"]
    assert "(1–10)" in data["marker_name_rule"]
    # The job still opens, lists and shows the markers; the bad name can be put right.
    listed = json.loads(run(capsys, "marker", "list", job, "--json")[1])
    assert [r["name"] for r in listed] == ["1", "1A", "TB-02a"]
    assert run(capsys, "marker", "show", job, "TB-02a")[0] == 0
    assert run(capsys, "marker", "rename", job, "TB-02a", "2A")[0] == 0
    with JobStore.open(job) as store:
        assert [f.marker for f in naming_findings(store.db)] == ["1A"]


def test_list_order_is_sk_order_with_letters_in_sequence(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("10", "2", "1AA", "1Z", "1", "1A", "1A-R", "9"):
        assert add(capsys, job, name)[0] == 0
    assert names_in(job) == ["1", "1A", "1A-R", "1Z", "1AA", "2", "9", "10"]
    out = run(capsys, "marker", "list", job)[1]
    assert [line.split()[0] for line in out.splitlines()] == names_in(job)


def test_plan_apply_stores_names_by_the_rule_and_refuses_others(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "job", "plan", job, "--spacing", "40", "--apply", "--json")
    assert code == 0, err
    plan = json.loads(out)
    on_first = [m["name"] for m in plan["markers"] if m["edge"] == ["1", "2"]]
    assert len(on_first) > 27 and on_first[26:28] == ["1Z", "1AA"]
    with JobStore.open(job) as store:
        assert naming_findings(store.db) == []
        plan_obj = plan_job(store)
        bad = dataclasses.replace(
            plan_obj.markers[1], name="1-a", status=plan_obj.markers[1].status
        )
        before = [m.name for m in load_markers(store.db)]
        with pytest.raises(MarkerNameError, match=r"'1-a' \(accepting the plan\) refused"):
            apply_plan(store, dataclasses.replace(plan_obj, markers=(bad, *plan_obj.markers[2:])))
        assert [m.name for m in load_markers(store.db)] == before


def test_reference_records_are_named_after_their_marker_and_keep_the_name(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, job, "4B")
    ref = ["--lat", str(LAT - 1e-4), "--lon", str(LON)]
    out = run(capsys, "marker", "reference", job, "4B", *ref)[1]
    assert out.startswith("reference marker 4B-R (record 1) of 4B: to the true point azimuth")
    assert run(capsys, "marker", "withdraw", job, "reference", "1", "--reason", "salah")[0] == 0
    out = run(capsys, "marker", "reference", job, "4B", *ref)[1]
    assert out.startswith("reference marker 4B-R2 (record 2) of 4B")  # 4B-R stays the first's
    with JobStore.open(job) as store:
        assert reference_names(store.db, "4B") == {1: "4B-R", 2: "4B-R2"}
        assert naming_findings(store.db) == []


def test_a_new_sk_table_says_which_markers_it_leaves_outside_the_rule(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("1", "4", "5A", "9B"):
        add(capsys, job, name)
    ring = [[LON + dx * 0.009, LAT + dy * 0.009] for dx, dy in RING[:4]]
    sk = tmp_path / "sk_baru.geojson"
    sk.write_text(json.dumps({"type": "Polygon", "coordinates": [[*ring, ring[0]]]}))
    code, out, err = run(capsys, "job", "import-boundary", job, str(sk))
    assert code == 0, err
    assert "note: 2 marker name(s) no longer follow the SK rule: 5A, 9B" in out
    data = json.loads(run(capsys, "job", "validate", job, "--json")[1])
    assert [f["marker"] for f in data["marker_names"]] == ["5A", "9B"]
    assert "(1–4)" in data["marker_name_rule"]
