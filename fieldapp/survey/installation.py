"""Installation records of a marker: stake, reference marker, description, photos, witnesses.

Pure: the store reads and writes these; the figures (delta to design, reference marker
azimuth and distance, the status a marker has reached) are computed here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pyproj import Geod

from fieldapp.survey.antenna import AntennaHeight
from fieldapp.survey.base_point import BaseUsed
from fieldapp.survey.local import Position, compare
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.occupation import OccupationResult
from fieldapp.survey.scale import elevation_factor

GEOD = Geod(ellps="GRS80")
DEFAULT_TOLERANCE_M = 0.10  # the stake-out default tolerance (issue 4, item 2)
ANTENNA_CHANGE_LIMIT_M = 0.005  # before/after antenna heights further apart are flagged


class StakeSource(StrEnum):
    GNSS = "gnss"
    TOTAL_STATION = "ts"


class PhotoDirection(StrEnum):
    """The four compass directions and a close-up (DESIGN.md step 5), Indonesian as in the forms."""

    UTARA = "utara"
    TIMUR = "timur"
    SELATAN = "selatan"
    BARAT = "barat"
    DETAIL = "detail"


class WitnessCategory(StrEnum):
    """Who may witness an installation (DESIGN.md step 5)."""

    DISTRICT_VILLAGE_OFFICER = "district_village_officer"
    NEIGHBOUR_PERMIT_HOLDER = "neighbour_permit_holder"
    OTHER_SECTOR_PERMIT_HOLDER = "other_sector_permit_holder"
    LAND_RIGHT_HOLDER = "land_right_holder"
    FORESTRY_OFFICER = "forestry_officer"
    # A permit for another commodity over the same ground (e.g. a mineral IUP over coal).
    OTHER_COMMODITY_PERMIT_HOLDER = "other_commodity_permit_holder"


class OccupationState(StrEnum):
    RUNNING = "running"  # still open, or interrupted: epochs on disk, no result
    FINISHED = "finished"
    ABANDONED = "abandoned"


@dataclass(frozen=True, slots=True)
class DesignDelta:
    """Staked minus design, metres, and whether it is within the tolerance."""

    dn_m: float
    de_m: float
    dh_m: float | None
    horizontal_m: float
    tolerance_m: float

    @property
    def passed(self) -> bool:
        return self.horizontal_m <= self.tolerance_m


def delta_to_design(
    design: Position, staked: Position, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> DesignDelta:
    if not tolerance_m > 0:
        raise ValueError(f"tolerance must be > 0 m, got {tolerance_m}")
    c = compare(design, staked)
    return DesignDelta(c.dn_m, c.de_m, c.dh_m, c.horizontal_m, tolerance_m)


@dataclass(frozen=True, slots=True)
class ReferenceGeometry:
    """From a Tanda Batas Referensi to the true point: true azimuth and distances."""

    azimuth_deg: float  # geodetic (true) azimuth, 0..360 clockwise from north
    distance_m: float  # on the ellipsoid
    ground_distance_m: float | None  # at the reference marker's height, when known


def reference_to_true(reference: Position, true_point: Position) -> ReferenceGeometry:
    az, _, dist = GEOD.inv(reference.lon, reference.lat, true_point.lon, true_point.lat)
    ground = None
    if reference.h is not None:
        # Elevation factor = ellipsoid / ground distance: the tape on the ground is longer.
        ground = float(dist) / elevation_factor(reference.lat, reference.h)
    return ReferenceGeometry(float(az) % 360.0, float(dist), ground)


@dataclass(frozen=True, slots=True)
class Withdrawal:
    at: str
    reason: str


@dataclass(frozen=True, slots=True)
class StakeRecord:
    """A staked (as-built) position of a marker: from an occupation or a total-station shot."""

    id: int
    marker: str
    source: StakeSource
    position: Position
    delta: DesignDelta
    recorded_at: str
    occupation_id: int | None = None
    ts_shot: str | None = None
    surveyor: str | None = None
    withdrawn: Withdrawal | None = None


@dataclass(frozen=True, slots=True)
class ReferenceMarkerRecord:
    id: int
    marker: str
    position: Position
    geometry: ReferenceGeometry
    recorded_at: str
    note: str | None = None
    surveyor: str | None = None
    withdrawn: Withdrawal | None = None


@dataclass(frozen=True, slots=True)
class Description:
    """The deskripsi of a marker: where it is, how to get there, its condition."""

    desa: str | None = None  # desa / kelurahan
    kecamatan: str | None = None
    kabupaten: str | None = None  # kabupaten / kota
    provinsi: str | None = None
    access: str | None = None
    condition: str | None = None
    notes: str | None = None
    surveyor: str | None = None
    updated_at: str | None = None

    @property
    def complete(self) -> bool:
        return all((self.desa, self.kecamatan, self.kabupaten, self.provinsi))


@dataclass(frozen=True, slots=True)
class PhotoRecord:
    id: int
    marker: str
    direction: PhotoDirection
    file_name: str  # inside the job's photos/ folder
    original_name: str
    sha256: str
    size_bytes: int
    imported_at: str
    image_format: str | None = None
    width: int | None = None
    height: int | None = None
    exif_time: str | None = None
    exif_lat: float | None = None
    exif_lon: float | None = None
    caption: str | None = None
    withdrawn: Withdrawal | None = None


@dataclass(frozen=True, slots=True)
class WitnessRecord:
    id: int
    marker: str
    name: str
    institution: str
    category: WitnessCategory
    recorded_at: str
    withdrawn: Withdrawal | None = None


@dataclass(frozen=True, slots=True)
class OccupationRecord:
    """An occupation as stored: ``result`` is None while running or after an interruption."""

    id: int
    uuid: str
    marker: str
    state: OccupationState
    started_at: str
    profile: str
    epochs_on_disk: int
    ended_at: str | None = None
    device: str | None = None
    source: str | None = None
    raw_log: str | None = None
    result: OccupationResult | None = None
    earlier_occupation_id: int | None = None
    antenna_after_m: float | None = None  # measured again after the session (same method)
    base_station: str | None = None  # base / benchmark / NTRIP mountpoint, as named
    equipment_id: int | None = None  # the job's equipment row of the receiver used
    base_ids: tuple[str, ...] = ()  # reference station IDs the used epochs reported
    # The job's control point the base stood on, as used then and as it is now; None: the
    # base named is not a control point of the job (an NTRIP mountpoint, a base elsewhere).
    base_point: BaseUsed | None = None

    @property
    def incomplete(self) -> bool:
        return self.state is OccupationState.RUNNING

    @property
    def antenna_change_m(self) -> float | None:
        """After minus before, vertical to the mark; None unless both were measured."""
        a = self.result.antenna if self.result else None
        if a is None or self.antenna_after_m is None:
            return None
        after = AntennaHeight(
            self.antenna_after_m, a.method, a.antenna_radius_m, a.phase_centre_offset_m
        )
        return after.vertical_m - a.vertical_m

    @property
    def antenna_changed(self) -> bool:
        """The pole or tripod moved or sank: before and after differ by more than 5 mm."""
        change = self.antenna_change_m
        return change is not None and abs(change) > ANTENNA_CHANGE_LIMIT_M


@dataclass(frozen=True, slots=True)
class InstallationProgress:
    """What a marker has and lacks on the way to ``documented``."""

    staked: bool
    described: bool
    photo_directions: frozenset[PhotoDirection]
    witnesses: int

    @property
    def missing_photos(self) -> tuple[PhotoDirection, ...]:
        return tuple(d for d in PhotoDirection if d not in self.photo_directions)

    @property
    def status(self) -> MarkerStatus:
        """planned -> staked (position recorded) -> installed (described: the monument stands
        and its site is written down) -> documented (all five photos and at least one witness).
        """
        if not self.staked:
            return MarkerStatus.PLANNED
        if not self.described:
            return MarkerStatus.STAKED
        if self.missing_photos or self.witnesses < 1:
            return MarkerStatus.INSTALLED
        return MarkerStatus.DOCUMENTED


def installation_progress(
    stakes: Iterable[StakeRecord],
    description: Description | None,
    photos: Iterable[PhotoRecord],
    witnesses: Iterable[WitnessRecord],
) -> InstallationProgress:
    """Only records not withdrawn count."""
    return InstallationProgress(
        staked=any(s.withdrawn is None for s in stakes),
        described=description is not None and description.complete,
        photo_directions=frozenset(p.direction for p in photos if p.withdrawn is None),
        witnesses=sum(1 for w in witnesses if w.withdrawn is None),
    )


@dataclass(frozen=True, slots=True)
class MarkerInstallation:
    """Everything recorded about one marker, for the CLI, the GUI and the documents."""

    marker: str
    status: MarkerStatus
    design: Position
    progress: InstallationProgress
    stakes: tuple[StakeRecord, ...]
    occupations: tuple[OccupationRecord, ...]
    references: tuple[ReferenceMarkerRecord, ...]
    description: Description | None
    photos: tuple[PhotoRecord, ...]
    witnesses: tuple[WitnessRecord, ...]

    @property
    def current_stake(self) -> StakeRecord | None:
        active = [s for s in self.stakes if s.withdrawn is None]
        return active[-1] if active else None


def is_finite_position(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
