"""An office database of schema version 2 with packages, upgraded to owners (SQLite and PG)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.sync.office import service
from fieldapp.sync.office.blobs import FileBlobStore
from fieldapp.sync.office.db import SCHEMA_VERSION, open_database
from fieldapp.sync.office.ownership import owner_refusal
from fieldapp.sync.wire import WireFile, WireManifest


def _package(db: service.Database, pid: str, rev: int, device: int, job: str) -> None:
    db.query(
        "INSERT INTO package (package_id, revision, job_id, job_name, device_id, manifest_hash,"
        " receipt_id, state, supersedes, bag_info, total_bytes, committed_at, updated_at)"
        " VALUES (?, ?, ?, 'Job', ?, 'h', ?, 'received', '', '{}', 0, 't', 't')",
        [pid, rev, job, device, f"r-{pid}-{rev}"],
    )


def _device_id(db: service.Database, name: str) -> int:
    row = db.one("SELECT id FROM device WHERE name = ?", [name])
    assert row is not None
    return int(row[0])


def check_upgrade_from_version_2(url: str) -> None:
    """Each package id goes to its first committer, even where another device committed later
    (the hijack the version-2 office allowed); a device the job is assigned to may send too."""
    db = open_database(url)
    try:
        for name in ("laptop-a", "laptop-b"):
            service.add_device(db, name)
        a, b = (_device_id(db, n) for n in ("laptop-a", "laptop-b"))
        _package(db, "pkg-of-b", 1, b, "job-1")
        _package(db, "pkg-of-b", 2, a, "job-1")  # committed by A under version 2
        _package(db, "pkg-of-a", 1, a, "job-2")
        # What a version-2 office.sqlite looks like: no owner table, version 2 recorded.
        db.query("DROP TABLE package_owner")
        db.query("UPDATE office_meta SET value = '2' WHERE key = 'schema_version'")
    finally:
        db.close()
    db = open_database(url)
    try:
        owners = db.query("SELECT package_id, device_id FROM package_owner ORDER BY package_id")
        assert [(p, int(d)) for p, d in owners] == [("pkg-of-a", a), ("pkg-of-b", b)]
        assert db.one("SELECT value FROM office_meta WHERE key = 'schema_version'") == (
            str(SCHEMA_VERSION),
        )
        assert owner_refusal(db, b, "pkg-of-b") is None
        assert "belongs to device 'laptop-b'" in (owner_refusal(db, a, "pkg-of-b") or "")
        assert owner_refusal(db, b, "pkg-of-a") is not None
        assert owner_refusal(db, a, "never-committed") is None
        db.query(
            "INSERT INTO assignment (device_id, job_id, revision, name, spec, spec_sha256,"
            " actor, created_at) VALUES (?, 'job-1', 1, 'Job', '{}', 'h', 'staff', 't')",
            [a],
        )
        assert owner_refusal(db, a, "pkg-of-b") is None  # the job is now A's to send too
    finally:
        db.close()


def check_blob_size_conflict(url: str, blob_root: Path) -> None:
    """A second device's declaration of a pending blob at another size is refused (403) and
    leaves nothing pending; the same size is shared."""
    db = open_database(url)
    try:
        blobs = FileBlobStore(blob_root)
        a = service.device_for_token(db, service.add_device(db, "laptop-a"))
        b = service.device_for_token(db, service.add_device(db, "laptop-b"))
        assert a is not None and b is not None
        sha = "ab" * 32

        def declare(device: service.Device, pid: str, size: int) -> service.ManifestAnswer:
            files = (WireFile("data/p.jpg", sha, size),)
            return service.declare_manifest(db, blobs, device, WireManifest("j", pid, 1, files))

        declare(b, "pkg-b", 1000)
        with pytest.raises(service.OfficeError) as refused:
            declare(a, "pkg-a", 10)
        assert refused.value.status == 403 and "another device" in refused.value.detail
        assert db.one("SELECT count(*) FROM pending WHERE package_id = 'pkg-a'") == (0,)
        assert declare(a, "pkg-a", 1000).missing[0].offset == 0
    finally:
        db.close()
