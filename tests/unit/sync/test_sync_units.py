"""Outbox state machine, bag name safety, retry delays, link check, seal determinism."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from privatekit import others_with_access

from fieldapp.store import JobStore
from fieldapp.sync import outbox
from fieldapp.sync.bagit import BagError, parse_manifest, unsafe_path_reason
from fieldapp.sync.identity import load_or_create_identity, verify_signature
from fieldapp.sync.net import RetryPolicy, check_link
from fieldapp.sync.outbox import OutboxState as S
from fieldapp.sync.package import SealError, seal_job


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))


def test_identity_made_once_and_signs(tmp_path: Path) -> None:
    a = load_or_create_identity()
    b = load_or_create_identity()
    assert a.device_id == b.device_id and a.public_key_hex == b.public_key_hex
    assert verify_signature(a.public_key_hex, b"x", a.sign(b"x"))
    assert not verify_signature(a.public_key_hex, b"y", a.sign(b"x"))
    # Mode bits on POSIX, the ACL on Windows (where the mode read 0o666): this user only.
    assert others_with_access(tmp_path / "home" / "device_ed25519.key") == []


@pytest.mark.parametrize(
    "path", ["../x", "data/../x", "/abs", "C:/x", "data\\x", "data/./x", "data//x", "other/x", ""]
)
def test_unsafe_names(path: str) -> None:
    assert unsafe_path_reason(path) is not None


def test_safe_names() -> None:
    assert unsafe_path_reason("data/photos/TB 1 utara.jpg") is None
    assert unsafe_path_reason("bag-info.txt") is None
    with pytest.raises(BagError, match="unsafe name"):
        parse_manifest(b"0" * 64 + b"  data/../../etc/passwd\n")


def test_retry_delay_grows_with_jitter_and_cap() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=8)
    rng = random.Random(1)
    delays = [policy.delay(n, rng) for n in (1, 2, 3, 4, 10)]
    assert 0.5 <= delays[0] <= 1 and 1 <= delays[1] <= 2 and 4 <= delays[4] <= 8


def test_link_check_is_fast_when_nothing_listens() -> None:
    start = time.monotonic()
    assert not check_link("http://127.0.0.1:1").online
    assert time.monotonic() - start < 1


def _job(tmp_path: Path) -> JobStore:
    store = JobStore.create(tmp_path / "j.fieldapp", "J")
    (store.photos_dir / "a.jpg").write_bytes(b"photo")
    return store


def test_state_machine_and_revisions(tmp_path: Path) -> None:
    store = _job(tmp_path)
    first = seal_job(store, load_or_create_identity())
    assert (first.revision, first.supersedes) == (1, None)
    with pytest.raises(SealError, match="push it before"):
        seal_job(store, load_or_create_identity())
    with pytest.raises(outbox.TransitionError):
        outbox.transition(store.db, first.package_id, 1, S.COMMITTED)
    for state in (S.QUEUED, S.UPLOADING, S.COMMITTED, S.RETURNED):
        outbox.transition(store.db, first.package_id, 1, state)
    with pytest.raises(outbox.TransitionError):
        outbox.transition(store.db, first.package_id, 1, S.ACCEPTED)
    second = seal_job(store, load_or_create_identity())
    assert (second.package_id, second.revision, second.supersedes) == (first.package_id, 2, 1)
    # Same content, same payload: the sealed manifests differ only in tag files.
    files1 = outbox.wire_manifest(store.db, first.package_id, 1).files
    files2 = outbox.wire_manifest(store.db, first.package_id, 2).files
    assert [f for f in files1 if f.path.startswith("data/")] == [
        f for f in files2 if f.path.startswith("data/")
    ]
    history = store.db.execute("SELECT COUNT(*) FROM outbox_history").fetchone()[0]
    assert history == 6  # draft->sealed x2, then queued, uploading, committed, returned
    store.close()


def test_crashed_draft_is_cleaned_up(tmp_path: Path) -> None:
    store = _job(tmp_path)
    outbox.insert_draft(store.db, "deadbeef", 1, None, "outbox/.deadbeef-r1.partial")
    (store.path / "outbox/.deadbeef-r1.partial").mkdir(parents=True)
    result = seal_job(store, load_or_create_identity())
    assert result.revision == 1 and result.package_id != "deadbeef"
    assert [e.state for e in outbox.list_outbox(store.db)] == [S.SEALED]
    assert not (store.path / "outbox/.deadbeef-r1.partial").exists()
    store.close()


def test_office_tokens_never_start_with_a_dash_so_the_cli_takes_them() -> None:
    from fieldapp.sync.office.service import new_token

    tokens = [new_token() for _ in range(2000)]  # ~31 of 2000 would start with "-" otherwise
    assert not [t for t in tokens if t.startswith("-")]
    assert len(set(tokens)) == len(tokens) and all(len(t) >= 43 for t in tokens)


def test_a_stream_in_backoff_stops_when_the_other_stream_has_failed(tmp_path: Path) -> None:
    import threading

    from fieldapp.sync.push import PushJob, _Aborted, _Cancelled

    # A 10-minute backoff: without the abort check this test would sit it out.
    job = PushJob(tmp_path, "http://127.0.0.1:1", "t", retry=RetryPolicy(8, 600.0, 600.0))
    failed: list[BaseException] = []
    threading.Timer(0.1, failed.append, [RuntimeError("the other blob was refused")]).start()
    with pytest.raises(_Aborted):
        job._sleep(1, failed)
    threading.Timer(0.1, job.cancel).start()
    with pytest.raises(_Cancelled):
        job._sleep(1)


def test_the_jobs_geoid_travels_and_its_backgrounds_stay_home(tmp_path: Path) -> None:
    import hashlib
    import json

    from fieldapp.store.job_geoid import bundled_geoid, import_job_geoid

    store = _job(tmp_path)
    grid = tmp_path / "inageoid.gtx"
    grid.write_bytes(bundled_geoid().path.read_bytes())
    geoid = import_job_geoid(store, grid, "Grid uji")
    (store.path / "backgrounds").mkdir()
    (store.path / "backgrounds" / "ortho.mbtiles").write_bytes(b"a big orthophoto")
    sealed = seal_job(store, load_or_create_identity())
    files = {f.path: f for f in outbox.wire_manifest(store.db, sealed.package_id, 1).files}
    rel = f"data/{geoid.path.relative_to(store.path).as_posix()}"
    assert rel.startswith("data/geoid/")
    assert files[rel].sha256 == hashlib.sha256(grid.read_bytes()).hexdigest()
    assert (sealed.bag_dir / rel).read_bytes() == grid.read_bytes()
    assert not any(p.startswith("data/backgrounds") for p in files)
    job = json.loads((sealed.bag_dir / "data" / "job.json").read_text("utf-8"))
    assert job["geoid"] == {"name": "Grid uji", "file": rel.removeprefix("data/")}
    store.close()
