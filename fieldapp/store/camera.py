"""Camera frames: written once as a JPEG with EXIF time and position, then imported like a file.

A frame from a camera exists only in memory. It is first saved as an ordinary JPEG (the
"camera roll" copy, outside the job), so the evidence is on disk before anything else, and
then goes through :func:`fieldapp.store.photos.import_photo` exactly as a photo file picked by
hand: the same checks, SHA-256, copy verification and provenance row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.store.durable import DiskFullError, remove_litter, write_durably
from fieldapp.store.jobfile import JobStore
from fieldapp.store.joblock import JobBusyError, job_lock
from fieldapp.store.photos import (
    EXIF_IFD,
    GPS_IFD,
    TAG_DATETIME,
    TAG_DATETIME_ORIGINAL,
    PhotoError,
    import_photo,
    safe_name,
)
from fieldapp.survey.installation import PhotoDirection, PhotoRecord

if TYPE_CHECKING:
    from PIL import Image

JPEG_QUALITY = 92  # camera-app quality: small enough to sync, no visible blocking


@dataclass(frozen=True, slots=True)
class CameraFrame:
    """Raw 8-bit RGB pixels, rows ``stride`` bytes apart (Qt pads rows to 4 bytes)."""

    width: int
    height: int
    stride: int
    rgb: bytes


@dataclass(frozen=True, slots=True)
class CameraShot:
    """A captured frame: where its JPEG was written and the photo row it became."""

    saved_to: Path
    photo: PhotoRecord


def _dms(value: float) -> tuple[float, float, float]:
    a = abs(value)
    deg = int(a)
    minutes = int((a - deg) * 60)
    seconds = (a - deg - minutes / 60) * 3600
    return float(deg), float(minutes), round(seconds, 4)  # 1e-4 s: 3 mm on the ground


def _exif(taken_at: dt.datetime, position: tuple[float, float] | None) -> Image.Exif:
    from PIL import ExifTags, Image  # Pillow on the first shot, not at GUI start-up

    exif = Image.Exif()
    stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")  # EXIF has no zone: local time, as cameras
    exif[TAG_DATETIME] = stamp
    exif.get_ifd(EXIF_IFD)[TAG_DATETIME_ORIGINAL] = stamp
    if position is not None:
        lat, lon = position
        gps = exif.get_ifd(GPS_IFD)
        tags = ExifTags.GPS
        gps[tags.GPSVersionID] = b"\x02\x03\x00\x00"
        gps[tags.GPSLatitudeRef] = "S" if lat < 0 else "N"
        gps[tags.GPSLatitude] = _dms(lat)
        gps[tags.GPSLongitudeRef] = "W" if lon < 0 else "E"
        gps[tags.GPSLongitude] = _dms(lon)
    return exif


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.jpg"
    n = 2
    while path.exists():  # two shots in one second: never overwrite the first
        path = folder / f"{stem}-{n}.jpg"
        n += 1
    return path


def save_camera_frame(
    store: JobStore,
    marker: str,
    frame: CameraFrame,
    direction: PhotoDirection | str,
    folder: Path,
    *,
    taken_at: dt.datetime | None = None,
    position: tuple[float, float] | None = None,
) -> CameraShot:
    """Write ``frame`` as a JPEG in ``folder``, then import it for ``marker`` like a file.

    ``position`` (lat, lon) is the receiver's latest fix, written to EXIF so the photo says
    where it was taken. PhotoError (a subclass of ValueError) when the frame or direction is
    unusable; OSError when the folder cannot be written.
    """
    try:
        direction = PhotoDirection(direction)
    except ValueError:
        raise PhotoError(f"camera frame: unknown direction {direction!r}") from None
    if frame.width <= 0 or frame.height <= 0 or len(frame.rgb) < frame.stride * frame.height:
        raise PhotoError(f"camera frame: no image ({frame.width}x{frame.height})")
    when = taken_at or dt.datetime.now()
    from PIL import Image

    image = Image.frombuffer(
        "RGB", (frame.width, frame.height), frame.rgb, "raw", "RGB", frame.stride, 1
    )
    folder.mkdir(parents=True, exist_ok=True)
    exif = _exif(when, position)
    try:
        # The camera roll is the job's own (one folder per job): under the job lock a part
        # file there is what a killed shot left.
        with job_lock(store, "saving a camera photo"):
            remove_litter(folder, ".jpg.part")
            path = _free_name(folder, f"{safe_name(marker)}_{direction.value}_{when:%Y%m%d-%H%M%S}")
            # A half-written JPEG never carries the final name; the evidence is durable first.
            write_durably(
                path,
                lambda fh: image.save(fh, "JPEG", quality=JPEG_QUALITY, exif=exif),
                needed=frame.width * frame.height,
            )
            return CameraShot(path, import_photo(store, marker, path, direction))
    except JobBusyError as exc:
        raise PhotoError(str(exc)) from exc
    except DiskFullError as exc:
        raise PhotoError(str(exc)) from exc
