"""Job assignments: the office assigns the demo job, the laptop creates and updates it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from synckit import Office, run_cli

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.sync.jobspec import SPEC_FORMAT, canonical, spec_from_path, spec_sha256

DEVICE = "laptop-01"


@pytest.fixture
def office_job(tmp_path: Path) -> Path:
    """The office's own copy of the demo job, which it assigns and later edits."""
    path = tmp_path / "office-jobs" / "Demo.fieldapp"
    create_demo_job(path).close()
    return path


def assign(office: Office, job: Path | str, *extra: str) -> str:
    done = run_cli(
        "office", "assign", "--data", str(office.data), "--device", DEVICE, str(job), *extra
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def pull_assignments(office: Office, jobs: Path, token: str) -> str:
    done = run_cli(
        "sync", "pull-assignments", "--jobs-dir", str(jobs),
        "--office", office.url, "--token", token,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_assign_create_update_then_conflict_after_staking(
    tmp_path: Path, office: Office, device_token: str, office_job: Path
) -> None:
    jobs = tmp_path / "field-jobs"
    jobs.mkdir()
    assert "as revision 1" in assign(office, office_job, "--notes", "Mulai Senin")
    # The same spec again is no news: no second revision.
    assert "nothing new to send" in assign(office, office_job)

    out = pull_assignments(office, jobs, device_token)
    assert out.startswith("1 assignment event(s)") and "created" in out
    (field_job,) = sorted(jobs.glob("*.fieldapp"))
    assert field_job.name == "WIUP Demo Loa Kulu.fieldapp"
    assert not list(jobs.glob(".*.partial"))
    with JobStore.open(office_job) as src, JobStore.open(field_job) as dst:
        assert rec.load_permit_area(dst.db) == rec.load_permit_area(src.db)  # job id too
        assert rec.load_boundary_points(dst.db) == rec.load_boundary_points(src.db)
        assert rec.load_control_points(dst.db) == rec.load_control_points(src.db)
        assert len(rec.load_geojson_rows(dst.db, "neighbor_area")) == 1
        assert len(rec.load_geojson_rows(dst.db, "activity_zone")) == 1
        assert [s.name for s in rec.load_surveyors(dst.db)] == [
            s.name for s in rec.load_surveyors(src.db)
        ]
    validated = run_cli("job", "validate", str(field_job))
    assert validated.returncode == 0 and "WIUP valid" in validated.stdout, validated.stdout
    status = run_cli("sync", "status", str(field_job))
    assert "job from office assignment revision 1" in status.stdout
    again = pull_assignments(office, jobs, device_token)
    assert again.startswith("0 assignment event(s)") and len(list(jobs.glob("*.fieldapp"))) == 1

    # Markers planned (no field work yet), then revision 2 with a changed decree: applied.
    assert run_cli("job", "plan", str(field_job), "--apply").returncode == 0
    with JobStore.open(office_job) as src:
        rec.update_permit_area(src.db, sk_number="540/2001/IUP-OP/DPMPTSP/I/2025")
    assert "as revision 2" in assign(office, office_job)
    out = pull_assignments(office, jobs, device_token)
    assert "updated" in out and "decree (sk_number)" in out, out
    with JobStore.open(field_job) as dst:
        assert rec.load_permit_area(dst.db).sk_number == "540/2001/IUP-OP/DPMPTSP/I/2025"
        marker = rec.load_markers(dst.db)[0]
    assert (
        "job from office assignment revision 2" in run_cli("sync", "status", str(field_job)).stdout
    )

    # A marker is staked; revision 3 changes the decree and a control point: not applied.
    staked = run_cli(
        "marker", "stake", str(field_job), marker.name,
        "--lat", str(marker.lat), "--lon", str(marker.lon), "--shot", "gsi:1",
    )  # fmt: skip
    assert staked.returncode == 0, staked.stderr
    with JobStore.open(office_job) as src:
        rec.update_permit_area(src.db, sk_date="2025-01-20")
        src.db.execute("UPDATE control_point SET h = h + 1 WHERE name = 'BM-01'")
    assert "as revision 3" in assign(office, office_job)
    out = pull_assignments(office, jobs, device_token)
    assert "NOT APPLIED" in out and "marker work is recorded (1 stake" in out, out
    assert "decree (sk_date)" in out and "control points" in out
    with JobStore.open(field_job) as dst:
        permit = rec.load_permit_area(dst.db)
        assert permit.sk_date == "2024-10-15"  # the field data is kept
        assert permit.sk_number == "540/2001/IUP-OP/DPMPTSP/I/2025"
        bm = next(c for c in rec.load_control_points(dst.db) if c.name == "BM-01")
        assert bm.h == pytest.approx(96.412)
    status = run_cli("sync", "status", str(field_job))
    assert "job from office assignment revision 2" in status.stdout
    assert "NOT APPLIED" in status.stdout and "revision 3" in status.stdout
    assert "field data is kept" in status.stdout
    listed = json.loads(run_cli("sync", "status", str(field_job), "--json").stdout)
    assert listed == []  # the --json contract stays the package list

    # The per-job pull sees the same revision in the job's inbox and leaves it alone too.
    pulled = run_cli(
        "sync", "pull", str(field_job), "--office", office.url, "--token", device_token
    )
    assert pulled.returncode == 0, pulled.stderr
    with JobStore.open(field_job) as dst:
        assert rec.load_permit_area(dst.db).sk_date == "2024-10-15"


def test_pull_of_one_job_applies_its_updated_assignment(
    tmp_path: Path, office: Office, device_token: str, office_job: Path
) -> None:
    jobs = tmp_path / "field-jobs"
    jobs.mkdir()
    assign(office, office_job)
    pull_assignments(office, jobs, device_token)
    (field_job,) = jobs.glob("*.fieldapp")
    with JobStore.open(office_job) as src:
        rec.update_permit_area(src.db, holder="PT Bara Khatulistiwa Baru")
    assign(office, office_job, "--notes", "pemegang izin berganti nama")
    pulled = run_cli(
        "sync", "pull", str(field_job), "--office", office.url, "--token", device_token
    )
    assert pulled.returncode == 0, pulled.stderr
    assert "updated" in pulled.stdout and "decree (holder)" in pulled.stdout
    with JobStore.open(field_job) as dst:
        assert rec.load_permit_area(dst.db).holder == "PT Bara Khatulistiwa Baru"
    # The jobs-folder pull then finds revision 2 already applied.
    out = pull_assignments(office, jobs, device_token)
    assert out.startswith("1 assignment event(s)") and "updated" not in out


def _office_rows(office: Office, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(office.data / "office.sqlite") as conn:
        return conn.execute(sql).fetchall()


def test_bad_spec_is_refused_with_a_clear_message_and_nothing_created(
    tmp_path: Path, office: Office, device_token: str, office_job: Path
) -> None:
    doc = spec_from_path(office_job)
    del doc["data"]["boundary_points.geojson"]
    bad = tmp_path / "tanpa_batas.json"
    bad.write_text(json.dumps(doc))
    refused = run_cli("office", "assign", "--data", str(office.data), "--device", DEVICE, str(bad))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "data/boundary_points.geojson is missing" in refused.stderr
    assert "nothing assigned" in refused.stderr
    assert _office_rows(office, "SELECT count(*) FROM assignment") == [(0,)]
    assert _office_rows(office, "SELECT count(*) FROM event WHERE kind = 'assignment'") == [(0,)]
    garbled = tmp_path / "rusak.json"
    garbled.write_text('{"format": "fieldapp-assignment/1",\n "job_id": ')
    out = run_cli("office", "assign", "--data", str(office.data), "--device", DEVICE, str(garbled))
    assert out.returncode == 2 and f"{garbled}:2: not valid JSON" in out.stderr

    # An office that stored such a spec anyway (older version, hand edit): the laptop refuses
    # it with the same words, creates nothing, and still takes the good assignment after it.
    text = canonical(doc).decode()
    payload = json.dumps({"name": "WIUP Demo Loa Kulu", "spec_sha256": spec_sha256(doc)})
    with sqlite3.connect(office.data / "office.sqlite") as conn:
        conn.execute(
            "INSERT INTO assignment (device_id, job_id, revision, name, spec, spec_sha256, actor,"
            " created_at) VALUES (1, ?, 1, 'WIUP Demo Loa Kulu', ?, ?, 'old-office', 't')",
            [doc["job_id"], text, spec_sha256(doc)],
        )
        conn.execute(
            "INSERT INTO event (device_id, job_id, kind, revision, actor, payload, at)"
            " VALUES (1, ?, 'assignment', 1, 'old-office', ?, 't')",
            [doc["job_id"], payload],
        )
    other = create_demo_job(tmp_path / "office-jobs" / "Other.fieldapp")
    rec.update_permit_area(other.db, name="WIUP Kedua")
    other.close()
    assign(office, tmp_path / "office-jobs" / "Other.fieldapp")

    jobs = tmp_path / "field-jobs"
    jobs.mkdir()
    out = pull_assignments(office, jobs, device_token)
    assert "NOT APPLIED" in out and "refused" in out and "no job was created" in out
    assert "data/boundary_points.geojson is missing" in out
    # The good job and the cursor; no folder (not even a partial one) for the bad spec.
    assert sorted(p.name for p in jobs.iterdir()) == [
        ".fieldapp-assignments.json",
        "WIUP Kedua.fieldapp",
    ]
    assert pull_assignments(office, jobs, device_token).startswith("0 assignment event(s)")


def test_spec_file_round_trip_and_wrong_jobs_dir(
    tmp_path: Path, office: Office, device_token: str, office_job: Path
) -> None:
    """A spec JSON written from a job folder assigns like the folder; a bad --jobs-dir is clear."""
    doc = spec_from_path(office_job)
    assert doc["format"] == SPEC_FORMAT
    spec_file = tmp_path / "penugasan.json"
    spec_file.write_text(json.dumps(doc, indent=1))
    assert "as revision 1" in assign(office, spec_file)
    assert "nothing new to send" in assign(office, office_job)
    missing = run_cli(
        "sync", "pull-assignments", "--jobs-dir", str(tmp_path / "nope"),
        "--office", office.url, "--token", device_token,
    )  # fmt: skip
    assert missing.returncode == 1 and "not a folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    no_token = run_cli(
        "sync", "pull-assignments", "--jobs-dir", str(tmp_path / "empty"),
        "--office", office.url, "--token", "wrong",
    )  # fmt: skip
    assert no_token.returncode == 1 and "Traceback" not in no_token.stderr
    assert "office refused the assignments request (401)" in no_token.stderr
    assert list((tmp_path / "empty").iterdir()) == []

    # What a pull killed mid-way leaves: a hidden partial folder, never a visible half job.
    jobs = tmp_path / "field-jobs"
    leftover = jobs / f".{doc['job_id']}-r1.fieldapp.partial"
    leftover.mkdir(parents=True)
    (leftover / "job.sqlite").write_bytes(b"half written")
    assert "created" in pull_assignments(office, jobs, device_token)
    assert sorted(p.name for p in jobs.iterdir()) == [
        ".fieldapp-assignments.json",
        "WIUP Demo Loa Kulu.fieldapp",
    ]
