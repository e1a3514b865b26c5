"""Batches of document builds: names, one progress from 0 to 100, cancel and failure stop it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp.reports.batch import BatchBuild, BatchProgress, document_requests
from fieldapp.reports.build import BuildKind, Outcome
from fieldapp.store import JobStore

from .pdftext import all_text


def test_requests_name_every_document(tmp_path: Path) -> None:
    reqs = document_requests(tmp_path, paper="f4", berita_acara=True, deskripsi=True,
                             marker="4/A", stakeout=True, deliverables=True,
                             holder_signatory="  Ir. Sutrisno ",
                             now=dt.datetime(2026, 11, 21, 8, 5, 9))  # fmt: skip
    assert [(r.kind, r.output.name) for r in reqs] == [
        (BuildKind.BERITA_ACARA, "berita_acara_f4.pdf"),
        (BuildKind.DESKRIPSI, "deskripsi_4_A.pdf"),
        (BuildKind.STAKEOUT, "laporan_stakeout.pdf"),
        (BuildKind.DELIVERABLES, "deliverables_20261121-080509"),
    ]
    assert all(r.options.paper == "f4" for r in reqs)
    assert reqs[1].options.markers == ("4/A",)
    assert reqs[0].options.berita_acara.holder_signatory == "Ir. Sutrisno"
    assert document_requests(tmp_path) == []


def test_batch_progress_reaches_100(documented_job: JobStore, tmp_path: Path) -> None:
    seen: list[BatchProgress] = []
    reqs = document_requests(tmp_path, berita_acara=True, deskripsi=True, marker="4A",
                             holder_signatory="Ir. Sutrisno")  # fmt: skip
    result = BatchBuild(documented_job.path, reqs, seen.append).run()
    assert result.outcome is Outcome.FINISHED, result.message
    assert [p.name for p in result.paths] == ["berita_acara_a4.pdf", "deskripsi_4A.pdf"]
    percents = [p.percent for p in seen]
    assert percents == sorted(percents) and percents[-1] == 100 and percents[0] < 100
    assert {p.index for p in seen} == {0, 1} and all(p.count == 2 for p in seen)
    assert "Ir. Sutrisno" in all_text(tmp_path / "berita_acara_a4.pdf")


def test_cancel_keeps_finished_documents_and_leaves_no_half_file(
    documented_job: JobStore, tmp_path: Path
) -> None:
    out = tmp_path / "docs"
    reqs = document_requests(out, berita_acara=True, deskripsi=True, stakeout=True)
    batch: BatchBuild

    def on_progress(p: BatchProgress) -> None:
        if p.kind is BuildKind.DESKRIPSI:
            batch.cancel()

    batch = BatchBuild(documented_job.path, reqs, on_progress)
    result = batch.run()
    assert result.outcome is Outcome.CANCELLED
    assert [r.outcome for _, r in result.done] == [Outcome.FINISHED, Outcome.CANCELLED]
    assert sorted(p.name for p in out.iterdir()) == ["berita_acara_a4.pdf"]


def test_a_failure_stops_the_batch_with_the_message(
    documented_job: JobStore, tmp_path: Path
) -> None:
    reqs = document_requests(tmp_path / "o", deskripsi=True, marker="5", stakeout=True)
    result = BatchBuild(documented_job.path, reqs).run()
    assert result.outcome is Outcome.FAILED
    assert result.message is not None and "marker 5: no measured coordinates" in result.message
    assert len(result.done) == 1 and not (tmp_path / "o").exists()


def test_a_batch_passes_on_what_its_documents_were_built_without(tmp_path: Path) -> None:
    from fieldapp.reports.batch import BatchResult, DocumentRequest
    from fieldapp.reports.build import BuildResult

    left_out = "background Rusak (rusak.mbtiles): cannot be read; left out"
    done = tuple(
        (DocumentRequest(kind, tmp_path / f"{kind.value}.pdf"),
         BuildResult(Outcome.FINISHED, (tmp_path / f"{kind.value}.pdf",), notes=(left_out,)))
        for kind in (BuildKind.BERITA_ACARA, BuildKind.DESKRIPSI)
    )  # fmt: skip
    assert BatchResult(Outcome.FINISHED, done).notes == (left_out,)  # said once, not per document
    assert BatchResult(Outcome.FINISHED, ()).notes == ()
