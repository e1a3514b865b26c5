"""Build the berita acara pemasangan ulang of one marker: glyphs, completeness, Nomor, DRAF."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from fieldapp.reports.berita_acara import BeritaAcaraOptions
from fieldapp.reports.berita_acara_ulang import render_berita_acara_ulang
from fieldapp.reports.completeness import Completeness
from fieldapp.reports.draft import mark_draft
from fieldapp.reports.final import _texts, of_the_job
from fieldapp.reports.glyphs import check_glyphs
from fieldapp.reports.identity import statement_day
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.reinstall_data import (
    ReinstallationIdentity,
    load_reinstallation_data,
    reinstallation_completeness,
    reinstallation_identity,
)
from fieldapp.store import JobStore
from fieldapp.store.printlog import supersede_originals
from fieldapp.store.signatory import HolderSignatories
from fieldapp.store.witness_needs import load_ba_register


@dataclass(frozen=True, slots=True)
class ReinstallationDocument:
    path: Path
    identity: ReinstallationIdentity
    completeness: Completeness
    notes: tuple[str, ...]

    @property
    def final(self) -> bool:
        return self.completeness.final


def build_berita_acara_ulang(
    store: JobStore, marker: str, target: Path, opts: BeritaAcaraOptions
) -> ReinstallationDocument:
    """Write the berita acara of the marker's open (else last closed) reinstallation.

    Its Nomor is bound to what it states; a final build of the job's own signatories and
    register supersedes the earlier originals of this reinstallation only (the job's berita
    acara and other reinstallations keep theirs).
    """
    rd = load_reinstallation_data(store, marker)
    check_glyphs([*_texts(rd.data, opts), ("reason", rd.reinstallation.reason)])
    signing = HolderSignatories(opts.holder_signatory, opts.holder_position, opts.ktt_name)
    day = statement_day(rd.data, opts.day)
    completeness = reinstallation_completeness(store, rd, signing, day)
    identity = reinstallation_identity(
        rd,
        completeness,
        signing,
        day=day,
        place=opts.place,
        register=opts.number or load_ba_register(store.db),
    )
    pdf = render_berita_acara_ulang(rd, identity, replace(opts, day=day))
    mark_draft(pdf, completeness)
    pdf.set_keywords(identity.keywords())
    saved = save_pdf(pdf, target)
    notes = list(pdf.notes)
    if not completeness.final:
        notes += [
            f"berita acara pemasangan ulang is a DRAF, not final: {line}"
            for line in completeness.summary().splitlines()
        ]
    elif of_the_job(store, opts) and not store.read_only:
        supersede_originals(store.db, identity.nomor, rd.reinstallation.id)
    return ReinstallationDocument(saved, identity, completeness, tuple(notes))
