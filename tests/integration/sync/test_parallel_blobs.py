"""Two blobs in flight at once against the real office: both streams finish, the progress
count adds up exactly, and a blob the office refuses fails the push with its reason."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from synckit import Office, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import OutboxState, list_outbox
from fieldapp.sync.push import PushJob, PushProgress, PushStatus


def test_two_blobs_go_up_at_once_and_the_count_adds_up(
    job: Path, office: Office, device_token: str
) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    lock = threading.Lock()
    in_flight: set[str] = set()
    most = 0
    seen: list[PushProgress] = []

    def on_chunk(sha: str, offset: int, length: int) -> None:
        nonlocal most
        with lock:
            in_flight.add(sha)
            most = max(most, len(in_flight))
        time.sleep(0.05)  # keep this stream busy while the other one starts

    def on_confirmed(sha: str) -> None:
        with lock:
            in_flight.discard(sha)

    def on_progress(p: PushProgress) -> None:
        with lock:
            seen.append(p)

    outcome = PushJob(
        job,
        office.url,
        device_token,
        chunk_size=64 << 10,
        parallel=2,
        on_chunk=on_chunk,
        on_confirmed=on_confirmed,
        on_progress=on_progress,
    ).run()
    assert outcome.status == PushStatus.FINISHED, outcome
    assert most == 2
    total = seen[-1].bytes_total
    assert total > 0 and seen[-1].bytes_done == total
    assert all(0 <= p.bytes_done <= p.bytes_total for p in seen if p.bytes_total)
    with JobStore.open(job) as store:
        assert list_outbox(store.db)[0].state == OutboxState.COMMITTED


def test_a_refused_blob_fails_the_push_with_its_reason_while_two_streams_run(
    job: Path, office: Office, device_token: str
) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    with JobStore.open(job) as store:
        (entry,) = list_outbox(store.db)
    bag = job / entry.bag_dir
    photos = sorted((bag / "data").rglob("*.jpg"))
    victim = photos[0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, different bytes: only the office's hash sees it
    victim.write_bytes(bytes(data))

    outcome = PushJob(
        job,
        office.url,
        device_token,
        chunk_size=16 << 10,
        parallel=2,
    ).run()
    assert outcome.status == PushStatus.FAILED
    assert outcome.error is not None and victim.name in outcome.error
    assert "SHA-256" in outcome.error
    with JobStore.open(job) as store:
        assert list_outbox(store.db)[0].state == OutboxState.QUEUED
