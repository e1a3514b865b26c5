"""Photo files and their rows move together: no part file, intent or orphan stays behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.store import JobStore
from fieldapp.store.joblock import LOCK_NAME
from fieldapp.store.photos import PhotoError, import_photo, reassign_photo, replace_photo
from fieldapp.store.records import upsert_markers
from fieldapp.survey.models import Marker, MarkerKind


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    with JobStore.create(tmp_path / "j.fieldapp", "J") as s:
        upsert_markers(s.db, [Marker("1", MarkerKind.CORNER, 1, -1.3, 116.1)])
        yield s


def jpeg(path: Path, colour: str) -> Path:
    Image.new("RGB", (64, 64), colour).save(path, "JPEG")
    return path


def files(store: JobStore) -> list[str]:
    return sorted(p.name for p in store.photos_dir.iterdir())


def test_import_replace_and_move_leave_only_the_photos(store: JobStore, tmp_path: Path) -> None:
    first = import_photo(store, "1", jpeg(tmp_path / "a.jpg", "red"), "utara")
    retake = replace_photo(store, first.id, jpeg(tmp_path / "b.jpg", "blue"), "blurred")
    moved = reassign_photo(store, retake.id, "1", "timur", "wrong side")
    assert files(store) == sorted({first.file_name, retake.file_name, moved.file_name})
    assert not (store.path / LOCK_NAME).exists()


def test_a_refused_commit_leaves_no_file(store: JobStore, tmp_path: Path) -> None:
    # A real failure of the row's transaction, after the file is already in place.
    store.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON photo BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(Exception, match="no"):
        import_photo(store, "1", jpeg(tmp_path / "a.jpg", "red"), "utara")
    assert files(store) == []
    assert store.db.execute("SELECT count(*) FROM photo").fetchone()[0] == 0


def test_a_refused_retake_keeps_the_old_photo_and_its_file(store: JobStore, tmp_path: Path) -> None:
    first = import_photo(store, "1", jpeg(tmp_path / "a.jpg", "red"), "utara")
    store.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON photo BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(Exception, match="no"):
        replace_photo(store, first.id, jpeg(tmp_path / "b.jpg", "blue"), "blurred")
    assert files(store) == [first.file_name]
    assert store.db.execute("SELECT withdrawn_at FROM photo").fetchall() == [(None,)]


def test_the_next_import_removes_what_a_killed_one_left(store: JobStore, tmp_path: Path) -> None:
    (store.photos_dir / ".1_utara_0123456789ab.jpg.part").write_bytes(b"half a photo")
    (store.photos_dir / "1_timur_0123456789ab.jpg").write_bytes(b"renamed, row never committed")
    (store.photos_dir / ".1_timur_0123456789ab.jpg.intent").write_bytes(b"")
    photo = import_photo(store, "1", jpeg(tmp_path / "a.jpg", "red"), "utara")
    assert files(store) == [photo.file_name]


def test_a_photo_that_cannot_fit_is_refused_before_anything_is_written(
    store: JobStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldapp.store.durable as durable

    # The free space the disk reports, made small: the real refusal path runs.
    monkeypatch.setattr(durable, "free_bytes", lambda folder: 1000)
    with pytest.raises(PhotoError, match="not enough free space to import the photo"):
        import_photo(store, "1", jpeg(tmp_path / "a.jpg", "red"), "utara")
    assert files(store) == []
