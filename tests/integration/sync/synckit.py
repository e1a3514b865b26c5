"""Helpers for sync tests: a small job, the CLI, the real office receiver as a subprocess."""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Generator
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


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env or os.environ.copy(),
        timeout=60,
        input=stdin if stdin is not None else "",
    )


def set_cookies(response: httpx.Response) -> dict[str, str]:
    """name -> the full Set-Cookie line (httpx keeps no Secure cookie over http://)."""
    return {line.split("=", 1)[0]: line for line in response.headers.get_list("set-cookie")}


def cookie_value(line: str) -> str:
    return line.split(";", 1)[0].split("=", 1)[1]


def hidden_csrf(html: str) -> str:
    found = re.search(r"name='csrf' value='([^']+)'", html)
    assert found, html[:500]
    return found.group(1)


class Reviewer(httpx.Auth):
    """A staff member signed in through the login form; use as ``auth=`` on httpx calls.

    Sends the session cookie by hand (httpx, like browsers off localhost, keeps no Secure
    cookie over plain http), and on a POST the office's own Origin and the session's CSRF
    token in the X-CSRF-Token header, as a same-origin script would.
    """

    def __init__(self, url: str, name: str, password: str) -> None:
        self.url, self.name, self.password = url, name, password
        self.session = ""
        self.csrf = ""

    def sign_in(self) -> httpx.Response:
        form = httpx.get(f"{self.url}/review/login")
        nonce = cookie_value(set_cookies(form)["fieldapp_login"])
        answer = httpx.post(
            f"{self.url}/review/login",
            data={"name": self.name, "password": self.password, "csrf": hidden_csrf(form.text)},
            headers={"Origin": self.url, "Cookie": f"fieldapp_login={nonce}"},
        )
        if answer.status_code == 303:
            self.session = cookie_value(set_cookies(answer)["fieldapp_session"])
            index = httpx.get(
                f"{self.url}/review", headers={"Cookie": f"fieldapp_session={self.session}"}
            )
            self.csrf = hidden_csrf(index.text)
        return answer

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self.session:
            answer = self.sign_in()
            assert answer.status_code == 303, answer.text
        request.headers["Cookie"] = f"fieldapp_session={self.session}"
        if request.method == "POST":
            request.headers["Origin"] = self.url
            request.headers["X-CSRF-Token"] = self.csrf
        yield request


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

    def add(self, kind: str, name: str, *extra: str) -> str:
        """A device: its token. Staff: the password given (on stdin, as a script would)."""
        password = f"pw-{name}-{random.randrange(10**9)}" if kind == "staff" else None
        result = run_cli(
            "office",
            kind,
            "add",
            "--data",
            str(self.data),
            *self.db_args,
            *extra,
            name,
            stdin=None if password is None else password + "\n",
        )
        assert result.returncode == 0, result.stderr
        return password or result.stdout.strip().splitlines()[-1]

    def reviewer(self, name: str = "reviewer") -> Reviewer:
        """A new staff member, signed in on first use."""
        return Reviewer(self.url, name, self.add("staff", name))
