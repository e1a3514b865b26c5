"""`fieldapp sync pull-assignments` against a hostile office: bombs, bad JSON, wrong types.

A small HTTP server on 127.0.0.1 plays the office (or whoever answers in its place) and sends
crafted answers; the real CLI runs under probe(): one line, exit 1/2 (or the assignment shown
as NOT APPLIED), bounded memory, no traceback, and no job folder or half-written one left.
"""

from __future__ import annotations

import copy
import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from probe import PEAK_MB_LIMIT, assert_clean_refusal, probe

from fieldapp.demo_job import create_demo_job
from fieldapp.sync.jobspec import spec_from_job

JOB_ID = "job-1"
SPEC_PATH = f"/api/v1/assignments/{JOB_ID}/revisions/1"


class HostileOffice:
    """Serves ``answers[path] = (headers, body)``; anything else is a 404."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[dict[str, str], bytes]] = {}
        answers = self.answers

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                headers, body = answers.get(path, ({}, b"{}"))
                known = path in answers
                after = parse_qs(query).get("after", [""])[0]
                if f"{path}?after={after}" in answers:  # the next page, once this one is read
                    headers, body = answers[f"{path}?after={after}"]
                self.send_response(200 if known else 404)
                for key, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def page(self, events: Any = (), cursor: Any = 1, raw: bytes | None = None,
             headers: dict[str, str] | None = None) -> None:  # fmt: skip
        doc = {"events": list(events), "cursor": cursor}
        body = raw if raw is not None else json.dumps(doc).encode()
        self.answers["/api/v1/assignments"] = (headers or {}, body)
        if raw is None and isinstance(cursor, int) and cursor > 0:
            # As the real office: after the last event, an empty page at the same cursor.
            end = json.dumps({"events": [], "cursor": cursor}).encode()
            self.answers[f"/api/v1/assignments?after={cursor}"] = ({}, end)

    def spec(self, spec: Any, raw: bytes | None = None) -> None:
        body = raw if raw is not None else json.dumps({"spec": spec}).encode()
        self.answers[SPEC_PATH] = ({}, body)


def _event(**changes: Any) -> dict[str, Any]:
    event = {"id": 1, "job_id": JOB_ID, "revision": 1, "name": "WIUP", "spec_sha256": "",
             "notes": None, "actor": "kantor", "at": "2026-12-01T00:00:00Z"}  # fmt: skip
    event.update(changes)
    return event


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[HostileOffice]:
    office = HostileOffice()
    office.thread.start()
    monkeypatch.setenv("FIELDAPP_TOKEN", "token-of-this-laptop")
    monkeypatch.setenv("FIELDAPP_SECRETS", "file")
    yield office
    office.server.shutdown()
    office.server.server_close()


@pytest.fixture(scope="module")
def good_spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with create_demo_job(tmp_path_factory.mktemp("spec") / "demo.fieldapp") as store:
        doc = spec_from_job(store.db)
    doc["job_id"] = JOB_ID
    return doc


def _pull(office: HostileOffice, jobs: Path) -> Any:
    jobs.mkdir(exist_ok=True)
    return probe("sync", "pull-assignments", "--jobs-dir", jobs, "--office", office.url)


def _left(jobs: Path) -> list[str]:
    return sorted(p.name for p in jobs.iterdir() if p.name != ".fieldapp-assignments.json")


PAGE_CASES = {
    # 1 MB of gzip expanding to 256 MB: refused at 8 MB decoded, never held whole.
    "gzip bomb": dict(
        raw=gzip.compress(b" " * (256 * 2**20), 1), headers={"Content-Encoding": "gzip"}
    ),
    "bad gzip": dict(raw=b"\x1f\x8b\x08\x00garbage", headers={"Content-Encoding": "gzip"}),
    "bad JSON": dict(raw=b'{"events": [1, 2,'),
    "not UTF-8": dict(raw=b'{"events": ["\xff\xfe"]}'),
    "NaN cursor": dict(raw=b'{"events": [], "cursor": NaN}'),
    "deep nesting": dict(raw=b"[" * 200_000 + b"]" * 200_000),
    "a list, not an object": dict(raw=b"[]"),
    "5000 events": dict(events=[_event(id=i) for i in range(1, 5001)], cursor=5000),
    "revision as text": dict(events=[_event(revision="1; DROP")]),
    "revision NaN": dict(
        raw=json.dumps({"events": [_event(revision=float("nan"))], "cursor": 1}).encode()
    ),
    "job_id missing": dict(events=[{k: v for k, v in _event().items() if k != "job_id"}]),
    "event not an object": dict(events=["x"]),
    "cursor that never moves": dict(events=[_event()], cursor=0),
    "negative cursor": dict(events=[], cursor=-5),
    "huge name": dict(events=[_event(name="x" * 20_000)]),
    "bad sha": dict(events=[_event(spec_sha256="../../etc/passwd")]),
}


@pytest.mark.parametrize("case", sorted(PAGE_CASES))
def test_a_hostile_assignment_page_is_refused_in_one_line(
    hostile: HostileOffice, tmp_path: Path, case: str
) -> None:
    hostile.page(**PAGE_CASES[case])
    jobs = tmp_path / "jobs"
    result = _pull(hostile, jobs)
    assert_clean_refusal(result, "the office")
    assert result.returncode == 1
    assert _left(jobs) == [], case


def _nan_lat(spec: dict[str, Any]) -> bytes:
    spec["data"]["boundary_points.geojson"]["features"][0]["properties"]["lat"] = float("nan")
    return json.dumps({"spec": spec}).encode()  # Python writes NaN; JSON has no such thing


def _many(spec: dict[str, Any]) -> dict[str, Any]:
    features = spec["data"]["boundary_points.geojson"]["features"]
    features[:] = [copy.deepcopy(features[0]) for _ in range(6000)]
    return spec


def _wrong(path: tuple[Any, ...], value: Any) -> Any:
    def change(spec: dict[str, Any]) -> dict[str, Any]:
        node: Any = spec
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return spec

    return change


BOUNDARY = ("data", "boundary_points.geojson", "features", 0, "properties")
ZONE = ("data", "neighbor_areas.geojson")
SPEC_CASES: dict[str, Any] = {
    "NaN latitude": _nan_lat,
    "6000 boundary points": _many,
    "latitude as text": _wrong((*BOUNDARY, "lat"), "0° 31' LS"),
    "latitude 1e308": _wrong((*BOUNDARY, "lat"), 1e308),
    "job id with a path": _wrong(("job_id",), "../../etc"),
    "surveyors not a list": _wrong(("data", "job.json", "surveyors"), 7),
    "area with NaN vertex": _wrong(ZONE, {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "X"},
         "geometry": {"type": "Polygon", "coordinates": [[[116.9, -0.5], [116.91, -0.5],
                                                          [116.91, 1e999], [116.9, -0.5]]]}}]}),
    "geometry bomb": _wrong(ZONE, {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "X"},
         "geometry": {"type": "Polygon",
                      "coordinates": [[[116.9, -0.5]] * 250_000]}}]}),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(SPEC_CASES))
def test_a_hostile_spec_creates_no_job(
    hostile: HostileOffice, tmp_path: Path, good_spec: dict[str, Any], case: str
) -> None:
    hostile.page([_event()])
    made = SPEC_CASES[case](copy.deepcopy(good_spec))
    if isinstance(made, bytes):
        hostile.spec(None, raw=made)
    else:
        hostile.spec(made)
    jobs = tmp_path / "jobs"
    result = _pull(hostile, jobs)
    assert not result.traceback and result.peak_mb < PEAK_MB_LIMIT, result.describe()
    assert result.returncode == 0, result.describe()  # the pull itself went well
    [line] = [ln for ln in result.stdout.splitlines() if ln.startswith("NOT APPLIED")]
    assert "refused" in line and "no job was created" in line, result.describe()
    assert _left(jobs) == [], case  # no job folder, no .partial


def test_a_name_with_a_path_stays_in_the_jobs_folder(
    hostile: HostileOffice, tmp_path: Path, good_spec: dict[str, Any]
) -> None:
    spec = copy.deepcopy(good_spec)
    spec["data"]["job.json"]["permit_area"]["name"] = "../../../CON"
    hostile.page([_event(name="../../../CON")])
    hostile.spec(spec)
    jobs = tmp_path / "deep" / "jobs"
    jobs.parent.mkdir()
    result = _pull(hostile, jobs)
    assert result.returncode == 0, result.describe()
    [made] = _left(jobs)
    assert made.endswith(".fieldapp") and "/" not in made and ".." not in made
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["jobs"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep"]
