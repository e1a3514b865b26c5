"""The berita acara's Nomor, supersession and DRAF through the CLI, PDFs read with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from fieldapp.cli import main

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


@pytest.fixture
def job(template: Path, tmp_path: Path) -> Path:
    shutil.copytree(template, tmp_path / "demo.fieldapp")
    return tmp_path / "demo.fieldapp"


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _nomor(pdf: Path) -> str:
    line = next(x for x in _text(pdf).splitlines() if x.strip().startswith("Nomor: "))
    return line.strip().removeprefix("Nomor: ")


def _ba(job: Path, out: Path, *extra: str) -> Path:
    assert main(["report", "berita-acara", str(job), "-o", str(out), "-q", *extra]) == 0
    return out


def _log(job: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["report", "print-log", str(job), "--json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_the_demo_berita_acara_is_final_and_prints_one_asli_across_papers(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a4 = _ba(job, tmp_path / "a4.pdf")
    f4 = _ba(job, tmp_path / "f4.pdf", "--paper", "f4")
    for pdf in (a4, f4):
        text = _text(pdf)
        assert "DRAF" not in text and "kekurangan" not in text
    assert _nomor(a4) == _nomor(f4)
    capsys.readouterr()
    assert main(["report", "print", str(job), str(a4), "-o", str(tmp_path / "p0.pdf")]) == 0
    assert "the original (ASLI)" in capsys.readouterr().out
    # The F4 of the same Nomor is not a second original.
    assert main(["report", "print", str(job), str(f4), "-o", str(tmp_path / "p1.pdf")]) == 2
    assert "this print is SALINAN ke-1" in capsys.readouterr().err
    assert main(["report", "print", str(job), str(f4), "-o", str(tmp_path / "p1.pdf"),
                 "--reason", "arsip Dinas ESDM"]) == 0  # fmt: skip
    assert "SALINAN ke-1" in _text(tmp_path / "p1.pdf")
    log = _log(job, capsys)
    assert [(r["label"], r["nomor"], r["file_name"]) for r in log] == [
        ("ASLI", _nomor(a4), "a4.pdf"),
        ("SALINAN ke-1", _nomor(a4), "f4.pdf"),
    ]


def test_a_new_signatory_supersedes_the_printed_original(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _ba(job, tmp_path / "first.pdf")
    assert main(["report", "print", str(job), str(first), "-o", str(tmp_path / "p0.pdf")]) == 0
    assert main(["report", "signatory", str(job), "Ir. Agus Salim, M.T."]) == 0
    second = _ba(job, tmp_path / "second.pdf")
    assert _nomor(second) != _nomor(first) and "Ir. Agus Salim, M.T." in _text(second)
    [original] = _log(job, capsys)
    assert original["label"] == "ASLI" and original["superseded"] is True
    assert original["superseded_by"] == _nomor(second)
    capsys.readouterr()
    assert main(["report", "print", str(job), str(first), "-o", str(tmp_path / "x.pdf"),
                 "--reason", "arsip"]) == 2  # fmt: skip
    assert f"superseded by Nomor {_nomor(second)}" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["report", "print", str(job), str(second), "-o", str(tmp_path / "p1.pdf")]) == 0
    assert main(["report", "print-log", str(job)]) == 0
    assert f"SUPERSEDED by Nomor {_nomor(second)}" in capsys.readouterr().out


def test_the_register_number_and_a_situation_flag_from_the_cli(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "register", str(job), "123/BA/PT-BKM/2026"]) == 0
    assert _nomor(_ba(job, tmp_path / "r.pdf")).startswith("123/BA/PT-BKM/2026/")
    # Marker 4 stands in a forest area: without a forestry officer the berita acara is a DRAF.
    assert main(["marker", "situation", str(job), "4", "--forest-area"]) == 0
    draf = _ba(job, tmp_path / "draf.pdf")
    text = _text(draf)
    pages = text.count("\f")
    assert text.count("DRAF: belum final") == pages >= 3
    assert "LAMPIRAN: KEKURANGAN" in text and "saksi petugas kehutanan" in text
    capsys.readouterr()
    out = tmp_path / "o.pdf"
    assert main(["report", "print", str(job), str(draf), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "is a DRAF, not final; it cannot be printed as ASLI" in err
    assert "4: saksi petugas kehutanan (kawasan hutan) belum ada" in err and not out.exists()
    assert main(["report", "print", str(job), str(draf), "-o", str(out), "--draft"]) == 0
    assert "a DRAF (not final, not numbered)" in capsys.readouterr().out
    assert [r["label"] for r in _log(job, capsys)] == ["DRAF"]
    forestry = ["--institution", "KPHP Santan", "--category", "forestry_officer"]
    assert main(["marker", "witness", str(job), "4", "--name", "Dewi Lestari", *forestry]) == 0
    final = _ba(job, tmp_path / "final.pdf")
    assert "DRAF" not in _text(final)
    capsys.readouterr()
    assert main(["report", "print", str(job), str(final), "-o", str(tmp_path / "a.pdf")]) == 0
    assert "the original (ASLI)" in capsys.readouterr().out
