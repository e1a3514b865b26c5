"""Occupations in the job store: round trip, interruption mid-way, recovery, comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixfactory import LAT0, LON0, make_fix, noisy

from fieldapp.gnss.fix import GgaQuality, SigmaSource
from fieldapp.store import JobStore
from fieldapp.store.occupations import (
    begin_occupation,
    incomplete_occupations,
    load_epochs,
    load_occupation,
    load_occupations,
    recover_occupation,
)
from fieldapp.store.records import upsert_markers
from fieldapp.survey.installation import OccupationState
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.survey.occupation import (
    AntennaHeight,
    GateProfile,
    HeightMethod,
    RejectReason,
    profile_named,
)

QUICK = GateProfile(name="quick", min_epochs=5, min_seconds=4.0)


@pytest.fixture
def job(tmp_path: Path) -> JobStore:
    store = JobStore.create(tmp_path / "t.fieldapp", "Test")
    upsert_markers(store.db, [Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, 40.0)])
    return store


def test_occupation_and_epochs_round_trip(job: JobStore) -> None:
    antenna = AntennaHeight(1.5, HeightMethod.SLANT, 0.09, 0.06)
    rec = begin_occupation(
        job.db, "1", profile_named("default"), antenna, device="F9P", source="test",
        raw_log="raw/x.nmea",
    )  # fmt: skip
    fed = []
    for i, (dn, de, du) in enumerate(noisy(40)):
        q = GgaQuality.RTK_FLOAT if i in (3, 4) else GgaQuality.RTK_FIXED
        src = SigmaSource.ESTIMATED if i == 10 else SigmaSource.GST
        fix = make_fix(i, dn, de, du, quality=q, source=src, sigma=None if i == 9 else (0.01,) * 3)
        fed.append(fix)
        rec.add(fix)
    stored = rec.finish()
    live = rec.occupation.result()
    assert stored.state is OccupationState.FINISHED and not stored.incomplete
    assert stored.result == live  # every field of the result survives the store
    assert stored.result is not None and stored.result.passed
    assert stored.result.rejected_by_reason == {RejectReason.NOT_FIXED: 2, RejectReason.NO_SIGMA: 1}
    assert stored.result.antenna == antenna
    assert stored.result.sigma_source is SigmaSource.ESTIMATED
    assert (stored.device, stored.raw_log, stored.epochs_on_disk) == ("F9P", "raw/x.nmea", 40)
    job.close()
    with JobStore.open(job.path) as again:
        epochs = load_epochs(again.db, stored.id)
        assert [e.fix for e in epochs] == fed
        assert [e.verdict for e in epochs] == list(rec.occupation.verdicts())
        assert load_occupations(again.db, "1") == [load_occupation(again.db, stored.id)]


def test_interrupted_occupation_keeps_its_epochs_and_reads_back_incomplete(
    job: JobStore,
) -> None:
    rec = begin_occupation(job.db, "1", QUICK)
    for i in range(7):
        rec.add(make_fix(i))
    # The app dies: no finish(), the connection is simply closed.
    job.close()
    with JobStore.open(job.path) as again:
        pending = incomplete_occupations(again.db)
        assert len(pending) == 1
        occ = pending[0]
        assert occ.incomplete and occ.result is None and occ.epochs_on_disk == 7
        assert len(load_epochs(again.db, occ.id)) == 7
        recovered = recover_occupation(again.db, occ.id)
        assert recovered.state is OccupationState.FINISHED
        assert recovered.result is not None and recovered.result.epochs_used == 7
        assert incomplete_occupations(again.db) == []
        with pytest.raises(ValueError, match="not running"):
            recover_occupation(again.db, occ.id)


def test_batched_epochs_are_on_disk_after_commit_and_abandon(job: JobStore) -> None:
    rec = begin_occupation(job.db, "1", QUICK, batch=5)
    for i in range(3):
        rec.add(make_fix(i))
    assert load_occupation(job.db, rec.id).epochs_on_disk == 0
    rec.abandon("pole knocked over")
    occ = load_occupation(job.db, rec.id)
    assert occ.state is OccupationState.ABANDONED and occ.epochs_on_disk == 3


def test_second_occupation_is_compared_with_the_first(job: JobStore) -> None:
    ant = AntennaHeight(2.0)
    first = begin_occupation(job.db, "1", QUICK, ant)
    for i in range(6):
        first.add(make_fix(i))
    first.finish()
    second = begin_occupation(job.db, "1", QUICK, ant)
    for i in range(6):
        second.add(make_fix(100 + i, dn=0.02, de=0.0, du=-0.01))
    done = second.finish()
    assert done.earlier_occupation_id == first.id
    assert done.result is not None and done.result.comparison is not None
    assert done.result.comparison.dn_m == pytest.approx(0.02, abs=1e-6)
    assert done.result.comparison.dh_m == pytest.approx(-0.01, abs=1e-9)


def test_unknown_marker_is_refused(job: JobStore) -> None:
    with pytest.raises(LookupError, match="no marker named '9Z'"):
        begin_occupation(job.db, "9Z", QUICK)
    assert load_occupations(job.db) == []


def test_final_verdicts_replace_provisional_ones_on_disk(job: JobStore) -> None:
    rec = begin_occupation(job.db, "1", QUICK)
    for i, (dn, de, du) in enumerate(noisy(20, seed=3)):
        # Epoch 1 is a spike inside the warm-up: provisionally used, finally an outlier.
        assert rec.add(make_fix(i, dn + (0.5 if i == 1 else 0.0), de, du)).used == (
            i < 10 or i != 1
        )
    done = rec.finish()
    stored = load_epochs(job.db, done.id)
    assert stored[1].verdict.reason is RejectReason.OUTLIER and not stored[1].verdict.used
    assert done.result is not None and done.result.rejected_by_reason == {RejectReason.OUTLIER: 1}
