"""The people who sign the berita acara for the permit holder (name, position) and the KTT."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso

MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class HolderSignatories:
    """Who signs for the permit holder, with the position, and the KTT who acknowledges."""

    name: str | None = None
    position: str | None = None  # jabatan, e.g. "Direktur Utama"
    ktt_name: str | None = None  # Kepala Teknik Tambang: the "Mengetahui" block

    @property
    def missing(self) -> tuple[str, ...]:
        """What a final berita acara still lacks here, in Indonesian (for a DRAF annex)."""
        out = []
        if not self.name:
            out.append("nama penanda tangan pemegang IUP")
        if not self.position:
            out.append("jabatan penanda tangan pemegang IUP")
        if not self.ktt_name:
            out.append("nama Kepala Teknik Tambang (KTT)")
        return tuple(out)


def _clean(text: str | None, what: str) -> str | None:
    value = " ".join((text or "").split()) or None
    if value is not None and len(value) > MAX_NAME:
        raise ValueError(f"{what} is {len(value)} characters long; at most {MAX_NAME}")
    return value


def load_holder_signatory(db: JobDatabase) -> str | None:
    return load_signatories(db).name


def load_signatories(db: JobDatabase) -> HolderSignatories:
    row = db.execute(
        "SELECT holder_signatory, holder_signatory_position, ktt_name FROM permit_area WHERE id = 1"
    ).fetchone()
    if row is None:
        return HolderSignatories()
    return HolderSignatories(*(str(v) if v else None for v in row))


def set_holder_signatory(db: JobDatabase, name: str | None) -> str | None:
    """Store the name (spaces folded); empty clears it. Returns what was stored."""
    return _update(db, {"holder_signatory": _clean(name, "signatory name")})["holder_signatory"]


def set_signatories(
    db: JobDatabase,
    *,
    name: str | None = None,
    position: str | None = None,
    ktt_name: str | None = None,
) -> HolderSignatories:
    """Store the values given (not None); an empty string clears one."""
    values: dict[str, str | None] = {}
    if name is not None:
        values["holder_signatory"] = _clean(name, "signatory name")
    if position is not None:
        values["holder_signatory_position"] = _clean(position, "signatory position")
    if ktt_name is not None:
        values["ktt_name"] = _clean(ktt_name, "KTT name")
    if values:
        _update(db, values)
    return load_signatories(db)


def _update(db: JobDatabase, values: dict[str, str | None]) -> dict[str, str | None]:
    sets = ", ".join(f"{k} = ?" for k in values)
    with db.atomic():
        cursor = db.execute(
            f"UPDATE permit_area SET {sets}, updated_at = ? WHERE id = 1",
            [*values.values(), now_iso()],
        )
        if cursor.rowcount != 1:
            raise LookupError("the job has no permit area record")
    return values
