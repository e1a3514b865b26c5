"""Before and after rendering a berita acara: glyphs, completeness, Nomor, DRAF, keywords.

``prepare`` runs against the job (it reads the stake quality, neighbour areas and witness
flags the report data does not carry) and fixes the Nomor and the date the renderer prints;
``finish`` makes the rendered PDF a DRAF when it is not complete and writes the keywords the
print rule reads back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from fieldapp.reports.berita_acara import BeritaAcaraOptions
from fieldapp.reports.completeness import Completeness, check_completeness
from fieldapp.reports.data import ReportData
from fieldapp.reports.draft import mark_draft
from fieldapp.reports.glyphs import check_glyphs
from fieldapp.reports.identity import (
    BeritaAcaraIdentity,
    berita_acara_identity,
    statement_day,
)
from fieldapp.reports.pdfbase import DocumentPDF
from fieldapp.store import JobStore
from fieldapp.store.signatory import HolderSignatories, load_signatories
from fieldapp.store.witness_needs import load_ba_register


@dataclass(frozen=True, slots=True)
class PreparedBeritaAcara:
    """The options to render with (Nomor and date fixed), the identity and the verdict."""

    options: BeritaAcaraOptions
    identity: BeritaAcaraIdentity
    completeness: Completeness


def _texts(data: ReportData, opts: BeritaAcaraOptions) -> list[tuple[str, str | None]]:
    p = data.permit
    texts: list[tuple[str, str | None]] = [
        ("permit holder", p.holder),
        ("permit holder's signatory", opts.holder_signatory),
        ("permit holder's signatory position", opts.holder_position),
        ("KTT", opts.ktt_name),
        ("place", opts.place),
    ]
    texts += [("surveyor", s.name) for s in data.surveyors]
    for m in data.markers:
        texts.append(("marker", m.name))
        for w in m.installation.witnesses:
            if w.withdrawn is None:
                texts += [(f"witness of {m.name}", w.name), (f"institution of {w.name}",
                                                              w.institution)]  # fmt: skip
        d = m.installation.description
        if d is not None:
            texts += [(f"desa of {m.name}", d.desa), (f"kecamatan of {m.name}", d.kecamatan)]
    return texts


def prepare(store: JobStore, data: ReportData, opts: BeritaAcaraOptions) -> PreparedBeritaAcara:
    """Refuse missing glyphs; check completeness; compute the Nomor (``opts.number`` = register).

    ``opts.number`` given for one build is the register part of the Nomor, like the register
    stored with the job: the hash suffix still binds the Nomor to what the document states.
    """
    check_glyphs(_texts(data, opts))
    signing = HolderSignatories(opts.holder_signatory, opts.holder_position, opts.ktt_name)
    day = statement_day(data, opts.day)
    completeness = check_completeness(store, data, signatories=signing, on=day)
    identity = berita_acara_identity(
        data,
        completeness,
        day=opts.day,
        place=opts.place,
        holder_signatory=opts.holder_signatory,
        holder_position=opts.holder_position,
        ktt_name=opts.ktt_name,
        register=opts.number or load_ba_register(store.db),
    )
    options = replace(opts, number=identity.nomor, day=identity.day)
    return PreparedBeritaAcara(options, identity, completeness)


def of_the_job(store: JobStore, opts: BeritaAcaraOptions) -> bool:
    """Whether a build signs as the job's records say (stored signatory and register).

    Only such a berita acara may become an original, so only its final build supersedes
    earlier originals; a one-off ``--holder-signatory`` or ``--number`` build is a draft of
    intent until the job records it.
    """
    stored = load_signatories(store.db)
    register = load_ba_register(store.db)
    signs_as_stored = (opts.holder_signatory, opts.holder_position, opts.ktt_name) == (
        stored.name,
        stored.position,
        stored.ktt_name,
    )
    return signs_as_stored and (opts.number is None or " ".join(opts.number.split()) == register)


def finish(pdf: DocumentPDF, prepared: PreparedBeritaAcara) -> DocumentPDF:
    """The DRAF annex and watermark when incomplete; the identity keywords always."""
    mark_draft(pdf, prepared.completeness)
    pdf.set_keywords(prepared.identity.keywords())
    return pdf


def current_identity(
    store: JobStore, day: dt.date | None, place: str | None
) -> tuple[BeritaAcaraIdentity, Completeness]:
    """The identity the job's berita acara has now, for that date and place, and its verdict.

    It signs with the signatory and register stored in the job: an original must be one the
    job's own records reproduce, not a one-off override.
    """
    from fieldapp.reports.data import load_report_data

    data = load_report_data(store)
    stored = load_signatories(store.db)
    completeness = check_completeness(store, data, signatories=stored, on=statement_day(data, day))
    identity = berita_acara_identity(
        data,
        completeness,
        day=day,
        place=place,
        holder_signatory=stored.name,
        holder_position=stored.position,
        ktt_name=stored.ktt_name,
        register=load_ba_register(store.db),
    )
    return identity, completeness
