"""Installation records: stakes, reference markers, description, photos, witnesses, audit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from fixfactory import H0, LAT0, LON0, make_fix
from PIL import Image

from fieldapp.store import JobStore
from fieldapp.store.installation import (
    add_witness,
    load_installation,
    record_reference,
    record_stake,
    record_stake_from_occupation,
    set_description,
    withdraw,
)
from fieldapp.store.occupations import begin_occupation
from fieldapp.store.photos import PhotoError, import_photo, verify_photo, withdraw_photo
from fieldapp.store.records import add_surveyor, load_marker, upsert_markers
from fieldapp.survey.installation import (
    Description,
    PhotoDirection,
    StakeSource,
    WitnessCategory,
)
from fieldapp.survey.models import Marker, MarkerKind, MarkerStatus, Surveyor
from fieldapp.survey.occupation import AntennaHeight, GateProfile, Position, metres_per_degree

KN, KE = metres_per_degree(LAT0)
FULL = Description("Sungai Lunuk", "Long Ikis", "Paser", "Kalimantan Timur", "jalan hauling km 4")


@pytest.fixture
def job(tmp_path: Path) -> JobStore:
    store = JobStore.create(tmp_path / "t.fieldapp", "Test")
    upsert_markers(store.db, [Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, 40.0)])
    add_surveyor(store.db, Surveyor("Budi Santoso", "CERT-1", "KPO-9"))
    return store


def jpeg(path: Path, gps: bool = True, colour: str = "green") -> Path:
    img = Image.new("RGB", (64, 48), colour)
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2024:03:05 10:11:12"
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "S", (1.0, 22.0, 3.21), "E", (116.0, 5.0, 12.345)
    img.save(path, "JPEG", exif=exif)
    return path


def rows(job: JobStore, table: str) -> int:
    return int(job.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_total_station_stake_delta_and_tolerance(job: JobStore) -> None:
    pos = Position(LAT0 + 0.03 / KN, LON0 - 0.04 / KE, 40.12)
    stake = record_stake(job.db, "1", pos, StakeSource.TOTAL_STATION, ts_shot="gsi:12",
                         surveyor="Budi Santoso")  # fmt: skip
    assert stake.delta.dn_m == pytest.approx(0.03, abs=1e-6)
    assert stake.delta.de_m == pytest.approx(-0.04, abs=1e-6)
    assert stake.delta.dh_m == pytest.approx(0.12)
    assert stake.delta.horizontal_m == pytest.approx(0.05, abs=1e-6) and stake.delta.passed
    assert stake.surveyor == "Budi Santoso" and stake.ts_shot == "gsi:12"
    assert load_marker(job.db, "1").status is MarkerStatus.STAKED
    far = record_stake(job.db, "1", Position(LAT0 + 0.2 / KN, LON0), StakeSource.TOTAL_STATION)
    assert not far.delta.passed and far.delta.dh_m is None
    with pytest.raises(ValueError, match="occupation"):
        record_stake(job.db, "1", pos, StakeSource.GNSS)
    with pytest.raises(LookupError, match="no surveyor named 'Nobody'"):
        record_stake(job.db, "1", pos, StakeSource.TOTAL_STATION, surveyor="Nobody")


def test_stake_from_a_passed_occupation(job: JobStore) -> None:
    rec = begin_occupation(job.db, "1", GateProfile(min_epochs=3, min_seconds=2), AntennaHeight(2))
    for i in range(4):
        rec.add(make_fix(i, dn=0.01))
    occ = rec.finish()
    stake = record_stake_from_occupation(job.db, occ.id)
    assert stake.source is StakeSource.GNSS and stake.occupation_id == occ.id
    assert stake.position.h == pytest.approx(H0 - 2.0)
    assert stake.delta.dn_m == pytest.approx(0.01, abs=1e-6)
    failed = begin_occupation(job.db, "1", GateProfile())
    failed.add(make_fix(0))
    with pytest.raises(ValueError, match="no passed result"):
        record_stake_from_occupation(job.db, failed.finish().id)


def test_reference_marker_azimuth_and_distance(job: JobStore) -> None:
    # 10 m south of the true point: the true point lies due north.
    ref = record_reference(job.db, "1", Position(LAT0 - 10 / KN, LON0, 40.0), note="rawa")
    assert ref.geometry.azimuth_deg == pytest.approx(0.0, abs=1e-6) or (
        ref.geometry.azimuth_deg == pytest.approx(360.0, abs=1e-6)
    )
    assert ref.geometry.distance_m == pytest.approx(10.0, abs=1e-4)
    assert ref.geometry.ground_distance_m is not None
    assert ref.geometry.ground_distance_m > ref.geometry.distance_m


def test_status_moves_forward_as_records_arrive_and_back_on_withdrawal(
    job: JobStore, tmp_path: Path
) -> None:
    def status() -> MarkerStatus:
        return load_marker(job.db, "1").status

    assert status() is MarkerStatus.PLANNED
    set_description(job.db, "1", FULL)
    assert status() is MarkerStatus.PLANNED  # a description alone does not stake a marker
    record_stake(job.db, "1", Position(LAT0, LON0), StakeSource.TOTAL_STATION)
    assert status() is MarkerStatus.INSTALLED
    photo_ids = []
    for i, d in enumerate(PhotoDirection):
        photo_ids.append(
            import_photo(job, "1", jpeg(tmp_path / f"p{i}.jpg", colour=f"#{i}0{i}"), d).id
        )
    assert status() is MarkerStatus.INSTALLED  # no witness yet
    w = add_witness(job.db, "1", "Pak Lurah", "Desa Sungai Lunuk",
                    WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    assert status() is MarkerStatus.DOCUMENTED
    inst = load_installation(job.db, "1")
    assert inst.progress.missing_photos == () and inst.progress.witnesses == 1
    withdraw(job.db, "witness", w.id, "wrong person recorded")
    assert status() is MarkerStatus.INSTALLED
    withdraw_photo(job, photo_ids[0], "blurred")
    inst = load_installation(job.db, "1")
    assert inst.progress.missing_photos == (PhotoDirection.UTARA,)
    assert inst.witnesses[0].withdrawn is not None
    assert inst.witnesses[0].withdrawn.reason == "wrong person recorded"
    assert rows(job, "witness") == 1 and rows(job, "photo") == 5  # nothing deleted
    with pytest.raises(ValueError, match="already withdrawn"):
        withdraw(job.db, "witness", w.id, "again")
    actions = [r[0] for r in job.db.execute("SELECT action FROM change_log ORDER BY id")]
    assert actions.count("withdraw") == 2 and "status" in actions


def test_description_updates_keep_fields_and_log_the_old_values(job: JobStore) -> None:
    set_description(job.db, "1", FULL)
    d = set_description(job.db, "1", Description(condition="baik", surveyor="Budi Santoso"))
    assert (d.desa, d.condition, d.surveyor) == ("Sungai Lunuk", "baik", "Budi Santoso")
    last = job.db.execute(
        "SELECT action, detail FROM change_log WHERE table_name = 'marker_description'"
        " ORDER BY id DESC"
    ).fetchone()
    assert last[0] == "update" and json.loads(last[1])["before"] == {
        "condition": None, "surveyor_id": None,
    }  # fmt: skip


def test_photo_is_copied_unchanged_with_hash_and_exif(job: JobStore, tmp_path: Path) -> None:
    src = jpeg(tmp_path / "IMG 0001.JPG")
    p = import_photo(job, "1", src, "utara", caption="arah utara")
    copy = job.photos_dir / p.file_name
    assert copy.read_bytes() == src.read_bytes()
    assert p.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert p.original_name == "IMG 0001.JPG" and p.direction is PhotoDirection.UTARA
    assert (p.width, p.height, p.image_format) == (64, 48, "JPEG")
    assert p.exif_time == "2024-03-05T10:11:12"
    assert p.exif_lat == pytest.approx(-(1 + 22 / 60 + 3.21 / 3600))
    assert p.exif_lon == pytest.approx(116 + 5 / 60 + 12.345 / 3600)
    assert verify_photo(job, p)
    no_gps = import_photo(job, "1", jpeg(tmp_path / "b.jpg", gps=False, colour="red"), "detail")
    assert no_gps.exif_lat is None and no_gps.exif_lon is None
    with pytest.raises(PhotoError, match="already imported"):
        import_photo(job, "1", src, "timur")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"this is not a JPEG", "not an image"),
        (b"\xff\xd8\xff\xe0", "not an image"),
    ],
)
def test_bad_photo_is_refused_naming_the_file_and_nothing_is_stored(
    job: JobStore, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "notes.jpg"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PhotoError, match=message) as err:
        import_photo(job, "1", path, "utara")
    assert str(path) in str(err.value)
    assert rows(job, "photo") == 0 and rows(job, "change_log") == 0
    assert list(job.photos_dir.iterdir()) == []


def test_jpeg_cut_short_is_refused(job: JobStore, tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((640, 480), 60).convert("RGB").save(whole, "JPEG", quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with Image.open(cut) as img:
        img.verify()  # the header alone looks fine: this is why a decode is needed
    with pytest.raises(PhotoError, match="not an image") as err:
        import_photo(job, "1", cut, "utara")
    assert str(cut) in str(err.value) and rows(job, "photo") == 0
    assert import_photo(job, "1", whole, "utara").width == 640


def test_bad_names_directions_and_categories(job: JobStore, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="no marker named '7B'"):
        import_photo(job, "7B", jpeg(tmp_path / "a.jpg"), "utara")
    with pytest.raises(PhotoError, match="unknown direction 'north'"):
        import_photo(job, "1", jpeg(tmp_path / "a.jpg"), "north")
    with pytest.raises(ValueError, match="camat"):
        add_witness(job.db, "1", "X", "Y", "camat")  # type: ignore[arg-type]
    with pytest.raises(LookupError, match="no marker named '7B'"):
        add_witness(job.db, "7B", "X", "Y", WitnessCategory.FORESTRY_OFFICER)
    with pytest.raises(ValueError, match="cannot withdraw"):
        withdraw(job.db, "marker", 1, "no")
    assert rows(job, "photo") == 0 and rows(job, "witness") == 0
