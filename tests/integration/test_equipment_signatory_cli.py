"""`fieldapp equipment add/list` and `fieldapp report signatory`: stored in the job, in the PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.cli import main


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0
    return path


def _text(pdf: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)


def test_equipment_goes_into_the_berita_acara(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["equipment", "add", str(job), "--kind", "other", "--model", "Meteran Yamayo 50 m",
           "--serial", "YM-5021", "--notes", "pita ukur"]  # fmt: skip
    assert main(add) == 0
    assert main(add) == 2
    assert "YM-5021 is already recorded in this job" in capsys.readouterr().err
    blank = ["equipment", "add", str(job), "--kind", "total_station", "--model", " ",
             "--serial", "X"]  # fmt: skip
    assert main(blank) == 2
    assert "needs a model and a serial number" in capsys.readouterr().err
    assert main(["equipment", "list", str(job), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {"kind": "other", "model": "Meteran Yamayo 50 m", "serial": "YM-5021",
            "notes": "pita ukur"} in items  # fmt: skip
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    assert "Meteran Yamayo 50 m YM-5021" in _text(ba)


def test_the_stored_signatory_signs_unless_named_on_the_command_line(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "signatory", str(job)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Ir. Andi Pratama, M.T."  # the demo's
    assert main(["report", "signatory", str(job), "--clear"]) == 0
    assert "(none" in capsys.readouterr().out
    assert main(["report", "signatory", str(job), "  Ir.  Sutrisno Hadi, M.T. "]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Ir. Sutrisno Hadi, M.T."
    stored, once = tmp_path / "stored.pdf", tmp_path / "once.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(stored), "-q"]) == 0
    assert "Ir. Sutrisno Hadi, M.T." in _text(stored)
    assert main(["report", "berita-acara", str(job), "-o", str(once), "-q",
                 "--holder-signatory", "Dra. Wulan Sari"]) == 0  # fmt: skip
    assert "Dra. Wulan Sari" in _text(once) and "Sutrisno" not in _text(once)
    assert main(["report", "signatory", str(job), "--clear"]) == 0
    capsys.readouterr()
    cleared = tmp_path / "cleared.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(cleared), "-q"]) == 0
    assert "Sutrisno" not in _text(cleared) and "(nama belum diisi)" in _text(cleared)


def test_position_and_ktt_are_stored_and_signed(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "signatory", str(job), "Ir. Sutrisno Hadi, M.T.", "--position",
                 "Direktur Operasional", "--ktt", "Agus Salim, S.T."]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "position: Direktur Operasional" in out and "KTT: Agus Salim, S.T." in out
    assert "missing" not in out
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    text = _text(ba)
    assert "Jabatan : Direktur Operasional" in text
    assert "Mengetahui, Kepala Teknik Tambang PT Bara Khatulistiwa Mandiri Agus Salim, S.T." in text
    assert main(["report", "signatory", str(job), "--clear"]) == 0
    out = capsys.readouterr().out
    assert "missing for a final berita acara: nama Kepala Teknik Tambang (KTT)" in out
