"""Who may touch a package id: its first committer, or a device its job is assigned to."""

from __future__ import annotations

from fieldapp.sync.office.db import Database


def owner_refusal(db: Database, device_id: int, package_id: str) -> str | None:
    """Why this device may not send or read this package id (None: it may).

    A package id nobody committed yet is free: the first commit claims it. A job assigned
    to a device may be sent by that device, so an office reassigning a job to a new laptop
    lets it continue the job's packages.
    """
    row = db.one(
        "SELECT o.device_id, o.job_id, d.name FROM package_owner o"
        " LEFT JOIN device d ON d.id = o.device_id WHERE o.package_id = ?",
        [package_id],
    )
    if row is None or int(row[0]) == device_id:
        return None
    assigned = db.one(
        "SELECT 1 FROM assignment WHERE device_id = ? AND job_id = ? LIMIT 1",
        [device_id, row[1]],
    )
    if assigned is not None:
        return None
    return (
        f"package {package_id} belongs to device {row[2] or row[0]!r}, not to this device:"
        " seal the job on this laptop to send it as a package of its own"
    )


def claim(db: Database, device_id: int, package_id: str, job_id: str, at: str) -> None:
    """Record the first committer (inside the commit's transaction; later commits keep it)."""
    db.query(
        "INSERT INTO package_owner (package_id, device_id, job_id, created_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (package_id) DO NOTHING",
        [package_id, device_id, job_id, at],
    )


def blob_size_refusal(db: Database, device_id: int, manifest_hash: str) -> str | None:
    """Why this device's declared blob sizes would harm another device's upload of them.

    Blobs are content-addressed: two devices sending the same bytes share one upload, and
    both declare the same size. A declaration with another size than a pending one of
    another device would make the office verify (and drop) that device's partial bytes at
    the wrong length, so it is refused and the partial upload stays as it is. One query
    for the whole manifest (inside its declaring transaction): a manifest of many files
    costs one indexed join, not a query per file.
    """
    row = db.one(
        "SELECT mine.sha256, mine.size, theirs.size FROM pending_blob mine"
        " JOIN pending_blob theirs ON theirs.sha256 = mine.sha256 AND theirs.size <> mine.size"
        " JOIN pending p ON p.manifest_hash = theirs.manifest_hash"
        " WHERE mine.manifest_hash = ? AND p.device_id <> ? LIMIT 1",
        [manifest_hash, device_id],
    )
    if row is None:
        return None
    return (
        f"blob {row[0][:12]}… is being uploaded by another device as {int(row[2])} bytes,"
        f" not {int(row[1])}: refused (its bytes are not this device's to reset)"
    )
