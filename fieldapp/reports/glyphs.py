"""Refuse text the embedded font cannot draw: fpdf2 only warns and drops the character."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from fieldapp.reports.data import ReportInputError
from fieldapp.reports.pdfbase import font_path


@functools.cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    # A character is drawable when both faces have it: names print regular, roles bold.
    sets = []
    for bold in (False, True):
        with TTFont(str(font_path(bold)), lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return frozenset(sets[0] & sets[1])


def missing_characters(text: str) -> list[str]:
    """The characters of ``text`` the document font lacks (line breaks and tabs are fine)."""
    have = _covered()
    return [ch for ch in dict.fromkeys(text) if ch not in "\n\t" and ord(ch) not in have]


def check_glyphs(texts: Iterable[tuple[str, str | None]]) -> None:
    """``(what, text)`` pairs: raise naming the first text with a character the font lacks."""
    for what, text in texts:
        lacking = missing_characters(text or "")
        if lacking:
            shown = ", ".join(
                f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'tanpa nama')})" for ch in lacking
            )
            raise ReportInputError(
                f"{what} {text!r}: the font DejaVu Sans has no glyph for {shown}; "
                "the name would print without it. Write the name with characters the font has "
                "(e.g. Latin transliteration) and build again"
            )
