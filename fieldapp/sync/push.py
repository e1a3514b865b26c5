"""The push job: sends pending outbox revisions to the office, resumably, in a worker thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fieldapp.sync import outbox
from fieldapp.sync.fork import own_revisions
from fieldapp.sync.identity import DeviceIdentity, load_or_create_identity
from fieldapp.sync.net import RetryPolicy, check_link, office_url_error
from fieldapp.sync.outbox import OutboxEntry, OutboxState
from fieldapp.sync.wire import API_PREFIX, WireManifest

if TYPE_CHECKING:
    import httpx

    from fieldapp.store import JobStore

DEFAULT_CHUNK = 8 << 20  # the office keeps partial bytes, so a big chunk loses nothing on a drop
STREAM_BLOCK = 256 << 10
# Blobs in flight at once. Each PATCH ends in a round trip and the office syncing the blob
# to disk; with two streams one is always sending while the other waits (on a 300 ms
# mobile link that wait is per photo).
PARALLEL_BLOBS = 2
ABORT_POLL_S = 0.2  # how soon a stream in backoff notices that the other one failed
T = TypeVar("T")


class PushStatus(StrEnum):
    FINISHED = "finished"
    FAILED = "failed"
    CANCELLED = "cancelled"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class PushProgress:
    """Snapshot for a progress bar: bytes the office holds or is receiving, out of the total."""

    bytes_total: int = 0
    bytes_done: int = 0
    package_id: str | None = None
    revision: int | None = None
    current_file: str | None = None


@dataclass(frozen=True, slots=True)
class PushedPackage:
    package_id: str
    revision: int
    receipt_id: str


@dataclass(frozen=True, slots=True)
class PushOutcome:
    status: PushStatus
    packages: tuple[PushedPackage, ...] = ()
    error: str | None = None
    skipped: tuple[str, ...] = ()  # why a pending revision was not sent (sealed elsewhere)


class PushError(RuntimeError):
    """The office refused something; retrying the same request will not help."""


class _Cancelled(Exception):
    pass


class _Retryable(Exception):
    pass


class _Aborted(Exception):
    """Another blob of the same package failed: this one stops where it is."""


def _detail(response: httpx.Response) -> str:
    try:
        body: Any = response.json()
        return str(body.get("detail", body))
    except ValueError:
        return response.text[:300] or response.reason_phrase


class PushJob:
    """Long work the GUI can poll: ``start()``, ``progress``, ``cancel()``, ``outcome``.

    ``on_progress`` runs on the worker thread; GUI adapters turn it into a Qt signal.
    ``on_chunk(sha, offset, length)`` and ``on_confirmed(sha)`` let tests count traffic.
    """

    def __init__(
        self,
        job_path: Path,
        office_url: str,
        token: str,
        *,
        identity: DeviceIdentity | None = None,
        register_key: bool = True,
        chunk_size: int = DEFAULT_CHUNK,
        stream_block: int = STREAM_BLOCK,
        parallel: int = PARALLEL_BLOBS,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        on_progress: Callable[[PushProgress], None] | None = None,
        on_chunk: Callable[[str, int, int], None] | None = None,
        on_confirmed: Callable[[str], None] | None = None,
    ) -> None:
        self.job_path = Path(job_path)
        self.office_url = office_url.rstrip("/")
        self._token = token
        self._identity = identity
        self._register_key = register_key
        self.chunk_size = chunk_size
        self.stream_block = stream_block
        self.parallel = max(1, parallel)
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self._on_progress = on_progress
        self._on_chunk = on_chunk
        self._on_confirmed = on_confirmed
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._progress = PushProgress()
        self._progress_lock = threading.Lock()  # blob workers report from several threads
        self._outcome: PushOutcome | None = None

    # -- the part the GUI polls -------------------------------------------------------
    @property
    def progress(self) -> PushProgress:
        return self._progress

    @property
    def outcome(self) -> PushOutcome | None:
        return self._outcome

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="fieldapp-push", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> PushOutcome | None:
        self._done.wait(timeout)
        return self._outcome

    # -- the work ---------------------------------------------------------------------
    # The callback runs under the lock: with two streams, snapshots reach it in order.
    def _set_progress(self, **changes: Any) -> None:
        with self._progress_lock:
            self._progress = replace(self._progress, **changes)
            if self._on_progress is not None:
                self._on_progress(self._progress)

    def _count(self, delta: int, **changes: Any) -> None:
        """Add ``delta`` bytes to the done count (negative when the office holds less)."""
        with self._progress_lock:
            done = self._progress.bytes_done + delta
            self._progress = replace(self._progress, bytes_done=done, **changes)
            if self._on_progress is not None:
                self._on_progress(self._progress)

    def run(self) -> PushOutcome:
        """Push every pending revision; blocking (the CLI calls it, ``start`` threads it)."""
        from fieldapp.store import JobStore

        try:
            with JobStore.open(self.job_path) as store:
                self._outcome = self._run(store)
        except Exception as exc:  # the worker must always end with an outcome
            self._outcome = PushOutcome(PushStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
        finally:
            self._done.set()
        return self._outcome

    def _run(self, store: JobStore) -> PushOutcome:
        import httpx

        for entry in outbox.pending_uploads(store.db):
            if entry.state == OutboxState.SEALED:
                outbox.transition(store.db, entry.package_id, entry.revision, OutboxState.QUEUED)
        if self._identity is None:
            self._identity = load_or_create_identity()
        # This laptop sends only what it sealed: a copied job's revision is signed elsewhere.
        pending, skipped = own_revisions(
            store.path, self._identity.device_id, outbox.pending_uploads(store.db)
        )
        if not pending:
            return PushOutcome(PushStatus.FINISHED, skipped=skipped)
        error = office_url_error(self.office_url)
        if error is not None:
            # Failed, not offline: the packages would wait for a link that never comes.
            return PushOutcome(PushStatus.FAILED, error=error)
        link = check_link(self.office_url)
        if not link.online:
            return PushOutcome(PushStatus.OFFLINE, error=link.reason)
        manifests = [outbox.wire_manifest(store.db, e.package_id, e.revision) for e in pending]
        self._set_progress(bytes_total=sum(sum(m.blobs().values()) for m in manifests))
        headers = {"Authorization": f"Bearer {self._token}"}
        pushed: list[PushedPackage] = []
        with httpx.Client(
            base_url=self.office_url + API_PREFIX, headers=headers, timeout=self.timeout
        ) as client:
            for entry, manifest in zip(pending, manifests, strict=True):
                try:
                    if self._register_key and not pushed:
                        identity = self._identity or load_or_create_identity()
                        body = {"public_key": identity.public_key_hex}
                        self._request(client, "PUT", "/device/key", json=body)
                    pushed.append(self._push_one(store, client, entry, manifest))
                except (PushError, _Cancelled, _Retryable, httpx.HTTPError) as exc:
                    cancelled = isinstance(exc, _Cancelled) or self._cancel.is_set()
                    error = None if cancelled else str(exc) or type(exc).__name__
                    current = outbox.get_entry(store.db, entry.package_id, entry.revision)
                    if current is not None and current.state == OutboxState.UPLOADING:
                        outbox.transition(
                            store.db,
                            entry.package_id,
                            entry.revision,
                            OutboxState.QUEUED,
                            detail=error or "cancelled",
                            last_error=error,
                        )
                    status = PushStatus.CANCELLED if cancelled else PushStatus.FAILED
                    return PushOutcome(status, tuple(pushed), error, skipped)
        return PushOutcome(PushStatus.FINISHED, tuple(pushed), skipped=skipped)

    def _sleep(self, attempt: int, abort: Sequence[BaseException] = ()) -> None:
        # In short steps: the other stream failing must not wait out this one's backoff.
        end = time.monotonic() + self.retry.delay(attempt)
        while (left := end - time.monotonic()) > 0:
            if self._cancel.wait(min(left, ABORT_POLL_S)):
                raise _Cancelled
            if abort:
                raise _Aborted

    def _with_retries(self, call: Callable[[], T], abort: Sequence[BaseException] = ()) -> T:
        import httpx

        attempt = 0
        while True:
            if self._cancel.is_set():
                raise _Cancelled
            if abort:
                raise _Aborted
            try:
                return call()
            except (httpx.TransportError, _Retryable) as exc:
                if self._cancel.is_set():
                    raise _Cancelled from exc
                attempt += 1
                if attempt >= self.retry.max_attempts:
                    raise _Retryable(f"office unreachable after {attempt} attempts: {exc}") from exc
                self._sleep(attempt, abort)

    def _request(
        self,
        client: httpx.Client,
        method: str,
        url: str,
        abort: Sequence[BaseException] = (),
        **kw: Any,
    ) -> httpx.Response:
        def call() -> httpx.Response:
            response = client.request(method, url, **kw)
            if response.status_code >= 500 or response.status_code == 429:
                raise _Retryable(f"office answered {response.status_code}")
            if response.status_code >= 400:
                raise PushError(f"office refused ({response.status_code}): {_detail(response)}")
            return response

        return self._with_retries(call, abort)

    def _push_one(
        self, store: JobStore, client: httpx.Client, entry: OutboxEntry, manifest: WireManifest
    ) -> PushedPackage:
        pid, rev = entry.package_id, entry.revision
        outbox.transition(store.db, pid, rev, OutboxState.UPLOADING)
        outbox.set_error(store.db, pid, rev, None)
        self._set_progress(package_id=pid, revision=rev)
        answer = self._request(client, "POST", "/manifests", json=manifest.to_json()).json()
        if answer["manifest_hash"] != manifest.manifest_hash:
            raise PushError("office computed a different manifest hash; versions disagree")
        missing = {m["sha256"]: int(m["offset"]) for m in answer["missing"]}
        paths = {f.sha256: f.path for f in reversed(manifest.files)}
        held = sum(size for sha, size in manifest.blobs().items() if sha not in missing)
        self._count(held)
        bag = store.path / entry.bag_dir
        todo = [
            (paths[sha], sha, size, missing[sha])
            for sha, size in manifest.blobs().items()
            if sha in missing
        ]
        self._upload_blobs(client, bag, todo)
        receipt = (
            answer["receipt"]
            or self._request(
                client,
                "POST",
                f"/packages/{pid}/revisions/{rev}/commit",
                json={"manifest_hash": manifest.manifest_hash},
            ).json()
        )
        outbox.transition(
            store.db,
            pid,
            rev,
            OutboxState.COMMITTED,
            detail=f"receipt {receipt['receipt_id']}",
            receipt_id=receipt["receipt_id"],
        )
        return PushedPackage(pid, rev, str(receipt["receipt_id"]))

    def _upload_blobs(
        self, client: httpx.Client, bag: Path, blobs: list[tuple[str, str, int, int]]
    ) -> None:
        """Up to ``parallel`` blobs at once; the first failure stops the others and is raised."""
        if self.parallel == 1 or len(blobs) < 2:
            for blob in blobs:
                self._upload_blob(client, bag, *blob)
            return
        from concurrent.futures import ThreadPoolExecutor

        queue = iter(blobs)
        take = threading.Lock()
        failed: list[BaseException] = []

        def worker() -> None:
            while not failed:
                with take:
                    blob = next(queue, None)
                if blob is None:
                    return
                try:
                    self._upload_blob(client, bag, *blob, abort=failed)
                except _Aborted:
                    return
                except BaseException as exc:
                    failed.append(exc)
                    return

        try:
            with ThreadPoolExecutor(self.parallel, thread_name_prefix="fieldapp-push-blob") as pool:
                for _ in range(self.parallel):
                    pool.submit(worker)
        except BaseException as exc:  # Ctrl-C in the CLI: the streams stop at their next block
            failed.append(exc)
            raise
        if failed:
            raise failed[0]

    def _upload_blob(
        self,
        client: httpx.Client,
        bag: Path,
        rel: str,
        sha: str,
        size: int,
        offset: int,
        abort: Sequence[BaseException] = (),
    ) -> None:
        """tus-style: PATCH chunks at the office's offset; after any failure, ask (HEAD)."""
        import httpx

        path = bag / rel
        counted = offset  # this blob's bytes in the progress count
        self._count(offset, current_file=rel)
        failures = 0
        while True:
            length = min(self.chunk_size, size - offset)
            self._count(offset - counted)
            counted = offset
            if self._on_chunk is not None:
                self._on_chunk(sha, offset, length)
            headers = {
                "Upload-Offset": str(offset),
                "Content-Type": "application/offset+octet-stream",
                "Content-Length": str(length),
            }
            body = _ChunkBody(self, path, offset, length, abort)
            try:
                response = client.patch(f"/blobs/{sha}", headers=headers, content=body)
                failed = response.status_code >= 500
            except httpx.TransportError:
                failed = True
            finally:
                counted += body.sent
            if self._cancel.is_set():
                raise _Cancelled
            if abort:
                raise _Aborted
            if failed:
                failures += 1
                if failures >= self.retry.max_attempts:
                    raise _Retryable(f"{rel}: upload failed {failures} times in a row")
                self._sleep(failures, abort)
                # Never trust our own count after a failure: the office says where it stands.
                response = self._request(client, "HEAD", f"/blobs/{sha}", abort)
            if response.status_code in (403, 413, 422):
                code = response.status_code
                raise PushError(f"office refused ({code}): {rel}: {_detail(response)}")
            if response.status_code not in (200, 204, 409):
                raise PushError(f"office refused ({response.status_code}): {_detail(response)}")
            if response.headers.get("Blob-Complete") == "1":
                self._count(size - counted)
                if self._on_confirmed is not None:
                    self._on_confirmed(sha)
                return
            new_offset = int(response.headers["Upload-Offset"])
            if new_offset > offset:
                failures = 0
            offset = new_offset


class _ChunkBody:
    """The bytes of one PATCH, read from the bag as httpx sends them; counts what went out."""

    def __init__(
        self, job: PushJob, path: Path, offset: int, length: int, abort: Sequence[BaseException]
    ) -> None:
        self._job = job
        self._path = path
        self._offset = offset
        self._length = length
        self._abort = abort
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        job = self._job
        with self._path.open("rb") as fh:
            fh.seek(self._offset)
            while self.sent < self._length:
                if job._cancel.is_set():
                    raise _Cancelled
                if self._abort:
                    raise _Aborted
                block = fh.read(min(job.stream_block, self._length - self.sent))
                if not block:
                    name = self._path.name
                    raise PushError(f"{name} is shorter than sealed: the bag was altered")
                self.sent += len(block)
                job._count(len(block))
                yield block
