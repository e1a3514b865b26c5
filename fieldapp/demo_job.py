"""The bundled demo job: an invented WIUP in East Kalimantan built from resources/demo/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fieldapp.exchange.areas import read_activity_zones, read_neighbors
from fieldapp.operations import import_boundary, import_control
from fieldapp.resources import resource_path
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import Surveyor
from fieldapp.survey.neighbors import rings_to_geojson

# A painted, synthetic image of the demo WIUP (scripts/make_demo_background.py), named so.
DEMO_BACKGROUND = ("backgrounds", "demo_citra_contoh.mbtiles")


def demo_dir() -> Path:
    return resource_path("demo")


def create_demo_job(path: str | Path, *, background: bool = True) -> JobStore:
    """Create the demo job at ``path`` (a new ``*.fieldapp`` folder) and return it open.

    ``background``: the bundled starter background, copied into the job as a user's would be.
    """
    folder = demo_dir()
    meta = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    permit = {k: meta[k] for k in rec.DECREE_FIELDS}
    store = JobStore.create(path, meta["name"], **permit)
    import_boundary(store, folder / meta["boundary"])
    import_control(store, folder / meta["control"])
    for s in meta["surveyors"]:
        # Cards active and their data updated the day the demo is made: its documents stay
        # final whenever it is made (an overdue yearly KPO update would make them DRAF).
        card = Surveyor(s["name"], s["certificate_no"], s["kpo_no"], True, "aktif", dt.date.today())
        rec.add_surveyor(store.db, card)
    for nb in read_neighbors(folder / meta["neighbors"]):
        rec.add_neighbor_area(store.db, nb.name, rings_to_geojson(nb.rings), meta["neighbors"])
    for z in read_activity_zones(folder / meta["activity"]):
        geometry = rings_to_geojson(z.rings)
        rec.add_activity_zone(
            store.db, z.name, z.kind, geometry, z.depth_m, z.height_m, meta["activity"]
        )
    if background:
        from fieldapp.store.backgrounds import add_background

        add_background(store, resource_path(*DEMO_BACKGROUND), copy=True)
    return store
