"""`fieldapp surveyor kpo` and the berita acara a juru ukur's KPO card keeps from being final."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.cli import main

RAHMAT = "Rahmat Hidayat"


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "demo.fieldapp"
    assert main(["demo", "--export-job", str(path)]) == 0  # berita acara dated 10 Nov 2026
    return path


def _text(pdf: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)


def _kpo(job: Path, status: str, updated: str, name: str = RAHMAT) -> int:
    return main(["surveyor", "kpo", str(job), name, "--number", "DBT-KPO/2024/0877",
                 "--status", status, "--updated", updated])  # fmt: skip


def _print_log(job: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["report", "print-log", str(job), "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_returned_card_keeps_the_berita_acara_a_draf_and_says_why(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _kpo(job, "dikembalikan", "2026-11-01") == 0
    assert capsys.readouterr().out.strip() == (
        "surveyor Rahmat Hidayat: KPO DBT-KPO/2024/0877 dikembalikan, data updated 2026-11-01; "
        "next update due by 2028-01-30"
    )
    assert main(["surveyor", "list", str(job)]) == 0
    listed = capsys.readouterr().out
    assert "KPO DBT-KPO/2024/0877 (dikembalikan, data updated 2026-11-01)" in listed
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    reason = (
        "juru ukur Rahmat Hidayat tidak dapat menandatangani dokumen final: kartu KPO "
        "DBT-KPO/2024/0877 berstatus dikembalikan, tidak berlaku (SE 1.E/MB.07/DBT.KP/2022)"
    )
    err = capsys.readouterr().err
    assert f"note: berita acara is a DRAF, not final: berita acara: {reason}" in err
    text = _text(ba)
    assert "DRAF" in text and "Rahmat Hidayat tidak dapat menandatangani dokumen final" in text
    # Not an original: the print is refused with the reason, nothing printed, nothing logged.
    out = tmp_path / "asli.pdf"
    assert main(["report", "print", str(job), str(ba), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "is a DRAF, not final; it cannot be printed as ASLI" in err and reason in err
    assert not out.exists()
    assert _print_log(job, capsys) == []
    # The card active again and its data updated: the same job signs a final original.
    assert _kpo(job, "aktif", "2026-11-05") == 0
    final = tmp_path / "final.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(final), "-q"]) == 0
    assert "DRAF" not in capsys.readouterr().err
    assert main(["report", "print", str(job), str(final), "-o", str(out)]) == 0
    assert "the original (ASLI)" in capsys.readouterr().out
    assert [r["label"] for r in _print_log(job, capsys)] == ["ASLI"]


def test_an_overdue_kpo_update_is_refused_on_a_final_berita_acara(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 15 Jan 2025 is the late update for 2024; 2025's was due by 30 Jan 2026.
    assert _kpo(job, "aktif", "2025-01-15") == 0
    ba = tmp_path / "ba.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(ba), "-q"]) == 0
    err = capsys.readouterr().err
    assert ("berita acara is a DRAF, not final: berita acara: juru ukur Rahmat Hidayat tidak "
            "dapat menandatangani dokumen final: kartu KPO DBT-KPO/2024/0877 datanya terakhir "
            "dimutakhirkan 15 Januari 2025, padahal pemutakhiran tahun 2025 wajib paling lambat "
            "30 Januari 2026 (SE 1.E/MB.07/DBT.KP/2022)") in err  # fmt: skip
    assert main(["report", "print", str(job), str(ba), "-o", str(tmp_path / "o.pdf")]) == 2
    assert _print_log(job, capsys) == []
    # Signed on 30 January 2026 it was still in time.
    early = tmp_path / "early.pdf"
    assert main(["report", "berita-acara", str(job), "-o", str(early), "-q",
                 "--date", "2026-01-30"]) == 0  # fmt: skip
    assert "Rahmat" not in capsys.readouterr().err


def test_bad_kpo_input_is_refused_and_stores_nothing(
    job: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["surveyor", "list", str(job), "--json"]) == 0
    before = capsys.readouterr().out
    assert _kpo(job, "aktif", "2999-01-01") == 2
    assert "--updated 2999-01-01: the date is in the future" in capsys.readouterr().err
    assert _kpo(job, "aktif", "2026-01-05", name="Siapa") == 2
    assert "no surveyor named 'Siapa' in this job" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _kpo(job, "hilang", "2026-01-05")
    assert "invalid choice: 'hilang'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _kpo(job, "aktif", "5 Jan 2026")
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err
    assert main(["surveyor", "list", str(job), "--json"]) == 0
    assert capsys.readouterr().out == before
    assert json.loads(before)[1]["kpo_status"] == "aktif"
