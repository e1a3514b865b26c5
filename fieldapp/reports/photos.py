"""Marker photos for print: hash-checked original, draft-decoded, upright, downscaled, stamped."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from fieldapp.reports.data import ReportInputError
from fieldapp.reports.pdfbase import atomic_path, font_path
from fieldapp.store.photos import sha256_file
from fieldapp.survey.installation import PhotoRecord

# 1000 px on the long side is ~460 dpi in a 55 mm wide cell: more is wasted bytes. It is also
# exactly 1/4 of a 4000 px camera frame, so JPEG draft decoding does most of the reduction.
PRINT_PX = 1000
SUPPORTED = ("JPEG", "PNG")


class PhotoReportError(ReportInputError):
    """A photo a document cannot use: missing, altered since import, or not JPEG/PNG."""


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    record: PhotoRecord
    jpeg: bytes  # upright, downscaled: what goes into the PDF
    width: int
    height: int
    stamped: Path | None  # the stamped copy, when one was asked for


def _open_checked(path: Path, record: PhotoRecord, marker: str) -> Image.Image:
    rel = f"photos/{record.file_name}"
    if not path.is_file():
        raise PhotoReportError(
            f"marker {marker}: photo file {rel} is missing from the job ({record.direction.value})",
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
    path: Path, record: PhotoRecord, marker: str, max_px: int = PRINT_PX
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
        cache[size] = ImageFont.truetype(str(font_path()), size)
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


class PhotoProcessor:
    """Prepares each photo once: one stamped, downscaled JPEG feeds the PDF and the copy.

    The PDF shows the photo as printed in the field folder: marker, direction, date and time
    and coordinates burnt into the image, so a page cut from the document still says them.
    """

    def __init__(self, photos_dir: Path, stamp_dir: Path | None = None) -> None:
        self.photos_dir = photos_dir
        self.stamp_dir = stamp_dir

    def prepare(self, marker: str, record: PhotoRecord, stamp_lines: list[str]) -> PreparedPhoto:
        img = load_print_image(self.photos_dir / record.file_name, record, marker)
        jpeg = _jpeg(stamp(img, stamp_lines), 82) if stamp_lines else _jpeg(img, 80)
        stamped_path = None
        if self.stamp_dir is not None:
            stamped_path = self.stamp_dir / f"{marker}_{record.direction.value}_{record.id}.jpg"
            with atomic_path(stamped_path) as tmp:
                tmp.write_bytes(jpeg)
        return PreparedPhoto(record, jpeg, img.width, img.height, stamped_path)
