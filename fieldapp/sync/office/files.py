"""Package files for reviewers: downloads under a sandbox, previews re-encoded on the server."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import quote

# Whatever a device sent is never a document of the /review origin: no script, no frame,
# no fetch, no form, a unique origin even when a browser opens it directly.
SANDBOX_CSP = "default-src 'none'; sandbox"

# The only declared types a download gets; anything else is application/octet-stream.
# A download is an attachment under nosniff and the sandbox, so the type is a hint for
# the program that opens the saved file, never for the browser's renderer.
DOWNLOAD_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".txt": "text/plain",
}

# Raster formats shown inline, and only after Pillow decoded and re-encoded them.
RASTER_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
RASTER_FORMATS = sorted(set(RASTER_SUFFIXES.values()))
MAX_SOURCE_BYTES = 64 << 20  # a camera photo is a few MB; more is not previewed
MAX_PIXELS = 64_000_000  # above today's phone sensors (50 MP); a header beyond is a bomb
# JPEG decodes at 1/2..1/8 scale (draft mode); PNG and WebP decode every pixel, so they get
# a lower cap: 24 M RGBA pixels are 96 MB, twice at most (two decodes at once).
MAX_FULL_DECODE_PIXELS = 24_000_000
# EXIF orientation -> the transpose that shows the picture upright (as ImageOps.exif_transpose).
_ORIENT = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
           6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}  # fmt: skip
PREVIEW_EDGE = 1600  # the longest side of a preview, in pixels

PDF_MAX_BYTES = 64 << 20
PDF_MAX_PAGE = 50  # previews of pages 1..50; the whole file is always a download
PDF_TIMEOUT_S = 20.0
PDF_MEMORY_CAP = 768 << 20  # address space of pdftoppm (POSIX only)
POSIX_CAP = os.name == "posix"

# At most two previews decode at once: a page of 40 photos must not hold 40 decoded images.
_DECODING = threading.BoundedSemaphore(2)


class PreviewError(Exception):
    """No preview for this file; the message says why (Indonesian, shown to the reviewer)."""


@dataclass(frozen=True, slots=True)
class Preview:
    data: bytes
    media_type: str


def safe_headers() -> dict[str, str]:
    """Headers every response carrying a device's bytes (or derived from them) gets."""
    return {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SANDBOX_CSP,
        "Cache-Control": "private, no-store",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def content_disposition(path: str) -> str:
    """``attachment`` with an ASCII fallback and the exact name per RFC 6266 / RFC 5987."""
    name = PurePosixPath(path).name or "file"
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in name)
    return f"attachment; filename=\"{fallback or 'file'}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_type(path: str) -> str:
    return DOWNLOAD_TYPES.get(PurePosixPath(path).suffix.lower(), "application/octet-stream")


def download_headers(path: str, sha256: str, size: int) -> dict[str, str]:
    return {
        **safe_headers(),
        "Content-Disposition": content_disposition(path),
        "Content-Length": str(size),
        "X-Content-SHA256": sha256,
    }


def stream(fh: BinaryIO, block: int = 1 << 20) -> Iterator[bytes]:
    """The blob in blocks, closing it at the end: a 1 GiB file is never held in memory."""
    with fh:
        while chunk := fh.read(block):
            yield chunk


def is_raster(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in RASTER_SUFFIXES


def is_pdf(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() == ".pdf"


def raster_preview(data: bytes, formats: list[str] | None = None, png: bool = False) -> Preview:
    """Decode (pixel cap first), apply EXIF orientation, drop metadata, encode anew."""
    from PIL import Image

    if len(data) > MAX_SOURCE_BYTES:
        raise PreviewError(f"berkas terlalu besar untuk pratinjau ({len(data):,} bita)")
    with _DECODING:
        try:
            with Image.open(BytesIO(data), formats=formats or RASTER_FORMATS) as img:
                width, height = img.size
                cap = MAX_PIXELS if img.format == "JPEG" else MAX_FULL_DECODE_PIXELS
                if width * height > cap:
                    raise PreviewError(
                        f"gambar mengaku {width}×{height} piksel, melebihi batas"
                        f" {cap:,} piksel: tidak dipratinjau"
                    )
                orientation = img.getexif().get(0x0112)
                img.draft("RGB", (PREVIEW_EDGE, PREVIEW_EDGE))  # JPEG: decode at reduced scale
                # Shrink first, then turn upright: the full-size picture is never copied.
                img.thumbnail((PREVIEW_EDGE, PREVIEW_EDGE))
                method = _ORIENT.get(orientation) if isinstance(orientation, int) else None
                shown = img.transpose(getattr(Image.Transpose, method)) if method else img
                # Photos become JPEG; transparency and rendered pages (text) stay lossless.
                alpha = png or shown.mode in ("RGBA", "LA", "PA") or "transparency" in shown.info
                out = BytesIO()
                if alpha:
                    shown.convert("RGBA").save(out, "PNG", optimize=False)
                else:
                    shown.convert("RGB").save(out, "JPEG", quality=85)
        except PreviewError:
            raise
        except Image.DecompressionBombError:
            # Pillow's own guard, for headers far past ours (it fires while opening).
            raise PreviewError(
                f"gambar mengaku lebih dari {MAX_PIXELS:,} piksel (bom dekompresi):"
                " tidak dipratinjau"
            ) from None
        except Exception as exc:
            # A device's file may break any part of a decoder (truncated data, bad chunks,
            # Pillow's own bomb guard, MemoryError): each is "no preview", never a 500.
            raise PreviewError(f"gambar tidak dapat dibaca ({type(exc).__name__})") from None
    return Preview(out.getvalue(), "image/png" if alpha else "image/jpeg")


def pdf_preview(fh: BinaryIO, size: int, page: int = 1) -> Preview:
    """One page rendered to PNG by poppler's pdftoppm, in a child with a timeout and caps."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewError("pratinjau PDF tidak tersedia di kantor ini (pdftoppm tidak ada)")
    if size > PDF_MAX_BYTES:
        raise PreviewError(f"PDF terlalu besar untuk pratinjau ({size:,} bita)")
    if not 1 <= page <= PDF_MAX_PAGE:
        raise PreviewError(f"halaman {page} di luar batas pratinjau 1–{PDF_MAX_PAGE}")
    with tempfile.TemporaryDirectory(prefix="fieldapp-pdf-") as tmp:
        src = Path(tmp) / "in.pdf"
        with src.open("wb") as out:
            shutil.copyfileobj(fh, out)
        args = [tool, "-png", "-f", str(page), "-l", str(page), "-scale-to", str(PREVIEW_EDGE)]
        args += ["-singlefile", str(src), str(Path(tmp) / "page")]
        if POSIX_CAP:
            # The address-space cap is set by the shell that then becomes pdftoppm: no
            # preexec_fn, which is unsafe in the server's threads. Windows: the timeout holds.
            limit = f'ulimit -v {PDF_MEMORY_CAP // 1024} && exec "$0" "$@"'
            args = ["/bin/sh", "-c", limit, *args]
        try:
            done = subprocess.run(args, capture_output=True, timeout=PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PreviewError(
                f"PDF tidak selesai digambar dalam {PDF_TIMEOUT_S:.0f} detik"
            ) from None
        rendered = Path(tmp) / "page.png"
        if done.returncode != 0 or not rendered.is_file():
            raise PreviewError(f"PDF tidak dapat digambar (halaman {page} tidak ada atau rusak)")
        # The PNG is poppler's, but it still passes the same decoder caps and re-encode.
        return raster_preview(rendered.read_bytes(), ["PNG"], png=True)
