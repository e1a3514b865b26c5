"""Maintenance inspections on the documented demo job: photos, check shot, refusals."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from inspectkit import (
    ANTENNA_M,
    TODAY,
    VISIT,
    capture_at,
    copy_job,
    documented_job,
    dump,
    jpeg,
    plain_jpeg,
    stake_position,
)

from fieldapp.app.check_shot import gnss_measurement
from fieldapp.store import JobStore
from fieldapp.store.inspections import (
    InspectionError,
    installed_position,
    latest_inspections,
    list_inspections,
    record_inspection,
)
from fieldapp.store.marker_history import marker_history
from fieldapp.store.photos import sha256_file
from fieldapp.store.records import load_surveyors
from fieldapp.survey.local import metres_per_degree
from fieldapp.survey.occupation import AntennaHeight, HeightMethod

ANTENNA = AntennaHeight(ANTENNA_M, HeightMethod.VERTICAL, 0.0, 0.0)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return documented_job(tmp_path_factory.mktemp("tpl") / "demo.fieldapp")


@pytest.fixture
def job(template: Path, tmp_path: Path) -> Path:
    return copy_job(template, tmp_path / "demo.fieldapp")


@pytest.fixture
def store(job: Path) -> Iterator[JobStore]:
    with JobStore.open(job) as s:
        yield s


def installation_dump(store: JobStore) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for table in ("marker", "stake", "photo", "occupation", "witness", "marker_description"):
        out += [(table, *r) for r in store.db.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    return out


def test_an_inspection_with_photos_and_a_gnss_check_shot(
    store: JobStore, job: Path, tmp_path: Path
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    cap = capture_at(tmp_path / "check.nmea", lat, lon, h, north_m=0.03, east_m=-0.04)
    before = installation_dump(store)
    surveyor = load_surveyors(store.db)[0].name
    veg = jpeg(tmp_path / "veg.jpg")
    detail = jpeg(tmp_path / "det.jpg", "detail")
    done = record_inspection(
        store, "4", condition="baik", vegetation_cleared=True, inspected_on=VISIT,
        surveyor=surveyor, access_condition="jalan setapak baik", action_taken="cat ulang",
        photos=[(veg, "vegetasi", "dibersihkan 1 m"), (detail, "detail", None)],
        check=gnss_measurement(cap, ANTENNA), today=TODAY,
    )  # fmt: skip
    assert (done.marker, done.condition, done.inspected_on, done.surveyor) == (
        "4", "baik", VISIT, surveyor,
    )  # fmt: skip
    assert done.vegetation_cleared and done.action_taken == "cat ulang"
    c = done.check
    assert c is not None and c.source == "gnss" and c.fix_quality == 4
    # The pole stood 3 cm north and 4 cm west of the stake: the average says so to a few mm.
    assert c.dn_m == pytest.approx(0.03, abs=0.005)
    assert c.de_m == pytest.approx(-0.04, abs=0.005)
    assert c.horizontal_m == pytest.approx(0.05, abs=0.005)
    assert c.dh_m is not None and abs(c.dh_m) < 0.01  # antenna height taken off
    assert c.tolerance_m == 0.10 and c.passed
    assert c.sigma_h_m is not None and c.sigma_h_m < 0.01
    assert "check.nmea" in c.detail and "rtk fixed" in c.detail
    # The photos: copied unchanged into the job, hashed, apart from the installation photos.
    assert [p.direction for p in done.photos] == ["vegetasi", "detail"]
    for p, src in zip(done.photos, (veg, detail), strict=True):
        assert p.file_name.startswith("photos/pemeliharaan/4_")
        assert p.sha256 == sha256_file(src) == sha256_file(job / p.file_name)
    assert done.photos[0].caption == "dibersihkan 1 m"
    # Nothing of the installation record changed.
    assert installation_dump(store) == before
    assert list_inspections(store.db, "4") == [done]
    assert latest_inspections(store.db) == {"4": done}
    log = store.db.execute(
        "SELECT table_name, action FROM change_log WHERE table_name LIKE 'inspection%'"
    ).fetchall()
    assert sorted(log) == [("inspection", "insert"), *[("inspection_photo", "insert")] * 2]


def test_a_moved_monument_fails_its_check(store: JobStore, job: Path, tmp_path: Path) -> None:
    lat, lon, h = stake_position(job, "4A")
    assert h is not None
    cap = capture_at(tmp_path / "moved.nmea", lat, lon, h, north_m=-0.20, east_m=0.15)
    done = record_inspection(
        store, "4A", condition="bergeser", vegetation_cleared=False, inspected_on=VISIT,
        photos=[(plain_jpeg(tmp_path / "a.jpg", "red"), "detail", None)],
        check=gnss_measurement(cap, ANTENNA), today=TODAY,
    )  # fmt: skip
    c = done.check
    assert c is not None and not c.passed
    assert c.horizontal_m == pytest.approx(0.25, abs=0.006)
    assert math.atan2(c.de_m, c.dn_m) == pytest.approx(math.atan2(0.15, -0.20), abs=0.03)
    assert store.db.execute("SELECT check_passed FROM inspection").fetchone()[0] == 0


def test_a_referenced_marker_is_checked_at_its_reference(
    store: JobStore, job: Path, tmp_path: Path
) -> None:
    where = installed_position(store.db, "4B")
    assert where is not None and where.what.startswith("Tanda Batas Referensi")
    stake = installed_position(store.db, "4")
    assert stake is not None and stake.what.startswith("stake")
    # The pole on the reference marker, ~6 m from the located true point: within tolerance.
    p, (_, _, h) = where.position, stake_position(job, "4B")
    assert p.h is None and h is not None  # the reference was recorded without a height
    cap = capture_at(tmp_path / "ref.nmea", p.lat, p.lon, h, east_m=0.02)
    done = record_inspection(store, "4B", condition="baik", vegetation_cleared=False,
                             inspected_on=VISIT, check=gnss_measurement(cap, ANTENNA),
                             today=TODAY)  # fmt: skip
    assert done.check is not None and done.check.passed
    assert done.check.de_m == pytest.approx(0.02, abs=0.005) and done.check.dh_m is None
    # The record (and the laporan printing it) says what was measured: not the true point.
    assert done.check.detail.endswith("; dibandingkan dengan Tanda Batas Referensi")
    assert stake.monument_id == "tugu Tanda Batas terpasang"
    # A check 0.4 m off the reference: the history says the reference moved, not the Tanda Batas.
    off = capture_at(tmp_path / "off.nmea", p.lat, p.lon, h, north_m=0.4)
    record_inspection(store, "4B", condition="baik", vegetation_cleared=False,
                      inspected_on=TODAY, check=gnss_measurement(off, ANTENNA),
                      today=TODAY)  # fmt: skip
    moved = [e.text for e in marker_history(store.db, "4B") if e.kind == "moved"]
    assert len(moved) == 1
    assert moved[0].startswith("Ukuran cek menunjukkan Tanda Batas Referensi bergeser 0,")


def _reinstallation(store: JobStore, marker: str, closed: str | None) -> int:
    """A reinstallation row as its own code writes it (schema_reinstall.py)."""
    mid = store.db.execute("SELECT id FROM marker WHERE name = ?", [marker]).fetchone()[0]
    with store.db.atomic():
        cur = store.db.execute(
            "INSERT INTO reinstallation (uuid, marker_id, reason, status_before, opened_at,"
            " closed_at) VALUES (?, ?, 'hilang', 'documented', '2026-12-02T01:00:00+00:00', ?)",
            [f"r-{marker}-{closed}", mid, closed],
        )
    return int(cur.lastrowid or 0)


def test_an_open_reinstallation_is_not_inspected(job: Path) -> None:
    with JobStore.open(job) as store:
        _reinstallation(store, "4", None)
    _refused(job, "marker 4 has a reinstallation open since 2026-12-02: close or cancel it")


def test_after_a_reinstallation_the_new_monument_is_checked(
    store: JobStore, job: Path, tmp_path: Path
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    rid = _reinstallation(store, "4", "2026-12-03T05:00:00+00:00")
    mid = store.db.execute("SELECT id FROM marker WHERE name = '4'").fetchone()[0]
    kn, _ = metres_per_degree(lat)
    new_lat = lat + 1.5 / kn  # the new monument 1.5 m north of the lost one
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO stake (marker_id, source, lat, lon, h, dn_m, de_m, horizontal_m,"
            " tolerance_m, passed, recorded_at, reinstallation_id, ts_shot)"
            " VALUES (?, 'ts', ?, ?, ?, 0.01, 0.0, 0.01, 0.1, 1, '2026-12-03T04:00:00+00:00',"
            " ?, 'shot 1')",
            [mid, new_lat, lon, h, rid],
        )
    where = installed_position(store.db, "4")
    assert where is not None and where.what.endswith(f"of reinstallation {rid}")
    assert where.installed_on.isoformat() == "2026-12-03"
    with pytest.raises(InspectionError, match="date 2026-12-01: before marker 4 was installed"):
        record_inspection(store, "4", condition="baik", vegetation_cleared=False,
                          inspected_on=VISIT, today=TODAY)  # fmt: skip
    cap = capture_at(tmp_path / "new.nmea", new_lat, lon, h)
    done = record_inspection(store, "4", condition="baik", vegetation_cleared=False,
                             inspected_on=TODAY, check=gnss_measurement(cap, ANTENNA),
                             today=TODAY)  # fmt: skip
    assert done.check is not None and done.check.passed and done.check.horizontal_m < 0.01
    assert done.check.detail.endswith("dibandingkan dengan tugu Tanda Batas hasil pemasangan ulang")


def test_latest_is_by_date_not_by_entry(store: JobStore, tmp_path: Path) -> None:
    later = record_inspection(store, "4", condition="baik", vegetation_cleared=False,
                              inspected_on="2026-12-03", today=TODAY)  # fmt: skip
    grey = plain_jpeg(tmp_path / "r.jpg", "grey")
    earlier = record_inspection(store, "4", condition="rusak", vegetation_cleared=False,
                                inspected_on="2026-11-20", today=TODAY,
                                photos=[(grey, "detail")])  # fmt: skip
    assert [i.id for i in list_inspections(store.db)] == [earlier.id, later.id]
    assert latest_inspections(store.db)["4"].id == later.id


def _refused(job: Path, match: str, marker: str = "4", **kw: object) -> None:
    before = dump(job)
    args: dict[str, object] = {
        "condition": "baik", "vegetation_cleared": False, "inspected_on": VISIT, "today": TODAY,
    }  # fmt: skip
    args.update(kw)
    with JobStore.open(job) as store, pytest.raises(InspectionError, match=match):
        record_inspection(store, marker, **args)  # type: ignore[arg-type]
    assert dump(job) == before


def test_bad_input_is_refused_and_nothing_is_stored(
    job: Path, tmp_path: Path, shared_data: Path
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    veg = jpeg(tmp_path / "veg.jpg")
    with JobStore.open(job) as store:
        planned = store.db.execute(
            "SELECT name FROM marker WHERE status = 'planned' ORDER BY seq"
        ).fetchone()[0]
    _refused(job, "no marker named 'X9'", marker="X9")
    _refused(job, f"marker {planned} is planned: it was never installed", marker=planned)
    _refused(job, r"date 2026-12-05: in the future \(today is 2026-12-04\)",
             inspected_on="2026-12-05")  # fmt: skip
    _refused(job, "date 2026-11-01: before marker 4 was installed", inspected_on="2026-11-01")
    _refused(job, "expected YYYY-MM-DD", inspected_on="1/12/2026")
    _refused(job, "surveyor 'Nobody': not in this job", surveyor="Nobody")
    _refused(job, "condition 'ok'", condition="ok")
    _refused(job, "needs a photo with direction vegetasi", vegetation_cleared=True,
             photos=[(jpeg(tmp_path / "d.jpg", "detail"), "detail", None)])  # fmt: skip
    _refused(job, "condition rusak of marker 4 needs at least one photo", condition="rusak")
    text = tmp_path / "note.jpg"
    text.write_text("not a picture")
    _refused(job, "note.jpg: not an image", vegetation_cleared=True,
             photos=[(veg, "vegetasi", None), (text, "detail", None)])  # fmt: skip
    _refused(job, "unknown direction 'atas'", photos=[(veg, "atas", None)])
    _refused(job, "the same photo is given twice", photos=[(veg, "vegetasi"), (veg, "detail")])
    # Check shots without a usable fix: RTK float, too few epochs, no GST (real receivers).
    floated = capture_at(tmp_path / "float.nmea", lat, lon, h, quality=5)
    _refused(job, "no usable fix: none of 20 epochs passed the gates .*not RTK fixed",
             check=gnss_measurement(floated, ANTENNA))  # fmt: skip
    short = capture_at(tmp_path / "short.nmea", lat, lon, h, epochs=4)
    _refused(job, "no usable fix: 4 usable epochs, 10 required",
             check=gnss_measurement(short, ANTENNA))  # fmt: skip
    no_gst = capture_at(tmp_path / "nogst.nmea", lat, lon, h, gst=False)
    _refused(job, r"none of 20 epochs passed the gates \(rejected: 20 sigma H above the gate\)",
             check=gnss_measurement(no_gst, ANTENNA))  # fmt: skip
    real = shared_data / "nmea" / "ros_nmea_navsat_driver_nmea.log"
    _refused(job, "ros_nmea_navsat_driver_nmea.log.*no usable fix",
             check=gnss_measurement(real, ANTENNA))  # fmt: skip
    good = capture_at(tmp_path / "good.nmea", lat, lon, h)
    _refused(job, "marker 4 is lost \\(hilang\\); nothing to measure", condition="hilang",
             photos=[(veg, "detail")], check=gnss_measurement(good, ANTENNA))  # fmt: skip


def test_an_installation_photo_is_not_evidence_of_a_visit(store: JobStore, job: Path) -> None:
    old = store.db.execute(
        "SELECT file_name FROM photo p JOIN marker m ON m.id = p.marker_id WHERE m.name = '4'"
    ).fetchone()[0]
    with pytest.raises(InspectionError, match=r"the installation photo .* take a new one"):
        record_inspection(store, "4", condition="baik", vegetation_cleared=True,
                          inspected_on=VISIT, today=TODAY,
                          photos=[(job / "photos" / old, "vegetasi", None)])  # fmt: skip


def test_a_sigma_above_the_job_profile_is_refused(job: Path, tmp_path: Path) -> None:
    from fieldapp.store.quality import save_quality_profile
    from fieldapp.survey.stake_quality import QualityProfile

    lat, lon, h = stake_position(job, "4")
    assert h is not None
    with JobStore.open(job) as store:
        save_quality_profile(store.db, QualityProfile(0.10, max_sigma_h_m=0.002))
    cap = capture_at(tmp_path / "c.nmea", lat, lon, h)
    _refused(job, r"sigma H 0\.00\d m above the job's limit 0\.002 m",
             check=gnss_measurement(cap, ANTENNA))  # fmt: skip


def test_a_refused_commit_leaves_no_photo_file(store: JobStore, job: Path, tmp_path: Path) -> None:
    # A real failure of the transaction after the photo files are already in place.
    store.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON inspection_photo"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(Exception, match="refused"):
        record_inspection(store, "4", condition="baik", vegetation_cleared=True,
                          inspected_on=VISIT, today=TODAY,
                          photos=[(jpeg(tmp_path / "v.jpg"), "vegetasi", None)])  # fmt: skip
    assert list((job / "photos" / "pemeliharaan").iterdir()) == []
    assert store.db.execute("SELECT count(*) FROM inspection").fetchone()[0] == 0


def test_a_withdrawn_inspection_is_kept_but_not_listed(store: JobStore, tmp_path: Path) -> None:
    from fieldapp.store.inspections import withdraw_inspection

    done = record_inspection(store, "4", condition="baik", vegetation_cleared=False,
                             inspected_on=VISIT, today=TODAY)  # fmt: skip
    with pytest.raises(InspectionError, match="say why"):
        withdraw_inspection(store, done.id, " ")
    withdraw_inspection(store, done.id, "marker salah")
    assert list_inspections(store.db) == [] and latest_inspections(store.db) == {}
    row = store.db.execute("SELECT withdrawn_reason FROM inspection").fetchone()
    assert row == ("marker salah",)
    with pytest.raises(InspectionError, match="already withdrawn"):
        withdraw_inspection(store, done.id, "lagi")
