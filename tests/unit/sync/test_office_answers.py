"""The office's answers checked: any mutated page is a typed page or a PullError, never more."""

from __future__ import annotations

import copy
import gzip
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.sync.office_answers import (
    MAX_ANSWER_BYTES,
    PullError,
    answer_json,
    assignment_page,
    inbox_page,
    read_capped,
)

ASSIGNMENT = {"id": 3, "job_id": "job-1", "revision": 2, "name": "WIUP", "spec_sha256": "a" * 64,
              "notes": None, "actor": "kantor", "at": "2026-12-01T00:00:00Z"}  # fmt: skip
REVIEW = {"id": 4, "kind": "review", "job_id": "job-1", "package_id": "p1", "revision": 1,
          "state": "accepted", "notes": "lengkap", "actor": "kantor", "at": "t",
          "payload": {}}  # fmt: skip
INBOX_ASSIGNMENT = {**REVIEW, "id": 5, "kind": "assignment", "state": None, "package_id": None,
                    "payload": {"spec_sha256": "b" * 64}}  # fmt: skip

values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.none(), max_size=2),
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(key=st.sampled_from([*ASSIGNMENT, "events", "cursor"]), value=values)
def test_mutated_assignment_page(key: str, value: Any) -> None:
    body: dict[str, Any] = {"events": [copy.deepcopy(ASSIGNMENT)], "cursor": 3}
    target = body if key in ("events", "cursor") else body["events"][0]
    target[key] = value
    try:
        events, cursor = assignment_page(body, 0)
    except PullError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 400
        return
    assert isinstance(cursor, int) and cursor >= 0
    for e in events:
        assert isinstance(e["revision"], int) and e["revision"] >= 1
        assert isinstance(e["job_id"], str) and isinstance(e["id"], int)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(key=st.sampled_from([*REVIEW, "events", "cursor"]), value=values, which=st.booleans())
def test_mutated_inbox_page(key: str, value: Any, which: bool) -> None:
    event = copy.deepcopy(REVIEW if which else INBOX_ASSIGNMENT)
    body: dict[str, Any] = {"events": [event], "cursor": 9}
    (body if key in ("events", "cursor") else event)[key] = value
    try:
        events, _ = inbox_page(body, 0)
    except PullError as exc:
        assert "\n" not in str(exc)
        return
    for e in events:
        assert e["kind"] != "review" or isinstance(e["state"], str)
        assert isinstance(e["payload"], dict)


def test_a_cursor_that_stays_ends_the_pull() -> None:
    with pytest.raises(PullError, match="did not move past 3"):
        assignment_page({"events": [ASSIGNMENT], "cursor": 3}, 3)


def test_decoded_size_is_capped_as_it_arrives() -> None:
    # A gzip stream of 256 MB of zeros, decompressed chunk by chunk as httpx hands it over.
    packed = gzip.compress(b"\0" * (256 * 2**20), 1)
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    seen = []

    def chunks() -> Any:
        for i in range(0, len(packed), 65536):
            out = d.decompress(packed[i : i + 65536], 1 << 20)
            seen.append(len(out))
            yield out
            while d.unconsumed_tail:
                out = d.decompress(d.unconsumed_tail, 1 << 20)
                seen.append(len(out))
                yield out

    with pytest.raises(PullError, match="larger than 8 MB"):
        read_capped(chunks(), "the test")
    assert sum(seen) <= MAX_ANSWER_BYTES + (1 << 20)  # stopped within a chunk of the cap


@pytest.mark.parametrize(
    "data", [b"[1]", b"NaN", b'{"a": Infinity}', b"\xff", b"{" * 50_000, b'{"a": 1e999}']
)
def test_answers_that_are_not_a_json_object(data: bytes) -> None:
    try:
        body = answer_json(data, "the test")
    except PullError:
        return
    # 1e999 parses (to inf) but an object it is: its numbers are checked where they are used.
    assert isinstance(body, dict)
