"""Read neighbouring permit areas and activity zones (pits, dumps) from GeoJSON, KML or SK tables.

Coordinates are taken as SRGI2013 lon/lat: GeoJSON (RFC 7946) and KML are WGS 84 by
definition, which matches SRGI2013 (ITRF2008) to a few centimetres. Activity zones need a
``kind`` (pit/dump; inferred from which of ``depth_m``/``height_m`` is given) and the depth
or height, from GeoJSON properties or KML ExtendedData (Data or SimpleData).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.survey.neighbors import (
    ActivityZone,
    AreaError,
    NeighborArea,
    Ring,
    ZoneKind,
    rings_from_geojson,
)

# Indonesian words surveyors put in attribute tables, mapped to the two kinds.
_KIND_WORDS = {
    "pit": "pit", "tambang": "pit", "bukaan": "pit", "galian": "pit",
    "dump": "dump", "disposal": "dump", "timbunan": "dump", "waste": "dump",
}  # fmt: skip
_NAME_KEYS = ("name", "nama", "Name", "NAMA", "title")


class AreaFileError(ValueError):
    """A neighbour/activity file that cannot be read, with the file and feature named."""


@dataclass(frozen=True, slots=True)
class AreaFeature:
    """One polygon feature of a file: its name, outer rings and attributes."""

    name: str
    rings: tuple[Ring, ...]
    properties: dict[str, Any] = field(default_factory=dict)


def read_area_features(path: str | Path) -> list[AreaFeature]:
    """Polygon features of a GeoJSON, KML or SK boundary-table file."""
    p = Path(path)
    if not p.is_file():
        raise AreaFileError(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix in (".geojson", ".json"):
        return _read_geojson(p)
    if suffix == ".kml":
        return _read_kml(p)
    return _read_sk_table(p)


def read_neighbors(path: str | Path) -> list[NeighborArea]:
    return [NeighborArea(f.name, f.rings) for f in read_area_features(path)]


def read_activity_zones(path: str | Path) -> list[ActivityZone]:
    zones = []
    for f in read_area_features(path):
        try:
            zones.append(activity_zone_from(f.name, f.rings, f.properties))
        except AreaError as exc:
            raise AreaFileError(f"{path}: feature {f.name!r}: {exc}") from exc
    return zones


def _number(value: Any, what: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError as exc:
        raise AreaError(f"{what} is not a number: {value!r}") from exc


def activity_zone_from(
    name: str, rings: tuple[Ring, ...], props: Mapping[str, Any]
) -> ActivityZone:
    """An ActivityZone from attributes (kind, depth_m, height_m), with the kind inferred."""
    low = {str(k).lower(): v for k, v in props.items()}
    depth = _number(low.get("depth_m", low.get("kedalaman_m", low.get("depth"))), "depth_m")
    height = _number(low.get("height_m", low.get("tinggi_m", low.get("height"))), "height_m")
    raw = str(low.get("kind", low.get("jenis", ""))).strip().lower()
    kind: ZoneKind
    if raw in _KIND_WORDS:
        kind = "pit" if _KIND_WORDS[raw] == "pit" else "dump"
    elif depth is not None and height is None:
        kind = "pit"
    elif height is not None and depth is None:
        kind = "dump"
    else:
        raise AreaError("needs kind pit/dump (or exactly one of depth_m / height_m)")
    zone = ActivityZone(name, kind, rings, depth, height)
    zone.size_m  # noqa: B018 - raises AreaError when the depth/height is missing or not positive
    return zone


def _feature_name(props: Mapping[str, Any], fallback: str) -> str:
    for key in _NAME_KEYS:
        if props.get(key):
            return str(props[key])
    return fallback


def _read_geojson(path: Path) -> list[AreaFeature]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AreaFileError(f"{path}: not readable GeoJSON: {exc}") from exc
    if data.get("type") == "FeatureCollection":
        features = data.get("features", [])
    elif data.get("type") == "Feature":
        features = [data]
    else:
        features = [{"type": "Feature", "geometry": data, "properties": {}}]
    out = []
    for i, feat in enumerate(features, start=1):
        props = dict(feat.get("properties") or {})
        name = _feature_name(props, f"{path.stem} {i}")
        geom = feat.get("geometry")
        if not geom or geom.get("type") not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            continue  # points and lines (labels, roads) are not areas
        try:
            out.append(AreaFeature(name, rings_from_geojson(geom), props))
        except AreaError as exc:
            raise AreaFileError(f"{path}: feature {i} ({name}): {exc}") from exc
    if not out:
        raise AreaFileError(f"{path}: no Polygon or MultiPolygon features")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _kml_ring(text: str) -> Ring:
    pts = []
    for tup in text.split():
        parts = tup.split(",")
        pts.append((float(parts[0]), float(parts[1])))
    return tuple(pts)


def _read_kml(path: Path) -> list[AreaFeature]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise AreaFileError(f"{path}: not readable KML: {exc}") from exc
    out = []
    for i, pm in enumerate((e for e in root.iter() if _local(e.tag) == "Placemark"), start=1):
        props: dict[str, Any] = {}
        name = None
        rings: list[Ring] = []
        for el in pm.iter():
            tag = _local(el.tag)
            if tag == "name" and name is None:
                name = (el.text or "").strip()
            elif tag == "Data":
                value = next((c.text for c in el if _local(c.tag) == "value"), None)
                props[el.get("name", "")] = value
            elif tag == "SimpleData":
                props[el.get("name", "")] = el.text
            elif tag == "outerBoundaryIs":
                coords = next((c for c in el.iter() if _local(c.tag) == "coordinates"), None)
                if coords is not None and coords.text:
                    try:
                        rings.append(_kml_ring(coords.text))
                    except (ValueError, IndexError) as exc:
                        raise AreaFileError(f"{path}: placemark {i}: bad coordinates") from exc
        if rings:
            out.append(AreaFeature(name or f"{path.stem} {i}", tuple(rings), props))
    if not out:
        raise AreaFileError(f"{path}: no Placemark with a Polygon")
    return out


def _read_sk_table(path: Path) -> list[AreaFeature]:
    """A neighbour's SK boundary table (CSV/TXT/XLSX): one polygon named after the file."""
    from fieldapp.exchange.boundary_import import read_boundary_table
    from fieldapp.exchange.problems import ImportFailed

    if path.suffix.lower() not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        raise AreaFileError(
            f"{path}: unsupported file type {path.suffix!r}: use GeoJSON, KML or an SK table"
        )
    try:
        table = read_boundary_table(path)
    except ImportFailed as exc:
        raise AreaFileError(str(exc)) from exc
    ring = tuple((float(p.lon), float(p.lat)) for p in table.points)
    if len(set(ring)) < 3:
        raise AreaFileError(f"{path}: fewer than 3 boundary points")
    return [AreaFeature(path.stem, (ring,), {"source": "sk_table"})]
