"""Neighbour and activity-zone files: GeoJSON, KML (MultiGeometry, ExtendedData), SK tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.exchange.areas import (
    AreaFileError,
    read_activity_zones,
    read_area_features,
    read_neighbors,
)

SQUARE = [[116.9, -0.5], [116.91, -0.5], [116.91, -0.51], [116.9, -0.51], [116.9, -0.5]]
KML_NS = "http://www.opengis.net/kml/2.2"


def _coords(ring: list[list[float]]) -> str:
    return " ".join(f"{x},{y},0" for x, y in ring)


def test_geojson_polygon_multipolygon_and_points_skipped(tmp_path: Path) -> None:
    shifted = [[x + 0.1, y] for x, y in SQUARE]
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"nama": "PT A"},
             "geometry": {"type": "Polygon", "coordinates": [SQUARE]}},
            {"type": "Feature", "properties": {"name": "PT B"},
             "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE], [shifted]]}},
            {"type": "Feature", "properties": {"name": "label"},
             "geometry": {"type": "Point", "coordinates": [116.9, -0.5]}},
        ],
    }  # fmt: skip
    path = tmp_path / "tetangga.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    nbs = read_neighbors(path)
    assert [n.name for n in nbs] == ["PT A", "PT B"]
    assert len(nbs[1].rings) == 2 and nbs[0].rings[0][0] == (116.9, -0.5)


def test_kml_multigeometry_and_extended_data_activity(tmp_path: Path) -> None:
    kml = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="{KML_NS}"><Document>
 <Placemark><name>Pit Utara</name>
  <ExtendedData><Data name="jenis"><value>tambang</value></Data>
   <Data name="depth_m"><value>45,5</value></Data></ExtendedData>
  <MultiGeometry>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>{_coords(SQUARE)}</coordinates>
   </LinearRing></outerBoundaryIs>
   <innerBoundaryIs><LinearRing><coordinates>1,1,0 2,2,0 3,1,0 1,1,0</coordinates>
   </LinearRing></innerBoundaryIs></Polygon>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>{_coords(SQUARE)}</coordinates>
   </LinearRing></outerBoundaryIs></Polygon>
  </MultiGeometry></Placemark>
 <Placemark><name>Disposal</name>
  <ExtendedData><SchemaData><SimpleData name="height_m">25</SimpleData></SchemaData></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>{_coords(SQUARE)}</coordinates>
  </LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>"""
    path = tmp_path / "aktivitas.kml"
    path.write_text(kml, encoding="utf-8")
    pit, dump = read_activity_zones(path)
    assert (pit.name, pit.kind, pit.depth_m, len(pit.rings)) == ("Pit Utara", "pit", 45.5, 2)
    assert (dump.kind, dump.height_m, dump.reach_m()) == ("dump", 25.0, 75.0)


def test_activity_without_depth_or_height_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pit.geojson"
    feature = {"type": "Feature", "properties": {"name": "Pit X", "kind": "pit"}}
    feature["geometry"] = {"type": "Polygon", "coordinates": [SQUARE]}
    path.write_text(json.dumps(feature), encoding="utf-8")
    with pytest.raises(AreaFileError, match=r"Pit X.*depth_m"):
        read_activity_zones(path)


def test_sk_table_as_neighbour(tmp_path: Path) -> None:
    path = tmp_path / "PT Tetangga.csv"
    path.write_text(
        "No;Bujur (BT);Lintang (LS)\n"
        "1;116° 56' 10,125\" BT;00° 31' 55,350\" LS\n"
        "2;116° 57' 30,125\" BT;00° 31' 55,350\" LS\n"
        "3;116° 57' 30,125\" BT;00° 32' 55,350\" LS\n"
        "4;116° 56' 10,125\" BT;00° 32' 55,350\" LS\n",
        encoding="utf-8",
    )
    (nb,) = read_neighbors(path)
    assert nb.name == "PT Tetangga" and len(nb.rings[0]) == 4
    assert nb.rings[0][0] == pytest.approx(
        (116 + (56 * 60 + 10.125) / 3600, -(31 * 60 + 55.35) / 3600)
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.geojson", "{not json", "a.geojson:1: not valid JSON"),
        ("a.kml", "<kml><Document></Document></kml>", "no Placemark"),
        ("a.shp", "x", "unsupported file type"),
    ],
)
def test_bad_files_name_the_problem(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AreaFileError, match=message):
        read_area_features(path)
    with pytest.raises(AreaFileError, match="no such file"):
        read_area_features(tmp_path / "missing.geojson")
