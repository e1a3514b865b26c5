"""The office returns a package with notes; pull; revise; push revision 2; accept."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from synckit import Office, Reviewer, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import OutboxState, list_outbox
from fieldapp.sync.pull import list_inbox


def status(job: Path) -> list[tuple[int, str]]:
    out = json.loads(run_cli("sync", "status", str(job), "--json").stdout)
    return [(s["revision"], s["state"]) for s in out]


def decide(office: Office, staff: Reviewer, pid: str, rev: int, action: str, notes: str) -> None:
    r = httpx.post(
        f"{office.url}/review/packages/{pid}/{rev}/decision",
        data={"action": action, "notes": notes},
        auth=staff,
    )
    assert r.status_code == 303, r.text


def test_return_revise_resubmit_accept(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    push = ("--office", office.url, "--token", device_token)
    assert run_cli("sync", "seal", str(job)).returncode == 0
    assert run_cli("sync", "push", str(job), *push).returncode == 0
    with JobStore.open(job) as store:
        pid = list_outbox(store.db)[0].package_id

    decide(office, staff, pid, 1, "start_review", "")
    notes = "Foto TB2 arah timur kabur; ulangi foto dan kirim ulang."
    decide(office, staff, pid, 1, "return", notes)
    # Sealing while revision 1 is only committed works too, but the flow waits for the pull.
    pulled = run_cli("sync", "pull", str(job), *push)
    assert pulled.returncode == 0 and "returned" in pulled.stdout and "kabur" in pulled.stdout
    assert status(job) == [(1, "returned")]
    with JobStore.open(job) as store:
        (entry,) = list_outbox(store.db)
        assert entry.office_notes == notes
        assert [m.state for m in list_inbox(store.db)] == ["received", "in_review", "returned"]
        # The surveyor retakes the photo.
        (store.photos_dir / "TB2_east.jpg").write_bytes(b"\xff\xd8\xff retaken photo")

    sealed = run_cli("sync", "seal", str(job))
    assert sealed.returncode == 0 and "superseding revision 1" in sealed.stdout
    assert status(job) == [(1, "returned"), (2, "sealed")]
    assert run_cli("sync", "push", str(job), *push).returncode == 0
    page = httpx.get(f"{office.url}/review/packages/{pid}/2", auth=staff).text
    assert f"superseding {pid}/1" in page
    decide(office, staff, pid, 2, "accept", "OK")
    assert run_cli("sync", "pull", str(job), *push).returncode == 0
    assert status(job) == [(1, "returned"), (2, "accepted")]
    # Pulling again changes nothing: the cursor remembers.
    again = run_cli("sync", "pull", str(job), *push)
    assert again.stdout.startswith("0 inbox event(s)")

    # Idempotent commit: the same revision and manifest give the same receipt; a new
    # manifest for a committed revision is a 422.
    with JobStore.open(job) as store:
        entry2 = list_outbox(store.db)[1]
        assert entry2.state == OutboxState.ACCEPTED
        manifest = store.db.execute(
            "SELECT wire_manifest FROM outbox WHERE revision = 2"
        ).fetchone()[0]
    auth = {"Authorization": f"Bearer {device_token}"}
    commit = f"{office.url}/api/v1/packages/{pid}/revisions/2/commit"
    r = httpx.post(commit, json={"manifest_hash": entry2.manifest_hash}, headers=auth)
    assert r.status_code == 200 and r.json()["receipt_id"] == entry2.receipt_id
    forged = json.loads(manifest)
    forged["files"] = forged["files"][:-1]
    r = httpx.post(f"{office.url}/api/v1/manifests", json=forged, headers=auth)
    assert r.status_code == 422 and "different manifest" in r.json()["detail"]
