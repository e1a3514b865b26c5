"""The bundled EGM96 grid against NGA's full grid and NGA's own interpolation, and user grids."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pyproj import Transformer

from fieldapp.store.job_geoid import BUNDLED_NAME, bundled_geoid
from fieldapp.survey.geoid import GeoidError, load_geoid
from tests.testpaths import shared_data_dir

# 20 points across Indonesia: nodes, half-node and odd offsets, the crop's four corners.
POINTS = [
    (5.55, 95.32),  # Banda Aceh
    (3.5833, 98.6667),
    (-0.95, 100.35),
    (-6.2, 106.8167),  # Jakarta
    (-7.25, 112.75),  # Surabaya, on a node
    (-8.65, 115.2167),
    (-10.1667, 123.5833),
    (-0.5225, 116.9028),
    (-1.2654, 116.8312),
    (-2.125, 117.375),  # mid-cell: four nodes weigh equally
    (1.4748, 124.8421),
    (-5.1477, 119.4327),
    (-3.6954, 128.1814),
    (-0.8615, 134.062),
    (-2.5337, 140.718),
    (-4.1, 137.1167),  # Grasberg
    (8.0, 92.0),
    (8.0, 142.0),
    (-14.0, 92.0),
    (-14.0, 142.0),
]
# NGA, EGM96 readme.txt (earth-info.nga.mil/GandG/wgs84/gravitymod/egm96/readme.txt):
# the sample OUTINTPT.DAT of its INTPT.F program, which interpolates WW15MGH.GRD with a spline.
NGA_OUTINTPT = [
    (38.6281550, 269.7791550, -31.628),
    (-14.6212170, 305.0211140, -2.969),
    (46.8743190, 102.4487290, -43.575),
    (-23.6174460, 133.8747120, 15.871),
    (38.6254730, 359.9995000, 50.066),
    (-0.4667440, 0.0023000, 17.329),
]


@pytest.fixture(scope="module")
def full_grid() -> Path:
    return shared_data_dir() / "geoid" / "us_nga_egm96_15.tif"


def _write_gtx(path: Path, lat0: float, lon0: float, rows_s_to_n: np.ndarray) -> Path:
    nrows, ncols = rows_s_to_n.shape
    head = struct.pack(">4d2i", lat0, lon0, 0.25, 0.25, nrows, ncols)
    path.write_bytes(head + rows_s_to_n.astype(">f4").tobytes())
    return path


def _ntv2_record(key: str, value: int | float | str) -> bytes:
    name = key.ljust(8).encode()
    if isinstance(value, int):
        return name + struct.pack("<i4x", value)
    if isinstance(value, float):
        return name + struct.pack("<d", value)
    return name + value.ljust(8).encode()


def _write_ntv2(path: Path) -> Path:
    """A 3x3-node NTv2 grid over 116-118° E, 2° S-0° shifting latitude by 0.5"."""
    ellipsoid = (6378137.0, 6356752.314)
    overview = [("NUM_OREC", 11), ("NUM_SREC", 11), ("NUM_FILE", 1), ("GS_TYPE", "SECONDS")]
    overview += [("VERSION", "NTv2.0"), ("SYSTEM_F", "DGN95"), ("SYSTEM_T", "SRGI")]
    overview += [("MAJOR_F", ellipsoid[0]), ("MINOR_F", ellipsoid[1])]
    overview += [("MAJOR_T", ellipsoid[0]), ("MINOR_T", ellipsoid[1])]
    # Seconds of arc, longitudes positive west (NTv2's convention).
    sub = [("SUB_NAME", "UJI"), ("PARENT", "NONE"), ("CREATED", ""), ("UPDATED", "")]
    sub += [("S_LAT", -7200.0), ("N_LAT", 0.0), ("E_LONG", -424800.0), ("W_LONG", -417600.0)]
    sub += [("LAT_INC", 3600.0), ("LONG_INC", 3600.0), ("GS_COUNT", 9)]
    head = b"".join(_ntv2_record(k, v) for k, v in overview + sub)
    path.write_bytes(head + struct.pack("<4f", 0.5, 0.0, 0.0, 0.0) * 9 + b"END     " + bytes(8))
    return path


def _natural_spline(values: np.ndarray, t: float) -> float:
    """A natural cubic spline through values at 0, 1, 2 ..., at t (solved directly, no weights)."""
    n = len(values)
    a, b = np.zeros((n, n)), np.zeros(n)
    a[0, 0] = a[-1, -1] = 1.0
    for i in range(1, n - 1):
        a[i, i - 1 : i + 2] = (1.0, 4.0, 1.0)
        b[i] = 6.0 * (values[i + 1] - 2.0 * values[i] + values[i - 1])
    m = np.linalg.solve(a, b)
    k = min(int(t), n - 2)
    u = t - k
    return float(
        (1 - u) * values[k] + u * values[k + 1]
        + ((1 - u) ** 3 - (1 - u)) * m[k] / 6.0 + (u**3 - u) * m[k + 1] / 6.0
    )  # fmt: skip


def _nga_intpt(source: np.ndarray, lat: float, lon: float) -> float:
    """NGA's INTPT.F method, written here independently: 6 x 6 nodes, splines by row then column."""
    r, c = (90.0 - lat) * 4.0, ((lon + 180.0) % 360.0) * 4.0
    r0, c0 = int(np.floor(r)) - 2, int(np.floor(c)) - 2
    rows = [
        _natural_spline(np.array([source[r0 + i, (c0 + j) % 1440] for j in range(6)]), c - c0)
        for i in range(6)
    ]
    return _natural_spline(np.array(rows), r - r0)


@pytest.fixture(scope="module")
def source_nodes(full_grid: Path) -> np.ndarray:
    with Image.open(full_grid) as im:
        return np.array(im, dtype=np.float64)  # pixel-is-point, row 0 at 90° N, column 0 at 180° W


def test_the_independent_interpolation_reproduces_nga_published_values(
    source_nodes: np.ndarray,
) -> None:
    # NGA's own program on its own grid: what the test's reference must give to be trusted.
    diffs = [abs(_nga_intpt(source_nodes, lat, lon) - n) for lat, lon, n in NGA_OUTINTPT]
    assert max(diffs) < 0.004  # measured 0.5-3.4 mm (NGA prints millimetres)


def test_bundled_grid_agrees_with_egm96_across_indonesia(
    full_grid: Path, source_nodes: np.ndarray
) -> None:
    bundled, full = bundled_geoid(), load_geoid(full_grid)
    assert bundled.name == BUNDLED_NAME and bundled.kind == "bundled"
    ours = [
        bundled.undulation(lat, lon) - _nga_intpt(source_nodes, lat, lon) for lat, lon in POINTS
    ]
    assert max(map(abs, ours)) < 0.02  # measured 8.8 mm at most
    # Why the bundled grid is NGA's spline at 2.5' and not the 15' nodes alone: PROJ would
    # interpolate those bilinearly, 14 cm off at Banda Aceh and 31 cm at Grasberg.
    bilinear = [
        full.undulation(lat, lon) - _nga_intpt(source_nodes, lat, lon) for lat, lon in POINTS
    ]
    assert max(map(abs, bilinear)) > 0.25
    hs = bundled.heights(-6.2, 106.8167, 50.0)
    assert (hs.ellipsoidal, hs.geoid) == (50.0, BUNDLED_NAME)
    assert hs.orthometric == 50.0 - hs.undulation == bundled.orthometric(-6.2, 106.8167, 50.0)
    # Jakarta's N is about +18 m over EGM96 (a sign error would give -18).
    assert bundled.undulation(-6.2, 106.8167) == pytest.approx(18.1, abs=0.2)


def test_bundled_grid_keeps_every_source_node(full_grid: Path, source_nodes: np.ndarray) -> None:
    path = bundled_geoid().path
    assert path.stat().st_size < 3_000_000
    lat0, lon0, dlat, dlon, rows, cols = struct.unpack(">4d2i", path.read_bytes()[:40])
    assert (lat0, lon0, rows, cols) == (-14.0, 92.0, 529, 1201)
    assert dlat == dlon == pytest.approx(2.5 / 60, abs=1e-12)
    grid = np.frombuffer(path.read_bytes()[40:], dtype=">f4").reshape(rows, cols)
    nodes = source_nodes[(90 - 8) * 4 : (90 + 14) * 4 + 1, 272 * 4 : 322 * 4 + 1][::-1]
    assert np.array_equal(grid[::6, ::6], nodes.astype(np.float32))
    # And PROJ reads them back there: on a 15' node the bundled grid and the full one agree.
    bundled, full = bundled_geoid(), load_geoid(full_grid)
    for lat, lon in [(-7.25, 112.75), (-4.0, 137.0), (5.5, 95.25), (-2.0, 117.5), (8.0, 142.0)]:
        assert bundled.undulation(lat, lon) == pytest.approx(full.undulation(lat, lon), abs=1e-3)


def test_out_of_grid_and_bad_input_refused() -> None:
    crop = bundled_geoid()
    with pytest.raises(GeoidError, match="outside the geoid grid EGM96"):
        crop.undulation(50.0, 10.0)
    with pytest.raises(GeoidError, match="outside"):
        crop.orthometric(-14.01, 110.0, 10.0)
    with pytest.raises(GeoidError, match="latitude 91"):
        crop.undulation(91.0, 110.0)
    with pytest.raises(GeoidError, match="ellipsoidal height"):
        crop.orthometric(-6.0, 110.0, float("nan"))


def test_user_grid_with_a_constant_offset(tmp_path: Path) -> None:
    crop = bundled_geoid()
    data = crop.path.read_bytes()
    folder = tmp_path / "grid saya"  # a space in the path, as in C:\Users\Nama Saya
    folder.mkdir()
    shifted = np.frombuffer(data[40:], dtype=">f4") + np.float32(1.25)
    (folder / "offset.gtx").write_bytes(data[:40] + shifted.astype(">f4").tobytes())
    user = load_geoid(folder / "offset.gtx", "Uji")
    assert user.name == "Uji" and user.kind == "user"
    for lat, lon in POINTS:
        n0 = crop.undulation(lat, lon)
        assert user.undulation(lat, lon) - n0 == pytest.approx(1.25, abs=1e-5)
        assert crop.orthometric(lat, lon, 100.0) - user.orthometric(lat, lon, 100.0) == (
            pytest.approx(1.25, abs=1e-5)
        )


def test_wrong_grid_files_are_named(tmp_path: Path) -> None:
    text = tmp_path / "notes.gtx"
    text.write_text("bukan grid\n")
    jpeg = tmp_path / "foto.jpg"
    Image.new("RGB", (8, 8)).save(jpeg)
    ntv2 = _write_ntv2(tmp_path / "shift.gsb")
    # It is a real horizontal-shift grid (PROJ's hgridshift moves a point by it), not a geoid.
    moved = Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f'+step +proj=hgridshift +grids="{ntv2.as_posix()}" '
        "+step +proj=unitconvert +xy_in=rad +xy_out=deg"
    ).transform(117.0, -1.0)
    assert moved[1] == pytest.approx(-1.0 + 0.5 / 3600, abs=1e-9)
    for bad in (text, jpeg, ntv2, tmp_path / "missing.gtx"):
        with pytest.raises(GeoidError, match=re.escape(bad.name)):
            load_geoid(bad)
    europe = _write_gtx(tmp_path / "eropa.gtx", 40.0, 0.0, np.full((9, 9), 45.0))
    with pytest.raises(GeoidError, match=r"eropa\.gtx: the geoid grid does not cover Indonesia"):
        load_geoid(europe)
