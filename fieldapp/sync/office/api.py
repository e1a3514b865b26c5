"""The device-facing HTTP API: key registration, manifest, resumable blob upload, commit, inbox."""

# No `from __future__ import annotations` here: FastAPI must see the local DeviceAuth
# alias at runtime to treat it as a dependency rather than a query parameter.
import asyncio
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

from fieldapp import __version__
from fieldapp.sync.bagit import BagError
from fieldapp.sync.office import assignments, quota, review, service
from fieldapp.sync.office.api_schema import BLOB_BODY, COMMIT_BODY, KEY_BODY, MANIFEST_BODY
from fieldapp.sync.office.arrival import ArrivingBlob
from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database, DatabaseUnavailable
from fieldapp.sync.office.limits import BodyStalled, Limits, parse_json, read_body, timed_blocks
from fieldapp.sync.office.service import Device, OfficeError
from fieldapp.sync.wire import API_PREFIX, MAX_WIRE_INT, WireManifest

_SHA = re.compile(r"[0-9a-f]{64}")
# Bounded path, query and header values: a number past SQLite's 64 bits is a 422, not a 500.
Revision = Annotated[int, PathParam(ge=1, le=MAX_WIRE_INT)]
Cursor = Annotated[int, Query(ge=0, le=MAX_WIRE_INT)]
PackageId = Annotated[str, PathParam(min_length=1, max_length=80)]
JobIdQuery = Annotated[str, Query(min_length=1, max_length=80)]


@dataclass
class _Arrival:
    """Running hash of a blob that is arriving, so finishing it costs no second read."""

    offset: int
    digest: Any = field(default_factory=hashlib.sha256)


class Uploads:
    """Per-blob locks and running hashes; rebuilt from disk after a restart."""

    def __init__(self, blobs: BlobStore) -> None:
        self.blobs = blobs
        self._locks: dict[str, asyncio.Lock] = {}
        self._arrivals: dict[str, _Arrival] = {}

    def lock(self, sha: str) -> asyncio.Lock:
        return self._locks.setdefault(sha, asyncio.Lock())

    def arrival(self, sha: str, held: int) -> _Arrival:
        state = self._arrivals.get(sha)
        if state is None or state.offset != held:
            state = _Arrival(held, self.blobs.hash_partial(sha))
            self._arrivals[sha] = state
        return state

    def forget(self, sha: str) -> None:
        self._arrivals.pop(sha, None)
        self._locks.pop(sha, None)

    def drop_arrival(self, sha: str) -> None:
        """Rehash from disk next time; the lock stays, as its holder is still writing."""
        self._arrivals.pop(sha, None)


def _declare(db: Database, blobs: BlobStore, device: Device, body: bytes, limits: Limits) -> bytes:
    """Parse, check and record a manifest, and encode the answer: all in a worker thread.

    The answer lists every missing blob; for 20,000 files, turning it into JSON on the
    event loop would stall every other device for a second.
    """
    data = parse_json(body, "manifest")
    try:
        manifest = WireManifest.from_json(data, max_files=limits.max_files)
    except BagError as exc:
        status = 413 if "the office accepts at most" in str(exc) else 422
        raise OfficeError(status, f"manifest refused: {exc}") from exc
    quota.check_declaration(db, blobs, device, manifest, limits)
    answer = service.declare_manifest(db, blobs, device, manifest)
    return json.dumps(asdict(answer), separators=(",", ":")).encode("utf-8")


def _content_length(request: Request, cap: int, what: str) -> None:
    """Refuse an announced oversize body before reading a byte of it."""
    raw = request.headers.get("content-length", "")
    if raw.isdigit() and int(raw) > cap:
        raise OfficeError(413, f"{what} larger than the office accepts ({cap} bytes)")


async def _small_json(request: Request, limits: Limits, what: str) -> Any:
    _content_length(request, limits.small_json_bytes, what)
    body = await read_body(request.stream(), limits, limits.small_json_bytes, what)
    return parse_json(body, what)


def build_router(
    db: Database, blobs: BlobStore, bench: bool, limits: Limits | None = None
) -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    uploads = Uploads(blobs)
    limits = limits or Limits.from_env()

    def device_auth(authorization: Annotated[str | None, Header()] = None) -> Device:
        scheme, _, token = (authorization or "").partition(" ")
        device = service.device_for_token(db, token) if scheme.lower() == "bearer" else None
        if device is None:
            raise HTTPException(
                401, "a valid device token is required", {"WWW-Authenticate": "Bearer"}
            )
        return device

    DeviceAuth = Annotated[Device, Depends(device_auth)]  # noqa: N806 (a type alias)

    @router.get("/ping")
    def ping() -> dict[str, str]:
        return {"service": "fieldapp-office", "version": __version__}

    @router.put("/device/key", status_code=204, openapi_extra=KEY_BODY)
    async def put_key(request: Request, device: DeviceAuth) -> Response:
        body = await _small_json(request, limits, "key registration")
        key = body.get("public_key") if isinstance(body, dict) else None
        if not isinstance(key, str):
            raise OfficeError(422, "key registration needs public_key as a string")
        await run_in_threadpool(service.register_key, db, device, key)
        return Response(status_code=204)

    @router.post("/manifests", openapi_extra=MANIFEST_BODY)
    async def post_manifest(request: Request, device: DeviceAuth) -> Response:
        _content_length(request, limits.manifest_bytes, "manifest")
        body = await read_body(request.stream(), limits, limits.manifest_bytes, "manifest")
        answer = await run_in_threadpool(_declare, db, blobs, device, body, limits)
        return Response(answer, media_type="application/json")

    def _blob_headers(offset: int, size: int, complete: bool) -> dict[str, str]:
        return {
            "Upload-Offset": str(offset),
            "Upload-Length": str(size),
            "Blob-Complete": "1" if complete else "0",
            "Cache-Control": "no-store",
        }

    async def _declared(device: Device, sha: str) -> int:
        size = (
            await run_in_threadpool(service.declared_size, db, device, sha)
            if _SHA.fullmatch(sha)
            else None
        )
        if size is None:
            raise OfficeError(404, "blob not declared by a pending manifest of this device")
        return size

    @router.head("/blobs/{sha}")
    async def head_blob(sha: str, device: DeviceAuth) -> Response:
        size = await _declared(device, sha)
        async with uploads.lock(sha):
            offset = await run_in_threadpool(service.blob_offset, blobs, sha, size)
        complete = offset is None
        return Response(
            status_code=200,
            headers=_blob_headers(size if complete else offset or 0, size, complete),
        )

    @router.patch("/blobs/{sha}", openapi_extra=BLOB_BODY)
    async def patch_blob(
        sha: str,
        request: Request,
        device: DeviceAuth,
        upload_offset: Annotated[int, Header(ge=0, le=MAX_WIRE_INT)],
    ) -> Response:
        started = asyncio.get_running_loop().time()
        size = await _declared(device, sha)
        async with uploads.lock(sha):
            if blobs.has(sha):
                return Response(status_code=204, headers=_blob_headers(size, size, True))
            held = blobs.partial_size(sha)
            if upload_offset != held:
                # tus: the client resumes from what the office holds, never from its own guess.
                return Response(status_code=409, headers=_blob_headers(held, size, False))
            state = await run_in_threadpool(uploads.arrival, sha, held)
            fh = blobs.open_partial(sha, held)
            try:
                arriving = ArrivingBlob(fh, state.digest)
            except BaseException:
                fh.close()
                raise
            arrived = held
            stalled: BodyStalled | None = None
            try:
                # The lock is held only while bytes keep coming: a dead link lets go of it
                # after body_idle_s, and what arrived stays for the client to resume from.
                async for block in timed_blocks(request.stream(), limits, started):
                    if arrived + len(block) > size:
                        raise OfficeError(413, f"more bytes than the {size} declared")
                    arrived += len(block)
                    await arriving.put(block)
            except ClientDisconnect:
                pass  # keep what arrived; the client resumes from it
            except BodyStalled as exc:
                stalled = exc
            finally:
                try:
                    state.offset += await arriving.finish()  # what came before a drop too
                except BaseException:
                    uploads.drop_arrival(sha)  # the digest may hold bytes the disk refused
                    raise
                finally:
                    fh.close()
            if stalled is not None:
                return JSONResponse(
                    {"detail": f"{stalled.reason}: kept {state.offset} bytes, resume from there"},
                    status_code=408,
                    headers={**_blob_headers(state.offset, size, False), "Connection": "close"},
                )
            if state.offset < size:
                return Response(status_code=204, headers=_blob_headers(state.offset, size, False))
            result = await run_in_threadpool(blobs.finish, sha, state.digest.hexdigest())
            uploads.forget(sha)
        if not result.ok:
            raise OfficeError(
                422,
                f"blob {sha[:12]}… refused: the bytes received hash to"
                f" {result.actual_sha256[:12]}…,"
                " not the SHA-256 sealed in the manifest (the file changed after sealing)",
            )
        return Response(status_code=204, headers=_blob_headers(size, size, True))

    @router.post("/packages/{package_id}/revisions/{revision}/commit", openapi_extra=COMMIT_BODY)
    async def post_commit(
        package_id: PackageId, revision: Revision, request: Request, device: DeviceAuth
    ) -> dict[str, Any]:
        body = await _small_json(request, limits, "commit")
        digest = body.get("manifest_hash", "") if isinstance(body, dict) else ""
        if not isinstance(digest, str) or not _SHA.fullmatch(digest):
            raise OfficeError(422, "commit needs manifest_hash as 64 lowercase hex digits")
        receipt = await run_in_threadpool(
            service.commit, db, blobs, device, package_id, revision, digest
        )
        return asdict(receipt)

    @router.get("/inbox")
    def get_inbox(device: DeviceAuth, job_id: JobIdQuery, after: Cursor = 0) -> dict[str, Any]:
        events = review.inbox(db, device, job_id, after)
        cursor = events[-1].id if events else after
        return {"events": [asdict(e) for e in events], "cursor": cursor}

    @router.get("/assignments")
    def get_assignments(device: DeviceAuth, after: Cursor = 0) -> dict[str, Any]:
        """Assignment events of all this device's jobs after the cursor (for new jobs)."""
        events = assignments.assignment_events(db, device, after)
        cursor = events[-1].id if events else after
        return {"events": [asdict(e) for e in events], "cursor": cursor}

    @router.get("/assignments/{job_id}/revisions/{revision}")
    def get_assignment(
        device: DeviceAuth, job_id: Annotated[str, PathParam(max_length=80)], revision: Revision
    ) -> dict[str, Any]:
        return assignments.assignment_spec(db, device, job_id, revision)

    if bench:

        @router.put("/_bench/plain")
        async def plain_upload(request: Request, device: DeviceAuth) -> dict[str, int]:
            """The benchmark's yardstick: the same bytes in one request, written and synced."""
            received = 0
            fd, name = tempfile.mkstemp(dir=getattr(blobs, "root", None))
            try:
                with os.fdopen(fd, "wb") as fh:
                    async for block in request.stream():
                        fh.write(block)
                        received += len(block)
                    fh.flush()
                    os.fsync(fh.fileno())
            finally:
                Path(name).unlink()
            return {"bytes": received}

    return router


def _one_line(text: str) -> str:
    # A reason quoting client input may hold lone surrogates or newlines: keep it one
    # encodable line, never a second failure while answering the first.
    line = " ".join(text.split())[:500]
    return line.encode("utf-8", "backslashreplace").decode("utf-8")


def _validation_reason(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "request malformed"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where or 'request'}: {first.get('msg', 'malformed')}"


def install_error_handler(app: FastAPI) -> None:
    @app.exception_handler(OfficeError)
    async def office_error(request: Request, exc: OfficeError) -> Response:
        return JSONResponse({"detail": _one_line(exc.detail)}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # FastAPI's default is a list of objects; every refusal here is one line of text.
        return JSONResponse({"detail": _one_line(_validation_reason(exc))}, status_code=422)

    @app.exception_handler(DatabaseUnavailable)
    async def database_unavailable(request: Request, exc: DatabaseUnavailable) -> Response:
        # 503 + Retry-After: the device's client backs off and repeats the request.
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})
