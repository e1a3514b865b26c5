"""Control survey actions: process a rover/base pair of sessions, accept a baseline into control."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from fieldapp.gnss.baseline import GeodeticPosition, StaticSettings
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.baselines import (
    StoredBaseline,
    accept_stored_baseline,
    load_baseline,
    record_baseline,
)
from fieldapp.store.gnss_sessions import StaticSession, latest_session, load_session
from fieldapp.survey.models import ControlKind, ControlPoint

Progress = Callable[[float, str], None]

# The tie the decree asks for: a BM is tied to the national network (JKHN), a Titik Bantu to
# a BM. A point whose session does not say its kind takes it from what it is tied to.
_KIND_FROM_BASE = {
    ControlKind.JKHN: ControlKind.BM,
    ControlKind.BM: ControlKind.TITIK_BANTU,
    ControlKind.TITIK_BANTU: ControlKind.TITIK_BANTU,
}


class ControlSurveyError(ValueError):
    """A control survey step that cannot run as asked; the message says what is missing."""


class MissingBasePosition(ControlSurveyError):
    """The base point has no control coordinates in the job and none were given."""


def _control(store: JobStore, name: str) -> ControlPoint | None:
    return next((c for c in rec.load_control_points(store.db) if c.name == name), None)


def base_position_of(store: JobStore, base_point: str) -> GeodeticPosition:
    """The base's mark from the job's control (a JKHN station or a BM), with its height."""
    c = _control(store, base_point)
    if c is None or c.h is None:
        why = "is not in the job's control" if c is None else "has no height in the job's control"
        raise MissingBasePosition(
            f"base point {base_point} {why}: import it as a JKHN or BM control point, or"
            " give its position (latitude, longitude, ellipsoidal height; SRGI2013)"
        )
    return GeodeticPosition(c.lat, c.lon, c.h)


def settings_for(rover: StaticSession, base: StaticSession) -> StaticSettings:
    """Kepdirjen 697/1996 settings with the sessions' antenna heights (vertical, mark to ARP)."""
    intervals = [s.interval_s for s in (rover, base) if s.interval_s]
    return StaticSettings(
        interval_s=max(intervals) if intervals else None,
        rover_antenna_height_m=rover.antenna_height_m,
        base_antenna_height_m=base.antenna_height_m,
    )


def _paths(store: JobStore, session: StaticSession) -> list[Path]:
    return [store.path / f.path for f in session.files]


def process_baseline(
    store: JobStore,
    rover_point: str,
    base_point: str,
    base_position: GeodeticPosition | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> StoredBaseline:
    """Process the points' latest sessions with RTKLIB, check the rules and store the baseline.

    The base's position is its control coordinate in the job unless given. Raises the
    engine's BaselineError / ProcessingCancelled / EngineMissing; nothing is stored then.
    """
    from fieldapp.gnss.rtklib import process_static
    from fieldapp.gnss.static_rules import check_static_rules

    store.require_writable()
    if rover_point == base_point:
        raise ControlSurveyError(f"rover and base are both {rover_point}: choose two points")
    try:
        rover = latest_session(store.db, rover_point, ("rover",))
        base = latest_session(store.db, base_point, ("base", "reference"))
    except LookupError as exc:
        raise ControlSurveyError(f"{exc}: add the session first") from exc
    position = base_position or base_position_of(store, base_point)
    settings = settings_for(rover, base)
    with tempfile.TemporaryDirectory(prefix="fieldapp-baseline-") as work:
        solution = process_static(
            _paths(store, rover),
            _paths(store, base),
            position,
            settings,
            work_dir=Path(work),
            progress=progress,
            cancel=cancel,
        )
    verdicts = check_static_rules(solution)
    return record_baseline(
        store.db, rover=rover, base=base, solution=solution, verdicts=verdicts, settings=settings
    )


def kind_for(store: JobStore, baseline: StoredBaseline) -> ControlKind:
    """What the rover point becomes: as its session says, as it already is, or by its tie."""
    rover = load_session(store.db, baseline.rover_session_id)
    if rover.point_kind is not None:
        return ControlKind(rover.point_kind)
    existing = _control(store, baseline.rover_point)
    if existing is not None:
        return existing.kind
    base = _control(store, baseline.base_point)
    base_kind = base.kind if base is not None else None
    if base_kind is None:
        session = load_session(store.db, baseline.base_session_id)
        base_kind = ControlKind(session.point_kind) if session.point_kind else None
    if base_kind is None:
        raise ControlSurveyError(
            f"{baseline.rover_point}: its session does not say whether it is a BM or a Titik"
            f" Bantu, and its base {baseline.base_point} is not a known JKHN or BM point;"
            " give the kind on the session"
        )
    return _KIND_FROM_BASE[base_kind]


def accept_baseline(
    store: JobStore, baseline_id: int, override_reason: str | None = None
) -> ControlPoint:
    """Put the baseline's rover position into control (BM or Titik Bantu) with provenance.

    One transaction; the previous coordinate goes to the point's history. A failing rule
    refuses (BaselineRefused naming it) unless ``override_reason`` is given; it is recorded.
    """
    store.require_writable()
    try:
        baseline = load_baseline(store.db, baseline_id)
    except LookupError as exc:
        raise ControlSurveyError(str(exc)) from exc
    return accept_stored_baseline(store.db, baseline_id, kind_for(store, baseline), override_reason)
