"""The office receiver on a real PostgreSQL server started in a temp dir (see pgkit.py)."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from pgkit import Postgres, start_postgres
from synckit import Office, Reviewer, free_port, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.office import review, service
from fieldapp.sync.office.db import open_database
from fieldapp.sync.outbox import list_outbox

# pgserver asks platformdirs for XDG_RUNTIME_DIR, which a CI container does not set.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    """One PostgreSQL server for the module, stopped and deleted afterwards.

    Never a skip: without any PostgreSQL the fixture fails and says what to install, so CI
    cannot pass while the PostgreSQL office goes untested.
    """
    # A short path under /tmp: the server's Unix socket path has a 107-byte limit.
    root = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    server = start_postgres(root)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres: Postgres) -> Iterator[str]:
    """A fresh database per test on the shared server."""
    name = f"office_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres.uri(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield postgres.uri(name)
    with psycopg.connect(postgres.uri(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_office(tmp_path: Path, pg_url: str) -> Iterator[Office]:
    server = Office(tmp_path / "office-data", free_port(), db_url=pg_url)
    server.start()
    yield server
    server.stop()


def pg_rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def decide(office: Office, staff: Reviewer, pid: str, rev: int, action: str) -> None:
    r = httpx.post(
        f"{office.url}/review/packages/{pid}/{rev}/decision",
        data={"action": action, "notes": "diperiksa"},
        auth=staff,
    )
    assert r.status_code == 303, r.text


def test_happy_path_idempotent_commit_and_restart(
    job: Path, pg_office: Office, pg_url: str
) -> None:
    token = pg_office.add("device", "laptop-01")
    staff = pg_office.reviewer("reviewer")
    push = ("--office", pg_office.url, "--token", token)

    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), *push)
    assert pushed.returncode == 0, pushed.stderr
    with JobStore.open(job) as store:
        entry = list_outbox(store.db)[0]
        manifest = json.loads(
            store.db.execute("SELECT wire_manifest FROM outbox WHERE revision = 1").fetchone()[0]
        )
    pid = entry.package_id

    # The rows live in PostgreSQL; the data folder holds blobs only.
    assert not (pg_office.data / "office.sqlite").exists()
    assert pg_rows(pg_url, "SELECT package_id, revision, state FROM package") == [
        (pid, 1, "received")
    ]
    files = pg_rows(pg_url, "SELECT count(*), sum(size) FROM package_file")[0]
    assert files == (len(manifest["files"]), sum(f["size"] for f in manifest["files"]))

    listing = httpx.get(f"{pg_office.url}/review", auth=staff)
    assert listing.status_code == 200 and "WIUP Sungai Batu" in listing.text
    decide(pg_office, staff, pid, 1, "accept")
    pulled = run_cli("sync", "pull", str(job), *push)
    assert pulled.returncode == 0 and "accepted" in pulled.stdout, pulled.stderr
    status = json.loads(run_cli("sync", "status", str(job), "--json").stdout)
    assert [(s["package_id"], s["revision"], s["state"]) for s in status] == [(pid, 1, "accepted")]

    # Idempotent commit: same manifest, same receipt; another manifest for revision 1: 422.
    auth = {"Authorization": f"Bearer {token}"}
    commit = f"{pg_office.url}/api/v1/packages/{pid}/revisions/1/commit"
    again = httpx.post(commit, json={"manifest_hash": entry.manifest_hash}, headers=auth)
    assert again.status_code == 200 and again.json()["receipt_id"] == entry.receipt_id
    resent = httpx.post(f"{pg_office.url}/api/v1/manifests", json=manifest, headers=auth)
    assert resent.status_code == 200 and resent.json()["receipt"]["receipt_id"] == entry.receipt_id
    forged = {**manifest, "files": manifest["files"][:-1]}
    refused = httpx.post(f"{pg_office.url}/api/v1/manifests", json=forged, headers=auth)
    assert refused.status_code == 422 and "different manifest" in refused.json()["detail"]

    # A restarted receiver (a new process) reads everything back from PostgreSQL.
    pg_office.kill()
    pg_office.start()
    listing = httpx.get(f"{pg_office.url}/review", auth=staff)
    assert listing.status_code == 200 and pid[:12] in listing.text
    page = httpx.get(f"{pg_office.url}/review/packages/{pid}/1", auth=staff).text
    assert "accepted" in page and "TB1_north.jpg" in page
    assert (
        httpx.post(commit, json={"manifest_hash": entry.manifest_hash}, headers=auth).json()[
            "receipt_id"
        ]
        == entry.receipt_id
    )
    assert run_cli("sync", "pull", str(job), *push).stdout.startswith("0 inbox event(s)")
    audit = [r[0] for r in pg_rows(pg_url, "SELECT action FROM audit ORDER BY id")]
    assert audit == ["device_added", "staff_added", "key_registered", "committed", "accept"]


def test_database_layer_on_postgresql(pg_url: str) -> None:
    """Transactions roll back as a whole, RETURNING gives ints, threads share one Database."""
    db = open_database(pg_url)
    try:
        assert db.dialect == "postgresql"
        open_database(pg_url).close()  # a second open finds the schema and keeps it
        token = service.add_device(db, "laptop-02")
        device = service.device_for_token(db, token)
        assert device is not None and isinstance(device.id, int)
        with pytest.raises(service.OfficeError, match="already exists"):
            service.add_device(db, "laptop-02")

        class Boom(Exception):
            pass

        with pytest.raises(Boom), db.transaction():
            db.query("INSERT INTO audit (at, actor, action) VALUES (?, 'x', 'lost')", ["t"])
            raise Boom
        assert db.one("SELECT count(*) FROM audit WHERE action = 'lost'") == (0,)

        # A failed statement inside a transaction aborts it in PostgreSQL; the Database must
        # roll back so the connection keeps working.
        with pytest.raises(psycopg.errors.UniqueViolation), db.transaction():
            db.query(
                "INSERT INTO device (name, token_hash, created_at) VALUES (?, ?, ?)",
                ["laptop-02", "h", "t"],
            )
        assert db.one("SELECT count(*) FROM device") == (1,)

        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for i in range(10):
                    with db.transaction():
                        db.query(
                            "INSERT INTO audit (at, actor, action, notes) VALUES (?, ?, ?, ?)",
                            ["t", f"thread{n}", "ping", str(i)],
                        )
                    review.audit_trail(db)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert db.one("SELECT count(*) FROM audit WHERE action = 'ping'") == (60,)
    finally:
        db.close()


def test_wrong_url_and_missing_server_are_clear_messages(tmp_path: Path) -> None:
    bad = run_cli("office", "device", "add", "--data", str(tmp_path), "--db", "mysql://x/y", "a")
    assert bad.returncode != 0 and "must start with sqlite:/// or postgresql://" in bad.stderr
    gone = run_cli(
        "office", "device", "add", "--data", str(tmp_path),
        "--db", f"postgresql://nobody@/x?host={tmp_path}", "a",
    )  # fmt: skip
    assert "Traceback" not in bad.stderr
    assert gone.returncode != 0 and "Traceback" not in gone.stderr
    assert "cannot connect to the office database" in gone.stderr


def test_receiver_survives_a_postgresql_restart(
    job: Path, pg_office: Office, postgres: Postgres
) -> None:
    token = pg_office.add("device", "laptop-01")
    staff = pg_office.reviewer("reviewer")
    push = ("--office", pg_office.url, "--token", token)
    assert run_cli("sync", "seal", str(job)).returncode == 0
    assert run_cli("sync", "push", str(job), *push).returncode == 0

    # The receiver's connection dies with the server; the next requests open a new one.
    postgres.restart()
    listing = httpx.get(f"{pg_office.url}/review", auth=staff)
    assert listing.status_code == 200 and "WIUP Sungai Batu" in listing.text
    pulled = run_cli("sync", "pull", str(job), *push)
    assert pulled.returncode == 0 and "received" in pulled.stdout, pulled.stderr


def test_assignments_on_postgresql(tmp_path: Path, pg_office: Office, pg_url: str) -> None:
    from fieldapp.demo_job import create_demo_job

    token = pg_office.add("device", "laptop-01")
    pg_office.add("device", "laptop-02")
    staff = pg_office.reviewer("reviewer")
    source = tmp_path / "Demo.fieldapp"
    with create_demo_job(source) as store:
        job_id = store.db.execute("SELECT job_uuid FROM permit_area").fetchone()[0]
    assign = ("office", "assign", "--data", str(pg_office.data), *pg_office.db_args)
    done = run_cli(*assign, "--device", "laptop-01", str(source))
    assert done.returncode == 0 and "as revision 1" in done.stdout, done.stderr
    # The web form gives the office's latest spec of a known job to another device.
    form = httpx.post(
        f"{pg_office.url}/review/assignments",
        data={"device": "laptop-02", "job_id": job_id, "notes": "cadangan"},
        auth=staff,
    )
    assert form.status_code == 303, form.text
    assert pg_rows(pg_url, "SELECT job_id, revision FROM assignment ORDER BY id") == [
        (job_id, 1),
        (job_id, 1),
    ]
    assert "cadangan" in httpx.get(f"{pg_office.url}/review", auth=staff).text

    jobs = tmp_path / "field-jobs"
    jobs.mkdir()
    pulled = run_cli(
        "sync", "pull-assignments", "--jobs-dir", str(jobs),
        "--office", pg_office.url, "--token", token,
    )  # fmt: skip
    assert pulled.returncode == 0 and "created" in pulled.stdout, pulled.stderr
    assert run_cli("job", "validate", str(jobs / "WIUP Demo Loa Kulu.fieldapp")).returncode == 0


def test_concurrent_assignments_get_distinct_revisions(tmp_path: Path, pg_url: str) -> None:
    """Separate connections (as separate office processes) assigning to one device at once."""
    from fieldapp.demo_job import create_demo_job
    from fieldapp.sync.jobspec import spec_from_job
    from fieldapp.sync.office.assignments import assign_job

    setup = open_database(pg_url)
    service.add_device(setup, "laptop-01")
    with create_demo_job(tmp_path / "Demo.fieldapp") as store:
        base = spec_from_job(store.db)
    specs = []
    for n in range(6):
        doc = json.loads(json.dumps(base))
        doc["data"]["job.json"]["permit_area"]["sk_number"] = f"540/{n}/2025"
        specs.append(doc)
    connections = [open_database(pg_url) for _ in specs]
    barrier = threading.Barrier(len(specs))
    revisions: list[int] = []
    errors: list[BaseException] = []

    def work(db: Any, doc: dict[str, Any]) -> None:
        try:
            barrier.wait()
            revisions.append(assign_job(db, "office-admin", "laptop-01", doc).revision)
        except BaseException as exc:
            errors.append(exc)

    pairs = zip(connections, specs, strict=True)
    threads = [threading.Thread(target=work, args=pair) for pair in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in [setup, *connections]:
        db.close()
    assert errors == []
    assert sorted(revisions) == [1, 2, 3, 4, 5, 6]
    events = pg_rows(pg_url, "SELECT revision FROM event WHERE kind = 'assignment' ORDER BY id")
    assert sorted(r[0] for r in events) == [1, 2, 3, 4, 5, 6]


def test_owner_upgrade_on_postgresql(pg_url: str) -> None:
    from ownerkit import check_upgrade_from_version_2

    check_upgrade_from_version_2(pg_url)


def test_blob_size_conflict_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    from ownerkit import check_blob_size_conflict

    check_blob_size_conflict(pg_url, tmp_path / "blobs")


def test_maintenance_overview_on_postgresql(job: Path, pg_office: Office) -> None:
    """A pemeliharaan package reviewed and the per-WIUP overview read, rows in PostgreSQL."""
    from reviewkit import reviewer
    from test_maintenance_packages import accept, ago, inspect, install, seal_push

    token = pg_office.add("device", "laptop-01")
    client = reviewer(pg_office, pg_office.reviewer("reviewer"))
    install(job, {"1": 400, "2": 30})
    pid, rev, _ = seal_push(job, pg_office, token)
    accept(client, pg_office, job, token, pid, rev)
    inspect(job, "2", 5, "rusak")
    pid, rev, kind = seal_push(job, pg_office, token)
    assert kind == "pemeliharaan"
    assert "<td>pemeliharaan</td>" in client.get("/review").text
    assert "<td class='new'>baru</td>" in client.get(f"/review/packages/{pid}/{rev}").text
    accept(client, pg_office, job, token, pid, rev)
    [wiup] = client.get("/review/api/wiup").json()["wiup"]
    assert wiup["counts"]["overdue"] == 1 and wiup["counts"]["needing_action"] == 1
    data = client.get(f"/review/api/wiup/{wiup['job_id']}").json()
    states = {
        m["name"]: (m["condition"], m["last_inspection"], m["overdue"]) for m in data["markers"]
    }
    assert states["1"] == (None, None, True) and states["2"] == ("rusak", ago(5), False)
