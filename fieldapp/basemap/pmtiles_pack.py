"""PMTiles v3 archives of raster tiles, read through the ``pmtiles`` package over a memory map."""

from __future__ import annotations

import gzip
import json
import mmap
import threading
from pathlib import Path
from typing import Any

from pmtiles.tile import (
    Compression,
    MagicNumberNotFound,
    SpecVersionUnsupported,
    TileType,
    deserialize_directory,
    deserialize_header,
    find_tile,
    zxy_to_tileid,
)

from fieldapp.basemap.mbtiles import lonlat_to_mercator
from fieldapp.basemap.source import BackgroundError, Bounds, SourceKind, TileData, TileGrid

_RASTER = {TileType.PNG, TileType.JPEG, TileType.WEBP}
_BROKEN = (MagicNumberNotFound, SpecVersionUnsupported, ValueError, OSError, EOFError, IndexError)
_MAX_DEPTH = 4  # root + 3 leaf levels, as the spec allows


class PMTilesSource:
    """An opened PMTiles file. Directories are parsed once and kept (a pan asks for the same
    leaf many times); byte reads from the memory map need no lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind: SourceKind = "pmtiles"
        self._dirs: dict[tuple[int, int], list[Any]] = {}
        self._lock = threading.Lock()
        try:
            self._file = self.path.open("rb")
        except OSError as exc:
            raise self._fail(f"cannot be read ({exc.strerror or exc})") from exc
        try:
            self._map: mmap.mmap | None = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
            self._setup()
        except BackgroundError:
            self.close()
            raise
        except (*_BROKEN, KeyError) as exc:
            self.close()
            raise self._fail(
                f"not a readable PMTiles archive ({type(exc).__name__}: {exc})"
            ) from exc

    def _fail(self, what: str) -> BackgroundError:
        return BackgroundError(f"{self.path}: {what}".replace("\n", " "))

    def _bytes(self, offset: int, length: int) -> bytes:
        if self._map is None:
            raise self._fail("the pack is closed")
        if offset < 0 or length < 0 or offset + length > len(self._map):
            raise self._fail("truncated: a directory or tile lies past the end of the file")
        return self._map[offset : offset + length]

    def _setup(self) -> None:
        self._h = deserialize_header(self._bytes(0, 127))
        tile_type = self._h["tile_type"]
        if tile_type in (TileType.MVT, TileType.MLT):
            raise self._fail("vector tiles: expected raster (PNG/JPEG/WebP) tiles")
        if tile_type not in _RASTER:
            raise self._fail(f"{tile_type.name} tiles: expected raster (PNG/JPEG/WebP) tiles")
        if self._h["internal_compression"] not in (Compression.GZIP, Compression.NONE):
            raise self._fail(
                f"directories compressed with {self._h['internal_compression'].name}: "
                "expected gzip or none"
            )
        if self._h["tile_compression"] not in (
            Compression.NONE,
            Compression.UNKNOWN,
            Compression.GZIP,
        ):
            raise self._fail(f"tiles compressed with {self._h['tile_compression'].name}")
        zmin, zmax = int(self._h["min_zoom"]), int(self._h["max_zoom"])
        if not 0 <= zmin <= zmax <= 30:
            raise self._fail(f"zoom levels {zmin}..{zmax}: expected 0..30")
        self.grid = TileGrid.web_mercator(zmin, zmax)
        w, s = self._h["min_lon_e7"] / 1e7, self._h["min_lat_e7"] / 1e7
        e, n = self._h["max_lon_e7"] / 1e7, self._h["max_lat_e7"] / 1e7
        if not (w < e and s < n):
            w, s, e, n = -180.0, -85.05, 180.0, 85.05
        x0, y0 = lonlat_to_mercator(w, s)
        x1, y1 = lonlat_to_mercator(e, n)
        self.bounds: Bounds = (x0, y0, x1, y1)
        self._directory(self._h["root_offset"], self._h["root_length"])  # a bad root fails now
        self.name = self.path.stem
        meta = self._metadata()
        if isinstance(meta.get("name"), str) and meta["name"].strip():
            self.name = meta["name"].strip()

    def _metadata(self) -> dict[str, Any]:
        raw = self._bytes(self._h["metadata_offset"], self._h["metadata_length"])
        if not raw:
            return {}
        try:
            if self._h["internal_compression"] == Compression.GZIP:
                raw = gzip.decompress(raw)
            meta = json.loads(raw)
        except (OSError, ValueError, EOFError):
            return {}  # the metadata only gives the name: the tiles are what matter
        return meta if isinstance(meta, dict) else {}

    def _directory(self, offset: int, length: int) -> list[Any]:
        key = (offset, length)
        found = self._dirs.get(key)
        if found is not None:
            return found
        raw = self._bytes(offset, length)
        if self._h["internal_compression"] == Compression.NONE:
            raw = gzip.compress(raw)  # the package only parses gzip-compressed directories
        entries = deserialize_directory(raw)
        with self._lock:
            if len(self._dirs) > 256:
                self._dirs.clear()
            self._dirs[key] = entries
        return entries

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        if not self.grid.matrices[0].zoom <= zoom <= self.grid.matrices[-1].zoom:
            return None
        if not (0 <= col < 2**zoom and 0 <= row < 2**zoom):
            return None
        tile_id = zxy_to_tileid(zoom, col, row)
        offset, length = self._h["root_offset"], self._h["root_length"]
        try:
            for _ in range(_MAX_DEPTH):
                entry = find_tile(self._directory(offset, length), tile_id)
                if entry is None:
                    return None
                if entry.run_length > 0:
                    data = self._bytes(self._h["tile_data_offset"] + entry.offset, entry.length)
                    if self._h["tile_compression"] == Compression.GZIP:
                        data = gzip.decompress(data)
                    return TileData(encoded=data)
                offset = self._h["leaf_directory_offset"] + entry.offset
                length = entry.length
        except (OSError, EOFError, ValueError, IndexError) as exc:
            raise self._fail(f"tile {zoom}/{col}/{row} unreadable ({exc})") from exc
        return None

    def close(self) -> None:
        if getattr(self, "_map", None) is not None:
            assert self._map is not None
            self._map.close()
            self._map = None
        if getattr(self, "_file", None) is not None:
            self._file.close()


def open_pmtiles(path: Path) -> PMTilesSource:
    """Open a raster PMTiles archive; vector archives and broken files get a BackgroundError."""
    return PMTilesSource(Path(path))
