"""A hostile device's pemeliharaan.json and package kind: refused with the field named, or shown as
text; the office stays up and the overview keeps working."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from reviewkit import reviewer
from synckit import Office, Reviewer

import fieldapp.sync.export
import fieldapp.sync.package
from fieldapp.store import JobStore
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.maintenance_export import MAINTENANCE_FILE
from fieldapp.sync.outbox import list_outbox
from fieldapp.sync.package import seal_job
from fieldapp.sync.push import PushJob, PushOutcome, PushStatus

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"


def record(**changes: Any) -> dict[str, Any]:
    """A well-formed record of the test job (markers 1..4 and 1A), changed as given."""
    doc: dict[str, Any] = {
        "format": "fieldapp-pemeliharaan",
        "version": 1,
        "markers": [
            {"name": n, "kind": "corner", "status": "installed", "installed_on": "2024-01-10"}
            for n in ("1", "2", "3", "4", "1A")
        ],
        "inspections": [
            {
                "uuid": "i-1",
                "marker": "1",
                "inspected_on": "2024-03-01",
                "surveyor": "Budi Santoso",
                "condition": "baik",
                "vegetation_cleared": True,
                "access_condition": None,
                "action_taken": None,
                "note": None,
                "check": None,
                "photos": [],
                "recorded_at": "2024-03-01T08:00:00+00:00",
                "withdrawn_at": None,
                "withdrawn_reason": None,
            }
        ],
        "reinstallations": [],
    }
    doc.update(changes)
    return doc


def inspection(**changes: Any) -> dict[str, Any]:
    return {**record()["inspections"][0], **changes}


def push_with(
    job: Path, office: Office, token: str, payload: bytes, kind: Any = None
) -> PushOutcome:
    """Seal with ``payload`` as data/pemeliharaan.json (signed: the device's key is valid)."""
    real = fieldapp.sync.export.export_job

    def rewrite(db: Any) -> dict[str, bytes]:
        return {**real(db), MAINTENANCE_FILE: payload}

    with pytest.MonkeyPatch.context() as patch, JobStore.open(job) as store:
        patch.setattr(fieldapp.sync.export, "export_job", rewrite)
        # A hostile device skips the seal's own check that every photo named is in the job.
        patch.setattr(fieldapp.sync.package, "photo_files", lambda record: [])
        seal_job(store, load_or_create_identity(), kind)
    return PushJob(job, office.url, token).run()


def as_json(doc: Any) -> bytes:
    return json.dumps(doc).encode("utf-8")


REFUSED: list[tuple[str, bytes, str]] = [
    ("not JSON", b"{'markers': ", "invalid JSON"),
    ("not UTF-8", b'{"format": "\xff"}', "not UTF-8"),
    ("a list", as_json([1, 2]), "pemeliharaan.json: an object was expected"),
    ("other format", as_json(record(format="x")), "not fieldapp-pemeliharaan version 1"),
    ("markers not a list", as_json(record(markers={"1": 1})), "markers: a list expected"),
    (
        "marker name a number",
        as_json(record(markers=[{"name": 5, "status": "installed"}])),
        "markers[0].name: a non-empty text",
    ),
    (
        "condition markup",
        as_json(record(inspections=[inspection(condition=SCRIPT)])),
        "inspections[0].condition: one of baik, rusak",
    ),
    (
        "flag a string",
        as_json(record(inspections=[inspection(vegetation_cleared="yes")])),
        "inspections[0].vegetation_cleared: true or false expected, got str",
    ),
    (
        "date not a date",
        as_json(record(inspections=[inspection(inspected_on="2024-02-30")])),
        "inspections[0].inspected_on: a date YYYY-MM-DD",
    ),
    (
        "date in the future",
        as_json(record(inspections=[inspection(inspected_on="2999-01-01")])),
        "inspections[0].inspected_on: 2999-01-01 is in the future",
    ),
    (
        "unknown marker",
        as_json(record(inspections=[inspection(marker="99")])),
        "inspections[0].marker: '99' is not a marker of the job",
    ),
    (
        "huge text",
        as_json(record(inspections=[inspection(note="x" * 100_000)])),
        "inspections[0].note: a non-empty text of at most 2000 characters",
    ),
    (
        "infinite delta",
        as_json(record(inspections=[inspection(check={})])).replace(
            b'"check": {}',
            b'"check": {"source": "gnss", "tolerance_m": 0.05, "horizontal_m": 1e999}',
        ),
        "inspections[0].check.horizontal_m: a finite number",
    ),
    (
        "Infinity constant",
        b'{"format": "fieldapp-pemeliharaan", "version": 1, "markers": [], "x": Infinity}',
        "Infinity is not a JSON number",
    ),
    ("huge integer", b'{"version": ' + b"9" * 5000 + b"}", "invalid JSON"),
    ("deep nesting", b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    (
        "too many records",
        as_json(record(reinstallations=[{}] * 20_001)),
        "reinstallations: more than 20,000 entries",
    ),
    (
        "photo not in the package",
        as_json(
            record(
                inspections=[
                    inspection(
                        photos=[
                            {"file": "data/photos/x.jpg", "sha256": "a" * 64, "direction": "utara"}
                        ]
                    )
                ]
            )
        ),
        "photo 'data/photos/x.jpg' is not in the package",
    ),
]


def test_hostile_maintenance_data_is_refused_or_shown_as_text(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    client = reviewer(office, staff)
    for what, payload, reason in REFUSED:
        outcome = push_with(job, office, device_token, payload)
        assert outcome.status == PushStatus.FAILED, what
        assert "office refused (422)" in (outcome.error or ""), (what, outcome.error)
        assert reason in (outcome.error or ""), (what, outcome.error)
        assert client.get("/api/v1/ping").status_code == 200
    # A kind the office does not know, in the signed bag-info.
    outcome = push_with(
        job, office, device_token, as_json(record()), kind=SimpleNamespace(value=SCRIPT)
    )
    assert outcome.status == PushStatus.FAILED
    assert "Fieldapp-Package-Kind is '<script>" in (outcome.error or "")
    # Nothing refused became a package to review; the overview has nothing to show.
    assert "WIUP Sungai Batu" not in client.get("/review").text
    assert client.get("/review/api/wiup").json()["wiup"] == []

    # Well-formed records full of markup are accepted, and stay text everywhere.
    markers = [{"name": n, "status": "installed", "installed_on": "2024-01-10"} for n in "12"]
    markers.append({"name": IMG, "status": "installed", "installed_on": "2020-01-01"})
    hostile = record(
        markers=markers,
        inspections=[
            inspection(
                marker=IMG,
                surveyor=SCRIPT,
                condition="hilang",
                access_condition=SCRIPT,
                action_taken=IMG,
                note="</td></tr></table>" + SCRIPT,
                check={"source": "ts", "horizontal_m": -0.5, "tolerance_m": 0.05, "passed": False},
            )
        ],
        reinstallations=[
            {
                "uuid": "r-1",
                "marker": IMG,
                "reason": SCRIPT,
                "status": "terbuka",
                "opened_at": "2024-03-02T01:00:00+00:00",
            }
        ],
    )
    outcome = push_with(job, office, device_token, as_json(hostile))
    assert outcome.status == PushStatus.FINISHED, outcome.error
    with JobStore.open(job) as store:
        entry = list_outbox(store.db)[-1]
    page = client.get(f"/review/packages/{entry.package_id}/{entry.revision}")
    assert page.status_code == 200
    for text in (page.text,):
        assert "<script" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&lt;img src=x onerror=alert(2)&gt;" in text
    decided = client.post(
        f"/review/packages/{entry.package_id}/{entry.revision}/decision",
        data={"action": "accept", "notes": "uji"},
    )
    assert decided.status_code == 303
    job_id = client.get("/review/api/wiup").json()["wiup"][0]["job_id"]
    overview = client.get(f"/review/wiup/{job_id}").text
    assert "<script" not in overview and "<img src=x" not in overview
    assert "&lt;img src=x onerror=alert(2)&gt;" in overview and "TERLAMBAT" in overview
    data = client.get(f"/review/api/wiup/{job_id}").json()
    lost = next(m for m in data["markers"] if m["name"] == IMG)
    assert lost["condition"] == "hilang" and lost["open_reinstallation"] == SCRIPT
    assert lost["check_passed"] is False and lost["overdue"] is True
    index = client.get("/review/wiup").text
    assert "<script" not in index


def test_a_package_from_before_maintenance_is_shown_with_the_problem_named(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    """An office holds packages sealed before pemeliharaan.json existed: no crash, words."""
    client = reviewer(office, staff)
    real = fieldapp.sync.export.export_job

    def older(db: Any) -> dict[str, bytes]:
        return {k: v for k, v in real(db).items() if k != MAINTENANCE_FILE}

    without: Callable[[Any], dict[str, bytes]] = older
    with pytest.MonkeyPatch.context() as patch, JobStore.open(job) as store:
        patch.setattr(fieldapp.sync.export, "export_job", without)
        sealed = seal_job(store, load_or_create_identity())
    assert PushJob(job, office.url, device_token).run().status == PushStatus.FINISHED
    url = f"/review/packages/{sealed.package_id}/{sealed.revision}"
    assert "Jenis paket" in client.get(url).text
    client.post(f"{url}/decision", data={"action": "accept", "notes": "lama"})
    job_id = client.get("/review/api/wiup").json()["wiup"][0]["job_id"]
    data = client.get(f"/review/api/wiup/{job_id}").json()
    assert data["markers"] == [] and "tidak membawa data/pemeliharaan.json" in data["problems"][0]
    assert client.get(f"/review/wiup/{job_id}").status_code == 200
    assert client.get("/review/wiup/no-such-job").status_code == 404
