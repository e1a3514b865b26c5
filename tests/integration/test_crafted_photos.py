"""Crafted photos through the real `marker photo`: each refused in one line, nothing stored.

The files are made here: a PNG whose header claims 10 gigapixels (Pillow's decompression
bomb), one that claims 48 MP of a format decoded in full, a JPEG cut after its header,
text under a photo's name, an empty file. Each import must be refused with the file named,
within the memory bound, and leave the job's photo rows and photos/ folder as they were.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from jobkit import rows, run
from PIL import Image
from probe import assert_clean_refusal, probe
from test_marker_cli import sk_job


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "device-home"))


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG that claims ``width`` x ``height`` with almost no pixel data behind it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 4096)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def _truncated_jpeg(path: Path) -> None:
    Image.effect_noise((800, 600), 30).convert("RGB").save(path, "JPEG", quality=90)
    path.write_bytes(path.read_bytes()[:2000])


CRAFTED: dict[str, Callable[[Path], None]] = {
    "bomb.png": lambda p: _png_header_only(p, 100_000, 100_000),
    "huge.png": lambda p: _png_header_only(p, 8000, 6000),
    "cut.jpg": _truncated_jpeg,
    "text.jpg": lambda p: p.write_text("bukan foto\n" * 200, encoding="utf-8"),
    "empty.jpg": lambda p: p.write_bytes(b""),
}


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("photos")
    path = Path(sk_job(folder))
    assert run("marker", "add", path, "1", "--lat", str(LAT0), "--lon", str(LON0)).returncode == 0
    return path


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_photo_is_refused_in_one_line_and_nothing_is_kept(
    name: str, job: Path, tmp_path: Path
) -> None:
    src = tmp_path / name
    CRAFTED[name](src)
    before = rows(job, "SELECT * FROM photo ORDER BY id")
    files = sorted(p.name for p in (job / "photos").iterdir())

    result = probe("marker", "photo", job, "1", src, "--direction", "utara")

    assert_clean_refusal(result, str(src))
    assert rows(job, "SELECT * FROM photo ORDER BY id") == before
    assert sorted(p.name for p in (job / "photos").iterdir()) == files


def test_a_big_jpeg_is_still_a_photo(job: Path, tmp_path: Path) -> None:
    """The pixel bound is not a bound on cameras: a 48 MP JPEG imports (checked at 1/8)."""
    src = tmp_path / "kamera-48mp.jpg"
    Image.new("RGB", (8000, 6000), (90, 120, 60)).save(src, "JPEG", quality=80)
    result = probe("marker", "photo", job, "1", src, "--direction", "timur")
    assert result.returncode == 0, result.describe()
    assert result.peak_mb < 300, result.describe()
