"""MBTiles packs made in the test: both schemas, bounds, known colours, bad files, threads."""

from __future__ import annotations

import io
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mercantile
import numpy as np
import pytest
from PIL import Image

from fieldapp.basemap.mbtiles import lonlat_to_mercator, open_mbtiles
from fieldapp.basemap.source import BackgroundError, open_background, sniff_kind
from fieldapp.basemap.sqlite_packs import sqlite_pack_kind
from tests.tilekit import Block, make_mbtiles, painter

BOUNDS = (117.10, -1.02, 117.12, -1.00)
RED = (230, 20, 30, 255)
BLOCK = Block(117.11, -1.01, RED, half_m=30.0)


def _pixel_at(path: Path, lon: float, lat: float, z: int) -> tuple[int, ...]:
    src = open_mbtiles(path)
    try:
        t = mercantile.tile(lon, lat, z)
        data = src.read_tile(z, t.x, t.y)
        assert data is not None and data.encoded is not None
        img = Image.open(io.BytesIO(data.encoded)).convert("RGBA")
        b = mercantile.xy_bounds(t)
        x, y = lonlat_to_mercator(lon, lat)
        px = int((x - b.left) / (b.right - b.left) * 256)
        py = int((b.top - y) / (b.top - b.bottom) * 256)
        return tuple(img.getpixel((px, py)))  # type: ignore[arg-type]
    finally:
        src.close()


@pytest.mark.parametrize("schema", ["tiles", "dedup", "dedup_no_view"])
def test_each_schema_reads_the_colour_painted_at_a_place(tmp_path: Path, schema: str) -> None:
    path = make_mbtiles(
        tmp_path / "p.mbtiles",
        BOUNDS,
        [14, 15],
        painter(blocks=[BLOCK]),
        schema=schema,  # type: ignore[arg-type]
    )
    assert sniff_kind(path) == "mbtiles" and sqlite_pack_kind(path) == "mbtiles"
    assert _pixel_at(path, BLOCK.lon, BLOCK.lat, 15)[:3] == RED[:3]
    assert _pixel_at(path, 117.101, -1.019, 15)[:3] == (200, 200, 200)
    src = open_background(path)
    try:
        assert src.kind == "mbtiles" and src.name == "test pack"
        assert [m.zoom for m in src.grid.matrices] == [14, 15]
        x0, y0 = lonlat_to_mercator(BOUNDS[0], BOUNDS[1])
        assert src.bounds[0] == pytest.approx(x0) and src.bounds[1] == pytest.approx(y0)
        assert src.read_tile(15, 0, 0) is None  # outside the data: no tile, no error
        assert src.read_tile(18, 0, 0) is None
    finally:
        src.close()


def test_bounds_and_zooms_from_the_tiles_when_the_metadata_lacks_them(tmp_path: Path) -> None:
    path = make_mbtiles(
        tmp_path / "bare.mbtiles", BOUNDS, [13, 14], with_bounds=False, with_zooms=False
    )
    src = open_mbtiles(path)
    try:
        assert [m.zoom for m in src.grid.matrices] == [13, 14]
        tiles = list(mercantile.tiles(*BOUNDS, [14]))
        west = min(mercantile.xy_bounds(t).left for t in tiles)
        north = max(mercantile.xy_bounds(t).top for t in tiles)
        east = max(mercantile.xy_bounds(t).right for t in tiles)
        south = min(mercantile.xy_bounds(t).bottom for t in tiles)
        assert src.bounds == pytest.approx((west, south, east, north))
    finally:
        src.close()


def test_jpeg_tiles_keep_their_colour(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "j.mbtiles", BOUNDS, [15], painter(blocks=[BLOCK]), "jpg")
    con = sqlite3.connect(path)  # a MIME type where the spec says "jpg", as some tools write
    con.execute("UPDATE metadata SET value = 'image/jpeg' WHERE name = 'format'")
    con.commit()
    con.close()
    got = _pixel_at(path, BLOCK.lon, BLOCK.lat, 15)
    assert max(abs(a - b) for a, b in zip(got[:3], RED[:3], strict=True)) < 12


def _one_line_naming(exc: BackgroundError, path: Path) -> None:
    text = str(exc)
    assert str(path) in text and "\n" not in text


def test_bad_packs_give_one_line_naming_the_file(tmp_path: Path) -> None:
    good = make_mbtiles(tmp_path / "good.mbtiles", BOUNDS, [12, 13, 14, 15])
    truncated = tmp_path / "truncated.mbtiles"
    truncated.write_bytes(good.read_bytes()[: 4096 + 100])
    noise = tmp_path / "noise.mbtiles"
    noise.write_bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    empty = tmp_path / "empty.mbtiles"
    con = sqlite3.connect(empty)
    con.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB);"
    )
    con.close()
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (a)")
    con.close()
    vector = make_mbtiles(tmp_path / "vector.mbtiles", BOUNDS, [10])
    con = sqlite3.connect(vector)
    con.execute("UPDATE metadata SET value = 'pbf' WHERE name = 'format'")
    con.commit()
    con.close()
    for path in (truncated, noise, empty, other, vector, tmp_path / "missing.mbtiles"):
        for opener in (open_background, open_mbtiles):
            with pytest.raises(BackgroundError) as info:
                src = opener(path)
                # A truncated file may open and fail on its first tile read: also one line.
                for t in mercantile.tiles(*BOUNDS, [12, 13, 14, 15]):
                    src.read_tile(t.z, t.x, t.y)
            _one_line_naming(info.value, path)


def test_four_threads_read_at_once(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", BOUNDS, [14, 15, 16], schema="dedup")
    tiles = list(mercantile.tiles(*BOUNDS, [14, 15, 16]))
    src = open_mbtiles(path)
    try:
        expected = {t: src.read_tile(t.z, t.x, t.y) for t in tiles}
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda t: (t, src.read_tile(t.z, t.x, t.y)), tiles * 5))
        assert len(results) == 5 * len(tiles)
        assert all(got == expected[t] and got is not None for t, got in results)
    finally:
        src.close()
