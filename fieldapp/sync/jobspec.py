"""The job spec an office assignment carries: its JSON format, built from a job, parsed strictly.

The spec is the package's ``data/`` JSON without the field work: ``job.json`` (decree and
surveyors), ``boundary_points.geojson``, ``control_points.geojson``, ``neighbor_areas.geojson``
and ``activity_zones.geojson``, under ``"data"`` and keyed by those file names. The office
checks a spec before it stores it and the laptop checks it again before it writes a job, with
the same parser, so a bad spec is refused where it is made and never half-applied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.exchange.areas import activity_zone_from
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import DECREE_FIELDS
from fieldapp.survey.boundary import BoundaryReport, validate_boundary
from fieldapp.survey.crs import CrsError, parse_crs
from fieldapp.survey.kpo import KPO_STATUSES
from fieldapp.survey.models import BoundaryPoint, ControlKind, ControlPoint, Surveyor
from fieldapp.survey.neighbors import AreaError, rings_from_geojson
from fieldapp.sync.spec_values import (
    MAX_FEATURES,
    MAX_SPEC_BYTES,
    MAX_VERTICES,
    check_geometry,
    load_spec_json,
    shown,
)
from fieldapp.sync.spec_values import SpecError as SpecError
from fieldapp.sync.spec_values import flag as _flag
from fieldapp.sync.spec_values import number as _number
from fieldapp.sync.spec_values import text as _text

SPEC_FORMAT = "fieldapp-assignment/1"
JOB_JSON = "job.json"
BOUNDARY = "boundary_points.geojson"
CONTROL = "control_points.geojson"
NEIGHBORS = "neighbor_areas.geojson"
ACTIVITY = "activity_zones.geojson"
SPEC_FILES = (JOB_JSON, BOUNDARY, CONTROL, NEIGHBORS, ACTIVITY)
_JOB_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,79}")


@dataclass(frozen=True, slots=True)
class Area:
    """A neighbouring permit or an activity zone as stored with the job (GeoJSON geometry)."""

    name: str
    geometry: dict[str, Any]
    source: str | None
    kind: str | None = None  # activity zones only: "pit" or "dump"
    depth_m: float | None = None
    height_m: float | None = None


@dataclass(frozen=True, slots=True)
class JobSpec:
    """A checked spec: everything a job needs before field work starts."""

    job_id: str
    name: str
    decree: dict[str, Any]  # DECREE_FIELDS -> value (None when the decree does not say)
    boundary: tuple[BoundaryPoint, ...]
    control: tuple[ControlPoint, ...]
    neighbors: tuple[Area, ...]
    activity_zones: tuple[Area, ...]
    surveyors: tuple[Surveyor, ...]
    report: BoundaryReport  # the boundary validation, warnings included


def canonical(doc: dict[str, Any]) -> bytes:
    """The bytes the office stores and hashes: sorted keys, no spaces, UTF-8."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def spec_sha256(doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(doc)).hexdigest()


def spec_from_job(db: JobDatabase) -> dict[str, Any]:
    """The spec of an existing job (the office's own job folder): its package JSON, no markers."""
    from fieldapp.sync.export import export_job

    files = export_job(db)
    data = {name: json.loads(files[f"data/{name}"]) for name in SPEC_FILES}
    # The permit polygon is derived from the points; the spec carries the points only.
    data[BOUNDARY]["features"] = [
        f for f in data[BOUNDARY]["features"] if f["geometry"]["type"] == "Point"
    ]
    job_id = data[JOB_JSON]["permit_area"]["job_uuid"]
    return {"format": SPEC_FORMAT, "job_id": job_id, "data": data}


def spec_from_path(path: str | Path, job_id: str | None = None) -> dict[str, Any]:
    """A spec from a job folder, a folder of package data files, or a spec JSON file."""
    source = Path(path)
    if source.is_dir() and (source / "job.sqlite").is_file():
        from fieldapp.store import JobStore

        with JobStore.open(source) as store:
            doc = spec_from_job(store.db)
    elif source.is_dir():
        folder = source / "data" if (source / "data" / JOB_JSON).is_file() else source
        if not (folder / JOB_JSON).is_file():
            raise SpecError(f"{source}: neither a job folder nor a folder with {JOB_JSON}")
        data = {}
        for name in SPEC_FILES:
            if (folder / name).is_file():
                data[name] = _load_json(folder / name)
        doc = {"format": SPEC_FORMAT, "job_id": job_id, "data": data}
    elif source.is_file():
        loaded = _load_json(source)
        if not isinstance(loaded, dict):
            raise SpecError(f"{source}: expected a JSON object with format {SPEC_FORMAT!r}")
        doc = loaded
    else:
        raise SpecError(f"{source}: no such file or folder")
    if job_id is not None:
        doc["job_id"] = job_id
    elif not doc.get("job_id"):
        files = doc.get("data")
        job = files.get(JOB_JSON) if isinstance(files, dict) else None
        permit = job.get("permit_area") if isinstance(job, dict) else None
        doc["job_id"] = permit.get("job_uuid") if isinstance(permit, dict) else None
    return doc


def _load_json(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise SpecError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_SPEC_BYTES:
        raise SpecError(f"{path}: larger than {MAX_SPEC_BYTES // 2**20} MB; not a job spec")
    return load_spec_json(data, str(path))


def _features(data: dict[str, Any], name: str, *, required: bool) -> list[dict[str, Any]]:
    where = f"data/{name}"
    if name not in data:
        if required:
            raise SpecError(f"{where} is missing: an assignment needs the decree's boundary")
        return []
    fc = data[name]
    if not isinstance(fc, dict) or fc.get("type") != "FeatureCollection":
        raise SpecError(f"{where}: expected a GeoJSON FeatureCollection")
    features = fc.get("features")
    if not isinstance(features, list):
        raise SpecError(f"{where}: 'features' must be a list")
    if len(features) > MAX_FEATURES:
        raise SpecError(f"{where}: {len(features)} features; at most {MAX_FEATURES}")
    for i, f in enumerate(features, 1):
        if not isinstance(f, dict) or not isinstance(f.get("properties"), dict):
            raise SpecError(f"{where} feature {i}: expected a Feature with properties")
        if not isinstance(f.get("geometry"), dict):
            raise SpecError(f"{where} feature {i}: expected a geometry")
    return features


def _boundary(data: dict[str, Any]) -> tuple[BoundaryPoint, ...]:
    points = []
    for i, f in enumerate(_features(data, BOUNDARY, required=True), 1):
        if f["geometry"].get("type") != "Point":
            continue  # a derived polygon, if a package's file is reused
        p, where = f["properties"], f"data/{BOUNDARY} feature {i}"
        lat = _number(p.get("lat"), f"{where} lat")
        lon = _number(p.get("lon"), f"{where} lon")
        assert lat is not None and lon is not None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise SpecError(f"{where}: {lat}, {lon} is not a latitude/longitude in degrees")
        number = _text(p.get("number"), f"{where} number")
        assert number is not None
        points.append(
            BoundaryPoint(
                number,
                lat,
                lon,
                _text(p.get("lat_text"), f"{where} lat_text", optional=True) or f"{lat}",
                _text(p.get("lon_text"), f"{where} lon_text", optional=True) or f"{lon}",
                _text(p.get("source"), f"{where} source", optional=True),
            )
        )
    if not points:
        raise SpecError(f"data/{BOUNDARY} has no boundary points: the decree lists them")
    return tuple(points)


def _control(data: dict[str, Any]) -> tuple[ControlPoint, ...]:
    points = []
    for i, f in enumerate(_features(data, CONTROL, required=False), 1):
        p, where = f["properties"], f"data/{CONTROL} feature {i}"
        kinds = ", ".join(k.value for k in ControlKind)
        if not isinstance(p.get("kind"), str) or p["kind"] not in {k.value for k in ControlKind}:
            raise SpecError(f"{where} kind: expected one of {kinds}, got {shown(p.get('kind'))}")
        lat, lon = _number(p.get("lat"), f"{where} lat"), _number(p.get("lon"), f"{where} lon")
        assert lat is not None and lon is not None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise SpecError(f"{where}: {lat}, {lon} is not a latitude/longitude in degrees")
        a, b = (
            _number(p.get("input_a"), f"{where} input_a"),
            _number(p.get("input_b"), f"{where} input_b"),
        )
        assert a is not None and b is not None
        points.append(
            ControlPoint(
                str(_text(p.get("name"), f"{where} name")),
                ControlKind(p["kind"]),
                lat,
                lon,
                _within(p.get("h"), f"{where} h", -1000.0, 10000.0),
                str(_text(p.get("input_crs"), f"{where} input_crs")),
                a,
                b,
                _text(p.get("tied_to"), f"{where} tied_to", optional=True),
                _text(p.get("source"), f"{where} source", optional=True),
                _within(p.get("sigma_h"), f"{where} sigma_h", 0.0, 100.0),
                _within(p.get("sigma_v"), f"{where} sigma_v", 0.0, 100.0),
            )
        )
    names = [c.name for c in points]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise SpecError(f"data/{CONTROL}: control point name(s) used twice: {', '.join(twice)}")
    return tuple(points)


def _within(value: Any, where: str, low: float, high: float) -> float | None:
    """An optional number in a plausible range: metres of height (Indonesia: about 0 to
    4,900 m) or of a control point's sigma."""
    number = _number(value, where, optional=True)
    if number is not None and not low <= number <= high:
        raise SpecError(f"{where}: {number} is outside {low:g} to {high:g} m")
    return number


def _areas(data: dict[str, Any], name: str) -> tuple[Area, ...]:
    areas = []
    vertices = [0]
    for i, f in enumerate(_features(data, name, required=False), 1):
        p, where = f["properties"], f"data/{name} feature {i}"
        label = str(_text(p.get("name"), f"{where} name"))
        vertices[0] += check_geometry(f["geometry"], f"{where} ({shown(label)}) geometry")
        if vertices[0] > MAX_VERTICES:
            raise SpecError(f"data/{name}: more than {MAX_VERTICES} vertices in its areas")
        try:
            rings = rings_from_geojson(f["geometry"])
            if not rings:
                raise AreaError("expected a Polygon or MultiPolygon")
            zone = activity_zone_from(label, rings, p) if name == ACTIVITY else None
        except AreaError as exc:
            raise SpecError(f"{where} ({shown(label)}): {exc}") from exc
        areas.append(
            Area(
                label,
                f["geometry"],
                _text(p.get("source"), f"{where} source", optional=True),
                zone.kind if zone else None,
                zone.depth_m if zone else None,
                zone.height_m if zone else None,
            )
        )
    return tuple(areas)


def _kpo_card(s: dict[str, Any], where: str) -> tuple[str | None, dt.date | None]:
    """The optional KPO status and date of the last data update (specs before them: None)."""
    status = _text(s.get("kpo_status"), f"{where} kpo_status", optional=True)
    if status is not None and status not in KPO_STATUSES:
        raise SpecError(
            f"{where} kpo_status: expected one of {', '.join(KPO_STATUSES)}, got {shown(status)}"
        )
    text = _text(s.get("kpo_updated_on"), f"{where} kpo_updated_on", optional=True)
    try:
        updated = None if text is None else dt.date.fromisoformat(text)
    except ValueError:
        raise SpecError(
            f"{where} kpo_updated_on: expected a date as YYYY-MM-DD, got {shown(text)}"
        ) from None
    return status, updated


def parse_spec(doc: Any) -> JobSpec:
    """Check every part of a spec; the first problem found is raised as SpecError."""
    if not isinstance(doc, dict) or doc.get("format") != SPEC_FORMAT:
        raise SpecError(f"not a job spec: expected a JSON object with format {SPEC_FORMAT!r}")
    job_id = doc.get("job_id")
    if not isinstance(job_id, str) or not _JOB_ID.fullmatch(job_id):
        raise SpecError(
            f"job_id {shown(job_id)}: expected the job's id (letters, digits, . _ -; a job folder's"
            " uuid); give one with --job-id"
        )
    data = doc.get("data")
    if not isinstance(data, dict):
        raise SpecError("'data' is missing: expected the job's data files keyed by file name")
    if not isinstance(data.get(JOB_JSON), dict) or not isinstance(
        data[JOB_JSON].get("permit_area"), dict
    ):
        raise SpecError(f"data/{JOB_JSON}: expected an object with 'permit_area' (the decree)")
    permit = data[JOB_JSON]["permit_area"]
    name = _text(permit.get("name"), f"data/{JOB_JSON} permit_area name")
    assert name is not None
    decree: dict[str, Any] = {}
    for key in DECREE_FIELDS:
        where = f"data/{JOB_JSON} permit_area {key}"
        if key == "sk_area_ha":
            area = _number(permit.get(key), where, optional=True)
            if area is not None and area <= 0:
                raise SpecError(f"{where}: must be a positive number of hectares, got {area}")
            decree[key] = area
        else:
            decree[key] = _text(permit.get(key), where, optional=True)
    if decree["sk_date"] is not None:
        try:
            dt.date.fromisoformat(decree["sk_date"][:10])  # as the coordinate table reads it
        except ValueError:
            raise SpecError(
                f"data/{JOB_JSON} permit_area sk_date: expected a date as YYYY-MM-DD, got "
                f"{shown(decree['sk_date'])}"
            ) from None
    decree["crs"] = decree["crs"] or "auto"
    if not decree["crs"].lower().startswith("auto"):
        try:
            parse_crs(decree["crs"])
        except CrsError as exc:
            raise SpecError(f"data/{JOB_JSON} permit_area crs: {exc}") from exc
    surveyors = []
    listed = data[JOB_JSON].get("surveyors") or []
    if not isinstance(listed, list) or len(listed) > MAX_FEATURES:
        raise SpecError(f"data/{JOB_JSON} surveyors: expected a list, got {shown(listed)}")
    for i, s in enumerate(listed, 1):
        where = f"data/{JOB_JSON} surveyor {i}"
        if not isinstance(s, dict):
            raise SpecError(f"{where}: expected an object with a name")
        surveyors.append(
            Surveyor(
                str(_text(s.get("name"), f"{where} name")),
                _text(s.get("certificate_no"), f"{where} certificate_no", optional=True),
                _text(s.get("kpo_no"), f"{where} kpo_no", optional=True),
                _flag(s.get("kpo_active", True), f"{where} kpo_active"),
                *_kpo_card(s, where),
            )
        )
    boundary = _boundary(data)
    try:
        report = validate_boundary(boundary, decree["sk_area_ha"])
    except (CrsError, ValueError, ArithmeticError) as exc:
        raise SpecError(f"data/{BOUNDARY}: the boundary cannot be checked: {exc}") from exc
    if not report.valid:
        problems = "; ".join(f.message for f in report.errors)
        raise SpecError(f"data/{BOUNDARY}: the boundary is not a valid WIUP: {problems}")
    return JobSpec(
        job_id,
        name,
        decree,
        boundary,
        _control(data),
        _areas(data, NEIGHBORS),
        _areas(data, ACTIVITY),
        tuple(surveyors),
        report,
    )
