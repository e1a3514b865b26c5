"""Backgrounds on the map: each format at the right pixel under the WIUP, opacity, order, errors.

Every check grabs the real map widget and reads the pixel at the screen position of a known
grid coordinate. The packs are made in the test (tests/tilekit.py; GeoTIFFs through rasterio).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import rasterio
from PIL import Image
from pyproj import Transformer
from PySide6.QtCore import QObject, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from rasterio.transform import from_origin

from fieldapp.basemap.source import TileData, TileGrid, TileMatrix
from fieldapp.store import JobStore
from fieldapp.store.backgrounds import load_backgrounds, remove_background
from fieldapp.ui.background_layer import BackgroundSpec
from fieldapp.ui.background_panel import BackgroundPanel, MapBackgrounds
from fieldapp.ui.map_view import MapView
from fieldapp.ui.session import JobSession
from tests import tilekit

RED = (220, 30, 30)
GREY = (120, 120, 120)
BLUE = (30, 60, 200)


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


class GridSource:
    """A background on the job's own grid, 8 m then 2 m pixels: grey, a red square of known place.

    ``delay`` makes every read sleep (a slow disk, a huge pack) to show the GUI never waits.
    """

    kind = "geotiff"

    def __init__(self, path: Path, crs: str, west: float, north: float, square: tuple[float, float],
                 delay: float = 0.0, colour: tuple[int, int, int] = GREY) -> None:  # fmt: skip
        self.path, self.name, self.delay, self.colour = path, path.stem, delay, colour
        self.grid = TileGrid(crs, west, north, (TileMatrix(0, 8.0, 2, 2), TileMatrix(1, 2.0, 8, 8)))
        self.bounds = (west, north - 8 * 512, west + 8 * 512, north)
        self.square = square  # west, north edge of a 40 m red square
        self.reads = 0

    def read_tile(self, zoom: int, col: int, row: int) -> TileData | None:
        self.reads += 1
        if self.delay:
            time.sleep(self.delay)
        px = np.empty((256, 256, 4), np.uint8)
        px[...] = (*self.colour, 255)
        minx, _, _, maxy = self.grid.tile_bounds(zoom, col, row)
        res = self.grid.matrix(zoom).resolution
        c0, r0 = round((self.square[0] - minx) / res), round((maxy - self.square[1]) / res)
        side = round(40 / res)
        rs, cs = slice(max(0, r0), max(0, r0 + side)), slice(max(0, c0), max(0, c0 + side))
        px[rs, cs, :3] = RED
        return TileData(rgba=px)

    def close(self) -> None:
        pass


class Told(QObject):
    """Records the map's messages on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    @Slot(str)
    def record(self, text: str) -> None:
        self.texts.append(text)


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fieldapp.demo_job import create_demo_job
    from fieldapp.ui.demo import ensure_planned

    path = tmp_path_factory.mktemp("bg") / "Demo.fieldapp"
    with create_demo_job(path) as store:
        ensure_planned(store)
    return path


@pytest.fixture
def shown(qtbot, job: Path) -> Iterator[tuple[MapView, JobSession]]:  # type: ignore[no-untyped-def]
    session = JobSession(JobStore.open(job))
    view = MapView()
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.set_layers(session.layers)
    view.show()
    qtbot.waitExposed(view)
    yield view, session
    view.backgrounds.close()
    session.close()


def screen_xy(view: MapView, e: float, n: float) -> tuple[float, float]:
    scene = view.plot.getViewBox().mapViewToScene(QPointF(e, n))
    p = view.plot.mapFromScene(scene)
    return p.x(), p.y()


def rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    c = QColor(image.pixel(int(x), int(y)))
    return c.red(), c.green(), c.blue()


def near(a: tuple[int, int, int], b: tuple[int, int, int], tol: int = 12) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(a, b, strict=True))


def settle(qtbot, view: MapView) -> QImage:  # type: ignore[no-untyped-def]
    """Wait for the tiles of the view, then grab the map as the user sees it."""
    qtbot.waitUntil(view.backgrounds.idle, timeout=5000)
    _pump(0.05)
    return view.grab().toImage()


def red_edge(image: QImage, y: float, x_from: float, x_to: float) -> float | None:
    """The first screen column at row ``y`` (scanning ``x_from`` -> ``x_to``) that is red."""
    for x in range(int(x_from), int(x_to)):
        if near(rgb(image, x, y), RED, 40):
            return float(x)
    return None


def centre_of_wiup(session: JobSession) -> tuple[float, float]:
    es = [b.e for b in session.layers.boundary]
    ns = [b.n for b in session.layers.boundary]
    return (min(es) + max(es)) / 2, (min(ns) + max(ns)) / 2


def zoom_on(view: MapView, e: float, n: float, half: float) -> None:
    view.plot.getViewBox().setRange(xRange=(e - half, e + half), yRange=(n - half, n + half),
                                    padding=0)  # fmt: skip


def check_square_at(qtbot, view: MapView, west: float, north: float) -> None:  # type: ignore[no-untyped-def]
    """The red square's west edge is drawn within one pixel of where its coordinate is."""
    image = settle(qtbot, view)
    sx, sy = screen_xy(view, west + 20.0, north - 20.0)  # the square's middle
    assert near(rgb(image, sx, sy), RED), rgb(image, sx, sy)
    ex, _ = screen_xy(view, west, north - 20.0)
    edge = red_edge(image, sy, ex - 15, ex + 15)
    assert edge is not None and abs(edge - ex) <= 1.0, (edge, ex)
    _, ny = screen_xy(view, west + 20.0, north)
    top = next(y for y in range(int(ny) - 15, int(ny) + 15) if near(rgb(image, sx, y), RED, 40))
    assert abs(top - ny) <= 1.0, (top, ny)


def test_a_source_on_the_job_grid_is_drawn_at_its_place_under_the_wiup(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n = centre_of_wiup(session)
    crs = session.layers.grid.to_pyproj().to_wkt()
    west, north = e - 2000.0, n + 2000.0
    src = GridSource(Path("grid.tif"), crs, west, north, square=(e - 20.0, n + 20.0))
    view.backgrounds._opener = lambda _p: src
    view.set_backgrounds([BackgroundSpec(1, "grid", Path("grid.tif"))])
    zoom_on(view, e, n, 150.0)
    check_square_at(qtbot, view, e - 20.0, n + 20.0)
    # The WIUP stays on top: a point of its line is drawn in the line's colour, not grey.
    b0, b1 = session.layers.boundary[0], session.layers.boundary[1]
    me, mn = (b0.e + b1.e) / 2, (b0.n + b1.n) / 2
    zoom_on(view, me, mn, 150.0)
    image = settle(qtbot, view)
    assert rgb(image, *screen_xy(view, me, mn)) == (0, 0, 0)
    assert near(rgb(image, *screen_xy(view, me + 60, mn + 60)), GREY) or near(
        rgb(image, *screen_xy(view, me - 60, mn - 60)), GREY
    )


def test_a_slow_source_never_blocks_the_gui_thread(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n = centre_of_wiup(session)
    crs = session.layers.grid.to_pyproj().to_wkt()
    src = GridSource(Path("slow.tif"), crs, e - 2000, n + 2000, (e, n), delay=0.5)
    view.backgrounds._opener = lambda _p: src
    zoom_on(view, e, n, 300.0)
    gaps: list[float] = []
    last = time.monotonic()
    view.set_backgrounds([BackgroundSpec(1, "slow", Path("slow.tif"))])
    end = last + 0.7
    while time.monotonic() < end:
        QApplication.processEvents()
        now = time.monotonic()
        gaps.append(now - last)
        last = now
        time.sleep(0.002)
    assert src.reads >= 1  # the workers are reading ...
    assert not view.backgrounds.idle()  # ... still: 0.5 s a tile, several tiles, two threads
    assert max(gaps) < 0.3  # ... and the loop kept turning meanwhile (never a 0.5 s stall)
    qtbot.waitUntil(view.backgrounds.idle, timeout=8000)
    # Zoomed out the coarse level is drawn; zooming in, it stays until the finer tiles come.
    zoom_on(view, e, n, 1500.0)
    settle(qtbot, view)
    coarse = view.backgrounds.shown_count()
    zoom_on(view, e + 1200, n - 1200, 100.0)  # where no 2 m tile was read yet
    _pump(0.2)
    assert not view.backgrounds.idle()  # the 2 m tiles are still on their way ...
    image = view.grab().toImage()
    assert near(rgb(image, *screen_xy(view, e + 1250, n - 1250)), GREY)  # ... never a blank map
    assert view.backgrounds.shown_count() >= coarse
    qtbot.waitUntil(view.backgrounds.idle, timeout=8000)


def as_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    return Image.fromarray(rows[:, : 4 * w].reshape(h, w, 4).copy(), "RGBA")


def lonlat_of(session: JobSession, e: float, n: float) -> tuple[float, float]:
    to_geo = Transformer.from_crs(session.layers.grid.to_pyproj(), "EPSG:4326", always_xy=True)
    lon, lat = to_geo.transform(e, n)
    return lon, lat


def check_block_at(qtbot, view: MapView, e: float, n: float, colour: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    """The block's centre on screen is within one pixel of its coordinate's screen position."""
    image = settle(qtbot, view)
    sx, sy = screen_xy(view, e, n)
    crop = as_pil(image.copy(int(sx) - 40, int(sy) - 40, 80, 80))
    cx, cy, count = tilekit.colour_centroid(crop, colour, tol=20)
    assert count > 100, count
    assert abs(int(sx) - 40 + cx - sx) <= 1.0 and abs(int(sy) - 40 + cy - sy) <= 1.0, (
        cx,
        cy,
        sx,
        sy,
    )


def pack_around(session: JobSession) -> tuple[float, float, tilekit.Block, tuple[float, ...]]:
    e, n = centre_of_wiup(session)
    lon, lat = lonlat_of(session, e, n)
    block = tilekit.Block(lon, lat, (220, 30, 30, 255), half_m=20.0)
    return e, n, block, (lon - 0.004, lat - 0.004, lon + 0.004, lat + 0.004)


def test_an_mbtiles_pack_is_drawn_at_its_place(qtbot, shown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n, block, bounds = pack_around(session)
    pack = tilekit.make_mbtiles(tmp_path / "a.mbtiles", bounds, [15, 16, 17],
                                tilekit.painter(blocks=[block]))  # fmt: skip
    view.set_backgrounds([BackgroundSpec(1, "a", pack)])
    zoom_on(view, e, n, 150.0)
    check_block_at(qtbot, view, e, n, block.colour)


def write_tif(path: Path, crs: str, west: float, north: float, res: float, size: int,
              block: tuple[int, int, int, int]) -> Path:  # fmt: skip
    """A ``size`` px square GeoTIFF, green field, with a 40 x 40 px red square in the middle."""
    img = np.empty((3, size, size), np.uint8)
    img[:] = np.array((90, 120, 60), np.uint8)[:, None, None]
    img[:, block[0] : block[1], block[2] : block[3]] = np.array(RED, np.uint8)[:, None, None]
    with rasterio.open(path, "w", driver="GTiff", count=3, height=size, width=size, dtype="uint8",
                       crs=crs, transform=from_origin(west, north, res, res)) as ds:  # fmt: skip
        ds.write(img)
    return path


def test_a_geotiff_in_utm_is_drawn_at_its_place(qtbot, shown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n = centre_of_wiup(session)
    # 400 px of 1 m in plain WGS 84 / UTM 50S (not the job's SRGI2013 grid): the square's
    # centre is pixel 200, 200 = (e, n).
    tif = write_tif(
        tmp_path / "utm.tif", "EPSG:32750", e - 200, n + 200, 1.0, 400, (180, 220, 180, 220)
    )
    view.set_backgrounds([BackgroundSpec(1, "utm", tif)])
    zoom_on(view, e, n, 150.0)
    check_block_at(qtbot, view, e, n, (*RED, 255))


def test_a_geotiff_in_wgs84_is_drawn_at_its_place(qtbot, shown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n = centre_of_wiup(session)
    lon, lat = lonlat_of(session, e, n)
    d = 1e-5  # ~1.1 m pixels
    tif = write_tif(
        tmp_path / "geo.tif",
        "EPSG:4326",
        lon - 200 * d,
        lat + 200 * d,
        d,
        400,
        (180, 220, 180, 220),
    )
    view.set_backgrounds([BackgroundSpec(1, "geo", tif)])
    zoom_on(view, e, n, 150.0)
    check_block_at(qtbot, view, e, n, (*RED, 255))


@pytest.fixture(scope="module")
def two_packs(
    tmp_path_factory: pytest.TempPathFactory, job: Path
) -> tuple[Path, Path, float, float]:
    """A red and a blue square at the WIUP's centre, in two MBTiles packs (transparent around)."""
    store = JobStore.open(job, read_only=True)
    session = JobSession(store)
    try:
        e, n, block, bounds = pack_around(session)
    finally:
        session.close()
    d = tmp_path_factory.mktemp("packs")
    clear = (0, 0, 0, 0)
    red = tilekit.make_mbtiles(d / "red.mbtiles", bounds, [16, 17],
                               tilekit.painter(clear, [block]), name="Merah")  # fmt: skip
    blue_block = tilekit.Block(block.lon, block.lat, (30, 60, 200, 255), half_m=20.0)
    blue = tilekit.make_mbtiles(d / "blue.mbtiles", bounds, [16, 17],
                                tilekit.painter(clear, [blue_block]), name="Biru")  # fmt: skip
    return red, blue, e, n


def test_opacity_hiding_and_order(qtbot, shown, two_packs) -> None:  # type: ignore[no-untyped-def]
    view, _ = shown
    red, blue, e, n = two_packs
    zoom_on(view, e, n, 150.0)
    at = screen_xy(view, e, n)
    view.set_backgrounds([BackgroundSpec(1, "red", red), BackgroundSpec(2, "blue", blue)])
    assert rgb(settle(qtbot, view), *at) == BLUE  # the later one is on top
    view.set_backgrounds([BackgroundSpec(2, "blue", blue), BackgroundSpec(1, "red", red)])
    assert rgb(settle(qtbot, view), *at) == RED
    view.set_backgrounds(
        [BackgroundSpec(2, "blue", blue), BackgroundSpec(1, "red", red, visible=False)]
    )
    assert rgb(settle(qtbot, view), *at) == BLUE
    view.set_backgrounds([BackgroundSpec(2, "blue", blue, opacity=0.5, visible=True),
                          BackgroundSpec(1, "red", red, visible=False)])  # fmt: skip
    half = rgb(settle(qtbot, view), *at)  # blue half over the white map
    assert near(half, (142, 157, 227), 6), half
    view.set_backgrounds([])
    assert rgb(settle(qtbot, view), *at) == (255, 255, 255)


def test_a_corrupt_pack_and_a_missing_file_are_told_and_the_map_draws_on(
    qtbot, shown, tmp_path: Path, two_packs
) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    red, _, e, n = two_packs
    told = Told()
    view.background_message.connect(told.record)
    corrupt = tmp_path / "rusak.mbtiles"
    corrupt.write_bytes(red.read_bytes()[:3000])  # a copy cut short
    missing = tmp_path / "hilang.mbtiles"
    specs = [BackgroundSpec(1, "rusak", corrupt), BackgroundSpec(2, "hilang", missing),
             BackgroundSpec(3, "red", red)]  # fmt: skip
    view.set_backgrounds(specs)
    view.set_backgrounds(specs)  # told once, not at every redraw
    zoom_on(view, e, n, 150.0)
    image = settle(qtbot, view)
    assert rgb(image, *screen_xy(view, e, n)) == RED  # the good one is drawn
    assert len(told.texts) == 2, told.texts
    assert str(corrupt) in told.texts[0] and str(missing) in told.texts[1]
    b0, b1 = session.layers.boundary[0], session.layers.boundary[1]
    zoom_on(view, (b0.e + b1.e) / 2, (b0.n + b1.n) / 2, 150.0)
    image = settle(qtbot, view)
    assert rgb(image, *screen_xy(view, (b0.e + b1.e) / 2, (b0.n + b1.n) / 2)) == (0, 0, 0)


def test_the_layer_control_changes_the_job_and_the_map(qtbot, tmp_path: Path, two_packs) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.demo_job import create_demo_job

    red, blue, e, n = two_packs
    path = tmp_path / "Kontrol.fieldapp"
    create_demo_job(path).close()
    store = JobStore.open(path)
    for bg in load_backgrounds(store):  # the demo's starter: this test brings its own
        remove_background(store, bg.id)
    session = JobSession(store)
    view = MapView()
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.set_layers(session.layers)
    view.show()
    glue = MapBackgrounds(view, store, view)
    glue.show_panel()
    panel = glue.panel
    assert panel is not None and view.layers_btn.isVisible()
    assert panel.add_file(red, copy=True) and panel.add_file(blue, copy=False)
    kept = load_backgrounds(store)
    assert [b.name for b in kept] == ["Merah", "Biru"] and kept[0].copied and not kept[1].copied
    assert kept[0].path.parent == path / "backgrounds"
    zoom_on(view, e, n, 150.0)
    at = screen_xy(view, e, n)
    assert rgb(settle(qtbot, view), *at) == BLUE  # the list's top is drawn on top
    assert panel.list.item(0).text() == "Biru"
    panel.shift(-1)  # blue goes under red
    assert [b.name for b in load_backgrounds(store)] == ["Biru", "Merah"]
    assert rgb(settle(qtbot, view), *at) == RED
    panel.list.setCurrentRow(0)  # red, now on top
    panel.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not load_backgrounds(store)[1].visible
    assert rgb(settle(qtbot, view), *at) == BLUE
    panel.list.setCurrentRow(1)
    panel.opacity.setValue(40)
    assert load_backgrounds(store)[0].opacity == pytest.approx(0.4)
    panel.remove_current()
    assert [b.name for b in load_backgrounds(store)] == ["Merah"]
    panel.close()
    view.backgrounds.close()
    session.close()
    # Read-only: the same list, nothing can be changed.
    ro = JobStore.open(path, read_only=True)
    panel = BackgroundPanel(ro)
    qtbot.addWidget(panel)
    assert panel.list.count() == 1
    assert not any(w.isEnabled() for w in (panel.add_btn, panel.remove_btn, panel.opacity,
                                            panel.up_btn, panel.down_btn))  # fmt: skip
    assert not panel.list.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    ro.close()


@pytest.mark.parametrize("kind", ["gpkg-utm", "gpkg-3857", "pmtiles"])
def test_geopackage_and_pmtiles_packs_are_drawn_at_their_place(
    qtbot, shown, tmp_path: Path, kind: str
) -> None:  # type: ignore[no-untyped-def]
    view, session = shown
    e, n, block, bounds = pack_around(session)
    paint = tilekit.painter(blocks=[block])
    if kind == "pmtiles":
        pack = tilekit.make_pmtiles(tmp_path / "a.pmtiles", bounds, [16, 17], paint)
    elif kind == "gpkg-3857":
        pack = tilekit.make_gpkg_tiles(tmp_path / "a.gpkg", bounds, "EPSG:3857", (16, 17), paint)
    else:  # on the UTM zone's own grid, 1 m and 0.5 m pixels
        pack = tilekit.make_gpkg_tiles(tmp_path / "a.gpkg", bounds, "EPSG:32750", (1.0, 0.5), paint)
    view.set_backgrounds([BackgroundSpec(1, "a", pack)])
    zoom_on(view, e, n, 150.0)
    check_block_at(qtbot, view, e, n, block.colour)
