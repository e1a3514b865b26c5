"""Real tile packs for tests: known colours at known lon/lat, in every format the app opens.

The painting helpers live in tests/tilepaint.py and are re-exported here, so a test imports
everything from ``tests.tilekit``.
"""

from __future__ import annotations

import io
import math
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import mercantile
import numpy as np
import numpy.typing as npt
from PIL import Image

from tests.tilepaint import (
    GREY,
    MERC_HALF,
    RGBA,
    Block,
    LonLatBounds,
    Painter,
    clipped,
    colour_centroid,
    encode,
    mercator_to_lonlat,
    paint_tile,
    painter,
    pixel_block,
    view_pixel,
    xyz_tile_pixels,
    xyz_tiles,
)

__all__ = [
    "GREY",
    "RGBA",
    "Block",
    "LonLatBounds",
    "Painter",
    "colour_centroid",
    "make_big_mbtiles",
    "make_gpkg_features",
    "make_gpkg_tiles",
    "make_mbtiles",
    "make_pmtiles",
    "mercator_to_lonlat",
    "painter",
    "pixel_block",
    "view_pixel",
]

_MBTILES_SCHEMA = """
CREATE TABLE metadata (name TEXT, value TEXT);
CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
"""
_DEDUP_SCHEMA = """
CREATE TABLE metadata (name TEXT, value TEXT);
CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
CREATE TABLE images (tile_data BLOB, tile_id TEXT);
CREATE UNIQUE INDEX images_id ON images (tile_id);
"""
_DEDUP_VIEW = """
CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
    map.tile_row AS tile_row, images.tile_data AS tile_data
FROM map JOIN images ON images.tile_id = map.tile_id;
"""


def make_mbtiles(
    path: Path,
    bounds_lonlat: LonLatBounds,
    zooms: Iterable[int],
    colour_at: Painter | None = None,
    fmt: Literal["png", "jpg", "webp"] = "png",
    *,
    schema: Literal["tiles", "dedup", "dedup_no_view"] = "tiles",
    name: str = "test pack",
    with_bounds: bool = True,
    with_zooms: bool = True,
) -> Path:
    """An MBTiles pack: XYZ tiles over ``bounds_lonlat`` (rows stored TMS, i.e. flipped).

    ``schema`` "dedup" is the map+images layout of mbutil/tilemill with the usual ``tiles`` view;
    "dedup_no_view" leaves the view out (some tools write it so).
    """
    paint = (
        clipped(colour_at or painter(), bounds_lonlat) if fmt != "jpg" else colour_at or painter()
    )
    zooms = list(zooms)
    con = sqlite3.connect(path)
    con.executescript(_MBTILES_SCHEMA if schema == "tiles" else _DEDUP_SCHEMA)
    if schema == "dedup":
        con.executescript(_DEDUP_VIEW)
    meta = {"name": name, "format": fmt, "type": "baselayer", "version": "1"}
    if with_bounds:
        meta["bounds"] = ",".join(f"{v:.7f}" for v in bounds_lonlat)
    if with_zooms:
        meta["minzoom"], meta["maxzoom"] = str(min(zooms)), str(max(zooms))
    con.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    seen: dict[bytes, str] = {}
    for t in xyz_tiles(bounds_lonlat, zooms):
        data = encode(xyz_tile_pixels(paint, t.z, t.x, t.y), fmt)
        tms_row = 2**t.z - 1 - t.y
        if schema == "tiles":
            con.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (t.z, t.x, tms_row, data))
            continue
        tile_id = seen.get(data)
        if tile_id is None:
            tile_id = seen[data] = f"img{len(seen)}"
            con.execute("INSERT INTO images VALUES (?, ?)", (data, tile_id))
        con.execute("INSERT INTO map VALUES (?, ?, ?, ?)", (t.z, t.x, tms_row, tile_id))
    con.commit()
    con.close()
    return path


_GPKG_SCHEMA = """
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
    organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,
    identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME,
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INTEGER NOT NULL,
    min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL);
CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL,
    matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL,
    tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
    CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level));
PRAGMA application_id = 1196444487;
"""


def _gpkg_base(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.executescript(_GPKG_SCHEMA)
    con.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None),
            ("WGS 84", 4326, "EPSG", 4326, 'GEOGCS["WGS 84"]', None),
        ],
    )
    return con


def make_gpkg_features(path: Path) -> Path:
    """A GeoPackage holding one (empty) feature table and no tiles."""
    con = _gpkg_base(path)
    con.execute("CREATE TABLE markers (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT)")
    con.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
        "VALUES ('markers', 'features', 'markers', 4326)"
    )
    con.commit()
    con.close()
    return path


def make_gpkg_tiles(
    path: Path,
    bounds_lonlat: LonLatBounds,
    crs: str = "EPSG:3857",
    levels: Sequence[int] | Sequence[float] = (14, 15),
    colour_at: Painter | None = None,
    fmt: Literal["png", "jpg"] = "png",
    *,
    by_definition: bool = False,
    tables: int = 1,
    name: str = "gpkg test tiles",
) -> Path:
    """GeoPackage tiles over ``bounds_lonlat``.

    On EPSG:3857 ``levels`` are XYZ zooms (the GoogleMapsCompatible matrix set); on another CRS
    they are pixel sizes in CRS units, coarse to fine, each level a zoom_level 0, 1, ... on a
    matrix set whose top-left is the bounds' corner. ``by_definition`` stores the CRS as WKT
    under organization 'NONE' (as for a custom grid with no EPSG code); ``tables`` > 1 adds
    copies named ``<name> 2``... after the first.
    """
    from pyproj import CRS, Transformer

    paint = (
        clipped(colour_at or painter(), bounds_lonlat) if fmt != "jpg" else colour_at or painter()
    )
    target = CRS.from_user_input(crs)
    to_grid = Transformer.from_crs("EPSG:4326", target, always_xy=True)

    bx0, by0, bx1, by1 = to_grid.transform_bounds(*bounds_lonlat, densify_pts=21)
    if crs == "EPSG:3857":
        ox, oy, ex, ey = -MERC_HALF, MERC_HALF, MERC_HALF, -MERC_HALF
        matrix = [(int(z), 2 * MERC_HALF / (256 * 2 ** int(z))) for z in levels]
    else:
        ox, oy, ex, ey = bx0, by1, bx1, by0
        matrix = [(i, float(r)) for i, r in enumerate(levels)]
    con = _gpkg_base(path)
    srs_id = 990001
    org, code = ("NONE", srs_id) if by_definition else ("EPSG", int(target.to_epsg() or 0))
    con.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        (target.name, srs_id, org, code, target.to_wkt(), None),
    )

    def lonlat(
        x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        lo, la = to_grid.transform(x, y, direction="INVERSE")
        return np.asarray(lo), np.asarray(la)

    for t in range(tables):
        table = "tiles_" + str(t + 1)
        first = t == 0
        ident = name if t == 0 else f"{name} {t + 1}"
        con.execute(
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER, "
            "tile_column INTEGER, tile_row INTEGER, tile_data BLOB, "
            "UNIQUE (zoom_level, tile_column, tile_row))"
        )
        con.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, "
            "max_x, max_y, srs_id) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?)",
            (table, ident, bx0, by0, bx1, by1, srs_id),
        )
        con.execute(
            "INSERT INTO gpkg_tile_matrix_set VALUES (?, ?, ?, ?, ?, ?)",
            (table, srs_id, ox, ey, ex, oy),
        )
        if not first:  # the same tiles again under another name
            con.execute(f"INSERT INTO {table} SELECT * FROM tiles_1")
        for z, res in matrix:
            span = 256 * res
            mw = max(1, math.ceil((ex - ox) / span - 1e-9))
            mh = max(1, math.ceil((oy - ey) / span - 1e-9))
            con.execute(
                "INSERT INTO gpkg_tile_matrix VALUES (?, ?, ?, ?, 256, 256, ?, ?)",
                (table, z, mw, mh, res, res),
            )
            c0, c1 = math.floor((bx0 - ox) / span), math.floor((bx1 - ox) / span)
            r0, r1 = math.floor((oy - by1) / span), math.floor((oy - by0) / span)
            for row in range(max(0, r0), min(mh - 1, r1) + 1) if first else ():
                for col in range(max(0, c0), min(mw - 1, c1) + 1):
                    pixels = paint_tile(paint, lonlat, ox + col * span, oy - row * span, res, res)
                    con.execute(
                        f"INSERT INTO {table} (zoom_level, tile_column, tile_row, tile_data) "
                        "VALUES (?, ?, ?, ?)",
                        (z, col, row, encode(pixels, fmt)),
                    )
    con.commit()
    con.close()
    return path


def make_pmtiles(
    path: Path,
    bounds_lonlat: LonLatBounds,
    zooms: Iterable[int],
    colour_at: Painter | None = None,
    fmt: Literal["png", "jpg", "webp"] = "png",
    *,
    vector: bool = False,
    name: str = "pmtiles test pack",
) -> Path:
    """A PMTiles v3 archive written by the ``pmtiles`` package's writer. ``vector`` labels it
    as Mapbox Vector Tiles (the bytes stay images: the reader must refuse on the label)."""
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    paint = (
        clipped(colour_at or painter(), bounds_lonlat) if fmt != "jpg" else colour_at or painter()
    )
    tiles = sorted(xyz_tiles(bounds_lonlat, zooms), key=lambda t: zxy_to_tileid(t.z, t.x, t.y))
    kinds = {"png": TileType.PNG, "jpg": TileType.JPEG, "webp": TileType.WEBP}
    w, s, e, n = bounds_lonlat
    with write(path) as writer:
        for t in tiles:
            writer.write_tile(
                zxy_to_tileid(t.z, t.x, t.y), encode(xyz_tile_pixels(paint, t.z, t.x, t.y), fmt)
            )
        writer.finalize(
            {
                "tile_type": TileType.MVT if vector else kinds[fmt],
                "tile_compression": Compression.NONE,
                "min_lon_e7": int(w * 1e7),
                "min_lat_e7": int(s * 1e7),
                "max_lon_e7": int(e * 1e7),
                "max_lat_e7": int(n * 1e7),
                "center_zoom": tiles[-1].z,
                "center_lon_e7": int((w + e) / 2 * 1e7),
                "center_lat_e7": int((s + n) / 2 * 1e7),
            },
            {"name": name, "format": fmt},
        )
    return path


def make_big_mbtiles(
    path: Path,
    lon: float = 117.11,
    lat: float = -1.01,
    *,
    rows: int = 200_000,
    zooms: Sequence[int] = (14, 15, 16, 17, 18),
    distinct: int = 300,
    seed: int = 18,
) -> Path:
    """A "4 GB-equivalent" MBTiles pack for the panning benchmark, built in seconds.

    A 4 GB pack of ~20 kB JPEG tiles holds about 200,000 tiles. This one has that many rows in
    ``map`` (squares of tiles centred on lon/lat, each zoom level covering the same ground,
    the finest holding three quarters of them) pointing at ``distinct`` JPEG images of ~20 kB
    (textured noise, so they decode like photos, not like flat colour) in ``images``, the
    deduplicated schema mbutil and TileMill write, with its ``tiles`` view. It is honest for
    panning: the B-tree the lookups walk has the real depth and size, every lookup goes
    through it, and every tile read is a real ~20 kB JPEG decode; only the disk footprint is
    smaller (~15 MB), so the OS page cache hides less of the cost than it would for a
    4 GB file on a slow disk, which a benchmark on this pack does not measure.
    """
    rng = np.random.default_rng(seed)
    zooms = sorted(zooms)
    # Side of the finest square so that the levels together hold ``rows`` tiles.
    share = sum(4.0 ** (z - zooms[-1]) for z in zooms)
    side = max(1, round(math.sqrt(rows / share)))
    centre = mercantile.tile(lon, lat, zooms[-1])
    con = sqlite3.connect(path)
    con.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_id TEXT);"
        "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
    )
    yy, xx = np.mgrid[0:256, 0:256]
    # A few grain fields shared out (drawing 300 of them costs seconds), each image its own base.
    grains = [
        (rng.normal(0, 14, (256, 256)) + 10 * np.sin((xx + yy * k) / 9.0)).astype(np.int16)
        for k in range(7)
    ]
    for i in range(distinct):
        coarse = rng.integers(40, 200, (16, 16, 3), dtype=np.uint8)
        base = np.asarray(
            Image.fromarray(coarse, "RGB").resize((256, 256), Image.Resampling.BICUBIC)
        )
        pixels = np.clip(base + grains[i % 7][..., None], 0, 255).astype(np.uint8)
        buf = io.BytesIO()
        Image.fromarray(pixels, "RGB").save(buf, "JPEG", quality=80)
        con.execute("INSERT INTO images VALUES (?, ?)", (buf.getvalue(), f"i{i}"))
    map_rows = []
    west = south = math.inf
    east = north = -math.inf
    for z in zooms:
        shrink = 2 ** (zooms[-1] - z)
        n = max(1, math.ceil(side / shrink))
        cx, cy = centre.x // shrink, centre.y // shrink
        x0, y0 = cx - n // 2, cy - n // 2
        for x in range(x0, x0 + n):
            for y in range(y0, y0 + n):
                img = (x * 7 + y * 13 + z * 31) % distinct
                map_rows.append((z, x, 2**z - 1 - y, f"i{img}"))
        if z == zooms[-1]:
            b0 = mercantile.bounds(x0, y0 + n - 1, z)
            b1 = mercantile.bounds(x0 + n - 1, y0, z)
            west, south, east, north = b0.west, b0.south, b1.east, b1.north
    con.executemany("INSERT INTO map VALUES (?, ?, ?, ?)", map_rows)
    con.executescript(
        "CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);"
        "CREATE UNIQUE INDEX images_id ON images (tile_id);" + _DEDUP_VIEW
    )
    meta = {
        "name": "4 GB-equivalent benchmark pack",
        "format": "jpg",
        "bounds": f"{west:.7f},{south:.7f},{east:.7f},{north:.7f}",
        "minzoom": str(zooms[0]),
        "maxzoom": str(zooms[-1]),
    }
    con.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    con.commit()
    con.close()
    return path
