"""GeoTIFF and Cloud-Optimized GeoTIFF orthophotos as tile sources, read through rasterio (GDAL).

rasterio and GDAL cost ~0.2 s to import, so they are imported inside the functions here: the
window pays for them only when a GeoTIFF background is set.
"""

from __future__ import annotations

import math
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

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
# Non-8-bit data (16-bit orthophotos, float rasters) is stretched linearly between these
# percentiles of its valid values, one range shared by the colour bands so the colour balance
# stays; the percentiles come once, at open, from a read of at most this many pixels a side.
_STRETCH_PERCENTILES = (2.0, 98.0)
_STRETCH_SAMPLE = 512

ColourMode = Literal["rgb", "rgba", "grey", "grey_alpha", "palette"]


@dataclass(frozen=True, slots=True)
class Colouring:
    """How a dataset's bands become RGBA: which bands, a palette, a stretch for non-8-bit data."""

    mode: ColourMode
    bands: tuple[int, ...]  # 1-based, colour bands first then the alpha band if any
    palette: npt.NDArray[np.uint8] | None  # (n, 4) for mode 'palette'
    stretch: tuple[float, float] | None  # (low, high) when the data is not 8-bit
    use_mask: bool  # the dataset has nodata or a mask to honour


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
        colouring = _colouring(ds, path)
        _probe(ds, path)
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
        self.grid = TileGrid(crs, self._c, self._f, _matrices(self.bounds, self._a, self._e))
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

            with self._lock:
                if self._closed:
                    raise BackgroundError(f"{self.path}: the background was closed")
                ds = rasterio.open(self.path, driver="GTiff")
                self._opened.append(ds)
            self._local.dataset = ds
        return ds

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        """The tile's pixels as RGBA, transparent outside the raster and where it has no data."""
        import numpy as np
        from rasterio.errors import RasterioError
        from rasterio.windows import Window

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


def _matrices(bounds: Bounds, a: float, e: float) -> tuple[TileMatrix, ...]:
    """Finest level at the native pixel size, coarser by twos until one tile holds the raster."""
    res = min(abs(a), abs(e))  # non-square pixels: the finer side, nothing is lost
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    finest = max(0, math.ceil(math.log2(max(width, height) / (TILE * res)) - 1e-9))
    matrices = []
    for z in range(finest + 1):
        r = res * 2 ** (finest - z)
        across = max(1, math.ceil(width / (TILE * r) - 1e-9))
        down = max(1, math.ceil(height / (TILE * r) - 1e-9))
        matrices.append(TileMatrix(z, r, across, down, TILE, TILE))
    return tuple(matrices)


def to_rgba(
    data: npt.NDArray[Any], mask: npt.NDArray[Any] | None, colouring: Colouring
) -> npt.NDArray[np.uint8]:
    """(bands, h, w) as read -> (h, w, 4) uint8, nodata and masked pixels transparent."""
    import numpy as np

    _, h, w = data.shape
    out = np.empty((h, w, 4), dtype=np.uint8)
    alpha = np.full((h, w), 255, dtype=np.uint8)
    mode = colouring.mode
    if mode == "palette":
        assert colouring.palette is not None
        lut = colouring.palette
        idx = data[0].astype(np.int64)
        inside = (idx >= 0) & (idx < len(lut))
        out[:] = lut[np.where(inside, idx, 0)]
        alpha = np.where(inside, out[..., 3], 0).astype(np.uint8)
    else:
        n_colour = 3 if mode in ("rgb", "rgba") else 1
        colour = _to_8bit(data[:n_colour], colouring.stretch)
        out[..., :3] = np.moveaxis(colour, 0, -1) if n_colour == 3 else colour[0][..., None]
        if mode in ("rgba", "grey_alpha"):
            band = data[n_colour]
            alpha = band if band.dtype == np.uint8 else np.where(band > 0, 255, 0).astype(np.uint8)
        if colouring.stretch is not None:  # NaN and infinities are no data
            finite = np.isfinite(data[:n_colour]).all(axis=0)
            alpha = np.where(finite, alpha, 0).astype(np.uint8)
    if mask is not None:
        alpha = np.minimum(alpha, mask.astype(np.uint8))
    out[..., 3] = alpha
    return out


def _to_8bit(
    values: npt.NDArray[Any], stretch: tuple[float, float] | None
) -> npt.NDArray[np.uint8]:
    import numpy as np

    if stretch is None:
        return values.astype(np.uint8, copy=False)
    low, high = stretch
    scaled = (values.astype(np.float64) - low) * (255.0 / (high - low))
    return np.nan_to_num(np.clip(scaled, 0.0, 255.0), nan=0.0).round().astype(np.uint8)


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
    """Which bands make the colours, and how non-8-bit values reach 0..255."""
    import numpy as np
    from rasterio.enums import ColorInterp, MaskFlags

    interp = list(ds.colorinterp)
    alpha = [i + 1 for i, ci in enumerate(interp) if ci == ColorInterp.alpha]
    use_mask = not alpha and any(flags != [MaskFlags.all_valid] for flags in ds.mask_flag_enums)
    palette = None
    if ds.count == 1 and interp[0] == ColorInterp.palette:
        try:
            table = ds.colormap(1)
        except ValueError:
            table = {}
        if table:
            palette = np.zeros((max(table) + 1, 4), dtype=np.uint8)
            for index, rgba in table.items():
                palette[index] = rgba
            return Colouring("palette", (1,), palette, None, use_mask)
    if ds.count >= 3:
        rgb_interp = (ColorInterp.red, ColorInterp.green, ColorInterp.blue)
        named = [interp.index(c) + 1 if c in interp else 0 for c in rgb_interp]
        rgb = tuple(named) if all(named) else (1, 2, 3)
        mode: ColourMode = "rgba" if alpha else "rgb"
        bands = (*rgb, alpha[0]) if alpha else rgb
    else:
        mode = "grey_alpha" if alpha and ds.count == 2 else "grey"
        grey = 2 if alpha == [1] else 1
        bands = (grey, alpha[0]) if mode == "grey_alpha" else (grey,)
    stretch = None
    if ds.dtypes[bands[0] - 1] != "uint8":
        stretch = _stretch(ds, bands[: 3 if mode in ("rgb", "rgba") else 1], path)
    return Colouring(mode, bands, palette, stretch, use_mask)


def _stretch(ds: Any, bands: tuple[int, ...], path: Path) -> tuple[float, float]:
    import numpy as np
    from rasterio.errors import RasterioError

    scale = max(1.0, max(ds.width, ds.height) / _STRETCH_SAMPLE)
    shape = (max(1, round(ds.height / scale)), max(1, round(ds.width / scale)))
    try:
        values = ds.read(list(bands), out_shape=(len(bands), *shape), masked=True)
    except RasterioError as exc:
        raise BackgroundError(
            f"{path}: cannot be read, the file may be truncated or corrupt "
            f"({_gdal_reason(exc, path)})"
        ) from exc
    valid = values.compressed().astype(np.float64)
    valid = valid[np.isfinite(valid)]
    if valid.size == 0:
        return 0.0, 1.0
    low, high = (float(v) for v in np.percentile(valid, _STRETCH_PERCENTILES))
    return (low, high) if high > low else (low, low + 1.0)


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
