"""Tiles placed and drawn on job grids (UTM, TM-3, geographic): known colours land in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import mercantile
import numpy as np
import pytest
from pyproj import CRS

from fieldapp.basemap.compose import decode_tile, render_background
from fieldapp.basemap.mbtiles import lonlat_to_mercator, open_mbtiles
from fieldapp.basemap.placement import choose_zoom, tiles_for_view, transformer_pair
from fieldapp.basemap.source import BackgroundError, Bounds, TileData, TileSource
from fieldapp.survey.crs import parse_crs
from tests.tilekit import Block, colour_centroid, make_mbtiles, painter, pixel_block, view_pixel

RED = (230, 20, 30, 255)
BLUE = (20, 40, 220, 255)
PACK_BOUNDS = (117.09, -1.03, 117.13, -0.99)
RED_BLOCK = pixel_block(117.11, -1.01, RED, 16, half_px=3)
BLUE_BLOCK = pixel_block(117.1, -1.0, BLUE, 16, half_px=5)
UTM50S = parse_crs("SRGI2013/UTM50S").to_pyproj()
TM3 = parse_crs("SRGI2013/TM3-50.2").to_pyproj()
GEOGRAPHIC = parse_crs("SRGI2013").to_pyproj()


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("packs")
    return make_mbtiles(
        folder / "blocks.mbtiles",
        PACK_BOUNDS,
        [12, 13, 14, 15, 16],
        painter(blocks=[RED_BLOCK, BLUE_BLOCK]),
    )


def _to_grid(crs: CRS, lon: float, lat: float) -> tuple[float, float]:
    """Through Web Mercator (exact formulas), then PROJ: the pair the renderer builds anyway."""
    tr, way = transformer_pair("EPSG:3857", crs)
    x, y = tr.transform(*lonlat_to_mercator(lon, lat), direction=way)
    return float(x), float(y)


def _view_around(crs: CRS, lon: float, lat: float, upp: float, size: int) -> Bounds:
    x, y = _to_grid(crs, lon, lat)
    half = upp * size / 2
    # Off-centre on purpose: a half-pixel slip would not cancel out.
    return x - half * 1.13, y - half * 0.91, x + half * 0.87, y + half * 1.09


def _assert_block_at(img: object, crs: CRS, view: Bounds, size: int, block: Block) -> None:
    cx, cy, count = colour_centroid(img, block.colour)  # type: ignore[arg-type]
    assert count > 0, "the block is not drawn"
    x, y = _to_grid(crs, block.lon, block.lat)
    ex, ey = view_pixel(view, size, size, x, y)
    assert abs(cx - ex) <= 1.0 and abs(cy - ey) <= 1.0, ((cx, cy), (ex, ey))


@pytest.mark.parametrize(
    ("crs", "upp"),
    [(UTM50S, 2.0), (UTM50S, 7.0), (TM3, 3.0), (GEOGRAPHIC, 2.0 / 111320), (UTM50S, 0.4)],
    ids=["utm-2m", "utm-7m", "tm3-3m", "geographic", "utm-overzoom"],
)
def test_a_known_colour_lands_at_its_coordinate(pack: Path, crs: CRS, upp: float) -> None:
    src = open_mbtiles(pack)
    try:
        for block in (RED_BLOCK, BLUE_BLOCK):
            view = _view_around(crs, block.lon, block.lat, upp, 240)
            img = render_background([(src, 1.0)], crs, view, 240, 240)
            assert img.mode == "RGBA" and img.size == (240, 240)
            _assert_block_at(img, crs, view, 240, block)
    finally:
        src.close()


def test_the_zoom_follows_the_view_pixel_and_tile_corners_are_the_tiles_edges(
    pack: Path,
) -> None:
    src = open_mbtiles(pack)
    try:
        view = _view_around(UTM50S, 117.11, -1.01, 4.5, 300)
        placed = tiles_for_view(src, UTM50S, view, 4.5)
        assert {p.zoom for p in placed} == {15}  # 4.78 m tiles for a 4.5 m view pixel
        back, way = transformer_pair(UTM50S, "EPSG:3857")
        for p in placed:
            b = mercantile.xy_bounds(p.col, p.row, p.zoom)
            expected = [(b.left, b.top), (b.right, b.top), (b.right, b.bottom), (b.left, b.bottom)]
            for (x, y), (mx, my) in zip(p.corners, expected, strict=True):
                assert back.transform(x, y, direction=way) == pytest.approx((mx, my), abs=1e-3)
        xs = [x for p in placed for x, _ in p.corners]
        ys = [y for p in placed for _, y in p.corners]
        assert min(xs) <= view[0] and max(xs) >= view[2]
        assert min(ys) <= view[1] and max(ys) >= view[3]
        assert {p.zoom for p in tiles_for_view(src, UTM50S, view, 0.3)} == {16}  # overzoom
        assert {p.zoom for p in tiles_for_view(src, UTM50S, view, 500)} == {12}
        many = tiles_for_view(src, UTM50S, _view_around(UTM50S, 117.11, -1.01, 1, 5000), 1)
        few = tiles_for_view(
            src, UTM50S, _view_around(UTM50S, 117.11, -1.01, 1, 5000), 1, max_tiles=10
        )
        assert {p.zoom for p in many} == {16} and len(many) > 10
        assert len(few) <= 10 and max(p.zoom for p in few) < 16
        assert choose_zoom(src.grid, 1e9) == 12
        # Even the coarsest level would need too many tiles: nothing, not a stall.
        assert len(tiles_for_view(src, UTM50S, view, 500, max_tiles=1)) == 1
        assert tiles_for_view(src, UTM50S, view, 500, max_tiles=0) == []
        far = _view_around(UTM50S, 118.5, -2.0, 4.5, 300)
        assert tiles_for_view(src, UTM50S, far, 4.5) == []
    finally:
        src.close()


def test_no_data_is_transparent_and_opacity_and_order_blend(pack: Path, tmp_path: Path) -> None:
    green = (30, 200, 60, 255)
    top_path = make_mbtiles(
        tmp_path / "top.mbtiles", (117.105, -1.02, 117.115, -1.0), [14, 15], painter(green)
    )
    src, top = open_mbtiles(pack), open_mbtiles(top_path)
    try:
        # West of the pack's data: a view half over nothing.
        view = _view_around(UTM50S, PACK_BOUNDS[0], -1.01, 8.0, 200)
        img = np.asarray(render_background([(src, 1.0)], UTM50S, view, 200, 200))
        x_edge, _ = view_pixel(view, 200, 200, *_to_grid(UTM50S, PACK_BOUNDS[0], -1.01))
        assert (img[:, : int(x_edge) - 2, 3] == 0).all()
        assert (img[:, int(x_edge) + 2 :, 3] == 255).all()
        half = np.asarray(render_background([(src, 0.5)], UTM50S, view, 200, 200))
        assert abs(int(half[100, 150, 3]) - 128) <= 1
        assert (half[:, : int(x_edge) - 2, 3] == 0).all()
        # The green layer on top hides the grey where it has data; the grey shows elsewhere.
        view = _view_around(UTM50S, 117.11, -1.01, 12.0, 200)
        both = render_background([(src, 1.0), (top, 1.0)], UTM50S, view, 200, 200)
        x, y = _to_grid(UTM50S, 117.11, -1.005)
        u, v = view_pixel(view, 200, 200, x, y)
        assert both.getpixel((int(u), int(v))) == green
        x, y = _to_grid(UTM50S, 117.1, -1.015)
        u, v = view_pixel(view, 200, 200, x, y)
        assert both.getpixel((int(u), int(v))) == (200, 200, 200, 255)
        under = render_background([(top, 1.0), (src, 0.5)], UTM50S, view, 200, 200)
        x, y = _to_grid(UTM50S, 117.11, -1.005)
        u, v = view_pixel(view, 200, 200, x, y)
        r, g, _b, a = under.getpixel((int(u), int(v)))  # type: ignore[misc]
        assert a == 255 and abs(r - (30 + 200) / 2) <= 2 and abs(g - (200 + 200) / 2) <= 2
    finally:
        src.close()
        top.close()


def test_an_undecodable_tile_names_the_pack_and_the_tile(pack: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.mbtiles"
    bad.write_bytes(pack.read_bytes())
    t = mercantile.tile(117.11, -1.01, 14)
    con = sqlite3.connect(bad)
    con.execute(
        "UPDATE tiles SET tile_data = ? WHERE zoom_level = 14 AND tile_column = ? AND tile_row = ?",
        (b"\x89PNG not really", t.x, 2**14 - 1 - t.y),
    )
    con.commit()
    con.close()
    with pytest.raises(BackgroundError, match="undecodable") as info:
        decode_tile(TileData(encoded=b"\x89PNG not really"), f"{bad}: tile 14/{t.x}/{t.y}")
    assert str(bad) in str(info.value)
    src: TileSource = open_mbtiles(bad)
    try:
        view = _view_around(UTM50S, 117.11, -1.01, 9.0, 100)
        with pytest.raises(BackgroundError) as info:
            render_background([(src, 1.0)], UTM50S, view, 100, 100)
        text = str(info.value)
        assert str(bad) in text and f"14/{t.x}/{t.y}" in text and "\n" not in text
        errors: list[str] = []
        img = render_background([(src, 1.0)], UTM50S, view, 100, 100, errors=errors)
        assert len(errors) == 1 and f"14/{t.x}/{t.y}" in errors[0]
        assert np.asarray(img)[..., 3].any()  # the other tiles are still drawn
    finally:
        src.close()
    rgba = np.zeros((256, 256, 4), dtype=np.uint8)
    assert decode_tile(TileData(rgba=rgba)).shape == (256, 256, 4)
