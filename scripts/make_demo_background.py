"""Paint the demo job's starter background: a synthetic, orthophoto-like MBTiles (not imagery).

The scene is invented around the demo WIUP (resources/demo) so that what the demo's marker
descriptions talk about is on the map: a river, the small stream at Tanda Batas 4B, the haul
road 350 m south of Tanda Batas 4, the rubber garden at 4A, Pit Selatan with its benches, a
waste dump, a camp, clearings at the benchmarks, forest everywhere else. It is drawn with
numpy noise and Pillow shapes from a fixed seed, so the same libraries give the same file.
Its name says it is synthetic: the screen must never pass it off as a photograph.

    python scripts/make_demo_background.py [-o resources/backgrounds/demo_citra_contoh.mbtiles]
"""

from __future__ import annotations

import argparse
import io
import math
import sqlite3
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFilter

NAME = "Citra contoh (sintetis, bukan foto udara)"
DESCRIPTION = (
    "Gambar sintetis untuk demo fieldapp, dibuat oleh scripts/make_demo_background.py: "
    "bukan foto udara, bukan citra satelit; bentang alamnya rekaan."
)
SEED = 18
Z = 18  # 0.60 m per pixel at the equator
MIN_ZOOM = 15
ALIGN = 2 ** (Z - MIN_ZOOM)  # the painted area is whole z15 tiles, so every level is full
# The WIUP (resources/demo/titik_batas.csv) and a margin of about 400 m: the finest level.
WEST, EAST, SOUTH, NORTH = 116.9028 - 0.0036, 116.9361 + 0.0036, -0.5459 - 0.0036, -0.5223 + 0.0036
QUALITY = 50
F = np.float32
Arr = npt.NDArray[np.float32]


def tile_xy(lon: float, lat: float, z: int = Z) -> tuple[float, float]:
    n = 2**z
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


class Canvas:
    """The painted area in z18 pixels; lon/lat and metres to pixels."""

    def __init__(self) -> None:
        x0, y0 = tile_xy(WEST, NORTH)
        x1, y1 = tile_xy(EAST, SOUTH)
        self.core = (int(x0), int(y0), int(x1), int(y1))  # z18 tiles kept at the finest level
        self.tx0, self.ty0 = int(x0) // ALIGN * ALIGN, int(y0) // ALIGN * ALIGN
        self.tx1, self.ty1 = (int(x1) // ALIGN + 1) * ALIGN, (int(y1) // ALIGN + 1) * ALIGN
        self.w, self.h = (self.tx1 - self.tx0) * 256, (self.ty1 - self.ty0) * 256
        self.m = 1.0 / (2 * math.pi * 6378137.0 / (256 * 2**Z) * math.cos(math.radians(-0.534)))

    def px(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = tile_xy(lon, lat)
        return (x - self.tx0) * 256, (y - self.ty0) * 256

    def path(self, pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [self.px(lon, lat) for lon, lat in pts]


def control_points() -> list[tuple[float, float]]:
    """Lon/lat of the demo's BM and Titik Bantu (resources/demo/kontrol.csv, UTM 50S)."""
    from pyproj import Transformer

    to_ll = Transformer.from_crs("EPSG:32750", "EPSG:4326", always_xy=True)
    csv = Path(__file__).resolve().parent.parent / "resources/demo/kontrol.csv"
    out = []
    for line in csv.read_text("utf-8").splitlines()[1:]:
        cells = line.split(";")
        out.append(to_ll.transform(float(cells[2]), float(cells[3])))
    return out


def noise(rng: np.random.Generator, c: Canvas, cell: float) -> Arr:
    """Smooth value noise in -1..1 with features about ``cell`` pixels across."""
    gw, gh = int(c.w / cell) + 3, int(c.h / cell) + 3
    grid = Image.fromarray(rng.standard_normal((gh, gw)).astype(F), "F")
    big = grid.resize((int(gw * cell), int(gh * cell)), Image.Resampling.BICUBIC)
    a = np.asarray(big, dtype=F)[: c.h, : c.w]
    return np.clip(a / (np.abs(a).std() * 2.2 + 1e-6), -1, 1)


def mask(c: Canvas, draw: object, blur: float = 0.0) -> Arr:
    img = Image.new("L", (c.w, c.h), 0)
    draw(ImageDraw.Draw(img))  # type: ignore[operator]
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    return np.asarray(img, dtype=F) / 255.0


def meander(
    start: tuple[float, float], end: tuple[float, float], amp: float, waves: float, n: int = 400
) -> list[tuple[float, float]]:
    """A lon/lat polyline winding from ``start`` to ``end`` (amplitude in degrees)."""
    (ax, ay), (bx, by) = start, end
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    out = []
    for i in range(n + 1):
        t = i / n
        off = amp * (math.sin(t * waves * 2 * math.pi) + 0.35 * math.sin(t * waves * 5.3 + 1.0))
        out.append((ax + dx * t + nx * off, ay + dy * t + ny * off))
    return out


def blend(img: Arr, m: Arr, rgb: Arr | tuple[float, float, float]) -> None:
    """img = img * (1 - m) + rgb * m, in place (rgb a colour or an (h, w, 3) array)."""
    colour = np.asarray(rgb, dtype=F)
    for k in range(3):
        ch = colour[..., k] if colour.ndim == 3 else colour[k]
        img[..., k] += m * (ch - img[..., k])


def paint(c: Canvas) -> npt.NDArray[np.uint8]:
    rng = np.random.default_rng(SEED)
    img = np.empty((c.h, c.w, 3), dtype=F)

    # Forest: crowns (8-15 m) lit on their north-east, gaps dark, species in patches.
    crowns = noise(rng, c, 0.9 * 14) * 0.7 + noise(rng, c, 7) * 0.3
    crowns = np.tanh(crowns * 2.2)
    species = noise(rng, c, 60)
    stands = noise(rng, c, 400)
    light = 0.82 + 0.26 * crowns + 0.08 * stands
    base = np.array([52, 78, 40], F)
    yellow = np.array([92, 104, 52], F)
    t = np.clip(species * 0.9 + 0.1, 0, 1)[..., None] * 0.7
    img[:] = base * (1 - t) + yellow * t
    img *= light[..., None]
    del crowns, species, t

    # Rubber garden beside Tanda Batas 4A, east of the boundary: planted rows 7 m apart.
    garden = [(116.9364, -0.5371), (116.9402, -0.5373), (116.9400, -0.5404), (116.9366, -0.5402)]
    g = mask(c, lambda d: d.polygon(c.path(garden), fill=255), 2)
    yy, xx = np.mgrid[0 : c.h, 0 : c.w].astype(F)
    u = xx * 0.97 + yy * 0.24  # rows run a little east of north
    rows = ((1 + np.cos(u * (2 * np.pi / (7 * c.m)))) / 2) ** 1.5
    rows = rows * (0.75 + 0.25 * np.cos(yy * (2 * np.pi / (4 * c.m)))) + 0.2 * noise(rng, c, 5)
    del yy, xx, u
    rubber = np.stack([62 + 40 * rows, 86 + 46 * rows, 44 + 20 * rows], -1)
    blend(img, g * 0.9, rubber)
    del rows, rubber, g

    # Farm clearings (ladang) by the river and around the camp: grass, shrubs, bare patches.
    field_noise = noise(rng, c, 25)
    grass = np.stack(
        [128 + 18 * field_noise, 140 + 14 * field_noise, 78 + 10 * field_noise], -1
    ).astype(F)
    fields = [
        [(116.9000, -0.5262), (116.9052, -0.5256), (116.9060, -0.5290), (116.9010, -0.5300)],
        [(116.9105, -0.5205), (116.9150, -0.5200), (116.9158, -0.5232), (116.9112, -0.5238)],
        [(116.9215, -0.5352), (116.9262, -0.5350), (116.9266, -0.5384), (116.9218, -0.5386)],
        [(116.9376, -0.5238), (116.9398, -0.5236), (116.9398, -0.5268), (116.9380, -0.5270)],
    ]
    bench_marks = control_points()
    wobble = noise(rng, c, 90)

    def clearings(d: ImageDraw.ImageDraw) -> None:
        for poly in fields:
            d.polygon(c.path(poly), fill=255)
        for lon, lat in bench_marks:  # BM and Titik Bantu stand in small clearings
            x, y = c.px(lon, lat)
            r = 14 * c.m
            d.ellipse((x - r, y - r * 0.8, x + r, y + r * 0.8), fill=255)

    open_ = mask(c, clearings, 6)
    open_ = np.clip(open_ * (1 + 0.6 * wobble), 0, 1)
    blend(img, open_, grass)
    soil = np.array([168, 128, 92], F)
    blend(img, open_ * np.clip(field_noise - 0.3, 0, 1) * 1.2, soil)
    del grass

    # Pit Selatan (resources/demo/aktivitas.geojson) with its benches, the dump to its north.
    pit_sdf, ramp = pit_field(c, rng)
    dump = [(116.9222, -0.5393), (116.9300, -0.5390), (116.9305, -0.5412), (116.9228, -0.5414)]
    disturbed = mask(c, lambda d: d.polygon(c.path(dump), fill=255), 10)
    rim = np.clip((pit_sdf + 70 * c.m) / (40 * c.m), 0, 1)  # bare ground 40-70 m round the pit
    disturbed = np.maximum(disturbed, rim * (1 - np.clip(wobble * 0.5, 0, 1)))
    bare = np.stack(
        [196 + 14 * field_noise, 160 + 12 * field_noise, 118 + 10 * field_noise], -1
    ).astype(F)
    blend(img, disturbed, bare)
    regrowth = np.clip(noise(rng, c, 35) - 0.2, 0, 1) * disturbed * (1 - rim) * 0.9
    blend(img, regrowth, (104, 132, 64))
    del bare, regrowth, rim, disturbed
    pit_paint(c, img, pit_sdf, ramp, field_noise)
    del pit_sdf

    # River (muddy, Kalimantan brown) across the north-west, the stream at 4B in the south-east.
    river = meander((116.8950, -0.5345), (116.9330, -0.5150), 0.0012, 2.4)
    creek = meander((116.9270, -0.5495), (116.9362, -0.5421), 0.0004, 1.5)
    creek += meander((116.9362, -0.5421), (116.9480, -0.5380), 0.0003, 1.2)[1:]
    banks = mask(c, lambda d: d.line(c.path(river), fill=255, width=int(75 * c.m)), 8)
    blend(img, banks * 0.7, (98, 120, 62))  # riparian scrub and bamboo
    water = mask(c, lambda d: d.line(c.path(river), fill=255, width=int(44 * c.m)), 2.5)
    brown = np.stack([118 + 8 * wobble, 100 + 6 * wobble, 68 + 4 * wobble], -1).astype(F)
    blend(img, water, brown)
    del banks, water, brown
    stream = mask(c, lambda d: d.line(c.path(creek), fill=255, width=int(6 * c.m)), 1.5)
    seen = np.clip(0.7 + 0.6 * noise(rng, c, 30), 0, 1)  # the canopy closes over it in places
    blend(img, stream * seen, (96, 84, 58))
    del stream, seen

    # Haul road (laterite, 20 m with verges) from the pit ramp across the boundary 350 m
    # south of Tanda Batas 4; a dirt road from the camp to the river landing.
    haul = [(116.9316, -0.5417), (116.9326, -0.5396), (116.9338, -0.5383), (116.9350, -0.5370),
            (116.9361, -0.5366), (116.9400, -0.5358), (116.9450, -0.5348)]  # fmt: skip
    branch = [(116.9338, -0.5383), (116.9300, -0.5375), (116.9265, -0.5368), (116.9240, -0.5366)]
    track = [(116.9240, -0.5366), (116.9180, -0.5340), (116.9120, -0.5300), (116.9070, -0.5275),
             (116.9030, -0.5272)]  # fmt: skip
    dump_road = [(116.9300, -0.5375), (116.9280, -0.5395)]
    verge = mask(
        c,
        lambda d: [
            d.line(c.path(p), fill=255, width=int(w * c.m), joint="curve")
            for p, w in ((haul, 34), (branch, 26), (track, 12), (dump_road, 26))
        ],
        4,
    )
    blend(img, verge * 0.8, (150, 146, 90))
    road = mask(
        c,
        lambda d: [
            d.line(c.path(p), fill=255, width=int(w * c.m), joint="curve")
            for p, w in ((haul, 20), (branch, 14), (track, 5), (dump_road, 14))
        ],
        1.2,
    )
    laterite = np.stack(
        [200 + 10 * field_noise, 146 + 8 * field_noise, 100 + 6 * field_noise], -1
    ).astype(F)
    blend(img, road, laterite)
    ruts = np.clip(noise(rng, c, 4) - 0.4, 0, 1) * road * 0.5
    blend(img, ruts, (150, 104, 70))
    del verge, road, laterite, ruts

    # Camp: a yard and roofs (zinc, rusty zinc, blue tarp, white).
    yard = [(116.9232, -0.5358), (116.9250, -0.5357), (116.9251, -0.5372), (116.9233, -0.5373)]
    blend(img, mask(c, lambda d: d.polygon(c.path(yard), fill=255), 2), (184, 160, 126))
    roofs = [
        ((116.92345, -0.53600), 22, 9, (176, 180, 184)),
        ((116.92345, -0.53625), 22, 9, (150, 96, 70)),
        ((116.92390, -0.53595), 12, 8, (60, 96, 168)),
        ((116.92420, -0.53650), 30, 12, (208, 210, 206)),
        ((116.92460, -0.53600), 14, 10, (150, 96, 70)),
        ((116.92470, -0.53690), 18, 8, (176, 180, 184)),
    ]
    for (lon, lat), wm, hm, colour in roofs:
        x, y = c.px(lon, lat)
        box = (x, y, x + wm * c.m, y + hm * c.m)
        shadow = (x + 2 * c.m, y + 2 * c.m, box[2] + 2 * c.m, box[3] + 2 * c.m)
        blend(img, mask(c, lambda d, s=shadow: d.rectangle(s, fill=255)) * 0.5, (40, 40, 36))
        blend(img, mask(c, lambda d, b=box: d.rectangle(b, fill=255)), colour)

    # A touch of haze (no per-pixel grain: JPEG would spend the file on it).
    img = img * 0.94 + np.array([10, 12, 14], F)
    return np.clip(img, 0, 255).astype(np.uint8)


def pit_field(c: Canvas, rng: np.random.Generator) -> tuple[Arr, Arr]:
    """Signed distance into the pit (pixels, > 0 inside) and the ramp's mask."""
    x0, y0 = c.px(116.925035, -0.541764)
    x1, y1 = c.px(116.931979, -0.544542)
    inset = 12 * c.m
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - inset, (y1 - y0) / 2 - inset
    r = min(hx, hy) * 0.8
    yy, xx = np.mgrid[0 : c.h, 0 : c.w].astype(F)
    qx, qy = np.abs(xx - cx) - (hx - r), np.abs(yy - cy) - (hy - r)
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
    inside = np.minimum(np.maximum(qx, qy), 0)
    sdf = -(outside + inside - r) + noise(rng, c, 80) * 10 * c.m
    # The ramp: from the north-east rim down and along the north wall to the floor.
    t = np.clip((xx - (x1 - 60 * c.m)) / (-(x1 - x0) * 0.7), 0, 1)
    ramp_y = y0 + (12 + 80 * t) * c.m
    ramp = ((np.abs(yy - ramp_y) < 7 * c.m) & (xx < x1 + 20 * c.m) & (t < 1)).astype(F)
    return sdf.astype(F), ramp * (sdf > -25 * c.m)


def pit_paint(c: Canvas, img: Arr, sdf: Arr, ramp: Arr, grain: Arr) -> None:
    """Benches 18 m apart (a lit or shaded face, then a flat bench), seams, a pit lake."""
    ys, xs = np.nonzero(sdf > -2 * c.m)
    y0, y1, x0, x1 = ys.min() - 4, ys.max() + 5, xs.min() - 4, xs.max() + 5
    d = sdf[y0:y1, x0:x1]
    gy, gx = np.gradient(d)
    norm = np.hypot(gx, gy) + 1e-6
    # Walls slope down inward: a face looks away from the centre, lit when that is north-east.
    sun = (gx * -0.6 + gy * 0.8) / norm
    period = 18 * c.m
    level = np.floor(d / period)
    frac = d / period - level
    face = frac < 0.55
    shade = np.where(face, 0.86 + 0.28 * sun, 1.04)
    depth = np.clip(level / 9, 0, 1)
    col = np.stack(
        [
            (190 - 60 * depth + 8 * grain[y0:y1, x0:x1]) * shade,
            (170 - 62 * depth + 7 * grain[y0:y1, x0:x1]) * shade,
            (140 - 60 * depth + 6 * grain[y0:y1, x0:x1]) * shade,
        ],
        -1,
    )
    seam = face & np.isin(level, (3, 5, 6)) & (frac > 0.18) & (frac < 0.42)
    col[seam] = np.array([34, 33, 32], F) * shade[seam][:, None]
    floor = d > period * 7.2
    col[floor] = np.array([48, 46, 42], F)
    lake = d > period * 7.6
    col[lake] = np.array([78, 116, 108], F)
    inside = np.clip((d + 2 * c.m) / (3 * c.m), 0, 1)
    on_ramp = ramp[y0:y1, x0:x1] * (1 - lake)
    region = img[y0:y1, x0:x1]
    blend(region, inside, col)
    blend(region, on_ramp, (186, 150, 112))


def write_mbtiles(c: Canvas, rgb: npt.NDArray[np.uint8], out: Path) -> tuple[int, int]:
    """z18 and z17 tiles over the WIUP and its margin; z16 and z15 over the whole painting."""
    out.unlink(missing_ok=True)
    con = sqlite3.connect(out)
    con.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB);"
        "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
    )
    meta = {
        "name": NAME,
        "description": DESCRIPTION,
        "attribution": "Sintetis (fieldapp demo), bukan citra",
        "type": "baselayer",
        "version": "1",
        "format": "jpg",
        "minzoom": str(MIN_ZOOM),
        "maxzoom": str(Z),
        "bounds": f"{WEST:.6f},{SOUTH:.6f},{EAST:.6f},{NORTH:.6f}",
        "center": f"{(WEST + EAST) / 2:.6f},{(SOUTH + NORTH) / 2:.6f},16",
    }
    con.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(meta.items()))
    level = Image.fromarray(rgb, "RGB")
    count = 0
    for z in range(Z, MIN_ZOOM - 1, -1):
        shrink = 2 ** (Z - z)
        tx0, ty0 = c.tx0 // shrink, c.ty0 // shrink
        cols, rows = level.width // 256, level.height // 256
        for j in range(rows):
            for i in range(cols):
                x, y = tx0 + i, ty0 + j
                # The two finest levels only over the WIUP and its margin (the file's size).
                k = 2 ** (Z - z)
                core = (c.core[0] // k, c.core[1] // k, c.core[2] // k, c.core[3] // k)
                if z >= Z - 1 and not (core[0] <= x <= core[2] and core[1] <= y <= core[3]):
                    continue
                buf = io.BytesIO()
                tile = level.crop((i * 256, j * 256, (i + 1) * 256, (j + 1) * 256))
                tile.save(buf, "JPEG", quality=QUALITY, optimize=True)
                con.execute(
                    "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    (z, x, 2**z - 1 - y, buf.getvalue()),
                )
                count += 1
        level = level.reduce(2)
    con.commit()
    con.execute("VACUUM")
    con.close()
    return count, out.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent
    ap.add_argument(
        "-o",
        "--output",
        type=Path,
        default=here / "resources/backgrounds/demo_citra_contoh.mbtiles",
    )
    ap.add_argument("--mosaic", type=Path, help="also save the z18 painting here (PNG/JPEG)")
    args = ap.parse_args()
    c = Canvas()
    rgb = paint(c)
    if args.mosaic:
        Image.fromarray(rgb, "RGB").save(args.mosaic)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    count, size = write_mbtiles(c, rgb, args.output)
    print(f"{args.output}: {count} tiles, {size / 1e6:.1f} MB, zoom {MIN_ZOOM}..{Z}")


if __name__ == "__main__":
    main()
