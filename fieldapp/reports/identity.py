"""The identity of a berita acara: its Nomor, bound to the SHA-256 of everything it states.

What it states is the job's data (markers, records, surveyors, equipment: ``ReportData.sha256``),
the signatories (the permit holder's signatory among them), the place and the date, the
company's register number and, for a DRAF, the list of what is missing. The paper is only a
layout: A4 and F4 builds of the same statement carry the same Nomor, and the print log keeps
one original per Nomor. Any change to what it states changes the hash and so the Nomor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import quote, unquote

from fieldapp.reports.completeness import Completeness
from fieldapp.reports.data import ReportData, ReportInputError, canonical_json

DATA_KEY = "data-sha256:"
STATEMENT_KEY = "statement-sha256:"
STATUS_KEY = "status:"
DAY_KEY = "day:"
PLACE_KEY = "place:"  # percent-encoded; "-" when the place follows from the descriptions
NOMOR_KEY = "nomor:"  # last: a register number may hold spaces
FINAL, DRAFT = "final", "draf"
SUFFIX_HEX = 8  # 32 bits of the statement hash: distinct per content within any one job


@dataclass(frozen=True, slots=True)
class BeritaAcaraIdentity:
    """The Nomor of a berita acara and the hashes it is bound to."""

    nomor: str
    statement_sha256: str
    data_sha256: str
    day: dt.date
    final: bool
    place: str | None = None  # as given for the build (None: from the descriptions)

    def keywords(self) -> str:
        """The PDF keywords the print rule reads back (see :func:`parse_keywords`)."""
        status = FINAL if self.final else DRAFT
        return (
            f"{DATA_KEY}{self.data_sha256} {STATEMENT_KEY}{self.statement_sha256} "
            f"{STATUS_KEY}{status} {DAY_KEY}{self.day.isoformat()} "
            f"{PLACE_KEY}{quote(self.place, safe='') if self.place else '-'} "
            f"{NOMOR_KEY}{self.nomor}"
        )


@dataclass(frozen=True, slots=True)
class EmbeddedIdentity:
    """What a berita acara PDF says about itself; fields None in PDFs of older builds."""

    data_sha256: str | None
    statement_sha256: str | None
    nomor: str | None
    draft: bool
    day: dt.date | None = None
    place: str | None = None


def parse_keywords(text: str) -> EmbeddedIdentity:
    head, _, nomor = text.partition(f" {NOMOR_KEY}")
    fields = dict(token.split(":", 1) for token in head.split() if ":" in token)
    data = fields.get(DATA_KEY[:-1])
    statement = fields.get(STATEMENT_KEY[:-1])
    try:
        day = dt.date.fromisoformat(fields.get(DAY_KEY[:-1], ""))
    except ValueError:
        day = None
    place = fields.get(PLACE_KEY[:-1], "-")
    return EmbeddedIdentity(
        data[:64] if data else None,
        statement[:64] if statement else None,
        nomor.strip() or None,
        fields.get(STATUS_KEY[:-1]) == DRAFT,
        day,
        None if place == "-" else unquote(place),
    )


def statement_day(data: ReportData, day: dt.date | None) -> dt.date:
    """The date it is signed: given, or the day the last marker was installed."""
    if day is not None:
        return day
    if not data.markers:
        raise ReportInputError(
            f"{data.job_path}: no installed marker to put in the berita acara", path=data.job_path
        )
    return max(m.installed_at.date() for m in data.markers)


def berita_acara_identity(
    data: ReportData,
    completeness: Completeness,
    *,
    day: dt.date | None = None,
    place: str | None = None,
    holder_signatory: str | None = None,
    holder_position: str | None = None,
    ktt_name: str | None = None,
    register: str | None = None,
) -> BeritaAcaraIdentity:
    """Hash what the berita acara states and make its Nomor (with the register when set)."""
    signed = statement_day(data, day)
    register = " ".join((register or "").split()) or None
    statement = {
        "data": data.sha256,
        "day": signed.isoformat(),
        "place": place,  # None: the place follows from the markers' descriptions (in data)
        "holder_signatory": holder_signatory,
        "holder_position": holder_position,
        "ktt": ktt_name,
        "register": register,
        "missing": [[g.marker, list(g.items)] for g in completeness.gaps],
        "missing_general": list(completeness.general),
    }
    sha = hashlib.sha256(canonical_json(statement).encode("utf-8")).hexdigest()
    suffix = sha[:SUFFIX_HEX].upper()
    if register:
        nomor = f"{register}/{suffix}"
    else:
        nomor = f"BA-TB/{data.permit.wiup_code or 'WIUP'}/{signed:%Y%m%d}/{suffix}"
    return BeritaAcaraIdentity(nomor, sha, data.sha256, signed, completeness.final, place)
