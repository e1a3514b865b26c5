"""Helpers for sync tests: a small job, the CLI, the real office receiver as a subprocess."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from fieldapp.store import JobStore
from fieldapp.store.records import add_surveyor, replace_boundary_points, upsert_markers
from fieldapp.survey.models import BoundaryPoint, Marker, MarkerKind, Surveyor

PROJECT = Path(__file__).resolve().parents[3]


def make_job(folder: Path, photo_bytes: int = 200_000, seed: int = 7) -> Path:
    """A small WIUP job with four corners, markers, photos, raw logs and a PDF."""
    rng = random.Random(seed)
    path = folder / "Sungai Batu.fieldapp"
    store = JobStore.create(path, "WIUP Sungai Batu", holder="PT Contoh Tambang", sk_area_ha=98.5)
    corners = [(-1.30, 116.10), (-1.30, 116.11), (-1.31, 116.11), (-1.31, 116.10)]
    replace_boundary_points(
        store.db,
        [
            BoundaryPoint(str(i), lat, lon, f"{lat}", f"{lon}")
            for i, (lat, lon) in enumerate(corners, 1)
        ],
    )
    upsert_markers(
        store.db,
        [Marker(str(i), MarkerKind.CORNER, i, lat, lon) for i, (lat, lon) in enumerate(corners, 1)]
        + [Marker("1A", MarkerKind.INFILL, 1, -1.30, 116.105, edge=("1", "2"))],
    )
    add_surveyor(store.db, Surveyor("Budi Santoso", certificate_no="JU-123"))
    for name in ("1", "2"):
        for view in ("north", "east"):
            data = rng.randbytes(photo_bytes)
            (store.photos_dir / f"TB{name}_{view}.jpg").write_bytes(b"\xff\xd8\xff" + data)
    (store.raw_dir / "gnss_20240501.nmea").write_bytes(
        b"".join(
            b"$GPGGA,%06d.00,0118.0,S,11606.0,E,4,12,0.8,45.0,M,40.0,M,,*00\r\n" % i
            for i in range(2000)
        )
    )
    (store.raw_dir / "ts_station1.gsi").write_bytes(rng.randbytes(30_000))
    (store.documents_dir / "berita_acara.pdf").write_bytes(b"%PDF-1.4\n" + rng.randbytes(20_000))
    store.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env or os.environ.copy(),
        timeout=60,
    )


class Office:
    """The real receiver as a subprocess on 127.0.0.1; can be SIGKILLed and restarted."""

    def __init__(self, data: Path, port: int, db_url: str | None = None) -> None:
        self.data = data
        self.port = port
        self.db_args = ["--db", db_url] if db_url else []
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.extra_env: dict[str, str] = {}

    def start(self) -> None:
        env = {**os.environ, **self.extra_env}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "office",
                "serve",
                "--data",
                str(self.data),
                "--port",
                str(self.port),
                *self.db_args,
            ],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"office exited: {err}")
            try:
                if httpx.get(f"{self.url}/api/v1/ping", timeout=0.5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("office did not answer within 30 s")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def add(self, kind: str, name: str) -> str:
        result = run_cli("office", kind, "add", "--data", str(self.data), *self.db_args, name)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]
