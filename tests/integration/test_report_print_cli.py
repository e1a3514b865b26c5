"""`fieldapp report print` and `print-log` on an exported demo job, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.cli import main


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


def _text(pdf: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]


def test_print_original_then_salinan_and_the_log(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    capsys.readouterr()
    first = tmp_path / "print0.pdf"
    assert main(["report", "print", str(job), str(ba), "-o", str(first)]) == 0
    assert "the original (ASLI)" in capsys.readouterr().out
    assert first.read_bytes() == ba.read_bytes()
    second = tmp_path / "print1.pdf"
    assert main(["report", "print", str(job), str(ba), "-o", str(second)]) == 2
    err = capsys.readouterr().err
    assert "this print is SALINAN ke-1; give the reason with --reason" in err
    assert not second.exists()
    reason = "Arsip Dinas ESDM Provinsi"
    assert main(["report", "print", str(job), str(ba), "-o", str(second), "--reason", reason,
                 "--printer", "Epson L3210", "--date", "2026-12-01"]) == 0  # fmt: skip
    assert "SALINAN ke-1" in capsys.readouterr().out
    pages = _text(second)
    assert len(pages) == len(_text(ba))
    assert all("SALINAN ke-1" in t and reason in t and "1 Desember 2026" in t for t in pages)
    # The log, read by another process as the office would.
    out = subprocess.run(
        [sys.executable, "-m", "fieldapp", "report", "print-log", str(job), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    log = json.loads(out.stdout)
    assert [(r["label"], r["reason"], r["printer"]) for r in log] == [
        ("ASLI", None, "lp"),
        ("SALINAN ke-1", reason, "Epson L3210"),
    ]
    assert {r["pages"] for r in log} == {len(pages)} and log[0]["document_sha256"] == (
        log[1]["document_sha256"]
    )
    assert main(["report", "print-log", str(job)]) == 0
    table = capsys.readouterr().out
    assert "ASLI" in table and f"[{reason}]" in table


def test_other_documents_and_bad_input(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    so = tmp_path / "so.pdf"
    assert main(["report", "stakeout", str(job), "-o", str(so), "-q"]) == 0
    for i in range(2):
        assert main(["report", "print", str(job), str(so), "-o", str(tmp_path / f"{i}.pdf")]) == 0
    assert capsys.readouterr().out.count("no copy rule for this document") == 2
    assert main(["report", "print", str(job), str(tmp_path / "none.pdf"), "-o", "x.pdf"]) == 2
    assert "none.pdf: no such file" in capsys.readouterr().err
    assert main(["report", "print", str(job), str(so), "-o", str(so)]) == 2
    assert "must not be the document itself" in capsys.readouterr().err
    assert main(["report", "print-log", str(tmp_path / "nojob")]) == 2
    assert "not a fieldapp job" in capsys.readouterr().err


def test_a_copy_number_taken_meanwhile_leaves_no_file(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.reports import salinan

    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    other, out = tmp_path / "other.pdf", tmp_path / "out.pdf"
    real_prepare = salinan.prepare_print

    def prepare_then_race(*args: object, **kwargs: object) -> Path:
        # Another process prints the same berita acara as the original while this one
        # prepares it: a real second CLI run, between this run's plan and its log entry.
        path = real_prepare(*args, **kwargs)  # type: ignore[arg-type]
        subprocess.run(
            [sys.executable, "-m", "fieldapp", "report", "print", str(job), str(ba),
             "-o", str(other)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return path

    monkeypatch.setattr(salinan, "prepare_print", prepare_then_race)
    capsys.readouterr()
    assert main(["report", "print", str(job), str(ba), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the original was already printed and logged" in err
    assert "this print would be SALINAN ke-1" in err
    assert not out.exists()  # the unstamped copy never waits on disk to be printed
    assert other.read_bytes() == ba.read_bytes()
    assert not list(tmp_path.glob(".out.pdf.*"))
