"""Text and JSON renderings of marker installation records for `fieldapp marker`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fieldapp.reports.base_words import point_label
from fieldapp.survey.base_point import BaseUsed
from fieldapp.survey.installation import MarkerInstallation, OccupationRecord
from fieldapp.survey.occupation import OccupationResult

if TYPE_CHECKING:
    from fieldapp.store.design_heights import DesignHeight
    from fieldapp.survey.height_cache import HeightCache
    from fieldapp.survey.models import Marker


def jsonable(obj: Any) -> Any:
    """Dataclasses, enums, dates and mappings to plain JSON values (properties not included)."""
    if isinstance(obj, BaseUsed):
        # What a reader needs and the fields do not hold: computed against control now.
        fields = {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return {**fields, "changed": obj.changed, "shift": jsonable(obj.shift)}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dt.date | dt.time | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | frozenset | set):
        items = [jsonable(v) for v in obj]
        return sorted(items) if isinstance(obj, frozenset | set) else items
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)


def _m(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f} m"


def result_lines(r: OccupationResult, heights: HeightCache | None = None) -> list[str]:
    verdict = "PASSED" if r.passed else "FAILED: " + ", ".join(f.value for f in r.failures)
    rejected = ", ".join(f"{k.value} {n}" for k, n in r.rejected_by_reason.items()) or "none"
    lines = [
        f"  result      {verdict} (profile {r.profile.name})",
        f"  epochs      {r.epochs_used} used, {r.epochs_rejected} rejected ({rejected})",
        f"  span        {r.span_s:.1f} s from {r.first_utc or r.first_time} to "
        f"{r.last_utc or r.last_time}",
    ]
    if r.lat is not None and r.lon is not None:
        lines.append(
            f"  mean        lat {r.lat:.9f}  lon {r.lon:.9f}  h {_m(r.h)} (phase centre)"
            f"{orthometric_text(heights, r.lat, r.lon, r.h)}"
        )
        lines.append(
            f"  scatter     N {_m(r.std_n_m)}  E {_m(r.std_e_m)}  U {_m(r.std_u_m)}"
            f"  (receiver sigma: {r.sigma_source.value if r.sigma_source else 'none'})"
        )
    if r.antenna is not None:
        lines.append(
            f"  antenna     {r.antenna.method.value} {r.antenna.measured_m:.3f} m -> total "
            f"{r.antenna.total_m:.4f} m; mark h {_m(r.mark_h)}"
            + ("" if r.lat is None or r.lon is None
               else orthometric_text(heights, r.lat, r.lon, r.mark_h))
        )  # fmt: skip
    if r.comparison is not None:
        c = r.comparison
        lines.append(
            f"  vs earlier  dN {c.dn_m:+.3f}  dE {c.de_m:+.3f}  dH "
            f"{'-' if c.dh_m is None else f'{c.dh_m:+.3f}'}  horizontal {c.horizontal_m:.3f} m"
        )
    return lines


def base_lines(o: OccupationRecord) -> list[str]:
    """The base: a control point with the coordinate used and where it came from, flagged
    when the point got another coordinate afterwards; else the name as typed."""
    b = o.base_point
    if b is None:
        if o.base_station:
            return [f"  base {o.base_station} (not a control point of the job)"]
        return [f"  base {', '.join(o.base_ids)} (station ID)"] if o.base_ids else []
    u = b.used
    origin = f"baseline {b.baseline_id}" if b.baseline_id is not None else "imported"
    if b.baseline_id is not None and u.tied_to:
        origin += f" from {u.tied_to}" + (f", {b.baseline_fix}" if b.baseline_fix else "")
    sigma = "" if u.sigma_h is None else f", sigma H {u.sigma_h * 1000:.1f} mm"
    lines = [
        f"  base {point_label(u.name, u.kind)} (control point; {origin}{sigma})",
        f"  base coordinate used  lat {u.lat:.9f}  lon {u.lon:.9f}  h {_m(u.h, 4)}",
    ]
    shift = b.shift
    if shift is None:
        lines.append(f"  BASE {u.name} IS NO LONGER IN THE JOB'S CONTROL")
    elif b.changed:
        now = "" if b.current_baseline_id is None else f" (now baseline {b.current_baseline_id})"
        dh = "" if shift.dh_m is None else f", vertical {shift.dh_m:+.3f} m"
        lines.append(
            f"  BASE COORDINATE CHANGED after the occupation{now}: horizontal"
            f" {shift.horizontal_m:.3f} m{dh}; the position was measured from the old one"
        )
    return lines


def occupation_lines(o: OccupationRecord, heights: HeightCache | None = None) -> list[str]:
    state = "INCOMPLETE (interrupted; epochs on disk)" if o.incomplete else o.state.value
    head = f"occupation {o.id}  {o.started_at}  {state}  {o.epochs_on_disk} epochs"
    if o.raw_log:
        head += f"  raw {o.raw_log}"
    method = base_lines(o)
    if o.antenna_after_m is not None:
        change = o.antenna_change_m
        flag = "  CHANGED > 5 mm" if o.antenna_changed else ""
        diff = "" if change is None else f" (after - before {change * 1000:+.0f} mm)"
        method.append(f"  antenna height after {o.antenna_after_m:.3f} m{diff}{flag}")
    return [head, *(result_lines(o.result, heights) if o.result else []), *method]


def installation_text(
    inst: MarkerInstallation, marker: Marker | None = None, heights: HeightCache | None = None
) -> str:
    d = inst.design
    design = f"design      lat {d.lat:.9f}  lon {d.lon:.9f}  h {_m(d.h)}"
    design += orthometric_text(heights, d.lat, d.lon, d.h)
    if marker is not None and marker.h is not None and marker.h_given is not None:
        design += f"  (given as {marker.h_system.value} {marker.h_given:.3f} m)"
    out = [f"marker {inst.marker}  status {inst.status.value}", design]
    for s in inst.stakes:
        tag = f" WITHDRAWN ({s.withdrawn.reason})" if s.withdrawn else ""
        ok = "within" if s.delta.passed else "OUTSIDE"
        out.append(
            f"stake {s.id}  {s.source.value}  dN {s.delta.dn_m:+.3f} dE {s.delta.de_m:+.3f} "
            f"horizontal {s.delta.horizontal_m:.3f} m ({ok} {s.delta.tolerance_m:.2f} m){tag}"
        )
    for o in inst.occupations:
        out.extend(occupation_lines(o, heights))
    for r in inst.references:
        tag = f" WITHDRAWN ({r.withdrawn.reason})" if r.withdrawn else ""
        out.append(
            f"reference {r.id}  lat {r.position.lat:.9f} lon {r.position.lon:.9f}  to true "
            f"point: azimuth {r.geometry.azimuth_deg:.4f} deg, {r.geometry.distance_m:.3f} m{tag}"
        )
    if inst.description is not None:
        desc = inst.description
        out.append(
            f"description desa {desc.desa}, kec. {desc.kecamatan}, kab. {desc.kabupaten}, "
            f"prov. {desc.provinsi}; access: {desc.access}; condition: {desc.condition}"
        )
        if desc.notes:
            out.append(f"            notes: {desc.notes}")
    for p in inst.photos:
        tag = f" WITHDRAWN ({p.withdrawn.reason})" if p.withdrawn else ""
        out.append(
            f"photo {p.id}  {p.direction.value:<8} {p.file_name}  sha256 {p.sha256[:16]}{tag}"
        )
    for w in inst.witnesses:
        tag = f" WITHDRAWN ({w.withdrawn.reason})" if w.withdrawn else ""
        out.append(f"witness {w.id}  {w.name} ({w.institution}) {w.category.value}{tag}")
    missing = [m.value for m in inst.progress.missing_photos]
    if missing:
        out.append(f"missing photos: {', '.join(missing)}")
    return "\n".join(out)


def orthometric_text(heights: HeightCache | None, lat: float, lon: float, h: float | None) -> str:
    """ "  H 12.345 m [EGM96 …]" beside an ellipsoidal height; "" where there is none."""
    hs = None if heights is None else heights.heights(lat, lon, h)
    return "" if hs is None else f"  H {hs.orthometric:.3f} m [{hs.geoid}]"


def design_height_text(d: DesignHeight) -> str:
    return (
        f"h {d.ellipsoidal:.3f} m (ellipsoidal)  H {d.orthometric:.3f} m (orthometric)"
        f"  [{d.geoid}]  given as {d.system.value} {d.given:.3f} m"
    )


def design_json(marker: Marker, heights: HeightCache) -> dict[str, Any]:
    """The design height's added keys: H, N and geoid beside h, and how it was given."""
    hs = heights.heights(marker.lat, marker.lon, marker.h)
    given = marker.h if marker.h_given is None else marker.h_given
    return {
        "H": None if hs is None else hs.orthometric,
        "N": None if hs is None else hs.undulation,
        "geoid": heights.name,
        "h_given": given,
        "h_system": marker.h_system.value,
    }


def installation_json(inst: MarkerInstallation, marker: Marker, heights: HeightCache) -> Any:
    """`marker show --json`: the record as before, plus H and the geoid beside each h."""
    data = jsonable(inst)
    data["design"].update(design_json(marker, heights))
    data["occupations"] = [occupation_json(o, heights) for o in inst.occupations]
    return data


def occupation_json(o: OccupationRecord, heights: HeightCache) -> Any:
    """An occupation as JSON; its result gains H (of the mean h), mark_H and geoid."""
    row = jsonable(o)
    r = o.result
    if r is not None and r.lat is not None and r.lon is not None:
        mark = heights.heights(r.lat, r.lon, r.mark_h)
        mean = heights.heights(r.lat, r.lon, r.h)
        row["result"].update(
            H=None if mean is None else mean.orthometric,
            mark_H=None if mark is None else mark.orthometric,
            geoid=heights.name,
        )
    return row
