"""Several document builds in one go: file names, one overall progress, one cancel."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.reports.berita_acara import BeritaAcaraOptions
from fieldapp.reports.build import (
    BuildKind,
    BuildOptions,
    BuildProgress,
    BuildResult,
    DocumentBuild,
    Outcome,
)
from fieldapp.reports.pdfbase import Paper


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    kind: BuildKind
    output: Path
    options: BuildOptions = field(default_factory=BuildOptions)


@dataclass(frozen=True, slots=True)
class BatchProgress:
    percent: int  # of the whole batch
    index: int  # 0-based: which document is being built
    count: int
    kind: BuildKind
    step: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    outcome: Outcome
    done: tuple[tuple[DocumentRequest, BuildResult], ...]
    message: str | None = None

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(p for _, r in self.done if r.outcome is Outcome.FINISHED for p in r.paths)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the documents were built without (a background that did not open), once each."""
        return tuple(dict.fromkeys(n for _, r in self.done for n in r.notes))


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def document_requests(
    folder: Path,
    *,
    paper: Paper = "a4",
    berita_acara: bool = False,
    deskripsi: bool = False,
    marker: str | None = None,
    stakeout: bool = False,
    deliverables: bool = False,
    holder_signatory: str | None = None,
    now: dt.datetime | None = None,
) -> list[DocumentRequest]:
    """What to build and where: fixed names in ``folder``, a new dated deliverables folder."""
    folder = Path(folder)
    ba = BeritaAcaraOptions(holder_signatory=(holder_signatory or "").strip() or None)
    base = BuildOptions(paper=paper, berita_acara=ba)
    out: list[DocumentRequest] = []
    if berita_acara:
        out.append(
            DocumentRequest(BuildKind.BERITA_ACARA, folder / f"berita_acara_{paper}.pdf", base)
        )
    if deskripsi:
        name = f"deskripsi_{_safe(marker)}.pdf" if marker else "deskripsi_tanda_batas.pdf"
        options = BuildOptions(paper=paper, markers=(marker,) if marker else (), berita_acara=ba)
        out.append(DocumentRequest(BuildKind.DESKRIPSI, folder / name, options))
    if stakeout:
        out.append(DocumentRequest(BuildKind.STAKEOUT, folder / "laporan_stakeout.pdf", base))
    if deliverables:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        out.append(DocumentRequest(BuildKind.DELIVERABLES, folder / f"deliverables_{stamp}", base))
    return out


class BatchBuild:
    """Runs the requests one after the other on the calling thread; cancel from any thread.

    A failure stops the batch: the documents already built stay (each is complete), the one
    that failed leaves nothing behind, the rest are not started.
    """

    def __init__(
        self,
        job: Path,
        requests: list[DocumentRequest],
        progress: Callable[[BatchProgress], None] | None = None,
    ) -> None:
        self.job = Path(job)
        self.requests = list(requests)
        self._progress = progress
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._current: DocumentBuild | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancel.set()
            if self._current is not None:
                self._current.cancel()

    def _report(self, index: int, kind: BuildKind, p: BuildProgress) -> None:
        if self._progress is None:
            return
        count = len(self.requests)
        share = p.done / p.total if p.total else 0.0
        percent = int(100 * (index + share) / count)
        self._progress(BatchProgress(min(percent, 99), index, count, kind, p.step))

    def run(self) -> BatchResult:
        if not self.requests:
            return BatchResult(Outcome.FAILED, (), "nothing chosen to build")
        done: list[tuple[DocumentRequest, BuildResult]] = []
        for index, req in enumerate(self.requests):
            build = DocumentBuild(
                self.job,
                req.kind,
                req.output,
                req.options,
                functools.partial(self._report, index, req.kind),
            )
            with self._lock:
                if self._cancel.is_set():
                    return BatchResult(Outcome.CANCELLED, tuple(done), "cancelled")
                self._current = build
            result = build.run()
            with self._lock:
                self._current = None
            done.append((req, result))
            if result.outcome is not Outcome.FINISHED:
                return BatchResult(result.outcome, tuple(done), result.message)
        if self._progress is not None:
            last = self.requests[-1].kind
            self._progress(
                BatchProgress(100, len(self.requests) - 1, len(self.requests), last, "selesai")
            )
        return BatchResult(Outcome.FINISHED, tuple(done))
