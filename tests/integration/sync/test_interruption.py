"""SIGKILL the office 20 times during an upload: the package still arrives once, byte-identical."""

from __future__ import annotations

import hashlib
import random
import threading
from pathlib import Path

import httpx
from synckit import Office, free_port, make_job

from fieldapp.store import JobStore
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.net import RetryPolicy
from fieldapp.sync.outbox import OutboxState, list_outbox
from fieldapp.sync.package import seal_job
from fieldapp.sync.push import PushJob, PushProgress, PushStatus

KILLS = 20


def test_sigkill_twenty_times_then_resume(tmp_path: Path) -> None:
    rng = random.Random(20240501)
    # Large enough that 20 kill cycles (a quarter wait for a whole blob) fit before the end.
    job = make_job(tmp_path, photo_bytes=2_000_000)
    with JobStore.open(job) as store:
        sealed = seal_job(store, load_or_create_identity())
    assert sealed.total_bytes > 6_000_000
    office = Office(tmp_path / "office-data", free_port())
    office.start()
    try:
        token = office.add("device", "laptop-01")
        staff = office.reviewer("reviewer")

        killed = threading.Event()
        lock = threading.Lock()
        confirmed: set[str] = set()
        resent: list[tuple[str, int]] = []
        kills = 0
        # Next trigger: a byte count, or "right after the office confirms a blob".
        trigger: dict[str, int | bool] = {"at": 40_000, "on_confirm": False}

        def kill_now() -> None:
            nonlocal kills
            if kills < KILLS and not killed.is_set():
                kills += 1
                office.kill()
                killed.set()

        def on_progress(p: PushProgress) -> None:
            with lock:
                # A confirm-trigger falls back to the byte count, so every cycle ends in a kill.
                if p.bytes_done >= int(trigger["at"]):
                    kill_now()

        def on_chunk(sha: str, offset: int, length: int) -> None:
            with lock:
                if sha in confirmed:
                    resent.append((sha, offset))

        def on_confirmed(sha: str) -> None:
            with lock:
                confirmed.add(sha)
                if trigger["on_confirm"]:
                    kill_now()

        push = PushJob(
            job,
            office.url,
            token,
            chunk_size=64 << 10,
            stream_block=8 << 10,
            timeout=5,
            retry=RetryPolicy(max_attempts=10_000, base_delay=0.02, max_delay=0.2),
            on_progress=on_progress,
            on_chunk=on_chunk,
            on_confirmed=on_confirmed,
        )
        push.start()
        while not push.done:
            if killed.wait(0.05):
                office.start()
                with lock:
                    trigger["on_confirm"] = rng.random() < 0.25
                    trigger["at"] = push.progress.bytes_done + rng.randint(1, 90_000)
                    killed.clear()
        outcome = push.wait(10)
        assert outcome is not None and outcome.status == PushStatus.FINISHED, outcome
        assert kills == KILLS
        assert resent == [], "blobs the office had confirmed were sent again"

        with JobStore.open(job) as store:
            (entry,) = list_outbox(store.db)
        assert entry.state == OutboxState.COMMITTED
        rows = httpx.get(f"{office.url}/review", auth=staff).text
        assert rows.count(f"/review/packages/{sealed.package_id}/1'") == 1
        page = f"{office.url}/review/packages/{sealed.package_id}/1/files"
        for path in sorted(p for p in sealed.bag_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(sealed.bag_dir).as_posix()
            served = httpx.get(f"{page}/{rel}", auth=staff)
            assert served.status_code == 200, rel
            assert (
                hashlib.sha256(served.content).digest()
                == hashlib.sha256(path.read_bytes()).digest()
            )
        assert list((office.data / "uploads").iterdir()) == []
    finally:
        office.stop()
