"""The build job: progress, cancel from another thread, deliverables folder contents."""

from __future__ import annotations

import threading
from pathlib import Path

import ezdxf
from openpyxl import load_workbook

from fieldapp.reports.build import BuildKind, BuildProgress, DocumentBuild, Outcome
from fieldapp.store import JobStore


def test_progress_and_deliverables(documented_job: JobStore, tmp_path: Path) -> None:
    seen: list[BuildProgress] = []
    out = tmp_path / "deliver"
    result = DocumentBuild(documented_job.path, BuildKind.DELIVERABLES, out,
                           progress=seen.append).run()  # fmt: skip
    assert result.outcome is Outcome.FINISHED, result.message
    assert [p.done for p in seen] == list(range(1, len(seen) + 1))
    assert seen[-1].done == seen[-1].total - 1 or seen[-1].done == seen[-1].total
    names = sorted(p.name for p in out.iterdir())
    assert names == ["SHA256SUMS.txt", "berita_acara.pdf", "deskripsi_tanda_batas.pdf", "foto",
                     "laporan_stakeout.pdf", "peta_wiup.dxf", "tabel_koordinat.xlsx"]  # fmt: skip
    assert len(list((out / "foto").glob("*.jpg"))) == 15
    wb = load_workbook(out / "tabel_koordinat.xlsx")
    assert wb.sheetnames == ["Judul", "Tabel I BM-JKHN", "Tabel II Titik Bantu-BM",
                             "Tanda Batas", "Titik Batas"]  # fmt: skip
    names = [r[0].value for r in wb["Tanda Batas"].iter_rows(min_row=2)]
    assert names == ["4", "4A", "4B", "4B-R"]
    assert wb["Titik Batas"].max_row == 11
    ties = list(wb["Tabel II Titik Bantu-BM"].iter_rows(min_row=3, values_only=True))
    assert len(ties) == 10 and all(r[7] in ("BM-01", "BM-02") and r[13] > 0 for r in ties)
    doc = ezdxf.readfile(out / "peta_wiup.dxf")
    layers = {e.dxf.layer for e in doc.modelspace()}
    assert {"WIUP", "TANDA_BATAS", "KONTROL", "TITIK_BATAS"} <= layers
    texts = {e.dxf.text for e in doc.modelspace().query("TEXT")}
    assert {"4", "4A", "4B", "BM-01", "TB-01"} <= texts
    assert "TANDA_BATAS_REFERENSI" in layers
    sums = (out / "SHA256SUMS.txt").read_text().splitlines()
    assert any(line.endswith("  berita_acara.pdf") for line in sums)


def test_cancel_from_another_thread(documented_job: JobStore, tmp_path: Path) -> None:
    out = tmp_path / "deliver"
    job: DocumentBuild

    def on_progress(p: BuildProgress) -> None:
        if p.step.startswith("deskripsi"):
            threading.Thread(target=job.cancel).start()
            threading.Event().wait(0.05)

    job = DocumentBuild(documented_job.path, BuildKind.DELIVERABLES, out, progress=on_progress)
    result = job.run()
    assert result.outcome is Outcome.CANCELLED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.fieldapp"]
