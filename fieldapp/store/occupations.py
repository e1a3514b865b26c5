"""Occupations in the job store: a running row, epochs written as they arrive, the final result.

Never lose a measurement: :func:`begin_occupation` commits the occupation row (state
``running``) before the first epoch; every epoch is committed in its own small transaction
(or a batch of a few) as it comes; :meth:`OccupationRecorder.finish` writes the result and the
final epoch verdicts in one transaction. A job closed mid-way keeps its epochs and the
occupation reads back as incomplete; :func:`recover_occupation` can finish it from disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.store.audit import log_change, marker_id, surveyor_id
from fieldapp.store.base_point import base_columns, base_used
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso
from fieldapp.store.reinstall_scope import record_scope
from fieldapp.survey.antenna import HEIGHT_RANGE_M, out_of_range
from fieldapp.survey.installation import OccupationRecord, OccupationState
from fieldapp.survey.occupation import (
    AntennaHeight,
    Comparison,
    EpochRecord,
    EpochVerdict,
    FailReason,
    GateProfile,
    HeightMethod,
    Occupation,
    OccupationResult,
    RejectReason,
)


def _profile_json(p: GateProfile) -> str:
    d = dataclasses.asdict(p)
    d["allowed_qualities"] = sorted(int(q) for q in p.allowed_qualities)
    return json.dumps(d)


def _profile_from_json(text: str) -> GateProfile:
    d = json.loads(text)
    d["allowed_qualities"] = frozenset(d["allowed_qualities"])
    known = {f.name for f in dataclasses.fields(GateProfile)}
    return GateProfile(**{k: v for k, v in d.items() if k in known})


def _epoch_row(occ_id: int, fix: Fix, v: EpochVerdict) -> dict[str, Any]:
    return {
        "occupation_id": occ_id,
        "seq": v.seq,
        "date": fix.date.isoformat() if fix.date else None,
        "time": fix.time_of_day.isoformat() if fix.time_of_day else None,
        "elapsed_s": v.elapsed_s,
        "lat": fix.lat,
        "lon": fix.lon,
        "h": fix.height,
        "alt_msl": fix.alt_msl,
        "quality": fix.quality,
        "sats_used": fix.sats_used,
        "hdop": fix.hdop,
        "pdop": fix.pdop,
        "sigma_lat": fix.sigma_lat,
        "sigma_lon": fix.sigma_lon,
        "sigma_alt": fix.sigma_alt,
        "sigma_source": fix.sigma_source.value if fix.sigma_source else None,
        "used": int(v.used),
        "reject_reason": v.reason.value if v.reason else None,
        "base_id": fix.base_id,
    }


_EPOCH_COLUMNS = (
    "occupation_id", "seq", "date", "time", "elapsed_s", "lat", "lon", "h", "alt_msl", "quality",
    "sats_used", "hdop", "pdop", "sigma_lat", "sigma_lon", "sigma_alt", "sigma_source", "used",
    "reject_reason", "base_id",
)  # fmt: skip
_INSERT_EPOCH = (
    f"INSERT INTO occupation_epoch ({', '.join(_EPOCH_COLUMNS)})"
    f" VALUES ({', '.join(':' + c for c in _EPOCH_COLUMNS)})"
)


class OccupationRecorder:
    """Feeds an :class:`Occupation` and keeps every epoch on disk as it arrives."""

    def __init__(
        self, db: JobDatabase, occ_id: int, occupation: Occupation, batch: int = 1
    ) -> None:
        self.db = db
        self.id = occ_id
        self.occupation = occupation
        self._batch = max(1, batch)
        self._pending: list[dict[str, Any]] = []

    def add(self, fix: Fix) -> EpochVerdict:
        verdict = self.occupation.add(fix)
        self._pending.append(_epoch_row(self.id, fix, verdict))
        if len(self._pending) >= self._batch:
            self.commit()
        return verdict

    def commit(self) -> None:
        """Write the epochs not yet on disk (each ``add`` does this unless batching)."""
        if not self._pending:
            return
        try:
            # A prepared statement: sqlite-utils' insert_all took longer than parsing the NMEA.
            with self.db.atomic():
                self.db.conn.executemany(_INSERT_EPOCH, self._pending)
        except (sqlite3.InterfaceError, sqlite3.ProgrammingError):
            # A value SQLite cannot bind (a reader let a list through): sqlite-utils stores it
            # as JSON text; the epoch is kept as evidence and its gate has rejected it.
            with self.db.atomic():
                self.db.table("occupation_epoch").insert_all(self._pending)
        self._pending.clear()

    def finish(
        self, antenna: AntennaHeight | None = None, antenna_after_m: float | None = None
    ) -> OccupationRecord:
        """Result against the latest earlier finished occupation of the same marker, stored.

        ``antenna_after_m``: the antenna height measured again after the session, the same
        way as before (Kepdirjen 697.K/29/DDJP/1996); range-checked like the before value.
        """
        check_antenna_after(antenna_after_m)
        self.commit()
        row = self.db.execute("SELECT marker_id FROM occupation WHERE id = ?", [self.id]).fetchone()
        earlier = _latest_finished(self.db, int(row[0]), before=self.id)
        earlier_pos = earlier.result.mark_position if earlier and earlier.result else None
        result = self.occupation.result(antenna=antenna, earlier=earlier_pos)
        with self.db.atomic():
            _write_result(self.db, self.id, result, earlier.id if earlier_pos and earlier else None)
            if antenna_after_m is not None:
                self.db.execute(
                    "UPDATE occupation SET antenna_after_m = ? WHERE id = ?",
                    [antenna_after_m, self.id],
                )
            # Final verdicts may differ from the stored provisional ones (outlier re-screen):
            # only those rows are rewritten, not the 144,000 of a long session.
            for v in _revised(self.db, self.id, self.occupation.verdicts()):
                self.db.execute(
                    "UPDATE occupation_epoch SET used = ?, reject_reason = ?"
                    " WHERE occupation_id = ? AND seq = ?",
                    [int(v.used), v.reason, self.id, v.seq],
                )
            log_change(self.db, int(row[0]), "occupation", self.id, "update",
                       {"state": "finished", "passed": result.passed})  # fmt: skip
        return load_occupation(self.db, self.id)

    def abandon(self, reason: str) -> None:
        self.commit()
        with self.db.atomic():
            self.db.execute(
                "UPDATE occupation SET state = 'abandoned', ended_at = ?, note = ?,"
                " updated_at = ? WHERE id = ?",
                [now_iso(), reason, now_iso(), self.id],
            )


def _revised(db: JobDatabase, occ_id: int, final: tuple[EpochVerdict, ...]) -> list[EpochVerdict]:
    """The final verdicts that differ from the rows on disk."""
    stored = db.execute(
        "SELECT seq, used, reject_reason FROM occupation_epoch WHERE occupation_id = ?", [occ_id]
    )
    out = []
    for seq, used, reason in stored:
        if 0 <= seq < len(final):
            v = final[seq]
            if (v.used, v.reason) != (bool(used), reason):
                out.append(v)
    return out


def begin_occupation(
    db: JobDatabase,
    marker: str,
    profile: GateProfile,
    antenna: AntennaHeight | None = None,
    *,
    device: str | None = None,
    source: str | None = None,
    raw_log: str | None = None,
    surveyor: str | None = None,
    batch: int = 1,
    base_station: str | None = None,
    equipment_id: int | None = None,
) -> OccupationRecorder:
    """Commit a ``running`` occupation row and return the recorder that fills it.

    ``base_station``: the base, benchmark or NTRIP mountpoint the corrections came from; when
    it names a control point of the job, that point and its coordinate now are kept with the
    occupation (a later re-processing of the point is then shown, not reinterpreted);
    ``equipment_id``: the receiver in the job's equipment list (model and serial).
    """
    mid = marker_id(db, marker)
    base = " ".join((base_station or "").split())[:MAX_BASE] or None
    sid = surveyor_id(db, surveyor)
    stamp = now_iso()
    row: dict[str, Any] = {
        "uuid": str(uuid.uuid4()), "marker_id": mid, "state": OccupationState.RUNNING.value,
        "started_at": stamp, "profile": profile.name, "profile_json": _profile_json(profile),
        "device": device, "source": source, "raw_log": raw_log, "surveyor_id": sid,
        "updated_at": stamp, "base_station": base, "equipment_id": equipment_id,
        **_antenna_columns(antenna), "reinstallation_id": record_scope(db, mid),
    }  # fmt: skip
    with db.atomic():
        # Read in the same transaction as the insert: the coordinate kept is the one in effect.
        row.update(base_columns(db, base))
        occ_id = _last_pk(db.table("occupation").insert(row).last_pk)
        log_change(db, mid, "occupation", occ_id, "insert", {"profile": profile.name})
    return OccupationRecorder(db, occ_id, Occupation(profile, antenna), batch)


MAX_BASE = 80


def check_antenna_after(value: float | None) -> None:
    """The after height obeys the before height's range: a typing mistake is refused."""
    if value is None:
        return
    bad = out_of_range("height", value, HEIGHT_RANGE_M)
    if bad is not None:
        raise ValueError(f"antenna height after {value} m is outside {bad.low:g}..{bad.high:g} m")


def _last_pk(pk: object) -> int:
    if not isinstance(pk, int):
        raise RuntimeError(f"insert returned no integer rowid ({pk!r})")
    return pk


def _antenna_columns(a: AntennaHeight | None) -> dict[str, Any]:
    if a is None:
        return {}
    return {
        "antenna_measured_m": a.measured_m,
        "antenna_method": a.method.value,
        "antenna_radius_m": a.antenna_radius_m,
        "antenna_pco_m": a.phase_centre_offset_m,
        "antenna_total_m": a.total_m,
    }


def _write_result(
    db: JobDatabase, occ_id: int, r: OccupationResult, earlier_id: int | None
) -> None:
    c = r.comparison
    stamp = now_iso()
    db.table("occupation").update(
        occ_id,
        {
            "state": OccupationState.FINISHED.value, "ended_at": stamp, "updated_at": stamp,
            "lat": r.lat, "lon": r.lon, "h": r.h, "mark_h": r.mark_h,
            "std_n_m": r.std_n_m, "std_e_m": r.std_e_m, "std_u_m": r.std_u_m,
            "epochs_used": r.epochs_used, "epochs_rejected": r.epochs_rejected,
            "rejected_by_reason": json.dumps({k.value: n for k, n in r.rejected_by_reason.items()}),
            "first_utc": _iso(r.first_utc, r.first_time), "last_utc": _iso(r.last_utc, r.last_time),
            "span_s": r.span_s, "sigma_source": r.sigma_source.value if r.sigma_source else None,
            "mean_sigma_h_m": r.mean_sigma_h_m, "mean_sigma_v_m": r.mean_sigma_v_m,
            "passed": int(r.passed), "failures": json.dumps([f.value for f in r.failures]),
            "earlier_occupation_id": earlier_id,
            "cmp_dn_m": c.dn_m if c else None, "cmp_de_m": c.de_m if c else None,
            "cmp_dh_m": c.dh_m if c else None, "cmp_horizontal_m": c.horizontal_m if c else None,
            **_antenna_columns(r.antenna),
        },
    )  # fmt: skip


def _iso(utc: dt.datetime | None, tod: dt.time | None) -> str | None:
    if utc is not None:
        return utc.isoformat()
    return tod.isoformat() if tod is not None else None


def _parse_stamp(text: str | None) -> tuple[dt.datetime | None, dt.time | None]:
    if text is None:
        return None, None
    if "T" in text:
        stamp = dt.datetime.fromisoformat(text)
        return stamp, stamp.timetz().replace(tzinfo=None)
    return None, dt.time.fromisoformat(text)


def _antenna_from_row(r: dict[str, Any]) -> AntennaHeight | None:
    if r["antenna_measured_m"] is None:
        return None
    return AntennaHeight(
        r["antenna_measured_m"],
        HeightMethod(r["antenna_method"]),
        r["antenna_radius_m"] or 0.0,
        r["antenna_pco_m"] or 0.0,
    )


def _record_from_row(db: JobDatabase, r: dict[str, Any]) -> OccupationRecord:
    state = OccupationState(r["state"])
    n_epochs = db.execute(
        "SELECT COUNT(*) FROM occupation_epoch WHERE occupation_id = ?", [r["id"]]
    ).fetchone()[0]
    result = None
    if state is OccupationState.FINISHED:
        first_utc, first_time = _parse_stamp(r["first_utc"])
        last_utc, last_time = _parse_stamp(r["last_utc"])
        cmp = None
        if r["cmp_horizontal_m"] is not None:
            cmp = Comparison(r["cmp_dn_m"], r["cmp_de_m"], r["cmp_dh_m"], r["cmp_horizontal_m"])
        result = OccupationResult(
            profile=_profile_from_json(r["profile_json"]),
            lat=r["lat"], lon=r["lon"], h=r["h"], mark_h=r["mark_h"],
            std_n_m=r["std_n_m"], std_e_m=r["std_e_m"], std_u_m=r["std_u_m"],
            epochs_used=r["epochs_used"], epochs_rejected=r["epochs_rejected"],
            rejected_by_reason={
                RejectReason(k): n for k, n in json.loads(r["rejected_by_reason"]).items()
            },
            first_utc=first_utc, last_utc=last_utc, first_time=first_time, last_time=last_time,
            span_s=r["span_s"], antenna=_antenna_from_row(r),
            sigma_source=SigmaSource(r["sigma_source"]) if r["sigma_source"] else None,
            mean_sigma_h_m=r["mean_sigma_h_m"], mean_sigma_v_m=r["mean_sigma_v_m"],
            passed=bool(r["passed"]),
            failures=tuple(FailReason(f) for f in json.loads(r["failures"])),
            comparison=cmp,
        )  # fmt: skip
    return OccupationRecord(
        id=r["id"], uuid=r["uuid"], marker=r["marker_name"], state=state,
        started_at=r["started_at"], profile=r["profile"], epochs_on_disk=int(n_epochs),
        ended_at=r["ended_at"], device=r["device"], source=r["source"], raw_log=r["raw_log"],
        result=result, earlier_occupation_id=r["earlier_occupation_id"],
        antenna_after_m=r["antenna_after_m"], base_station=r["base_station"],
        equipment_id=r["equipment_id"], base_ids=tuple(
            str(b[0]) for b in db.execute(
                "SELECT DISTINCT base_id FROM occupation_epoch WHERE occupation_id = ?"
                " AND used = 1 AND base_id IS NOT NULL ORDER BY base_id", [r["id"]],
            )
        ), base_point=base_used(db, r),
    )  # fmt: skip


_SELECT = "SELECT o.*, m.name AS marker_name FROM occupation o JOIN marker m ON m.id = o.marker_id"


def load_occupation(db: JobDatabase, occ_id: int) -> OccupationRecord:
    rows = list(db.query(f"{_SELECT} WHERE o.id = ?", [occ_id]))
    if not rows:
        raise LookupError(f"no occupation with id {occ_id} in this job")
    return _record_from_row(db, rows[0])


def load_occupations(
    db: JobDatabase, marker: str | None = None, reinstallation_id: int | None = None
) -> list[OccupationRecord]:
    """Occupations oldest first, of the whole job, or of one marker's original installation
    (or, with ``reinstallation_id``, of that reinstallation)."""
    if marker is None:
        rows = db.query(f"{_SELECT} ORDER BY o.id")
    else:
        rows = db.query(
            f"{_SELECT} WHERE o.marker_id = ? AND o.reinstallation_id IS ? ORDER BY o.id",
            [marker_id(db, marker), reinstallation_id],
        )
    return [_record_from_row(db, r) for r in rows]


def incomplete_occupations(db: JobDatabase) -> list[OccupationRecord]:
    """Occupations left running (the app died or the job was closed mid-way)."""
    rows = db.query(f"{_SELECT} WHERE o.state = 'running' ORDER BY o.id")
    return [_record_from_row(db, r) for r in rows]


def _latest_finished(db: JobDatabase, mid: int, before: int) -> OccupationRecord | None:
    rows = list(
        db.query(
            # A reinstalled marker stands elsewhere: it is compared within its own installation.
            f"{_SELECT} WHERE o.marker_id = ? AND o.state = 'finished' AND o.id < ?"
            " AND o.reinstallation_id IS"
            " (SELECT reinstallation_id FROM occupation WHERE id = ?2)"
            " ORDER BY o.id DESC LIMIT 1",
            [mid, before],
        )
    )
    return _record_from_row(db, rows[0]) if rows else None


def load_epochs(db: JobDatabase, occ_id: int) -> list[EpochRecord]:
    """The stored epochs as Fix objects with the stored verdicts, in arrival order."""
    return list(iter_epochs(db, occ_id))


def iter_epochs(db: JobDatabase, occ_id: int) -> Iterator[EpochRecord]:
    """:func:`load_epochs` one at a time: a 4-hour session is not held in memory at once."""
    for r in db.query(
        "SELECT * FROM occupation_epoch WHERE occupation_id = ? ORDER BY seq", [occ_id]
    ):
        fix = Fix(
            time_of_day=dt.time.fromisoformat(r["time"]) if r["time"] else None,
            date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
            lat=r["lat"], lon=r["lon"], height=r["h"], alt_msl=r["alt_msl"],
            quality=r["quality"], sats_used=r["sats_used"], hdop=r["hdop"], pdop=r["pdop"],
            sigma_lat=r["sigma_lat"], sigma_lon=r["sigma_lon"], sigma_alt=r["sigma_alt"],
            sigma_source=SigmaSource(r["sigma_source"]) if r["sigma_source"] else None,
            base_id=r["base_id"],
        )  # fmt: skip
        reason = RejectReason(r["reject_reason"]) if r["reject_reason"] else None
        verdict = EpochVerdict(r["seq"], bool(r["used"]), reason, r["elapsed_s"])
        yield EpochRecord(fix, verdict)


def recover_occupation(db: JobDatabase, occ_id: int) -> OccupationRecord:
    """Finish an interrupted occupation from the epochs on disk (the gates are run again)."""
    rows = list(db.query("SELECT * FROM occupation WHERE id = ?", [occ_id]))
    if not rows:
        raise LookupError(f"no occupation with id {occ_id} in this job")
    if rows[0]["state"] != OccupationState.RUNNING.value:
        raise ValueError(f"occupation {occ_id} is {rows[0]['state']}, not running")
    antenna = _antenna_from_row(rows[0])
    occupation = Occupation(_profile_from_json(rows[0]["profile_json"]), antenna)
    # Streamed row by row (the cursor is exhausted before finish writes to the table).
    for rec in iter_epochs(db, occ_id):
        occupation.add(rec.fix)
    return OccupationRecorder(db, occ_id, occupation).finish(antenna)
