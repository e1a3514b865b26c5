"""The benchmark's "4 GB-equivalent" pack, built small here: its shape and its tiles are real."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import mercantile
import numpy as np
from PIL import Image

from fieldapp.basemap.compose import decode_tile, render_background
from fieldapp.basemap.source import open_background
from fieldapp.survey.crs import parse_crs
from tests.tilekit import make_big_mbtiles


def test_the_big_pack_has_the_rows_asked_for_and_every_tile_decodes(tmp_path: Path) -> None:
    path = make_big_mbtiles(tmp_path / "big.mbtiles", 117.11, -1.01, rows=5000, distinct=12)
    con = sqlite3.connect(path)
    count = con.execute("SELECT count(*) FROM map").fetchone()[0]
    images = con.execute("SELECT count(*), avg(length(tile_data)) FROM images").fetchone()
    per_zoom = dict(con.execute("SELECT zoom_level, count(*) FROM map GROUP BY 1").fetchall())
    con.close()
    assert abs(count - 5000) < 300 and images[0] == 12
    assert 10_000 < images[1] < 40_000  # photo-like JPEGs of about 20 kB
    assert per_zoom[18] > 0.7 * count and sorted(per_zoom) == [14, 15, 16, 17, 18]
    src = open_background(path)
    try:
        assert src.kind == "mbtiles" and [m.zoom for m in src.grid.matrices] == [14, 15, 16, 17, 18]
        centre = mercantile.tile(117.11, -1.01, 18)
        for dx in range(-3, 4):
            data = src.read_tile(18, centre.x + dx, centre.y)
            assert data is not None
            assert decode_tile(data).shape == (256, 256, 4)
        crs = parse_crs("SRGI2013/UTM50S").to_pyproj()
        view = (512000, 9888100, 512600, 9888700)
        for resample in (Image.Resampling.BILINEAR, Image.Resampling.NEAREST):
            img = render_background([(src, 1.0)], crs, view, 300, 300, resample=resample)
            assert (np.asarray(img)[..., 3] == 255).all()  # no seams between tiles
    finally:
        src.close()
