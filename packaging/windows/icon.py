"""fieldapp's icon, drawn with Pillow at build time: no image file is committed.

A Tanda Batas pillar (the concrete boundary monument, red cap, a stake-out target above) on a
dark green tile. ``write_ico`` gives the Windows icon (16 to 256 px, each size drawn at its
own scale so the small ones stay sharp); ``write_png`` a single size for other uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
TILE = (22, 92, 70, 255)  # forest green, like the field map's boundary tab
PILLAR = (245, 245, 240, 255)
CAP = (200, 40, 40, 255)
TARGET = (255, 214, 10, 255)
SHADOW = (0, 0, 0, 70)


def draw_icon(size: int) -> Image.Image:
    """The icon at ``size`` px, drawn at 4x and reduced (antialiased edges)."""
    s = size * 4
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, s - 1, s - 1), radius=s // 6, fill=TILE)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s))

    d.ellipse(box(0.22, 0.80, 0.78, 0.92), fill=SHADOW)  # the ground around the pillar
    d.polygon([(0.34 * s, 0.86 * s), (0.66 * s, 0.86 * s), (0.60 * s, 0.34 * s),
               (0.40 * s, 0.34 * s)], fill=PILLAR)  # fmt: skip
    d.rectangle(box(0.37, 0.26, 0.63, 0.36), fill=CAP)
    # A stake-out target over the cap: a ring with a centre dot (not a cross: read as a grave).
    w = max(1, round(0.04 * s))
    d.ellipse(box(0.39, 0.04, 0.61, 0.24), outline=TARGET, width=w)
    d.ellipse(box(0.47, 0.11, 0.53, 0.17), fill=TARGET)
    if size >= 32:  # the brass plate with the marker's number: detail only big sizes show
        d.rectangle(box(0.44, 0.52, 0.56, 0.62), fill=(180, 140, 60, 255))
    return img.resize((size, size), Image.Resampling.LANCZOS)


def write_ico(path: Path) -> Path:
    images = [draw_icon(n) for n in ICO_SIZES]
    path.parent.mkdir(parents=True, exist_ok=True)
    images[-1].save(path, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=images[:-1])  # fmt: skip
    return path


def write_png(path: Path, size: int = 256) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_icon(size).save(path, format="PNG")
    return path


if __name__ == "__main__":
    print(write_ico(Path(sys.argv[1] if len(sys.argv) > 1 else "build/fieldapp.ico")))
