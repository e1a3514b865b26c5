"""MBTiles packs (the plain ``tiles`` table and the map+images deduplicated schema)."""

from __future__ import annotations

import math
from pathlib import Path

from fieldapp.basemap.source import (
    WEB_MERCATOR_HALF,
    BackgroundError,
    Bounds,
    SourceKind,
    TileData,
    TileGrid,
)
from fieldapp.basemap.sqlite_packs import ReadOnlyDb

_MAX_LAT = 85.05112877980659
_VECTOR_FORMATS = {"pbf", "mvt", "mlt", "geojson"}


def lonlat_to_mercator(lon: float, lat: float) -> tuple[float, float]:
    lat = max(-_MAX_LAT, min(_MAX_LAT, lat))
    x = math.radians(lon) * 6378137.0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137.0
    return x, y


class MBTilesSource:
    """An opened MBTiles file; ``read_tile`` takes XYZ rows (row 0 north) and flips them."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind: SourceKind = "mbtiles"
        self._db = ReadOnlyDb(self.path)
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    def _setup(self) -> None:
        names = self._db.names()
        if "tiles" in names:
            self._sql = (
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?"
            )
            index_table = "tiles"
        elif "map" in names and "images" in names:
            self._sql = (
                "SELECT images.tile_data FROM map JOIN images ON images.tile_id = map.tile_id "
                "WHERE map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ?"
            )
            index_table = "map"
        else:
            raise BackgroundError(
                f"{self.path}: not an MBTiles pack (no 'tiles' table, no 'map'+'images')"
            )
        # The map table indexes the dedup schema: cheaper than going through the tiles view.
        if "map" in names and "images" in names:
            index_table = "map"
        meta: dict[str, str] = {}
        if "metadata" in names:
            meta = {
                str(k).lower(): str(v)
                for k, v in self._db.rows("SELECT name, value FROM metadata")
                if k is not None and v is not None
            }
        fmt = meta.get("format", "").lower()
        # Some writers put a MIME type ("image/png"): refuse only what is known to be vector.
        if fmt in _VECTOR_FORMATS or "vector" in fmt:
            raise BackgroundError(
                f"{self.path}: {fmt} tiles: expected raster (PNG/JPEG/WebP) tiles"
            )
        if self._db.one(f"SELECT 1 FROM {index_table} LIMIT 1") is None:
            raise BackgroundError(f"{self.path}: the tile pack holds no tiles")
        self.name = meta.get("name", "").strip() or self.path.stem
        zmin, zmax = self._zooms(meta, index_table)
        self.grid = TileGrid.web_mercator(zmin, zmax)
        self.bounds = self._bounds(meta, index_table, zmax)

    def _zooms(self, meta: dict[str, str], table: str) -> tuple[int, int]:
        try:
            zmin, zmax = int(meta["minzoom"]), int(meta["maxzoom"])
            if 0 <= zmin <= zmax <= 30:
                return zmin, zmax
        except (KeyError, ValueError):
            pass
        # Two queries: SQLite answers a lone min() or max() from the index without a scan.
        lo = self._db.one(f"SELECT min(zoom_level) FROM {table}")
        hi = self._db.one(f"SELECT max(zoom_level) FROM {table}")
        if not lo or not hi or lo[0] is None or hi[0] is None:
            raise BackgroundError(f"{self.path}: the tile pack holds no tiles")
        return int(lo[0]), int(hi[0])

    def _bounds(self, meta: dict[str, str], table: str, zmax: int) -> Bounds:
        try:
            w, s, e, n = (float(v) for v in meta["bounds"].split(","))
            if w < e and s < n:
                x0, y0 = lonlat_to_mercator(w, s)
                x1, y1 = lonlat_to_mercator(e, n)
                return x0, y0, x1, y1
        except (KeyError, ValueError):
            pass
        row = self._db.one(
            f"SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) "
            f"FROM {table} WHERE zoom_level = ?",
            (zmax,),
        )
        if row is None or row[0] is None:
            return -WEB_MERCATOR_HALF, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF
        c0, c1, r0, r1 = (int(v) for v in row)
        flip = 2**zmax - 1
        # TMS rows: the largest stored row is the northernmost XYZ row.
        x0, _, _, y1 = self.grid.tile_bounds(zmax, c0, flip - r1)
        _, y0, x1, _ = self.grid.tile_bounds(zmax, c1, flip - r0)
        return x0, y0, x1, y1

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        if not self.grid.matrices[0].zoom <= zoom <= self.grid.matrices[-1].zoom:
            return None
        n = 2**zoom
        if not (0 <= col < n and 0 <= row < n):
            return None
        hit = self._db.one(self._sql, (zoom, col, n - 1 - row))
        if hit is None or hit[0] is None:
            return None
        return TileData(encoded=bytes(hit[0]))

    def close(self) -> None:
        self._db.close()


def open_mbtiles(path: Path) -> MBTilesSource:
    """Open an MBTiles pack read-only; BackgroundError names the file when it is not one."""
    return MBTilesSource(Path(path))
