"""Known colours at known lon/lat: painters, tile pixels, and where a colour landed in a view."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import mercantile
import numpy as np
import numpy.typing as npt
from PIL import Image

RGBA = tuple[int, int, int, int]
LonLatBounds = tuple[float, float, float, float]  # west, south, east, north
# lon, lat arrays of pixel centres (h, w) -> colours (h, w, 4) uint8
Painter = Callable[[npt.NDArray[np.float64], npt.NDArray[np.float64]], npt.NDArray[np.uint8]]

EARTH_RADIUS = 6378137.0
MERC_HALF = math.pi * EARTH_RADIUS
GREY: RGBA = (200, 200, 200, 255)
METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Block:
    """A square of one colour centred on a lon/lat, ``half_m`` metres from centre to each side."""

    lon: float
    lat: float
    colour: RGBA
    half_m: float = 20.0
    edges: LonLatBounds | None = None  # exact edges instead of half_m (see pixel_block)

    def lonlat_bounds(self) -> LonLatBounds:
        if self.edges is not None:
            return self.edges
        dlat = self.half_m / METRES_PER_DEGREE
        dlon = self.half_m / (METRES_PER_DEGREE * math.cos(math.radians(self.lat)))
        return self.lon - dlon, self.lat - dlat, self.lon + dlon, self.lat + dlat


def pixel_block(lon: float, lat: float, colour: RGBA, zoom: int, half_px: int = 4) -> Block:
    """A block whose edges are pixel edges of XYZ level ``zoom`` (2 * half_px + 1 pixels across,
    centred on the pixel holding lon/lat): drawn at that level it has no half-pixel rounding,
    so a test can hold its centre to a pixel even when the view overzooms."""
    res = 2 * MERC_HALF / (256 * 2**zoom)
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    col, row = math.floor((x + MERC_HALF) / res), math.floor((MERC_HALF - y) / res)
    x0, x1 = -MERC_HALF + (col - half_px) * res, -MERC_HALF + (col + half_px + 1) * res
    y1, y0 = MERC_HALF - (row - half_px) * res, MERC_HALF - (row + half_px + 1) * res
    (w, e), (s, n) = mercator_to_lonlat(np.array([x0, x1]), np.array([y0, y1]))
    clon, clat = mercator_to_lonlat(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
    return Block(
        float(clon[0]), float(clat[0]), colour, edges=(float(w), float(s), float(e), float(n))
    )


def painter(background: RGBA = GREY, blocks: Sequence[Block] = ()) -> Painter:
    """A flat background with coloured blocks painted over it (later blocks on top)."""

    def paint(lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]) -> npt.NDArray[np.uint8]:
        out = np.empty((*lon.shape, 4), dtype=np.uint8)
        out[...] = background
        for b in blocks:
            w, s, e, n = b.lonlat_bounds()
            out[(lon >= w) & (lon < e) & (lat >= s) & (lat < n)] = b.colour
        return out

    return paint


def clipped(paint: Painter, bounds: LonLatBounds) -> Painter:
    """``paint`` inside ``bounds``, transparent outside."""

    def clip(lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]) -> npt.NDArray[np.uint8]:
        out = paint(lon, lat)
        w, s, e, n = bounds
        out[(lon < w) | (lon >= e) | (lat < s) | (lat >= n)] = 0
        return out

    return clip


def encode(rgba: npt.NDArray[np.uint8], fmt: str) -> bytes:
    """PNG keeps alpha; JPEG drops it (as real JPEG packs do)."""
    img = Image.fromarray(rgba, "RGBA")
    buf = io.BytesIO()
    if fmt in ("jpg", "jpeg"):
        img.convert("RGB").save(buf, "JPEG", quality=92)
    elif fmt == "webp":
        img.save(buf, "WEBP", lossless=True)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def paint_tile(
    paint: Painter,
    to_lonlat: Callable[
        [npt.NDArray[np.float64], npt.NDArray[np.float64]],
        tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
    ],
    left: float,
    top: float,
    res_x: float,
    res_y: float,
    size: tuple[int, int] = (256, 256),
) -> npt.NDArray[np.uint8]:
    """The pixels of a tile whose top-left is (left, top) in a grid CRS, sampled at centres."""
    w, h = size
    # PROJ on a 17 x 17 lattice, bilinear between: over a tile the map from a projected grid to
    # lon/lat is linear to far below a pixel, and 65,536 PROJ calls per tile made tests slow.
    kx, ky = np.linspace(0, w - 1, 17), np.linspace(0, h - 1, 17)
    gx, gy = np.meshgrid(left + (kx + 0.5) * res_x, top - (ky + 0.5) * res_y)
    lon_c, lat_c = to_lonlat(gx, gy)
    # Each pixel's place between lattice nodes: node index and fraction, per axis.
    px, py = np.arange(w) * 16 / (w - 1), np.arange(h) * 16 / (h - 1)
    ix, iy = np.minimum(px.astype(int), 15), np.minimum(py.astype(int), 15)
    tx, ty = (px - ix)[None, :], (py - iy)[:, None]

    def up(a: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        top_ = a[iy][:, ix] * (1 - tx) + a[iy][:, ix + 1] * tx
        bottom = a[iy + 1][:, ix] * (1 - tx) + a[iy + 1][:, ix + 1] * tx
        out: npt.NDArray[np.float64] = top_ * (1 - ty) + bottom * ty
        return out

    return paint(up(np.asarray(lon_c)), up(np.asarray(lat_c)))


def mercator_to_lonlat(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    lon = np.degrees(x / EARTH_RADIUS)
    lat = np.degrees(np.arctan(np.sinh(y / EARTH_RADIUS)))
    return lon, lat


def xyz_tile_pixels(
    paint: Painter, z: int, x: int, y: int, size: int = 256
) -> npt.NDArray[np.uint8]:
    res = 2 * MERC_HALF / (size * 2**z)
    xs = -MERC_HALF + (x * size + np.arange(size) + 0.5) * res
    ys = MERC_HALF - (y * size + np.arange(size) + 0.5) * res
    # Longitude depends on x alone and latitude on y alone: transform one row and one column.
    lon, lat = mercator_to_lonlat(xs, ys)
    glon, glat = np.meshgrid(lon, lat)
    return paint(glon, glat)


def xyz_tiles(bounds: LonLatBounds, zooms: Iterable[int]) -> list[mercantile.Tile]:
    w, s, e, n = bounds
    return list(mercantile.tiles(w, s, e, n, list(zooms)))


def view_pixel(
    view: tuple[float, float, float, float], width: int, height: int, x: float, y: float
) -> tuple[float, float]:
    """Where job-grid (x, y) falls in a rendered view, in continuous pixel units (0..width)."""
    min_x, min_y, max_x, max_y = view
    return (x - min_x) / (max_x - min_x) * width, (max_y - y) / (max_y - min_y) * height


def colour_centroid(
    img: Image.Image, colour: Sequence[int], tol: int = 12
) -> tuple[float, float, int]:
    """The centre (continuous pixel units) of the pixels of ``colour``, and how many there are."""
    a = np.asarray(img.convert("RGBA")).astype(np.int16)
    diff = np.abs(a[..., :3] - np.asarray(colour[:3], dtype=np.int16)).max(axis=-1)
    mask = (diff <= tol) & (a[..., 3] > 0)
    rows, cols = np.nonzero(mask)
    if len(rows) == 0:
        return math.nan, math.nan, 0
    return float(cols.mean()) + 0.5, float(rows.mean()) + 0.5, len(rows)
