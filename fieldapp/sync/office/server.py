"""Assemble the office app (API + review pages) and run it with uvicorn."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from fieldapp import __version__
from fieldapp.sync.office import api, private, staffauth, web, webguard
from fieldapp.sync.office.blobs import FileBlobStore
from fieldapp.sync.office.db import open_office_db

# Set by the benchmark only: adds the plain-upload yardstick endpoint.
BENCH_ENV = "FIELDAPP_OFFICE_BENCH"


def create_app(data_dir: Path, db_url: str | None = None) -> FastAPI:
    db = open_office_db(data_dir, db_url)
    blobs = FileBlobStore(data_dir)
    app = FastAPI(title="fieldapp office", version=__version__, docs_url=None, redoc_url=None)
    api.install_error_handler(app)
    app.include_router(api.build_router(db, blobs, bench=os.environ.get(BENCH_ENV) == "1"))
    app.include_router(web.build_router(db, blobs))
    webguard.install_security_headers(app)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/review")

    return app


def serve(data_dir: Path, host: str, port: int, db_url: str | None) -> None:
    import uvicorn

    private.restrict_process()
    app = create_app(data_dir, db_url)
    # The unknown-name hash is made beside start-up, so the first sign-in with a wrong name
    # takes as long as any other and the receiver answers its first request without waiting.
    threading.Thread(target=staffauth.warm_up, name="argon2-warm-up", daemon=True).start()
    # One process, no reload: state lives in the database and the blob folder, so a
    # killed receiver restarts cleanly.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        # An idle kept-alive socket is closed soon; body reads have their own idle timeout
        # (limits.Limits.body_idle_s), which uvicorn does not provide.
        timeout_keep_alive=15,
        # Request headers past 64 KiB are not from our client.
        h11_max_incomplete_event_size=64 << 10,
        # Enough for every device of an office at once; past it new requests get 503
        # at once instead of exhausting file descriptors.
        limit_concurrency=500,
        timeout_graceful_shutdown=5,
    )
