"""Seal, push, list at the office, accept through the web pages, pull: the job shows accepted."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import httpx
from synckit import Office, Reviewer, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import OutboxState, list_outbox
from fieldapp.sync.push import PushJob, PushStatus


def office_files(office: Office, staff: Reviewer, pid: str, rev: int) -> dict[str, str]:
    """path -> sha256 of every file as the office serves it back."""
    page = httpx.get(f"{office.url}/review/packages/{pid}/{rev}", auth=staff)
    assert page.status_code == 200
    result = {}
    listing = httpx.get(f"{office.url}/review/packages/{pid}/{rev}", auth=staff).text
    for chunk in listing.split("/files/")[1:]:
        path = chunk.split("'")[0]
        from urllib.parse import unquote

        body = httpx.get(f"{office.url}/review/packages/{pid}/{rev}/files/{path}", auth=staff)
        result[unquote(path)] = hashlib.sha256(body.content).hexdigest()
    return result


def local_files(job: Path, bag_dir: str) -> dict[str, str]:
    root = job / bag_dir
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_seal_push_accept_pull(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    sealed = run_cli("sync", "seal", str(job))
    assert sealed.returncode == 0, sealed.stderr
    status = json.loads(run_cli("sync", "status", str(job), "--json").stdout)
    assert [(s["revision"], s["state"]) for s in status] == [(1, "sealed")]
    pid = status[0]["package_id"]

    progress: list[int] = []
    push = PushJob(
        job, office.url, device_token, on_progress=lambda p: progress.append(p.bytes_done)
    )
    push.start()
    outcome = push.wait(60)
    assert outcome is not None and outcome.status == PushStatus.FINISHED, outcome
    assert progress and progress[-1] == push.progress.bytes_total

    listing = httpx.get(f"{office.url}/review", auth=staff)
    assert listing.status_code == 200 and "WIUP Sungai Batu" in listing.text
    page = httpx.get(f"{office.url}/review/packages/{pid}/1", auth=staff)
    assert "<svg" in page.text and "1A" in page.text and "TB1_north.jpg" in page.text
    assert "berita_acara.pdf" in page.text

    with JobStore.open(job) as store:
        entry = list_outbox(store.db)[0]
        assert entry.state == OutboxState.COMMITTED
    assert office_files(office, staff, pid, 1) == local_files(job, entry.bag_dir)

    accepted = httpx.post(
        f"{office.url}/review/packages/{pid}/1/decision",
        data={"action": "accept", "notes": "lengkap"},
        auth=staff,
    )
    assert accepted.status_code == 303
    pulled = run_cli("sync", "pull", str(job), "--office", office.url, "--token", device_token)
    assert pulled.returncode == 0, pulled.stderr
    assert "accepted" in pulled.stdout
    status = json.loads(run_cli("sync", "status", str(job), "--json").stdout)
    assert [(s["package_id"], s["revision"], s["state"]) for s in status] == [(pid, 1, "accepted")]
    audit = httpx.get(f"{office.url}/review/audit", auth=staff).text
    assert "reviewer" in audit and "accept" in audit and "committed" in audit

    # Pushing again sends nothing; a second pull is a no-op at the same cursor.
    again = run_cli("sync", "push", str(job), "--office", office.url, "--token", device_token)
    assert again.returncode == 0 and "nothing to push" in again.stdout


def test_cli_push_and_office_lists_once(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token", device_token)
    assert pushed.returncode == 0, pushed.stderr
    assert "committed package" in pushed.stdout
    assert (
        httpx.get(f"{office.url}/review", auth=staff).text.count(
            "<tr><td><a href='/review/packages/"
        )
        == 1
    )


def test_offline_then_cancel_then_resume(job: Path, office: Office, device_token: str) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    offline = PushJob(job, "http://127.0.0.1:1", device_token).run()
    assert offline.status == PushStatus.OFFLINE
    with JobStore.open(job) as store:
        assert list_outbox(store.db)[0].state == OutboxState.QUEUED

    push = PushJob(
        job,
        office.url,
        device_token,
        chunk_size=16 << 10,
        stream_block=4 << 10,
        on_chunk=lambda sha, offset, n: time.sleep(0.02),
    )
    push.start()
    while push.progress.bytes_done < 100_000:
        time.sleep(0.01)
    push.cancel()
    outcome = push.wait(10)
    assert outcome is not None and outcome.status == PushStatus.CANCELLED
    with JobStore.open(job) as store:
        assert list_outbox(store.db)[0].state == OutboxState.QUEUED
    resumed = PushJob(job, office.url, device_token).run()
    assert resumed.status == PushStatus.FINISHED and len(resumed.packages) == 1
