"""schemathesis over every device API operation of the real office: no input gives a 5xx.

The office runs on 127.0.0.1 as a subprocess (the same process a laptop talks to); each
generated request goes once as generated (no or a random token) and once with a valid device
token, so the fuzz reaches past authentication into manifests, blobs and commits.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.schemas import APIOperation, BaseSchema
from synckit import Office, free_port

# tus-style blob bodies are plain bytes on the wire.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")

MAX_EXAMPLES = 60  # per operation, each sent with and without a token: ~40 s here


@pytest.fixture(scope="module")
def fuzz_office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Office, str]]:
    office = Office(tmp_path_factory.mktemp("fuzz") / "office-data", free_port())
    office.start()
    try:
        yield office, office.add("device", "fuzz-laptop")
    finally:
        office.stop()


def _device_api(office: Office) -> BaseSchema:
    """The office's own OpenAPI as it serves it, cut to the device API (review pages aside)."""
    raw = httpx.get(f"{office.url}/openapi.json", timeout=10).json()
    return schemathesis.openapi.from_dict(raw).include(path_regex="^/api/v1/")


def _fuzz(operation: APIOperation, office: Office, token: str, failures: list[str]) -> None:
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: report, do not minimise
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def run(case: Case) -> None:
        for headers in (None, {"Authorization": f"Bearer {token}"}):
            response = case.call(base_url=office.url, headers=headers, timeout=30)
            where = f"{case.method} {case.formatted_path} ({'token' if headers else 'generated'})"
            if response.status_code >= 500:
                failures.append(f"{where} -> {response.status_code}: {response.text[:200]}")
            elif response.status_code >= 400 and case.method != "HEAD":
                # Every refusal is one line of text in {"detail": ...}.
                try:
                    detail = response.json().get("detail")
                except ValueError:
                    detail = None
                if not isinstance(detail, str) or "\n" in detail:
                    failures.append(f"{where} -> {response.status_code}: {response.text[:200]}")

    run()


def test_no_request_to_the_device_api_gets_a_server_error(
    fuzz_office: tuple[Office, str],
) -> None:
    office, token = fuzz_office
    operations = [result.ok() for result in _device_api(office).get_all_operations()]
    assert {op.path for op in operations} >= {
        "/api/v1/ping",
        "/api/v1/device/key",
        "/api/v1/manifests",
        "/api/v1/blobs/{sha}",
        "/api/v1/packages/{package_id}/revisions/{revision}/commit",
        "/api/v1/inbox",
        "/api/v1/assignments",
        "/api/v1/assignments/{job_id}/revisions/{revision}",
    }
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, office, token, failures)
    assert not failures, "\n".join(failures[:20])
