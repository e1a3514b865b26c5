"""Geoid undulation N and orthometric height H = h - N from a vertical grid, through PROJ."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pyproj import Transformer
from pyproj.exceptions import ProjError

GeoidKind = Literal["bundled", "user"]
# A user's grid must cover at least one of these (Jakarta, Medan, Balikpapan, Makassar,
# Jayapura): a grid of another country is refused when loaded, not at the first stake-out.
PROBES: tuple[tuple[float, float], ...] = (
    (-6.2, 106.8),
    (3.6, 98.7),
    (-1.25, 116.85),
    (-5.15, 119.4),
    (-2.55, 140.7),
)


class GeoidError(ValueError):
    """A grid file PROJ cannot use as a geoid, or a point the grid does not cover."""


@dataclass(frozen=True, slots=True)
class Heights:
    """One point's heights, metres, with the geoid that related them (to print beside them)."""

    ellipsoidal: float  # h
    undulation: float  # N
    orthometric: float  # H = h - N
    geoid: str


@dataclass(frozen=True, slots=True)
class Geoid:
    name: str
    path: Path
    kind: GeoidKind

    def undulation(self, lat: float, lon: float) -> float:
        """N, metres: the geoid's height above the WGS 84 ellipsoid at (lat, lon) in degrees."""
        _check_point(lat, lon)
        n = _undulation_raw(self.path, lat, lon)
        if not math.isfinite(n):
            raise GeoidError(
                f"point {lat:.6f}, {lon:.6f} is outside the geoid grid "
                f"{self.name} ({self.path.name})"
            )
        return n

    def orthometric(self, lat: float, lon: float, h: float) -> float:
        """H = h - N, metres, from the ellipsoidal height h."""
        return self.heights(lat, lon, h).orthometric

    def heights(self, lat: float, lon: float, h: float) -> Heights:
        if not math.isfinite(h) or abs(h) > 10_000.0:
            raise GeoidError(f"ellipsoidal height {h} m: expected a number within ±10000 m")
        n = self.undulation(lat, lon)
        return Heights(h, n, h - n, self.name)


def load_geoid(path: Path, name: str | None = None) -> Geoid:
    """A user's grid (GTX or GeoTIFF: EGM2008, INAGeoid2020), checked before it is used."""
    path = Path(path)
    if not path.is_file():
        raise GeoidError(f"{path}: geoid grid file not found")
    try:
        transformer = _transformer(str(path.resolve()))
    except ProjError as exc:
        raise GeoidError(
            f"{path}: not a vertical (geoid) grid PROJ can read; expected a GTX or a GeoTIFF "
            "of geoid undulations"
        ) from exc
    covered = any(math.isfinite(transformer.transform(lon, lat, 0.0)[2]) for lat, lon in PROBES)
    if not covered:
        raise GeoidError(f"{path}: the geoid grid does not cover Indonesia")
    return Geoid(name or path.stem, path.resolve(), "user")


def _check_point(lat: float, lon: float) -> None:
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise GeoidError(f"latitude {lat}: expected -90 to 90 degrees")
    if not (math.isfinite(lon) and -180.0 <= lon <= 360.0):
        raise GeoidError(f"longitude {lon}: expected -180 to 360 degrees")


def _undulation_raw(path: Path, lat: float, lon: float) -> float:
    try:
        transformer = _transformer(str(path.resolve()))
    except ProjError as exc:
        raise GeoidError(f"{path}: not a vertical (geoid) grid PROJ can read") from exc
    return float(transformer.transform(lon, lat, 0.0)[2])


@functools.lru_cache(maxsize=8)
def _transformer(path: str) -> Transformer:
    # multiplier=1 makes vgridshift add the grid value: z=0 in gives N out. The path is quoted
    # so a folder with spaces (C:\Users\Nama Saya\...) stays one PROJ parameter.
    grid = Path(path).as_posix()
    return Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f'+step +proj=vgridshift +grids="{grid}" +multiplier=1 '
        "+step +proj=unitconvert +xy_in=rad +xy_out=deg"
    )
