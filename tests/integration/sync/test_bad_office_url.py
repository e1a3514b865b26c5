"""A malformed office address: one line naming it from the CLI, pull and push, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from synckit import run_cli

from fieldapp.store import JobStore
from fieldapp.sync import outbox
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.net import check_link
from fieldapp.sync.package import seal_job
from fieldapp.sync.pull import PullError, pull, pull_assignments
from fieldapp.sync.push import PushJob, PushStatus

BAD = [
    ("kantor.example", "must start with http:// or https://"),
    ("http://host:99999", "port must be a number between 1 and 65535"),
]


@pytest.mark.parametrize(("url", "reason"), BAD)
def test_cli_pull_push_name_the_bad_address(
    tmp_path: Path, job: Path, url: str, reason: str
) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    for args in (
        ("pull-assignments", "--jobs-dir", str(jobs)),
        ("pull", str(job)),
        ("push", str(job)),
    ):
        done = run_cli("sync", *args, "--office", url, "--token", "t")
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (args, done.stderr)
        assert repr(url) in lines[0] and reason in lines[0], (args, lines[0])
    assert not (jobs / ".fieldapp-assignments.json").exists()


@pytest.mark.parametrize(("url", "reason"), BAD)
def test_core_calls_report_the_bad_address(
    tmp_path: Path, job: Path, url: str, reason: str
) -> None:
    link = check_link(url)
    assert not link.online and repr(url) in link.reason and reason in link.reason
    with pytest.raises(PullError, match=reason):
        pull_assignments(tmp_path, url, "t")
    with pytest.raises(PullError, match=reason):
        pull(job, url, "t")
    with JobStore.open(job) as store:
        sealed = seal_job(store, load_or_create_identity())
    outcome = PushJob(job, url, "t").run()
    # Failed, not offline: a queued package would wait for a link that never comes.
    assert outcome.status == PushStatus.FAILED
    assert outcome.error is not None and repr(url) in outcome.error and reason in outcome.error
    with JobStore.open(job) as store:
        entry = outbox.get_entry(store.db, sealed.package_id, sealed.revision)
    assert entry is not None and entry.state == outbox.OutboxState.QUEUED
