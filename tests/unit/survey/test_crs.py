"""CRS specs, zones, EPSG codes, TM-3 and grid factors against independent formulas."""

import math

import pytest
from pyproj import CRS, Geod

from fieldapp.survey.crs import CrsError, auto_grid, parse_crs, transform
from fieldapp.survey.scale import (
    E2,
    A,
    elevation_factor,
    grid_factors,
    grid_to_ground,
    ground_to_grid,
    line_scale_factor,
    mean_radius,
)


@pytest.mark.parametrize(
    "spec, code, epsg",
    [
        ("SRGI2013", "SRGI2013", 9470),
        ("EPSG:9470", "SRGI2013", 9470),
        ("DGN95", "DGN95", 4755),
        ("WGS 84", "WGS84", 4326),
        ("SRGI2013/UTM46N", "SRGI2013/UTM46N", 9476),
        ("srgi2013 utm 52n", "SRGI2013/UTM52N", 9482),
        ("UTM47S", "SRGI2013/UTM47S", 9487),
        ("SRGI2013/UTM54S", "SRGI2013/UTM54S", 9494),
        ("DGN95/UTM46N", "DGN95/UTM46N", 23866),
        ("DGN95/UTM52N", "DGN95/UTM52N", 23872),
        ("DGN95/UTM47S", "DGN95/UTM47S", 23877),
        ("DGN95/UTM54S", "DGN95/UTM54S", 23884),
        ("DGN95/TM3-46.2", "DGN95/TM3-46.2", 23830),
        ("DGN95/TM3 54.1", "DGN95/TM3-54.1", 23845),
        ("EPSG:23837", "DGN95/TM3-50.1", 23837),
        ("9490", "SRGI2013/UTM50S", 9490),
    ],
)
def test_specs_resolve_to_the_design_epsg_codes(spec: str, code: str, epsg: int) -> None:
    g = parse_crs(spec)
    assert g.code == code
    assert g.epsg == epsg
    assert parse_crs(g.code) == g


def test_every_dgn95_tm3_zone_matches_epsg_parameters() -> None:
    for code in range(23830, 23846):
        g = parse_crs(f"EPSG:{code}")
        params = CRS.from_epsg(code).to_dict()
        assert params["lon_0"] == g.central_meridian
        assert params["k"] == 0.9999 and params["x_0"] == 200000 and params["y_0"] == 1500000


def test_srgi2013_tm3_is_built_on_srgi2013_with_tm3_parameters() -> None:
    srgi_tm3 = parse_crs("SRGI2013/TM3-50.1")
    assert srgi_tm3.epsg is None
    crs = srgi_tm3.to_pyproj()
    assert crs.geodetic_crs is not None and crs.geodetic_crs.name == "SRGI2013"
    e, n, _ = transform(parse_crs("SRGI2013"), srgi_tm3, 115.5, 0.0)
    assert (e, n) == pytest.approx((200000.0, 1500000.0), abs=1e-6)
    dgn = parse_crs("DGN95/TM3-50.1").to_pyproj().to_dict()
    assert dgn["lon_0"] == srgi_tm3.central_meridian == 115.5


@pytest.mark.parametrize(
    "lon, lat, code",
    [
        (116.9, -0.52, "SRGI2013/UTM50S"),
        (95.3, 5.5, "SRGI2013/UTM46N"),
        (140.7, -2.5, "SRGI2013/UTM54S"),
        (106.8, -6.2, "SRGI2013/UTM48S"),
        (124.8, 1.5, "SRGI2013/UTM51N"),
    ],
)
def test_zone_from_centroid(lon: float, lat: float, code: str) -> None:
    assert auto_grid(lon, lat).code == code
    assert parse_crs("auto", centroid=(lon, lat)).code == code


def test_tm3_zone_from_centroid() -> None:
    # Zone 50 spans 114-120°E: half 1 west of its 117° central meridian, half 2 east of it.
    assert auto_grid(116.9, -0.5, family="tm3").code == "SRGI2013/TM3-50.1"
    assert auto_grid(117.5, -0.5, family="tm3").code == "SRGI2013/TM3-50.2"
    assert auto_grid(139.9, -4.0, family="tm3").code == "SRGI2013/TM3-54.1"


@pytest.mark.parametrize(
    "spec", ["UTM44S", "DGN95/UTM53N", "TM3-46.1", "TM3-54.2", "Bessel", "auto"]
)
def test_bad_specs_say_what_was_expected(spec: str) -> None:
    with pytest.raises(CrsError):
        parse_crs(spec)


def _snyder_tm(lon: float, lat: float, lon0: float, k0: float) -> tuple[float, float]:
    """Point scale and convergence from the Transverse Mercator series (Snyder 1987, 8-11ff)."""
    ep2 = E2 / (1 - E2)
    phi = math.radians(lat)
    dl = math.radians(lon - lon0)
    t = math.tan(phi) ** 2
    c = ep2 * math.cos(phi) ** 2
    a = dl * math.cos(phi)
    k = k0 * (
        1
        + (1 + c) * a**2 / 2
        + (5 - 4 * t + 42 * c + 13 * c**2 - 28 * ep2) * a**4 / 24
        + (61 - 148 * t + 16 * t**2) * a**6 / 720
    )
    eta2 = c
    gamma = (
        dl
        * math.sin(phi)
        * (
            1
            + (dl**2 * math.cos(phi) ** 2 / 3) * (1 + 3 * eta2 + 2 * eta2**2)
            + (dl**4 * math.cos(phi) ** 4 / 15) * (2 - math.tan(phi) ** 2)
        )
    )
    return k, math.degrees(gamma)


@pytest.mark.parametrize(
    "spec", ["SRGI2013/UTM50S", "SRGI2013/UTM47N", "DGN95/TM3-50.2", "SRGI2013/TM3-48.1"]
)
@pytest.mark.parametrize(
    "dlon, lat", [(-2.9, -0.5), (0.0, -6.0), (1.7, 5.8), (2.95, -10.5), (-1.2, 3.3)]
)
def test_scale_and_convergence_against_independent_series(
    spec: str, dlon: float, lat: float
) -> None:
    g = parse_crs(spec)
    assert g.central_meridian is not None
    k0 = 0.9996 if g.kind == "utm" else 0.9999
    half_width = 3.0 if g.kind == "utm" else 1.5
    lon = g.central_meridian + dlon * half_width / 3.0
    k_ref, gamma_ref = _snyder_tm(lon, lat, g.central_meridian, k0)
    f = grid_factors(g, lon, lat)
    assert f.point_scale == pytest.approx(k_ref, abs=1e-7)
    assert f.convergence_deg == pytest.approx(gamma_ref, abs=1e-7)


def test_true_azimuth_is_grid_azimuth_plus_convergence() -> None:
    grid, geo = parse_crs("SRGI2013/UTM50S"), parse_crs("SRGI2013")
    lon, lat = 115.2, -4.0  # far from the central meridian: convergence is large
    e0, n0, _ = transform(geo, grid, lon, lat)
    e1, n1 = e0 + 3.0, n0 + 40.0
    lon1, lat1, _ = transform(grid, geo, e1, n1)
    grid_az = math.degrees(math.atan2(e1 - e0, n1 - n0))
    true_az, _, _ = Geod(ellps="WGS84").inv(lon, lat, lon1, lat1)
    gamma = grid_factors(grid, lon, lat).convergence_deg
    assert abs(gamma) > 0.1
    assert grid_az + gamma == pytest.approx(true_az, abs=2e-5)


def test_elevation_factor_uses_the_gaussian_mean_radius() -> None:
    phi = math.radians(-0.5)
    w = math.sqrt(1 - E2 * math.sin(phi) ** 2)
    r = math.sqrt(A * (1 - E2) / w**3 * A / w)
    assert mean_radius(-0.5) == pytest.approx(r, rel=1e-12)
    assert elevation_factor(-0.5, 0.0) == 1.0
    assert elevation_factor(-0.5, 637.8) == pytest.approx(r / (r + 637.8), rel=1e-15)
    assert 1 - elevation_factor(-0.5, 637.8) == pytest.approx(1.0e-4, rel=0.01)


def test_grid_ground_round_trip_under_a_millimetre() -> None:
    grid, geo = parse_crs("SRGI2013/UTM50S"), parse_crs("SRGI2013")
    p1, p2 = (116.9028125, -0.5223194), (116.9292014, -0.5334306)
    h = 95.0
    e1, n1, _ = transform(geo, grid, *p1)
    e2, n2, _ = transform(geo, grid, *p2)
    grid_d = math.hypot(e2 - e1, n2 - n1)
    ellipsoid_d = Geod(ellps="WGS84").inv(*p1, *p2)[2]
    ground_d = ellipsoid_d / elevation_factor((p1[1] + p2[1]) / 2, h)
    factor = line_scale_factor(grid, p1, p2, h)
    # The grid distance predicted from the ground distance agrees with the true grid distance.
    assert ground_to_grid(ground_d, factor) == pytest.approx(grid_d, abs=1e-3)
    assert grid_to_ground(grid_d, factor) == pytest.approx(ground_d, abs=1e-3)
    assert grid_to_ground(ground_to_grid(ground_d, factor), factor) == pytest.approx(
        ground_d, abs=1e-9
    )
    # UTM near the central meridian shortens lines by 40 cm per km: ~1.2 m over ~3 km.
    assert ground_d - grid_d > 0.5
