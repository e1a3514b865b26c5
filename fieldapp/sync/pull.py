"""Down-sync: read the office inbox after a cursor and apply review decisions to the outbox."""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldapp.store.records import load_permit_area
from fieldapp.sync import outbox
from fieldapp.sync.net import RetryPolicy, check_link
from fieldapp.sync.outbox import ALLOWED, RANK, OutboxState
from fieldapp.sync.wire import API_PREFIX

CURSOR_KEY = "office_inbox_cursor"


class PullError(RuntimeError):
    """The inbox could not be read, with the reason in words."""


@dataclass(frozen=True, slots=True)
class InboxMessage:
    """An office event as kept in the job: a review decision or a job assignment."""

    office_event_id: int
    kind: str
    package_id: str | None
    revision: int | None
    state: str | None
    notes: str | None
    actor: str | None
    at: str


@dataclass(frozen=True, slots=True)
class PullResult:
    events: int
    cursor: int
    changed: tuple[outbox.OutboxEntry, ...]
    assignments: int


def get_cursor(db: sqlite_utils.Database) -> int:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [CURSOR_KEY]).fetchone()
    return int(row[0]) if row else 0


def list_inbox(db: sqlite_utils.Database) -> list[InboxMessage]:
    rows = db.execute(
        "SELECT office_event_id, kind, package_id, revision, state, notes, actor, at"
        " FROM sync_inbox ORDER BY office_event_id"
    ).fetchall()
    return [InboxMessage(*r) for r in rows]


def _path(start: OutboxState, goal: OutboxState) -> list[OutboxState]:
    """Shortest run of allowed transitions from start to goal (empty if none)."""
    queue: deque[list[OutboxState]] = deque([[start]])
    seen = {start}
    while queue:
        route = queue.popleft()
        if route[-1] == goal:
            return route[1:]
        for nxt in ALLOWED[route[-1]]:
            if nxt not in seen and nxt not in (OutboxState.QUEUED, OutboxState.DRAFT):
                seen.add(nxt)
                queue.append([*route, nxt])
    return []


def _apply(db: sqlite_utils.Database, event: dict[str, Any]) -> outbox.OutboxEntry | None:
    if event["kind"] != "review" or event["package_id"] is None:
        return None
    entry = outbox.get_entry(db, event["package_id"], int(event["revision"]))
    if entry is None:
        return None  # a revision sealed on another laptop
    goal = OutboxState(event["state"])
    # Idempotent and order-proof: an event never moves a revision backwards.
    if RANK[goal] <= RANK[entry.state]:
        return None
    result = entry
    # A commit whose receipt was lost in transit still reaches "committed" this way.
    for step in _path(entry.state, goal):
        extra: dict[str, Any] = {}
        if step == goal and event["notes"]:
            extra["office_notes"] = event["notes"]
        detail = f"office: {event['actor']}" if event["actor"] else "office"
        result = outbox.transition(
            db, entry.package_id, entry.revision, step, detail=detail, **extra
        )
    return result


def pull(
    job_path: Path, office_url: str, token: str, retry: RetryPolicy | None = None
) -> PullResult:
    """Apply every inbox event after the cursor; cursor and effects commit together."""
    import httpx

    from fieldapp.store import JobStore

    link = check_link(office_url)
    if not link.online:
        raise PullError(f"office not reachable: {link.reason}")
    policy = retry or RetryPolicy()
    changed: list[outbox.OutboxEntry] = []
    count = assignments = 0
    with (
        JobStore.open(job_path) as store,
        httpx.Client(
            base_url=office_url.rstrip("/") + API_PREFIX,
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ) as client,
    ):
        job_id = load_permit_area(store.db).job_uuid
        cursor = get_cursor(store.db)
        while True:
            response = None
            for attempt in range(1, policy.max_attempts + 1):
                try:
                    response = client.get("/inbox", params={"job_id": job_id, "after": cursor})
                    if response.status_code < 500:
                        break
                except httpx.TransportError as exc:
                    if attempt == policy.max_attempts:
                        raise PullError(f"office unreachable: {exc}") from exc
                time.sleep(policy.delay(attempt))
            if response is None or response.status_code != 200:
                detail = response.text[:300] if response is not None else "no answer"
                code = response.status_code if response is not None else 0
                raise PullError(f"office refused the inbox request ({code}): {detail}")
            body = response.json()
            events = body["events"]
            if not events:
                break
            with store.db.atomic():
                for event in events:
                    store.db.execute(
                        "INSERT OR IGNORE INTO sync_inbox (office_event_id, kind, package_id,"
                        " revision, state, notes, actor, at, payload)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [event["id"], event["kind"], event["package_id"], event["revision"],
                         event["state"], event["notes"], event["actor"], event["at"],
                         json.dumps(event["payload"], sort_keys=True)],
                    )  # fmt: skip
                    entry = _apply(store.db, event)
                    if entry is not None:
                        changed.append(entry)
                    assignments += event["kind"] == "assignment"
                cursor = int(body["cursor"])
                store.db.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [CURSOR_KEY, str(cursor)],
                )
            count += len(events)
    return PullResult(count, cursor, tuple(changed), assignments)
