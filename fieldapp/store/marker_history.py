"""The life of one marker, oldest first: planned, staked, installed, inspected, reinstalled.

Read from the records as they are, nothing stored of its own: the marker row, its stakes
(the field time of their measurement), the status changes in change_log, the inspections
(:mod:`fieldapp.store.inspections`) and the reinstallation table, read directly from its
schema (:mod:`fieldapp.store.schema_reinstall`) so no reinstallation code is needed here.

An inspection gives ``inspected`` and, by its condition, ``damaged`` (rusak, tercabut),
``lost`` (hilang) or ``moved`` (bergeser, or a check shot outside the tolerance whatever the
condition said: the measurement is the stronger evidence). Texts are Indonesian: the GUI and
the documents show them as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from fieldapp.store.audit import marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.inspections import Inspection, list_inspections

KINDS = (
    "planned", "staked", "installed", "documented", "inspected", "damaged", "lost", "moved",
    "reinstallation_opened", "reinstalled", "reinstallation_cancelled",
)  # fmt: skip
CONDITION_EVENT = {"rusak": "damaged", "tercabut": "damaged", "hilang": "lost", "bergeser": "moved"}
_STATUS_TEXT = {
    "installed": "Tanda Batas terpasang (data pemasangan lengkap dicatat)",
    "documented": "Tanda Batas terdokumentasi (deskripsi, foto dan saksi lengkap)",
}


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    at: str  # ISO date or datetime
    kind: str
    text: str


def _m(value: float, decimals: int = 3) -> str:
    """Metres with the decimal comma, as the Indonesian documents write them."""
    return f"{value:.{decimals}f}".replace(".", ",")


def marker_history(db: JobDatabase, marker: str) -> list[HistoryEvent]:
    """Every event of ``marker`` oldest first (same instant: in the order they happened)."""
    mid = marker_id(db, marker)
    events: list[HistoryEvent] = []
    (created,) = db.execute("SELECT created_at FROM marker WHERE id = ?", [mid]).fetchone()
    events.append(HistoryEvent(created, "planned", f"Tanda Batas {marker} direncanakan"))
    events += _stakes(db, mid)
    events += _status_changes(db, mid)
    for inspection in list_inspections(db, marker):
        events += _inspection_events(inspection)
    events += _reinstallations(db, mid)
    order = {k: i for i, k in enumerate(KINDS)}
    # Stable: events of the same instant keep the order of their kind in the life of a marker.
    return sorted(events, key=lambda e: (e.at, order[e.kind]))


def _stakes(db: JobDatabase, mid: int) -> list[HistoryEvent]:
    rows = db.execute(
        "SELECT s.id, s.source, s.recorded_at, s.horizontal_m, s.tolerance_m, s.passed,"
        " s.reinstallation_id, o.last_utc, o.id FROM stake s"
        " LEFT JOIN occupation o ON o.id = s.occupation_id"
        " WHERE s.marker_id = ? AND s.withdrawn_at IS NULL ORDER BY s.id",
        [mid],
    ).fetchall()
    out = []
    for sid, source, recorded, horiz, tol, passed, reinst, last_utc, occ in rows:
        at = last_utc if last_utc and "T" in last_utc else recorded
        how = f"GNSS (okupasi {occ})" if source == "gnss" else "total station"
        within = "dalam" if passed else "DI LUAR"
        again = " (pemasangan ulang)" if reinst is not None else ""
        out.append(
            HistoryEvent(
                at,
                "staked",
                f"Dipatok{again}: {how}, {_m(horiz)} m dari koordinat rencana ({within} "
                f"toleransi {_m(tol, 2)} m), patok {sid}",
            )
        )
    return out


def _status_changes(db: JobDatabase, mid: int) -> list[HistoryEvent]:
    out = []
    for at, detail in db.execute(
        "SELECT at, detail FROM change_log WHERE marker_id = ? AND table_name = 'marker'"
        " AND action = 'status' ORDER BY id",
        [mid],
    ):
        to = json.loads(detail or "{}").get("to")
        if to in _STATUS_TEXT:
            out.append(HistoryEvent(at, to, _STATUS_TEXT[to]))
    return out


def _inspection_events(i: Inspection) -> list[HistoryEvent]:
    at = i.inspected_on.isoformat()
    parts = [f"kondisi {i.condition}"]
    parts.append(
        "vegetasi 1 m dibersihkan" if i.vegetation_cleared else "vegetasi tidak dibersihkan"
    )
    c = i.check
    if c is not None:
        verdict = "dalam" if c.passed else "DI LUAR"
        parts.append(
            f"ukuran cek {'GNSS' if c.source == 'gnss' else 'total station'} "
            f"{_m(c.horizontal_m)} m dari posisi terpasang ({verdict} toleransi "
            f"{_m(c.tolerance_m, 2)} m)"
        )
    if i.surveyor:
        parts.append(f"juru ukur {i.surveyor}")
    out = [HistoryEvent(at, "inspected", f"Pemeliharaan: {', '.join(parts)}")]
    kind = CONDITION_EVENT.get(i.condition)
    if kind is not None:
        found = f"Tanda Batas ditemukan {i.condition}"
        if i.action_taken:
            found += f"; tindakan: {i.action_taken}"
        out.append(HistoryEvent(at, kind, found))
    if c is not None and not c.passed and kind != "moved":
        # The check names what it measured (store.inspections): a reference marker is not the
        # Tanda Batas on the true point.
        ref = "dengan Tanda Batas Referensi" in c.detail
        what = "Tanda Batas Referensi" if ref else "Tanda Batas"
        out.append(
            HistoryEvent(
                at,
                "moved",
                f"Ukuran cek menunjukkan {what} bergeser {_m(c.horizontal_m)} m "
                f"(toleransi {_m(c.tolerance_m, 2)} m)",
            )
        )
    return out


def _reinstallations(db: JobDatabase, mid: int) -> list[HistoryEvent]:
    out = []
    for opened, closed, cancelled, why, reason in db.execute(
        "SELECT opened_at, closed_at, cancelled_at, cancelled_reason, reason"
        " FROM reinstallation WHERE marker_id = ? ORDER BY id",
        [mid],
    ):
        out.append(
            HistoryEvent(opened, "reinstallation_opened", f"Pemasangan ulang dibuka: {reason}")
        )
        if closed:
            out.append(HistoryEvent(closed, "reinstalled", "Tanda Batas dipasang ulang"))
        if cancelled:
            text = "Pemasangan ulang dibatalkan" + (f": {why}" if why else "")
            out.append(HistoryEvent(cancelled, "reinstallation_cancelled", text))
    return out
