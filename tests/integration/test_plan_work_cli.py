"""`fieldapp plan cost|schedule|note` and `report rencana-kerja` on the documented demo job."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from fieldapp.cli import main


@pytest.fixture(scope="module")
def demo_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        from pypdf import PdfReader

        raw = "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    else:
        raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    return " ".join(raw.split())


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_fill_the_plan_and_build_the_rencana_kerja(
    demo_job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = str(demo_job)
    draf = tmp_path / "draf.pdf"
    assert main(["report", "rencana-kerja", job, "-o", str(draf), "--date", "2026-12-01"]) == 0
    err = capsys.readouterr().err
    assert "DRAF: Butir 7 (Rencana Biaya) belum diisi" in err
    assert "DRAF: Butir 8 (Jadwal Pelaksanaan) belum diisi" in err
    assert "LAMPIRAN: KEKURANGAN" in _text(draf)
    for args in (
        ["cost", "add", job, "--item", "Tugu beton", "--qty", "24", "--unit", "buah",
         "--price", "850.000"],
        ["cost", "add", job, "--item", "Sewa receiver GNSS", "--qty", "1,5", "--unit", "bulan",
         "--price", "Rp 12.500.000", "--note", "3 unit"],
        ["schedule", "add", job, "--activity", "Pemasangan tanda batas", "--start",
         "2027-01-18", "--end", "2027-02-21"],
        ["note", job, "land-rights", "Garis batas utara melintasi kebun sawit Desa Jembayan."],
    ):  # fmt: skip
        assert main(["plan", *args]) == 0, args
    assert "= Rp 18.750.000" in capsys.readouterr().out
    costs = _json(capsys, "plan", "cost", "list", job)
    assert isinstance(costs, dict) and costs["total_idr"] == 20_400_000 + 18_750_000
    out = tmp_path / "rk.pdf"
    assert main(["report", "rencana-kerja", job, "-o", str(out), "--date", "2026-12-01",
                 "--place", "Tenggarong", "-q"]) == 0  # fmt: skip
    assert ", final)" in capsys.readouterr().out
    text = _text(out)
    assert "Rp 39.150.000" in text and "Pemasangan tanda batas" in text
    assert "kebun sawit Desa Jembayan" in text and "Tenggarong, 1 Desember 2026" in text
    assert "DRAF" not in text
    # Removing the only activity makes it a DRAF again.
    (first,) = _json(capsys, "plan", "schedule", "list", job)  # type: ignore[misc]
    assert main(["plan", "schedule", "remove", job, str(first["id"])]) == 0
    assert main(["report", "rencana-kerja", job, "-o", str(out), "-q"]) == 0
    assert "Butir 8 (Jadwal Pelaksanaan) belum diisi" in _text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cost", "add", "--item", "Tugu", "--qty", "2", "--unit", "buah", "--price", "-5"],
         "price: '-5' is negative"),
        (["cost", "add", "--item", "Tugu", "--qty", "0", "--unit", "buah", "--price", "5"],
         "quantity: '0'; expected a number above 0"),
        (["cost", "add", "--item", "Tugu", "--qty", "2", "--unit", "buah", "--price", "1,5"],
         "price: '1,5' is not a whole Rupiah amount"),
        (["schedule", "add", "--activity", "Pasang", "--start", "2027-02-22", "--end",
          "2027-02-01"], "end: 2027-02-01 lies before the start 2027-02-22"),
        (["schedule", "add", "--activity", "Pasang", "--start", "2027-13-01", "--end",
          "2027-12-01"], "start: '2027-13-01' is not a date as YYYY-MM-DD"),
        (["schedule", "remove", "999"], "no schedule activity with id 999"),
        (["cost", "remove", "999"], "no cost item with id 999"),
    ],
)  # fmt: skip
def test_bad_input_refused_in_one_line_nothing_stored(
    demo_job: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    job = str(demo_job)
    before = (_json(capsys, "plan", "cost", "list", job),
              _json(capsys, "plan", "schedule", "list", job))  # fmt: skip
    # The job goes after the action, as a user types it.
    assert main(["plan", *args[:2], job, *args[2:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fieldapp: ") and message in err and err.count("\n") == 1
    after = (_json(capsys, "plan", "cost", "list", job),
             _json(capsys, "plan", "schedule", "list", job))  # fmt: skip
    assert after == before


def test_report_of_a_missing_job_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["report", "rencana-kerja", str(tmp_path / "nope"), "-o", str(out)]) == 2
    assert "no such job folder" in capsys.readouterr().err and not out.exists()


def test_a_rencana_kerja_dated_in_the_future_is_refused(
    demo_job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    args = ["report", "rencana-kerja", str(demo_job), "-o", str(out), "--date", "2999-01-01"]
    assert main(args) == 2
    assert "--date: 2999-01-01 lies in the future" in capsys.readouterr().err
    assert not out.exists()
