"""`sync seal` against a second seal and against kill -9: no crash, no orphan bag, no litter.

Real processes: two seals started together (10 trials), and a seal killed at each named step
(FIELDAPP_CRASH_AT) or at a random delay after it took the job lock (20 trials), each followed
by the next seal.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from jobkit import (
    assert_no_crash,
    assert_outbox_consistent,
    cli_env,
    integrity,
    kill_during_step,
    litter,
    rows,
    run,
    run_step,
    start,
)
from synckit import make_job

from fieldapp.store import JobStore
from fieldapp.sync.identity import load_or_create_identity

TRIALS = 10
KILLS = 20
CRASH_POINTS = ("seal.draft", "seal.partial-written", "seal.renamed", "seal.committed")
REFUSALS = ("not yet at the office: push it", "is in use by")


@pytest.fixture
def sealable(tmp_path: Path) -> Path:
    # The device key exists before the processes race (its first creation is not under test).
    load_or_create_identity()
    return make_job(tmp_path, photo_bytes=1_500_000)


def accept_all(job: Path) -> None:
    """As if the office had accepted every revision: the next seal starts a new package."""
    with JobStore.open(job) as store, store.transaction() as db:
        db.execute("UPDATE outbox SET state = 'accepted' WHERE state != 'draft'")


def assert_job_clean(job: Path) -> None:
    assert litter(job) == []
    assert integrity(job) == "ok"
    assert_outbox_consistent(job)
    assert rows(job, "SELECT id FROM outbox WHERE state = 'draft'") == []


def test_two_seals_at_once(sealable: Path) -> None:
    for _ in range(TRIALS):
        procs = [start("sync", "seal", sealable) for _ in range(2)]
        results = []
        for p in procs:
            out, err = p.communicate(timeout=180)
            results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
        for r in results:
            assert_no_crash(r)
        assert sorted(r.returncode for r in results) == [0, 2], [r.stderr for r in results]
        refusal = next(r.stderr for r in results if r.returncode == 2)
        assert any(reason in refusal for reason in REFUSALS), refusal
        assert_job_clean(sealable)
        assert len(rows(sealable, "SELECT id FROM outbox WHERE state = 'sealed'")) == 1
        accept_all(sealable)
    assert len(rows(sealable, "SELECT id FROM outbox")) == TRIALS


def test_a_killed_seal_leaves_nothing_after_the_next(sealable: Path) -> None:
    rng = random.Random(14)
    sealed_before = 0
    interrupted = 0
    step_s = 0.0  # how long the last whole seal held the lock: kills are aimed inside it
    for trial in range(KILLS):
        if trial < 2 * len(CRASH_POINTS):
            point = CRASH_POINTS[trial % len(CRASH_POINTS)]
            crashed = run("sync", "seal", sealable, env=cli_env(FIELDAPP_CRASH_AT=point))
            assert crashed.returncode == 137, crashed.stderr
        else:
            # kill -9 somewhere in the export, copying, fsync, rename or the commit.
            proc = start("sync", "seal", sealable)
            interrupted += kill_during_step(proc, sealable, rng.uniform(0.05, 0.9) * step_s)
        after, step_s = run_step("sync", "seal", sealable, job=sealable)
        assert_no_crash(after)
        if after.returncode == 2:
            # The killed seal had committed: its revision is sealed and waits for a push.
            assert REFUSALS[0] in after.stderr, after.stderr
        else:
            assert after.returncode == 0, after.stderr
        assert_job_clean(sealable)
        sealed = len(rows(sealable, "SELECT id FROM outbox WHERE state = 'sealed'"))
        assert sealed == 1, f"trial {trial}: {sealed} sealed revisions waiting"
        sealed_before += 1
        accept_all(sealable)
    assert len(rows(sealable, "SELECT id FROM outbox")) == sealed_before
    print(f"random kills that interrupted the step: {interrupted}/{KILLS - 2 * len(CRASH_POINTS)}")
    assert interrupted > 0  # some random kills landed while the seal ran
