"""Processed static baselines, and accepting one into control with the old coordinates kept."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from fieldapp.gnss.baseline import (
    BaselineSolution,
    FixState,
    GeodeticPosition,
    RuleVerdict,
    StaticSettings,
)
from fieldapp.store.database import JobDatabase
from fieldapp.store.gnss_sessions import StaticSession
from fieldapp.store.records import now_iso
from fieldapp.survey.models import ControlKind, ControlPoint

STATUSES = ("new", "accepted", "superseded")
# Stored control points are SRGI2013 geographic; a baseline solved from a base with SRGI2013
# coordinates is in that frame too.
SOLUTION_CRS = "SRGI2013"


class BaselineRefused(ValueError):
    """A baseline that cannot be accepted (a failing rule without a reason, or already in)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredBaseline:
    """A baseline as processed and kept in the job, with its rule verdicts and its fate."""

    id: int
    rover_session_id: int
    base_session_id: int
    rover_point: str
    base_point: str
    solution: BaselineSolution
    verdicts: list[RuleVerdict]
    processed_at: str
    status: str = "new"  # "new" | "accepted" | "superseded"
    accepted_at: str | None = None
    override_reason: str | None = None
    settings: StaticSettings | None = None

    @property
    def failed_rules(self) -> list[RuleVerdict]:
        return [v for v in self.verdicts if not v.passed]

    @property
    def rules_passed(self) -> bool:
        return not self.failed_rules


@dataclass(frozen=True, slots=True)
class ControlRevision:
    """One coordinate a control point has had; ``replaced_at`` None: the current one."""

    point: ControlPoint
    baseline_id: int | None  # where the coordinate came from (None: office or import)
    replaced_at: str | None
    replaced_by_baseline_id: int | None


def record_baseline(
    db: JobDatabase,
    *,
    rover: StaticSession,
    base: StaticSession,
    solution: BaselineSolution,
    verdicts: list[RuleVerdict],
    settings: StaticSettings,
) -> StoredBaseline:
    """Store a processed baseline as new (not yet in control); one transaction."""
    s = solution
    passed = all(v.passed for v in verdicts)
    with db.atomic():
        cur = db.execute(
            "INSERT INTO baseline (rover_session_id, base_session_id, rover_point, base_point,"
            " lat, lon, h, fix, ratio, sigma_e_m, sigma_n_m, sigma_u_m, base_lat, base_lon,"
            " base_h, baseline_m, dx_m, dy_m, dz_m, de_m, dn_m, du_m, epochs, start_gpst,"
            " end_gpst, duration_s, interval_s, elevation_mask_deg, rover_antenna_height_m,"
            " base_antenna_height_m, engine, settings, verdicts, rules_passed, processed_at)"
            f" VALUES ({', '.join('?' * 35)})",
            [
                rover.id, base.id, rover.point, base.point,
                s.position.lat, s.position.lon, s.position.h, s.fix.value, s.ratio,
                s.sigma_e_m, s.sigma_n_m, s.sigma_u_m, s.base.lat, s.base.lon, s.base.h,
                s.baseline_m, *s.vector_ecef_m, *s.vector_enu_m, s.epochs, s.start_gpst,
                s.end_gpst, s.duration_s, s.interval_s, s.elevation_mask_deg,
                s.rover_antenna_height_m, s.base_antenna_height_m, s.engine,
                json.dumps(asdict(settings)), json.dumps([asdict(v) for v in verdicts]),
                int(passed), now_iso(),
            ],
        )  # fmt: skip
        baseline_id = int(cur.lastrowid or 0)
    return load_baseline(db, baseline_id)


def _from_row(r: dict[str, Any]) -> StoredBaseline:
    solution = BaselineSolution(
        position=GeodeticPosition(r["lat"], r["lon"], r["h"]),
        fix=FixState(r["fix"]),
        ratio=r["ratio"],
        sigma_e_m=r["sigma_e_m"],
        sigma_n_m=r["sigma_n_m"],
        sigma_u_m=r["sigma_u_m"],
        base=GeodeticPosition(r["base_lat"], r["base_lon"], r["base_h"]),
        baseline_m=r["baseline_m"],
        vector_ecef_m=(r["dx_m"], r["dy_m"], r["dz_m"]),
        vector_enu_m=(r["de_m"], r["dn_m"], r["du_m"]),
        epochs=r["epochs"],
        start_gpst=r["start_gpst"],
        end_gpst=r["end_gpst"],
        duration_s=r["duration_s"],
        interval_s=r["interval_s"],
        elevation_mask_deg=r["elevation_mask_deg"],
        rover_antenna_height_m=r["rover_antenna_height_m"],
        base_antenna_height_m=r["base_antenna_height_m"],
        engine=r["engine"],
    )
    return StoredBaseline(
        id=r["id"],
        rover_session_id=r["rover_session_id"],
        base_session_id=r["base_session_id"],
        rover_point=r["rover_point"],
        base_point=r["base_point"],
        solution=solution,
        verdicts=[RuleVerdict(**v) for v in json.loads(r["verdicts"])],
        processed_at=r["processed_at"],
        status=r["status"],
        accepted_at=r["accepted_at"],
        override_reason=r["override_reason"],
        settings=StaticSettings(**json.loads(r["settings"])),
    )


def load_baselines(db: JobDatabase) -> list[StoredBaseline]:
    """Every baseline of the job, oldest first."""
    return [_from_row(r) for r in db.query("SELECT * FROM baseline ORDER BY id")]


def load_baseline(db: JobDatabase, baseline_id: int) -> StoredBaseline:
    row = next(db.query("SELECT * FROM baseline WHERE id = ?", [baseline_id]), None)
    if row is None:
        raise LookupError(f"no baseline {baseline_id} in the job")
    return _from_row(row)


_CP_COLUMNS = (
    "name, kind, lat, lon, h, input_crs, input_a, input_b, tied_to, source, sigma_h, sigma_v"
)


def _control_row(db: JobDatabase, name: str) -> dict[str, Any] | None:
    return next(
        db.query(f"SELECT {_CP_COLUMNS}, baseline_id FROM control_point WHERE name = ?", [name]),
        None,
    )


def accepted_point(b: StoredBaseline, kind: ControlKind) -> ControlPoint:
    """The control point an accepted baseline gives its rover point."""
    p = b.solution.position
    return ControlPoint(
        name=b.rover_point,
        kind=kind,
        lat=p.lat,
        lon=p.lon,
        h=p.h,
        input_crs=SOLUTION_CRS,
        input_a=p.lat,
        input_b=p.lon,
        tied_to=b.base_point,
        source=f"baseline {b.id} (sessions {b.rover_session_id}/{b.base_session_id},"
        f" {b.solution.engine})",
        sigma_h=round(b.solution.sigma_h_m, 4),
        sigma_v=round(b.solution.sigma_u_m, 4),
    )


def accept_stored_baseline(
    db: JobDatabase, baseline_id: int, kind: ControlKind, override_reason: str | None = None
) -> ControlPoint:
    """Put a baseline's rover position into control; one transaction.

    A baseline failing a rule of 697/1996 is refused (naming the rules) unless a reason is
    given, which is recorded. The point's previous coordinate goes to the history; the
    baseline accepted before for the same point becomes superseded.
    """
    reason = (override_reason or "").strip() or None
    with db.atomic():
        b = load_baseline(db, baseline_id)
        if b.status == "accepted":
            raise BaselineRefused(f"baseline {b.id} ({b.rover_point}) is already accepted")
        if b.failed_rules and reason is None:
            raise BaselineRefused(
                f"baseline {b.id} ({b.rover_point} from {b.base_point}) fails 697/1996 rule(s)"
                f" {', '.join(v.rule for v in b.failed_rules)}:"
                f" {'; '.join(v.message for v in b.failed_rules)}; accept it only with an"
                " override reason, which is recorded"
            )
        if kind is ControlKind.JKHN:
            raise BaselineRefused(
                f"{b.rover_point}: a JKHN station's coordinates are given by the national"
                " network, not determined from a baseline"
            )
        point = accepted_point(b, kind)
        stamp = now_iso()
        old = _control_row(db, b.rover_point)
        if old is not None:
            if old["kind"] == ControlKind.JKHN.value:
                raise BaselineRefused(
                    f"{b.rover_point} is a JKHN station in the job's control; its coordinates"
                    " are not replaced by a baseline"
                )
            old_baseline = old.pop("baseline_id")
            db.execute(
                f"INSERT INTO control_point_revision (point, {_CP_COLUMNS.split(', ', 1)[1]},"
                " baseline_id, replaced_at, replaced_by_baseline_id)"
                f" VALUES ({', '.join('?' * 15)})",
                [*old.values(), old_baseline, stamp, b.id],
            )
        values = [
            point.name, point.kind.value, point.lat, point.lon, point.h, point.input_crs,
            point.input_a, point.input_b, point.tied_to, point.source, point.sigma_h,
            point.sigma_v, b.id,
        ]  # fmt: skip
        # An upsert keeps the point's row (and its place in the job's order).
        db.execute(
            f"INSERT INTO control_point ({_CP_COLUMNS}, baseline_id)"
            f" VALUES ({', '.join('?' * 13)}) ON CONFLICT (name) DO UPDATE SET"
            " kind = excluded.kind, lat = excluded.lat, lon = excluded.lon, h = excluded.h,"
            " input_crs = excluded.input_crs, input_a = excluded.input_a,"
            " input_b = excluded.input_b, tied_to = excluded.tied_to, source = excluded.source,"
            " sigma_h = excluded.sigma_h, sigma_v = excluded.sigma_v,"
            " baseline_id = excluded.baseline_id",
            values,
        )
        db.execute(
            "UPDATE baseline SET status = 'superseded' WHERE rover_point = ?"
            " AND status = 'accepted'",
            [b.rover_point],
        )
        db.execute(
            "UPDATE baseline SET status = 'accepted', accepted_at = ?, override_reason = ?"
            " WHERE id = ?",
            [stamp, reason, b.id],
        )
    return point


def _point(r: dict[str, Any]) -> ControlPoint:
    return ControlPoint(**{**r, "kind": ControlKind(r["kind"])})


def load_control_history(db: JobDatabase, name: str) -> list[ControlRevision]:
    """Every coordinate the control point ``name`` has had, oldest first, the current last."""
    history = []
    for r in db.query(
        f"SELECT point AS {_CP_COLUMNS}, baseline_id, replaced_at, replaced_by_baseline_id"
        " FROM control_point_revision WHERE point = ? ORDER BY id",
        [name],
    ):
        meta = [r.pop(k) for k in ("baseline_id", "replaced_at", "replaced_by_baseline_id")]
        history.append(ControlRevision(_point(r), *meta))
    current = _control_row(db, name)
    if current is not None:
        baseline_id = current.pop("baseline_id")
        history.append(ControlRevision(_point(current), baseline_id, None, None))
    return history


def surveyed_control_names(db: JobDatabase) -> set[str]:
    """Control points whose coordinates came from an accepted baseline in this job."""
    rows = db.execute("SELECT name FROM control_point WHERE baseline_id IS NOT NULL")
    return {str(r[0]) for r in rows}
