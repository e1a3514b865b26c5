"""How a GeoTIFF's bands become RGBA tiles: RGB, RGBA, grey, palette, non-8-bit stretched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

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


def colouring_of(ds: Any) -> Colouring:
    """Which bands of an open rasterio dataset make the colours, and how non-8-bit values reach
    0..255. A failed read (a truncated file) raises rasterio's error for the caller to name."""
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
        stretch = _stretch(ds, bands[: 3 if mode in ("rgb", "rgba") else 1])
    return Colouring(mode, bands, palette, stretch, use_mask)


def _stretch(ds: Any, bands: tuple[int, ...]) -> tuple[float, float]:
    import numpy as np

    scale = max(1.0, max(ds.width, ds.height) / _STRETCH_SAMPLE)
    shape = (max(1, round(ds.height / scale)), max(1, round(ds.width / scale)))
    values = ds.read(list(bands), out_shape=(len(bands), *shape), masked=True)
    valid = values.compressed().astype(np.float64)
    valid = valid[np.isfinite(valid)]
    if valid.size == 0:
        return 0.0, 1.0
    low, high = (float(v) for v in np.percentile(valid, _STRETCH_PERCENTILES))
    return (low, high) if high > low else (low, low + 1.0)


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
