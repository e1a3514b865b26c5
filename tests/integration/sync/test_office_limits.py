"""The real office under a dead link and hostile bodies: a stalled PATCH lets go of its blob,
oversize and malformed requests get a one-line 4xx, and another device is served meanwhile."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from synckit import Office, free_port, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import list_outbox, wire_manifest
from fieldapp.sync.wire import FORMAT

API = "/api/v1"
IDLE_S = 2  # the office's body idle timeout in these tests (30 s in service)


@pytest.fixture
def quick_office(tmp_path: Path) -> Iterator[Office]:
    server = Office(tmp_path / "office-data", free_port())
    server.extra_env = {"FIELDAPP_OFFICE_BODY_IDLE_S": str(IDLE_S)}
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """One office for the tests that only send refused requests: starting one costs seconds."""
    server = Office(tmp_path_factory.mktemp("office") / "office-data", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_token(shared_office: Office) -> str:
    return shared_office.add("device", "laptop-01")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_one_line_refusal(response: httpx.Response, *statuses: int) -> str:
    assert response.status_code in statuses, (response.status_code, response.text)
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    return detail


def _read_response_head(sock: socket.socket) -> bytes:
    head = b""
    while b"\r\n\r\n" not in head:
        block = sock.recv(4096)
        if not block:
            break
        head += block
    return head


def test_stalled_patch_lets_go_of_the_blob_and_the_real_push_completes(
    job: Path, quick_office: Office
) -> None:
    token = quick_office.add("device", "laptop-01")
    assert run_cli("sync", "seal", str(job)).returncode == 0
    with JobStore.open(job) as store:
        entry = list_outbox(store.db)[0]
        manifest = wire_manifest(store.db, entry.package_id, entry.revision)
    declared = httpx.post(
        f"{quick_office.url}{API}/manifests", json=manifest.to_json(), headers=_auth(token)
    )
    assert declared.status_code == 200, declared.text
    blob = max(declared.json()["missing"], key=lambda m: m["size"])
    sha, size = blob["sha256"], blob["size"]
    path = next(f.path for f in manifest.files if f.sha256 == sha)
    data = (job / entry.bag_dir / path).read_bytes()
    sent = size // 2

    # A dropped mobile link: headers and half the body, then silence with the socket open.
    stalled = socket.create_connection(("127.0.0.1", quick_office.port))
    try:
        stalled.sendall(
            (
                f"PATCH {API}/blobs/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {token}\r\nUpload-Offset: 0\r\n"
                f"Content-Type: application/offset+octet-stream\r\nContent-Length: {size}\r\n\r\n"
            ).encode()
            + data[:sent]
        )
        pushed = run_cli("sync", "push", str(job), "--office", quick_office.url, "--token", token)
        assert pushed.returncode == 0, pushed.stderr
        # The office answered the stalled request itself (the socket was never closed by
        # us) and kept every byte it had received, for the client to resume from.
        stalled.settimeout(IDLE_S * 10)
        head = _read_response_head(stalled).decode("latin-1")
    finally:
        stalled.close()
    assert head.startswith("HTTP/1.1 408"), head
    assert f"upload-offset: {sent}" in head.lower(), head
    with JobStore.open(job) as store:
        assert list_outbox(store.db)[0].state.value == "committed"


def _manifest(files: list[dict[str, object]], revision: object = 1) -> dict[str, object]:
    return {
        "format": FORMAT,
        "job_id": "job-1",
        "package_id": "pkg-1",
        "revision": revision,
        "files": files,
    }


def test_a_one_tib_declaration_is_refused_in_one_line(
    shared_office: Office, shared_token: str
) -> None:
    huge = _manifest([{"path": "data/big.bin", "sha256": "a" * 64, "size": 1 << 40}])
    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", json=huge, headers=_auth(shared_token)
    )
    detail = _assert_one_line_refusal(answer, 413)
    assert "data/big.bin" in detail
    # Many files each under the per-file cap still cannot pass the device's quota.
    many = _manifest(
        [{"path": f"data/f{i}.bin", "sha256": f"{i:064x}", "size": 2 << 30} for i in range(11)]
    )
    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", json=many, headers=_auth(shared_token)
    )
    assert "quota" in _assert_one_line_refusal(answer, 413)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/device/key", b""),
        ("/device/key", b"{not json"),
        ("/device/key", b"[" * 100_000 + b"]" * 100_000),
        ("/device/key", b'{"public_key": 12}'),
        ("/device/key", b'{"public_key": "\\ud800"}'),
        ("/device/key", b"\xff\xfe"),
        ("/manifests", b"null"),
        ("/manifests", json.dumps(_manifest([], revision=1 << 63)).encode()),
        ("/manifests", json.dumps(_manifest([], revision=1.5)).encode()),
        (
            "/manifests",
            json.dumps(
                _manifest([{"path": "data/\udc80", "sha256": "a" * 64, "size": 1}])
            ).encode(),
        ),
        (
            "/manifests",
            json.dumps(
                _manifest([{"path": "data/x", "sha256": "a" * 64, "size": 1 << 63}])
            ).encode(),
        ),
        ("/packages/pkg-1/revisions/1/commit", b""),
        ("/packages/pkg-1/revisions/1/commit", b'{"manifest_hash": ["x"]}'),
        ("/packages/pkg-1/revisions/9223372036854775808/commit", b"{}"),
        ("/packages/pkg-1/revisions/1/commit", b'{"a":' * 5000 + b"1" + b"}" * 5000),
    ],
)
def test_malformed_bodies_get_a_one_line_4xx(
    shared_office: Office, shared_token: str, path: str, body: bytes
) -> None:
    method = "PUT" if path == "/device/key" else "POST"
    answer = httpx.request(
        method,
        f"{shared_office.url}{API}{path}",
        content=body,
        headers={**_auth(shared_token), "Content-Type": "application/json"},
    )
    _assert_one_line_refusal(answer, 400, 404, 413, 422)


def test_bounded_numbers_in_urls_and_headers(shared_office: Office, shared_token: str) -> None:
    big = str(1 << 63)
    for answer in (
        httpx.get(
            f"{shared_office.url}{API}/inbox?job_id=j&after={big}", headers=_auth(shared_token)
        ),
        httpx.get(f"{shared_office.url}{API}/assignments?after={big}", headers=_auth(shared_token)),
        httpx.get(
            f"{shared_office.url}{API}/assignments/j/revisions/{big}", headers=_auth(shared_token)
        ),
        httpx.patch(
            f"{shared_office.url}{API}/blobs/{'a' * 64}",
            headers={**_auth(shared_token), "Upload-Offset": big},
        ),
    ):
        _assert_one_line_refusal(answer, 404, 422)


def test_manifest_caps_refuse_before_parsing(shared_office: Office, shared_token: str) -> None:
    too_many = _manifest(
        [{"path": f"data/f{i}", "sha256": "a" * 64, "size": 1} for i in range(20_001)]
    )
    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", json=too_many, headers=_auth(shared_token)
    )
    assert "20000" in _assert_one_line_refusal(answer, 413)

    def chunks() -> Iterator[bytes]:
        # Streamed without a Content-Length: the office must count the bytes itself.
        yield b'{"format": "' + FORMAT.encode() + b'", "files": ['
        for _ in range(16):
            yield b" " * (1 << 20)

    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", content=chunks(), headers=_auth(shared_token)
    )
    _assert_one_line_refusal(answer, 413)


def test_another_device_is_served_while_a_big_manifest_is_checked(
    office: Office, device_token: str
) -> None:
    other = office.add("device", "laptop-02")
    big = _manifest(
        [{"path": f"data/f{i:06d}.jpg", "sha256": f"{i:064x}", "size": 10} for i in range(20_000)]
    )
    body = json.dumps(big).encode()
    order: list[str] = []
    lock = threading.Lock()
    started = threading.Event()

    def declare() -> None:
        def chunks() -> Iterator[bytes]:
            yield body
            started.set()

        answer = httpx.post(
            f"{office.url}{API}/manifests",
            content=chunks(),
            headers=_auth(device_token),
            timeout=120,
        )
        with lock:
            order.append(f"manifest {answer.status_code}")

    worker = threading.Thread(target=declare)
    worker.start()
    assert started.wait(60)
    answer = httpx.get(f"{office.url}{API}/assignments", headers=_auth(other), timeout=60)
    with lock:
        order.append(f"other {answer.status_code}")
    worker.join(120)
    # The other device's request does not queue behind the 20,000-file manifest.
    assert order == ["other 200", "manifest 200"], order


def _peak_rss_mb(pid: int) -> float:
    # Linux's /proc (CI is Linux): the office's own high-water mark, read from outside.
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def _send_chunked(port: int, head: str, total: int) -> str:
    """Stream ``total`` bytes of manifest in chunked encoding; the office's first answer line."""
    block = b" " * (1 << 20)
    chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head.encode() + b'5\r\n{"a":\r\n')
        try:
            for _ in range(total // len(block)):
                sock.sendall(chunk)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused mid-body: the office stopped reading, as it should
        sock.settimeout(30)
        try:
            return _read_response_head(sock).decode("latin-1").split("\r\n")[0]
        except ConnectionResetError:
            return "reset"


def test_a_300_mib_manifest_is_refused_without_the_office_growing(
    shared_office: Office, shared_token: str
) -> None:
    assert shared_office.proc is not None
    pid = shared_office.proc.pid
    total = 300 << 20
    head = (
        f"POST {API}/manifests HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {shared_token}\r\nContent-Type: application/json\r\n"
    )
    # Announced: refused from the header alone, before a byte of the body is read.
    with socket.create_connection(("127.0.0.1", shared_office.port)) as sock:
        sock.sendall(f"{head}Content-Length: {total}\r\n\r\n{{".encode())
        sock.settimeout(30)
        assert _read_response_head(sock).startswith(b"HTTP/1.1 413")
    # Not announced (chunked): the office counts and stops at its cap.
    first = _send_chunked(shared_office.port, head + "Transfer-Encoding: chunked\r\n\r\n", total)
    assert first in ("HTTP/1.1 413 Request Entity Too Large", "HTTP/1.1 413 Content Too Large"), (
        first
    )
    assert _peak_rss_mb(pid) < 200
    assert httpx.get(f"{shared_office.url}{API}/ping").status_code == 200


def test_odd_but_wellformed_manifests_are_answered_not_crashed(
    shared_office: Office, shared_token: str
) -> None:
    """Found by the schemathesis run: an empty file not yet sent, one hash with two sizes."""
    empty = _manifest([{"path": "data/empty", "sha256": "b" * 64, "size": 0}])
    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", json=empty, headers=_auth(shared_token)
    )
    assert answer.status_code == 200, answer.text
    two_sizes = _manifest(
        [
            {"path": "data/a", "sha256": "a" * 64, "size": 1},
            {"path": "data/b", "sha256": "a" * 64, "size": 2},
        ]
    )
    answer = httpx.post(
        f"{shared_office.url}{API}/manifests", json=two_sizes, headers=_auth(shared_token)
    )
    assert "different size" in _assert_one_line_refusal(answer, 422)
