"""What a berita acara pemasangan ulang states: the reinstallation, old and new position, Nomor.

The reinstalled marker is gathered like any marker of a berita acara (:func:`load_report_data`)
but from the reinstallation's own records; the old position is the original installation's
staked position, read from the original records (never changed by the reinstallation).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from urllib.parse import quote

from fieldapp.reports.completeness import Completeness, check_completeness
from fieldapp.reports.data import MarkerReport, ReportData, ReportInputError, canonical_json
from fieldapp.reports.identity import (
    DATA_KEY,
    DAY_KEY,
    DRAFT,
    FINAL,
    NOMOR_KEY,
    PLACE_KEY,
    STATEMENT_KEY,
    STATUS_KEY,
    SUFFIX_HEX,
    BeritaAcaraIdentity,
    statement_day,
)
from fieldapp.store import JobStore
from fieldapp.store.reinstallations import Reinstallation, for_document, load_reinstallation
from fieldapp.store.signatory import HolderSignatories, load_signatories
from fieldapp.store.witness_needs import load_ba_register

REINSTALLATION_KEY = "reinstallation:"  # the uuid, in the PDF keywords (before the Nomor)


@dataclass(frozen=True, slots=True)
class Shift:
    """New minus old position: on the grid, horizontally and in height (None without h)."""

    de_m: float
    dn_m: float
    horizontal_m: float
    dh_m: float | None


@dataclass(frozen=True, slots=True)
class ReinstallationData:
    reinstallation: Reinstallation
    data: ReportData  # the job with the one reinstalled marker, from its own records
    new: MarkerReport
    old: MarkerReport  # the marker as the original installation placed it
    shift: Shift
    inspected: tuple[str, str] | None = None  # (date, condition) of the linked inspection


def shift_between(old: MarkerReport, new: MarkerReport) -> Shift:
    de, dn = new.e - old.e, new.n - old.n
    dh = None if old.h is None or new.h is None else new.h - old.h
    return Shift(de, dn, math.hypot(de, dn), dh)


def load_reinstallation_data(store: JobStore, marker: str) -> ReinstallationData:
    """The open (else the latest closed) reinstallation of ``marker``, ready to print."""
    try:
        r = for_document(store.db, marker)
    except (LookupError, ValueError) as exc:
        raise ReportInputError(str(exc.args[0]), marker=marker, path=store.path) from exc
    return _gather(store, r)


def reinstallation_data_by_uuid(store: JobStore, uuid: str) -> ReinstallationData:
    row = store.db.execute("SELECT id FROM reinstallation WHERE uuid = ?", [uuid]).fetchone()
    if row is None:
        raise ReportInputError(f"no reinstallation {uuid} in this job", path=store.path)
    return _gather(store, load_reinstallation(store.db, int(row[0])))


def _gather(store: JobStore, r: Reinstallation) -> ReinstallationData:
    from fieldapp.reports.data import load_report_data

    if r.state == "cancelled":
        raise ReportInputError(
            f"marker {r.marker}: the reinstallation {r.uuid} was cancelled", marker=r.marker
        )
    try:
        data = load_report_data(store, names=[r.marker], reinstallation_id=r.id)
    except ReportInputError as exc:
        raise ReportInputError(
            f"marker {r.marker}: the reinstallation has no stake yet (stake or occupy the "
            f"marker first): {exc}",
            marker=r.marker,
            path=store.path,
        ) from exc
    original = load_report_data(store, names=[r.marker])
    new, old = data.markers[0], original.markers[0]
    inspected = None
    if r.inspection_uuid is not None:
        row = store.db.execute(
            "SELECT inspected_on, condition FROM inspection WHERE uuid = ?", [r.inspection_uuid]
        ).fetchone()
        inspected = (str(row[0]), str(row[1])) if row else None
    return ReinstallationData(r, data, new, old, shift_between(old, new), inspected)


@dataclass(frozen=True, slots=True)
class ReinstallationIdentity:
    """The Nomor of a berita acara pemasangan ulang, bound to the hash of what it states."""

    identity: BeritaAcaraIdentity
    uuid: str

    @property
    def nomor(self) -> str:
        return self.identity.nomor

    def keywords(self) -> str:
        i = self.identity
        place = quote(i.place, safe="") if i.place else "-"
        return (
            f"{DATA_KEY}{i.data_sha256} {STATEMENT_KEY}{i.statement_sha256} "
            f"{STATUS_KEY}{FINAL if i.final else DRAFT} {DAY_KEY}{i.day.isoformat()} "
            f"{PLACE_KEY}{place} {REINSTALLATION_KEY}{self.uuid} {NOMOR_KEY}{i.nomor}"
        )


def embedded_uuid(keywords: str) -> str | None:
    head = keywords.partition(f" {NOMOR_KEY}")[0]
    for token in head.split():
        if token.startswith(REINSTALLATION_KEY):
            return token[len(REINSTALLATION_KEY) :] or None
    return None


def reinstallation_identity(
    rd: ReinstallationData,
    completeness: Completeness,
    signing: HolderSignatories,
    *,
    day: dt.date | None = None,
    place: str | None = None,
    register: str | None = None,
) -> ReinstallationIdentity:
    """Hash what it states (records, reason, old position, signatories, date, gaps)."""
    signed = statement_day(rd.data, day)
    register = " ".join((register or "").split()) or None
    r = rd.reinstallation
    statement = {
        "kind": "pemasangan_ulang",
        "reinstallation": r.uuid,
        "reason": r.reason,
        "inspection": r.inspection_uuid,
        "data": rd.data.sha256,
        "old_stake": [rd.old.stake.id, rd.old.lat, rd.old.lon, rd.old.h],
        "day": signed.isoformat(),
        "place": place,
        "holder_signatory": signing.name,
        "holder_position": signing.position,
        "ktt": signing.ktt_name,
        "register": register,
        "missing": [[g.marker, list(g.items)] for g in completeness.gaps],
        "missing_general": list(completeness.general),
    }
    sha = hashlib.sha256(canonical_json(statement).encode("utf-8")).hexdigest()
    suffix = sha[:SUFFIX_HEX].upper()
    code = rd.data.permit.wiup_code or "WIUP"
    nomor = (
        f"{register}/TBU/{suffix}"
        if register
        else f"BA-TBU/{code}/{rd.new.name}/{signed:%Y%m%d}/{suffix}"
    )
    identity = BeritaAcaraIdentity(nomor, sha, rd.data.sha256, signed, completeness.final, place)
    return ReinstallationIdentity(identity, r.uuid)


def reinstallation_completeness(
    store: JobStore, rd: ReinstallationData, signing: HolderSignatories, day: dt.date
) -> Completeness:
    """The berita acara's rules on the reinstalled marker (stake, description, photos,
    witnesses, method, signatories and their KPO cards), plus: the reinstallation is open or
    closed, never cancelled (a cancelled one is refused before)."""
    return check_completeness(store, rd.data, signatories=signing, on=day)


def current_reinstallation_identity(
    store: JobStore, uuid: str, day: dt.date | None, place: str | None
) -> tuple[ReinstallationIdentity, Completeness]:
    """The identity this reinstallation's berita acara has now, signed as the job records."""
    rd = reinstallation_data_by_uuid(store, uuid)
    stored = load_signatories(store.db)
    signed = statement_day(rd.data, day)
    completeness = reinstallation_completeness(store, rd, stored, signed)
    identity = reinstallation_identity(
        rd, completeness, stored, day=day, place=place, register=load_ba_register(store.db)
    )
    return identity, completeness
