"""GeoTIFF/COG backgrounds made here with rasterio, read back as tiles: known colours in place."""

from __future__ import annotations

import subprocess
import sys
import threading
import warnings
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
import rasterio
import rasterio.shutil
from pyproj import CRS
from rasterio.control import GroundControlPoint
from rasterio.enums import Resampling
from rasterio.transform import Affine, from_origin

from fieldapp.basemap.compose import render_background
from fieldapp.basemap.geotiff import GeoTiffSource, open_geotiff
from fieldapp.basemap.placement import _pair
from fieldapp.basemap.source import BackgroundError, open_background
from fieldapp.survey.crs import parse_crs
from tests.tilekit import colour_centroid, view_pixel

ROOT = Path(__file__).resolve().parents[3]
UTM50S = parse_crs("SRGI2013/UTM50S").to_pyproj()  # the job grid
GROUND = (90, 120, 60)  # the field around the block
BLOCK = (200, 30, 40)  # the known colour
# UTM 50S: 1000 x 800 px of 0.5 m from (500000, 9940000); the block is pixels 400..409 x 300..309.
UTM_ORIGIN, UTM_RES = (500000.0, 9940000.0), 0.5
# WGS84: 600 x 500 px of 1e-5 deg near Loa Kulu; the block is pixels 250..259 x 120..129.
GEO_ORIGIN, GEO_RES = (116.9, -0.52), 1e-5


def write_tif(path: Path, bands: np.ndarray, **profile: object) -> Path:
    prof: dict[str, object] = {
        "driver": "GTiff",
        "count": bands.shape[0],
        "height": bands.shape[1],
        "width": bands.shape[2],
        "dtype": bands.dtype,
    }
    prof.update(profile)
    with warnings.catch_warnings():  # the ungeoreferenced ones are made on purpose
        warnings.simplefilter("ignore", rasterio.errors.NotGeoreferencedWarning)
        with rasterio.open(path, "w", **prof) as ds:
            ds.write(bands)
    return path


def field_with_block(height: int, width: int, rows: slice, cols: slice) -> np.ndarray:
    img = np.empty((3, height, width), dtype=np.uint8)
    img[:] = np.array(GROUND, dtype=np.uint8)[:, None, None]
    img[:, rows, cols] = np.array(BLOCK, dtype=np.uint8)[:, None, None]
    return img


@pytest.fixture(scope="module")
def tifs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("geotiff")
    out = {
        "utm": write_tif(
            d / "utm50s.tif",
            field_with_block(800, 1000, slice(300, 310), slice(400, 410)),
            crs="EPSG:32750",
            transform=from_origin(*UTM_ORIGIN, UTM_RES, UTM_RES),
        ),
        "wgs84": write_tif(
            d / "wgs84.tif",
            field_with_block(500, 600, slice(120, 130), slice(250, 260)),
            crs="EPSG:4326",
            transform=from_origin(*GEO_ORIGIN, GEO_RES, GEO_RES),
        ),
    }
    return out


def colour_at(source: GeoTiffSource, zoom: int, x: float, y: float) -> tuple[int, ...]:
    """The RGBA of the tile pixel holding (x, y) in the source's CRS, at ``zoom``."""
    grid = source.grid
    m = grid.matrix(zoom)
    px = (x - grid.origin_x) / m.resolution
    py = (grid.origin_y - y) / m.pixel_height
    col, row = int(px // m.tile_width), int(py // m.tile_height)
    tile = source.read_tile(zoom, col, row)
    assert tile is not None and tile.rgba is not None
    assert tile.rgba.shape == (256, 256, 4) and tile.rgba.dtype == np.uint8
    return tuple(int(v) for v in tile.rgba[int(py) % 256, int(px) % 256])


def test_utm_geotiff_puts_the_block_at_its_coordinate(tifs: dict[str, Path]) -> None:
    src = open_geotiff(tifs["utm"])
    try:
        assert src.kind == "geotiff" and src.name == "utm50s"
        assert src.grid.crs == "EPSG:32750"
        assert (src.grid.origin_x, src.grid.origin_y) == UTM_ORIGIN
        assert src.bounds == (500000.0, 9939600.0, 500500.0, 9940000.0)
        finest = src.grid.matrices[-1]
        assert finest.resolution == UTM_RES and (finest.matrix_width, finest.matrix_height) == (
            4,
            4,
        )
        coarsest = src.grid.matrices[0]
        assert coarsest.zoom == 0 and (coarsest.matrix_width, coarsest.matrix_height) == (1, 1)
        # The block's centre (pixel 405, 305) and the field 10 m away.
        e, n = UTM_ORIGIN[0] + 405 * UTM_RES, UTM_ORIGIN[1] - 305 * UTM_RES
        for zoom in (finest.zoom, finest.zoom - 1):
            assert colour_at(src, zoom, e, n) == (*BLOCK, 255)
            assert colour_at(src, zoom, e + 10, n) == (*GROUND, 255)
        # Outside the raster: no tile; a tile over the edge is transparent beyond it.
        assert src.read_tile(finest.zoom, 3, 4) is None
        edge = src.read_tile(finest.zoom, 3, 3)
        assert edge is not None and edge.rgba is not None
        # Rows 768..799 of the raster are the first 32 rows of tile row 3; cols 768..999 are 232.
        assert (
            edge.rgba[31, 231, 3] == 255 and edge.rgba[32, 0, 3] == 0 and edge.rgba[0, 232, 3] == 0
        )
    finally:
        src.close()


def test_wgs84_geotiff_puts_the_block_at_its_coordinate(tifs: dict[str, Path]) -> None:
    src = open_background(tifs["wgs84"])
    try:
        assert isinstance(src, GeoTiffSource) and src.grid.crs == "EPSG:4326"
        # The origin is (lon, lat): x is the longitude whatever EPSG's axis order says.
        assert src.grid.origin_x == pytest.approx(116.9) and src.grid.origin_y == pytest.approx(
            -0.52
        )
        lon, lat = GEO_ORIGIN[0] + 255 * GEO_RES, GEO_ORIGIN[1] - 125 * GEO_RES
        finest = src.grid.matrices[-1].zoom
        assert colour_at(src, finest, lon, lat) == (*BLOCK, 255)
        assert colour_at(src, finest, lon + 10 * GEO_RES, lat) == (*GROUND, 255)
        assert colour_at(src, 0, lon, lat)[:3] in (BLOCK, GROUND)  # decimated 4x: a 10-px block
    finally:
        src.close()


def test_non_square_pixels_keep_their_own_height(tmp_path: Path) -> None:
    # 1e-5 deg across, 0.8e-5 deg down: the finest level matches the raster pixel for pixel.
    path = write_tif(
        tmp_path / "nonsquare.tif",
        field_with_block(300, 200, slice(100, 104), slice(50, 54)),
        crs="EPSG:4326",
        transform=from_origin(*GEO_ORIGIN, 1e-5, 0.8e-5),
    )
    with closing(open_geotiff(path)) as src:
        m = src.grid.matrices[-1]
        assert (m.resolution, m.pixel_height) == (1e-5, 0.8e-5)
        lon, lat = GEO_ORIGIN[0] + 52 * 1e-5, GEO_ORIGIN[1] - 102 * 0.8e-5
        assert colour_at(src, m.zoom, lon, lat) == (*BLOCK, 255)
        assert colour_at(src, m.zoom, lon, lat - 4 * 0.8e-5) == (*GROUND, 255)


@pytest.mark.parametrize("which", ["utm", "wgs84"])
@pytest.mark.parametrize("metres_per_pixel", [0.5, 1.5])
def test_rendered_on_the_utm50s_job_grid_the_block_lands_at_its_coordinate(
    tifs: dict[str, Path], which: str, metres_per_pixel: float
) -> None:
    centre = (
        (UTM_ORIGIN[0] + 405 * UTM_RES, UTM_ORIGIN[1] - 305 * UTM_RES)
        if which == "utm"
        else (GEO_ORIGIN[0] + 255 * GEO_RES, GEO_ORIGIN[1] - 125 * GEO_RES)
    )
    size = 240
    with closing(open_background(tifs[which])) as src:
        tr, way = _pair(src.grid.crs, UTM50S)
        x, y = (float(v) for v in tr.transform(*centre, direction=way))
        half = metres_per_pixel * size / 2
        # Off-centre on purpose: a half-pixel slip would not cancel out.
        view = (x - half * 1.13, y - half * 0.91, x + half * 0.87, y + half * 1.09)
        errors: list[str] = []
        img = render_background([(src, 1.0)], UTM50S, view, size, size, errors)
    assert errors == []
    cx, cy, count = colour_centroid(img, BLOCK)
    assert count > 0, "the block is not drawn"
    ex, ey = view_pixel(view, size, size, x, y)
    assert abs(cx - ex) <= 1.0 and abs(cy - ey) <= 1.0, ((cx, cy), (ex, ey))
    # The field around it is drawn too, opaque.
    gx, gy = view_pixel(view, size, size, x + 15 * metres_per_pixel, y)
    assert tuple(np.asarray(img)[int(gy), int(gx)]) == (*GROUND, 255)


def test_overviews_serve_the_coarse_levels(tmp_path: Path) -> None:
    # Overviews built, then the full resolution repainted: a coarse tile still showing the old
    # colour proves the read went to the overview (out_shape), the finest level shows the new.
    path = write_tif(
        tmp_path / "ovr.tif",
        field_with_block(1024, 1024, slice(0, 0), slice(0, 0)),
        crs="EPSG:32750",
        transform=from_origin(*UTM_ORIGIN, 1.0, 1.0),
        tiled=True,
        blockxsize=256,
        blockysize=256,
    )
    with rasterio.open(path, "r+") as ds:
        ds.build_overviews([2, 4], Resampling.average)
        ds.write(np.broadcast_to(np.array(BLOCK, np.uint8)[:, None, None], (3, 1024, 1024)))
    src = open_geotiff(path)
    try:
        assert [m.zoom for m in src.grid.matrices] == [0, 1, 2]
        assert colour_at(src, 2, UTM_ORIGIN[0] + 500, UTM_ORIGIN[1] - 500) == (*BLOCK, 255)
        assert colour_at(src, 0, UTM_ORIGIN[0] + 500, UTM_ORIGIN[1] - 500) == (*GROUND, 255)
    finally:
        src.close()


def test_cloud_optimized_geotiff(tmp_path: Path) -> None:
    plain = write_tif(
        tmp_path / "plain.tif",
        field_with_block(1200, 1200, slice(600, 620), slice(300, 320)),
        crs="EPSG:32750",
        transform=from_origin(*UTM_ORIGIN, 0.25, 0.25),
    )
    cog = tmp_path / "ortho_cog.tif"
    rasterio.shutil.copy(plain, cog, driver="COG", blocksize=256, overview_resampling="nearest")
    with rasterio.open(cog) as ds:
        assert ds.overviews(1) and ds.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    src = open_background(cog)
    try:
        e, n = UTM_ORIGIN[0] + 310 * 0.25, UTM_ORIGIN[1] - 610 * 0.25
        for m in src.grid.matrices[-2:]:
            assert colour_at(src, m.zoom, e, n) == (*BLOCK, 255)
    finally:
        src.close()


def test_nodata_is_transparent(tmp_path: Path) -> None:
    grey = np.full((1, 300, 300), 150, dtype=np.uint8)
    grey[0, :, :100] = 0  # the strip an orthophoto leaves outside its flight
    grey = write_tif(
        tmp_path / "grey.tif", grey, crs="EPSG:32750", nodata=0,
        transform=from_origin(*UTM_ORIGIN, 1.0, 1.0),
    )  # fmt: skip
    # An RGB orthophoto with a mask band instead (what photogrammetry software often writes).
    masked = write_tif(
        tmp_path / "masked.tif",
        field_with_block(300, 300, slice(0, 0), slice(0, 0)),
        crs="EPSG:32750",
        transform=from_origin(*UTM_ORIGIN, 1.0, 1.0),
    )
    with rasterio.open(masked, "r+") as ds:
        ds.write_mask(np.where(np.arange(300)[None, :] < 100, 0, 255).repeat(300, 0))
    for path in (grey, masked):
        with closing(open_geotiff(path)) as src:
            valid = (150, 150, 150, 255) if path == grey else (*GROUND, 255)
            assert colour_at(src, 1, UTM_ORIGIN[0] + 50, UTM_ORIGIN[1] - 50)[3] == 0
            assert colour_at(src, 1, UTM_ORIGIN[0] + 200, UTM_ORIGIN[1] - 50) == valid
            assert colour_at(src, 0, UTM_ORIGIN[0] + 50, UTM_ORIGIN[1] - 250)[3] == 0


def test_palette_and_rgba_and_sixteen_bit(tmp_path: Path) -> None:
    t = from_origin(*UTM_ORIGIN, 1.0, 1.0)
    classes = np.ones((1, 200, 200), dtype=np.uint8)
    classes[0, 100:] = 2
    pal = write_tif(tmp_path / "pal.tif", classes, crs="EPSG:32750", transform=t)
    with rasterio.open(pal, "r+") as ds:
        ds.write_colormap(1, {1: (0, 128, 0, 255), 2: (0, 0, 255, 255)})
    rgba = np.zeros((4, 200, 200), dtype=np.uint8)
    rgba[:3], rgba[3, :, 100:] = 77, 128
    four = write_tif(tmp_path / "rgba.tif", rgba, crs="EPSG:32750", transform=t, photometric="RGB")
    with rasterio.open(four, "r+") as ds:
        ds.colorinterp = [ds.colorinterp[0], *ds.colorinterp[1:3], rasterio.enums.ColorInterp.alpha]
    # 16-bit: half the raster at 1000, half at 3000; the 2-98 % stretch maps them to 0 and 255.
    deep = np.full((3, 200, 200), 1000, dtype=np.uint16)
    deep[:, :, 100:] = 3000
    wide = write_tif(tmp_path / "u16.tif", deep, crs="EPSG:32750", transform=t)
    x0, y0 = UTM_ORIGIN
    with closing(open_geotiff(pal)) as src:
        assert colour_at(src, 0, x0 + 50, y0 - 50) == (0, 128, 0, 255)
        assert colour_at(src, 0, x0 + 50, y0 - 150) == (0, 0, 255, 255)
    with closing(open_geotiff(four)) as src:
        assert colour_at(src, 0, x0 + 50, y0 - 50) == (77, 77, 77, 0)
        assert colour_at(src, 0, x0 + 150, y0 - 50) == (77, 77, 77, 128)
    with closing(open_geotiff(wide)) as src:
        assert src.colouring.stretch == (1000.0, 3000.0)
        assert colour_at(src, 0, x0 + 50, y0 - 50) == (0, 0, 0, 255)
        assert colour_at(src, 0, x0 + 150, y0 - 50) == (255, 255, 255, 255)


def test_reading_from_many_threads_gives_the_same_tiles(tifs: dict[str, Path]) -> None:
    src = open_geotiff(tifs["utm"])
    tiles = [
        (m.zoom, c, r)
        for m in src.grid.matrices
        for c in range(m.matrix_width)
        for r in range(m.matrix_height)
    ]
    expected = {t: src.read_tile(*t) for t in tiles}
    results: dict[tuple[int, int, int, int], bytes | None] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for _ in range(2):
                for t in tiles:
                    got = src.read_tile(*t)
                    results[(k, *t)] = (
                        None if got is None or got.rgba is None else got.rgba.tobytes()
                    )
        except BaseException as exc:  # a thread's failure must reach the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    src.close()
    assert src.read_tile(*tiles[0]) is None  # a worker late after the layer went: nothing
    assert errors == []
    for (_, *t), got in results.items():
        want = expected[tuple(t)]  # type: ignore[index]
        assert got == (None if want is None or want.rgba is None else want.rgba.tobytes())


def _refusal(path: Path) -> str:
    with pytest.raises(BackgroundError) as info:
        open_background(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message and "Traceback" not in message
    return message


def test_refusals_name_the_file_and_what_was_expected(
    tmp_path: Path, tifs: dict[str, Path]
) -> None:
    img = field_with_block(64, 64, slice(0, 0), slice(0, 0))
    t = from_origin(*UTM_ORIGIN, 1.0, 1.0)
    expected = "expected a GeoTIFF with a CRS and a geotransform (or a .tfw/.prj beside it)"
    plain = write_tif(tmp_path / "plain.tif", img)
    assert "no CRS" in _refusal(plain) and expected in _refusal(plain)
    no_transform = write_tif(tmp_path / "crs_only.tif", img, crs="EPSG:32750")
    assert "no geotransform" in _refusal(no_transform)
    gcps = [GroundControlPoint(0, 0, 500000, 9940000), GroundControlPoint(63, 63, 500063, 9939937),
            GroundControlPoint(0, 63, 500000, 9939937)]  # fmt: skip
    gcp = write_tif(tmp_path / "gcp.tif", img, gcps=gcps, crs="EPSG:32750")
    assert "control points only" in _refusal(gcp)
    rotated = write_tif(tmp_path / "rot.tif", img, crs="EPSG:32750",
                        transform=Affine(1.0, 0.2, 500000, 0.2, -1.0, 9940000))  # fmt: skip
    assert "rotated or sheared" in _refusal(rotated)
    eng = ('ENGCRS["Pit grid",EDATUM["Pit datum"],CS[Cartesian,2],'
           'AXIS["easting (X)",east,LENGTHUNIT["metre",1]],'
           'AXIS["northing (Y)",north,LENGTHUNIT["metre",1]]]')  # fmt: skip
    local = write_tif(tmp_path / "local.tif", img, crs=rasterio.crs.CRS.from_wkt(eng), transform=t)
    assert "local/engineering CRS" in _refusal(local)
    data = tifs["utm"].read_bytes()
    truncated = tmp_path / "truncated.tif"
    truncated.write_bytes(data[: len(data) // 2])
    assert "truncated or corrupt" in _refusal(truncated)
    garbage = tmp_path / "garbage.tif"
    garbage.write_bytes(b"II*\x00\x08\x00\x00\x00" + b"\xff" * 64)
    assert "not a GeoTIFF image GDAL can read" in _refusal(garbage)


def test_a_world_file_and_prj_beside_a_plain_tiff_place_it(tmp_path: Path) -> None:
    plain = write_tif(tmp_path / "scan.tif", field_with_block(64, 64, slice(10, 12), slice(20, 22)))
    # A world file gives the centre of the top-left pixel.
    plain.with_suffix(".tfw").write_text("1\n0\n0\n-1\n500000.5\n9939999.5\n")
    plain.with_suffix(".prj").write_text(CRS.from_epsg(32750).to_wkt("WKT1_ESRI"))
    with closing(open_geotiff(plain)) as src:
        assert src.grid.crs == "EPSG:32750" and src.bounds == (500000, 9939936, 500064, 9940000)
        assert colour_at(src, 0, 500020.5, 9939989.5) == (*BLOCK, 255)


def test_importing_the_module_does_not_import_rasterio() -> None:
    # rasterio and GDAL take ~0.2 s to import: only a GeoTIFF background may cost that.
    probe = "import sys, fieldapp.basemap.geotiff; print('rasterio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip() == "False", out.stderr


def test_a_corrupt_block_is_one_line_and_the_rest_still_draws(tmp_path: Path) -> None:
    path = write_tif(
        tmp_path / "damaged.tif",
        field_with_block(512, 512, slice(0, 0), slice(0, 0)),
        crs="EPSG:32750",
        transform=from_origin(*UTM_ORIGIN, 1.0, 1.0),
        tiled=True,
        blockxsize=256,
        blockysize=256,
        compress="deflate",
    )
    with rasterio.open(path) as ds:  # the top-right block: not one the open probes
        offset = int(ds.get_tag_item("BLOCK_OFFSET_1_0", "TIFF", bidx=1))
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(b"\xde\xad\xbe\xef" * 8)
    with closing(open_geotiff(path)) as src:
        with pytest.raises(BackgroundError) as info:
            src.read_tile(1, 1, 0)
        assert str(info.value).startswith(f"{path}: tile 1/1/0 cannot be read")
        assert "\n" not in str(info.value)
        assert src.read_tile(1, 0, 0) is not None
        errors: list[str] = []
        x0, y0 = UTM_ORIGIN
        view = (x0, y0 - 512, x0 + 512, y0)  # UTM 50S on WGS84 and on SRGI2013: metres apart
        img = render_background([(src, 1.0)], UTM50S, view, 512, 512, errors)
    # (At a coarser zoom the whole raster is one tile, and a file without overviews loses it.)
    assert len(errors) == 1 and "tile 1/1/0" in errors[0]
    assert tuple(np.asarray(img)[384, 128]) == (*GROUND, 255)  # the bottom-left block drew
    assert np.asarray(img)[128, 384, 3] == 0  # the damaged one is left out


def test_the_cli_refuses_an_ungeoreferenced_tiff_and_adds_a_utm_one(
    tmp_path: Path, tifs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.cli import main

    job = tmp_path / "uji.fieldapp"
    assert main(["job", "create", str(job), "--name", "WIUP Uji"]) == 0
    plain = write_tif(tmp_path / "scan.tif", field_with_block(32, 32, slice(0, 0), slice(0, 0)))
    capsys.readouterr()
    assert main(["job", "background", "add", str(job), str(plain)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{plain}: not georeferenced (no CRS)" in err
    assert "the job is unchanged" in err and not (job / "backgrounds").exists()
    assert main(["job", "background", "add", str(job), str(tifs["utm"])]) == 0
    out = capsys.readouterr().out
    assert "(geotiff, copied into the job" in out and "finest pixel 0.50 m" in out
    assert "bounds: lon 117.000000 .. 117.004" in out
