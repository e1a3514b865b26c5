"""Helpers for review-page tests: a signed-in reviewer, a device that packs crafted files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from synckit import Office, Reviewer

import fieldapp.sync.export
from fieldapp.store import JobStore
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.package import seal_job
from fieldapp.sync.push import PushJob, PushStatus


def reviewer(office: Office, staff: Reviewer) -> httpx.Client:
    """THE one place a test gets a signed-in reviewer's client: ``staff`` signs in through
    /review/login on first use and sends its session cookie, Origin and CSRF token."""
    return httpx.Client(base_url=office.url, auth=staff, timeout=60)


def push_crafted(
    job: Path,
    office: Office,
    token: str,
    documents: dict[str, bytes] | None = None,
    exported: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None,
) -> str:
    """Seal and push the job as a hostile device would; returns the package page's URL.

    ``documents`` land in the job's documents folder (so they travel as data/documents/…);
    ``exported`` rewrites the job's exported records (data/markers.geojson, …) before they
    are bagged and signed: a device with a valid key can sign anything.
    """
    with JobStore.open(job) as store:
        for name, data in (documents or {}).items():
            (store.documents_dir / name).write_bytes(data)
    with pytest.MonkeyPatch.context() as patch, JobStore.open(job) as store:
        if exported is not None:
            real = fieldapp.sync.export.export_job
            patch.setattr(fieldapp.sync.export, "export_job", lambda db: exported(real(db)))
        sealed = seal_job(store, load_or_create_identity())
    outcome = PushJob(job, office.url, token).run()
    assert outcome.status == PushStatus.FINISHED, outcome.error
    return f"/review/packages/{sealed.package_id}/{sealed.revision}"
