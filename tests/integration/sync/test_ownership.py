"""Package ids belong to the device that first committed them; copied jobs fork; no dead ends."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import httpx
from synckit import Office, Reviewer, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import list_outbox, wire_manifest
from fieldapp.sync.wire import API_PREFIX, WireFile, WireManifest


def laptop(tmp_path: Path, name: str) -> dict[str, str]:
    """The environment of one laptop: its own FIELDAPP_HOME, so its own device key."""
    return {**os.environ, "FIELDAPP_HOME": str(tmp_path / f"home-{name}")}


def cli(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = run_cli(*args, env=env)
    assert result.returncode != 70, result.stderr  # the last-resort handler: always a bug
    return result.returncode, result.stdout, result.stderr


def office_packages(office: Office) -> list[tuple[str, int, str]]:
    """(package id, revision, device name) of every committed package, in commit order."""
    with sqlite3.connect(office.data / "office.sqlite") as conn:
        rows = conn.execute(
            "SELECT p.package_id, p.revision, d.name FROM package p"
            " JOIN device d ON d.id = p.device_id ORDER BY p.id"
        ).fetchall()
    return [(r[0], int(r[1]), r[2]) for r in rows]


def outbox_of(job: Path) -> list[tuple[str, int, str]]:
    with JobStore.open(job) as store:
        return [(e.package_id, e.revision, e.state.value) for e in list_outbox(store.db)]


def client(office: Office, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=office.url + API_PREFIX, headers={"Authorization": f"Bearer {token}"}
    )


def one_line(response: httpx.Response) -> str:
    detail = str(response.json()["detail"])
    assert detail and "\n" not in detail
    return detail


def test_another_device_cannot_commit_or_read_a_package(
    tmp_path: Path, job: Path, office: Office
) -> None:
    token_a, token_b = office.add("device", "laptop-a"), office.add("device", "laptop-b")
    env_b = laptop(tmp_path, "b")
    push_b = ("--office", office.url, "--token", token_b)
    assert cli(env_b, "sync", "seal", str(job))[0] == 0
    assert cli(env_b, "sync", "push", str(job), *push_b)[0] == 0
    with JobStore.open(job) as store:
        (entry,) = list_outbox(store.db)
        theirs = wire_manifest(store.db, entry.package_id, entry.revision)
    pid = theirs.package_id
    before = office_packages(office)

    with client(office, token_a) as a:
        # Reading B's receipt: declaring B's very manifest used to answer with it.
        read = a.post("/manifests", json=theirs.to_json())
        assert read.status_code == 403 and "belongs to device 'laptop-b'" in one_line(read)
        assert entry.receipt_id not in read.text
        # The idempotent commit of B's revision 1 also answered with B's receipt.
        again = a.post(
            f"/packages/{pid}/revisions/1/commit", json={"manifest_hash": theirs.manifest_hash}
        )
        assert again.status_code == 403 and entry.receipt_id not in again.text
        # Revision 2 of B's package id: refused at the manifest and at the commit.
        rev2 = WireManifest(theirs.job_id, pid, 2, theirs.files)
        declared = a.post("/manifests", json=rev2.to_json())
        assert declared.status_code == 403, declared.text
        committed = a.post(
            f"/packages/{pid}/revisions/2/commit", json={"manifest_hash": rev2.manifest_hash}
        )
        assert committed.status_code == 403, committed.text
    assert office_packages(office) == before == [(pid, 1, "laptop-b")]

    # B's own revision 2 is not disturbed by any of it.
    with JobStore.open(job) as store:
        (store.photos_dir / "TB1_north.jpg").write_bytes(b"\xff\xd8\xff retaken")
    assert cli(env_b, "sync", "seal", str(job))[0] == 0
    assert cli(env_b, "sync", "push", str(job), *push_b)[0] == 0
    assert office_packages(office) == [(pid, 1, "laptop-b"), (pid, 2, "laptop-b")]


def test_a_second_declaration_cannot_reset_another_devices_partial_upload(
    office: Office,
) -> None:
    token_a, token_b = office.add("device", "laptop-a"), office.add("device", "laptop-b")
    content = os.urandom(300_000)
    sha = hashlib.sha256(content).hexdigest()

    def manifest(pid: str, size: int) -> dict[str, object]:
        files = (WireFile("data/photos/p.jpg", sha, size),)
        return WireManifest("job-1", pid, 1, files).to_json()

    with client(office, token_a) as a, client(office, token_b) as b:
        assert b.post("/manifests", json=manifest("pkg-b", len(content))).status_code == 200
        half = b.patch(
            f"/blobs/{sha}",
            headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
            content=content[:100_000],
        )
        assert half.headers["Upload-Offset"] == "100000"
        # A declares the same hash with a size B's bytes already exceed: verifying at that
        # length would drop B's 100 000 bytes. Refused, and B's bytes stay.
        short = a.post("/manifests", json=manifest("pkg-a", 50_000))
        assert short.status_code == 403 and "another device" in one_line(short)
        assert b.head(f"/blobs/{sha}").headers["Upload-Offset"] == "100000"
        # The same bytes declared honestly are shared: A is told where B's upload stands.
        same = a.post("/manifests", json=manifest("pkg-a", len(content)))
        assert same.status_code == 200
        assert same.json()["missing"] == [{"sha256": sha, "size": len(content), "offset": 100_000}]
        rest = b.patch(
            f"/blobs/{sha}",
            headers={"Upload-Offset": "100000", "Content-Type": "application/offset+octet-stream"},
            content=content[100_000:],
        )
        assert rest.status_code == 204 and rest.headers["Blob-Complete"] == "1"
        assert a.head(f"/blobs/{sha}").headers["Blob-Complete"] == "1"


def test_copied_job_forks_and_both_laptops_work_is_received(
    tmp_path: Path, job: Path, office: Office
) -> None:
    env_a, env_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    push_a = ("--office", office.url, "--token", office.add("device", "laptop-a"))
    push_b = ("--office", office.url, "--token", office.add("device", "laptop-b"))
    assert cli(env_a, "sync", "seal", str(job))[0] == 0
    assert cli(env_a, "sync", "push", str(job), *push_a)[0] == 0
    ((pid, _, _),) = outbox_of(job)

    # The job folder goes to a second laptop (a USB stick) and both go on working.
    copy = tmp_path / "on-laptop-b" / job.name
    shutil.copytree(job, copy)
    with JobStore.open(job) as store:
        (store.photos_dir / "TB2_east.jpg").write_bytes(b"\xff\xd8\xff retaken on A")
    with JobStore.open(copy) as store:
        (store.photos_dir / "TB3_north.jpg").write_bytes(b"\xff\xd8\xff new marker on B")

    code, out_a, _ = cli(env_a, "sync", "seal", str(job))
    assert code == 0 and f"sealed package {pid} revision 2" in out_a
    code, out_b, _ = cli(env_b, "sync", "seal", str(copy))
    assert code == 0 and "job copied from another laptop" in out_b
    fork = out_b.split("continue as package id ")[1].split()[0]
    assert fork != pid and f"sealed package {fork} revision 1" in out_b

    # Laptop B pushes first: nothing of A's is in its way, nor is B in A's.
    code, out, err = cli(env_b, "sync", "push", str(copy), *push_b)
    assert code == 0, err
    assert f"committed package {fork} revision 1" in out
    code, out, err = cli(env_a, "sync", "push", str(job), *push_a)
    assert code == 0, err
    assert f"committed package {pid} revision 2" in out
    assert office_packages(office) == [
        (pid, 1, "laptop-a"),
        (fork, 1, "laptop-b"),
        (pid, 2, "laptop-a"),
    ]
    assert outbox_of(copy)[-1] == (fork, 1, "committed")
    # B's next seal continues its own package, not a new fork every time.
    code, out, _ = cli(env_b, "sync", "seal", str(copy))
    assert code == 0 and f"sealed package {fork} revision 2" in out and "another laptop" not in out


def test_revision_sealed_on_another_laptop_is_not_sent_from_the_copy(
    tmp_path: Path, job: Path, office: Office
) -> None:
    """Copied before A pushed: B cannot send A's signed bag, says so, and its seal forks."""
    env_a, env_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    push_a = ("--office", office.url, "--token", office.add("device", "laptop-a"))
    push_b = ("--office", office.url, "--token", office.add("device", "laptop-b"))
    assert cli(env_a, "sync", "seal", str(job))[0] == 0
    copy = tmp_path / "on-laptop-b" / job.name
    shutil.copytree(job, copy)
    ((pid, _, _),) = outbox_of(job)

    code, out, _ = cli(env_b, "sync", "push", str(copy), *push_b)
    assert code == 0 and "sealed on another laptop" in out and "committed" not in out
    code, out, _ = cli(env_b, "sync", "seal", str(copy))
    assert code == 0 and "job copied from another laptop" in out
    assert cli(env_b, "sync", "push", str(copy), *push_b)[0] == 0
    assert cli(env_a, "sync", "push", str(job), *push_a)[0] == 0
    devices = sorted((d, r) for _, r, d in office_packages(office))
    assert devices == [("laptop-a", 1), ("laptop-b", 1)]
    assert [p for p, _, _ in office_packages(office)].count(pid) == 1


def test_refused_revision_is_escaped_by_sealing_again(
    tmp_path: Path, job: Path, office: Office
) -> None:
    """Today's dead end: revision 2 taken by another copy, the seal refused while it waits.

    Two copies of the job on one laptop (same device key, so no fork) both seal revision 2;
    the first push wins and the other gets 422. ``sync seal`` then sets the refused revision
    aside as revision 3, which goes through.
    """
    env = laptop(tmp_path, "a")
    push = ("--office", office.url, "--token", office.add("device", "laptop-a"))
    assert cli(env, "sync", "seal", str(job))[0] == 0
    assert cli(env, "sync", "push", str(job), *push)[0] == 0
    ((pid, _, _),) = outbox_of(job)
    copy = tmp_path / "second-copy" / job.name
    shutil.copytree(job, copy)
    with JobStore.open(copy) as store:
        (store.photos_dir / "TB3_north.jpg").write_bytes(b"\xff\xd8\xff only in the copy")
    assert cli(env, "sync", "seal", str(job))[0] == 0
    assert cli(env, "sync", "seal", str(copy))[0] == 0
    assert cli(env, "sync", "push", str(job), *push)[0] == 0

    code, _, err = cli(env, "sync", "push", str(copy), *push)
    assert code == 1 and "(422)" in err and "`fieldapp sync seal`" in err
    # One line besides the warning that --token (used here for brevity) is visible in ps.
    lines = [ln for ln in err.splitlines() if not ln.startswith("fieldapp: warning: --token")]
    assert len(lines) == 1
    code, out, _ = cli(env, "sync", "seal", str(copy))
    assert code == 0 and "refused revision 2" in out and f"sealed package {pid} revision 3" in out
    code, out, err = cli(env, "sync", "push", str(copy), *push)
    assert code == 0, err
    assert f"committed package {pid} revision 3" in out
    assert office_packages(office) == [
        (pid, 1, "laptop-a"),
        (pid, 2, "laptop-a"),
        (pid, 3, "laptop-a"),
    ]
    states = outbox_of(copy)
    assert states == [(pid, 1, "committed"), (pid, 2, "queued"), (pid, 3, "committed")]
    code, out, _ = cli(env, "sync", "status", str(copy))
    assert "set aside, not sent" in out


def test_package_refused_as_not_ours_continues_under_a_new_id(
    tmp_path: Path, job: Path, office: Office
) -> None:
    """A laptop re-registered at the office under a new device name: its old package id is
    the old device's (403). Its next seal continues the job under a package id of its own."""
    env = laptop(tmp_path, "a")
    old = ("--office", office.url, "--token", office.add("device", "laptop-a"))
    assert cli(env, "sync", "seal", str(job))[0] == 0
    assert cli(env, "sync", "push", str(job), *old)[0] == 0
    ((pid, _, _),) = outbox_of(job)
    new = ("--office", office.url, "--token", office.add("device", "laptop-a-new"))
    assert cli(env, "sync", "seal", str(job))[0] == 0
    code, _, err = cli(env, "sync", "push", str(job), *new)
    assert code == 1 and "(403)" in err and "belongs to device 'laptop-a'" in err
    # Pushing again meets the same refusal: the way out is the seal the message names.
    assert cli(env, "sync", "push", str(job), *new)[0] == 1
    code, out, _ = cli(env, "sync", "seal", str(job))
    assert code == 0 and "as not this laptop's" in out
    fork = out.split("continues as package id ")[1].split()[0]
    code, out, err = cli(env, "sync", "push", str(job), *new)
    assert code == 0 and f"committed package {fork} revision 1" in out, err
    assert office_packages(office) == [(pid, 1, "laptop-a"), (fork, 1, "laptop-a-new")]


def test_job_copied_after_a_return_both_revisions_are_received(
    tmp_path: Path, job: Path, office: Office, staff: Reviewer
) -> None:
    """The issue's case: the office returns revision 1, the folder is copied to a second
    laptop, both seal "revision 2". Before, the second push got 422 and was stuck."""
    env_a, env_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    push_a = ("--office", office.url, "--token", office.add("device", "laptop-a"))
    push_b = ("--office", office.url, "--token", office.add("device", "laptop-b"))
    assert cli(env_a, "sync", "seal", str(job))[0] == 0
    assert cli(env_a, "sync", "push", str(job), *push_a)[0] == 0
    ((pid, _, _),) = outbox_of(job)
    # The staff side as test_return_flow drives it: signed in, with Origin and CSRF token.
    for action in ("start_review", "return"):
        r = httpx.post(
            f"{office.url}/review/packages/{pid}/1/decision",
            data={"action": action, "notes": "foto kabur"},
            auth=staff,
        )
        assert r.status_code == 303, r.text
    assert cli(env_a, "sync", "pull", str(job), *push_a)[0] == 0
    assert outbox_of(job) == [(pid, 1, "returned")]
    copy = tmp_path / "on-laptop-b" / job.name
    shutil.copytree(job, copy)

    code, out_a, _ = cli(env_a, "sync", "seal", str(job))
    assert code == 0 and f"sealed package {pid} revision 2" in out_a
    code, out_b, _ = cli(env_b, "sync", "seal", str(copy))
    assert code == 0 and "job copied from another laptop" in out_b
    fork = out_b.split("continue as package id ")[1].split()[0]
    assert cli(env_a, "sync", "push", str(job), *push_a)[0] == 0
    code, out, err = cli(env_b, "sync", "push", str(copy), *push_b)
    assert code == 0 and f"committed package {fork} revision 1" in out, err
    assert sorted(office_packages(office)) == sorted(
        [(pid, 1, "laptop-a"), (pid, 2, "laptop-a"), (fork, 1, "laptop-b")]
    )
