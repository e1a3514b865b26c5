"""Polygons from GeoJSON and KML, type-checked value by value: typed rings or ImportFailed.

A GeoJSON value is named by its path (``features[0].geometry.coordinates[0][3]``) and a KML
coordinate by its line, so the one-line refusal says exactly where the file is wrong.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldapp.exchange.limits import refuse, show

LonLat = tuple[float, float]
# GeometryCollections inside GeometryCollections: real files nest one level, if at all.
_MAX_COLLECTION_DEPTH = 4


@dataclass(frozen=True, slots=True)
class GeoPolygon:
    """The outer rings of one feature, where they were found, and its attributes."""

    where: str
    rings: tuple[tuple[LonLat, ...], ...]
    properties: dict[str, Any] = field(default_factory=dict)
    name: str | None = None
    ring_where: tuple[str, ...] = ()  # where each ring is in the file, for messages


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float range
        return None
    return number if math.isfinite(number) else None


def json_ring(value: object, where: str, name: str, budget: list[int]) -> tuple[LonLat, ...]:
    """A GeoJSON linear ring: a list of [lon, lat(, alt)] numbers, all finite."""
    if not isinstance(value, list):
        raise refuse(name, f"{where}: expected a list of [lon, lat] positions, got {show(value)}")
    if len(value) - 1 > budget[0]:  # the closing repeat of the first point is free
        _too_many(name, where, budget)
    ring: list[LonLat] = []
    for i, pos in enumerate(value):
        lon = lat = None
        if isinstance(pos, list) and 2 <= len(pos) <= 4:
            lon, lat = _number(pos[0]), _number(pos[1])
        if lon is None or lat is None:
            raise refuse(
                name, f"{where}[{i}]: expected [lon, lat] as finite numbers, got {show(pos)}"
            )
        ring.append((lon, lat))
    return _spend(ring, name, where, budget)


def _too_many(name: str, where: str, budget: list[int]) -> None:
    raise refuse(name, f"{where}: more than {budget[1]} vertices in this file (the limit)")


def _spend(ring: list[LonLat], name: str, where: str, budget: list[int]) -> tuple[LonLat, ...]:
    """The ring without its closing repeat, its vertices taken from the file's budget."""
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    budget[0] -= len(ring)
    if budget[0] < 0:
        _too_many(name, where, budget)
    return tuple(ring)


Located = tuple[str, tuple[LonLat, ...]]


def _outer_rings(
    geom: Mapping[str, Any], where: str, name: str, budget: list[int], depth: int = 0
) -> list[Located] | None:
    """Outer rings of a Polygon/MultiPolygon/GeometryCollection; None for other geometries."""
    kind = geom.get("type")
    coords = geom.get("coordinates")
    if kind == "Polygon":
        if not isinstance(coords, list) or not coords:
            raise refuse(name, f"{where}.coordinates: expected a list of rings, got {show(coords)}")
        path = f"{where}.coordinates[0]"
        return [(path, json_ring(coords[0], path, name, budget))]
    if kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            raise refuse(
                name, f"{where}.coordinates: expected a list of polygons, got {show(coords)}"
            )
        rings = []
        for i, poly in enumerate(coords):
            if not isinstance(poly, list) or not poly:
                raise refuse(name, f"{where}.coordinates[{i}]: expected a polygon's rings")
            path = f"{where}.coordinates[{i}][0]"
            rings.append((path, json_ring(poly[0], path, name, budget)))
        return rings
    if kind == "GeometryCollection":
        parts = geom.get("geometries")
        if depth >= _MAX_COLLECTION_DEPTH or not isinstance(parts, list):
            raise refuse(name, f"{where}.geometries: expected a list of geometries")
        found: list[Located] = []
        for i, part in enumerate(parts):
            if isinstance(part, dict):
                found.extend(
                    _outer_rings(part, f"{where}.geometries[{i}]", name, budget, depth + 1) or []
                )
        return found or None
    return None


def geojson_polygons(data: object, name: str, budget: int) -> Iterator[GeoPolygon]:
    """Every polygon feature of a FeatureCollection, a Feature or a bare geometry, in order."""
    left = [budget, budget]
    if not isinstance(data, dict):
        raise refuse(name, f"expected a GeoJSON object, got {show(data)}")
    if data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise refuse(name, f"features: expected a list, got {show(features)}")
        items = [(f"features[{i}]", f) for i, f in enumerate(features)]
    else:
        items = [("", data)]
    for where, feature in items:
        if not isinstance(feature, dict):
            raise refuse(name, f"{where}: expected a Feature object, got {show(feature)}")
        if feature.get("type") == "Feature":
            geom = feature.get("geometry")
            props = feature.get("properties")
            gwhere = f"{where}.geometry".lstrip(".")
        else:
            geom, props, gwhere = feature, None, where or "geometry"
        if geom is None:
            continue  # a feature without geometry (allowed by RFC 7946)
        if not isinstance(geom, dict):
            raise refuse(name, f"{gwhere}: expected a geometry object, got {show(geom)}")
        rings = _outer_rings(geom, gwhere, name, left)
        if rings is not None:
            properties = dict(props) if isinstance(props, dict) else {}
            yield GeoPolygon(
                gwhere, tuple(r for _, r in rings), properties, None, tuple(w for w, _ in rings)
            )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_TUPLE = re.compile(r"\S+")


def kml_ring(text: str, where: str, name: str, budget: list[int]) -> tuple[LonLat, ...]:
    """``lon,lat[,alt]`` tuples separated by white space, all finite."""
    ring: list[LonLat] = []
    for match in _TUPLE.finditer(text):
        if len(ring) > budget[0]:  # one over: the closing repeat is free
            _too_many(name, where, budget)
        token = match.group()
        parts = token.split(",")
        try:
            lon, lat = float(parts[0]), float(parts[1])
        except (ValueError, IndexError):
            lon = lat = math.nan
        if len(parts) > 3 or not (math.isfinite(lon) and math.isfinite(lat)):
            raise refuse(
                name, f"{where}: bad coordinate {show(token)}: expected lon,lat[,alt] numbers"
            )
        ring.append((lon, lat))
    return _spend(ring, name, where, budget)


def kml_polygons(root: ET.Element, name: str, budget: int) -> Iterator[GeoPolygon]:
    """Each Placemark with polygons: its outer rings, name and ExtendedData."""
    left = [budget, budget]
    placemarks = [e for e in root.iter() if _local(e.tag) == "Placemark"]
    # A bare <Polygon> (no Placemark) still counts: some exporters write just the geometry.
    for i, pm in enumerate(placemarks or [root], start=1):
        props: dict[str, Any] = {}
        label: str | None = None
        rings: list[tuple[LonLat, ...]] = []
        where = f"placemark {i}" if placemarks else "Polygon"
        for el in pm.iter():
            tag = _local(el.tag)
            if tag == "name" and label is None:
                label = (el.text or "").strip()
            elif tag == "Data":
                props[el.get("name", "")] = next(
                    (c.text for c in el if _local(c.tag) == "value"), None
                )
            elif tag == "SimpleData":
                props[el.get("name", "")] = el.text
            elif tag == "Polygon":
                outer = next((e for e in el.iter() if _local(e.tag) == "outerBoundaryIs"), el)
                coords = next((c for c in outer.iter() if _local(c.tag) == "coordinates"), None)
                if coords is not None and (coords.text or "").strip():
                    rings.append(kml_ring(coords.text or "", where, name, left))
        if rings:
            yield GeoPolygon(where, tuple(rings), props, label, (where,) * len(rings))
