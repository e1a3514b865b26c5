"""The demo job with markers installed and documented, so every report works on it as is."""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fieldapp.demo_job import create_demo_job
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.stream import NmeaStream
from fieldapp.operations import job_grid
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment, find_equipment
from fieldapp.store.installation import (
    add_witness,
    record_reference,
    record_stake_from_occupation,
    set_description,
)
from fieldapp.store.occupations import begin_occupation
from fieldapp.store.photos import import_photo
from fieldapp.store.signatory import set_signatories
from fieldapp.survey.installation import Description, PhotoDirection, WitnessCategory
from fieldapp.survey.local import metres_per_degree
from fieldapp.survey.neighbors import ActivityZone, NeighborArea, rings_from_geojson
from fieldapp.survey.occupation import AntennaHeight, HeightMethod, Position, profile_named
from fieldapp.survey.planning import plan_markers

DOCUMENTED = ("4", "4A", "4B")
RECEIVER_SERIALS = "3374-1928-0041 / 3374-1928-0057"  # a corner and the two infill markers after it
EXIF_ORIENTATION = 0x0112
EXIF_DATETIME_ORIGINAL = 36867
_SKY = {
    "utara": (120, 170, 220),
    "timur": (150, 190, 230),
    "selatan": (110, 160, 205),
    "barat": (200, 170, 140),
    "detail": (90, 90, 90),
}


@dataclass(frozen=True, slots=True)
class DemoSite:
    desa: str
    kecamatan: str
    access: str
    condition: str


SITES = {
    # Access from the nearest Titik Bantu or Tanda Batas, as measured on the demo's grid
    # (TB-04 is 60 m from 4; 4A is 460 m south of 4; TB-05 is 420 m south of 4B).
    "4": DemoSite(
        "Jembayan",
        "Loa Kulu",
        "Dari jalan hauling km 12 ke utara ±350 m melalui jalan setapak; kendaraan roda dua "
        "sampai 50 m dari titik. Titik Bantu TB-04 berada ±60 m di barat daya.",
        "Baik: tugu beton 20×20×100 cm, cat kuning, pelat nama terpasang, tidak terganggu.",
    ),
    "4A": DemoSite(
        "Jembayan",
        "Loa Kulu",
        "Dari Tanda Batas 4 menyusuri garis batas ke selatan ±460 m; "
        "semak belukar, dibuka jalur selebar 1 m.",
        "Baik: tugu beton 20×20×100 cm, cat kuning, terletak di tepi kebun karet milik warga.",
    ),
    "4B": DemoSite(
        "Jembayan Tengah",
        "Loa Kulu",
        "Dari Titik Bantu TB-05 ke utara ±420 m menyusuri garis batas; medan datar, tanah liat.",
        "Baik: tugu beton 20×20×100 cm, cat kuning; Tanda Batas Referensi dipasang 6 m ke arah "
        "barat daya karena titik sebenarnya berada di alur sungai kecil.",
    ),
}
# The neighbour witness is the holder recorded for the neighbouring WIUP (tetangga.geojson);
# each marker's officer is of its own desa; 4A's rubber garden brings its land-right holder.
_DESA_JEMBAYAN = ("Suparman", "Kantor Desa Jembayan", WitnessCategory.DISTRICT_VILLAGE_OFFICER)
_NEIGHBOUR = (
    "Ir. Hendra Wijaya",
    "PT Tetangga Batubara Sejahtera",
    WitnessCategory.NEIGHBOUR_PERMIT_HOLDER,
)
WITNESSES = {
    "4": (_DESA_JEMBAYAN, _NEIGHBOUR),
    "4A": (
        _DESA_JEMBAYAN,
        _NEIGHBOUR,
        ("Dewi Lestari, S.Hut.", "KPHP Santan", WitnessCategory.FORESTRY_OFFICER),
        ("H. Abdul Rahman", "Pemilik kebun karet (SKT Desa Jembayan)",
         WitnessCategory.LAND_RIGHT_HOLDER),
    ),
    "4B": (
        ("Yohanes Lahang", "Pemerintah Desa Jembayan Tengah",
         WitnessCategory.DISTRICT_VILLAGE_OFFICER),
        _NEIGHBOUR,
    ),
}  # fmt: skip


HOLDER_SIGNATORY = "Ir. Andi Pratama, M.T."
HOLDER_POSITION = "Direktur Operasional"
KTT_NAME = "Ir. Bambang Sutejo"


def synthetic_photo(
    path: Path,
    size: tuple[int, int],
    label: str,
    direction: str,
    when: dt.datetime,
    orientation: int | None = None,
    quality: int = 85,
) -> Path:
    """A JPEG of a marker site drawn with Pillow; ``orientation`` 6 stores it turned (EXIF)."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = size
    img = Image.new("RGB", size, _SKY.get(direction, (128, 128, 128)))
    draw = ImageDraw.Draw(img)
    horizon = int(h * 0.55)
    draw.rectangle((0, horizon, w, h), fill=(70, 110, 50))
    for i in range(0, w, max(8, w // 60)):  # trees along the horizon
        top = horizon - (i * 7919 % max(1, h // 5))
        draw.rectangle((i, top, i + max(4, w // 120), horizon), fill=(30, 80, 35))
    pw = w // 12
    draw.rectangle(
        (w // 2 - pw // 2, int(h * 0.45), w // 2 + pw // 2, int(h * 0.8)),
        fill=(215, 210, 200),
        outline=(0, 0, 0),
        width=max(2, w // 400),
    )
    font = ImageFont.truetype(_font(), max(12, h // 14))
    draw.text((w // 20, h // 20), f"{label} · {direction}", fill=(0, 0, 0), font=font)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 1
    exif.get_ifd(0x8769)[EXIF_DATETIME_ORIGINAL] = when.strftime("%Y:%m:%d %H:%M:%S")
    if orientation == 6:
        # Orientation 6: the viewer turns the stored pixels 90° clockwise, so store them turned
        # counter-clockwise; a reader that ignores EXIF would show the scene on its side.
        img = img.transpose(Image.Transpose.ROTATE_90)
        exif[EXIF_ORIENTATION] = 6
    img.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def _font() -> str:
    from fieldapp.resources import resource_path

    return str(resource_path("fonts", "DejaVuSans.ttf"))


def _plan(store: JobStore) -> None:
    nbs = [
        NeighborArea(r["name"], rings_from_geojson(r["geometry"]))
        for r in rec.load_geojson_rows(store.db, "neighbor_area")
    ]
    zones = [
        ActivityZone(
            r["name"], r["kind"], rings_from_geojson(r["geometry"]), r["depth_m"], r["height_m"]
        )
        for r in rec.load_geojson_rows(store.db, "activity_zone")
    ]
    plan = plan_markers(rec.load_boundary_points(store.db), job_grid(store), nbs, zones)
    rec.upsert_markers(store.db, [m.to_marker() for m in plan.markers])


def _occupy(store: JobStore, name: str, surveyor: str, start: dt.datetime, seed: int) -> None:
    """Average 40 epochs of a simulated RTK receiver standing within centimetres of the design."""
    m = rec.load_marker(store.db, name)
    kn, ke = metres_per_degree(m.lat)
    # The monument ends up a few centimetres off design, as a real one does.
    off_n, off_e = 0.012 * math.cos(seed), 0.018 * math.sin(seed)
    antenna = AntennaHeight(1.800, HeightMethod.VERTICAL, 0.0, 0.0)
    ground_h = (m.h if m.h is not None else 95.0) + 0.3 * seed
    sim = Simulator(
        SimConfig(
            start_lat=m.lat + off_n / kn,
            start_lon=m.lon + off_e / ke,
            height_m=ground_h + antenna.total_m,
            noise_m=0.006,
            noise_up_m=0.012,
            start=start,
            seed=seed,
        )
    )
    recorder = begin_occupation(
        store.db,
        name,
        profile_named("default"),
        antenna,
        device="CHCNAV i73+ (simulasi)",
        # 4B's true point lies in a stream: located by the stake-out, its monument is the
        # Tanda Batas Referensi (store.installation.true_point_monument).
        source="stakeout" if name == "4B" else "simulator",
        surveyor=surveyor,
        batch=20,
        base_station="BM-02",  # the base receiver stood on BM-02
        equipment_id=find_equipment(store.db, RECEIVER_SERIALS),
    )
    stream = NmeaStream()
    for k in range(40):
        for fix in stream.feed(sim.next_epoch(), float(k)):
            recorder.add(fix)
    for fix in stream.flush():
        recorder.add(fix)
    # Measured again after the session (Kepdirjen 697.K/29/DDJP/1996): the pole held.
    record = recorder.finish(antenna, antenna_after_m=antenna.measured_m + 0.001 * (seed % 3))
    if record.result is None or not record.result.passed:
        raise RuntimeError(f"demo occupation of {name} did not pass: {record.result}")
    record_stake_from_occupation(store.db, record.id)


def populate_documented(store: JobStore, photo_size: tuple[int, int] = (1600, 1200)) -> list[str]:
    """Plan the demo WIUP and install and document :data:`DOCUMENTED`; returns their names."""
    if not rec.load_markers(store.db):
        _plan(store)
    add_equipment(
        store.db,
        Equipment(
            EquipmentKind.GNSS_RECEIVER,
            "CHCNAV i73+ (base + rover)",
            RECEIVER_SERIALS,
        ),
    )
    add_equipment(store.db, Equipment(EquipmentKind.TOTAL_STATION, "Sokkia iM-52", "HR0934"))
    # Who signs for the permit holder, and the KTT who acknowledges: a final berita acara
    # names both (fictional people of the fictional demo company).
    set_signatories(store.db, name=HOLDER_SIGNATORY, position=HOLDER_POSITION, ktt_name=KTT_NAME)
    surveyor = rec.load_surveyors(store.db)[0].name
    day0 = dt.datetime(2026, 11, 9, 1, 30, tzinfo=dt.UTC)  # 09:30 WITA
    with tempfile.TemporaryDirectory(prefix="fieldapp-demo-photos-") as tmp:
        for k, name in enumerate(DOCUMENTED, start=1):
            start = day0 + dt.timedelta(days=k // 2, hours=2 * k)
            _occupy(store, name, surveyor, start, seed=k)
            site = SITES[name]
            set_description(
                store.db,
                name,
                Description(
                    desa=site.desa,
                    kecamatan=site.kecamatan,
                    kabupaten="Kutai Kartanegara",
                    provinsi="Kalimantan Timur",
                    access=site.access,
                    condition=site.condition,
                    surveyor=surveyor,
                ),
            )
            for d, direction in enumerate(PhotoDirection):
                path = Path(tmp) / f"IMG_{k}{d}_{direction.value}.jpg"
                when = (start + dt.timedelta(hours=8, minutes=10 + d)).replace(tzinfo=None)
                orientation = 6 if (name, direction) == ("4", PhotoDirection.TIMUR) else None
                synthetic_photo(
                    path, photo_size, f"Tanda Batas {name}", direction.value, when, orientation
                )
                import_photo(
                    store, name, path, direction, f"Tanda batas {name}, arah {direction.value}"
                )
            for wname, inst, cat in WITNESSES[name]:
                add_witness(store.db, name, wname, inst, cat)
        m = rec.load_marker(store.db, "4B")
        kn, ke = metres_per_degree(m.lat)
        record_reference(
            store.db,
            "4B",
            Position(m.lat - 4.2 / kn, m.lon - 4.3 / ke, m.h),
            "titik sebenarnya di alur sungai",
            surveyor,
        )
    return list(DOCUMENTED)


def export_documented_demo(path: str | Path, *, background: bool = True) -> Path:
    """Write a new demo job at ``path`` with :data:`DOCUMENTED` installed and documented."""
    store = create_demo_job(path, background=background)
    with store:
        populate_documented(store)
    return Path(path)
