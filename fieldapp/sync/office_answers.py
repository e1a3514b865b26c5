"""What the office answers to a pull, checked: bounded in size, typed, or a one-line PullError.

The laptop trusts the office's signature-free JSON no more than a file from a USB stick: the
answer may come from a proxy, a captive portal or a hostile network. Every answer is read
with a cap on its decoded size (a gzip bomb counts as what it expands to), parsed without
NaN/Infinity, and each event checked field by field before the pull touches a job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from fieldapp.sync.outbox import OutboxState
from fieldapp.sync.spec_values import SpecError, load_spec_json, shown

MAX_ANSWER_BYTES = 8 * 1024 * 1024  # a page of events or one spec; a real one is < 100 kB
MAX_EVENTS = 1000  # per page; the office sends at most 200
MAX_FIELD = 10_000  # characters of a text field (notes, names)
_SHA = re.compile(r"(?:[0-9a-f]{64})?")


class PullError(RuntimeError):
    """The inbox could not be read, with the reason in words."""


def read_capped(chunks: Iterable[bytes], what: str, limit: int = MAX_ANSWER_BYTES) -> bytes:
    """The decoded body from ``chunks``, refused past ``limit`` bytes before it is all held."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise PullError(
                f"the office's answer to {what} is larger than {limit // 2**20} MB "
                "(decoded); refused, nothing was applied"
            )
        parts.append(chunk)
    return b"".join(parts)


def answer_json(data: bytes, what: str) -> dict[str, Any]:
    try:
        body = load_spec_json(data, f"the office's answer to {what}")
    except SpecError as exc:
        raise PullError(str(exc)) from exc
    if not isinstance(body, dict):
        raise PullError(f"the office's answer to {what}: expected a JSON object")
    return body


def _field(event: Mapping[str, Any], name: str, kind: type, where: str, *, null: bool) -> Any:
    value = event.get(name)
    if value is None and null:
        return None
    ok = isinstance(value, kind) and not isinstance(value, bool)
    if isinstance(value, str) and len(value) > MAX_FIELD:
        ok = False
    if isinstance(value, int) and not 0 <= value < 2**62:
        ok = False
    if not ok:
        raise PullError(f"{where} {name!r}: expected {kind.__name__}, got {shown(value)}")
    return value


def _page(body: Mapping[str, Any], what: str, after: int) -> tuple[list[Any], int]:
    events, cursor = body.get("events"), body.get("cursor")
    where = f"the office's answer to {what}"
    if not isinstance(events, list) or len(events) > MAX_EVENTS:
        raise PullError(f"{where} 'events': expected a list of at most {MAX_EVENTS} events")
    if isinstance(cursor, bool) or not isinstance(cursor, int) or cursor < after:
        raise PullError(f"{where} 'cursor': expected a number from {after} on, got {shown(cursor)}")
    if events and cursor == after:
        # The same page again and again would keep the pull busy for ever.
        raise PullError(f"{where}: events but the cursor did not move past {after}")
    for i, event in enumerate(events, 1):
        if not isinstance(event, dict):
            raise PullError(f"{where} event {i}: expected an object, got {shown(event)}")
    return events, cursor


def inbox_page(body: Mapping[str, Any], after: int) -> tuple[list[dict[str, Any]], int]:
    """The events and new cursor of an ``/inbox`` answer, every field checked."""
    events, cursor = _page(body, "the inbox request", after)
    states = {s.value for s in OutboxState}
    for i, e in enumerate(events, 1):
        where = f"the office's inbox event {i}"
        _field(e, "id", int, where, null=False)
        kind = _field(e, "kind", str, where, null=False)
        for name in ("job_id", "package_id", "notes", "actor"):
            _field(e, name, str, where, null=True)
        _field(e, "at", str, where, null=False)
        revision = _field(e, "revision", int, where, null=kind != "assignment")
        state = _field(e, "state", str, where, null=kind != "review")
        if kind == "review" and state not in states:
            raise PullError(f"{where} 'state': not a package state: {shown(state)}")
        payload = e.get("payload")
        if not isinstance(payload, dict):
            raise PullError(f"{where} 'payload': expected an object, got {shown(payload)}")
        if kind == "assignment":
            if revision is not None and revision < 1:
                raise PullError(f"{where} 'revision': expected 1 or more, got {revision}")
            sha = payload.get("spec_sha256", "")
            if not isinstance(sha, str) or not _SHA.fullmatch(sha):
                raise PullError(f"{where} 'spec_sha256': expected a SHA-256, got {shown(sha)}")
    return events, cursor


def assignment_page(body: Mapping[str, Any], after: int) -> tuple[list[dict[str, Any]], int]:
    """The events and new cursor of an ``/assignments`` answer, every field checked."""
    events, cursor = _page(body, "the assignments request", after)
    for i, e in enumerate(events, 1):
        where = f"the office's assignment event {i}"
        _field(e, "id", int, where, null=False)
        _field(e, "job_id", str, where, null=False)
        if _field(e, "revision", int, where, null=False) < 1:
            raise PullError(f"{where} 'revision': expected 1 or more")
        _field(e, "name", str, where, null=False)
        _field(e, "at", str, where, null=False)
        _field(e, "notes", str, where, null=True)
        _field(e, "actor", str, where, null=True)
        sha = _field(e, "spec_sha256", str, where, null=False)
        if not _SHA.fullmatch(sha):
            raise PullError(f"{where} 'spec_sha256': expected a SHA-256, got {shown(sha)}")
    return events, cursor
