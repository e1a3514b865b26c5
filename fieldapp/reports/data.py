"""What a document is made from: the job's records gathered once, checked, and hashed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.operations import job_grid
from fieldapp.reports.errors import ReportInputError as ReportInputError  # its old home
from fieldapp.reports.method import QUALITY_ID, MarkerMethod, marker_method
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.backgrounds import JobBackground, load_backgrounds
from fieldapp.store.baselines import StoredBaseline, load_baselines
from fieldapp.store.equipment import Equipment, equipment_by_id, load_equipment
from fieldapp.store.installation import load_installation
from fieldapp.store.job_geoid import job_geoid
from fieldapp.store.occupations import load_epochs
from fieldapp.store.quality import load_stake_quality
from fieldapp.survey.boundary import ring_centroid
from fieldapp.survey.crs import GridSpec, auto_grid, parse_crs, transform
from fieldapp.survey.geoid import Geoid, GeoidError, Heights
from fieldapp.survey.installation import MarkerInstallation, OccupationRecord, StakeRecord
from fieldapp.survey.models import (
    BoundaryPoint,
    ControlPoint,
    Marker,
    MarkerKind,
    MarkerStatus,
    PermitArea,
    Surveyor,
)

SRGI = parse_crs("SRGI2013")
KIND_ID = {
    MarkerKind.CORNER: "Sudut",
    MarkerKind.INFILL: "Sisipan",
    MarkerKind.REFERENCE: "Referensi",
}
# Provinces in WITA / WIT; every other province keeps WIB (UTC+7). Longitude alone is wrong
# for Kalimantan Barat/Tengah (WIB) next to Kalimantan Selatan/Timur (WITA).
_WITA = (
    "bali",
    "nusa tenggara",
    "kalimantan selatan",
    "kalimantan timur",
    "kalimantan utara",
    "sulawesi",
    "gorontalo",
)
_WIT = ("maluku", "papua")


@dataclass(frozen=True, slots=True)
class LocalZone:
    name: str  # WIB, WITA, WIT
    offset_h: int

    def local(self, utc: dt.datetime) -> dt.datetime:
        if utc.tzinfo is None:
            utc = utc.replace(tzinfo=dt.UTC)
        return utc.astimezone(dt.timezone(dt.timedelta(hours=self.offset_h), self.name))


def zone_for(province: str | None) -> LocalZone:
    low = (province or "").lower()
    if any(p in low for p in _WIT):
        return LocalZone("WIT", 9)
    if any(p in low for p in _WITA):
        return LocalZone("WITA", 8)
    return LocalZone("WIB", 7)


@dataclass(frozen=True, slots=True)
class MarkerReport:
    """One marker as the documents show it: as-built position, grid coordinates, its records."""

    marker: Marker
    installation: MarkerInstallation
    stake: StakeRecord
    e: float
    n: float
    installed_at: dt.datetime  # local time of the job's zone
    occupation: OccupationRecord | None
    fix_type: str | None  # the fix quality of the used epochs, in words
    method: MarkerMethod  # how this marker was measured, as recorded
    design_e: float
    design_n: float
    heights: Heights | None = None  # h, N and H = h - N; None without a measured h

    @property
    def name(self) -> str:
        return self.marker.name

    @property
    def lat(self) -> float:
        return self.stake.position.lat

    @property
    def lon(self) -> float:
        return self.stake.position.lon

    @property
    def h(self) -> float | None:
        return self.stake.position.h


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the documents of a job are made from, and the SHA-256 of it."""

    job_path: Path
    permit: PermitArea
    grid: GridSpec
    zone: LocalZone
    boundary: tuple[BoundaryPoint, ...]
    control: tuple[ControlPoint, ...]
    surveyors: tuple[Surveyor, ...]
    equipment: tuple[Equipment, ...]
    all_markers: tuple[Marker, ...]
    markers: tuple[MarkerReport, ...]
    sha256: str
    # Static GNSS baselines of the job's control survey (every status; reports pick).
    baselines: tuple[StoredBaseline, ...] = ()
    # The job's geoid (its own imported grid, else the bundled EGM96 crop): every document
    # relates h and H through this one, and names it.
    geoid: Geoid | None = None
    # The job's background layers, bottom first (drawn under the maps; not in the hash: they
    # change no figure a document states).
    backgrounds: tuple[JobBackground, ...] = ()

    @property
    def geoid_name(self) -> str:
        return self.geoid.name if self.geoid is not None else "-"

    def heights_at(self, lat: float, lon: float, h: float | None) -> Heights | None:
        """h, N and H of a point; None without h (printed as a dash, never as 0)."""
        return point_heights(self.geoid, lat, lon, h)

    def grid_of(self, lat: float, lon: float) -> tuple[float, float]:
        e, n, _ = transform(SRGI, self.grid, lon, lat)
        return e, n

    @property
    def grid_label(self) -> str:
        """The projection in Indonesian: ``SRGI2013 / UTM zona 50S``."""
        return f"{self.grid.datum} / {self.zone_label.replace(' ', ' zona ', 1)}"

    @property
    def zone_label(self) -> str:
        g = self.grid
        return (
            f"UTM {g.zone}{'S' if g.south else 'N'}"
            if g.kind == "utm"
            else f"TM-3 {g.zone}.{g.tm3_half}"
        )


INSTALLED = (MarkerStatus.INSTALLED, MarkerStatus.DOCUMENTED)


def _jsonable(value: Any) -> Any:
    """Deterministic JSON for dataclasses, enums, sets and dates: the hash must not wobble."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(_jsonable(k)): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    if isinstance(value, dt.date | dt.time | Path):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def canonical_json(records: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text: the same records always give the same bytes."""
    return json.dumps(_jsonable(records), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def point_heights(geoid: Geoid | None, lat: float, lon: float, h: float | None) -> Heights | None:
    if geoid is None or h is None:
        return None
    try:
        return geoid.heights(lat, lon, h)
    except GeoidError:
        return None  # outside the grid or an impossible h: no H rather than a wrong one


def _fix_quality(store: JobStore, occ: OccupationRecord | None) -> int | None:
    """The most common fix quality of the used epochs."""
    if occ is None:
        return None
    used = [r.fix.quality for r in load_epochs(store.db, occ.id) if r.verdict.used]
    if not used:
        return None
    common = max(set(used), key=used.count)
    return int(common or 0)


def _fix_words(quality: int | None) -> str | None:
    return None if quality is None else QUALITY_ID.get(quality, f"kualitas {quality}")


def _installed_at(
    inst: MarkerInstallation, stake: StakeRecord, occ: OccupationRecord | None, zone: LocalZone
) -> dt.datetime:
    # The field time of the measurement when known, else when the stake was recorded.
    if occ is not None and occ.result is not None and occ.result.last_utc is not None:
        return zone.local(occ.result.last_utc)
    return zone.local(dt.datetime.fromisoformat(stake.recorded_at))


def load_report_data(
    store: JobStore,
    select: Callable[[Marker], bool] | None = None,
    names: Sequence[str] | None = None,
    reinstallation_id: int | None = None,
) -> ReportData:
    """Gather the job's records; markers by ``names``, or those ``select`` keeps (installed).

    Every marker as its original installation recorded it (the records of no reinstallation);
    with ``reinstallation_id``, the marker(s) as that reinstallation recorded them.
    """
    db = store.db
    permit = rec.load_permit_area(db)
    boundary = rec.load_boundary_points(db)
    all_markers = rec.load_markers(db)
    grid = job_grid(store)
    if grid.is_geographic:
        # The documents need E/N: the UTM zone of the boundary's centroid, else of the first
        # marker or control point (a job that so far holds only its control survey).
        if boundary:
            lon, lat = ring_centroid(boundary)
        else:
            anchors = all_markers or rec.load_control_points(db)
            if not anchors:
                raise ReportInputError(
                    f"{store.path}: the job has no WIUP boundary, marker or control point"
                    " to place its documents on"
                )
            lon, lat = anchors[0].lon, anchors[0].lat
        grid = auto_grid(lon, lat)
    zone = zone_for(permit.province)
    try:
        geoid = job_geoid(store)
    except GeoidError as exc:
        raise ReportInputError(str(exc), path=store.path) from exc
    if names:
        known = {m.name: m for m in all_markers}
        missing = [n for n in names if n not in known]
        if missing:
            raise ReportInputError(
                f"{store.path}: no marker named {', '.join(missing)} in this job",
                marker=missing[0],
                path=store.path,
            )
        chosen = [known[n] for n in names]
    else:
        keep = select or (lambda m: m.status in INSTALLED)
        chosen = [m for m in all_markers if keep(m)]
    reports = []
    instruments = equipment_by_id(db)
    for m in chosen:
        inst = load_installation(db, m.name, reinstallation_id)
        stake = inst.current_stake
        p = stake.position if stake else None
        if stake is None or p is None or not (math.isfinite(p.lat) and math.isfinite(p.lon)):
            raise ReportInputError(
                f"marker {m.name}: no measured coordinates (no stake recorded) in {store.path}",
                marker=m.name,
                path=store.path,
            )
        occ = next((o for o in inst.occupations if o.id == stake.occupation_id), None)
        e, n, _ = transform(SRGI, grid, p.lon, p.lat)
        de, dn, _ = transform(SRGI, grid, m.lon, m.lat)
        quality = _fix_quality(store, occ)
        method = marker_method(stake, occ, load_stake_quality(db, stake.id), quality, instruments)
        reports.append(
            MarkerReport(
                m,
                inst,
                stake,
                e,
                n,
                _installed_at(inst, stake, occ, zone),
                occ,
                _fix_words(quality),
                method,
                de,
                dn,
                point_heights(geoid, p.lat, p.lon, p.h),
            )
        )
    control = rec.load_control_points(db)
    surveyors = rec.load_surveyors(db)
    equipment = load_equipment(db)
    baselines = load_baselines(db)
    body: dict[str, Any] = {
        "permit": permit,
        "grid": grid.code,
        "boundary": boundary,
        "control": control,
        # As before the KPO card had a status and an update date: recording the yearly update
        # changes nothing the berita acara states, so its Nomor stays.
        "surveyors": [
            {k: getattr(s, k) for k in ("name", "certificate_no", "kpo_no", "kpo_active")}
            for s in surveyors
        ],
        "equipment": equipment,
        "markers": [r.installation for r in reports],
    }
    if reinstallation_id is not None:
        body["reinstallation"] = reinstallation_id  # absent for the original: its hash stays
    accepted = [b for b in baselines if b.status == "accepted"]
    if accepted:
        # What Tabel I/II state. Only accepted ones: a baseline processed but not accepted
        # changes no coordinate, so a berita acara's Nomor stays; and a job without a control
        # survey of its own keeps the hash it had.
        body["baselines"] = accepted
    if geoid.kind == "user":
        # The job's own grid changes every H printed; the bundled one keeps the hash it had.
        body["geoid"] = {"name": geoid.name, "file": geoid.path.name}
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    return ReportData(
        job_path=store.path,
        permit=permit,
        grid=grid,
        zone=zone,
        boundary=tuple(boundary),
        control=tuple(control),
        surveyors=tuple(surveyors),
        equipment=tuple(equipment),
        all_markers=tuple(all_markers),
        markers=tuple(reports),
        sha256=digest,
        baselines=tuple(baselines),
        geoid=geoid,
        backgrounds=tuple(load_backgrounds(store)),
    )
