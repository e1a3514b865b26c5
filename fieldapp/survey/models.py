"""Typed records of a job: permit area, boundary and control points, markers, surveyors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.survey.kpo import KPO_STATUSES


class ControlKind(StrEnum):
    """Kind of control point (DESIGN.md step 2)."""

    BM = "BM"
    TITIK_BANTU = "TITIK_BANTU"
    JKHN = "JKHN"


class MarkerKind(StrEnum):
    CORNER = "corner"
    INFILL = "infill"
    REFERENCE = "reference"


class HeightSystem(StrEnum):
    """How a design height was given: above the ellipsoid (h) or above the geoid (H)."""

    ELLIPSOIDAL = "ellipsoidal"
    ORTHOMETRIC = "orthometric"


class MarkerStatus(StrEnum):
    PLANNED = "planned"
    STAKED = "staked"
    INSTALLED = "installed"
    DOCUMENTED = "documented"


@dataclass(frozen=True, slots=True)
class PermitArea:
    """The WIUP/WIUPK of a job and the decree (SK IUP) that defines it."""

    job_uuid: str
    name: str
    holder: str | None = None
    sk_number: str | None = None
    sk_date: str | None = None  # ISO date
    wiup_code: str | None = None
    commodity: str | None = None
    sk_area_ha: float | None = None
    province: str | None = None
    regency: str | None = None
    crs: str = "auto"  # grid choice: "auto" or a spec such as "SRGI2013/UTM50S"


@dataclass(frozen=True, slots=True)
class BoundaryPoint:
    """A Titik Batas as listed in the decree: text as given and parsed degrees (SRGI2013)."""

    number: str
    lat: float
    lon: float
    lat_text: str
    lon_text: str
    source: str | None = None  # "file:line" it came from


@dataclass(frozen=True, slots=True)
class ControlPoint:
    """A BM, Titik Bantu or JKHN point; stored in SRGI2013 geographic plus the input as given."""

    name: str
    kind: ControlKind
    lat: float
    lon: float
    h: float | None
    input_crs: str
    input_a: float  # latitude or easting as given
    input_b: float  # longitude or northing as given
    tied_to: str | None = None
    source: str | None = None
    sigma_h: float | None = None
    sigma_v: float | None = None


@dataclass(frozen=True, slots=True)
class Marker:
    """A Tanda Batas: its design position and where it stands in the workflow."""

    name: str
    kind: MarkerKind
    seq: int
    lat: float
    lon: float
    h: float | None = None  # ellipsoidal, always: every computation uses h
    edge: tuple[str, str] | None = None  # SK numbers of the boundary line it lies on
    status: MarkerStatus = MarkerStatus.PLANNED
    # The design height as the surveyor gave it; for ORTHOMETRIC, h = h_given + N of the
    # job's geoid, recomputed when the job's geoid changes.
    h_given: float | None = None
    h_system: HeightSystem = HeightSystem.ELLIPSOIDAL


@dataclass(frozen=True, slots=True)
class Surveyor:
    """A juru ukur with competency certificate and KPO card (number, status, last update).

    ``kpo_active`` is what older readers know; with a ``kpo_status`` it follows it (only
    'aktif' is active), so the two never disagree.
    """

    name: str
    certificate_no: str | None = None
    kpo_no: str | None = None
    kpo_active: bool = True
    kpo_status: str | None = None  # aktif | dikembalikan | dihusutkan (survey.kpo)
    kpo_updated_on: dt.date | None = None  # the KPO data's last update

    def __post_init__(self) -> None:
        if self.kpo_status is not None:
            if self.kpo_status not in KPO_STATUSES:
                raise ValueError(
                    f"KPO status {self.kpo_status!r}: expected one of {', '.join(KPO_STATUSES)}"
                )
            object.__setattr__(self, "kpo_active", self.kpo_status == "aktif")
