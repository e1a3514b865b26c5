"""The base of an occupation matched to the job's control, as typed, and kept as used."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixfactory import LAT0, LON0, make_fix

from fieldapp.reports.base_words import base_change, base_provenance
from fieldapp.store import JobStore
from fieldapp.store.base_point import AmbiguousBase, find_base_point
from fieldapp.store.occupation_writer import OccupationWriter, WriterFailed, WriterFinished
from fieldapp.store.occupations import begin_occupation, load_occupation
from fieldapp.store.records import add_control_points, upsert_markers
from fieldapp.survey.models import ControlKind, ControlPoint, Marker, MarkerKind
from fieldapp.survey.occupation import GateProfile

QUICK = GateProfile(name="quick", min_epochs=3, min_seconds=2.0)


def _cp(name: str, kind: ControlKind, dlat: float = 0.0, **kw: object) -> ControlPoint:
    lat, lon = LAT0 + 0.01 + dlat, LON0
    return ControlPoint(name, kind, lat, lon, 50.0, "SRGI2013", lat, lon, **kw)  # type: ignore[arg-type]


@pytest.fixture
def job(tmp_path: Path) -> Path:
    with JobStore.create(tmp_path / "t.fieldapp", "Test") as store:
        upsert_markers(store.db, [Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, 40.0)])
        add_control_points(store.db, [
            _cp("BM-02", ControlKind.BM, tied_to="N0.1234", sigma_h=0.014),
            _cp("TB 07", ControlKind.TITIK_BANTU, 0.001, tied_to="BM-02"),
            _cp("N0.1234", ControlKind.JKHN, 0.002),
        ])  # fmt: skip
    return tmp_path / "t.fieldapp"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("BM-02", "BM-02"),
        ("bm 02", "BM-02"),
        (" bm02 ", "BM-02"),
        ("02", "BM-02"),
        ("tb7", None),  # "07" is not "7": numbers are not guessed
        ("TB-07", "TB 07"),
        ("titik bantu 07", "TB 07"),
        ("n0.1234", "N0.1234"),
        ("NTRIP caster.example/MOUNT", None),
        ("", None),
        (None, None),
    ],
)
def test_a_base_is_found_as_a_surveyor_types_it(job: Path, typed: str | None, found: str) -> None:
    with JobStore.open(job) as store:
        assert find_base_point(store.db, typed) == found


def test_an_ambiguous_base_is_refused_by_the_writer_and_nothing_is_stored(job: Path) -> None:
    with JobStore.open(job) as store:
        add_control_points(store.db, [_cp("BM 2", ControlKind.BM, 0.003)])
        add_control_points(store.db, [_cp("bm-2", ControlKind.BM, 0.004)])
        with pytest.raises(AmbiguousBase, match="BM 2, bm-2"):
            find_base_point(store.db, "BM2")
    events: list[object] = []
    writer = OccupationWriter(job, "1", QUICK, on_event=events.append, base_station="bm2")
    writer.start()
    assert writer.join(10)
    assert isinstance(writer.outcome, WriterFailed) and writer.outcome.fatal
    assert "BM 2, bm-2" in writer.outcome.message
    with JobStore.open(job) as store:
        assert store.db.execute("SELECT COUNT(*) FROM occupation").fetchone()[0] == 0


def test_the_gui_writer_keeps_the_imported_coordinate_and_a_removed_point_is_flagged(
    job: Path,
) -> None:
    """The occupation view records through the writer: the same store function decides."""
    writer = OccupationWriter(job, "1", QUICK, on_event=lambda e: None, base_station="bm 02")
    writer.start()
    for i in range(5):
        writer.add(make_fix(i))
    writer.finish()
    assert writer.join(10) and isinstance(writer.outcome, WriterFinished)
    with JobStore.open(job) as store:
        occ = load_occupation(store.db, writer.outcome.record.id)
        b = occ.base_point
        assert b is not None and not b.changed and b.baseline_id is None
        assert base_provenance(b) == "BM-02 (koordinat impor, σH 14,0 mm)"
        assert base_change(b) is None
        # The office's list no longer has BM-02 (a pull): the occupation says so.
        store.db.execute("DELETE FROM control_point WHERE name = 'BM-02'")
        b = load_occupation(store.db, occ.id).base_point
        assert b is not None and b.changed and b.removed
        assert base_change(b) == (
            "base BM-02: titik kontrol sudah tidak ada di pekerjaan setelah pengukuran"
        )


def test_a_titik_bantu_moved_by_the_office_is_shown_against_the_coordinate_used(
    job: Path,
) -> None:
    with JobStore.open(job) as store:
        rec = begin_occupation(store.db, "1", QUICK, base_station="TB-07")
        store.db.execute("UPDATE control_point SET lat = lat + 0.000001, h = h - 0.02"
                         " WHERE name = 'TB 07'")  # fmt: skip
        b = load_occupation(store.db, rec.id).base_point
    assert b is not None and b.used.name == "TB 07" and b.changed
    assert b.shift is not None and b.shift.horizontal_m == pytest.approx(0.111, abs=0.001)
    assert base_change(b) == (
        "base TB 07: koordinat diubah setelah pengukuran (selisih horizontal 0,111 m,"
        " vertikal −0,020 m)"
    )
