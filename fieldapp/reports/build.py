"""Document builds as jobs: progress callback, cancel from another thread, typed outcome."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from fieldapp.reports.berita_acara import BeritaAcaraOptions, render_berita_acara
from fieldapp.reports.data import ReportData, ReportInputError, load_report_data
from fieldapp.reports.identity import BeritaAcaraIdentity
from fieldapp.reports.pdfbase import Paper, atomic_path, save_pdf
from fieldapp.store import JobFileError, JobStore, SchemaTooNewError
from fieldapp.store.photos import sha256_file
from fieldapp.store.signatory import load_signatories
from fieldapp.survey.models import MarkerStatus

DELIVERABLE_NAMES = {
    "berita_acara": "berita_acara.pdf",
    "deskripsi": "deskripsi_tanda_batas.pdf",
    "stakeout": "laporan_stakeout.pdf",
    "tables": "tabel_koordinat.xlsx",
    "map": "peta_wiup.dxf",
    "network": "sketsa_jaring_kontrol.pdf",  # only a job with static baselines of its own
    "photos": "foto",
    "sums": "SHA256SUMS.txt",
}


class BuildKind(StrEnum):
    BERITA_ACARA = "berita-acara"
    DESKRIPSI = "deskripsi"
    STAKEOUT = "stakeout"
    DELIVERABLES = "deliverables"
    NETWORK = "jaring-kontrol"  # the baseline network sketch alone (also in deliverables)


class Outcome(StrEnum):
    FINISHED = "finished"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class BuildProgress:
    done: int
    total: int
    step: str


@dataclass(frozen=True, slots=True)
class BuildResult:
    outcome: Outcome
    paths: tuple[Path, ...] = ()
    message: str | None = None
    elapsed_s: float = 0.0
    # Built, but the user should know (a background left out of a map): one line each.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BuildOptions:
    paper: Paper = "a4"
    markers: tuple[str, ...] = ()  # deskripsi: only these (default: every installed marker)
    berita_acara: BeritaAcaraOptions = field(default_factory=BeritaAcaraOptions)


class BuildCancelled(Exception):
    """Raised inside a build at the next check after :meth:`DocumentBuild.cancel`."""


def _staked(m: object) -> bool:
    return getattr(m, "status", MarkerStatus.PLANNED) is not MarkerStatus.PLANNED


class DocumentBuild:
    """One document (or the deliverables folder) built from a job; run it on any thread.

    The GUI calls :meth:`run` on a worker thread, turns ``progress`` calls into signals and
    :meth:`cancel` from its button. Nothing half-written is left at the output either way.
    """

    def __init__(
        self,
        job: Path,
        kind: BuildKind,
        output: Path,
        options: BuildOptions | None = None,
        progress: Callable[[BuildProgress], None] | None = None,
    ) -> None:
        self.job = Path(job)
        self.kind = BuildKind(kind)
        self.output = Path(output)
        self.options = options or BuildOptions()
        self._progress = progress
        self._cancel = threading.Event()
        self._done = 0
        self._total = 1
        self.identity: BeritaAcaraIdentity | None = None  # of the berita acara built, if any
        self.notes: list[str] = []

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise BuildCancelled

    def _step(self, text: str) -> None:
        self._done += 1
        if self._progress is not None:
            self._progress(BuildProgress(min(self._done, self._total), self._total, text))

    def run(self) -> BuildResult:
        start = time.perf_counter()
        try:
            with JobStore.open(self.job) as store:
                paths = self._build(store)
        except SchemaTooNewError as exc:
            return BuildResult(Outcome.FAILED, (), str(exc), time.perf_counter() - start)
        except BuildCancelled:
            return BuildResult(Outcome.CANCELLED, (), "cancelled", time.perf_counter() - start)
        except (ReportInputError, LookupError, ValueError, OSError, JobFileError) as exc:
            msg = str(exc.args[0]) if isinstance(exc, LookupError) else str(exc)
            return BuildResult(Outcome.FAILED, (), msg, time.perf_counter() - start)
        notes = tuple(dict.fromkeys(self.notes))  # a layer left out of two documents: once
        return BuildResult(Outcome.FINISHED, tuple(paths), None, time.perf_counter() - start, notes)

    def _build(self, store: JobStore) -> list[Path]:
        ba = self.options.berita_acara
        # Not named for this build: the signatories stored with the job sign.
        stored = load_signatories(store.db)
        ba = replace(
            ba,
            holder_signatory=ba.holder_signatory if ba.holder_signatory is not None
            else stored.name,
            holder_position=ba.holder_position or stored.position,
            ktt_name=ba.ktt_name or stored.ktt_name,
        )  # fmt: skip
        self.options = replace(self.options, berita_acara=ba)
        if self.kind is BuildKind.DELIVERABLES:
            return [self._deliverables(store)]
        out = self.output
        if self.kind is BuildKind.NETWORK:
            from fieldapp.reports.control_net import shown_baselines

            data = load_report_data(store)  # as the deliverables: the same data hash
            if not shown_baselines(data.baselines):
                raise ValueError(
                    f"{self.job}: no static baseline in this job to sketch; process one with "
                    "fieldapp control process"
                )
            self._network(data, out)
            self._step("sketsa jaring kontrol")
            return [out]
        if self.kind is BuildKind.STAKEOUT:
            self._total = 2
            data = load_report_data(store, select=_staked)
            return [self._stakeout(data, out)]
        names = self.options.markers or None
        data = load_report_data(store, names=names)
        if self.kind is BuildKind.BERITA_ACARA:
            self._total = 2
            return [self._berita_acara(store, data, out)]
        self._total = len(data.markers) + 1
        return [self._deskripsi(store, data, out, None)]

    def _berita_acara(self, store: JobStore, data: ReportData, out: Path) -> Path:
        from fieldapp.reports import final
        from fieldapp.store.printlog import supersede_originals

        ba = replace(self.options.berita_acara, paper=self.options.paper)
        prepared = final.prepare(store, data, ba)
        pdf = final.finish(render_berita_acara(data, prepared.options), prepared)
        self.notes.extend(pdf.notes)
        self.check()
        self._step("berita acara")
        saved = save_pdf(pdf, out)
        self.identity = prepared.identity
        if not prepared.identity.final:
            # Said where it is built (CLI and documents view), not only in the PDF's annex.
            summary = prepared.completeness.summary().splitlines()
            self.notes.extend(f"berita acara is a DRAF, not final: {line}" for line in summary)
        if prepared.identity.final and final.of_the_job(store, ba) and not store.read_only:
            # A final berita acara of the job replaces every original of another Nomor. On a
            # read-only job the build only writes its output: the print log stays as it is,
            # and no original is printed from there (report print refuses it).
            supersede_originals(store.db, prepared.identity.nomor)
        return saved

    def _deskripsi(
        self, store: JobStore, data: ReportData, out: Path, stamp_dir: Path | None
    ) -> Path:
        from fieldapp.reports.deskripsi import render_deskripsi
        from fieldapp.reports.photos import PhotoProcessor

        processor = PhotoProcessor(store.photos_dir, stamp_dir)
        pdf = render_deskripsi(
            data,
            processor,
            self.options.paper,
            progress=lambda name: self._step(f"deskripsi {name}"),
            check=self.check,
        )
        self.notes.extend(pdf.notes)
        self.check()
        return save_pdf(pdf, out)

    def _stakeout(self, data: ReportData, out: Path) -> Path:
        from fieldapp.reports.stakeout import render_stakeout

        pdf = render_stakeout(data, self.options.paper)
        self.check()
        self._step("laporan stake out")
        return save_pdf(pdf, out)

    def _data_documents(self, installed: ReportData, staked: ReportData, work: Path) -> None:
        """The stake-out report, XLSX tables and DXF map of a deliverables folder."""
        from fieldapp.reports.stakeout import render_stakeout
        from fieldapp.reports.tables import write_tables

        n = DELIVERABLE_NAMES
        pdf = render_stakeout(staked, self.options.paper)
        self.check()
        save_pdf(pdf, work / n["stakeout"])
        write_tables(installed, work / n["tables"])
        self.check()
        write_map(installed, work / n["map"])
        self._network(installed, work / n["network"])

    def _network(self, data: ReportData, out: Path) -> None:
        """The baseline network sketch, beside Tabel I/II whose baselines it draws."""
        from fieldapp.reports.control_net import shown_baselines, write_network

        if shown_baselines(data.baselines):
            self.check()
            write_network(data, out, self.options.paper)

    def _deliverables(self, store: JobStore) -> Path:

        target = self.output
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise ValueError(f"{target}: exists and is not an empty folder; choose a new one")
        installed = load_report_data(store)
        staked = load_report_data(store, select=_staked)
        self._total = len(installed.markers) + 5
        target.parent.mkdir(parents=True, exist_ok=True)
        # Build beside the target and rename at the end: the folder appears complete or not at all.
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
        try:
            n = DELIVERABLE_NAMES
            photo_dir = work / n["photos"]
            photo_dir.mkdir()
            self._berita_acara(store, installed, work / n["berita_acara"])
            # The stake-out report, the tables and the map need no database: they are laid
            # out on a second thread while the deskripsi's photos decode (libjpeg releases
            # the GIL), so both cores stay busy instead of one after the other.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tables") as side:
                others = side.submit(self._data_documents, installed, staked, work)
                self._deskripsi(store, installed, work / n["deskripsi"], photo_dir)
                others.result()
            for step in ("laporan stake out", "tabel koordinat", "peta DXF"):
                self._step(step)
            self.check()
            _write_sums(work, work / n["sums"])
            if target.exists():
                target.rmdir()
            work.replace(target)
        finally:
            if work.exists():
                shutil.rmtree(work, ignore_errors=True)
        return target


def write_map(data: ReportData, target: Path) -> Path:
    """WIUP, markers as installed, their reference markers and control (the exchange DXF writer)."""
    from fieldapp.exchange.export import build_export_set, export_points
    from fieldapp.survey.models import Marker

    built = [
        Marker(
            m.name, m.marker.kind, m.marker.seq, m.lat, m.lon, m.h, m.marker.edge, m.marker.status
        )
        for m in data.markers
    ]
    refs = [r for m in data.markers for r in m.installation.references]
    export = build_export_set(
        data.permit, data.grid, list(data.boundary), built, list(data.control), refs
    )
    return export_points(export, "dxf", target)


def _write_sums(folder: Path, target: Path) -> None:
    lines = [
        f"{sha256_file(p)}  {p.relative_to(folder).as_posix()}"
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    with atomic_path(target) as tmp:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_document(
    job: Path,
    kind: BuildKind | str,
    output: Path,
    options: BuildOptions | None = None,
    progress: Callable[[BuildProgress], None] | None = None,
) -> BuildResult:
    """Run a build on the calling thread (the CLI); the GUI holds the DocumentBuild itself."""
    return DocumentBuild(job, BuildKind(kind), output, options, progress).run()
