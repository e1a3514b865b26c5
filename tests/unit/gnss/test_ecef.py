"""The baseline vector's GRS80 maths against PROJ (pyproj), in Indonesia and at the GEONET pair."""

from __future__ import annotations

import pytest
from pyproj import Transformer

from fieldapp.gnss.ecef import ecef_to_enu, ecef_to_geodetic, geodetic_to_ecef

# ITRF2014 geographic 3D -> geocentric: GRS80, as SRGI2013 is.
TO_ECEF = Transformer.from_crs("EPSG:7912", "EPSG:7789", always_xy=True)


@pytest.mark.parametrize(
    ("lat", "lon", "h"),
    [
        (-0.52, 116.9, 40.0),
        (35.132066157, 139.624300809, 75.679),
        (-8.9, 140.5, -20.0),
        (5.9, 95.3, 3000.0),
    ],
)
def test_geodetic_and_ecef_agree_with_proj(lat: float, lon: float, h: float) -> None:
    x, y, z = geodetic_to_ecef(lat, lon, h)
    px, py, pz = TO_ECEF.transform(lon, lat, h)
    assert (x, y, z) == pytest.approx((px, py, pz), abs=1e-4)
    back = ecef_to_geodetic(x, y, z)
    assert back[0] == pytest.approx(lat, abs=1e-11)
    assert back[1] == pytest.approx(lon, abs=1e-11)
    assert back[2] == pytest.approx(h, abs=1e-5)


def test_enu_axes_at_the_equator_and_a_pole() -> None:
    assert ecef_to_enu((0.0, 1.0, 0.0), 0.0, 0.0) == pytest.approx((1.0, 0.0, 0.0))
    assert ecef_to_enu((0.0, 0.0, 1.0), 0.0, 0.0) == pytest.approx((0.0, 1.0, 0.0))
    assert ecef_to_enu((1.0, 0.0, 0.0), 0.0, 0.0) == pytest.approx((0.0, 0.0, 1.0))
    assert ecef_to_enu((0.0, 0.0, 1.0), 90.0, 0.0) == pytest.approx((0.0, 0.0, 1.0))


def test_a_north_step_is_north() -> None:
    a = geodetic_to_ecef(-0.5, 116.9, 10.0)
    b = geodetic_to_ecef(-0.5 + 1e-3, 116.9, 10.0)
    e, n, u = ecef_to_enu(tuple(q - p for p, q in zip(a, b, strict=True)), -0.5, 116.9)  # type: ignore[arg-type]
    assert n == pytest.approx(110.57, abs=0.05)
    assert abs(e) < 1e-6 and abs(u) < 0.01
