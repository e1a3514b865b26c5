"""Who sealed a revision (from its bag-info.txt) and which refusals a new seal sets aside."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.sync.fork import FOR_GOOD, after_refusal, refusal_status_of, sealed_by
from fieldapp.sync.outbox import OutboxEntry, OutboxState


def entry(state: OutboxState = OutboxState.QUEUED, error: str | None = None) -> OutboxEntry:
    return OutboxEntry("pkg", 2, 1, state, "outbox/pkg-r2", "h", 10, "t", "t", None, None, error)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_bag_info_gives_a_device_id_or_none(tmp_path: Path, data: bytes) -> None:
    bag = tmp_path / "outbox" / "pkg-r2"
    bag.mkdir(parents=True, exist_ok=True)
    (bag / "bag-info.txt").write_bytes(data)
    found = sealed_by(tmp_path, entry())
    assert found is None or (isinstance(found, str) and found)


def test_device_id_is_read_and_a_missing_bag_is_nobodys(tmp_path: Path) -> None:
    assert sealed_by(tmp_path, entry()) is None
    bag = tmp_path / "outbox" / "pkg-r2"
    bag.mkdir(parents=True)
    (bag / "bag-info.txt").write_bytes(b"Package-Id: pkg\nDevice-Id: 1234-abcd\n")
    assert sealed_by(tmp_path, entry()) == "1234-abcd"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(100, 599), st.text(max_size=80))
def test_only_refusals_for_good_count(status: int, rest: str) -> None:
    found = refusal_status_of(f"office refused ({status}): {rest}")
    assert found == (status if status in FOR_GOOD else None)


def test_transient_or_missing_errors_are_not_refusals() -> None:
    assert refusal_status_of(None) is None
    assert refusal_status_of("office unreachable after 5 attempts: timed out") is None
    assert refusal_status_of("office refused (409): 1 blob(s) not yet complete") is None


def test_after_refusal_forks_on_403_and_takes_the_next_revision_otherwise() -> None:
    forked = after_refusal(entry(error="office refused (403): not yours"), 403, 2)
    assert forked.package_id != "pkg" and forked.revision == 1 and forked.supersedes is None
    assert forked.note is not None and forked.package_id in forked.note
    taken = after_refusal(entry(error="office refused (422): taken"), 422, 2)
    assert (taken.package_id, taken.revision, taken.supersedes) == ("pkg", 3, 1)
    assert taken.set_aside is not None and taken.set_aside.revision == 2
