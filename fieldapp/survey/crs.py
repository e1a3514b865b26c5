"""Indonesian coordinate reference systems: SRGI2013, DGN95, WGS 84, UTM and TM-3 grids.

A CRS is named by a short spec that a surveyor can type: ``SRGI2013`` (geographic),
``SRGI2013/UTM50S``, ``DGN95/TM3-50.1``, ``WGS84/UTM50S``, ``EPSG:9488`` or ``auto``
(the job's grid chosen from its centroid). Transformers are cached and always x=lon/E, y=lat/N.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Literal

from pyproj import CRS, Transformer
from pyproj.crs import ProjectedCRS
from pyproj.crs.coordinate_operation import TransverseMercatorConversion

Datum = Literal["SRGI2013", "DGN95", "WGS84"]
Kind = Literal["geographic", "utm", "tm3"]

GEOGRAPHIC_EPSG: dict[str, int] = {"SRGI2013": 9470, "DGN95": 4755, "WGS84": 4326}
_UTM_NORTH_BASE = {"SRGI2013": 9476 - 46, "DGN95": 23866 - 46, "WGS84": 32600}
_UTM_SOUTH_BASE = {"SRGI2013": 9487 - 47, "DGN95": 23877 - 47, "WGS84": 32700}
# Zones with EPSG codes in Indonesia (DESIGN.md): north 46-52, south 47-54.
UTM_NORTH_ZONES = range(46, 53)
UTM_SOUTH_ZONES = range(47, 55)
# TM-3 zones 46.2 .. 54.1: each UTM zone split in two 3-degree halves.
TM3_ZONES: tuple[tuple[int, int], ...] = tuple(
    (z, h) for z in range(46, 55) for h in (1, 2) if (46, 2) <= (z, h) <= (54, 1)
)
TM3_K0, TM3_FE, TM3_FN = 0.9999, 200_000.0, 1_500_000.0


class CrsError(ValueError):
    """A CRS spec that cannot be understood or used, with what was expected."""


@dataclass(frozen=True, slots=True)
class GridSpec:
    """A resolved coordinate reference system."""

    datum: Datum
    kind: Kind
    zone: int | None = None
    south: bool = False
    tm3_half: int | None = None  # 1 (western) or 2 (eastern) half of the UTM zone

    @property
    def code(self) -> str:
        """The short spec that round-trips through :func:`parse_crs`."""
        if self.kind == "geographic":
            return self.datum
        if self.kind == "utm":
            return f"{self.datum}/UTM{self.zone}{'S' if self.south else 'N'}"
        return f"{self.datum}/TM3-{self.zone}.{self.tm3_half}"

    @property
    def name(self) -> str:
        if self.kind == "geographic":
            return f"{self.datum} geographic"
        if self.kind == "utm":
            return f"{self.datum} / UTM zone {self.zone}{'S' if self.south else 'N'}"
        return f"{self.datum} / TM-3 zone {self.zone}.{self.tm3_half}"

    @property
    def is_geographic(self) -> bool:
        return self.kind == "geographic"

    @property
    def central_meridian(self) -> float | None:
        if self.zone is None:
            return None
        utm_cm = self.zone * 6 - 183
        if self.kind == "utm":
            return float(utm_cm)
        return utm_cm - 1.5 if self.tm3_half == 1 else utm_cm + 1.5

    @property
    def epsg(self) -> int | None:
        if self.kind == "geographic":
            return GEOGRAPHIC_EPSG[self.datum]
        assert self.zone is not None
        if self.kind == "utm":
            base = _UTM_SOUTH_BASE if self.south else _UTM_NORTH_BASE
            return base[self.datum] + self.zone
        if self.datum == "DGN95":
            return 23830 + TM3_ZONES.index((self.zone, self.tm3_half or 1))
        return None  # SRGI2013 TM-3 has no EPSG code: built from its parameters

    def to_pyproj(self) -> CRS:
        return _pyproj_crs(self)


_SPEC_RE = re.compile(
    r"^(?:(?P<datum>SRGI2013|SRGI|DGN95|DGN|WGS84|WGS\s*84)\s*[/ ]?\s*)?"
    r"(?:(?P<utm>UTM)\s*(?:ZONE\s*)?(?P<uz>\d{2})\s*(?P<hemi>[NS])"
    r"|(?P<tm3>TM[-\s]?3)\s*(?:ZONE\s*)?[-\s]?(?P<tz>\d{2})[.,](?P<th>[12]))?$",
    re.I,
)


def parse_crs(spec: str, centroid: tuple[float, float] | None = None) -> GridSpec:
    """Resolve a spec. ``auto``/``auto-tm3`` need ``centroid`` as (lon, lat)."""
    text = spec.strip()
    low = text.lower()
    if low in ("auto", "auto-utm", "auto-tm3"):
        if centroid is None:
            raise CrsError(f"{spec!r} needs the job's centroid to choose a zone")
        family = "tm3" if low == "auto-tm3" else "utm"
        return auto_grid(centroid[0], centroid[1], family=family)
    m = re.fullmatch(r"(?:EPSG:)?(\d{4,5})", text, re.I)
    if m:
        return _from_epsg(int(m.group(1)))
    m = _SPEC_RE.match(text)
    if not m or not (m.group("datum") or m.group("utm") or m.group("tm3")):
        raise CrsError(
            f"unknown CRS {spec!r}: expected SRGI2013, DGN95, WGS84, EPSG:NNNN, "
            "SRGI2013/UTM50S, DGN95/TM3-50.1 or auto"
        )
    raw = (m.group("datum") or "SRGI2013").upper().replace(" ", "")
    datum: Datum = (
        "SRGI2013" if raw.startswith("SRGI") else "DGN95" if raw.startswith("DGN") else "WGS84"
    )
    if m.group("utm"):
        return utm(datum, int(m.group("uz")), m.group("hemi").upper() == "S")
    if m.group("tm3"):
        return tm3(datum, int(m.group("tz")), int(m.group("th")))
    return GridSpec(datum, "geographic")


def utm(datum: Datum, zone: int, south: bool) -> GridSpec:
    zones = UTM_SOUTH_ZONES if south else UTM_NORTH_ZONES
    if datum != "WGS84" and zone not in zones:
        raise CrsError(
            f"UTM zone {zone}{'S' if south else 'N'} is outside Indonesia's zones "
            f"({zones.start}-{zones.stop - 1}{'S' if south else 'N'})"
        )
    return GridSpec(datum, "utm", zone, south)


def tm3(datum: Datum, zone: int, half: int) -> GridSpec:
    if datum == "WGS84":
        raise CrsError("TM-3 is defined on DGN95 and SRGI2013, not WGS 84")
    if (zone, half) not in TM3_ZONES:
        raise CrsError(f"TM-3 zone {zone}.{half} does not exist (46.2 to 54.1)")
    return GridSpec(datum, "tm3", zone, False, half)


def auto_grid(lon: float, lat: float, datum: Datum = "SRGI2013", family: str = "utm") -> GridSpec:
    """The grid zone that contains (lon, lat): UTM by default, or TM-3."""
    zone = min(max(math.floor((lon + 180.0) / 6.0) + 1, 1), 60)
    if family == "tm3":
        half = 1 if lon < zone * 6 - 183 else 2
        return tm3(datum, zone, half)
    return utm(datum, zone, lat < 0)


def _from_epsg(code: int) -> GridSpec:
    for datum, epsg in GEOGRAPHIC_EPSG.items():
        if code == epsg:
            return GridSpec(datum, "geographic")  # type: ignore[arg-type]
    if code == 9469:
        return GridSpec("SRGI2013", "geographic")
    for datum in ("SRGI2013", "DGN95", "WGS84"):
        for south, base in ((False, _UTM_NORTH_BASE), (True, _UTM_SOUTH_BASE)):
            zone = code - base[datum]
            zones = UTM_SOUTH_ZONES if south else UTM_NORTH_ZONES
            if (datum == "WGS84" and 1 <= zone <= 60) or zone in zones:
                return GridSpec(datum, "utm", zone, south)  # type: ignore[arg-type]
    if 23830 <= code <= 23845:
        z, h = TM3_ZONES[code - 23830]
        return GridSpec("DGN95", "tm3", z, False, h)
    raise CrsError(f"EPSG:{code} is not one of the Indonesian CRSs fieldapp supports")


@functools.lru_cache(maxsize=64)
def _pyproj_crs(spec: GridSpec) -> CRS:
    code = spec.epsg
    if code is not None:
        return CRS.from_epsg(code)
    cm = spec.central_meridian
    assert cm is not None
    conversion = TransverseMercatorConversion(
        latitude_natural_origin=0.0,
        longitude_natural_origin=cm,
        false_easting=TM3_FE,
        false_northing=TM3_FN,
        scale_factor_natural_origin=TM3_K0,
    )
    return ProjectedCRS(
        conversion=conversion, geodetic_crs=CRS.from_epsg(9470), name=f"{spec.name} (fieldapp)"
    )


@functools.lru_cache(maxsize=128)
def transformer(src: GridSpec, dst: GridSpec) -> Transformer:
    """A cached transformer, axis order always x = lon/E, y = lat/N."""
    return Transformer.from_crs(src.to_pyproj(), dst.to_pyproj(), always_xy=True)


def transform(
    src: GridSpec, dst: GridSpec, x: float, y: float, z: float | None = None
) -> tuple[float, float, float | None]:
    """Transform one point; x/y are lon/lat for geographic CRSs, E/N for grids."""
    t = transformer(src, dst)
    if z is None:
        ox, oy = t.transform(x, y, errcheck=True)
        return float(ox), float(oy), None
    ox, oy, oz = t.transform(x, y, z, errcheck=True)
    return float(ox), float(oy), float(oz)
