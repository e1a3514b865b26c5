"""Polygons with properties (neighbouring permits, pits, dumps) from GeoJSON or KML."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.exchange.problems import ImportFailed, Problem


@dataclass(frozen=True, slots=True)
class AreaFeature:
    name: str
    geometry: dict[str, Any]  # GeoJSON Polygon or MultiPolygon, lon/lat
    properties: dict[str, Any] = field(default_factory=dict)


def read_area_features(path: str | Path) -> list[AreaFeature]:
    p = Path(path)
    if not p.is_file():
        raise ImportFailed([Problem(str(p), None, "no such file")])
    if p.suffix.lower() == ".kml":
        return _read_kml(p)
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ImportFailed([Problem(str(p), exc.lineno, f"not valid JSON: {exc.msg}")]) from exc
    features = data.get("features", [data]) if isinstance(data, dict) else []
    out: list[AreaFeature] = []
    for i, f in enumerate(features, start=1):
        geom = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
            raise ImportFailed([Problem(str(p), None, f"feature {i}: expected a Polygon")])
        props = dict(f.get("properties") or {})
        out.append(AreaFeature(str(props.get("name") or f"{p.stem} {i}"), geom, props))
    if not out:
        raise ImportFailed([Problem(str(p), None, "no polygon features")])
    return out


def _read_kml(p: Path) -> list[AreaFeature]:
    from xml.etree import ElementTree as ET

    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        raise ImportFailed([Problem(str(p), exc.position[0], f"not valid KML: {exc}")]) from exc
    out: list[AreaFeature] = []
    for placemark in (e for e in root.iter() if e.tag.endswith("Placemark")):
        name_el = next((e for e in placemark if e.tag.endswith("name")), None)
        rings = []
        for coords in (e for e in placemark.iter() if e.tag.endswith("coordinates")):
            ring = [[float(c) for c in t.split(",")[:2]] for t in (coords.text or "").split()]
            if len(ring) >= 3:
                rings.append(ring)
        if rings:
            name = (name_el.text or "").strip() if name_el is not None else ""
            out.append(
                AreaFeature(
                    name or f"{p.stem} {len(out) + 1}",
                    {"type": "Polygon", "coordinates": [rings[0]]},
                )
            )
    if not out:
        raise ImportFailed([Problem(str(p), None, "no Polygon placemarks")])
    return out
