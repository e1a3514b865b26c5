"""Packs GDAL writes (as gdal_translate and QGIS make them) open and land in place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import Affine

from fieldapp.basemap.compose import render_background
from fieldapp.basemap.placement import transformer_pair
from fieldapp.basemap.source import open_background
from fieldapp.survey.crs import parse_crs
from tests.tilekit import colour_centroid, view_pixel

RED = (230, 20, 30)
Z16 = 2 * 20037508.342789244 / (256 * 2**16)


def _raster_with_a_red_square() -> np.ndarray:
    arr = np.full((3, 400, 400), 200, np.uint8)
    arr[:, 195:205, 145:155] = np.array(RED, np.uint8)[:, None, None]  # centre: col 150, row 200
    return arr


@pytest.mark.parametrize(
    ("driver", "name", "crs", "x0", "y0", "res"),
    [
        ("GPKG", "utm.gpkg", "EPSG:32750", 512000.0, 9889000.0, 2.0),
        ("MBTiles", "merc.mbtiles", "EPSG:3857", 13036000.0, -111000.0, Z16),
    ],
    ids=["gpkg-utm", "mbtiles"],
)
def test_a_gdal_pack_draws_its_square_in_place(
    tmp_path: Path, driver: str, name: str, crs: str, x0: float, y0: float, res: float
) -> None:
    path = tmp_path / name
    with rasterio.open(
        path,
        "w",
        driver=driver,
        width=400,
        height=400,
        count=3,
        dtype="uint8",
        crs=crs,
        transform=Affine(res, 0, x0, 0, -res, y0),
        TILE_FORMAT="PNG",
        RESAMPLING="NEAREST",
    ) as ds:
        ds.write(_raster_with_a_red_square())
    job = parse_crs("SRGI2013/UTM50S").to_pyproj()
    tr, way = transformer_pair(crs, job)
    cx, cy = tr.transform(x0 + 150 * res, y0 - 200 * res, direction=way)
    view = (cx - 200, cy - 150, cx + 200, cy + 250)  # 2 m pixels
    src = open_background(path)
    try:
        assert src.kind == driver.lower()
        img = render_background([(src, 1.0)], job, view, 200, 200)
    finally:
        src.close()
    u, v, count = colour_centroid(img, RED, tol=30)
    eu, ev = view_pixel(view, 200, 200, cx, cy)
    assert count > 50 and abs(u - eu) <= 1.0 and abs(v - ev) <= 1.0, ((u, v), (eu, ev))
