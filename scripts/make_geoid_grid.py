"""EGM96 over Indonesia at 2.5', interpolated from NGA's 15' grid as NGA does, into resources/geoid.

PROJ interpolates a grid bilinearly. On EGM96's 15' nodes that departs from NGA's own
interpolation (INTPT.F: natural cubic splines through a 6 x 6 window of nodes) by up to 0.44 m
in Indonesia's rough geoid (Papua, the Banda arc; a third of the area by more than 5 cm). Sampling
NGA's spline every 2.5' leaves PROJ's bilinear step within about a centimetre of it, and every
15' node keeps its value exactly (a spline passes through its nodes).
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

import numpy as np
from PIL import Image

# 92-142° E, 14° S-8° N (issue 18): the source's 15' nodes in that box, edges included.
WEST, EAST, SOUTH, NORTH = 92.0, 142.0, -14.0, 8.0
STEP = 0.25
DENSIFY = 6  # 15' / 6 = 2.5'
WINDOW = 6  # NGA's INTPT window: 3 nodes each side of the interval
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


def crop(tif: Path, margin: int = 0) -> tuple[np.ndarray, float, float]:
    """The 15' nodes of the box (plus ``margin`` nodes around it), north row first."""
    values, lon0, lat0 = source_nodes(tif)
    c0, c1 = round((WEST - lon0) / STEP), round((EAST - lon0) / STEP)
    r0, r1 = round((lat0 - NORTH) / STEP), round((lat0 - SOUTH) / STEP)
    for got, want in ((lon0 + c0 * STEP, WEST), (lat0 - r0 * STEP, NORTH)):
        if abs(got - want) > 1e-9:
            raise SystemExit(f"{tif}: nodes do not fall on {want}° (nearest {got}°)")
    block = values[r0 - margin : r1 + margin + 1, c0 - margin : c1 + margin + 1]
    return block, WEST, NORTH


def spline_weights(fraction: float) -> np.ndarray:
    """Weights of the WINDOW nodes for a point ``fraction`` of the way across the middle interval.

    A natural cubic spline through equally spaced values is linear in them: interpolating each
    unit vector gives the weight of that node.
    """
    n = WINDOW
    a = np.zeros((n, n))
    a[0, 0] = a[-1, -1] = 1.0
    for i in range(1, n - 1):
        a[i, i - 1 : i + 2] = (1.0, 4.0, 1.0)
    weights = np.zeros(n)
    k, u = n // 2 - 1, fraction  # the interval between nodes k and k + 1
    for j in range(n):
        y = np.zeros(n)
        y[j] = 1.0
        b = np.zeros(n)
        b[1:-1] = 6.0 * (y[2:] - 2.0 * y[1:-1] + y[:-2])
        m = np.linalg.solve(a, b)  # second derivatives, zero at the window's ends
        weights[j] = (
            (1 - u) * y[k] + u * y[k + 1]
            + ((1 - u) ** 3 - (1 - u)) * m[k] / 6.0 + (u**3 - u) * m[k + 1] / 6.0
        )  # fmt: skip
    return weights


def densify(nodes: np.ndarray, margin: int) -> np.ndarray:
    """NGA's window spline at every 1/DENSIFY of a node interval, along rows then columns."""
    half = WINDOW // 2
    inner_rows, inner_cols = nodes.shape[0] - 2 * margin, nodes.shape[1] - 2 * margin
    out_rows, out_cols = (inner_rows - 1) * DENSIFY + 1, (inner_cols - 1) * DENSIFY + 1
    by_col = np.empty((nodes.shape[0], out_cols))
    for oc in range(out_cols):
        node, step = divmod(oc, DENSIFY)
        if step == 0:
            by_col[:, oc] = nodes[:, margin + node]
            continue
        start = margin + node - (half - 1)
        by_col[:, oc] = nodes[:, start : start + WINDOW] @ spline_weights(step / DENSIFY)
    out = np.empty((out_rows, out_cols))
    for orow in range(out_rows):
        node, step = divmod(orow, DENSIFY)
        if step == 0:
            out[orow] = by_col[margin + node]
            continue
        start = margin + node - (half - 1)
        out[orow] = spline_weights(step / DENSIFY) @ by_col[start : start + WINDOW]
    return out


def write_gtx(path: Path, rows_s_to_n: np.ndarray, lon0: float, lat0: float, step: float) -> None:
    nrows, ncols = rows_s_to_n.shape
    header = struct.pack(">4d2i", lat0, lon0, step, step, nrows, ncols)
    path.write_bytes(header + rows_s_to_n.astype(">f4").tobytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path, help="us_nga_egm96_15.tif (PROJ-data's EGM96 grid)")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "resources/geoid/egm96_indonesia_2p5.gtx",
    )
    args = ap.parse_args(argv)
    margin = WINDOW // 2
    nodes, _, _ = crop(args.source, margin)
    dense = densify(nodes.astype(np.float64), margin)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_gtx(args.out, dense[::-1], WEST, SOUTH, STEP / DENSIFY)  # GTX rows run south to north
    block = dense
    rows, cols = block.shape
    print(f"{args.out}: {rows} rows x {cols} cols, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
