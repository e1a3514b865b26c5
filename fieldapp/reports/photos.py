"""Marker photos for print: hash-checked original, draft-decoded, upright, downscaled, stamped."""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

# Light imports only: photo worker processes import this module (no fpdf, store or survey).
from fieldapp.reports.errors import ReportInputError
from fieldapp.reports.files import atomic_path
from fieldapp.resources import resource_path

if TYPE_CHECKING:
    from fieldapp.survey.installation import PhotoRecord

# 1000 px on the long side is ~460 dpi in a 55 mm wide cell: more is wasted bytes. It is also
# exactly 1/4 of a 4000 px camera frame, so JPEG draft decoding does most of the reduction.
PRINT_PX = 1000
SUPPORTED = ("JPEG", "PNG")


class PhotoReportError(ReportInputError):
    """A photo a document cannot use: missing, altered since import, or not JPEG/PNG."""


class _Photo(Protocol):
    @property
    def file_name(self) -> str: ...
    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True, slots=True)
class PhotoFile:
    """What a worker process is given of a photo record (plain values: cheap to send)."""

    file_name: str
    sha256: str
    direction: str
    id: int

    @classmethod
    def of(cls, record: PhotoRecord) -> PhotoFile:
        return cls(record.file_name, record.sha256, record.direction.value, record.id)


def _direction(record: _Photo) -> str:
    d = getattr(record, "direction", "")
    return str(getattr(d, "value", d))


def sha256_file(path: Path) -> str:
    """As fieldapp.store.photos.sha256_file (not imported: workers stay light)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    record: PhotoRecord
    jpeg: bytes  # upright, downscaled: what goes into the PDF
    width: int
    height: int
    stamped: Path | None  # the stamped copy, when one was asked for


def _open_checked(path: Path, record: _Photo, marker: str) -> Image.Image:
    rel = f"photos/{record.file_name}"
    if not path.is_file():
        raise PhotoReportError(
            f"marker {marker}: photo file {rel} is missing from the job ({_direction(record)})",
            marker,
            path,
        )
    digest = sha256_file(path)
    if digest != record.sha256:
        raise PhotoReportError(
            f"marker {marker}: photo file {rel} was altered after import (SHA-256 {digest[:16]}… "
            f"expected {record.sha256[:16]}…); the document is not made from it",
            marker,
            path,
        )
    try:
        img = Image.open(path)
    except (UnidentifiedImageError, OSError) as exc:
        raise PhotoReportError(
            f"marker {marker}: photo file {rel} is not a readable image ({exc.__class__.__name__})",
            marker,
            path,
        ) from exc
    if img.format not in SUPPORTED:
        img.close()
        raise PhotoReportError(
            f"marker {marker}: photo file {rel} is {img.format}, an "
            "unsupported image format (JPEG or PNG expected)",
            marker,
            path,
        )
    return img


def load_print_image(
    path: Path, record: _Photo, marker: str, max_px: int = PRINT_PX
) -> Image.Image:
    """The photo upright and at most ``max_px`` on its long side, decoded as little as possible."""
    img = _open_checked(path, record, marker)
    try:
        w, h = img.size
        scale = max_px / max(w, h)
        if img.format == "JPEG" and scale < 1:
            # draft() lets libjpeg decode at 1/2, 1/4 or 1/8 scale: the main saving.
            img.draft("RGB", (max(1, round(w * scale)), max(1, round(h * scale))))
        upright = ImageOps.exif_transpose(img)
        upright.thumbnail((max_px, max_px), Image.Resampling.BILINEAR, reducing_gap=None)
        return upright.convert("RGB") if upright.mode != "RGB" else upright
    except OSError as exc:
        raise PhotoReportError(
            f"marker {marker}: photo file photos/{record.file_name} cannot be decoded ({exc})",
            marker,
            path,
        ) from exc
    finally:
        img.close()


_fonts = threading.local()


def _stamp_font(size: int) -> ImageFont.FreeTypeFont:
    # Parsing the TTF costs more than stamping one photo: once per size and photo thread (a
    # FreeType face is not to be shared between threads), not once per photo.
    cache: dict[int, ImageFont.FreeTypeFont] = _fonts.__dict__.setdefault("by_size", {})
    if size not in cache:
        cache[size] = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), size)
    return cache[size]


def stamp(img: Image.Image, lines: list[str]) -> Image.Image:
    """A copy with a dark band at the bottom carrying ``lines`` (the original is not touched)."""
    out = img.copy()
    size = max(11, out.width // 48)
    font = _stamp_font(size)
    band = int(size * 1.35 * len(lines) + size * 0.8)
    overlay = Image.new("RGBA", (out.width, band), (0, 0, 0, 150))
    out.paste(overlay, (0, out.height - band), overlay)
    draw = ImageDraw.Draw(out)
    for i, line in enumerate(lines):
        y = out.height - band + int(size * 0.4 + i * size * 1.35)
        draw.text((int(size * 0.6), y), line, fill=(255, 255, 255), font=font)
    return out


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def prepare_file(
    photos_dir: Path, stamp_dir: Path | None, marker: str, photo: PhotoFile,
    stamp_lines: list[str],
) -> tuple[bytes, int, int, Path | None]:  # fmt: skip
    """One photo for print: its JPEG bytes, size and stamped copy (a top-level function of
    plain values, as a photo worker process is given it)."""
    img = load_print_image(photos_dir / photo.file_name, photo, marker)
    jpeg = _jpeg(stamp(img, stamp_lines), 82) if stamp_lines else _jpeg(img, 80)
    stamped_path = None
    if stamp_dir is not None:
        stamped_path = stamp_dir / f"{marker}_{photo.direction}_{photo.id}.jpg"
        with atomic_path(stamped_path) as tmp:
            tmp.write_bytes(jpeg)
    return jpeg, img.width, img.height, stamped_path


class PhotoProcessor:
    """Prepares each photo once: one stamped, downscaled JPEG feeds the PDF and the copy.

    The PDF shows the photo as printed in the field folder: marker, direction, date and time
    and coordinates burnt into the image, so a page cut from the document still says them.
    """

    def __init__(self, photos_dir: Path, stamp_dir: Path | None = None) -> None:
        self.photos_dir = photos_dir
        self.stamp_dir = stamp_dir

    def prepare(self, marker: str, record: PhotoRecord, stamp_lines: list[str]) -> PreparedPhoto:
        made = prepare_file(self.photos_dir, self.stamp_dir, marker, PhotoFile.of(record),
                            stamp_lines)  # fmt: skip
        return PreparedPhoto(record, *made)
