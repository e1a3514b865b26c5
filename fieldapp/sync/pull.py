"""Down-sync: the office inbox after a cursor: review decisions and job assignments.

``pull`` reads one job's inbox and applies review decisions to its outbox and assignment
updates to the job. ``pull_assignments`` reads the device's assignments of every job and
creates or updates job folders in a jobs folder; its cursor lives in that folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fieldapp.store.database import JobDatabase
from fieldapp.store.jobfile import JobFileError
from fieldapp.store.records import load_permit_area
from fieldapp.sync import outbox
from fieldapp.sync.assignment import (
    AssignmentOutcome,
    apply_to_job,
    create_job,
    get_sync_state,
    handled_revision,
    jobs_by_id,
    record_refusal,
    set_sync_state,
)
from fieldapp.sync.jobspec import JobSpec, SpecError, parse_spec, spec_sha256
from fieldapp.sync.net import RetryPolicy, check_link, office_url_error
from fieldapp.sync.office_answers import (
    PullError as PullError,
)
from fieldapp.sync.office_answers import (
    answer_json,
    assignment_page,
    inbox_page,
    read_capped,
)
from fieldapp.sync.outbox import ALLOWED, RANK, OutboxState
from fieldapp.sync.wire import API_PREFIX

if TYPE_CHECKING:
    import httpx

CURSOR_KEY = "office_inbox_cursor"
# In the jobs folder: the assignment cursor per office and device token.
ASSIGNMENT_CURSOR_FILE = ".fieldapp-assignments.json"


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
    assignment_outcomes: tuple[AssignmentOutcome, ...] = ()


@dataclass(frozen=True, slots=True)
class AssignmentsPull:
    """What ``pull_assignments`` did: one outcome per job assignment revision it handled."""

    events: int
    cursor: int
    outcomes: tuple[AssignmentOutcome, ...]


def get_cursor(db: JobDatabase) -> int:
    value = get_sync_state(db, CURSOR_KEY)
    return int(value) if value is not None else 0


def list_inbox(db: JobDatabase) -> list[InboxMessage]:
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


def _apply(db: JobDatabase, event: dict[str, Any]) -> outbox.OutboxEntry | None:
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


def _client(office_url: str, token: str) -> httpx.Client:
    import httpx

    error = office_url_error(office_url)
    if error is not None:
        raise PullError(error)  # not "unreachable": trying again later will not help
    link = check_link(office_url)
    if not link.online:
        raise PullError(f"office not reachable: {link.reason}")
    return httpx.Client(
        base_url=office_url.rstrip("/") + API_PREFIX,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def _what(path: str) -> str:
    if path.startswith("/inbox"):
        return "the inbox request"
    if path.startswith("/assignments/"):
        return "the assignment spec request"
    return "the assignments request"


def _detail(data: bytes) -> str:
    """The start of an error answer, on one line."""
    return " ".join(data[:300].decode("utf-8", "replace").split())


def _get(
    client: httpx.Client, path: str, params: dict[str, Any], policy: RetryPolicy
) -> tuple[int, bytes]:
    """GET with retries on transport errors and 5xx; any other answer is returned, its body
    read with a cap on its decoded size (never held whole when it is too large)."""
    import httpx

    code, detail = 0, "no answer"
    for attempt in range(1, policy.max_attempts + 1):
        try:
            with client.stream("GET", path, params=params) as response:
                code = response.status_code
                if code < 500:
                    return code, read_capped(response.iter_bytes(), _what(path))
                detail = _detail(read_capped(response.iter_bytes(), _what(path)))
        except httpx.TransportError as exc:
            if attempt == policy.max_attempts:
                raise PullError(f"office unreachable: {exc}") from exc
        except httpx.HTTPError as exc:  # e.g. a body that does not decompress
            raise PullError(f"the office's answer to {_what(path)} is unreadable: {exc}") from exc
        if attempt < policy.max_attempts:
            time.sleep(policy.delay(attempt))
    raise PullError(f"office failed on {_what(path)} ({code}): {detail}")


def _get_json(
    client: httpx.Client, path: str, params: dict[str, Any], policy: RetryPolicy
) -> dict[str, Any]:
    code, data = _get(client, path, params, policy)
    if code != 200:
        raise PullError(f"office refused {_what(path)} ({code}): {_detail(data)}")
    return answer_json(data, _what(path))


def fetch_spec(
    client: httpx.Client, job_id: str, revision: int, expected_sha256: str, policy: RetryPolicy
) -> JobSpec:
    """One assignment revision's spec, checked; SpecError when it cannot become a job."""
    path = f"/assignments/{quote(job_id, safe='')}/revisions/{revision}"
    code, data = _get(client, path, {}, policy)
    if code == 404:
        raise SpecError("the office no longer has this assignment")
    if code != 200:
        raise PullError(f"office refused {_what(path)} ({code}): {_detail(data)}")
    try:
        doc = answer_json(data, _what(path)).get("spec")
    except PullError as exc:
        raise SpecError(str(exc)) from exc  # this revision is refused; the pull goes on
    if expected_sha256 and (not isinstance(doc, dict) or spec_sha256(doc) != expected_sha256):
        raise SpecError("the spec received does not match the SHA-256 the office announced")
    spec = parse_spec(doc)
    if spec.job_id != job_id:
        raise SpecError(f"the spec is for job {spec.job_id}, not {job_id}")
    return spec


def _refused(event: dict[str, Any], exc: SpecError, path: Path | None) -> AssignmentOutcome:
    name = event.get("name") or (event.get("payload") or {}).get("name") or ""
    label = f"{name!r} ({event['job_id']})" if name else str(event["job_id"])
    return AssignmentOutcome(
        str(event["job_id"]),
        int(event["revision"]),
        str(name),
        "refused",
        path,
        f"assignment of job {label} revision {event['revision']} refused: {exc};"
        f" {'the job is unchanged' if path else 'no job was created'}",
    )


def _insert_inbox(db: JobDatabase, event: dict[str, Any]) -> None:
    db.execute(
        "INSERT OR IGNORE INTO sync_inbox (office_event_id, kind, package_id,"
        " revision, state, notes, actor, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event["id"], event["kind"], event["package_id"], event["revision"], event["state"],
         event["notes"], event["actor"], event["at"], json.dumps(event["payload"], sort_keys=True)],
    )  # fmt: skip


def pull(
    job_path: Path, office_url: str, token: str, retry: RetryPolicy | None = None
) -> PullResult:
    """Apply every inbox event after the cursor; cursor and effects commit together."""
    from fieldapp.store import JobStore

    policy = retry or RetryPolicy()
    changed: list[outbox.OutboxEntry] = []
    outcomes: list[AssignmentOutcome] = []
    count = assignments = 0
    with JobStore.open(job_path) as store, _client(office_url, token) as client:
        job_id = load_permit_area(store.db).job_uuid
        cursor = get_cursor(store.db)
        while True:
            body = _get_json(client, "/inbox", {"job_id": job_id, "after": cursor}, policy)
            events, next_cursor = inbox_page(body, cursor)
            if not events:
                break
            # The newest assignment of this job is fetched before the transaction: the
            # network may be slow, the job database should not wait on it.
            newest = max(
                (e for e in events if e["kind"] == "assignment" and e["job_id"] == job_id),
                key=lambda e: int(e["revision"] or 0),
                default=None,
            )
            spec: JobSpec | SpecError | None = None
            if newest is not None and int(newest["revision"] or 0) > handled_revision(store.db):
                try:
                    spec = fetch_spec(
                        client,
                        job_id,
                        int(newest["revision"]),
                        str(newest["payload"].get("spec_sha256", "")),
                        policy,
                    )
                except SpecError as exc:
                    spec = exc
            with store.db.atomic():
                for event in events:
                    _insert_inbox(store.db, event)
                    entry = _apply(store.db, event)
                    if entry is not None:
                        changed.append(entry)
                    assignments += event["kind"] == "assignment"
                if newest is not None and isinstance(spec, SpecError):
                    outcome = _refused(newest, spec, store.path)
                    record_refusal(store.db, outcome.revision, outcome.message, newest["at"])
                    outcomes.append(outcome)
                elif newest is not None and isinstance(spec, JobSpec):
                    outcomes.append(
                        apply_to_job(store, spec, int(newest["revision"]), newest["at"])
                    )
                cursor = next_cursor
                set_sync_state(store.db, CURSOR_KEY, str(cursor))
            count += len(events)
    return PullResult(count, cursor, tuple(changed), assignments, tuple(outcomes))


def _cursor_key(office_url: str, token: str) -> str:
    # Per office and device: another office (or a re-registered device) starts from 0.
    return hashlib.sha256(f"{office_url.rstrip('/')}\n{token}".encode()).hexdigest()[:16]


def load_assignment_cursor(jobs_dir: Path, office_url: str, token: str) -> int:
    path = jobs_dir / ASSIGNMENT_CURSOR_FILE
    if not path.is_file():
        return 0
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["cursors"].get(_cursor_key(office_url, token), 0))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PullError(
            f"{path}: unreadable assignment cursor ({exc}); delete it to start over"
        ) from exc


def _save_assignment_cursor(jobs_dir: Path, office_url: str, token: str, cursor: int) -> None:
    path = jobs_dir / ASSIGNMENT_CURSOR_FILE
    data: dict[str, Any] = {"cursors": {}}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
    data["cursors"][_cursor_key(office_url, token)] = cursor
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def _deliver(
    client: httpx.Client,
    jobs_dir: Path,
    index: dict[str, Path],
    event: dict[str, Any],
    policy: RetryPolicy,
) -> AssignmentOutcome:
    """Create or update the job of one assignment event (already written: nothing to do)."""
    from fieldapp.store import JobStore

    job_id, revision = str(event["job_id"]), int(event["revision"])
    path = index.get(job_id)
    if path is not None:
        with JobStore.open(path) as store:
            if revision <= handled_revision(store.db):
                return AssignmentOutcome(
                    job_id, revision, event["name"], "already", path, "already handled"
                )
    try:
        spec = fetch_spec(client, job_id, revision, event["spec_sha256"], policy)
    except SpecError as exc:
        outcome = _refused(event, exc, path)
        if path is not None:
            with JobStore.open(path) as store, store.db.atomic():
                record_refusal(store.db, revision, outcome.message, event["at"])
        return outcome
    if path is None:
        created = create_job(jobs_dir, spec, revision)
        if created.path is not None:
            index[job_id] = created.path
        return created
    with JobStore.open(path) as store:
        return apply_to_job(store, spec, revision, event["at"])


def pull_assignments(
    jobs_dir: Path, office_url: str, token: str, retry: RetryPolicy | None = None
) -> AssignmentsPull:
    """Create or update a job folder in ``jobs_dir`` for every new assignment revision.

    Each job is written in one transaction (a new one under a hidden name, then renamed);
    the cursor moves past a page of events only after every job in it is written or its
    assignment refused for good, so an interrupted pull repeats what was not finished.
    """
    if not jobs_dir.is_dir():
        raise PullError(f"{jobs_dir}: not a folder; create it or give the folder of your jobs")
    policy = retry or RetryPolicy()
    cursor = load_assignment_cursor(jobs_dir, office_url, token)
    outcomes: list[AssignmentOutcome] = []
    count = 0
    with _client(office_url, token) as client:
        # Built once (it opens every job's database); _deliver adds the jobs it creates.
        index = jobs_by_id(jobs_dir)
        while True:
            body = _get_json(client, "/assignments", {"after": cursor}, policy)
            events, next_cursor = assignment_page(body, cursor)
            if not events:
                break
            # Only a job's newest revision in the page matters: older ones are superseded.
            newest: dict[str, dict[str, Any]] = {}
            for event in events:
                held = newest.get(event["job_id"])
                if held is None or int(event["revision"]) > int(held["revision"]):
                    newest[event["job_id"]] = event
            for event in newest.values():
                try:
                    outcomes.append(_deliver(client, jobs_dir, index, event, policy))
                except (OSError, sqlite3.Error, JobFileError) as exc:
                    # The cursor stays before this page: the next pull tries again.
                    raise PullError(
                        f"cannot write job {event['name']!r} ({event['job_id']}) in"
                        f" {jobs_dir}: {exc}; nothing of it was kept, pull again"
                    ) from exc
            cursor = next_cursor
            _save_assignment_cursor(jobs_dir, office_url, token, cursor)
            count += len(events)
    return AssignmentsPull(count, cursor, tuple(outcomes))
