"""Maintenance and reinstallation packages: sealed with their kind, reviewed, the WIUP overview."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

import httpx
from inspectkit import ANTENNA_M, VISIT, capture_at, documented_job, jpeg, stake_position
from PIL import Image
from reviewkit import reviewer
from synckit import Office, Reviewer, run_cli

from fieldapp.store import JobStore
from fieldapp.store.records import now_iso
from fieldapp.sync.outbox import list_outbox

TODAY = dt.date.today()


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def install(job: Path, installed: dict[str, int]) -> None:
    """Markers set in the ground ``days`` ago: a finished occupation for the first, the
    marker's own last change for the others (both are what the package reads)."""
    with JobStore.open(job) as store, store.transaction() as db:
        for n, (name, days) in enumerate(installed.items()):
            stamp = f"{ago(days)}T03:00:00.000+00:00"
            db.execute(
                "UPDATE marker SET status = 'installed', updated_at = ? WHERE name = ?",
                [stamp, name],
            )
            if n == 0:
                db.execute(
                    "INSERT INTO occupation (uuid, marker_id, state, started_at, ended_at,"
                    " updated_at, profile, profile_json)"
                    " SELECT ?, id, 'finished', ?, ?, ?, 'static', '{}' FROM marker WHERE name = ?",
                    [str(uuid.uuid4()), stamp, stamp, stamp, name],
                )


def photo(job: Path, rel: str, colour: tuple[int, int, int]) -> tuple[str, str]:
    """A real JPEG at ``rel`` (relative to the job folder): (rel, sha256)."""
    path = job / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return rel, hashlib.sha256(path.read_bytes()).hexdigest()


def inspect(
    job: Path,
    marker: str,
    days: int,
    condition: str,
    *,
    photos: tuple[tuple[str, str, str], ...] = (),
    check: tuple[float, float, bool] | None = None,
    surveyor: str | None = "Budi Santoso",
) -> None:
    """An inspection row as maint's `marker inspect` stores it (schema_maintenance.py)."""
    with JobStore.open(job) as store, store.transaction() as db:
        sid = db.execute("SELECT id FROM surveyor WHERE name = ?", [surveyor]).fetchone()
        if sid is None and surveyor is not None:
            sid = (db.execute("INSERT INTO surveyor (name) VALUES (?)", [surveyor]).lastrowid,)
        values: dict[str, Any] = {
            "uuid": str(uuid.uuid4()),
            "marker_id": db.execute("SELECT id FROM marker WHERE name = ?", [marker]).fetchone()[0],
            "inspected_on": ago(days),
            "surveyor_id": sid[0] if sid else None,
            "condition": condition,
            "vegetation_cleared": 1,
            "access_condition": "jalan tanah, bisa dilalui motor",
            "action_taken": "dibersihkan" if condition == "baik" else "dilaporkan",
            "recorded_at": now_iso(),  # entered now, whatever day the visit was
        }
        if check is not None:
            horizontal, tolerance, passed = check
            values |= {
                "check_source": "gnss",
                "check_detail": "RTK fix, 30 epoch",
                "check_lat": -1.3,
                "check_lon": 116.1,
                "check_dn_m": horizontal,
                "check_de_m": 0.0,
                "check_horizontal_m": horizontal,
                "check_tolerance_m": tolerance,
                "check_passed": int(passed),
            }
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = db.execute(f"INSERT INTO inspection ({cols}) VALUES ({marks})", list(values.values()))
        for rel, sha, direction in photos:
            db.execute(
                "INSERT INTO inspection_photo (uuid, inspection_id, direction, file_name,"
                " original_name, sha256, size_bytes, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [str(uuid.uuid4()), cur.lastrowid, direction, rel, Path(rel).name, sha, 1, ago(1)],
            )


def open_reinstallation(job: Path, marker: str, reason: str) -> None:
    with JobStore.open(job) as store, store.transaction() as db:
        db.execute(
            "INSERT INTO reinstallation (uuid, marker_id, reason, inspection_id, status_before,"
            " opened_at) SELECT ?, m.id, ?, (SELECT MAX(i.id) FROM inspection i"
            " WHERE i.marker_id = m.id), m.status, ? FROM marker m WHERE m.name = ?",
            [str(uuid.uuid4()), reason, now_iso(), marker],
        )


def seal_push(job: Path, office: Office, token: str) -> tuple[str, int, str]:
    """(package id, revision, kind) of the revision sealed and pushed now."""
    sealed = run_cli("sync", "seal", str(job))
    assert sealed.returncode == 0, sealed.stderr
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token", token)
    assert pushed.returncode == 0, pushed.stderr
    with JobStore.open(job) as store:
        entry = list_outbox(store.db)[-1]
        info = (job / entry.bag_dir / "bag-info.txt").read_text(encoding="utf-8")
    kind = next(
        line.split(": ", 1)[1] for line in info.splitlines() if line.startswith("Fieldapp-")
    )
    assert f"({kind})" in sealed.stdout
    return entry.package_id, entry.revision, kind


def accept(client: httpx.Client, office: Office, job: Path, token: str, pid: str, rev: int) -> None:
    answer = client.post(
        f"/review/packages/{pid}/{rev}/decision", data={"action": "accept", "notes": "lengkap"}
    )
    assert answer.status_code == 303, answer.text
    pulled = run_cli("sync", "pull", str(job), "--office", office.url, "--token", token)
    assert pulled.returncode == 0 and "accepted" in pulled.stdout, pulled.stdout


def test_maintenance_and_reinstallation_packages_reach_the_wiup_overview(
    job: Path, office: Office, device_token: str, staff: Reviewer, tmp_path: Path
) -> None:
    client = reviewer(office, staff)
    install(job, {"1": 400, "2": 400, "3": 300, "4": 400})
    pid, rev, kind = seal_push(job, office, device_token)
    assert (rev, kind) == (1, "pemasangan")
    accept(client, office, job, device_token, pid, rev)

    # Six-monthly visits: 1 fine and measured, 2 damaged long ago, 4 lost lately; 3 never.
    veg = photo(job, "photos/pemeliharaan/TB1_vegetasi.jpg", (40, 160, 40))
    # A photo outside the payload folders travels too (named relative to the job folder).
    north = photo(job, "pemeliharaan/TB1_utara.jpg", (90, 90, 200))
    inspect(
        job,
        "1",
        30,
        "baik",
        photos=((*veg, "vegetasi"), (*north, "utara")),
        check=(0.012, 0.05, True),
    )
    inspect(job, "2", 250, "rusak")
    inspect(job, "4", 20, "hilang", surveyor="<script>alert(1)</script>")
    pid, rev, kind = seal_push(job, office, device_token)
    assert kind == "pemeliharaan"
    page = client.get(f"/review/packages/{pid}/{rev}")
    assert page.status_code == 200
    assert "Jenis paket: <b class='kind'>pemeliharaan</b>" in page.text
    assert "Pemeriksaan pemeliharaan" in page.text and "lulus" in page.text
    # All three visits are new against the accepted installation package.
    assert page.text.count("<td class='new'>baru</td>") == 3
    # The inspection photos are in the package, hashes as sealed, and shown for review.
    for rel, sha in (veg, north):
        served = client.get(f"/review/packages/{pid}/{rev}/files/data/{rel}")
        assert served.status_code == 200 and hashlib.sha256(served.content).hexdigest() == sha
        assert f"preview/data/{rel}" in page.text
    # Nobody's name is markup: the surveyor typed as a script is text.
    assert "<script>" not in page.text and "&lt;script&gt;alert(1)" in page.text

    # Before it is accepted, the overview still shows the installation as accepted.
    before = client.get(f"/review/api/wiup/{job_id(job)}").json()
    assert before["awaiting_review"] == 1
    assert before["source"]["kind"] == "pemasangan"
    assert {m["name"]: m["condition"] for m in before["markers"]}["1"] is None
    accept(client, office, job, device_token, pid, rev)

    open_reinstallation(job, "4", "Tanda Batas hilang, tertimbun longsoran")
    pid, rev, kind = seal_push(job, office, device_token)
    assert kind == "pemasangan-ulang"
    page = client.get(f"/review/packages/{pid}/{rev}")
    assert "Pemasangan ulang" in page.text and "tertimbun longsoran" in page.text
    # Only the reinstallation is new: the visits were accepted with the previous revision.
    assert page.text.count("<td class='new'>baru</td>") == 1
    assert "<td class='new'>berubah</td>" not in page.text
    accept(client, office, job, device_token, pid, rev)

    data = client.get(f"/review/api/wiup/{job_id(job)}").json()
    assert data["source"] == {
        "package_id": pid,
        "revision": rev,
        "kind": "pemasangan-ulang",
        "accepted_at": data["source"]["accepted_at"],
    }
    markers = {m["name"]: m for m in data["markers"]}
    one, two, three, four = (markers[n] for n in "1234")
    assert (one["condition"], one["last_inspection"], one["overdue"]) == ("baik", ago(30), False)
    assert one["check_passed"] is True and one["photos"] == 2 and not one["needs_action"]
    assert one["installed_on"] == ago(400)  # from its finished occupation
    assert (two["condition"], two["overdue"], two["needs_action"]) == ("rusak", True, True)
    assert (three["condition"], three["last_inspection"], three["overdue"]) == (None, None, True)
    assert three["due_on"] < TODAY.isoformat()
    assert (four["condition"], four["overdue"], four["needs_action"]) == ("hilang", False, True)
    assert four["open_reinstallation"] == "Tanda Batas hilang, tertimbun longsoran"
    assert markers["1A"]["installed_on"] is None and markers["1A"]["overdue"] is False
    assert data["counts"] == {
        "markers": 5,
        "installed": 4,
        "overdue": 2,
        "needing_action": 2,
        "open_reinstallations": 1,
    }
    assert data["awaiting_review"] == 0

    listing = client.get("/review/api/wiup").json()["wiup"]
    assert [(w["job_name"], w["counts"]["overdue"]) for w in listing] == [("WIUP Sungai Batu", 2)]

    html = client.get(f"/review/wiup/{job_id(job)}")
    assert html.status_code == 200
    assert html.headers["content-security-policy"].startswith("default-src 'none'")
    assert "terlambat diperiksa: 2" in html.text and "TERLAMBAT" in html.text
    assert "tertimbun longsoran" in html.text and "&lt;script&gt;" in html.text
    assert "<script>" not in html.text
    packages = client.get("/review").text  # each package's kind in the list
    for kind in ("pemasangan", "pemeliharaan", "pemasangan ulang"):
        assert f"<td>{kind}</td>" in packages
    index = client.get("/review/wiup")
    assert "WIUP Sungai Batu" in index.text and "/review/wiup/" in index.text
    (tmp_path / "wiup.html").write_text(html.text, encoding="utf-8")


def job_id(job: Path) -> str:
    with JobStore.open(job) as store:
        row = store.db.execute("SELECT job_uuid FROM permit_area WHERE id = 1").fetchone()
    return str(row[0])


def test_seal_kind_can_be_given(job: Path) -> None:
    sealed = run_cli("sync", "seal", str(job), "--kind", "pemeliharaan")
    assert sealed.returncode == 0, sealed.stderr
    assert "(pemeliharaan)" in sealed.stdout
    bad = run_cli("sync", "seal", str(job), "--kind", "perbaikan")
    assert bad.returncode != 0 and "invalid choice" in bad.stderr


def test_an_inspection_photo_missing_from_the_job_stops_the_seal(job: Path) -> None:
    install(job, {"1": 100})
    inspect(job, "1", 5, "baik", photos=(("photos/pemeliharaan/hilang.jpg", "0" * 64, "utara"),))
    sealed = run_cli("sync", "seal", str(job))
    assert sealed.returncode != 0 and "Traceback" not in sealed.stderr
    assert "hilang.jpg: inspection photo missing from the job" in sealed.stderr
    with JobStore.open(job) as store:
        assert list_outbox(store.db) == []
    assert json.loads(run_cli("sync", "status", str(job), "--json").stdout) == []


def test_real_inspections_and_a_reinstallation_travel_to_the_office(
    office: Office, device_token: str, staff: Reviewer, tmp_path: Path
) -> None:
    """`marker inspect` (photos, a GNSS check shot) and `marker reinstall` on the documented demo
    job, sealed and pushed through the CLI; the office reviews and shows what they recorded."""
    job = documented_job(tmp_path / "demo.fieldapp")
    client = reviewer(office, staff)
    pid, rev, kind = seal_push(job, office, device_token)
    assert kind == "pemasangan"
    accept(client, office, job, device_token, pid, rev)

    lat, lon, h = stake_position(job, "4")
    assert h is not None
    cap = capture_at(tmp_path / "cek.nmea", lat, lon, h, north_m=0.02)
    veg = jpeg(tmp_path / "veg.jpg")
    inspected = run_cli(
        "marker", "inspect", str(job), "4", "--condition", "baik", "--vegetation-cleared", "yes",
        "--photo", str(veg), "--direction", "vegetasi", "--date", VISIT.isoformat(),
        "--check-nmea", str(cap), "--antenna-height", str(ANTENNA_M),
    )  # fmt: skip
    assert inspected.returncode == 0, inspected.stderr
    lost = run_cli(
        "marker", "inspect", str(job), "4A", "--condition", "hilang",
        "--vegetation-cleared", "no", "--date", VISIT.isoformat(),
        "--photo", str(jpeg(tmp_path / "lubang.jpg", "detail", "Tanda Batas 4A")),
        "--direction", "detail",
    )  # fmt: skip
    assert lost.returncode == 0, lost.stderr
    opened = run_cli("marker", "reinstall", str(job), "4A", "--reason", "tugu hilang, longsor")
    assert opened.returncode == 0, opened.stderr
    pid, rev, kind = seal_push(job, office, device_token)
    assert kind == "pemasangan-ulang"  # a reinstallation outranks the inspections beside it
    with JobStore.open(job) as store:
        bag = job / list_outbox(store.db)[-1].bag_dir
    record = json.loads((bag / "data/pemeliharaan.json").read_text(encoding="utf-8"))
    [photo_ref] = record["inspections"][0]["photos"]
    assert photo_ref["file"].startswith("data/photos/pemeliharaan/")
    assert hashlib.sha256((bag / photo_ref["file"]).read_bytes()).hexdigest() == photo_ref["sha256"]

    page = client.get(f"/review/packages/{pid}/{rev}").text
    assert "Jenis paket: <b class='kind'>pemasangan ulang</b>" in page
    assert "tugu hilang, longsor" in page and page.count("<td class='new'>baru</td>") == 3
    accept(client, office, job, device_token, pid, rev)
    with JobStore.open(job) as store:
        jid = store.db.execute("SELECT job_uuid FROM permit_area").fetchone()[0]
    data = client.get(f"/review/api/wiup/{jid}").json()
    markers = {m["name"]: m for m in data["markers"]}
    four, four_a = markers["4"], markers["4A"]
    assert (four["condition"], four["check_passed"], four["photos"]) == ("baik", True, 1)
    assert four["last_inspection"] == VISIT.isoformat() and not four["overdue"]
    assert four_a["condition"] == "hilang" and four_a["needs_action"]
    assert four_a["open_reinstallation"] == "tugu hilang, longsor"
    assert data["open_reinstallations"][0]["progress"] == "planned"
    installed = [m for m in data["markers"] if m["installed_on"]]
    assert {m["name"] for m in installed} >= {"4", "4A", "4B"}
    assert all(m["due_on"] > m["installed_on"] for m in installed)
