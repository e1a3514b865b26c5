"""Job data shaped for the field GUI: map layers on the grid, planning, checklist, input parsing."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.operations import job_grid
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.crs import GridSpec, transform
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.neighbors import ActivityZone, NeighborArea, Ring, rings_from_geojson
from fieldapp.survey.stakeout import SRGI2013_GEO

if TYPE_CHECKING:
    # Imported where used: the map and the GNSS panel open the window without them.
    from fieldapp.survey.installation import MarkerInstallation, PhotoDirection, WitnessCategory
    from fieldapp.survey.planning import Plan, PlanRules

XY = tuple[list[float], list[float]]


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A named point on the job grid, with its status or kind as a plain string."""

    name: str
    e: float
    n: float
    lat: float
    lon: float
    h: float | None = None  # ellipsoidal
    status: str = ""
    kind: str = ""
    h_system: str = "ellipsoidal"  # how a marker's design height was given


@dataclass(frozen=True, slots=True)
class MapArea:
    name: str
    kind: str
    rings: tuple[XY, ...]


@dataclass(frozen=True, slots=True)
class MapLayers:
    """Everything the map draws, already on the job's grid (E, N metres)."""

    grid: GridSpec
    boundary: tuple[MapPoint, ...]
    neighbors: tuple[MapArea, ...]
    zones: tuple[MapArea, ...]
    markers: tuple[MapPoint, ...]
    control: tuple[MapPoint, ...]

    def marker(self, name: str) -> MapPoint | None:
        return next((m for m in self.markers if m.name == name), None)


def to_grid(grid: GridSpec, lat: float, lon: float) -> tuple[float, float]:
    if grid.is_geographic:
        return lon, lat
    e, n, _ = transform(SRGI2013_GEO, grid, lon, lat)
    return e, n


def _ring_xy(grid: GridSpec, ring: Ring) -> XY:
    pts = [to_grid(grid, lat, lon) for lon, lat in ring]
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return [p[0] for p in pts], [p[1] for p in pts]


def stored_areas(store: JobStore) -> tuple[list[NeighborArea], list[ActivityZone]]:
    """The neighbour permits and activity zones stored in the job, as planner inputs."""
    neighbors = [
        NeighborArea(r["name"], rings_from_geojson(r["geometry"]))
        for r in rec.load_geojson_rows(store.db, "neighbor_area")
    ]
    zones = [
        ActivityZone(
            r["name"], r["kind"], rings_from_geojson(r["geometry"]), r["depth_m"], r["height_m"]
        )
        for r in rec.load_geojson_rows(store.db, "activity_zone")
    ]
    return neighbors, zones


def load_map_layers(store: JobStore) -> MapLayers:
    grid = job_grid(store)
    neighbors, zones = stored_areas(store)

    def point(name: str, lat: float, lon: float, **kw: object) -> MapPoint:
        e, n = to_grid(grid, lat, lon)
        return MapPoint(name, e, n, lat, lon, **kw)  # type: ignore[arg-type]

    return MapLayers(
        grid=grid,
        boundary=tuple(point(p.number, p.lat, p.lon) for p in rec.load_boundary_points(store.db)),
        neighbors=tuple(
            MapArea(a.name, "neighbor", tuple(_ring_xy(grid, r) for r in a.rings))
            for a in neighbors
        ),
        zones=tuple(
            MapArea(z.name, str(z.kind), tuple(_ring_xy(grid, r) for r in z.rings)) for z in zones
        ),
        markers=tuple(
            point(
                m.name,
                m.lat,
                m.lon,
                h=m.h,
                status=m.status.value,
                kind=m.kind.value,
                h_system=m.h_system.value,
            )
            for m in rec.load_markers(store.db)
        ),
        control=tuple(
            point(c.name, c.lat, c.lon, h=c.h, kind=c.kind.value)
            for c in rec.load_control_points(store.db)
        ),
    )


def nearest_marker(layers: MapLayers, e: float, n: float) -> str | None:
    """The marker closest to a grid point (a map click)."""
    if not layers.markers:
        return None
    return min(layers.markers, key=lambda m: math.hypot(m.e - e, m.n - n)).name


def ellipse_outline(
    e: float,
    n: float,
    semi_major: float,
    semi_minor: float,
    orientation_deg: float,
    steps: int = 48,
) -> XY:
    """Outline of an error ellipse; orientation of the major axis clockwise from north."""
    th = math.radians(orientation_deg)
    xs: list[float] = []
    ys: list[float] = []
    for i in range(steps + 1):
        t = 2 * math.pi * i / steps
        a, b = semi_major * math.cos(t), semi_minor * math.sin(t)
        # major axis along the azimuth: north component cos, east component sin
        xs.append(e + a * math.sin(th) + b * math.cos(th))
        ys.append(n + a * math.cos(th) - b * math.sin(th))
    return xs, ys


def plan_job(store: JobStore, rules: PlanRules | None = None) -> Plan:
    """Run the planner with the job's boundary, stored neighbours and activity zones."""
    return plan_task(store, rules)(None)


def plan_task(
    store: JobStore, rules: PlanRules | None = None
) -> Callable[[Callable[[int, int], None] | None], Plan]:
    """The planner's inputs read from the job now; the returned call plans with them.

    The call touches no database, so it may run on another thread than the one that read.
    """
    from fieldapp.survey.planning import PlanRules, plan_markers

    neighbors, zones = stored_areas(store)
    args = (
        rec.load_boundary_points(store.db),
        job_grid(store),
        neighbors,
        zones,
        rec.load_markers(store.db),
        rules or PlanRules(),
    )
    return lambda progress: plan_markers(*args, progress=progress)


def apply_plan(store: JobStore, plan: Plan) -> list[str]:
    """Store a plan: new/moved planned markers; dropped planned markers without records go."""
    from fieldapp.store.marker_names import check_markers

    kept_out = [m.to_marker() for m in plan.markers if not m.kept]
    check_markers(store.db, kept_out, "accepting the plan")
    return rec.store_planned_markers(store.db, kept_out, plan.dropped)


@dataclass(frozen=True, slots=True)
class Checklist:
    """What the berita acara of one marker still needs."""

    missing_photos: tuple[PhotoDirection, ...]
    missing_witness_categories: tuple[WitnessCategory, ...]
    has_occupation: bool
    has_stake: bool
    described: bool

    @property
    def ready(self) -> bool:
        return (
            not self.missing_photos
            and not self.missing_witness_categories
            and self.has_occupation
            and self.has_stake
            and self.described
        )


def required_witness_categories(has_neighbors: bool) -> tuple[WitnessCategory, ...]:
    """A district/village officer always; a neighbour permit holder where permits border."""
    from fieldapp.survey.installation import WitnessCategory

    req = [WitnessCategory.DISTRICT_VILLAGE_OFFICER]
    if has_neighbors:
        req.append(WitnessCategory.NEIGHBOUR_PERMIT_HOLDER)
    return tuple(req)


def berita_acara_checklist(inst: MarkerInstallation, has_neighbors: bool) -> Checklist:
    present = {w.category for w in inst.witnesses if w.withdrawn is None}
    return Checklist(
        missing_photos=inst.progress.missing_photos,
        missing_witness_categories=tuple(
            c for c in required_witness_categories(has_neighbors) if c not in present
        ),
        has_occupation=any(o.result is not None and o.result.passed for o in inst.occupations),
        has_stake=inst.current_stake is not None,
        described=inst.progress.described,
    )


def parse_metres(text: str) -> float:
    """A length typed by the user: decimal comma or point; ValueError with the reason."""
    cleaned = text.strip().replace(" ", "").replace(",", ".").removesuffix("m")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value


@dataclass(frozen=True, slots=True)
class WitnessEntry:
    """A witness in the reusable list (name, institution, category)."""

    name: str
    institution: str
    category: WitnessCategory


def known_witnesses(store: JobStore) -> list[WitnessEntry]:
    """Witnesses recorded anywhere in the job, de-duplicated: the reusable pick list."""
    from fieldapp.survey.installation import WitnessCategory

    seen: dict[tuple[str, str], WitnessEntry] = {}
    for r in store.db.query("SELECT name, institution, category FROM witness ORDER BY id"):
        key = (r["name"], r["institution"])
        seen.setdefault(
            key, WitnessEntry(r["name"], r["institution"], WitnessCategory(r["category"]))
        )
    return list(seen.values())


def status_counts(markers: Sequence[MapPoint]) -> dict[MarkerStatus, int]:
    counts = dict.fromkeys(MarkerStatus, 0)
    for m in markers:
        counts[MarkerStatus(m.status)] += 1
    return counts
