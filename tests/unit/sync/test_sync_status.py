"""Outbox summary, queueing sealed revisions, office URL checks, problem kinds, transfer rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.store import JobStore
from fieldapp.sync import outbox
from fieldapp.sync.outbox import OutboxState
from fieldapp.sync.status import (
    ProblemKind,
    RateMeter,
    classify_problem,
    office_url_problem,
    outbox_summary,
    queue_sealed,
)


def _revision(store: JobStore, pid: str, rev: int, *path: OutboxState, size: int = 100) -> None:
    outbox.insert_draft(store.db, pid, rev, rev - 1 or None, f"outbox/{pid}-r{rev}")
    for state in path:
        extra = {"total_bytes": size} if state == OutboxState.SEALED else {}
        outbox.transition(store.db, pid, rev, state, **extra)


def test_summary_and_queue_sealed(tmp_path: Path) -> None:
    S = OutboxState
    with JobStore.create(tmp_path / "J.fieldapp", "J") as store:
        _revision(store, "a", 1, S.SEALED, S.QUEUED, S.UPLOADING, S.COMMITTED, S.RETURNED)
        _revision(store, "a", 2, S.SEALED, S.QUEUED, S.UPLOADING, S.COMMITTED, S.RECEIVED)
        _revision(store, "b", 1, S.SEALED, size=250)
        _revision(store, "c", 1)  # a draft a crash left: not counted
        s = outbox_summary(store.db)
        assert (s.total, s.pending, s.pending_bytes, s.awaiting_office, s.returned) == (
            3, 1, 250, 1, 0,  # a/1 was returned, but a/2 supersedes it
        )  # fmt: skip
        (queued,) = queue_sealed(store.db)
        assert (queued.package_id, queued.state) == ("b", S.QUEUED)
        assert queue_sealed(store.db) == []
        assert outbox_summary(store.db).pending == 1  # queued is still pending
        # Revision 2 of package "d" supersedes its returned revision 1: nothing left to revise.
        _revision(store, "d", 1, S.SEALED, S.QUEUED, S.UPLOADING, S.COMMITTED, S.RETURNED)
        assert outbox_summary(store.db).returned == 1
        _revision(store, "d", 2, S.SEALED)
        assert outbox_summary(store.db).returned == 0


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://kantor.example:8443", True),
        ("http://127.0.0.1:8000/", True),
        ("", False),
        ("kantor.example", False),
        ("ftp://kantor.example", False),
        ("http://:80", False),
        ("http://host:99999", False),
    ],
)
def test_office_url_problem(url: str, ok: bool) -> None:
    assert (office_url_problem(url) is None) is ok


@pytest.mark.parametrize(
    ("error", "kind", "code", "detail"),
    [
        ("office refused (401): a valid device token is required", ProblemKind.BAD_TOKEN, 401,
         "a valid device token is required"),
        ('office refused the inbox request (401): {"detail":"a valid device token is required"}',
         ProblemKind.BAD_TOKEN, 401, "a valid device token is required"),
        ("office refused (409): device key differs: re-register", ProblemKind.KEY_CONFLICT, 409,
         "device key differs: re-register"),
        ("office refused (422): signature does not verify", ProblemKind.REFUSED, 422,
         "signature does not verify"),
        ("data/photos/a.jpg: blob 12ab… refused (the file changed after sealing)",
         ProblemKind.REFUSED, None, "data/photos/a.jpg: blob 12ab… refused (the file changed"
         " after sealing)"),
        ("office unreachable after 8 attempts: [Errno 111] Connection refused",
         ProblemKind.UNREACHABLE, None, None),
        ("office not reachable: no network route", ProblemKind.UNREACHABLE, None, None),
        ("office refused (503): busy", ProblemKind.OFFICE_ERROR, 503, "busy"),
        ("KeyError: 'receipt_id'", ProblemKind.OTHER, None, "KeyError: 'receipt_id'"),
    ],
)  # fmt: skip
def test_classify_problem(error: str, kind: ProblemKind, code: int | None, detail: str | None):
    p = classify_problem(error)
    assert (p.kind, p.status_code) == (kind, code)
    if detail is not None:
        assert p.detail == detail


def test_rate_meter_over_a_window() -> None:
    meter = RateMeter(window_s=2.0, min_span_s=0.5)
    assert meter.rate() is None
    meter.add(0.0, 0)
    meter.add(0.2, 100)
    assert meter.rate() is None  # too short a span to mean anything
    for i in range(1, 11):
        meter.add(float(i), i * 1000)
    # Only the last seconds count: a slow start does not drag the figure down.
    assert meter.rate() == pytest.approx(1000.0)
    meter.reset()
    assert meter.rate() is None
