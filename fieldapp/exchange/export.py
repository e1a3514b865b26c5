"""Points out: CSV (SK-style DMS and grid E/N), GeoJSON, KML, GPX and DXF (exchange/dxfmap)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from fieldapp.survey.crs import GridSpec, parse_crs, transform
from fieldapp.survey.dms import format_dms
from fieldapp.survey.installation import ReferenceMarkerRecord
from fieldapp.survey.models import BoundaryPoint, ControlPoint, Marker, PermitArea
from fieldapp.survey.naming import reference_name
from fieldapp.survey.scale import elevation_factor, grid_factors

FORMATS = ("csv", "geojson", "kml", "gpx", "dxf")
Role = Literal["boundary_point", "marker", "control_point", "reference_marker"]


@dataclass(frozen=True, slots=True)
class ExportPoint:
    role: Role
    name: str
    kind: str
    lat: float
    lon: float
    h: float | None
    e: float
    n: float


@dataclass(frozen=True, slots=True)
class ExportSet:
    """Everything an export needs, in SRGI2013 and in the job's grid."""

    permit: PermitArea
    grid: GridSpec
    points: list[ExportPoint]
    ring: list[ExportPoint]  # the WIUP boundary in SK order
    references: list[ExportReference] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ExportReference:
    """A Tanda Batas Referensi with the way to its true point in both reckonings."""

    point: ExportPoint  # role reference_marker, named by the SK rule: 4B-R, 4B-R2 ...
    marker: str
    true_e: float
    true_n: float
    geodetic_azimuth_deg: float  # from the reference to the true point, true north
    grid_azimuth_deg: float  # the same line against grid north
    ellipsoid_m: float
    grid_m: float
    ground_m: float | None


def build_export_set(
    permit: PermitArea,
    grid: GridSpec,
    boundary: list[BoundaryPoint],
    markers: list[Marker],
    control: list[ControlPoint],
    references: Sequence[ReferenceMarkerRecord] = (),
) -> ExportSet:
    """``references``: every reference record of the markers, withdrawn ones included (their
    order names them, 4B-R, 4B-R2 ...); withdrawn ones are not drawn."""
    srgi = parse_crs("SRGI2013")

    def point(
        role: Role, name: str, kind: str, lat: float, lon: float, h: float | None
    ) -> ExportPoint:
        e, n, _ = transform(srgi, grid, lon, lat)
        return ExportPoint(role, name, kind, lat, lon, h, e, n)

    ring = [point("boundary_point", p.number, "titik_batas", p.lat, p.lon, None) for p in boundary]
    pts = list(ring)
    pts += [point("marker", m.name, m.kind.value, m.lat, m.lon, m.h) for m in markers]
    pts += [point("control_point", c.name, c.kind.value, c.lat, c.lon, c.h) for c in control]
    by_name = {p.name: p for p in pts if p.role == "marker"}
    refs = []
    nth: dict[str, int] = {}
    for r in sorted(references, key=lambda r: r.id):
        nth[r.marker] = nth.get(r.marker, 0) + 1
        true = by_name.get(r.marker)
        if r.withdrawn is not None or true is None:
            continue
        pos = r.position
        name = reference_name(r.marker, nth[r.marker])
        ref_pt = point("reference_marker", name, "reference", pos.lat, pos.lon, pos.h)
        f = grid_factors(grid, pos.lon, pos.lat, pos.h or 0.0) if not grid.is_geographic else None
        g = r.geometry
        refs.append(
            ExportReference(
                ref_pt, r.marker, true.e, true.n, g.azimuth_deg,
                (g.azimuth_deg - (f.convergence_deg if f else 0.0)) % 360.0,
                g.distance_m, g.distance_m * (f.point_scale if f else 1.0),
                g.ground_distance_m if true.h is None or g.ground_distance_m is not None
                else g.distance_m / elevation_factor(pos.lat, true.h),
            )
        )  # fmt: skip
        pts.append(ref_pt)
    return ExportSet(permit, grid, pts, ring, refs)


@contextmanager
def _atomic_output(path: Path, mode: str = "w") -> Iterator[Path]:
    """Write to a temporary file beside the target and rename: never a half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        tmp_path.replace(path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def _csv(data: ExportSet, out: Path) -> None:
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "Jenis",
                "Nama",
                "Kategori",
                "Lintang",
                "Bujur",
                "Lintang (desimal)",
                "Bujur (desimal)",
                "Tinggi (m)",
                f"E ({data.grid.code})",
                f"N ({data.grid.code})",
            ]
        )
        for p in data.points:
            w.writerow(
                [
                    p.role,
                    p.name,
                    p.kind,
                    format_dms(p.lat, "lat"),
                    format_dms(p.lon, "lon"),
                    f"{p.lat:.9f}",
                    f"{p.lon:.9f}",
                    "" if p.h is None else f"{p.h:.3f}",
                    f"{p.e:.3f}",
                    f"{p.n:.3f}",
                ]
            )


def _geojson(data: ExportSet, out: Path) -> None:
    ring = [[p.lon, p.lat] for p in data.ring]
    features: list[dict[str, object]] = []
    if ring:
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "role": "permit_area",
                    "name": data.permit.name,
                    "sk_number": data.permit.sk_number,
                    "sk_area_ha": data.permit.sk_area_ha,
                },
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
        )
    for p in data.points:
        props = {
            "role": p.role,
            "name": p.name,
            "kind": p.kind,
            "h": p.h,
            "e": round(p.e, 3),
            "n": round(p.n, 3),
            "grid": data.grid.code,
        }
        geometry = {"type": "Point", "coordinates": [p.lon, p.lat]}
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    out.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, indent=1), encoding="utf-8"
    )


def _kml(data: ExportSet, out: Path) -> None:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
        f"<name>{escape(data.permit.name)}</name>",
    ]
    if data.ring:
        coords = " ".join(f"{p.lon:.9f},{p.lat:.9f},0" for p in [*data.ring, data.ring[0]])
        parts.append(
            f"<Placemark><name>WIUP {escape(data.permit.name)}</name><Polygon><outerBoundaryIs>"
            f"<LinearRing><coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs>"
            "</Polygon></Placemark>"
        )
    for p in data.points:
        parts.append(
            f"<Placemark><name>{escape(p.name)}</name><description>{p.role} {escape(p.kind)}"
            f"</description><Point><coordinates>{p.lon:.9f},{p.lat:.9f},0</coordinates></Point>"
            "</Placemark>"
        )
    parts.append("</Document></kml>")
    out.write_text("\n".join(parts), encoding="utf-8")


def _gpx(data: ExportSet, out: Path) -> None:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gpx version="1.1" creator="fieldapp" xmlns="http://www.topografix.com/GPX/1/1">',
    ]
    for p in data.points:
        ele = f"<ele>{p.h:.3f}</ele>" if p.h is not None else ""
        parts.append(
            f'<wpt lat="{p.lat:.9f}" lon="{p.lon:.9f}">{ele}<name>{escape(p.name)}</name>'
            f"<type>{p.role}</type></wpt>"
        )
    parts.append("</gpx>")
    out.write_text("\n".join(parts), encoding="utf-8")


def _dxf(data: ExportSet, out: Path) -> None:
    from fieldapp.exchange.dxfmap import write_dxf

    write_dxf(data, out)


_WRITERS: dict[str, Callable[[ExportSet, Path], None]] = {
    "csv": _csv,
    "geojson": _geojson,
    "kml": _kml,
    "gpx": _gpx,
    "dxf": _dxf,
}


def export_points(data: ExportSet, fmt: str, path: str | Path) -> Path:
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    target = Path(path)
    with _atomic_output(target) as tmp:
        _WRITERS[fmt](data, tmp)
    return target
