"""What the rencana kerja is made from: the job's plan gathered once, its gaps named, hashed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from fieldapp.reports.data import KIND_ID, ReportData, canonical_json, load_report_data
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.signatory import HolderSignatories, load_signatories
from fieldapp.store.witness_needs import WitnessNeeds, load_witness_needs
from fieldapp.store.work_plan import (
    CostItem,
    ScheduleItem,
    load_costs,
    load_notes,
    load_schedule,
)
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.survey.neighbors import Ring, polygon_on_grid, rings_from_geojson
from fieldapp.survey.planning import PlanRules

# The eight items of Kepmen ESDM 1825 K/30/MEM/2018 for the work plan, as the document heads them.
ITEMS = (
    "Lokasi dan Jumlah Tanda Batas",
    "Akses",
    "Pemegang Izin Berbatasan dan Berbagi Batas",
    "Peta Tematik Hak atas Tanah",
    "Peralatan",
    "Personel",
    "Rencana Biaya",
    "Jadwal Pelaksanaan",
)


@dataclass(frozen=True, slots=True)
class AccessRow:
    marker: str
    place: str  # desa, kecamatan as described
    access: str


@dataclass(frozen=True, slots=True)
class Area:
    """A neighbour permit area or an activity zone: its rings and what the plan says of it."""

    name: str
    rings: tuple[Ring, ...]
    source: str | None
    kind: str = "neighbor"  # neighbor, pit, dump
    size_m: float | None = None  # pit depth or dump height
    markers: tuple[str, ...] = ()  # planned markers on the line shared with it (neighbours)


@dataclass(frozen=True, slots=True)
class LandRow:
    marker: str
    needs: WitnessNeeds


@dataclass(frozen=True, slots=True)
class SurveyorRow:
    name: str
    certificate_no: str | None
    kpo_no: str | None
    kpo_status: str | None
    kpo_updated_on: str | None


@dataclass(frozen=True, slots=True)
class WorkPlan:
    """Everything the rencana kerja states, and the SHA-256 of it."""

    data: ReportData  # permit, grid, boundary, control, equipment, backgrounds
    markers: tuple[Marker, ...]  # every planned marker, at its design position
    access: tuple[AccessRow, ...]
    neighbours: tuple[Area, ...]
    zones: tuple[Area, ...]
    land: tuple[LandRow, ...]  # markers whose recorded situation touches land rights
    surveyors: tuple[SurveyorRow, ...]
    costs: tuple[CostItem, ...]
    schedule: tuple[ScheduleItem, ...]
    notes: dict[str, str]
    signatories: HolderSignatories
    sha256: str

    @property
    def total_idr(self) -> int:
        return sum(c.amount_idr for c in self.costs)

    def kinds(self) -> dict[str, int]:
        """Marker count per kind in Indonesian (Sudut, Sisipan, Referensi), in that order."""
        out: dict[str, int] = {}
        for kind in MarkerKind:
            n = sum(1 for m in self.markers if m.kind is kind)
            if n:
                out[KIND_ID[kind]] = n
        return out

    def sharing(self) -> dict[str, tuple[str, ...]]:
        """Other-commodity permit holders recorded over markers: holder -> those markers."""
        out: dict[str, list[str]] = {}
        for r in self.land:
            if r.needs.other_commodity_holder:
                out.setdefault(r.needs.other_commodity_holder, []).append(r.marker)
        return {k: tuple(v) for k, v in out.items()}

    def missing(self) -> tuple[int, ...]:
        """The numbers (1-8) of the items with no data: each makes the document a DRAF."""
        filled = (
            bool(self.markers),
            bool(self.access or self.notes.get("access")),
            bool(self.neighbours or self.sharing() or self.notes.get("neighbors")),
            bool(self.land or self.notes.get("land_rights")),
            bool(self.data.equipment),
            bool(self.surveyors),
            bool(self.costs),
            bool(self.schedule),
        )
        return tuple(i for i, ok in enumerate(filled, start=1) if not ok)

    def gaps(self) -> tuple[str, ...]:
        """Every reason the rencana kerja is a DRAF, one Indonesian line each."""
        lines = [f"Butir {i} ({ITEMS[i - 1]}) belum diisi" for i in self.missing()]
        if not self.signatories.name:
            lines.append("Nama penanda tangan pemegang IUP belum diisi")
        return tuple(lines)

    @property
    def final(self) -> bool:
        return not self.gaps()


def _surveyors(store: JobStore) -> list[SurveyorRow]:
    rows = store.db.query(
        "SELECT name, certificate_no, kpo_no, kpo_status, kpo_updated_on FROM surveyor ORDER BY id"
    )
    return [SurveyorRow(**r) for r in rows]


def _access(store: JobStore) -> list[AccessRow]:
    rows = store.db.query(
        "SELECT m.name, d.desa, d.kecamatan, d.access FROM marker_description d "
        "JOIN marker m ON m.id = d.marker_id WHERE trim(coalesce(d.access, '')) != ''"
    )
    out = []
    for r in rows:
        place = ", ".join(x for x in (r["desa"], r["kecamatan"]) if x)
        out.append(AccessRow(r["name"], place, " ".join(r["access"].split())))
    return out


def _neighbours(store: JobStore, data: ReportData, markers: list[Marker]) -> list[Area]:
    """Each neighbour with the planned markers on the line it shares with the WIUP."""
    reach = PlanRules().shared_tolerance_m
    points = [(m.name, data.grid_of(m.lat, m.lon)) for m in markers]
    out = []
    from shapely.geometry import Point  # as survey.neighbors: loaded only when a plan is built

    for r in rec.load_geojson_rows(store.db, "neighbor_area"):
        rings = rings_from_geojson(r["geometry"])
        edge = polygon_on_grid(rings, data.grid).boundary
        on = tuple(name for name, (e, n) in points if edge.distance(Point(e, n)) <= reach)
        out.append(Area(r["name"], rings, r["source"], markers=on))
    return out


def _zones(store: JobStore) -> list[Area]:
    return [
        Area(
            r["name"],
            rings_from_geojson(r["geometry"]),
            r["source"],
            r["kind"],
            r["depth_m"] if r["kind"] == "pit" else r["height_m"],
        )
        for r in rec.load_geojson_rows(store.db, "activity_zone")
    ]


def load_work_plan(store: JobStore) -> WorkPlan:
    """Gather the plan of the job open in ``store`` (read only)."""
    # No installed marker's records: the plan states design positions, and a marker whose
    # stake was withdrawn must not stop the plan as it stops the berita acara.
    data = load_report_data(store, select=lambda m: False)
    markers = list(data.all_markers)
    land = []
    for m in markers:
        needs = load_witness_needs(store.db, m.name)
        if needs != WitnessNeeds():
            land.append(LandRow(m.name, needs))
    plan_body = {
        "report": data.sha256,
        "markers": markers,
        "access": _access(store),
        "neighbours": _neighbours(store, data, markers),
        "zones": _zones(store),
        "land": land,
        "surveyors": _surveyors(store),
        "costs": load_costs(store.db),
        "schedule": load_schedule(store.db),
        "notes": load_notes(store.db),
        "signatories": load_signatories(store.db),
    }
    digest = hashlib.sha256(canonical_json(plan_body).encode("utf-8")).hexdigest()
    b = plan_body
    return WorkPlan(
        data,
        tuple(markers),
        tuple(b["access"]),
        tuple(b["neighbours"]),
        tuple(b["zones"]),
        tuple(land),
        tuple(b["surveyors"]),
        tuple(b["costs"]),
        tuple(b["schedule"]),
        b["notes"],
        b["signatories"],
        digest,
    )
