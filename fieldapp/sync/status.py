"""What the GUI outbox view needs from sync: an outbox summary, problems by kind, transfer rate."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.store.database import JobDatabase
from fieldapp.sync import outbox
from fieldapp.sync.net import office_url_problem as office_url_problem  # the GUI's import
from fieldapp.sync.outbox import OutboxEntry, OutboxState

# Committed to the office, decision not yet known here: worth pulling the inbox for.
AWAITING_OFFICE = (OutboxState.COMMITTED, OutboxState.RECEIVED, OutboxState.IN_REVIEW)


@dataclass(frozen=True, slots=True)
class OutboxSummary:
    """Counts for the status line and for deciding whether auto-push has anything to do."""

    total: int
    pending: int  # sealed, queued or half-uploaded: needs a push
    pending_bytes: int
    awaiting_office: int  # at the office without a decision: needs a pull
    returned: int  # latest revision of its package is returned: revise and reseal
    accepted: int


def summarize(entries: Sequence[OutboxEntry]) -> OutboxSummary:
    pending = outbox.still_to_send(entries)
    latest: dict[str, int] = {}
    for e in entries:
        if e.state != OutboxState.DRAFT:
            latest[e.package_id] = max(latest.get(e.package_id, 0), e.revision)
    return OutboxSummary(
        total=sum(1 for e in entries if e.state != OutboxState.DRAFT),
        pending=len(pending),
        pending_bytes=sum(e.total_bytes for e in pending),
        awaiting_office=sum(1 for e in entries if e.state in AWAITING_OFFICE),
        # A returned revision stops asking for work once a later revision supersedes it.
        returned=sum(
            1
            for e in entries
            if e.state == OutboxState.RETURNED and latest[e.package_id] == e.revision
        ),
        accepted=sum(1 for e in entries if e.state == OutboxState.ACCEPTED),
    )


def outbox_summary(db: JobDatabase) -> OutboxSummary:
    return summarize(outbox.list_outbox(db))


def queue_sealed(db: JobDatabase) -> list[OutboxEntry]:
    """Mark sealed revisions as waiting for a link (what automatic sending means)."""
    return [
        outbox.transition(db, e.package_id, e.revision, OutboxState.QUEUED, detail="auto-push")
        for e in outbox.list_outbox(db)
        if e.state == OutboxState.SEALED
    ]


class ProblemKind(StrEnum):
    BAD_TOKEN = "bad_token"  # 401/403: the device token is wrong or revoked
    KEY_CONFLICT = "key_conflict"  # 409 on the device key: registered with another key
    REFUSED = "refused"  # 4xx: the office refused the package or request (422 tampering, ...)
    UNREACHABLE = "unreachable"  # no route, connection refused, retries exhausted
    OFFICE_ERROR = "office_error"  # 5xx left after the retries
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class SyncProblem:
    kind: ProblemKind
    status_code: int | None
    detail: str  # the office's own words when it gave any


_CODE = re.compile(r"\((\d{3})\)")
_UNREACHABLE = ("unreachable", "not reachable", "no network route", "cannot resolve")
_ALTERED = ("changed after sealing", "was altered", "mismatch")


def _office_detail(text: str) -> str:
    # The pull error carries the raw body ({"detail": ...}); the push error the detail alone.
    _head, sep, tail = text.partition("): ")
    detail = tail if sep else text
    if detail.startswith("{"):
        try:
            body = json.loads(detail)
        except ValueError:
            return detail
        if isinstance(body, dict) and "detail" in body:
            return str(body["detail"])
    return detail


def classify_problem(error: str) -> SyncProblem:
    """Sort a push/pull error text (push.PushOutcome.error, pull.PullError) by what to do."""
    found = _CODE.search(error)
    code = int(found.group(1)) if found else None
    detail = _office_detail(error) if code is not None else error
    lowered = error.lower()
    if code in (401, 403):
        kind = ProblemKind.BAD_TOKEN
    elif code == 409 and "key" in lowered:
        kind = ProblemKind.KEY_CONFLICT
    elif code is not None and 400 <= code < 500:
        kind = ProblemKind.REFUSED
    elif code is not None and code >= 500:
        kind = ProblemKind.OFFICE_ERROR
    elif any(word in lowered for word in _UNREACHABLE):
        kind = ProblemKind.UNREACHABLE
    elif any(word in lowered for word in _ALTERED):
        kind = ProblemKind.REFUSED
    else:
        kind = ProblemKind.OTHER
    return SyncProblem(kind, code, detail)


class RateMeter:
    """Bytes per second over the last few seconds of progress samples."""

    def __init__(self, window_s: float = 5.0, min_span_s: float = 0.5) -> None:
        self.window_s = window_s
        self.min_span_s = min_span_s
        self._samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._samples.clear()

    def add(self, t: float, bytes_done: int) -> None:
        self._samples.append((t, bytes_done))
        while len(self._samples) > 2 and t - self._samples[1][0] >= self.window_s:
            self._samples.popleft()

    def rate(self) -> float | None:
        """None until the samples span long enough to mean something."""
        if len(self._samples) < 2:
            return None
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        if t1 - t0 < self.min_span_s:
            return None
        return max(0.0, (b1 - b0) / (t1 - t0))
