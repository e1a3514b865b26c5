"""What the review page reads from a package's files, each problem named (in Indonesian)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.review import FileRow

MAX_JSON_BYTES = 16 << 20  # a job's markers are kilobytes; more is not drawn
MAX_POINTS = 20_000
MAX_NAME = 80


class PackageDataError(Exception):
    """One package file the page cannot use; the message is for the reviewer."""


@dataclass(frozen=True, slots=True)
class MapPoint:
    name: str
    lon: float
    lat: float


@dataclass(slots=True)
class MapData:
    """Validated points and permit ring, and what was wrong with the files they came from."""

    points: list[MapPoint] = field(default_factory=list)
    ring: list[tuple[float, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _no_constant(name: str) -> Any:
    raise ValueError(f"nilai {name} bukan angka yang sah")


def read_json(blobs: BlobStore, files: list[FileRow], path: str) -> Any:
    """The parsed file; PackageDataError for missing, oversized, non-UTF-8 or invalid JSON."""
    row = next((f for f in files if f.path == path), None)
    if row is None:
        raise PackageDataError(f"{path}: tidak ada dalam paket")
    if row.size > MAX_JSON_BYTES:
        raise PackageDataError(f"{path}: terlalu besar ({row.size:,} bita) untuk ditampilkan")
    try:
        with blobs.open(row.sha256) as fh:
            raw = fh.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise PackageDataError(
            f"{path}: berkas tidak terbaca di penyimpanan kantor ({exc})"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageDataError(f"{path}: bukan teks UTF-8 (bita ke-{exc.start})") from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise PackageDataError(f"{path}: JSON bersarang terlalu dalam") from None
    except ValueError as exc:
        raise PackageDataError(f"{path}: JSON tidak sah: {exc}") from None


def _coords(value: Any) -> tuple[float, float] | None:
    """(lon, lat) if the value holds two finite numbers in range; None otherwise."""
    if not isinstance(value, list) or len(value) < 2:
        return None
    lon, lat = value[0], value[1]
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (lon, lat)):
        return None
    try:
        lon, lat = float(lon), float(lat)
    except OverflowError:  # an integer of a thousand digits
        return None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        return None
    return lon, lat


def _features(doc: Any, path: str) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        raise PackageDataError(f"{path}: bukan FeatureCollection GeoJSON (tidak ada 'features')")
    return [f for f in doc["features"] if isinstance(f, dict)]


def _geometry(feature: dict[str, Any]) -> dict[str, Any]:
    geometry = feature.get("geometry")
    return geometry if isinstance(geometry, dict) else {}


def _name(feature: dict[str, Any]) -> str:
    props = feature.get("properties")
    name = props.get("name", "") if isinstance(props, dict) else ""
    return (name if isinstance(name, str) else str(name)[:MAX_NAME])[:MAX_NAME]


def load_map(blobs: BlobStore, files: list[FileRow]) -> MapData:
    """Markers and the permit polygon, skipping (and counting) what cannot be drawn."""
    out = MapData()
    path = "data/markers.geojson"
    try:
        features = _features(read_json(blobs, files, path), path)
        bad = 0
        for feature in features[:MAX_POINTS]:
            xy = _coords(_geometry(feature).get("coordinates"))
            if xy is None:
                bad += 1
            else:
                out.points.append(MapPoint(_name(feature), *xy))
        bad += max(0, len(features) - MAX_POINTS)
        if bad:
            out.problems.append(
                f"{path}: {bad} penanda tanpa koordinat yang sah (angka terhingga, lintang"
                " −90…90, bujur −180…180) tidak digambar"
            )
    except PackageDataError as exc:
        out.problems.append(str(exc))
    path = "data/boundary_points.geojson"
    if any(f.path == path for f in files):
        try:
            for feature in _features(read_json(blobs, files, path), path):
                geometry = _geometry(feature)
                rings = geometry.get("coordinates")
                if geometry.get("type") != "Polygon" or not isinstance(rings, list) or not rings:
                    continue
                ring = [_coords(p) for p in rings[0]] if isinstance(rings[0], list) else [None]
                if any(p is None for p in ring):
                    out.problems.append(f"{path}: poligon izin dengan koordinat tidak sah")
                    continue
                out.ring = [p for p in ring if p is not None][:MAX_POINTS]
        except PackageDataError as exc:
            out.problems.append(str(exc))
    return out


def bag_fields(stored: str) -> tuple[list[tuple[str, str]], str | None]:
    """The bag-info fields the office stored at commit, or why they cannot be shown."""
    try:
        doc = json.loads(stored, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return [], "bag-info.txt: catatan di kantor tidak dapat dibaca"
    if not isinstance(doc, dict):
        return [], "bag-info.txt: catatan di kantor bukan daftar isian"
    return [(str(k)[:MAX_NAME], str(v)[:500]) for k, v in doc.items()], None
