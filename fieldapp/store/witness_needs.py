"""What a marker's situation asks of its witnesses beyond the job's own data, and the BA register.

The officer of the marker's desa/kecamatan and the holders of neighbouring permits follow from
the description and the neighbour areas; forest land, private land and another commodity's
permit over the marker are facts only the surveyor knows, recorded here per marker.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso

MAX_TEXT = 160


@dataclass(frozen=True, slots=True)
class WitnessNeeds:
    """Flags of one marker: each one requires a witness of the matching category."""

    forest_area: bool = False  # petugas kehutanan
    private_land: bool = False  # pemegang hak atas tanah
    other_commodity_holder: str | None = None  # pemegang izin komoditas lain, by name


def _text(value: str | None, what: str) -> str | None:
    text = " ".join((value or "").split()) or None
    if text is not None and len(text) > MAX_TEXT:
        raise ValueError(f"{what} is {len(text)} characters long; at most {MAX_TEXT}")
    return text


def load_witness_needs(db: JobDatabase, marker: str) -> WitnessNeeds:
    row = db.execute(
        "SELECT forest_area, private_land, other_commodity_holder FROM marker_witness_need "
        "WHERE marker_id = ?",
        [marker_id(db, marker)],
    ).fetchone()
    if row is None:
        return WitnessNeeds()
    return WitnessNeeds(bool(row[0]), bool(row[1]), row[2] or None)


def set_witness_needs(db: JobDatabase, marker: str, needs: WitnessNeeds) -> WitnessNeeds:
    """Store the flags of ``marker`` (replacing earlier ones) and log the change."""
    other = _text(needs.other_commodity_holder, "other-commodity holder")
    mid = marker_id(db, marker)
    row = {
        "forest_area": int(needs.forest_area),
        "private_land": int(needs.private_land),
        "other_commodity_holder": other,
    }
    with db.atomic():
        db.execute(
            "INSERT INTO marker_witness_need (marker_id, forest_area, private_land, "
            "other_commodity_holder, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (marker_id) "
            "DO UPDATE SET forest_area = excluded.forest_area, private_land = "
            "excluded.private_land, other_commodity_holder = excluded.other_commodity_holder, "
            "updated_at = excluded.updated_at",
            [mid, row["forest_area"], row["private_land"], other, now_iso()],
        )
        log_change(db, mid, "marker_witness_need", mid, "update", row)
    return load_witness_needs(db, marker)


def load_ba_register(db: JobDatabase) -> str | None:
    """The company's own register number for its berita acara (e.g. 123/BA/PT-X/2026)."""
    row = db.execute("SELECT ba_register FROM permit_area WHERE id = 1").fetchone()
    return None if row is None or not row[0] else str(row[0])


def set_ba_register(db: JobDatabase, register: str | None) -> str | None:
    text = _text(register, "register number")
    with db.atomic():
        cursor = db.execute(
            "UPDATE permit_area SET ba_register = ?, updated_at = ? WHERE id = 1",
            [text, now_iso()],
        )
        if cursor.rowcount != 1:
            raise LookupError("the job has no permit area record")
    return text
