"""Package files reach the reviewer as sandboxed downloads; only re-encoded rasters are inline."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import httpx
from PIL import Image
from reviewkit import push_crafted, reviewer
from synckit import Office, Reviewer

SCRIPT_HTML = b"<html><body><script>fetch('/review/packages')</script>XSS</body></html>"
SCRIPT_SVG = (
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(document.cookie)'>"
    b"<script>fetch('/review')</script></svg>"
)
ODD_NAME = "Laporan akhir ø;1 'x'.html"


def assert_sandboxed(r: httpx.Response) -> None:
    assert r.headers["x-content-type-options"] == "nosniff"
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp


def jpeg_with_exif() -> bytes:
    """30×20 red JPEG, EXIF orientation 6 (rotate 90°) and a camera name to be stripped."""
    img = Image.new("RGB", (30, 20), (200, 10, 10))
    exif = img.getexif()
    exif[0x0112] = 6
    exif[0x010F] = "KameraRahasia"
    out = BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_bomb(side: int = 100_000) -> bytes:
    """A few hundred bytes whose header claims side×side pixels (10 G pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 4096)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def real_pdf() -> bytes:
    out = BytesIO()
    Image.new("RGB", (200, 300), (20, 120, 20)).save(out, "PDF")
    return out.getvalue()


def test_html_and_svg_come_back_as_sandboxed_attachments(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    docs = {"laporan.html": SCRIPT_HTML, "peta.svg": SCRIPT_SVG, ODD_NAME: SCRIPT_HTML}
    page_url = push_crafted(job, office, device_token, documents=docs)
    with reviewer(office, staff) as client:
        for name, data in docs.items():
            r = client.get(f"{page_url}/files/{quote('data/documents/' + name)}")
            assert r.status_code == 200, r.text
            assert r.content == data  # the reviewer still gets the exact file
            assert r.headers["content-type"] == "application/octet-stream"
            disposition = r.headers["content-disposition"]
            assert disposition.startswith("attachment;")
            assert f"filename*=UTF-8''{quote(name, safe='')}" in disposition
            assert_sandboxed(r)
            # Never previewed either: no route renders SVG or HTML inline.
            preview = client.get(f"{page_url}/preview/{quote('data/documents/' + name)}")
            assert preview.status_code == 422, preview.text
        page = client.get(page_url)
    assert page.status_code == 200
    # The page embeds no device bytes: every <img> points at the re-encoding preview route.
    assert "/files/" not in "".join(part.split("'")[0] for part in page.text.split("src='")[1:])
    assert "peta.svg" in page.text and "<img class='photo' alt='data/documents/peta.svg" not in (
        page.text
    )


def test_jpeg_preview_is_reencoded_without_exif(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    original = jpeg_with_exif()
    page_url = push_crafted(job, office, device_token, documents={"patok.jpg": original})
    with reviewer(office, staff) as client:
        r = client.get(f"{page_url}/preview/data/documents/patok.jpg")
        download = client.get(f"{page_url}/files/data/documents/patok.jpg")
        page = client.get(page_url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "image/jpeg"
    assert_sandboxed(r)
    assert r.content != original and b"KameraRahasia" not in r.content
    with Image.open(BytesIO(r.content)) as img:
        assert img.format == "JPEG"
        assert img.size == (20, 30)  # EXIF orientation 6 applied, then dropped
        assert not img.getexif()
    # The download is the original bytes, as an attachment with its declared image type.
    assert download.content == original and download.headers["content-type"] == "image/jpeg"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "preview/data/documents/patok.jpg" in page.text


def test_png_bomb_and_undecodable_photos_are_not_previewed(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    # 10 000² passes Pillow's own guard (179 M pixels) but not the office's cap; 100 000²
    # trips Pillow's guard while opening: both are refused before any pixel is decoded.
    bombs = {"bom.png": png_bomb(100_000), "bom-kecil.png": png_bomb(10_000)}
    page_url = push_crafted(job, office, device_token, documents=bombs)
    with reviewer(office, staff) as client:
        answers = [client.get(f"{page_url}/preview/data/documents/{name}") for name in bombs]
        # make_job's photos are a JPEG marker and random bytes: not an image at all.
        junk = client.get(f"{page_url}/preview/data/photos/TB1_north.jpg")
        page = client.get(page_url)
        still_up = client.get("/review")
    for bomb in answers:
        assert bomb.status_code == 422 and "piksel" in bomb.json()["detail"], bomb.text
    assert "10000×10000" in answers[1].json()["detail"]
    assert junk.status_code == 422 and "tidak dapat dibaca" in junk.json()["detail"]
    assert page.status_code == 200 and still_up.status_code == 200


def test_pdf_preview_is_a_png_of_the_page(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    page_url = push_crafted(job, office, device_token, documents={"denah.pdf": real_pdf()})
    with reviewer(office, staff) as client:
        r = client.get(f"{page_url}/preview/data/documents/denah.pdf?page=1")
        past_end = client.get(f"{page_url}/preview/data/documents/denah.pdf?page=2")
        absurd = client.get(f"{page_url}/preview/data/documents/denah.pdf?page=99999")
        broken = client.get(f"{page_url}/preview/data/documents/berita_acara.pdf")
        download = client.get(f"{page_url}/files/data/documents/denah.pdf")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "image/png"
    assert_sandboxed(r)
    with Image.open(BytesIO(r.content)) as img:
        img.load()
        assert max(img.size) <= 1600 and img.getpixel((img.width // 2, img.height // 2))[1] > 100
    assert past_end.status_code == 422 and absurd.status_code == 422
    assert broken.status_code == 422 and "PDF" in broken.json()["detail"]
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.headers["content-type"] == "application/pdf"
    assert_sandboxed(download)
