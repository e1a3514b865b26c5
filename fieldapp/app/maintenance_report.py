"""Build the laporan pemeliharaan of a period: PDF (and XLSX), recorded in the job when final."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.reports.cards import card_refusals
from fieldapp.reports.errors import ReportInputError
from fieldapp.reports.glyphs import check_glyphs
from fieldapp.reports.maintenance import MaintenanceOptions, document_number, render_maintenance
from fieldapp.reports.maintenance_data import (
    MaintenanceData,
    load_maintenance_data,
    parse_period,
)
from fieldapp.reports.maintenance_xlsx import write_maintenance_xlsx
from fieldapp.reports.pdfbase import Paper, save_pdf
from fieldapp.store import JobStore
from fieldapp.store.maintenance_reports import record_maintenance_report
from fieldapp.store.photos import sha256_file
from fieldapp.store.signatory import load_signatories


@dataclass(frozen=True, slots=True)
class MaintenanceBuild:
    """What was written and what it is: final (recorded) or a DRAF with its reasons."""

    pdf: Path
    xlsx: Path | None
    period: str
    number: str
    reasons: tuple[str, ...]  # why it is a DRAF; empty: final
    document_sha256: str
    recorded: int | None  # the maintenance_report row of a final build (None: not recorded)
    photos: int
    notes: tuple[str, ...] = ()

    @property
    def final(self) -> bool:
        return not self.reasons


def _refusals(store: JobStore, data: MaintenanceData, day: dt.date) -> tuple[str, ...]:
    """The juru ukur who sign (those of the visits reported) whose KPO card refuses them."""
    return tuple(card_refusals(store.db, [s.name for s in data.surveyors], day))


def _texts(data: MaintenanceData) -> list[tuple[str, str | None]]:
    p = data.permit
    texts: list[tuple[str, str | None]] = [("permit holder", p.holder)]
    texts += [("surveyor", s.name) for s in data.surveyors]
    for m in data.markers:
        texts.append(("marker", m.name))
        i = m.inspection
        if i is not None:
            texts += [(f"access condition of {m.name}", i.access_condition),
                      (f"action taken at {m.name}", i.action_taken),
                      (f"note of {m.name}", i.note)]  # fmt: skip
            texts += [(f"photo caption of {m.name}", ph.caption) for ph in i.photos]
    return texts


def build_maintenance_report(
    store: JobStore,
    period: str,
    output: Path,
    xlsx: Path | None = None,
    *,
    paper: Paper = "a4",
    today: dt.date | None = None,
    check: Callable[[], None] | None = None,
) -> MaintenanceBuild:
    """Refuse a bad or future period; write the PDF (and XLSX); record a final build.

    Raises :class:`ReportInputError` (one line, naming what is wrong); nothing is written
    then, and a failure after the PDF leaves neither file behind.
    """
    today = today or dt.date.today()
    chosen = parse_period(period, today)
    if output.suffix.lower() != ".pdf":
        raise ReportInputError(f"{output}: the laporan pemeliharaan is a PDF (FILE.pdf)")
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise ReportInputError(f"{xlsx}: the table is an Excel workbook (FILE.xlsx)")
    if xlsx is not None and xlsx.resolve() == output.resolve():
        raise ReportInputError(f"{xlsx}: the XLSX and the PDF must be two files")
    data = load_maintenance_data(store, chosen, today)
    check_glyphs(_texts(data))
    signing = load_signatories(store.db)
    opts = MaintenanceOptions(
        paper=paper, day=today, signing=signing, refusals=_refusals(store, data, today)
    )
    pdf, reasons = render_maintenance(data, opts, check)
    photos = sum(len(m.inspection.photos) for m in data.visited if m.inspection)
    written = [save_pdf(pdf, output)]
    try:
        if xlsx is not None:
            written.append(write_maintenance_xlsx(data, xlsx, "DRAF" if reasons else "FINAL"))
        digest = sha256_file(output)
        recorded, notes = None, []
        if not reasons:
            if store.read_only:
                notes.append(f"job {store.path} is read-only: this final report is not recorded")
            else:
                recorded = record_maintenance_report(store.db, chosen.code, output.name, digest).id
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return MaintenanceBuild(output, xlsx, chosen.code, document_number(data), tuple(reasons),
                            digest, recorded, photos, tuple(notes))  # fmt: skip
