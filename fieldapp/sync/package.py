"""Sealing: a job's documentation becomes an immutable, signed BagIt revision in outbox/."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldapp import __version__
from fieldapp.store import JobStore
from fieldapp.store.records import load_permit_area, now_iso
from fieldapp.sync import outbox
from fieldapp.sync.bagit import (
    BAG_INFO,
    BAGIT_DECLARATION,
    BAGIT_TXT,
    MANIFEST,
    SIGNATURE,
    TAGMANIFEST,
    SignatureBlock,
    render_bag_info,
    render_manifest,
    render_signature,
    unsafe_path_reason,
)
from fieldapp.sync.identity import DeviceIdentity
from fieldapp.sync.outbox import OutboxState
from fieldapp.sync.wire import WireFile, WireManifest

OUTBOX_DIR = "outbox"
# Folders of the job copied whole into data/: whatever documents exist today travel,
# and a new kind of document needs no change here.
PAYLOAD_FOLDERS = ("documents", "photos", "raw")
COPY_BLOCK = 1 << 20


class SealError(RuntimeError):
    """The job cannot be sealed now, with the reason in words."""


@dataclass(frozen=True, slots=True)
class SealResult:
    package_id: str
    revision: int
    supersedes: int | None
    bag_dir: Path
    total_bytes: int
    file_count: int
    manifest_hash: str


def _copy_hashed(src: Path, dst: Path) -> tuple[str, int]:
    """Copy and hash in one pass (photos are large; read them once)."""
    digest = hashlib.sha256()
    size = 0
    dst.parent.mkdir(parents=True, exist_ok=True)
    with src.open("rb") as fin, dst.open("wb") as fout:
        while block := fin.read(COPY_BLOCK):
            digest.update(block)
            fout.write(block)
            size += len(block)
        fout.flush()
        os.fsync(fout.fileno())
    return digest.hexdigest(), size


def _write(dst: Path, data: bytes) -> tuple[str, int]:
    dst.parent.mkdir(parents=True, exist_ok=True)
    with dst.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return hashlib.sha256(data).hexdigest(), len(data)


def _payload_sources(job: Path) -> list[tuple[str, Path]]:
    """(bag path, source file) for every file in the payload folders, sorted by bag path."""
    found: list[tuple[str, Path]] = []
    for folder in PAYLOAD_FOLDERS:
        root = job / folder
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            rel = path.relative_to(job).as_posix()
            # Dotfiles are OS litter (.DS_Store, editor swap files), not documentation.
            if path.is_file() and not any(p.startswith(".") for p in rel.split("/")):
                found.append((f"data/{rel}", path))
    return sorted(found)


def _next_revision(store: JobStore) -> tuple[str, int, int | None]:
    latest = outbox.latest_entry(store.db)
    if latest is None or latest.state in (OutboxState.ACCEPTED, OutboxState.REJECTED):
        return uuid.uuid4().hex, 1, None
    if latest.state in outbox.PENDING_UPLOAD:
        raise SealError(
            f"revision {latest.revision} of package {latest.package_id} is {latest.state} and"
            " not yet at the office: push it before sealing a new revision"
        )
    return latest.package_id, latest.revision + 1, latest.revision


def seal_job(store: JobStore, identity: DeviceIdentity) -> SealResult:
    """Seal the job's current documentation as the next revision and put it in the outbox."""
    for stale in outbox.delete_drafts(store.db):
        shutil.rmtree(store.path / stale, ignore_errors=True)
    package_id, revision, supersedes = _next_revision(store)
    permit = load_permit_area(store.db)
    rel_dir = f"{OUTBOX_DIR}/{package_id}-r{revision}"
    final = store.path / rel_dir
    partial = final.with_name(f".{final.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    if final.exists():
        raise SealError(f"{final} already exists; the outbox and the job database disagree")
    outbox.insert_draft(store.db, package_id, revision, supersedes, rel_dir)

    from fieldapp.sync.export import export_job

    hashes: dict[str, tuple[str, int]] = {}
    for bag_path, content in export_job(store.db).items():
        hashes[bag_path] = _write(partial / bag_path, content)
    for bag_path, src in _payload_sources(store.path):
        reason = unsafe_path_reason(bag_path)
        if reason is not None:
            raise SealError(f"{src}: file name cannot travel in a package: {reason}")
        hashes[bag_path] = _copy_hashed(src, partial / bag_path)

    payload_bytes = sum(size for _, size in hashes.values())
    info = {
        "Source-Organization": permit.holder or "",
        "Bagging-Date": now_iso()[:10],
        "Payload-Oxum": f"{payload_bytes}.{len(hashes)}",
        "Bag-Software-Agent": f"fieldapp {__version__}",
        "Job-Id": permit.job_uuid,
        "Job-Name": permit.name,
        "Package-Id": package_id,
        "Revision": str(revision),
        "Supersedes": "" if supersedes is None else f"{package_id}/{supersedes}",
        "Device-Id": identity.device_id,
        "Device-Public-Key": identity.public_key_hex,
        # The laptop clock may be wrong after days offline; the office keeps its own time.
        "Device-Clock": dt.datetime.now().astimezone().isoformat(),
        "App-Version": __version__,
    }
    tags: dict[str, tuple[str, int]] = {
        BAGIT_TXT: _write(partial / BAGIT_TXT, BAGIT_DECLARATION),
        BAG_INFO: _write(partial / BAG_INFO, render_bag_info(info)),
        MANIFEST: _write(
            partial / MANIFEST, render_manifest((p, h) for p, (h, _) in hashes.items())
        ),
    }
    tagmanifest = render_manifest((p, h) for p, (h, _) in tags.items())
    tags[TAGMANIFEST] = _write(partial / TAGMANIFEST, tagmanifest)
    block = SignatureBlock(identity.public_key_hex, identity.sign(tagmanifest))
    tags[SIGNATURE] = _write(partial / SIGNATURE, render_signature(block))

    files = tuple(WireFile(p, h, s) for p, (h, s) in sorted({**hashes, **tags}.items()))
    manifest = WireManifest(permit.job_uuid, package_id, revision, files)
    # Read-only files: a sealed revision is not to be edited, not even by accident.
    for f in files:
        (partial / f.path).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    partial.rename(final)
    outbox.transition(
        store.db,
        package_id,
        revision,
        OutboxState.SEALED,
        manifest_hash=manifest.manifest_hash,
        wire_manifest=json.dumps(manifest.to_json(), sort_keys=True),
        total_bytes=manifest.total_bytes,
        sealed_at=now_iso(),
    )
    return SealResult(
        package_id,
        revision,
        supersedes,
        final,
        manifest.total_bytes,
        len(files),
        manifest.manifest_hash,
    )
