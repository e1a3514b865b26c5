"""GeoPackage tiles (Web Mercator and UTM) and PMTiles made in the test, drawn on job grids."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pyproj import CRS

from fieldapp.basemap.compose import render_background
from fieldapp.basemap.gpkg import open_gpkg_tiles
from fieldapp.basemap.mbtiles import lonlat_to_mercator
from fieldapp.basemap.placement import tiles_for_view, transformer_pair
from fieldapp.basemap.pmtiles_pack import open_pmtiles
from fieldapp.basemap.source import BackgroundError, Bounds, TileSource, open_background, sniff_kind
from fieldapp.survey.crs import parse_crs
from tests.tilekit import (
    Block,
    colour_centroid,
    make_gpkg_features,
    make_gpkg_tiles,
    make_pmtiles,
    painter,
    pixel_block,
    view_pixel,
)

BOUNDS = (117.10, -1.02, 117.12, -1.00)
RED = (230, 20, 30, 255)
UTM50S = parse_crs("SRGI2013/UTM50S").to_pyproj()
GEOGRAPHIC = parse_crs("SRGI2013").to_pyproj()
MERC_BLOCK = pixel_block(117.11, -1.01, RED, 16, half_px=3)
# A block in the UTM pack: square in metres, 10 m from centre to side (5 pixels of 2 m).
UTM_BLOCK = Block(117.108, -1.012, (20, 40, 220, 255), half_m=10.0)


def _to_grid(crs: CRS, lon: float, lat: float) -> tuple[float, float]:
    tr, way = transformer_pair("EPSG:3857", crs)
    x, y = tr.transform(*lonlat_to_mercator(lon, lat), direction=way)
    return float(x), float(y)


def _check_block(src: TileSource, crs: CRS, block: Block, upp: float, size: int = 160) -> None:
    x, y = _to_grid(crs, block.lon, block.lat)
    half = upp * size / 2
    view: Bounds = (x - half * 1.13, y - half * 0.91, x + half * 0.87, y + half * 1.09)
    img = render_background([(src, 1.0)], crs, view, size, size)
    cx, cy, count = colour_centroid(img, block.colour)
    ex, ey = view_pixel(view, size, size, x, y)
    assert count > 0 and abs(cx - ex) <= 1.0 and abs(cy - ey) <= 1.0, ((cx, cy), (ex, ey))


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("packs")
    merc = painter(blocks=[MERC_BLOCK])
    utm = painter(blocks=[UTM_BLOCK])
    return {
        "gpkg3857": make_gpkg_tiles(d / "m.gpkg", BOUNDS, "EPSG:3857", (14, 16), merc),
        "gpkgutm": make_gpkg_tiles(d / "u.gpkg", BOUNDS, "EPSG:32750", (8.0, 2.0), utm, tables=2),
        "gpkgwkt": make_gpkg_tiles(
            d / "w.gpkg", BOUNDS, UTM50S.to_wkt(), (4.0,), utm, by_definition=True
        ),
        "pmtiles": make_pmtiles(d / "p.pmtiles", BOUNDS, [14, 15, 16], merc, "webp"),
    }


@pytest.mark.parametrize("crs", [UTM50S, GEOGRAPHIC], ids=["utm50s", "geographic"])
def test_each_pack_draws_its_block_in_place(packs: dict[str, Path], crs: CRS) -> None:
    scale = 1.0 if crs.is_projected else 1 / 111320
    for key, block, upp in [
        ("gpkg3857", MERC_BLOCK, 2.0),
        ("gpkgutm", UTM_BLOCK, 2.0),
        ("gpkgwkt", UTM_BLOCK, 3.0),  # finer than its one level (4 m): overzoomed
        ("pmtiles", MERC_BLOCK, 2.0),
    ]:
        src = open_background(packs[key])
        try:
            _check_block(src, crs, block, upp * scale)
        finally:
            src.close()


def test_what_each_opener_reports(packs: dict[str, Path]) -> None:
    assert sniff_kind(packs["gpkg3857"]) == "gpkg" and sniff_kind(packs["pmtiles"]) == "pmtiles"
    utm = open_gpkg_tiles(packs["gpkgutm"])
    try:
        assert utm.name == "gpkg test tiles (first of 2 tile tables)"
        assert CRS.from_user_input(utm.grid.crs).to_epsg() == 32750
        assert [m.resolution for m in utm.grid.matrices] == [8.0, 2.0]
        view = (*_to_grid(UTM50S, 117.105, -1.015), *_to_grid(UTM50S, 117.115, -1.005))
        assert {p.zoom for p in tiles_for_view(utm, UTM50S, view, 2.2)} == {1}
        assert {p.zoom for p in tiles_for_view(utm, UTM50S, view, 9.0)} == {0}
    finally:
        utm.close()
    wkt = open_gpkg_tiles(packs["gpkgwkt"])
    try:
        assert CRS.from_user_input(wkt.grid.crs).equals(UTM50S)
    finally:
        wkt.close()
    pm = open_pmtiles(packs["pmtiles"])
    try:
        assert pm.name == "pmtiles test pack" and pm.kind == "pmtiles"
        assert [m.zoom for m in pm.grid.matrices] == [14, 15, 16]
        assert pm.read_tile(16, 0, 0) is None and pm.read_tile(3, 0, 0) is None
    finally:
        pm.close()


def test_four_threads_read_gpkg_and_pmtiles(packs: dict[str, Path]) -> None:
    for key in ("gpkgutm", "pmtiles"):
        src = open_background(packs[key])
        try:
            keys = (
                [
                    (m.zoom, c, r)
                    for m in src.grid.matrices
                    for c in range(m.matrix_width)
                    for r in range(m.matrix_height)
                ]
                if key == "gpkgutm"
                else [
                    (p.zoom, p.col, p.row)
                    for upp in (2.0, 4.0, 8.0)
                    for p in tiles_for_view(
                        src,
                        UTM50S,
                        (*_to_grid(UTM50S, *BOUNDS[:2]), *_to_grid(UTM50S, *BOUNDS[2:])),
                        upp,
                    )
                ]
            )
            expected = {k: src.read_tile(*k) for k in keys}
            assert sum(v is not None for v in expected.values()) >= 4
            with ThreadPoolExecutor(4) as pool:
                got = list(
                    zip(keys * 8, pool.map(lambda k, s=src: s.read_tile(*k), keys * 8), strict=True)
                )
            assert all(v == expected[k] for k, v in got)
        finally:
            src.close()


def test_bad_gpkg_and_pmtiles_give_one_line_naming_the_file(
    packs: dict[str, Path], tmp_path: Path
) -> None:
    import sqlite3

    features = make_gpkg_features(tmp_path / "features.gpkg")
    unknown_crs = tmp_path / "unknown_crs.gpkg"
    unknown_crs.write_bytes(packs["gpkgwkt"].read_bytes())
    con = sqlite3.connect(unknown_crs)
    con.execute("UPDATE gpkg_spatial_ref_sys SET definition = 'undefined' WHERE srs_id = 990001")
    con.commit()
    con.close()
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(packs["gpkg3857"].read_bytes())
    con = sqlite3.connect(empty)
    con.execute("DELETE FROM tiles_1")
    con.commit()
    con.close()
    vector = make_pmtiles(tmp_path / "vector.pmtiles", BOUNDS, [12], vector=True)
    truncated = tmp_path / "truncated.pmtiles"
    truncated.write_bytes(packs["pmtiles"].read_bytes()[:300])
    header_only = tmp_path / "header_only.pmtiles"
    header_only.write_bytes(packs["pmtiles"].read_bytes()[:60])
    expect = {
        features: "features only",
        unknown_crs: "unknown CRS",
        empty: "no tiles",
        vector: "vector tiles: expected raster (PNG/JPEG/WebP) tiles",
        truncated: "",
        header_only: "",
    }
    for path, words in expect.items():
        with pytest.raises(BackgroundError) as info:
            src = open_background(path)
            for m in src.grid.matrices:
                for c in range(2**m.zoom if m.zoom < 5 else 0):
                    src.read_tile(m.zoom, c, 0)
        text = str(info.value)
        assert str(path) in text and words in text and "\n" not in text, text
