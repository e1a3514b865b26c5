"""A stake-out on a base that is the job's control point: the coordinate used is kept, and a
later re-processing of that point flags the occupation (CLI, marker show, documents).

The control is real: GEONET 3040 tied to 0759 (JKHN) with RTKLIB, accepted, then processed
again after the antenna height was re-measured and accepted a second time.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from test_control_job_cli import OVERRIDE, header_position
from test_marker_cli import run, sk_job, synthetic_capture

from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.occupations import load_occupations
from fieldapp.survey.models import ControlKind, ControlPoint


def _words(pdf: Path) -> str:
    """The PDF's text in reading order (the sketch beside the table stays out of the lines)."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is installed by setup.sh"
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=60)  # fmt: skip
    return " ".join(out.stdout.split())


def _accept_3040(capsys: pytest.CaptureFixture[str], job: str, raw: Path, height: str) -> dict:
    code, _, err = run(capsys, "control", "session", "add", job, "--point", "3040", "--role",
                       "rover", "--antenna-height-before", height, "--antenna-height-after",
                       height, str(raw / "30400920.05o"), str(raw / "30400920.05n"))  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "control", "process", job, "--rover", "3040", "--base", "0759",
                         "--json")  # fmt: skip
    assert code == 0, err
    solved: dict = json.loads(out)
    code, _, err = run(capsys, "control", "accept", job, str(solved["baseline_id"]),
                       "--override", OVERRIDE)  # fmt: skip
    assert code == 0, err
    return solved


@pytest.fixture
def job(tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = sk_job(tmp_path)
    raw = shared_data / "gnss-raw"
    lat, lon, h = header_position(raw / "07590920.05o")
    with JobStore.open(path) as store:
        rec.add_control_points(store.db, [ControlPoint(
            "0759", ControlKind.JKHN, lat, lon, h, "SRGI2013", lat, lon,
            source="RINEX header APPROX POSITION (GSI)")])  # fmt: skip
    assert run(capsys, "control", "session", "add", path, "--point", "0759", "--role", "base",
               "--kind", "JKHN", "--antenna-height-before", "0", "--antenna-height-after", "0",
               str(raw / "07590920.05o"), str(raw / "07590920.05n"))[0] == 0  # fmt: skip
    for name, east in (("1", 0.0), ("2", 1e-3)):
        assert run(capsys, "marker", "add", path, name, "--lat", str(LAT0), "--lon",
                   str(LON0 + east), "--h", "40")[0] == 0  # fmt: skip
    return path


def test_an_occupation_keeps_its_base_coordinate_and_is_flagged_when_it_changes(
    job: str, tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = shared_data / "gnss-raw"
    first = _accept_3040(capsys, job, raw, "1.500")
    cap = str(synthetic_capture(tmp_path / "cap.nmea"))
    # Typed as a surveyor types it: "bm 3040" is the control point stored as "3040".
    code, out, err = run(capsys, "marker", "occupy", job, "1", "--replay", cap,
                         "--antenna-height", "1.800", "--base", "bm 3040")  # fmt: skip
    assert code == 0, err
    assert f"base BM 3040 (control point; baseline {first['baseline_id']} from 0759, fixed" in out
    assert f"lat {first['lat']:.9f}" in out and "CHANGED" not in out
    # An NTRIP mountpoint stays allowed, recorded as typed, and says what it is not.
    code, out, _ = run(capsys, "marker", "occupy", job, "2", "--replay", cap, "--antenna-height",
                       "1.800", "--base", "NTRIP nrtk.big.go.id/CKTM")  # fmt: skip
    assert code == 0 and "base NTRIP nrtk.big.go.id/CKTM (not a control point of the job)" in out

    # The antenna height of 3040 was re-measured: processed and accepted again.
    second = _accept_3040(capsys, job, raw, "0.100")
    rise = second["h"] - first["h"]
    assert rise == pytest.approx(1.400, abs=0.002)
    with JobStore.open(job) as store:
        (occ,) = load_occupations(store.db, "1")
        (other,) = load_occupations(store.db, "2")
        # The occupation still says which coordinate it was measured from.
        b = occ.base_point
        assert b is not None and occ.base_station == "bm 3040"
        assert (b.used.name, b.used.h, b.baseline_id) == ("3040", first["h"], first["baseline_id"])
        assert b.current is not None and b.current.h == second["h"] and b.changed
        assert b.shift is not None and b.shift.dh_m == pytest.approx(rise, abs=1e-9)
        assert other.base_point is None
        # Kept as used: not even a direct write moves it.
        with pytest.raises(sqlite3.IntegrityError, match="base coordinate an occupation used"):
            store.db.execute("UPDATE occupation SET base_h = 0 WHERE id = ?", [occ.id])

    shown = run(capsys, "marker", "show", job, "1")[1]
    assert (
        f"BASE COORDINATE CHANGED after the occupation (now baseline {second['baseline_id']}):"
        f" horizontal {b.shift.horizontal_m:.3f} m, vertical {rise:+.3f} m" in shown
    )

    shown_json = json.loads(run(capsys, "marker", "show", job, "1", "--json")[1])
    (kept,) = [o["base_point"] for o in shown_json["occupations"]]
    assert kept["changed"] and kept["used"]["h"] == first["h"]
    assert kept["shift"]["dh_m"] == pytest.approx(rise, abs=1e-9)

    doc = tmp_path / "d.pdf"
    assert run(capsys, "report", "deskripsi", job, "-o", str(doc), "--marker", "1", "-q")[0] == 0
    text = _words(doc)
    horizontal = f"{b.shift.horizontal_m:.3f}".replace(".", ",")
    assert (
        f"dari base BM 3040 (baseline statik #{first['baseline_id']} dari JKHN 0759, fixed, σH"
        in text
    )
    assert (
        f"PERHATIAN: base BM 3040: koordinat diubah setelah pengukuran (selisih horizontal "
        f"{horizontal} m, vertikal {rise:+.3f} m; kini dari baseline statik"
        f" #{second['baseline_id']})".replace(".", ",")
        in text
    )

    # The berita acara: the method table says the same, and its DRAF annex lists the change.
    for name in ("1", "2"):  # described: installed, so the berita acara lists them
        assert run(capsys, "marker", "describe", job, name, "--desa", "Sungai Lunuk",
                   "--kecamatan", "Long Ikis", "--kabupaten", "Paser", "--provinsi",
                   "Kalimantan Timur", "--access", "km 4", "--condition",
                   "baik")[0] == 0  # fmt: skip
    ba = tmp_path / "ba.pdf"
    code, _, err = run(capsys, "report", "berita-acara", job, "-o", str(ba), "--date",
                       "2026-12-03", "-q")  # fmt: skip
    assert code == 0, err
    text = _words(ba)
    assert "dari base NTRIP nrtk.big.go.id/CKTM (bukan titik kontrol pekerjaan)" in text
    assert text.count("koordinat diubah setelah pengukuran") == 2, text
    assert "ukur ulang dari koordinat yang berlaku" in text
