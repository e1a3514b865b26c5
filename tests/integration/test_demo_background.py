"""The demo job's starter background: bundled, copied into the job, honest, over the WIUP."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from fieldapp.basemap.source import open_background
from fieldapp.demo_job import DEMO_BACKGROUND, create_demo_job
from fieldapp.resources import resource_path
from fieldapp.store import records as rec
from fieldapp.store.backgrounds import load_backgrounds

EARTH = 6378137.0


def test_the_demo_job_carries_its_synthetic_background(tmp_path: Path) -> None:
    bundled = resource_path(*DEMO_BACKGROUND)
    assert bundled.stat().st_size < 8_000_000  # a few MB: it ships with every install
    with create_demo_job(tmp_path / "demo.fieldapp") as store:
        (bg,) = load_backgrounds(store)
        boundary = rec.load_boundary_points(store.db)
    assert bg.copied and not bg.missing and bg.path.read_bytes() == bundled.read_bytes()
    assert bg.path.is_relative_to(tmp_path / "demo.fieldapp" / "backgrounds")
    # Never passed off as imagery: the name on screen says it is synthetic.
    assert bg.name == "Citra contoh (sintetis, bukan foto udara)" and bg.kind == "mbtiles"

    source = open_background(bg.path)
    try:
        finest = source.grid.matrices[-1]
        assert finest.zoom == 18 and 0.3 < finest.resolution < 1.0  # metres (at the equator)
        w, s, e, n = source.bounds
        for p in boundary:
            # Every corner of the WIUP lies inside, with a JPEG tile at the finest level.
            x, y = source_xy(p.lon, p.lat)
            assert w < x < e and s < y < n, p.name
            col = int((x - source.grid.origin_x) / (256 * finest.resolution))
            row = int((source.grid.origin_y - y) / (256 * finest.resolution))
            tile = source.read_tile(18, col, row)
            assert tile is not None and tile.encoded is not None, p.name
            assert Image.open(io.BytesIO(tile.encoded)).format == "JPEG"
    finally:
        source.close()


def source_xy(lon: float, lat: float) -> tuple[float, float]:
    import math

    return (
        EARTH * math.radians(lon),
        EARTH * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)),
    )
