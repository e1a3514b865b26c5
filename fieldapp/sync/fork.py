"""Which laptop sealed a revision, and when the next seal continues under a new package id."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldapp.sync.bagit import BAG_INFO, BagError, parse_bag_info
from fieldapp.sync.outbox import OutboxEntry

# PushError's words for a refusal that the same request will meet again (push.py).
_REFUSED = re.compile(r"office refused \((\d{3})\)")
# 404/409 are steps out of order (manifest not yet known, blobs not complete): a later push
# sorts them out. These mean the office will never take this revision as it is.
FOR_GOOD = frozenset({400, 403, 413, 422})
MAX_BAG_INFO = 64 << 10


def sealed_by(job: Path, entry: OutboxEntry) -> str | None:
    """The Device-Id in the revision's bag-info.txt (None: the bag is gone or unreadable)."""
    try:
        with (job / entry.bag_dir / BAG_INFO).open("rb") as fh:
            # A few hundred bytes when sealed here: a larger file is not one of ours.
            info = parse_bag_info(fh.read(MAX_BAG_INFO))
    except (OSError, BagError):
        return None
    return info.get("Device-Id") or None


def refused_status(entry: OutboxEntry) -> int | None:
    """The HTTP status with which the office refused this revision for good, if it did."""
    return refusal_status_of(entry.last_error)


def refusal_status_of(error: str | None) -> int | None:
    match = _REFUSED.search(error or "")
    if match is None or int(match.group(1)) not in FOR_GOOD:
        return None
    return int(match.group(1))


@dataclass(frozen=True, slots=True)
class NextRevision:
    """What the next seal is: package id, revision, what it supersedes, and why if unusual."""

    package_id: str
    revision: int
    supersedes: int | None
    note: str | None = None
    set_aside: OutboxEntry | None = None  # a queued revision the office refused for good


def new_package() -> NextRevision:
    return NextRevision(uuid.uuid4().hex, 1, None)


def copied_job(latest: OutboxEntry) -> NextRevision:
    """The job folder came from another laptop: this laptop's packages get an id of their own."""
    fresh = new_package()
    note = (
        f"job copied from another laptop: its packages continue as package id"
        f" {fresh.package_id} (package {latest.package_id} stays with the laptop that sealed it)"
    )
    pending = latest if latest.state.value in ("sealed", "queued", "uploading") else None
    return NextRevision(fresh.package_id, 1, None, note, pending)


def after_refusal(latest: OutboxEntry, status: int, highest: int) -> NextRevision:
    """A queued revision the office refused for good is set aside by the next seal.

    403 (the package id is another device's): a new package id. Anything else (the revision
    was taken by another copy, or the bag was refused): the next revision of the same
    package, superseding what the office last had of this laptop's.
    """
    if status == 403:
        fresh = new_package()
        note = (
            f"the office refused package {latest.package_id} as not this laptop's:"
            f" the job continues as package id {fresh.package_id}"
        )
        return NextRevision(fresh.package_id, 1, None, note, latest)
    note = (
        f"the office refused revision {latest.revision} of package {latest.package_id}"
        f" ({status}): sealed as revision {highest + 1} instead"
    )
    return NextRevision(latest.package_id, highest + 1, latest.supersedes, note, latest)


def own_revisions(
    job: Path, device_id: str, pending: list[OutboxEntry]
) -> tuple[list[OutboxEntry], tuple[str, ...]]:
    """The pending revisions this laptop sealed, and why each other one stays unsent."""
    mine, skipped = [], []
    for entry in pending:
        if sealed_by(job, entry) == device_id:
            mine.append(entry)
        else:
            skipped.append(
                f"package {entry.package_id} revision {entry.revision} was sealed on another"
                " laptop (the job was copied): that laptop sends it; `fieldapp sync seal`"
                " here continues the job as a package of this laptop"
            )
    return mine, tuple(skipped)
