"""GeoPackage tiles (OGC 12-128): a tile pyramid in the GeoPackage's own CRS, any CRS."""

from __future__ import annotations

from pathlib import Path

from pyproj import CRS
from pyproj.exceptions import CRSError

from fieldapp.basemap.source import (
    BackgroundError,
    Bounds,
    SourceKind,
    TileData,
    TileGrid,
    TileMatrix,
)
from fieldapp.basemap.sqlite_packs import ReadOnlyDb


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class GpkgTileSource:
    """The first tile table of a GeoPackage (by gpkg_contents order); others are named in
    ``name`` so the user knows they exist. Rows count from the top, as in XYZ."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind: SourceKind = "gpkg"
        self._db = ReadOnlyDb(self.path)
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    def _fail(self, what: str) -> BackgroundError:
        return BackgroundError(f"{self.path}: {what}")

    def _setup(self) -> None:
        names = self._db.names()
        for needed in ("gpkg_contents", "gpkg_tile_matrix_set", "gpkg_tile_matrix"):
            if needed not in names:
                raise self._fail(f"not a GeoPackage with tiles (no {needed} table)")
        tables = self._db.rows(
            "SELECT table_name, identifier, min_x, min_y, max_x, max_y, srs_id "
            "FROM gpkg_contents WHERE lower(data_type) = 'tiles' ORDER BY rowid"
        )
        if not tables:
            raise self._fail(
                "a GeoPackage without a tile table (features only?); expected raster tiles"
            )
        table, ident, *box, contents_srs = tables[0]
        self.table = str(table)
        if self.table.lower() not in names:
            raise self._fail(f"tile table {self.table!r} is listed but missing")
        self.name = str(ident or self.table)
        if len(tables) > 1:
            self.name += f" (first of {len(tables)} tile tables)"
        tms = self._db.one(
            "SELECT srs_id, min_x, min_y, max_x, max_y FROM gpkg_tile_matrix_set "
            "WHERE table_name = ?",
            (self.table,),
        )
        if tms is None or None in tms:
            raise self._fail(f"no tile matrix set for {self.table!r}")
        srs_id, tx0, ty0, tx1, ty1 = tms
        crs = self._crs(int(srs_id))
        matrices = tuple(
            TileMatrix(
                int(z),
                float(px),
                int(mw),
                int(mh),
                int(tw),
                int(th),
                None
                if py is None or abs(float(py) - float(px)) <= 1e-12 * abs(float(px))
                else float(py),
            )
            for z, mw, mh, tw, th, px, py in self._db.rows(
                "SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height, "
                "pixel_x_size, pixel_y_size FROM gpkg_tile_matrix WHERE table_name = ? "
                "ORDER BY zoom_level",
                (self.table,),
            )
            if px is not None and float(px) > 0
        )
        if not matrices:
            raise self._fail(f"no tile matrix (zoom levels) for {self.table!r}")
        if self._db.one(f"SELECT 1 FROM {_quoted(self.table)} LIMIT 1") is None:
            raise self._fail(f"the tile table {self.table!r} holds no tiles")
        self.grid = TileGrid(crs, float(tx0), float(ty1), matrices)
        self.bounds: Bounds = (float(tx0), float(ty0), float(tx1), float(ty1))
        if None not in box and contents_srs == srs_id:
            x0, y0, x1, y1 = (float(v) for v in box)
            if x0 < x1 and y0 < y1:
                self.bounds = (x0, y0, x1, y1)
        self._sql = (
            f"SELECT tile_data FROM {_quoted(self.table)} "
            "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"
        )
        self._zooms = {m.zoom: m for m in matrices}

    def _crs(self, srs_id: int) -> str:
        row = self._db.one(
            "SELECT organization, organization_coordsys_id, definition "
            "FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
            (srs_id,),
        )
        if row is None:
            raise self._fail(f"unknown CRS: srs_id {srs_id} is not in gpkg_spatial_ref_sys")
        org, code, definition = row
        candidates = []
        if org and str(org).upper() == "EPSG" and code is not None and int(code) > 0:
            candidates.append(f"EPSG:{int(code)}")
        if definition and str(definition).strip().lower() != "undefined":
            candidates.append(str(definition))
        for text in candidates:
            try:
                CRS.from_user_input(text)
            except CRSError:
                continue
            return text
        raise self._fail(
            f"unknown CRS: srs_id {srs_id} ({org} {code}) has no definition PROJ understands"
        )

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        m = self._zooms.get(zoom)
        if m is None or not (0 <= col < m.matrix_width and 0 <= row < m.matrix_height):
            return None
        hit = self._db.one(self._sql, (zoom, col, row))
        if hit is None or hit[0] is None:
            return None
        return TileData(encoded=bytes(hit[0]))

    def close(self) -> None:
        self._db.close()


def open_gpkg_tiles(path: Path) -> GpkgTileSource:
    """Open the first tile table of a GeoPackage; BackgroundError names the file otherwise."""
    return GpkgTileSource(Path(path))
