"""A lost marker reinstalled by the CLI: its own records and berita acara, original kept."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.cli import main
from fieldapp.demo_documented import (
    RECEIVER_SERIALS,
    export_documented_demo,
    synthetic_photo,
)
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.reports.data import load_report_data
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.local import metres_per_degree

MARKER = "4"
REASON = "Tanda batas hilang, tugu beton tercabut oleh alat berat"
SURVEYOR = "Budi Santoso, S.T."
WITNESSES = (
    ("Suparman", "Kantor Desa Jembayan", "district_village_officer"),
    ("Ir. Hendra Wijaya", "PT Tetangga Batubara Sejahtera", "neighbour_permit_holder"),
)
# Every record the original installation is made of: none may change.
ORIGINAL_TABLES = ("stake", "occupation", "photo", "witness", "reference_marker")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_documented_demo(
        tmp_path_factory.mktemp("reinst") / "demo.fieldapp", background=False
    )


@pytest.fixture
def job(template: Path, tmp_path: Path) -> str:
    path = tmp_path / "job.fieldapp"
    shutil.copytree(template, path)
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def capture(job: str, path: Path, north_m: float, east_m: float) -> Path:
    """40 s of RTK fixes on the new monument, ``north_m``/``east_m`` off the design point."""
    with JobStore.open(job) as store:
        m = rec.load_marker(store.db, MARKER)
    kn, ke = metres_per_degree(m.lat)
    yesterday = dt.datetime.now(dt.UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    sim = Simulator(
        SimConfig(
            start_lat=m.lat + north_m / kn,
            start_lon=m.lon + east_m / ke,
            height_m=(m.h if m.h is not None else 95.0) + 0.2 + 1.8,
            noise_m=0.006,
            noise_up_m=0.012,
            start=yesterday - dt.timedelta(days=1),
            seed=7,
        )
    )
    path.write_bytes(b"".join(sim.next_epoch() for _ in range(40)))
    return path


def text_of(pdf: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)


def original_rows(job: str) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(Path(job) / "job.sqlite")
    try:
        rows = {
            t: con.execute(
                f"SELECT * FROM {t} WHERE reinstallation_id IS NULL ORDER BY id"
            ).fetchall()
            for t in ORIGINAL_TABLES
        }
        rows["marker_description"] = con.execute("SELECT * FROM marker_description").fetchall()
        rows["marker"] = con.execute("SELECT name, status FROM marker ORDER BY id").fetchall()
        return rows
    finally:
        con.close()


def db_count(job: str, sql: str) -> int:
    con = sqlite3.connect(Path(job) / "job.sqlite")
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def reinstall_fully(
    capsys: pytest.CaptureFixture[str], job: str, tmp_path: Path, *extra: str
) -> None:
    """Open, occupy (a GNSS capture), describe, five photos and two witnesses."""
    out = ok(capsys, "marker", "reinstall", job, MARKER, "--reason", REASON, *extra)
    assert "opened" in out
    cap = capture(job, tmp_path / "cap.nmea", north_m=0.03, east_m=-0.04)
    out = ok(capsys, "marker", "occupy", job, MARKER, "--replay", str(cap),
             "--antenna-height", "1.8", "--antenna-height-after", "1.801", "--base", "BM-02",
             "--instrument", RECEIVER_SERIALS, "--surveyor", SURVEYOR)  # fmt: skip
    assert "within 0.10 m" in out
    ok(capsys, "marker", "describe", job, MARKER, "--desa", "Jembayan", "--kecamatan",
       "Loa Kulu", "--kabupaten", "Kutai Kartanegara", "--provinsi", "Kalimantan Timur",
       "--access", "Dari jalan hauling km 12 ke utara ±350 m",
       "--condition", "Baik: tugu beton baru 20×20×100 cm, dipasang ulang",
       "--surveyor", SURVEYOR)  # fmt: skip
    for d in ("utara", "timur", "selatan", "barat", "detail"):
        path = tmp_path / f"ulang_{d}.jpg"
        synthetic_photo(path, (400, 300), "Tanda Batas 4 (ulang)", d, dt.datetime(2026, 11, 30))
        ok(capsys, "marker", "photo", job, MARKER, str(path), "--direction", d)
    for name, institution, category in WITNESSES:
        ok(capsys, "marker", "witness", job, MARKER, "--name", name, "--institution",
           institution, "--category", category)  # fmt: skip


def test_lost_marker_reinstalled_with_its_own_berita_acara(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before_pdf = tmp_path / "ba_before.pdf"
    ok(capsys, "report", "berita-acara", job, "-o", str(before_pdf), "-q")
    before_rows = original_rows(job)
    with JobStore.open(job) as store:
        old = load_report_data(store, names=[MARKER]).markers[0]

    reinstall_fully(capsys, job, tmp_path)
    out = ok(capsys, "marker", "reinstall", job, MARKER)
    assert "open, status documented (original installation: documented)" in out

    # Nothing of the original changed: its rows, the marker's status, its berita acara.
    assert original_rows(job) == before_rows
    after_pdf = tmp_path / "ba_after.pdf"
    ok(capsys, "report", "berita-acara", job, "-o", str(after_pdf), "-q")
    assert after_pdf.read_bytes() == before_pdf.read_bytes()
    shown = ok(capsys, "marker", "show", job, MARKER)
    head, _, again = shown.partition("reinstallation ")
    assert "stake 4" not in head and "photo 16" not in head and REASON in again

    ba = tmp_path / "ulang.pdf"
    out = ok(capsys, "report", "berita-acara-ulang", job, MARKER, "-o", str(ba))
    assert "final" in out and "DRAF" not in out
    text = text_of(ba)
    flat = " ".join(text.split())
    assert "PEMASANGAN ULANG TANDA BATAS 4" in flat
    assert REASON in flat
    with JobStore.open(job) as store:
        new = load_report_data(store, names=[MARKER], reinstallation_id=1).markers[0]
    assert new.stake.id != old.stake.id
    for value in (old.e, old.n, new.e, new.n):
        assert f"{value:.3f}".replace(".", ",") in flat
    de, dn = new.e - old.e, new.n - old.n
    assert f"ΔE {de:+.3f} m".replace("-", "−").replace(".", ",") in flat
    assert f"ΔN {dn:+.3f} m".replace("-", "−").replace(".", ",") in flat
    assert f"{(de**2 + dn**2) ** 0.5:.3f} m".replace(".", ",") in flat
    for name, institution, _ in WITNESSES:
        assert name in flat and institution in flat
    assert "Dokumentasi Foto Pemasangan Ulang" in flat and "4_utara_" in flat
    assert PdfReader(ba).metadata.title == "Berita Acara Pemasangan Ulang Tanda Batas"

    # One original per Nomor, then SALINAN with a reason; the job's BA keeps its own original.
    out = ok(capsys, "report", "print", job, str(ba), "-o", str(tmp_path / "p1.pdf"))
    assert "berita_acara_ulang" in out and "the original (ASLI)" in out
    code, _, err = run(capsys, "report", "print", job, str(ba), "-o", str(tmp_path / "p2.pdf"))
    assert code == 2 and "SALINAN ke-1" in err
    out = ok(capsys, "report", "print", job, str(ba), "-o", str(tmp_path / "p2.pdf"),
             "--reason", "arsip kantor")  # fmt: skip
    assert "SALINAN ke-1" in out
    out = ok(capsys, "report", "print", job, str(after_pdf), "-o", str(tmp_path / "p3.pdf"))
    assert "berita_acara " in out and "the original (ASLI)" in out
    assert db_count(job, "SELECT count(*) FROM print_log WHERE superseded_by IS NOT NULL") == 0

    # Closed: the berita acara states the same; the marker stands at its new position.
    ok(capsys, "marker", "reinstall", job, MARKER, "--close")
    again_pdf = tmp_path / "ulang_again.pdf"
    ok(capsys, "report", "berita-acara-ulang", job, MARKER, "-o", str(again_pdf))
    assert again_pdf.read_bytes() == ba.read_bytes()
    import json

    listed = {r["name"]: r for r in json.loads(ok(capsys, "marker", "list", job, "--json"))}
    assert listed[MARKER]["stake_horizontal_m"] == pytest.approx(new.stake.delta.horizontal_m)
    assert listed[MARKER]["reinstallation"]["state"] == "closed"
    assert original_rows(job) == before_rows
    # After closing, a record needs a new reinstallation: refused, nothing stored.
    stakes = db_count(job, "SELECT count(*) FROM stake")
    code, _, err = run(capsys, "marker", "stake", job, MARKER, "--lat", str(old.lat), "--lon",
                       str(old.lon))  # fmt: skip
    assert code == 2 and "open a new reinstallation" in err and len(err.splitlines()) == 1
    assert db_count(job, "SELECT count(*) FROM stake") == stakes


def test_bad_input_is_one_line_and_stores_nothing(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(expect: str, *argv: str) -> None:
        rows = db_count(job, "SELECT count(*) FROM reinstallation")
        log = db_count(job, "SELECT count(*) FROM change_log")
        code, _, err = run(capsys, *argv)
        assert code == 2, err
        assert expect in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert db_count(job, "SELECT count(*) FROM reinstallation") == rows
        assert db_count(job, "SELECT count(*) FROM change_log") == log

    refused("marker 5 is planned: only an installed or documented marker",
            "marker", "reinstall", job, "5", "--reason", "hilang")  # fmt: skip
    refused("--reason: say why", "marker", "reinstall", job, MARKER, "--reason", "   ")
    refused("no marker named 'X9'", "marker", "reinstall", job, "X9", "--reason", "hilang")
    refused("no inspection with that UUID", "marker", "reinstall", job, MARKER, "--reason",
            "hilang", "--inspection", "0000")  # fmt: skip
    refused("no open reinstallation to close", "marker", "reinstall", job, MARKER, "--close")
    refused("no open or closed reinstallation", "report", "berita-acara-ulang", job, MARKER,
            "-o", str(tmp_path / "x.pdf"))  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    ok(capsys, "marker", "reinstall", job, MARKER, "--reason", "bergeser 2 m oleh longsor")
    refused("already has an open reinstallation", "marker", "reinstall", job, MARKER,
            "--reason", "hilang")  # fmt: skip
    refused("the reinstallation is planned, not documented", "marker", "reinstall", job,
            MARKER, "--close")  # fmt: skip
    refused("--reason: say why the reinstallation", "marker", "reinstall", job, MARKER,
            "--cancel")  # fmt: skip
    refused("has no stake yet", "report", "berita-acara-ulang", job, MARKER, "-o",
            str(tmp_path / "x.pdf"))  # fmt: skip
    # A record of the original installation is not withdrawn while it is being reinstalled.
    code, _, err = run(capsys, "marker", "withdraw", job, "witness", "1", "--reason", "salah")
    assert code == 2 and "original installation" in err
    assert db_count(job, "SELECT count(*) FROM witness WHERE withdrawn_at IS NOT NULL") == 0


def test_cancelled_reinstallation_counts_nowhere(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = original_rows(job)
    ok(capsys, "marker", "reinstall", job, MARKER, "--reason", "dikira hilang")
    ok(capsys, "marker", "witness", job, MARKER, "--name", "Suparman", "--institution",
       "Kantor Desa Jembayan", "--category", "district_village_officer")  # fmt: skip
    out = ok(capsys, "marker", "reinstall", job, MARKER, "--cancel", "--reason",
             "ditemukan utuh di bawah semak")  # fmt: skip
    assert "cancelled" in out
    assert original_rows(job) == before
    assert db_count(job, "SELECT count(*) FROM witness WHERE reinstallation_id = 1") == 1
    # A new reinstallation may be opened after a cancelled one.
    ok(capsys, "marker", "reinstall", job, MARKER, "--reason", "hilang")
    assert db_count(job, "SELECT count(*) FROM reinstallation") == 2


def test_reinstallation_from_an_inspection_and_a_returned_card(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Linked to the inspection that found it lost; a juru ukur whose KPO card was returned
    cannot sign: the berita acara pemasangan ulang is a DRAF saying why."""
    con = sqlite3.connect(Path(job) / "job.sqlite")
    with con:
        con.execute(
            "INSERT INTO inspection (uuid, marker_id, inspected_on, condition, "
            "vegetation_cleared, recorded_at) SELECT 'insp-1', id, '2026-11-20', 'hilang', 1, "
            "'2026-11-20T03:00:00+00:00' FROM marker WHERE name = ?",
            [MARKER],
        )
    con.close()
    reinstall_fully(capsys, job, tmp_path, "--inspection", "insp-1")
    ba = tmp_path / "ulang.pdf"
    ok(capsys, "report", "berita-acara-ulang", job, MARKER, "-o", str(ba))
    flat = " ".join(text_of(ba).split())
    assert "pemeriksaan 20-11-2026: kondisi hilang" in flat or "kondisi hilang" in flat

    ok(capsys, "surveyor", "kpo", job, "Rahmat Hidayat", "--number", "KPO-ESDM/2024/0877",
       "--status", "dikembalikan", "--updated", "2026-01-10")  # fmt: skip
    code, out, err = run(capsys, "report", "berita-acara-ulang", job, MARKER, "-o", str(ba))
    assert code == 0 and "DRAF" in out and "Rahmat Hidayat" in err
    flat = " ".join(text_of(ba).split())
    assert "dikembalikan" in flat and "DRAF" in flat
    code, _, err = run(capsys, "report", "print", job, str(ba), "-o", str(tmp_path / "p.pdf"))
    assert code == 2 and "DRAF" in err
