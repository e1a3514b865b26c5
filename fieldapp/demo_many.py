"""A demo job with many installed markers (benchmarks and scale tests of the documents)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fieldapp.demo_job import create_demo_job
from fieldapp.store import records as rec
from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment
from fieldapp.store.installation import add_witness, record_stake, set_description
from fieldapp.store.photos import import_photo
from fieldapp.survey.installation import (
    Description,
    PhotoDirection,
    StakeSource,
    WitnessCategory,
)
from fieldapp.survey.local import metres_per_degree
from fieldapp.survey.models import BoundaryPoint, Marker, MarkerKind
from fieldapp.survey.occupation import Position

VILLAGE_OFFICER = ("Suparman", "Kantor Desa Jembayan")


def create_many_marker_job(
    path: Path,
    n_markers: int,
    frames: Sequence[Path] = (),
    *,
    photos_per_marker: int = 5,
    description: Description | None = None,
) -> Path:
    """``n_markers`` markers evenly along the demo WIUP, each staked, described and witnessed
    by the same village officer (who in the field witnesses every marker of the village).

    Marker ``i`` gets photo ``k`` from ``frames[(i * photos_per_marker + k) % len(frames)]``,
    so as many distinct frames as markers x photos make every photo distinct; no frames, no
    photos (the deskripsi sheets are then DRAF, which the documents still build).
    """
    directions = list(PhotoDirection)[:photos_per_marker]
    site = description or Description(
        "Jembayan", "Loa Kulu", "Kutai Kartanegara", "Kalimantan Timur", "jalan setapak", "baik"
    )
    with create_demo_job(path) as store:
        ring = rec.load_boundary_points(store.db)
        add_equipment(store.db, Equipment(EquipmentKind.TOTAL_STATION, "Sokkia iM-52", "HR0934"))
        markers = markers_along_boundary(ring, n_markers)
        rec.upsert_markers(store.db, markers)
        kn, ke = metres_per_degree(markers[0].lat)
        for i, m in enumerate(markers):
            pos = Position(m.lat + 0.01 / kn, m.lon - 0.02 / ke, 90.05)
            with store.db.atomic():
                record_stake(store.db, m.name, pos, StakeSource.TOTAL_STATION, ts_shot=f"shot {i}")
                set_description(store.db, m.name, site)
                add_witness(store.db, m.name, *VILLAGE_OFFICER,
                            WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
            for k, direction in enumerate(directions if frames else ()):
                frame = frames[(i * photos_per_marker + k) % len(frames)]
                import_photo(store, m.name, frame, direction)
    return path


def markers_along_boundary(ring: Sequence[BoundaryPoint], n_markers: int) -> list[Marker]:
    """``n_markers`` markers B000, B001, ... evenly along ``ring`` (the demo WIUP's points)."""
    markers = []
    for i in range(n_markers):
        # Evenly along the ring: edges are parallels/meridians, so interpolate in degrees.
        t = i * len(ring) / n_markers
        a, b = ring[int(t)], ring[(int(t) + 1) % len(ring)]
        f = t - int(t)
        lat, lon = a.lat + f * (b.lat - a.lat), a.lon + f * (b.lon - a.lon)
        kind = MarkerKind.CORNER if f == 0 else MarkerKind.INFILL
        markers.append(Marker(f"B{i:03d}", kind, i + 1, lat, lon, 90.0, (a.number, b.number)))
    return markers
