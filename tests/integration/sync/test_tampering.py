"""Refusals: altered photo, stale signature, unregistered key, missing token, unsafe names."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import httpx
import pytest
from synckit import Office

from fieldapp.store import JobStore
from fieldapp.sync.bagit import MANIFEST, TAGMANIFEST, parse_manifest, render_manifest
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.outbox import OutboxState, list_outbox
from fieldapp.sync.package import SealResult, seal_job
from fieldapp.sync.push import PushJob, PushStatus
from fieldapp.sync.wire import WireFile, WireManifest

API = "/api/v1"


def seal(job: Path, home: Path | None = None) -> SealResult:
    with JobStore.open(job) as store:
        return seal_job(store, load_or_create_identity(home))


def flip_byte(path: Path, at: int = 1000) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def rewrite(path: Path, data: bytes) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(data)


def raw_upload(office: Office, token: str, sealed: SealResult, job_id: str) -> httpx.Response:
    """Send a bag exactly as it lies on disk now (what an attacker could do), then commit."""
    files = tuple(
        WireFile(
            p.relative_to(sealed.bag_dir).as_posix(),
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_size,
        )
        for p in sorted(sealed.bag_dir.rglob("*"))
        if p.is_file()
    )
    manifest = WireManifest(job_id, sealed.package_id, sealed.revision, files)
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=office.url + API, headers=auth) as client:
        answer = client.post("/manifests", json=manifest.to_json())
        assert answer.status_code == 200, answer.text
        for blob in answer.json()["missing"]:
            path = next(sealed.bag_dir / f.path for f in files if f.sha256 == blob["sha256"])
            r = client.patch(
                f"/blobs/{blob['sha256']}",
                headers={"Upload-Offset": "0"},
                content=path.read_bytes(),
            )
            assert r.status_code == 204, r.text
        return client.post(
            f"/packages/{sealed.package_id}/revisions/{sealed.revision}/commit",
            json={"manifest_hash": manifest.manifest_hash},
        )


def job_id_of(job: Path) -> str:
    with JobStore.open(job) as store:
        return str(store.db.execute("SELECT job_uuid FROM permit_area").fetchone()[0])


def test_photo_changed_after_sealing_is_refused(
    job: Path, office: Office, device_token: str
) -> None:
    sealed = seal(job)
    flip_byte(sealed.bag_dir / "data/photos/TB1_north.jpg")
    outcome = PushJob(job, office.url, device_token).run()
    assert outcome.status == PushStatus.FAILED
    assert outcome.error is not None
    assert "data/photos/TB1_north.jpg" in outcome.error and "changed after sealing" in outcome.error
    with JobStore.open(job) as store:
        (entry,) = list_outbox(store.db)
    assert entry.state == OutboxState.QUEUED and entry.last_error == outcome.error
    # The commit cannot go through: the altered blob never became part of the office store.
    manifest_hash = entry.manifest_hash
    r = httpx.post(
        f"{office.url}{API}/packages/{sealed.package_id}/revisions/1/commit",
        json={"manifest_hash": manifest_hash},
        headers={"Authorization": f"Bearer {device_token}"},
    )
    assert r.status_code == 409 and "not yet complete" in r.json()["detail"]


def test_resealed_manifest_without_key_fails_signature(
    job: Path, office: Office, device_token: str
) -> None:
    sealed = seal(job)
    assert PushJob(job, office.url, "x" * 10).run().status == PushStatus.FAILED  # bad token
    # Register the real key, then forge: flip a photo and recompute both manifests.
    httpx.put(
        f"{office.url}{API}/device/key",
        headers={"Authorization": f"Bearer {device_token}"},
        json={"public_key": load_or_create_identity().public_key_hex},
    )
    flip_byte(sealed.bag_dir / "data/photos/TB2_east.jpg")
    entries = parse_manifest((sealed.bag_dir / MANIFEST).read_bytes())
    entries["data/photos/TB2_east.jpg"] = hashlib.sha256(
        (sealed.bag_dir / "data/photos/TB2_east.jpg").read_bytes()
    ).hexdigest()
    rewrite(sealed.bag_dir / MANIFEST, render_manifest(entries.items()))
    tags = parse_manifest((sealed.bag_dir / TAGMANIFEST).read_bytes())
    tags[MANIFEST] = hashlib.sha256((sealed.bag_dir / MANIFEST).read_bytes()).hexdigest()
    rewrite(sealed.bag_dir / TAGMANIFEST, render_manifest(tags.items()))
    r = raw_upload(office, device_token, sealed, job_id_of(job))
    assert r.status_code == 422
    assert "signature does not verify" in r.json()["detail"]


def test_package_signed_by_unregistered_key_is_refused(
    job: Path, office: Office, device_token: str, tmp_path: Path
) -> None:
    registered = load_or_create_identity()
    httpx.put(
        f"{office.url}{API}/device/key",
        headers={"Authorization": f"Bearer {device_token}"},
        json={"public_key": registered.public_key_hex},
    )
    stranger_home = tmp_path / "stranger"
    sealed = seal(job, stranger_home)
    r = raw_upload(office, device_token, sealed, job_id_of(job))
    assert r.status_code == 422
    assert "not the key registered" in r.json()["detail"]
    # The client path: its key differs from the one bound to the token, so it is refused.
    outcome = PushJob(
        job, office.url, device_token, identity=load_or_create_identity(stranger_home)
    ).run()
    assert outcome.status == PushStatus.FAILED and "already has key" in (outcome.error or "")


def test_no_token_gives_401(office: Office) -> None:
    for method, path in (
        ("POST", "/manifests"),
        ("PATCH", f"/blobs/{'0' * 64}"),
        ("HEAD", f"/blobs/{'0' * 64}"),
        ("POST", "/packages/abc/revisions/1/commit"),
        ("GET", "/inbox?job_id=x"),
        ("PUT", "/device/key"),
    ):
        assert httpx.request(method, f"{office.url}{API}{path}").status_code == 401, path
        wrong = {"Authorization": "Bearer not-a-token"}
        assert httpx.request(method, f"{office.url}{API}{path}", headers=wrong).status_code == 401
    anonymous = httpx.get(f"{office.url}/review")  # a page: off to the sign-in form
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/review/login"


@pytest.mark.parametrize(
    "name",
    ["data/../../etc/passwd", "../outside", "/etc/passwd", "data/a\\..\\..\\x", "C:/x", "data//x"],
)
def test_path_traversal_names_refused(office: Office, device_token: str, name: str) -> None:
    manifest = {
        "format": "fieldapp-package/1",
        "job_id": "job1",
        "package_id": "pkg1",
        "revision": 1,
        "files": [{"path": name, "sha256": "0" * 64, "size": 1}],
    }
    r = httpx.post(
        f"{office.url}{API}/manifests",
        json=manifest,
        headers={"Authorization": f"Bearer {device_token}"},
    )
    assert r.status_code == 422 and "unsafe name" in r.json()["detail"]


def test_traversal_inside_bag_manifest_refused_at_commit(
    job: Path, office: Office, device_token: str
) -> None:
    httpx.put(
        f"{office.url}{API}/device/key",
        headers={"Authorization": f"Bearer {device_token}"},
        json={"public_key": load_or_create_identity().public_key_hex},
    )
    sealed = seal(job)
    text = (sealed.bag_dir / MANIFEST).read_bytes() + b"0" * 64 + b"  ../../evil.sh\n"
    rewrite(sealed.bag_dir / MANIFEST, text)
    r = raw_upload(office, device_token, sealed, job_id_of(job))
    assert r.status_code == 422 and "unsafe name '../../evil.sh'" in r.json()["detail"]
