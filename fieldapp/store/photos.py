"""Marker photos: the original file copied unchanged into the job, SHA-256 and EXIF at import.

The file is checked before anything is written: a missing file or one Pillow cannot read
as an image is refused with a :class:`PhotoError` naming it, and the job is left untouched.
Under the job lock the copy is written beside its name, fsynced, verified against the hash of
the source, renamed into place and its folder fsynced before the row commits, so a row never
points at a file that is missing or empty, even after a power cut; a file whose row never
committed (a kill, a full disk) is removed by the next import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.store.audit import log_change, marker_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.durable import (
    DiskFullError,
    copy_writer,
    crash_point,
    disk_full,
    ensure_free,
    intent,
    is_disk_full,
    publish,
    recover_intents,
    remove_litter,
    write_part,
)
from fieldapp.store.installation import apply_scope_status, insert_row, load_installation, withdraw
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import JobBusyError, job_lock
from fieldapp.store.records import now_iso
from fieldapp.store.reinstall_scope import record_scope
from fieldapp.survey.installation import PhotoDirection, PhotoRecord

if TYPE_CHECKING:
    from PIL import Image

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
TAG_DATETIME = 306  # DateTime (IFD0): last change, the fallback
TAG_DATETIME_ORIGINAL = 36867  # DateTimeOriginal (Exif IFD): when the shutter fired


class PhotoError(ValueError):
    """A photo that cannot be imported; the message names the file and says why."""


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What is read from an image before it is imported."""

    image_format: str
    width: int
    height: int
    exif_time: str | None
    exif_lat: float | None
    exif_lon: float | None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Pixels a photo may have. A JPEG is checked at 1/8 scale (draft mode), so even a 200 MP
# phone camera costs a few MB; any other format is decoded in full, 3-4 bytes a pixel.
MAX_JPEG_PIXELS = 400_000_000
MAX_OTHER_PIXELS = 40_000_000


def read_image_facts(path: Path) -> ImageFacts:
    """Check that ``path`` is an image Pillow can decode and read its size and EXIF."""
    # Pillow is imported on the first photo, not when the GUI starts.
    from PIL import Image, UnidentifiedImageError
    from PIL.Image import DecompressionBombError

    if not path.exists():
        raise PhotoError(f"{path}: no such file")
    if not path.is_file():
        raise PhotoError(f"{path}: not a file")
    try:
        with Image.open(path) as img:
            img.verify()  # checks structure without decoding every pixel
        with Image.open(path) as img:
            fmt, (width, height) = img.format or "unknown", img.size
            limit = MAX_JPEG_PIXELS if fmt == "JPEG" else MAX_OTHER_PIXELS
            if width * height > limit:
                # Refused before a pixel is decoded: the size is only what the header claims.
                raise PhotoError(
                    f"{path}: {fmt} image of {width} x {height} pixels; at most "
                    f"{limit // 1_000_000} megapixels are accepted for {fmt}"
                )
            exif = img.getexif()
            # verify() does not decode pixels: a JPEG cut short passes it. Decoding at 1/8
            # scale (JPEG draft mode) reads every scan for a fraction of the full cost.
            img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            img.load()
    except PhotoError:
        raise
    except DecompressionBombError as exc:
        raise PhotoError(f"{path}: the image declares an impossible size ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PhotoError(
            f"{path}: not an image that can be read ({exc.__class__.__name__})"
        ) from exc
    lat, lon = _exif_position(exif)
    return ImageFacts(fmt, width, height, _exif_time(exif), lat, lon)


def _exif_time(exif: Image.Exif) -> str | None:
    raw = exif.get_ifd(EXIF_IFD).get(TAG_DATETIME_ORIGINAL) or exif.get(TAG_DATETIME)
    if not isinstance(raw, str):
        return None
    try:
        # EXIF time has no zone: keep it as the camera's local time, ISO without offset.
        return dt.datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def _dms(value: Any, ref: Any, negative: str) -> float | None:
    try:
        d, m, s = (float(v) for v in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    deg = d + m / 60 + s / 3600
    return -deg if str(ref).upper().startswith(negative) else deg


def _exif_position(exif: Image.Exif) -> tuple[float | None, float | None]:
    from PIL import ExifTags

    gps = exif.get_ifd(GPS_IFD)
    tags = ExifTags.GPS
    lat = _dms(gps.get(tags.GPSLatitude), gps.get(tags.GPSLatitudeRef), "S")
    lon = _dms(gps.get(tags.GPSLongitude), gps.get(tags.GPSLongitudeRef), "W")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    if lat == 0 and lon == 0:
        return None, None  # cameras without a fix often write 0,0
    return lat, lon


def safe_name(text: str) -> str:
    """A marker name as it may appear in a file name (photos in the job, camera JPEGs)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "marker"


def _referenced(db: JobDatabase, name: str) -> bool:
    return db.execute("SELECT 1 FROM photo WHERE file_name = ?", [name]).fetchone() is not None


@contextlib.contextmanager
def _photo_step(store: JobStore, needed: int) -> Iterator[None]:
    """Hold the job for a photo and settle what an earlier, killed import left behind.

    A busy job and a full disk become a :class:`PhotoError` with the message, as a bad file.
    """
    what = "import the photo"
    try:
        ensure_free(store.photos_dir, needed, what)
        with job_lock(store, "importing a photo"):
            # Under the lock no live import has a part file here: what is left is litter.
            remove_litter(store.photos_dir)
            recover_intents(store.photos_dir, partial(_referenced, store.db))
            yield
    except JobBusyError as exc:
        raise PhotoError(str(exc)) from exc
    except (OSError, sqlite3.OperationalError) as exc:
        if not is_disk_full(exc):
            raise
        full = exc if isinstance(exc, DiskFullError) else disk_full(store.photos_dir, needed, what)
        raise PhotoError(str(full)) from exc


def _settle(store: JobStore) -> None:
    recover_intents(store.photos_dir, partial(_referenced, store.db))


def import_photo(
    store: JobStore,
    marker: str,
    path: str | Path,
    direction: PhotoDirection | str,
    caption: str | None = None,
) -> PhotoRecord:
    """Copy a photo into the job's photos/ folder unchanged and record it."""
    src = Path(path)
    try:
        direction = PhotoDirection(direction)
    except ValueError:
        known = ", ".join(d.value for d in PhotoDirection)
        raise PhotoError(f"{src}: unknown direction {direction!r} (one of {known})") from None
    store.require_writable()  # the file is copied before the row: refuse before either
    db = store.db
    mid = marker_id(db, marker)
    scope = record_scope(db, mid)
    facts = read_image_facts(src)
    digest = sha256_file(src)
    name = f"{safe_name(marker)}_{direction.value}_{digest[:12]}{src.suffix.lower()}"
    final = store.photos_dir / name
    size = src.stat().st_size
    with _photo_step(store, size):
        dup = db.execute(
            "SELECT file_name FROM photo WHERE marker_id = ? AND sha256 = ?"
            " AND withdrawn_at IS NULL",
            [mid, digest],
        ).fetchone()
        if dup is not None:
            raise PhotoError(f"{src}: already imported for marker {marker} as {dup[0]}")
        part = write_part(final, copy_writer(src), needed=size)
        try:
            crash_point("photo.part-written")
            if sha256_file(part) != digest:
                raise PhotoError(
                    f"{src}: the copy in the job differs from the original; not imported"
                )
            row = {
                "uuid": str(uuid.uuid4()), "marker_id": mid, "direction": direction.value,
                "file_name": name, "original_name": src.name, "sha256": digest,
                "size_bytes": size, "image_format": facts.image_format,
                "width": facts.width, "height": facts.height, "exif_time": facts.exif_time,
                "exif_lat": facts.exif_lat, "exif_lon": facts.exif_lon, "caption": caption,
                "imported_at": now_iso(), "reinstallation_id": scope,
            }  # fmt: skip
            # The file is complete and durable under its name before the row commits; a kill
            # in between leaves an intent that the next import settles.
            referenced = partial(_referenced, db)
            with intent(final, referenced, keep=db.conn.in_transaction):
                publish(part, final)
                crash_point("photo.published")
                with db.atomic():
                    rid = insert_row(db, "photo", row)
                    log_change(db, mid, "photo", rid, "insert", row)
                    apply_scope_status(db, mid, scope)
                crash_point("photo.committed")
        finally:
            with contextlib.suppress(OSError):
                part.unlink()
    return next(p for p in load_installation(db, marker, scope).photos if p.id == rid)


def withdraw_photo(store: JobStore, photo_id: int, reason: str) -> None:
    """The file stays in photos/ (evidence); the record is marked withdrawn with the reason."""
    withdraw(store.db, "photo", photo_id, reason)


def verify_photo(store: JobStore, photo: PhotoRecord) -> bool:
    """True when the file in the job still has the SHA-256 taken at import."""
    path = store.photos_dir / photo.file_name
    return path.is_file() and sha256_file(path) == photo.sha256


def _active_photo(store: JobStore, photo_id: int) -> tuple[str, PhotoRecord]:
    row = store.db.execute(
        "SELECT m.name, p.reinstallation_id FROM photo p JOIN marker m ON m.id = p.marker_id"
        " WHERE p.id = ?",
        [photo_id],
    ).fetchone()
    if row is None:
        raise LookupError(f"no photo record with id {photo_id}")
    photos = load_installation(store.db, row[0], row[1]).photos
    photo = next(p for p in photos if p.id == photo_id)
    if photo.withdrawn is not None:
        raise ValueError(f"photo {photo_id} was already withdrawn at {photo.withdrawn.at}")
    return row[0], photo


def replace_photo(store: JobStore, photo_id: int, path: str | Path, reason: str) -> PhotoRecord:
    """A retake: the new file for the same marker and direction, the old one withdrawn.

    One transaction: a new file that cannot be imported leaves the old photo active.
    """
    marker, old = _active_photo(store, photo_id)
    with _photo_step(store, Path(path).stat().st_size if Path(path).is_file() else 0):
        try:
            with store.db.atomic():
                withdraw(store.db, "photo", photo_id, reason)
                new = import_photo(store, marker, path, old.direction, old.caption)
        finally:
            _settle(store)
    return new


def reassign_photo(
    store: JobStore,
    photo_id: int,
    marker: str,
    direction: PhotoDirection | str,
    reason: str,
) -> PhotoRecord:
    """Move a photo to another direction or marker: withdrawn where it was, added where it belongs.

    The same file (same SHA-256) is imported again from the job's own copy; the change_log
    keeps the withdrawal with its reason and, on the new row, where it came from.
    """
    old_marker, old = _active_photo(store, photo_id)
    direction = PhotoDirection(direction)
    if old_marker == marker and old.direction is direction:
        raise ValueError(f"photo {photo_id} is already {direction.value} of marker {marker}")
    source = store.photos_dir / old.file_name
    if not verify_photo(store, old):
        raise PhotoError(f"{source}: the file no longer matches its SHA-256; not moved")
    db = store.db
    with _photo_step(store, source.stat().st_size):
        try:
            with db.atomic():
                withdraw(db, "photo", photo_id, reason)
                new = import_photo(store, marker, source, direction, old.caption)
                # The new row keeps the name the photo had when it was first imported.
                db.execute(
                    "UPDATE photo SET original_name = ? WHERE id = ?", [old.original_name, new.id]
                )
                detail = {
                    "moved_from_photo": photo_id, "from_marker": old_marker,
                    "from_direction": old.direction.value, "reason": reason.strip(),
                    "original_name": old.original_name,
                }  # fmt: skip
                log_change(db, marker_id(db, marker), "photo", new.id, "update", detail)
        finally:
            _settle(store)
    scope = record_scope(db, marker_id(db, marker))
    return next(p for p in load_installation(db, marker, scope).photos if p.id == new.id)
