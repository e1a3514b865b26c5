"""Reading generated PDFs back: text per page with whitespace folded, and the embedded fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader


def pages_text(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def all_text(path: Path) -> str:
    return " ".join(pages_text(path))


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Base font name -> whether its font program is embedded (FontFile2 in the descriptor)."""
    out: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts: Any = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile2", "/FontFile3"))
    return out
