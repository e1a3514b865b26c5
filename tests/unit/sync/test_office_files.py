"""files.py on its own: download headers, and pdftoppm held by its timeout and memory cap.

pdftoppm comes from poppler-utils, which scripts/setup.sh installs: these tests do not skip.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from fieldapp.sync.office import files


def _pdf() -> BytesIO:
    out = BytesIO()
    Image.new("RGB", (200, 300), (20, 120, 20)).save(out, "PDF")
    out.seek(0)
    return out


def test_download_headers_for_a_script_file() -> None:
    headers = files.download_headers("data/documents/a b\u00f8.svg", "ab" * 32, 12)
    assert headers["Content-Disposition"] == (
        "attachment; filename=\"a_b_.svg\"; filename*=UTF-8''a%20b%C3%B8.svg"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    for name in ("x.svg", "x.html", "x.htm", "x.xhtml", "x.js", "x", "x.SVG"):
        assert files.download_type(name) == "application/octet-stream", name
    assert files.download_type("x.JPG") == "image/jpeg"


def test_pdf_render_is_stopped_by_its_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "PDF_TIMEOUT_S", 0.001)
    with pytest.raises(files.PreviewError, match="tidak selesai digambar"):
        files.pdf_preview(_pdf(), 1000)


@pytest.mark.skipif(not files.POSIX_CAP, reason="address-space cap is POSIX only")
def test_pdf_render_is_held_by_its_memory_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    assert files.pdf_preview(_pdf(), 1000).media_type == "image/png"
    monkeypatch.setattr(files, "PDF_MEMORY_CAP", 8 << 20)  # too little for pdftoppm itself
    with pytest.raises(files.PreviewError, match="tidak dapat digambar"):
        files.pdf_preview(_pdf(), 1000)
