"""`fieldapp report pemeliharaan` on the demo with inspections, read back with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from inspectkit import copy_job, documented_job, dump
from maintkit import inspect_good, inspect_pulled_out, visit_days
from openpyxl import load_workbook

from fieldapp.cli import main
from fieldapp.store import JobStore

PERIOD, NOW, D1, D2 = visit_days()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return documented_job(tmp_path_factory.mktemp("cli") / "demo.fieldapp")


@pytest.fixture
def job(template: Path, tmp_path: Path) -> Path:
    path = copy_job(template, tmp_path / "job.fieldapp")
    with JobStore.open(path) as store:
        inspect_good(store, "4", D1, tmp_path)
        inspect_pulled_out(store, "4A", D2, tmp_path)
    return path


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        from pypdf import PdfReader

        return " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return " ".join(out.stdout.split())


def test_draf_then_final(job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx = tmp_path / "lp.pdf", tmp_path / "lp.xlsx"
    args = ["report", "pemeliharaan", str(job), "--period", PERIOD, "-o", str(pdf)]
    assert main([*args, "--xlsx", str(xlsx)]) == 0
    out, err = capsys.readouterr()
    assert "DRAF (not final)" in out and "DRAF: 1 dari 3 tanda batas tidak dikunjungi" in err
    text = _text(pdf)
    assert "LAPORAN PEMELIHARAAN TANDA BATAS" in text and "TIDAK DIKUNJUNGI" in text
    assert "LAMPIRAN 1: DOKUMENTASI FOTO PEMERIKSAAN" in text and "Halaman 1 dari" in text
    assert {r[1] for r in load_workbook(xlsx).active.iter_rows(min_row=4, values_only=True)} == {
        "4", "4A", "4B"
    }  # fmt: skip
    with JobStore.open(job) as store:
        inspect_good(store, "4B", NOW, tmp_path)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "final, recorded as maintenance report 1" in out
    assert "TIDAK DIKUNJUNGI" not in _text(pdf)
    # The compliance calendar counts the next report from this final one.
    assert main(["job", "calendar", str(job), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    [due] = [i for i in items if i["kind"] == "maintenance_report"]
    assert f"setelah laporan periode {PERIOD}" in due["text"]


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2026-H3", "period '2026-H3': expected YYYY-H1"),
        ("2026", "period '2026': expected YYYY-H1"),
        ("2099-H2", "period 2099-H2: it starts on 2099-07-01, after today"),
        ("2025-H2", "no marker was installed by 2025-12-31"),
    ],
)
def test_bad_period_one_line_nothing_written(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], period: str, words: str
) -> None:
    before = dump(job)
    pdf = tmp_path / "lp.pdf"
    rc = main(["report", "pemeliharaan", str(job), "--period", period, "-o", str(pdf),
               "--xlsx", str(tmp_path / "lp.xlsx")])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 2 and words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not pdf.exists() and not (tmp_path / "lp.xlsx").exists() and dump(job) == before
