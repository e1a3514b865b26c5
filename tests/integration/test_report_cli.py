"""`fieldapp demo --export-job` then every `fieldapp report` command, read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main


@pytest.fixture(scope="module")
def demo_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


def _pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return out.stdout


def test_every_report_command(demo_job: Path, tmp_path: Path) -> None:
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(demo_job), "-o", str(ba), "--paper", "f4",
                 "--date", "2026-12-21", "-q"]) == 0  # fmt: skip
    text = _pdftotext(ba)
    assert "tanggal dua puluh satu bulan Desember tahun dua ribu dua puluh enam" in " ".join(
        text.split()
    )
    for name in ("Budi Santoso, S.T.", "Suparman", "Ir. Hendra Wijaya", "Dewi Lestari, S.Hut."):
        assert name in text
    assert "00° 32′ 15,3502″ LS" in text and "Halaman 1 dari" in text
    d = tmp_path / "d.pdf"
    assert main(["report", "deskripsi", str(demo_job), "-o", str(d), "--marker", "4B", "-q"]) == 0
    assert "Tanda Batas 4B" in _pdftotext(d)
    s = tmp_path / "s.pdf"
    assert main(["report", "stakeout", str(demo_job), "-o", str(s), "-q"]) == 0
    assert "terukur (GST)" in _pdftotext(s)
    out = tmp_path / "deliver"
    assert main(["report", "deliverables", str(demo_job), "-o", str(out), "-q"]) == 0
    assert (out / "peta_wiup.dxf").is_file() and (out / "tabel_koordinat.xlsx").is_file()


def test_bad_input_is_one_line(demo_job: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "x.pdf"
    assert main(["report", "deskripsi", str(demo_job), "-o", str(out), "--marker", "5"]) == 2
    err = capsys.readouterr().err
    assert "marker 5: no measured coordinates" in err and not out.exists()
    (tmp_path / "keep.txt").write_text("earlier work")
    assert main(["report", "deliverables", str(demo_job), "-o", str(tmp_path), "-q"]) == 2
    assert "not an empty folder" in capsys.readouterr().err


def test_cli_start_does_not_load_document_libraries() -> None:
    code = (
        "import sys; from fieldapp.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('fpdf', 'PIL', 'openpyxl', 'ezdxf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
