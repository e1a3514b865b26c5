"""Static GNSS sessions of a job: who occupied which point, how, and the raw files kept in raw/."""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import (
    COPY_BLOCK,
    crash_point,
    ensure_free,
    intent,
    publish,
    recover_intents,
    remove_litter,
    write_part,
)
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import job_lock
from fieldapp.store.records import now_iso

if TYPE_CHECKING:
    from fieldapp.gnss.obsfiles import ObsFile

# Kepdirjen 697.K/29/DDJP/1996: the antenna height is measured before and after the session;
# a difference beyond this says the tripod moved or a reading is wrong.
HEIGHT_TOLERANCE_M = 0.005
ROLES = ("base", "rover", "reference")
HEIGHT_METHODS = ("vertical", "slant")
POINT_KINDS = ("BM", "TITIK_BANTU", "JKHN")
OBSERVATION_KINDS = ("ubx", "rtcm3", "rinex-obs")
MAX_NAME_CHARS = 40  # as control point names
MAX_TEXT_CHARS = 500
MAX_ANTENNA_HEIGHT_M = 10.0  # a tripod or a mast; a larger figure is a typing slip


class SessionError(ValueError):
    """A session or one of its files that cannot be stored; the message names what and why."""


@dataclass(frozen=True, slots=True)
class SessionFile:
    """One raw or RINEX file of a session, as kept in the job."""

    path: str  # "raw/NAME", relative to the job folder
    kind: str  # "ubx", "rtcm3", "rinex-obs", "rinex-nav"
    sha256: str
    bytes: int
    original_name: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class StaticSession:
    """One static occupation of a control point; a draft (id 0) until stored.

    Heights are mark to ``height_reference`` (normally the antenna reference point, ARP),
    measured as ``height_method`` before and after the session.
    """

    id: int = 0
    point: str
    role: str  # "base" | "rover" | "reference"
    height_before_m: float
    height_after_m: float
    receiver_model: str | None = None
    receiver_serial: str | None = None
    antenna_model: str | None = None
    height_method: str = "vertical"
    height_reference: str = "ARP"
    # Horizontal distance from the antenna's centre to where a slant height is measured
    # (the antenna's edge); needed to turn a slant height into a vertical one.
    antenna_radius_m: float | None = None
    started: str | None = None  # GPST ISO 8601 of the first observation epoch
    ended: str | None = None
    interval_s: float | None = None
    elevation_mask_deg: float | None = None  # the receiver's logging mask, when known
    epochs: int | None = None
    files: tuple[SessionFile, ...] = ()
    note: str | None = None
    point_kind: str | None = None  # "BM" | "TITIK_BANTU" | "JKHN", when the surveyor said
    created_at: str | None = None

    @property
    def height_difference_m(self) -> float:
        """After minus before, as measured (either method)."""
        return self.height_after_m - self.height_before_m

    @property
    def heights_disagree(self) -> bool:
        """Before and after differ by more than HEIGHT_TOLERANCE_M (rounded to 0.1 mm)."""
        return round(abs(self.height_difference_m), 4) > HEIGHT_TOLERANCE_M

    @property
    def antenna_height_m(self) -> float:
        """The vertical mark-to-reference height: the mean of before and after."""
        mean = (self.height_before_m + self.height_after_m) / 2
        if self.height_method == "vertical":
            return mean
        if self.antenna_radius_m is None or self.antenna_radius_m >= mean:
            raise SessionError(
                f"session on {self.point}: a slant height needs the antenna radius (smaller"
                " than the slant height) to be turned into a vertical one"
            )
        return math.sqrt(mean**2 - self.antenna_radius_m**2)

    @property
    def observation_files(self) -> tuple[SessionFile, ...]:
        return tuple(f for f in self.files if f.kind in OBSERVATION_KINDS)


def check_draft(draft: StaticSession) -> None:
    """Refuse a session that cannot be right, before any file is copied."""
    where = f"session on {draft.point!r}"
    if not draft.point.strip() or len(draft.point) > MAX_NAME_CHARS:
        raise SessionError(f"point name {draft.point!r}: expected 1 to {MAX_NAME_CHARS} characters")
    if draft.role not in ROLES:
        raise SessionError(f"{where}: role {draft.role!r}; expected one of {', '.join(ROLES)}")
    if draft.height_method not in HEIGHT_METHODS:
        raise SessionError(
            f"{where}: height method {draft.height_method!r}; expected vertical or slant"
        )
    if draft.point_kind is not None and draft.point_kind not in POINT_KINDS:
        raise SessionError(f"{where}: kind {draft.point_kind!r}; expected BM, TITIK_BANTU or JKHN")
    for label, value, top in (
        ("antenna height before", draft.height_before_m, MAX_ANTENNA_HEIGHT_M),
        ("antenna height after", draft.height_after_m, MAX_ANTENNA_HEIGHT_M),
        ("antenna radius", draft.antenna_radius_m, 1.0),
        ("elevation mask", draft.elevation_mask_deg, 90.0),
    ):
        if value is not None and not (math.isfinite(value) and 0 <= value <= top):
            raise SessionError(f"{where}: {label} {value}; expected 0 to {top:g}")
    texts = (draft.height_reference, draft.receiver_model, draft.receiver_serial,
             draft.antenna_model, draft.note)  # fmt: skip
    if any(t is not None and len(t) > MAX_TEXT_CHARS for t in texts):
        raise SessionError(f"{where}: a text field is longer than {MAX_TEXT_CHARS} characters")
    if not draft.height_reference.strip():
        raise SessionError(f"{where}: say what the antenna height is measured to (e.g. ARP)")
    draft.antenna_height_m  # noqa: B018 (a slant height without the antenna radius refuses here)


def _safe(text: str) -> str:
    """A file-name-safe form of a point name (Windows forbids <>:"/\\|?* and more)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "point"


def _identify(path: Path) -> ObsFile:
    from fieldapp.gnss.obsfiles import ObsFileError, identify

    try:
        return identify(path)
    except ObsFileError as exc:
        raise SessionError(str(exc)) from exc
    except OSError as exc:
        raise SessionError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _from_files(draft: StaticSession, found: Sequence[ObsFile]) -> StaticSession:
    """The session's span, interval and epochs as its observation files tell them.

    Receiver and antenna models the surveyor left out come from a RINEX header; a raw log
    whose last frame was cut (a power cut while logging) is kept, and the note says so.
    """
    obs = [f for f in found if f.kind in OBSERVATION_KINDS]
    firsts = [f.first_gpst for f in obs if f.first_gpst]
    lasts = [f.last_gpst for f in obs if f.last_gpst]
    intervals = [f.interval_s for f in obs if f.interval_s]
    cut = [f"{f.path.name}: its last frame is cut (the whole frames are used)"
           for f in obs if f.truncated]  # fmt: skip
    note = "; ".join(n for n in (draft.note, *cut) if n) or None
    return replace(
        draft,
        started=min(firsts) if firsts else draft.started,
        ended=max(lasts) if lasts else draft.ended,
        # The files' own interval wins: the rules judge what was recorded, not what was meant.
        interval_s=min(intervals) if intervals else draft.interval_s,
        epochs=sum(f.epochs for f in obs) if obs else draft.epochs,
        receiver_model=draft.receiver_model or next((f.receiver for f in obs if f.receiver), None),
        antenna_model=draft.antenna_model
        or next((f.antenna_type for f in obs if f.antenna_type), None),
        note=note,
    )


def _hashing_copy(src: Path, digest: Any) -> Callable[[BinaryIO], None]:
    def copy(out: BinaryIO) -> None:
        with src.open("rb") as fin:
            while block := fin.read(COPY_BLOCK):
                digest.update(block)
                out.write(block)

    return copy


def raw_file_referenced(db: JobDatabase) -> Callable[[str], bool]:
    """Whether a file name in raw/ is named by any row (occupations or session files)."""

    def referenced(name: str) -> bool:
        path = f"raw/{name}"
        row = db.execute(
            "SELECT 1 FROM occupation WHERE raw_log = ?"
            " UNION ALL SELECT 1 FROM gnss_session_file WHERE path = ?",
            [path, path],
        ).fetchone()
        return row is not None

    return referenced


def _final_names(store: JobStore, point: str, sources: Sequence[Path]) -> list[Path]:
    stamp = now_iso()[:19].replace("-", "").replace(":", "")
    names: list[Path] = []
    for src in sources:
        base = f"static-{_safe(point)}-{stamp}-{_safe(src.name)}"
        final, n = store.raw_dir / base, 1
        while final.exists() or final in names:
            n += 1
            final = store.raw_dir / f"static-{_safe(point)}-{stamp}-{n}-{_safe(src.name)}"
        names.append(final)
    return names


def add_session(store: JobStore, draft: StaticSession, files: Sequence[Path]) -> int:
    """Identify ``files``, copy them durably into raw/ and store the session; returns its id.

    Every file is read and identified first: a truncated or non-GNSS file refuses the whole
    session, naming the file, before anything is copied. The copies are complete and fsynced
    before the rows commit, in one transaction; on any failure no row and no copy stays.
    """
    store.require_writable()
    check_draft(draft)
    sources = [Path(f) for f in files]
    if not sources:
        raise SessionError(f"session on {draft.point}: no raw or RINEX file given")
    for src in sources:
        if not src.is_file():
            raise SessionError(f"{src}: no such file")
    found = [_identify(src) for src in sources]
    if not any(f.kind in OBSERVATION_KINDS for f in found):
        names = ", ".join(s.name for s in sources)
        raise SessionError(f"{names}: navigation data only; a session needs an observation file")
    session = _from_files(draft, found)
    referenced = raw_file_referenced(store.db)
    with job_lock(store, "adding a static GNSS session"):
        remove_litter(store.raw_dir)
        recover_intents(store.raw_dir, referenced)
        ensure_free(store.raw_dir, sum(s.stat().st_size for s in sources), "copy the session files")
        finals = _final_names(store, draft.point, sources)
        parts: list[Path] = []
        kept: list[SessionFile] = []
        try:
            for src, final, obs in zip(sources, finals, found, strict=True):
                digest = hashlib.sha256()
                needed = src.stat().st_size
                parts.append(write_part(final, _hashing_copy(src, digest), needed=needed))
                size = parts[-1].stat().st_size
                kept.append(
                    SessionFile(f"raw/{final.name}", obs.kind, digest.hexdigest(), size, src.name)
                )
            with _intents(finals, referenced):
                for part, final in zip(parts, finals, strict=True):
                    publish(part, final)
                crash_point("session.raw-published")
                return _insert(store.db, replace(session, files=tuple(kept)))
        finally:
            for part in parts:
                with contextlib.suppress(OSError):
                    part.unlink()


@contextlib.contextmanager
def _intents(finals: Sequence[Path], referenced: Callable[[str], bool]) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for final in finals:
            stack.enter_context(intent(final, referenced))
        yield


def _insert(db: JobDatabase, s: StaticSession) -> int:
    with db.atomic():
        cur = db.execute(
            "INSERT INTO gnss_session (point, point_kind, role, receiver_model, receiver_serial,"
            " antenna_model, height_before_m, height_after_m, height_method, height_reference,"
            " antenna_radius_m, started_gpst, ended_gpst, interval_s, elevation_mask_deg,"
            " epochs, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            [
                s.point.strip(), s.point_kind, s.role, s.receiver_model, s.receiver_serial,
                s.antenna_model, s.height_before_m, s.height_after_m, s.height_method,
                s.height_reference, s.antenna_radius_m, s.started, s.ended, s.interval_s,
                s.elevation_mask_deg, s.epochs, s.note, now_iso(),
            ],
        )  # fmt: skip
        session_id = int(cur.lastrowid or 0)
        for f in s.files:
            db.execute(
                "INSERT INTO gnss_session_file (session_id, path, original_name, kind, sha256,"
                " bytes) VALUES (?, ?, ?, ?, ?, ?)",
                [session_id, f.path, f.original_name, f.kind, f.sha256, f.bytes],
            )
    return session_id


_COLUMNS = (
    "id, point, point_kind, role, receiver_model, receiver_serial, antenna_model,"
    " height_before_m, height_after_m, height_method, height_reference, antenna_radius_m,"
    " started_gpst AS started, ended_gpst AS ended, interval_s, elevation_mask_deg, epochs,"
    " note, created_at"
)


def _files(db: JobDatabase) -> dict[int, list[SessionFile]]:
    files: dict[int, list[SessionFile]] = {}
    for r in db.query(
        "SELECT session_id, path, kind, sha256, bytes, original_name FROM gnss_session_file"
        " ORDER BY id"
    ):
        sid = r.pop("session_id")
        files.setdefault(sid, []).append(SessionFile(**r))
    return files


def load_sessions(db: JobDatabase) -> list[StaticSession]:
    """Every session of the job, oldest first, with its files."""
    files = _files(db)
    return [
        StaticSession(**r, files=tuple(files.get(r["id"], ())))
        for r in db.query(f"SELECT {_COLUMNS} FROM gnss_session ORDER BY id")
    ]


def load_session(db: JobDatabase, session_id: int) -> StaticSession:
    row = next(db.query(f"SELECT {_COLUMNS} FROM gnss_session WHERE id = ?", [session_id]), None)
    if row is None:
        raise LookupError(f"no static session {session_id} in the job")
    return StaticSession(**row, files=tuple(_files(db).get(session_id, ())))


def latest_session(db: JobDatabase, point: str, roles: Sequence[str] = ROLES) -> StaticSession:
    """The point's newest session in one of ``roles`` (else in any role)."""
    sessions = [s for s in load_sessions(db) if s.point == point]
    if not sessions:
        raise LookupError(f"no static session on point {point!r} in the job")
    preferred = [s for s in sessions if s.role in roles]
    return (preferred or sessions)[-1]
