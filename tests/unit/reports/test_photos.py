"""Photos for print: EXIF orientation, draft decoding, stamping, the original untouched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from fieldapp.demo_documented import synthetic_photo
from fieldapp.reports.photos import load_print_image, stamp
from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation
from fieldapp.store.photos import sha256_file


def test_exif_orientation_is_respected(documented_job: JobStore) -> None:
    inst = load_installation(documented_job.db, "4")
    turned = next(p for p in inst.photos if p.direction.value == "timur")
    path = documented_job.photos_dir / turned.file_name
    with Image.open(path) as raw:
        assert raw.size[0] < raw.size[1]  # stored on its side, EXIF orientation 6
    img = load_print_image(path, turned, "4")
    assert img.size[0] > img.size[1]  # landscape again, as the camera saw it
    assert sha256_file(path) == turned.sha256  # the original is never rewritten


def test_draft_decoding_downscales_large_frames(tmp_path: Path) -> None:
    from fieldapp.survey.installation import PhotoDirection, PhotoRecord

    path = synthetic_photo(tmp_path / "big.jpg", (4000, 3000), "TB 9", "utara",
                           dt.datetime(2026, 11, 9, 10, 0))  # fmt: skip
    record = PhotoRecord(1, "9", PhotoDirection.UTARA, path.name, path.name, sha256_file(path),
                         path.stat().st_size, "2026-11-09T02:00:00+00:00")  # fmt: skip
    img = load_print_image(path, record, "9")
    assert img.size == (1000, 750)
    stamped = stamp(img, ["Tanda Batas 9", "00° 32′ 00,350″ LS"])
    assert stamped.size == img.size and stamped.tobytes() != img.tobytes()
