"""Installation records in the job store: stakes, reference markers, descriptions, witnesses.

Every change is an insert or update inside one transaction together with its change_log
entry and the marker status it leads to. Nothing is deleted: :func:`withdraw` marks a record
withdrawn with a reason. Photos (which also copy a file) live in :mod:`fieldapp.store.photos`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fieldapp.store.audit import log_change, marker_id, surveyor_id, surveyor_name
from fieldapp.store.database import JobDatabase
from fieldapp.store.occupations import load_occupation, load_occupations
from fieldapp.store.quality import load_quality_profile, occupation_quality, stake_quality_columns
from fieldapp.store.records import load_marker, now_iso
from fieldapp.store.reinstall_scope import check_withdrawable, record_scope
from fieldapp.survey.installation import (
    DEFAULT_TOLERANCE_M,
    Description,
    DesignDelta,
    MarkerInstallation,
    PhotoDirection,
    PhotoRecord,
    ReferenceGeometry,
    ReferenceMarkerRecord,
    StakeRecord,
    StakeSource,
    Withdrawal,
    WitnessCategory,
    WitnessRecord,
    delta_to_design,
    installation_progress,
    is_finite_position,
    reference_to_true,
)
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.occupation import Position
from fieldapp.survey.occupation_gates import HEIGHT_RANGE_M, within
from fieldapp.survey.stake_quality import QualityVerdict

STATUS_ORDER = tuple(MarkerStatus)
WITHDRAWABLE = ("stake", "reference_marker", "photo", "witness")


def _design(db: JobDatabase, name: str) -> Position:
    m = load_marker(db, name)
    return Position(m.lat, m.lon, m.h)


def _check_position(lat: float, lon: float, h: float | None) -> None:
    if not is_finite_position(lat, lon):
        raise ValueError(f"position {lat}, {lon} is not a latitude/longitude in degrees")
    # SQLite stores NaN as NULL: a non-finite height would read back as "no height".
    if h is not None and not within(h, *HEIGHT_RANGE_M):
        low, high = HEIGHT_RANGE_M
        raise ValueError(f"height {h} is not a finite height in metres ({low:g}..{high:g})")


def record_stake(
    db: JobDatabase,
    marker: str,
    position: Position,
    source: StakeSource,
    *,
    occupation_id: int | None = None,
    ts_shot: str | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    surveyor: str | None = None,
    quality: QualityVerdict | None = None,
) -> StakeRecord:
    """Record where the marker was set; the delta to design is computed and kept with it.

    ``quality``: the GNSS position's fix and sigma checked against the job's profile, kept in
    the row (see :mod:`fieldapp.store.quality`); its profile's tolerance is the tolerance.
    """
    if quality is not None:
        tolerance_m = quality.profile.tolerance_m
    _check_position(position.lat, position.lon, position.h)
    mid = marker_id(db, marker)
    scope = record_scope(db, mid)
    sid = surveyor_id(db, surveyor)
    delta = delta_to_design(_design(db, marker), position, tolerance_m)
    if source is StakeSource.GNSS and occupation_id is None:
        raise ValueError("a GNSS stake needs the occupation it comes from")
    row = {
        "marker_id": mid, "source": source.value, "occupation_id": occupation_id,
        "ts_shot": ts_shot, "lat": position.lat, "lon": position.lon, "h": position.h,
        "dn_m": delta.dn_m, "de_m": delta.de_m, "dh_m": delta.dh_m,
        "horizontal_m": delta.horizontal_m, "tolerance_m": delta.tolerance_m,
        "passed": int(delta.passed), "surveyor_id": sid, "recorded_at": now_iso(),
        **stake_quality_columns(quality), "reinstallation_id": scope,
    }  # fmt: skip
    with db.atomic():
        rid = insert_row(db, "stake", row)
        log_change(db, mid, "stake", rid, "insert", row)
        apply_scope_status(db, mid, scope)
    return next(s for s in _stakes(db, mid, marker, scope) if s.id == rid)


def record_stake_from_occupation(
    db: JobDatabase, occupation_id: int, tolerance_m: float | None = None
) -> StakeRecord:
    """The mark position of a finished, passed occupation becomes the staked position.

    Its quality (weakest fix, mean σH and its source) is checked against the job's quality
    profile, ``tolerance_m`` overriding the profile's tolerance, and kept with the stake.
    """
    occ = load_occupation(db, occupation_id)
    scope = record_scope(db, marker_id(db, occ.marker))
    if occupation_scope(db, occupation_id) != scope:
        raise ValueError(
            f"occupation {occupation_id} belongs to "
            f"{'the original installation' if scope is not None else 'a reinstallation'} of "
            f"marker {occ.marker}, not to the installation being recorded"
        )
    if occ.result is None or not occ.result.passed or occ.result.mark_position is None:
        raise ValueError(f"occupation {occupation_id} has no passed result to stake from")
    profile = load_quality_profile(db)
    if tolerance_m is not None:
        profile = replace(profile, tolerance_m=tolerance_m)
    on_true_point = delta_to_design(
        _design(db, occ.marker), occ.result.mark_position, profile.tolerance_m
    ).passed
    references = _references(db, marker_id(db, occ.marker), occ.marker, scope)
    if occ.source != STAKEOUT_SOURCE and on_true_point and _current(references):
        # The other half of record_reference's rule: referenced or on its true point, not both.
        raise ValueError(
            f"marker {occ.marker} has a Tanda Batas Referensi: a monument on its true point is "
            "not recorded beside it. Withdraw the reference marker first if the true point "
            "could take the monument after all."
        )
    # Without an antenna height the mark height is None, and the stake's dH stays unknown.
    return record_stake(
        db,
        occ.marker,
        occ.result.mark_position,
        StakeSource.GNSS,
        occupation_id=occupation_id,
        quality=occupation_quality(db, occupation_id, profile),
    )


# Occupations taken by the stake-out's "Ukur & simpan" locate the point; any other occupation
# is of the set monument (DESIGN.md step 5: "occupy the set marker").
STAKEOUT_SOURCE = "stakeout"


def occupation_scope(db: JobDatabase, occupation_id: int) -> int | None:
    """The reinstallation an occupation belongs to (None: the original installation)."""
    row = db.execute(
        "SELECT reinstallation_id FROM occupation WHERE id = ?", [occupation_id]
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _current(references: list[ReferenceMarkerRecord]) -> bool:
    return any(r.withdrawn is None for r in references)


def true_point_monument(db: JobDatabase, marker: str, scope: int | None = None) -> str | None:
    """What shows a monument on the marker's true point, in words; None when nothing does.

    A monument stands on the true point when a current stake within its tolerance comes from
    an occupation of the set marker (not the stake-out's locating measurement).
    """
    mid = marker_id(db, marker)
    for stake in _stakes(db, mid, marker, scope):
        if stake.withdrawn is not None or stake.occupation_id is None or not stake.delta.passed:
            continue
        occ = load_occupation(db, stake.occupation_id)
        if occ.source != STAKEOUT_SOURCE:
            return (
                f"occupation {occ.id} of the set marker, {stake.delta.horizontal_m:.3f} m from "
                f"the true point (stake {stake.id})"
            )
    return None


def record_reference(
    db: JobDatabase,
    marker: str,
    position: Position,
    note: str | None = None,
    surveyor: str | None = None,
) -> ReferenceMarkerRecord:
    """A Tanda Batas Referensi set near a point that cannot take a marker.

    Refused when a monument already stands on the true point (:func:`true_point_monument`):
    a marker is either on its true point or referenced, never both.
    """
    _check_position(position.lat, position.lon, position.h)
    mid = marker_id(db, marker)
    scope = record_scope(db, mid)
    monument = true_point_monument(db, marker, scope)
    if monument is not None:
        raise ValueError(
            f"marker {marker} already has a monument on its true point ({monument}); a "
            "reference marker is set only where the true point cannot take one. Withdraw "
            "that stake first if the monument is not on the true point."
        )
    geo = reference_to_true(position, _design(db, marker))
    row = {
        "marker_id": mid, "lat": position.lat, "lon": position.lon, "h": position.h,
        "azimuth_deg": geo.azimuth_deg, "distance_m": geo.distance_m,
        "ground_distance_m": geo.ground_distance_m, "note": note,
        "surveyor_id": surveyor_id(db, surveyor), "recorded_at": now_iso(),
        "reinstallation_id": scope,
    }  # fmt: skip
    with db.atomic():
        rid = insert_row(db, "reference_marker", row)
        log_change(db, mid, "reference_marker", rid, "insert", row)
    return next(r for r in _references(db, mid, marker, scope) if r.id == rid)


def all_references(db: JobDatabase, marker: str) -> list[ReferenceMarkerRecord]:
    """Every reference marker of ``marker`` in the order recorded, withdrawn ones included
    (their order gives the names 4B-R, 4B-R2 ...: survey.naming.reference_name)."""
    return _references(db, marker_id(db, marker), marker)


def current_references(db: JobDatabase, marker: str) -> list[ReferenceMarkerRecord]:
    """The reference markers not withdrawn: the other half of the rule, for record_stake."""
    return [r for r in all_references(db, marker) if r.withdrawn is None]


def set_description(db: JobDatabase, marker: str, description: Description) -> Description:
    """Insert or update the description; fields left None keep what was there.

    With a reinstallation open it is the reinstallation's own description.
    """
    mid = marker_id(db, marker)
    scope = record_scope(db, mid)
    table, key, pk = (
        ("marker_description", "marker_id", mid)
        if scope is None
        else ("reinstallation_description", "reinstallation_id", scope)
    )
    fields = {
        k: getattr(description, k)
        for k in ("desa", "kecamatan", "kabupaten", "provinsi", "access", "condition", "notes")
        if getattr(description, k) is not None
    }
    if description.surveyor is not None:
        fields["surveyor_id"] = surveyor_id(db, description.surveyor)
    stamp = now_iso()
    with db.atomic():
        old = list(db.query(f"SELECT * FROM {table} WHERE {key} = ?", [pk]))
        if old:
            db.table(table).update(pk, {**fields, "updated_at": stamp})
            before = {k: old[0][k] for k in fields}
            log_change(db, mid, table, pk, "update", {"before": before, **fields})
        else:
            row = {key: pk, **fields, "created_at": stamp, "updated_at": stamp}
            db.table(table).insert(row)
            log_change(db, mid, table, pk, "insert", fields)
        apply_scope_status(db, mid, scope)
    found = _description(db, mid, scope)
    assert found is not None
    return found


def add_witness(
    db: JobDatabase, marker: str, name: str, institution: str, category: WitnessCategory
) -> WitnessRecord:
    if not name.strip() or not institution.strip():
        raise ValueError("a witness needs a name and an institution")
    mid = marker_id(db, marker)
    scope = record_scope(db, mid)
    row = {
        "marker_id": mid, "name": name.strip(), "institution": institution.strip(),
        "category": WitnessCategory(category).value, "recorded_at": now_iso(),
        "reinstallation_id": scope,
    }  # fmt: skip
    with db.atomic():
        rid = insert_row(db, "witness", row)
        log_change(db, mid, "witness", rid, "insert", row)
        apply_scope_status(db, mid, scope)
    return next(w for w in _witnesses(db, mid, marker, scope) if w.id == rid)


def withdraw(db: JobDatabase, table: str, row_id: int, reason: str) -> None:
    """Withdraw a stake, reference marker, photo or witness: kept, marked, logged."""
    if table not in WITHDRAWABLE:
        raise ValueError(f"cannot withdraw from {table!r}; one of {', '.join(WITHDRAWABLE)}")
    if not reason.strip():
        raise ValueError("say why the record is withdrawn")
    with db.atomic():
        row = db.execute(
            f"SELECT marker_id, withdrawn_at, reinstallation_id FROM {table} WHERE id = ?",
            [row_id],
        ).fetchone()
        if row is None:
            raise LookupError(f"no {table} record with id {row_id}")
        scope = None if row[2] is None else int(row[2])
        check_withdrawable(db, int(row[0]), scope, f"{table} record {row_id}")
        if row[1] is not None:
            raise ValueError(f"{table} record {row_id} was already withdrawn at {row[1]}")
        db.execute(
            f"UPDATE {table} SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
            [now_iso(), reason.strip(), row_id],
        )
        log_change(db, row[0], table, row_id, "withdraw", {"reason": reason.strip()})
        apply_scope_status(db, int(row[0]), scope, allow_demote=True)


def refresh_status(db: JobDatabase, marker: str) -> MarkerStatus:
    with db.atomic():
        return apply_status(db, marker_id(db, marker))


def apply_status(db: JobDatabase, mid: int, allow_demote: bool = False) -> MarkerStatus:
    """Move the marker to the status its records justify (call inside a transaction).

    A new record only moves the status forward, so a status set elsewhere (the stake-out
    screen) is not undone; a withdrawal may move it back, and that is logged too.
    """
    name, current = db.execute("SELECT name, status FROM marker WHERE id = ?", [mid]).fetchone()
    progress = installation_progress(
        _stakes(db, mid, name), _description(db, mid), _photos(db, mid, name),
        _witnesses(db, mid, name),
    )  # fmt: skip
    new = progress.status
    old = MarkerStatus(current)
    if STATUS_ORDER.index(new) < STATUS_ORDER.index(old) and not allow_demote:
        return old
    if new is not old:
        db.execute(
            "UPDATE marker SET status = ?, updated_at = ? WHERE id = ?", [new.value, now_iso(), mid]
        )
        log_change(db, mid, "marker", mid, "status", {"from": old.value, "to": new.value})
    return new


def apply_scope_status(
    db: JobDatabase, mid: int, scope: int | None, allow_demote: bool = False
) -> MarkerStatus:
    """The status of the installation a record was added to: the marker's, or the
    reinstallation's own (the marker keeps the original installation's status)."""
    if scope is None:
        return apply_status(db, mid, allow_demote)
    name = db.execute("SELECT name FROM marker WHERE id = ?", [mid]).fetchone()[0]
    current = db.execute("SELECT status FROM reinstallation WHERE id = ?", [scope]).fetchone()[0]
    new = installation_progress(
        _stakes(db, mid, name, scope), _description(db, mid, scope),
        _photos(db, mid, name, scope), _witnesses(db, mid, name, scope),
    ).status  # fmt: skip
    old = MarkerStatus(current)
    if STATUS_ORDER.index(new) < STATUS_ORDER.index(old) and not allow_demote:
        return old
    if new is not old:
        db.execute("UPDATE reinstallation SET status = ? WHERE id = ?", [new.value, scope])
        log_change(db, mid, "reinstallation", scope, "status", {"from": old.value, "to": new.value})
    return new


def insert_row(db: JobDatabase, table: str, row: dict[str, Any]) -> int:
    pk = db.table(table).insert(row).last_pk
    if not isinstance(pk, int):
        raise RuntimeError(f"insert into {table} returned no integer rowid ({pk!r})")
    return pk


def _withdrawal(r: dict[str, Any]) -> Withdrawal | None:
    if r["withdrawn_at"] is None:
        return None
    return Withdrawal(r["withdrawn_at"], r["withdrawn_reason"] or "")


def _stakes(db: JobDatabase, mid: int, name: str, scope: int | None = None) -> list[StakeRecord]:
    rows = db.query(
        "SELECT * FROM stake WHERE marker_id = ? AND reinstallation_id IS ? ORDER BY id",
        [mid, scope],
    )
    return [
        StakeRecord(
            id=r["id"],
            marker=name,
            source=StakeSource(r["source"]),
            position=Position(r["lat"], r["lon"], r["h"]),
            delta=DesignDelta(r["dn_m"], r["de_m"], r["dh_m"], r["horizontal_m"], r["tolerance_m"]),
            recorded_at=r["recorded_at"],
            occupation_id=r["occupation_id"],
            ts_shot=r["ts_shot"],
            surveyor=surveyor_name(db, r["surveyor_id"]),
            withdrawn=_withdrawal(r),
        )
        for r in rows
    ]


def _references(
    db: JobDatabase, mid: int, name: str, scope: int | None = None
) -> list[ReferenceMarkerRecord]:
    rows = db.query(
        "SELECT * FROM reference_marker WHERE marker_id = ? AND reinstallation_id IS ? ORDER BY id",
        [mid, scope],
    )
    return [
        ReferenceMarkerRecord(
            id=r["id"],
            marker=name,
            position=Position(r["lat"], r["lon"], r["h"]),
            geometry=ReferenceGeometry(r["azimuth_deg"], r["distance_m"], r["ground_distance_m"]),
            recorded_at=r["recorded_at"],
            note=r["note"],
            surveyor=surveyor_name(db, r["surveyor_id"]),
            withdrawn=_withdrawal(r),
        )
        for r in rows
    ]


def _description(db: JobDatabase, mid: int, scope: int | None = None) -> Description | None:
    if scope is None:
        rows = list(db.query("SELECT * FROM marker_description WHERE marker_id = ?", [mid]))
    else:
        rows = list(
            db.query(
                "SELECT * FROM reinstallation_description WHERE reinstallation_id = ?", [scope]
            )
        )
    if not rows:
        return None
    r = rows[0]
    return Description(
        desa=r["desa"], kecamatan=r["kecamatan"], kabupaten=r["kabupaten"],
        provinsi=r["provinsi"], access=r["access"], condition=r["condition"], notes=r["notes"],
        surveyor=surveyor_name(db, r["surveyor_id"]), updated_at=r["updated_at"],
    )  # fmt: skip


def _photos(db: JobDatabase, mid: int, name: str, scope: int | None = None) -> list[PhotoRecord]:
    rows = db.query(
        "SELECT * FROM photo WHERE marker_id = ? AND reinstallation_id IS ? ORDER BY id",
        [mid, scope],
    )
    return [
        PhotoRecord(
            id=r["id"],
            marker=name,
            direction=PhotoDirection(r["direction"]),
            file_name=r["file_name"],
            original_name=r["original_name"],
            sha256=r["sha256"],
            size_bytes=r["size_bytes"],
            imported_at=r["imported_at"],
            image_format=r["image_format"],
            width=r["width"],
            height=r["height"],
            exif_time=r["exif_time"],
            exif_lat=r["exif_lat"],
            exif_lon=r["exif_lon"],
            caption=r["caption"],
            withdrawn=_withdrawal(r),
        )
        for r in rows
    ]


def _witnesses(
    db: JobDatabase, mid: int, name: str, scope: int | None = None
) -> list[WitnessRecord]:
    rows = db.query(
        "SELECT * FROM witness WHERE marker_id = ? AND reinstallation_id IS ? ORDER BY id",
        [mid, scope],
    )
    return [
        WitnessRecord(
            id=r["id"],
            marker=name,
            name=r["name"],
            institution=r["institution"],
            category=WitnessCategory(r["category"]),
            recorded_at=r["recorded_at"],
            withdrawn=_withdrawal(r),
        )
        for r in rows
    ]


def load_installation(
    db: JobDatabase, marker: str, reinstallation_id: int | None = None
) -> MarkerInstallation:
    """Everything recorded for one marker, withdrawn records included (and marked).

    The original installation (records without a reinstallation), or with
    ``reinstallation_id`` that reinstallation's records only, with its own status.
    """
    m = load_marker(db, marker)
    mid = marker_id(db, marker)
    scope = reinstallation_id
    status = m.status
    if scope is not None:
        row = db.execute(
            "SELECT status FROM reinstallation WHERE id = ? AND marker_id = ?", [scope, mid]
        ).fetchone()
        if row is None:
            raise LookupError(f"no reinstallation {scope} of marker {marker}")
        status = MarkerStatus(row[0])
    stakes = _stakes(db, mid, marker, scope)
    description = _description(db, mid, scope)
    photos = _photos(db, mid, marker, scope)
    witnesses = _witnesses(db, mid, marker, scope)
    return MarkerInstallation(
        marker=marker, status=status, design=Position(m.lat, m.lon, m.h),
        progress=installation_progress(stakes, description, photos, witnesses),
        stakes=tuple(stakes), occupations=tuple(load_occupations(db, marker, scope)),
        references=tuple(_references(db, mid, marker, scope)), description=description,
        photos=tuple(photos), witnesses=tuple(witnesses),
    )  # fmt: skip


def edit_witness(
    db: JobDatabase,
    witness_id: int,
    name: str,
    institution: str,
    category: WitnessCategory,
    reason: str,
) -> WitnessRecord:
    """A corrected witness: the old record withdrawn with the reason, the new one added.

    Nothing is overwritten: the change_log links the new row to the one it replaces.
    """
    row = db.execute(
        "SELECT w.marker_id, m.name FROM witness w JOIN marker m ON m.id = w.marker_id"
        " WHERE w.id = ?",
        [witness_id],
    ).fetchone()
    if row is None:
        raise LookupError(f"no witness record with id {witness_id}")
    with db.atomic():
        withdraw(db, "witness", witness_id, reason)
        new = add_witness(db, row[1], name, institution, category)
        detail = {"replaces_witness": witness_id, "reason": reason.strip()}
        log_change(db, row[0], "witness", new.id, "update", detail)
    return new
