"""Cut EGM96's 15' nodes over Indonesia from NGA's grid into resources/geoid (GTX)."""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

import numpy as np
from PIL import Image

# 92-142° E, 14° S-8° N (issue 18): every 15' node of the source in that box, edges included.
WEST, EAST, SOUTH, NORTH = 92.0, 142.0, -14.0, 8.0
STEP = 0.25
GEO_KEY_DIRECTORY, MODEL_TIEPOINT, MODEL_PIXEL_SCALE = 34735, 33922, 33550
RASTER_TYPE_KEY, PIXEL_IS_POINT = 1025, 2


def source_nodes(tif: Path) -> tuple[np.ndarray, float, float]:
    """The grid's values and the lon/lat of its first node (row 0 is the northernmost)."""
    with Image.open(tif) as im:
        tags = im.tag_v2
        values = np.array(im, dtype=np.float32)
    keys = tags[GEO_KEY_DIRECTORY]
    raster_type = {keys[i]: keys[i + 3] for i in range(4, len(keys), 4)}.get(RASTER_TYPE_KEY)
    _, _, _, lon0, lat0, _ = tags[MODEL_TIEPOINT]
    sx, sy = tags[MODEL_PIXEL_SCALE][:2]
    if (sx, sy) != (STEP, STEP):
        raise SystemExit(f"{tif}: pixel size {sx}x{sy}°, expected {STEP}°")
    if raster_type != PIXEL_IS_POINT:
        # PixelIsArea puts the tie point on a pixel's corner: the node is half a pixel in.
        lon0, lat0 = lon0 + STEP / 2, lat0 - STEP / 2
    return values, float(lon0), float(lat0)


def crop(tif: Path) -> tuple[np.ndarray, float, float]:
    values, lon0, lat0 = source_nodes(tif)
    c0, c1 = round((WEST - lon0) / STEP), round((EAST - lon0) / STEP)
    r0, r1 = round((lat0 - NORTH) / STEP), round((lat0 - SOUTH) / STEP)
    for got, want in ((lon0 + c0 * STEP, WEST), (lat0 - r0 * STEP, NORTH)):
        if abs(got - want) > 1e-9:
            raise SystemExit(f"{tif}: nodes do not fall on {want}° (nearest {got}°)")
    block = values[r0 : r1 + 1, c0 : c1 + 1]
    return block[::-1], WEST, SOUTH  # GTX rows run south to north


def write_gtx(path: Path, rows_s_to_n: np.ndarray, lon0: float, lat0: float) -> None:
    nrows, ncols = rows_s_to_n.shape
    header = struct.pack(">4d2i", lat0, lon0, STEP, STEP, nrows, ncols)
    path.write_bytes(header + rows_s_to_n.astype(">f4").tobytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path, help="us_nga_egm96_15.tif (PROJ-data's EGM96 grid)")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "resources/geoid/egm96_15_indonesia.gtx",
    )
    args = ap.parse_args(argv)
    block, lon0, lat0 = crop(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_gtx(args.out, block, lon0, lat0)
    rows, cols = block.shape
    print(f"{args.out}: {rows} rows x {cols} cols, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
