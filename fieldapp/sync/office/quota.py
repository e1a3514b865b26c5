"""Declared sizes checked against the office-wide file cap, the device's quota and free disk."""

from __future__ import annotations

from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.limits import Limits, free_bytes
from fieldapp.sync.office.service import Device, OfficeError
from fieldapp.sync.wire import WireManifest


def _gib(size: int) -> str:
    return f"{size / (1 << 30):.1f} GiB"


def in_flight_bytes(db: Database, device: Device, package_id: str) -> int:
    """Bytes the device declared and has not committed, other manifests of this package aside.

    A new revision or re-seal of the same package replaces what that package had in flight,
    so an abandoned seal never locks the device out of its own quota.
    """
    row = db.one(
        "SELECT COALESCE(SUM(size), 0) FROM (SELECT DISTINCT pb.sha256, pb.size"
        " FROM pending_blob pb JOIN pending p ON p.manifest_hash = pb.manifest_hash"
        " WHERE p.device_id = ? AND p.package_id <> ?) AS held",
        [device.id, package_id],
    )
    return int(row[0]) if row else 0


def check_declaration(
    db: Database, blobs: BlobStore, device: Device, manifest: WireManifest, limits: Limits
) -> None:
    """Refuse with 413 a manifest that would let one device fill the office's disk."""
    sizes = manifest.blobs()
    for f in manifest.files:
        if f.size > limits.max_file_bytes:
            raise OfficeError(
                413,
                f"{f.path}: {f.size} bytes; the office accepts files up to"
                f" {limits.max_file_bytes} bytes ({_gib(limits.max_file_bytes)})",
            )
    lacking = sum(size for sha, size in sizes.items() if not blobs.has(sha))
    if lacking == 0:
        return
    held = in_flight_bytes(db, device, manifest.package_id)
    if held + lacking > limits.device_quota_bytes:
        raise OfficeError(
            413,
            f"{_gib(lacking)} to upload on top of {_gib(held)} in flight for device"
            f" {device.name!r} passes its quota of {_gib(limits.device_quota_bytes)}",
        )
    free = free_bytes(getattr(blobs, "root", None))
    if free is not None and lacking > free - limits.free_reserve_bytes:
        raise OfficeError(
            413,
            f"the office has {_gib(max(free, 0))} free and keeps {_gib(limits.free_reserve_bytes)}"
            f" in reserve: {_gib(lacking)} does not fit; try again later",
        )
