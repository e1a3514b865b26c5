"""Retake, move and correction of installation records: withdrawn with reason, never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from PIL import Image

from fieldapp.store import JobStore
from fieldapp.store.installation import add_witness, edit_witness, load_installation
from fieldapp.store.photos import PhotoError, import_photo, reassign_photo, replace_photo
from fieldapp.store.records import upsert_markers
from fieldapp.survey.installation import PhotoDirection, WitnessCategory
from fieldapp.survey.models import Marker, MarkerKind

UTARA, BARAT = PhotoDirection.UTARA, PhotoDirection.BARAT


@pytest.fixture
def job(tmp_path: Path) -> JobStore:
    store = JobStore.create(tmp_path / "t.fieldapp", "Test")
    corner = Marker("1", MarkerKind.CORNER, 1, LAT0, LON0, 40.0)
    infill = Marker("1A", MarkerKind.INFILL, 1, LAT0 + 0.001, LON0, 40.0)
    upsert_markers(store.db, [corner, infill])
    return store


def jpeg(path: Path, colour: str) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def test_replace_is_one_transaction(job: JobStore, tmp_path: Path) -> None:
    old = import_photo(job, "1", jpeg(tmp_path / "a.jpg", "green"), UTARA)
    broken = tmp_path / "b.jpg"
    broken.write_bytes(b"not a jpeg")
    with pytest.raises(PhotoError):
        replace_photo(job, old.id, broken, "blurred")
    photos = load_installation(job.db, "1").photos
    assert [(p.id, p.withdrawn) for p in photos] == [(old.id, None)]  # still the active one
    new = replace_photo(job, old.id, jpeg(tmp_path / "c.jpg", "red"), "blurred")
    photos = load_installation(job.db, "1").photos
    assert [p.withdrawn.reason if p.withdrawn else None for p in photos] == ["blurred", None]
    assert new.direction is UTARA and photos[-1].id == new.id


def test_reassign_to_another_marker_keeps_the_file_and_its_hash(
    job: JobStore, tmp_path: Path
) -> None:
    old = import_photo(job, "1", jpeg(tmp_path / "a.jpg", "green"), UTARA)
    new = reassign_photo(job, old.id, "1A", BARAT, "taken at 1A")
    assert (new.marker, new.direction, new.sha256) == ("1A", BARAT, old.sha256)
    assert new.original_name == "a.jpg"
    assert (job.photos_dir / old.file_name).is_file()  # the evidence stays
    [was] = load_installation(job.db, "1").photos
    assert was.withdrawn is not None and was.withdrawn.reason == "taken at 1A"
    with pytest.raises(ValueError, match="already withdrawn"):
        reassign_photo(job, old.id, "1A", UTARA, "again")
    with pytest.raises(ValueError, match="already"):
        reassign_photo(job, new.id, "1A", BARAT, "no move")


def test_edit_witness_withdraws_the_old_entry(job: JobStore) -> None:
    w = add_witness(job.db, "1", "Budi", "Desa Loa", WitnessCategory.DISTRICT_VILLAGE_OFFICER)
    with pytest.raises(ValueError):
        edit_witness(job.db, w.id, "", "Desa Loa", WitnessCategory.DISTRICT_VILLAGE_OFFICER, "x")
    assert load_installation(job.db, "1").witnesses[0].withdrawn is None  # rolled back
    new = edit_witness(job.db, w.id, "Budi S.", "Desa Loa",
                       WitnessCategory.DISTRICT_VILLAGE_OFFICER, "typo")  # fmt: skip
    ws = load_installation(job.db, "1").witnesses
    assert [(x.name, x.withdrawn.reason if x.withdrawn else None) for x in ws] == [
        ("Budi", "typo"), ("Budi S.", None),
    ]  # fmt: skip
    assert new.id == ws[-1].id
