"""Equipment used on a job (GNSS receivers, total stations): model and serial for the documents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso


class EquipmentKind(StrEnum):
    GNSS_RECEIVER = "gnss_receiver"
    TOTAL_STATION = "total_station"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Equipment:
    """One instrument: the berita acara lists every one with its serial number."""

    kind: EquipmentKind
    model: str
    serial: str
    notes: str | None = None


def add_equipment(db: JobDatabase, item: Equipment) -> None:
    """Record an instrument; the same kind, model and serial twice is refused by the schema."""
    if not item.model.strip() or not item.serial.strip():
        raise ValueError("equipment needs a model and a serial number")
    with db.atomic():
        db.table("equipment").insert(
            {
                "kind": EquipmentKind(item.kind).value,
                "model": item.model.strip(),
                "serial": item.serial.strip(),
                "notes": item.notes,
                "added_at": now_iso(),
            }
        )


def load_equipment(db: JobDatabase) -> list[Equipment]:
    rows = db.query("SELECT kind, model, serial, notes FROM equipment ORDER BY kind, id")
    return [Equipment(EquipmentKind(r["kind"]), r["model"], r["serial"], r["notes"]) for r in rows]


def equipment_by_id(db: JobDatabase) -> dict[int, Equipment]:
    """Every instrument by its row id: occupations name the receiver they were made with."""
    rows = db.query("SELECT id, kind, model, serial, notes FROM equipment ORDER BY id")
    return {
        int(r["id"]): Equipment(EquipmentKind(r["kind"]), r["model"], r["serial"], r["notes"])
        for r in rows
    }


def find_equipment(db: JobDatabase, serial: str) -> int:
    """The row id of the instrument with this serial number (as added to the job)."""
    wanted = serial.strip()
    for eid, item in equipment_by_id(db).items():
        if item.serial == wanted:
            return eid
    known = ", ".join(e.serial for e in equipment_by_id(db).values()) or "none"
    raise LookupError(f"no instrument with serial {wanted!r} in this job (known: {known})")
