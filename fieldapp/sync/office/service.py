"""Office-side rules: devices and tokens, manifests, blob arrival, verified idempotent commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from fieldapp.sync.bagit import (
    BAG_INFO,
    BAGIT_DECLARATION,
    BAGIT_TXT,
    MANIFEST,
    SIGNATURE,
    TAG_FILES,
    TAGMANIFEST,
    BagError,
    parse_bag_info,
    parse_manifest,
    parse_signature,
)
from fieldapp.sync.identity import verify_signature
from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.ownership import blob_size_refusal, claim, owner_refusal
from fieldapp.sync.wire import WireManifest

MAX_TAG_BYTES = 16 << 20


class OfficeError(Exception):
    """A refusal with the HTTP status and the reason the client or browser shows."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def hash_token(token: str) -> str:
    # Only the hash is stored: a copied office database does not leak device tokens.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Device:
    id: int
    name: str
    public_key: str | None


@dataclass(frozen=True, slots=True)
class Receipt:
    receipt_id: str
    package_id: str
    revision: int
    manifest_hash: str
    committed_at: str
    state: str


@dataclass(frozen=True, slots=True)
class MissingBlob:
    sha256: str
    size: int
    offset: int  # bytes the office already holds: resume from here


@dataclass(frozen=True, slots=True)
class ManifestAnswer:
    manifest_hash: str
    missing: tuple[MissingBlob, ...]
    receipt: Receipt | None  # already committed: nothing to send


def new_token() -> str:
    """A device or staff token that a command line takes as a value (never begins with -)."""
    while (token := secrets.token_urlsafe(32)).startswith("-"):
        pass  # `--token -x…` reads as an option: 1 token in 64 would not work on the CLI
    return token


def _add_principal(db: Database, table: str, name: str) -> str:
    if not re.fullmatch(r"[\w .@-]{1,80}", name):
        raise OfficeError(422, f"{name!r}: use letters, digits, space, . @ - _ (max 80)")
    token = new_token()
    with db.transaction():
        if db.one(f"SELECT 1 FROM {table} WHERE name = ?", [name]):
            raise OfficeError(409, f"{table} {name!r} already exists")
        db.query(
            f"INSERT INTO {table} (name, token_hash, created_at) VALUES (?, ?, ?)",
            [name, hash_token(token), now_iso()],
        )
        db.query(
            "INSERT INTO audit (at, actor, action, notes) VALUES (?, 'office-admin', ?, ?)",
            [now_iso(), f"{table}_added", name],
        )
    return token


def add_device(db: Database, name: str, expires_days: int | None = None) -> str:
    """Register a device; returns its token (shown once, only its hash is kept)."""
    token = _add_principal(db, "device", name)
    if expires_days is not None:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_days)
        db.query(
            "UPDATE device SET expires_at = ? WHERE name = ?",
            [until.isoformat(timespec="milliseconds"), name],
        )
    return token


def revoke_device(db: Database, name: str) -> None:
    """The device's token stops working at once; its packages stay."""
    with db.transaction():
        if not db.one("SELECT 1 FROM device WHERE name = ?", [name]):
            raise OfficeError(404, f"device {name!r} does not exist")
        db.query("UPDATE device SET revoked_at = ? WHERE name = ?", [now_iso(), name])
        db.query(
            "INSERT INTO audit (at, actor, action, notes) VALUES (?, 'office-admin', ?, ?)",
            [now_iso(), "device_revoked", name],
        )


def add_staff(db: Database, name: str) -> str:
    return _add_principal(db, "staff", name)


def device_for_token(db: Database, token: str) -> Device | None:
    """The device of a live token: None for an unknown, revoked or expired one."""
    row = db.one(
        "SELECT id, name, public_key FROM device WHERE token_hash = ? AND revoked_at IS NULL"
        " AND (expires_at IS NULL OR expires_at > ?)",
        [hash_token(token), now_iso()],
    )
    return None if row is None else Device(int(row[0]), row[1], row[2])


def register_key(db: Database, device: Device, public_key_hex: str) -> None:
    """Bind the device's Ed25519 key on first use; a different key later is refused."""
    if not re.fullmatch(r"[0-9a-f]{64}", public_key_hex):
        raise OfficeError(422, "public key must be 32 bytes of lowercase hex")
    with db.transaction():
        row = db.one("SELECT public_key FROM device WHERE id = ?", [device.id])
        current = row[0] if row else None
        if current == public_key_hex:
            return
        if current is not None:
            raise OfficeError(
                409,
                f"device {device.name!r} already has key {current[:12]}… registered;"
                " ask the office to re-register the device",
            )
        db.query("UPDATE device SET public_key = ? WHERE id = ?", [public_key_hex, device.id])
        db.query(
            "INSERT INTO audit (at, actor, action, notes) VALUES (?, ?, 'key_registered', ?)",
            [now_iso(), f"device:{device.name}", public_key_hex],
        )


def receipt_for(db: Database, package_id: str, revision: int) -> Receipt | None:
    row = db.one(
        "SELECT receipt_id, manifest_hash, committed_at, state FROM package"
        " WHERE package_id = ? AND revision = ?",
        [package_id, revision],
    )
    if row is None:
        return None
    return Receipt(row[0], package_id, revision, row[1], row[2], row[3])


def blob_offset(blobs: BlobStore, sha256: str, size: int) -> int | None:
    """Bytes held for a blob, or None when it is complete and verified."""
    if blobs.has(sha256):
        return None
    held = blobs.partial_size(sha256)
    if held >= size:
        if held == 0:
            blobs.open_partial(sha256, 0).close()  # an empty file has nothing to wait for
        # Every byte arrived but the office died before publishing it: verify now.
        if blobs.finish(sha256).ok:
            return None
        return 0
    return held


def declare_manifest(
    db: Database, blobs: BlobStore, device: Device, manifest: WireManifest
) -> ManifestAnswer:
    """Manifest first: remember what will come and answer which blobs are still lacking."""
    digest = manifest.manifest_hash
    require_owner(db, device, manifest.package_id)
    committed = receipt_for(db, manifest.package_id, manifest.revision)
    if committed is not None:
        if committed.manifest_hash != digest:
            raise OfficeError(
                422,
                f"package {manifest.package_id} revision {manifest.revision} was already"
                " committed with a different manifest; seal a new revision instead",
            )
        return ManifestAnswer(digest, (), committed)
    with db.transaction():
        db.query(
            "INSERT INTO pending (manifest_hash, device_id, package_id, revision, manifest,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (manifest_hash) DO NOTHING",
            [
                digest,
                device.id,
                manifest.package_id,
                manifest.revision,
                json.dumps(manifest.to_json()),
                now_iso(),
            ],
        )
        db.query_many(
            "INSERT INTO pending_blob (manifest_hash, sha256, size) VALUES (?, ?, ?)"
            " ON CONFLICT (manifest_hash, sha256) DO NOTHING",
            [(digest, sha, size) for sha, size in manifest.blobs().items()],
        )
        if (reason := blob_size_refusal(db, device.id, digest)) is not None:
            raise OfficeError(403, reason)  # rolls the declaration back
    missing = []
    for sha, size in manifest.blobs().items():
        offset = blob_offset(blobs, sha, size)
        if offset is not None:
            missing.append(MissingBlob(sha, size, offset))
    return ManifestAnswer(digest, tuple(missing), None)


def require_owner(db: Database, device: Device, package_id: str) -> None:
    """403 when the package id is another device's (its revisions, its receipts)."""
    reason = owner_refusal(db, device.id, package_id)
    if reason is not None:
        raise OfficeError(403, reason)


def declared_size(db: Database, device: Device, sha256: str) -> int | None:
    """The size a pending manifest of this device declared for the blob (None: not declared)."""
    row = db.one(
        "SELECT pb.size FROM pending_blob pb JOIN pending p ON p.manifest_hash = pb.manifest_hash"
        " WHERE p.device_id = ? AND pb.sha256 = ?",
        [device.id, sha256],
    )
    return None if row is None else int(row[0])


def _read_tag(blobs: BlobStore, files: dict[str, tuple[str, int]], name: str) -> bytes:
    if name not in files:
        raise OfficeError(422, f"the bag has no {name}")
    sha, size = files[name]
    if size > MAX_TAG_BYTES:
        raise OfficeError(422, f"{name} is implausibly large ({size} bytes)")
    with blobs.open(sha) as fh:
        return fh.read()


def _verify_bag(
    blobs: BlobStore, device: Device, manifest: WireManifest
) -> tuple[dict[str, str], str]:
    """Check the bag against itself and the device key; returns (bag-info, supersedes)."""
    files = {f.path: (f.sha256, f.size) for f in manifest.files}
    try:
        if _read_tag(blobs, files, BAGIT_TXT) != BAGIT_DECLARATION:
            raise OfficeError(422, "bagit.txt is not a BagIt 1.0 UTF-8 declaration")
        declared = parse_manifest(_read_tag(blobs, files, MANIFEST))
        tagmanifest_bytes = _read_tag(blobs, files, TAGMANIFEST)
        tag_declared = parse_manifest(tagmanifest_bytes)
        info = parse_bag_info(_read_tag(blobs, files, BAG_INFO))
        signature = parse_signature(_read_tag(blobs, files, SIGNATURE))
    except BagError as exc:
        raise OfficeError(422, f"malformed bag: {exc}") from exc
    payload = {p: sha for p, (sha, _) in files.items() if p not in TAG_FILES}
    if declared != payload:
        odd = sorted(set(declared.items()) ^ set(payload.items()))
        names = ", ".join(sorted({p for p, _ in odd})[:5])
        raise OfficeError(422, f"manifest-sha256.txt does not match the files sent: {names}")
    for name in (BAGIT_TXT, BAG_INFO, MANIFEST):
        if tag_declared.get(name) != files[name][0]:
            raise OfficeError(422, f"tagmanifest-sha256.txt does not match {name}")
    expect = {
        "Package-Id": manifest.package_id,
        "Revision": str(manifest.revision),
        "Job-Id": manifest.job_id,
        "Payload-Oxum": f"{sum(files[p][1] for p in payload)}.{len(payload)}",
    }
    for key, value in expect.items():
        if info.get(key) != value:
            raise OfficeError(422, f"bag-info {key} is {info.get(key)!r}, expected {value!r}")
    if device.public_key is None:
        raise OfficeError(422, f"device {device.name!r} has no registered key; refused")
    if signature.public_key_hex != device.public_key:
        raise OfficeError(
            422,
            f"package signed by key {signature.public_key_hex[:12]}…, which is not the key"
            f" registered for device {device.name!r}: refused",
        )
    if not verify_signature(device.public_key, tagmanifest_bytes, signature.signature_hex):
        raise OfficeError(422, "signature does not verify: the package changed after sealing")
    return info, info.get("Supersedes", "")


def _check_maintenance(blobs: BlobStore, manifest: WireManifest, info: dict[str, str]) -> None:
    """The kind and pemeliharaan.json are read before the package is shown to anyone: a
    record the overview could not use is refused now, with the field named, not later."""
    from fieldapp.sync.office import maintenance

    try:
        maintenance.package_kind(info)
        maintenance.load_maintenance(blobs, {f.path: (f.sha256, f.size) for f in manifest.files})
    except maintenance.MaintenanceDataError as exc:
        raise OfficeError(422, f"package refused: {exc}") from exc


def commit(
    db: Database, blobs: BlobStore, device: Device, package_id: str, revision: int, digest: str
) -> Receipt:
    """Make a package visible, once: same manifest again gives the same receipt."""
    require_owner(db, device, package_id)
    committed = receipt_for(db, package_id, revision)
    if committed is not None:
        if committed.manifest_hash == digest:
            return committed
        raise OfficeError(
            422, f"package {package_id} revision {revision} already committed with another manifest"
        )
    row = db.one(
        "SELECT manifest FROM pending WHERE manifest_hash = ? AND device_id = ?",
        [digest, device.id],
    )
    if row is None:
        raise OfficeError(404, "unknown manifest: send the manifest before committing")
    manifest = WireManifest.from_json(json.loads(row[0]))
    if (manifest.package_id, manifest.revision) != (package_id, revision):
        raise OfficeError(422, "manifest belongs to another package or revision")
    lacking = [sha for sha in manifest.blobs() if not blobs.has(sha)]
    if lacking:
        raise OfficeError(409, f"{len(lacking)} blob(s) not yet complete: {lacking[0][:12]}…")
    info, supersedes = _verify_bag(blobs, device, manifest)
    _check_maintenance(blobs, manifest, info)
    receipt_id = hashlib.sha256(f"{package_id}/{revision}/{digest}".encode()).hexdigest()[:32]
    stamp = now_iso()
    with db.transaction():
        if receipt_for(db, package_id, revision) is not None:  # a concurrent retry won
            return commit(db, blobs, device, package_id, revision, digest)
        # Under the transaction: of two devices first-committing one package id, one owns it.
        claim(db, device.id, package_id, manifest.job_id, stamp)
        require_owner(db, device, package_id)
        pk = db.query(
            "INSERT INTO package (package_id, revision, job_id, job_name, device_id,"
            " manifest_hash, receipt_id, state, supersedes, bag_info, total_bytes,"
            " committed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)"
            " RETURNING id",
            [
                package_id,
                revision,
                manifest.job_id,
                info.get("Job-Name", ""),
                device.id,
                digest,
                receipt_id,
                supersedes,
                json.dumps(info),
                manifest.total_bytes,
                stamp,
                stamp,
            ],
        )[0][0]
        db.query_many(
            "INSERT INTO package_file (package_pk, path, sha256, size) VALUES (?, ?, ?, ?)",
            [(pk, f.path, f.sha256, f.size) for f in manifest.files],
        )
        db.query(
            "INSERT INTO audit (at, actor, action, package_id, revision, notes)"
            " VALUES (?, ?, 'committed', ?, ?, ?)",
            [stamp, f"device:{device.name}", package_id, revision, f"receipt {receipt_id}"],
        )
        db.query(
            "INSERT INTO event (device_id, job_id, kind, package_id, revision, state, notes,"
            " actor, payload, at) VALUES (?, ?, 'review', ?, ?, 'received', NULL, 'office', ?, ?)",
            [device.id, manifest.job_id, package_id, revision, "{}", stamp],
        )
        db.query("DELETE FROM pending_blob WHERE manifest_hash = ?", [digest])
        db.query("DELETE FROM pending WHERE manifest_hash = ?", [digest])
    return Receipt(receipt_id, package_id, revision, digest, stamp, "received")
