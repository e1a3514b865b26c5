"""GeoTIFF and Cloud-Optimized GeoTIFF orthophotos as tile sources, read through rasterio (GDAL).

rasterio and GDAL cost ~0.2 s to import, so they are imported inside the functions here: the
window pays for them only when a GeoTIFF background is set.
"""

from __future__ import annotations

import math
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.basemap.geotiff_colour import Colouring, colouring_of, to_rgba
from fieldapp.basemap.source import (
    BackgroundError,
    Bounds,
    SourceKind,
    TileData,
    TileGrid,
    TileMatrix,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

TILE = 256
_GEOREF_EXPECTED = "expected a GeoTIFF with a CRS and a geotransform (or a .tfw/.prj beside it)"


def open_geotiff(path: Path) -> GeoTiffSource:
    """Open a north-up GeoTIFF/COG in any CRS; BackgroundError names the file and the trouble."""
    import rasterio
    from rasterio.errors import NotGeoreferencedWarning, RasterioError

    path = Path(path)
    if not path.is_file():
        raise BackgroundError(f"{path}: file not found (expected a GeoTIFF)")
    try:
        with warnings.catch_warnings():
            # An ungeoreferenced TIFF is refused below in one line, not warned about.
            warnings.simplefilter("ignore", NotGeoreferencedWarning)
            ds = rasterio.open(path, driver="GTiff")
    except (RasterioError, OSError) as exc:
        raise BackgroundError(
            f"{path}: not a GeoTIFF image GDAL can read ({_gdal_reason(exc, path)})"
        ) from exc
    try:
        crs_text = _check_georeference(ds, path)
        _probe(ds, path)
        colouring = _colouring(ds, path)
    except BaseException:
        ds.close()
        raise
    return GeoTiffSource(path, ds, crs_text, colouring)


class GeoTiffSource:
    """A raster on its own CRS, cut into 256-px tiles; finest level at the native pixel size."""

    kind: SourceKind = "geotiff"

    def __init__(self, path: Path, dataset: Any, crs: str, colouring: Colouring) -> None:
        self.path = path
        self.name = str(dataset.tags().get("TIFFTAG_DOCUMENTNAME") or path.stem)
        self.colouring = colouring
        t = dataset.transform
        self._a, self._c, self._e, self._f = float(t.a), float(t.c), float(t.e), float(t.f)
        self._cols, self._rows = int(dataset.width), int(dataset.height)
        self.bounds: Bounds = (
            self._c,
            self._f + self._rows * self._e,
            self._c + self._cols * self._a,
            self._f,
        )
        self.grid = TileGrid(
            crs, self._c, self._f, _matrices(self._cols, self._rows, self._a, self._e)
        )
        # rasterio datasets are not thread-safe: each reading thread opens its own.
        self._local = threading.local()
        self._local.dataset = dataset
        self._opened = [dataset]
        self._lock = threading.Lock()
        self._closed = False

    def _dataset(self) -> Any:
        ds = getattr(self._local, "dataset", None)
        if ds is None:
            import rasterio
            from rasterio.errors import RasterioError

            with self._lock:
                if self._closed:
                    raise BackgroundError(f"{self.path}: the background was closed")
                try:
                    ds = rasterio.open(self.path, driver="GTiff")
                except (RasterioError, OSError) as exc:  # moved, deleted or replaced since
                    raise BackgroundError(
                        f"{self.path}: can no longer be opened ({_gdal_reason(exc, self.path)})"
                    ) from exc
                self._opened.append(ds)
            self._local.dataset = ds
        return ds

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        """The tile's pixels as RGBA, transparent outside the raster and where it has no data."""
        import numpy as np
        from rasterio.errors import RasterioError
        from rasterio.windows import Window

        if self._closed:  # a worker still busy after the layer went: nothing to draw
            return None
        try:
            min_x, min_y, max_x, max_y = self.grid.tile_bounds(zoom, col, row)
        except KeyError:
            return None
        # The tile in fractional raster pixels, then clipped to the raster.
        c0, c1 = (min_x - self._c) / self._a, (max_x - self._c) / self._a
        r0, r1 = (self._f - max_y) / -self._e, (self._f - min_y) / -self._e
        cc0, cc1 = max(c0, 0.0), min(c1, float(self._cols))
        rr0, rr1 = max(r0, 0.0), min(r1, float(self._rows))
        if cc0 >= cc1 or rr0 >= rr1:
            return None
        sx, sy = (c1 - c0) / TILE, (r1 - r0) / TILE  # raster pixels per tile pixel
        ox0, ox1 = round((cc0 - c0) / sx), round((cc1 - c0) / sx)
        oy0, oy1 = round((rr0 - r0) / sy), round((rr1 - r0) / sy)
        if ox1 <= ox0 or oy1 <= oy0:
            return None
        # The source window that maps exactly onto whole tile pixels, so nothing shifts.
        window = Window(c0 + ox0 * sx, r0 + oy0 * sy, (ox1 - ox0) * sx, (oy1 - oy0) * sy)
        shape = (oy1 - oy0, ox1 - ox0)
        try:
            part = self._read(window, shape)
        except RasterioError as exc:
            if self._closed:  # closed under this read
                return None
            raise BackgroundError(
                f"{self.path}: tile {zoom}/{col}/{row} cannot be read, the file may be "
                f"truncated or corrupt ({_gdal_reason(exc, self.path)})"
            ) from exc
        if not part[..., 3].any():
            return None
        rgba = np.zeros((TILE, TILE, 4), dtype=np.uint8)
        rgba[oy0:oy1, ox0:ox1] = part
        return TileData(rgba=rgba)

    def _read(self, window: Any, shape: tuple[int, int]) -> npt.NDArray[np.uint8]:
        # out_shape makes GDAL read from the overviews when the file has them.
        ds = self._dataset()
        bands = list(self.colouring.bands)
        data = ds.read(bands, window=window, out_shape=(len(bands), *shape))
        mask = None
        if self.colouring.use_mask:
            mask = ds.dataset_mask(window=window, out_shape=shape)
        return to_rgba(data, mask, self.colouring)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            opened, self._opened = self._opened, []
        for ds in opened:
            ds.close()


def _matrices(cols: int, rows: int, a: float, e: float) -> tuple[TileMatrix, ...]:
    """Finest level at the native pixel size, coarser by twos until one tile holds the raster."""
    finest = max(0, math.ceil(math.log2(max(cols, rows) / TILE) - 1e-9))
    matrices = []
    for z in range(finest + 1):
        k = 2 ** (finest - z)  # raster pixels per tile pixel, each way
        # Non-square pixels (common in geographic CRSs) keep their own height.
        res_y = None if abs(e) == abs(a) else abs(e) * k
        across, down = math.ceil(cols / (TILE * k)), math.ceil(rows / (TILE * k))
        matrices.append(TileMatrix(z, abs(a) * k, across, down, TILE, TILE, res_y))
    return tuple(matrices)


def _check_georeference(ds: Any, path: Path) -> str:
    """The CRS as grid.crs wants it, or BackgroundError for what stops it being placed."""
    from rasterio.transform import Affine

    if ds.count == 0:
        raise BackgroundError(f"{path}: the TIFF holds no image bands (expected an orthophoto)")
    if ds.dtypes[0].startswith("complex"):
        raise BackgroundError(f"{path}: complex-valued raster (expected an image)")
    transform = ds.transform
    no_transform = transform == Affine.identity() or transform.is_degenerate
    # GDAL reads a .tfw world file beside a TIFF but not a .prj: that one is read here.
    wkt = ds.crs.to_wkt() if ds.crs is not None else _sidecar_prj(path)
    if wkt is None or no_transform:
        gcps, _ = ds.gcps
        if no_transform and gcps:
            raise BackgroundError(
                f"{path}: georeferenced by control points only, {_GEOREF_EXPECTED} "
                "(warp it first, e.g. gdalwarp)"
            )
        missing = "no CRS" if wkt is None else "no geotransform"
        raise BackgroundError(f"{path}: not georeferenced ({missing}); {_GEOREF_EXPECTED}")
    # Rotated or sheared rasters are refused rather than resampled: drone orthophotos come
    # north-up, and a rotated one is one gdalwarp away from being one.
    if transform.b != 0 or transform.d != 0:
        raise BackgroundError(
            f"{path}: rotated or sheared geotransform (expected a north-up raster; "
            "warp it first, e.g. gdalwarp)"
        )
    if transform.a <= 0 or transform.e >= 0:
        raise BackgroundError(
            f"{path}: the raster is flipped (expected a north-up raster, rows from the north)"
        )
    return _crs_text(wkt, ds, path)


def _sidecar_prj(path: Path) -> str | None:
    prj = path.with_suffix(".prj")
    try:
        return prj.read_text(encoding="utf-8", errors="replace")[:65536] if prj.is_file() else None
    except OSError:
        return None


def _crs_text(wkt: str, ds: Any, path: Path) -> str:
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError, ProjError

    try:
        crs = CRS.from_user_input(wkt)
    except CRSError as exc:
        raise BackgroundError(
            f"{path}: unknown CRS (expected a geographic or projected CRS such as WGS84 or UTM)"
        ) from exc
    horizontal = crs.sub_crs_list[0] if crs.is_compound else crs
    if not (horizontal.is_geographic or horizontal.is_projected) or horizontal.is_geocentric:
        kind = "a local/engineering CRS" if horizontal.is_engineering else "an unusable CRS"
        raise BackgroundError(
            f"{path}: {kind} ({horizontal.name}); expected a geographic or projected CRS "
            "tied to the earth, such as WGS84, UTM or TM-3"
        )
    west, south, east, north = ds.bounds
    try:
        to_wgs84 = Transformer.from_crs(horizontal, "EPSG:4326", always_xy=True)
        lon, lat = to_wgs84.transform((west + east) / 2, (south + north) / 2, errcheck=True)
    except (CRSError, ProjError) as exc:
        raise BackgroundError(
            f"{path}: its CRS ({horizontal.name}) cannot be placed on WGS84 (expected a "
            "geographic or projected CRS tied to the earth)"
        ) from exc
    if not (math.isfinite(lon) and math.isfinite(lat) and -90 <= lat <= 90):
        raise BackgroundError(f"{path}: its extent is not on the earth in its CRS")
    epsg = horizontal.to_epsg(min_confidence=100)
    return f"EPSG:{epsg}" if epsg is not None else horizontal.to_wkt()


def _colouring(ds: Any, path: Path) -> Colouring:
    from rasterio.errors import RasterioError

    try:
        return colouring_of(ds)
    except RasterioError as exc:
        raise BackgroundError(
            f"{path}: cannot be read, the file may be truncated or corrupt "
            f"({_gdal_reason(exc, path)})"
        ) from exc


def _probe(ds: Any, path: Path) -> None:
    """Read the first and the last pixel: a truncated file fails here, not on the map."""
    from rasterio.errors import RasterioError
    from rasterio.windows import Window

    try:
        for col, row in ((0, 0), (ds.width - 1, ds.height - 1)):
            ds.read(window=Window(col, row, 1, 1))
    except RasterioError as exc:
        raise BackgroundError(
            f"{path}: cannot be read, the file may be truncated or corrupt "
            f"({_gdal_reason(exc, path)})"
        ) from exc


def _gdal_reason(exc: BaseException, path: Path) -> str:
    """GDAL's message on one line, without repeating the path the message already starts with."""
    # rasterio's "Read failed. See previous exception" carries GDAL's own words as its cause.
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    text = " ".join(str(cause).split())
    for form in (f"'{path}'", str(path), path.name):
        text = text.replace(f"{form}: ", "").replace(f"{form}, ", "").replace(form, "the file")
    return text or type(exc).__name__
