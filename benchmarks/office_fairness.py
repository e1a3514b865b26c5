"""Office fairness: how long another device waits while one device's huge manifest is handled.

Run: ``.venv/bin/python benchmarks/office_fairness.py [--files 200000]``. Prints, for a real
office on 127.0.0.1, the latency of another device's requests (``GET /ping`` and an
authenticated ``GET /assignments``) on an idle office and while a big manifest is processed,
side by side, with the office's peak RSS (VmHWM, Linux) at the end. Three loads:
- the office as shipped (20,000 files, 8 MiB cap): a 200k-file manifest is refused at the cap;
- the largest accepted manifest (20,000 files), checked and recorded in a worker thread;
- the 200k-file manifest with the caps raised so it is accepted (the worst case of issue 15:
  35 s and 12.7 s stalls before). Goal: the concurrent request's worst delay < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

PROJECT = Path(__file__).resolve().parent.parent
API = "/api/v1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Office:
    def __init__(self, data: Path, env: dict[str, str]) -> None:
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "fieldapp", "office", "serve", "--data", str(data)]
        self.proc = subprocess.Popen(
            [*command, "--port", str(self.port)],
            cwd=PROJECT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}{API}/ping", timeout=0.5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("office did not start")

    def add_device(self, name: str) -> str:
        command = [sys.executable, "-m", "fieldapp", "office", "device", "add"]
        out = subprocess.run(
            [*command, "--data", str(self.data), name],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip().splitlines()[-1]

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def manifest(files: int) -> bytes:
    return json.dumps(
        {
            "format": "fieldapp-package/1",
            "job_id": "job-1",
            "package_id": f"pkg-{files}",
            "revision": 1,
            "files": [
                {"path": f"data/photos/f{i:06d}.jpg", "sha256": f"{i:064x}", "size": 1000}
                for i in range(files)
            ],
        }
    ).encode()


def probe(office: Office, token: str, stop: threading.Event, out: list[float]) -> None:
    """Another device's requests, one after the other, until told to stop."""
    with httpx.Client(base_url=office.url + API, timeout=60) as client:
        headers = {"Authorization": f"Bearer {token}"}
        while not stop.is_set():
            t0 = time.perf_counter()
            client.get("/ping")
            client.get("/assignments", headers=headers)
            out.append(time.perf_counter() - t0)
            time.sleep(0.02)


def measure(office: Office, body: bytes | None, idle_s: float = 2.0) -> tuple[list[float], str]:
    a, b = (
        office.add_device(f"a{time.monotonic_ns()}"),
        office.add_device(f"b{time.monotonic_ns()}"),
    )
    stop, lat = threading.Event(), []
    worker = threading.Thread(target=probe, args=(office, b, stop, lat))
    worker.start()
    answer = "idle"
    t0 = time.perf_counter()
    if body is None:
        time.sleep(idle_s)
    else:
        response = httpx.post(
            f"{office.url}{API}/manifests",
            content=body,
            headers={"Authorization": f"Bearer {a}"},
            timeout=600,
        )
        answer = f"{response.status_code} in {time.perf_counter() - t0:.1f} s"
    stop.set()
    worker.join()
    return lat, answer


def row(label: str, lat: list[float], answer: str, base: float) -> None:
    worst, median = max(lat), statistics.median(lat)
    print(
        f"{label:<44} {answer:>16}  n={len(lat):4d}  median {median * 1000:7.1f} ms"
        f"  worst {worst * 1000:7.1f} ms  (x{worst / base:5.1f} idle worst)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200_000)
    args = parser.parse_args()
    big, accepted = manifest(args.files), manifest(20_000)
    print(
        f"manifests: {args.files} files = {len(big) >> 20} MiB,"
        f" 20000 files = {len(accepted) >> 20} MiB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Office(Path(tmp) / "shipped", {})
        try:
            idle, _ = measure(shipped, None)
            base = max(idle)
            row("idle office", idle, "idle", base)
            row(f"{args.files} files, shipped caps", *measure(shipped, big), base)
            row("20000 files (largest accepted)", *measure(shipped, accepted), base)
            print(f"peak RSS of the shipped office: {shipped.peak_rss_mb():.0f} MB")
        finally:
            shipped.stop()
        raised = Office(
            Path(tmp) / "raised",
            {
                "FIELDAPP_OFFICE_MAX_FILES": "1000000",
                "FIELDAPP_OFFICE_MANIFEST_BYTES": str(1 << 30),
            },
        )
        try:
            row(f"{args.files} files, caps raised to accept", *measure(raised, big), base)
            print(f"peak RSS of the raised-caps office: {raised.peak_rss_mb():.0f} MB")
        finally:
            raised.stop()


if __name__ == "__main__":
    main()
