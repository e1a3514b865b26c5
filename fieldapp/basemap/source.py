"""Background tile sources: the tile grid they share and the one way to open a file as one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SourceKind = Literal["mbtiles", "gpkg", "pmtiles", "geotiff"]
Bounds = tuple[float, float, float, float]  # min x, min y, max x, max y
WEB_MERCATOR_HALF = 20037508.342789244  # metres from the origin to the edge of EPSG:3857


class BackgroundError(ValueError):
    """A file that cannot be a background: one line naming it and what was expected."""


@dataclass(frozen=True, slots=True)
class TileMatrix:
    """One zoom level: its pixel size in CRS units and how many tiles it has."""

    zoom: int
    resolution: float  # CRS units per pixel
    matrix_width: int  # tiles across
    matrix_height: int  # tiles down
    tile_width: int = 256
    tile_height: int = 256
    resolution_y: float | None = None  # CRS units per pixel down, where not ``resolution``

    @property
    def pixel_height(self) -> float:
        return self.resolution if self.resolution_y is None else self.resolution_y


@dataclass(frozen=True, slots=True)
class TileGrid:
    """Tiles on a CRS: tile (0, 0) has its top-left corner at the origin, rows grow southward.

    XYZ packs (MBTiles, PMTiles) are on Web Mercator; a GeoPackage or a GeoTIFF brings its own
    CRS, so nothing here assumes one: the job grid is reached by transforming tile corners.
    """

    crs: str  # anything pyproj.CRS.from_user_input takes: "EPSG:3857", a WKT
    origin_x: float
    origin_y: float
    matrices: tuple[TileMatrix, ...]  # coarse to fine

    def matrix(self, zoom: int) -> TileMatrix:
        for m in self.matrices:
            if m.zoom == zoom:
                return m
        raise KeyError(f"no zoom level {zoom} in this tile grid")

    def tile_bounds(self, zoom: int, col: int, row: int) -> Bounds:
        m = self.matrix(zoom)
        width, height = m.tile_width * m.resolution, m.tile_height * m.pixel_height
        min_x = self.origin_x + col * width
        max_y = self.origin_y - row * height
        return min_x, max_y - height, min_x + width, max_y

    @classmethod
    def web_mercator(cls, min_zoom: int, max_zoom: int, tile_size: int = 256) -> TileGrid:
        """The XYZ scheme of slippy maps (row 0 at the north; MBTiles stores rows flipped)."""
        matrices = tuple(
            TileMatrix(
                z, 2 * WEB_MERCATOR_HALF / (tile_size * 2**z), 2**z, 2**z, tile_size, tile_size
            )
            for z in range(min_zoom, max_zoom + 1)
        )
        return cls("EPSG:3857", -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, matrices)


@dataclass(frozen=True, slots=True)
class TileData:
    """One tile as the source holds it: encoded (PNG, JPEG, WebP) or already pixels (RGBA)."""

    encoded: bytes | None = None
    rgba: npt.NDArray[np.uint8] | None = None  # (height, width, 4)


class TileSource(Protocol):
    """An opened background. ``read_tile`` may be called from any thread."""

    path: Path
    kind: SourceKind
    name: str  # the pack's own name where it has one, else the file's stem
    grid: TileGrid
    bounds: Bounds  # where it has data, in grid.crs

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        """The tile, or None where the source has none (outside its data: not an error)."""
        ...

    def close(self) -> None: ...


_SQLITE_MAGIC = b"SQLite format 3\x00"
_PMTILES_MAGIC = b"PMTiles"
_TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def sniff_kind(path: Path) -> SourceKind:
    """What the file is, from its content (never its extension alone)."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise BackgroundError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if head.startswith(_SQLITE_MAGIC):
        from fieldapp.basemap.sqlite_packs import sqlite_pack_kind

        return sqlite_pack_kind(Path(path))
    if head.startswith(_PMTILES_MAGIC):
        return "pmtiles"
    if head[:4] in _TIFF_MAGICS:
        return "geotiff"
    raise BackgroundError(
        f"{path}: not a background map (expected an MBTiles, GeoPackage or PMTiles tile pack, "
        "or a georeferenced GeoTIFF)"
    )


def open_background(path: Path) -> TileSource:
    """Open ``path`` as a tile source; BackgroundError names the file and what is wrong."""
    kind = sniff_kind(path)
    if kind == "mbtiles":
        from fieldapp.basemap.mbtiles import open_mbtiles

        return open_mbtiles(Path(path))
    if kind == "gpkg":
        from fieldapp.basemap.gpkg import open_gpkg_tiles

        return open_gpkg_tiles(Path(path))
    if kind == "pmtiles":
        from fieldapp.basemap.pmtiles_pack import open_pmtiles

        return open_pmtiles(Path(path))
    from fieldapp.basemap.geotiff import open_geotiff

    return open_geotiff(Path(path))
