"""Text measured once: cached word widths and line breaks, lines drawn without re-measuring.

fpdf2's ``multi_cell`` measures every character of a text each time it is called, and a table
measures each cell twice (once to size the row, once to draw it). A document of a thousand
markers repeats the same words and whole cells ("Sisipan", dates, the zone) thousands of
times: here a word is measured once per font and size, a text broken into lines once per
font, size and width, and a line is drawn with ``text()`` at a place already known.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

_EPS = 1e-6


class Measure:
    """Word widths and line breaks of one document, per font and size (mm)."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._words: dict[tuple[str, float], dict[str, float]] = {}
        self._lines: dict[tuple[str, float, float, str], tuple[str, ...]] = {}

    def _font_key(self) -> tuple[str, float]:
        font = self.pdf.current_font
        return (getattr(font, "fontkey", "") or "", float(self.pdf.font_size_pt))

    def width(self, text: str) -> float:
        """Width of ``text`` in the current font, as ``get_string_width`` gives it."""
        cache = self._words.setdefault(self._font_key(), {})
        w = cache.get(text)
        if w is None:
            w = cache[text] = self.pdf.get_string_width(text)
        return w

    def lines(self, text: str, width: float) -> tuple[str, ...]:
        """``text`` broken into lines no wider than ``width``: at newlines, then between
        words; a word wider than a line is cut between characters. Never fewer than one."""
        fk = self._font_key()
        key = (fk[0], fk[1], round(width, 4), text)
        got = self._lines.get(key)
        if got is None:
            out: list[str] = []
            for para in text.split("\n"):
                out.extend(self._wrap(para, width))
            got = self._lines[key] = tuple(out) or ("",)
        return got

    def _wrap(self, para: str, width: float) -> list[str]:
        if self.width(para) <= width + _EPS:
            return [para]
        space = self.width(" ")
        out: list[str] = []
        line: list[str] = []
        used = 0.0
        for word in para.split(" "):
            w = self.width(word)
            if line and used + space + w <= width + _EPS:
                line.append(word)
                used += space + w
                continue
            if line:
                out.append(" ".join(line))
                line, used = [], 0.0
            if w <= width + _EPS:
                line, used = [word], w
                continue
            # One word wider than the line (a long number, a URL): cut between characters.
            piece = ""
            for ch in word:
                if piece and self.width(piece + ch) > width + _EPS:
                    out.append(piece)
                    piece = ""
                piece += ch
            line, used = [piece], self.width(piece)
        if line:
            out.append(" ".join(line))
        return out

    def draw(self, x: float, y: float, w: float, line_h: float, lines: Sequence[str],
             align: str = "L") -> float:  # fmt: skip
        """Lines from top ``y`` in a box ``w`` wide (L, C or R), as ``cell`` would place
        them; returns the y below the last."""
        pdf = self.pdf
        drop = line_h / 2 + 0.3 * pdf.font_size  # cell()'s baseline within a line
        for i, line in enumerate(lines):
            if not line:
                continue
            if align == "L":
                lx = x
            else:
                free = w - self.width(line)
                lx = x + (free if align == "R" else free / 2)
            pdf.text(lx, y + i * line_h + drop, line)
        return y + len(lines) * line_h


def measure_of(pdf: FPDF) -> Measure:
    """The document's one :class:`Measure` (made on first use)."""
    m: Measure | None = getattr(pdf, "_fieldapp_measure", None)
    if m is None:
        m = Measure(pdf)
        pdf._fieldapp_measure = m  # type: ignore[attr-defined]
    return m


def flow_lines(pdf: FPDF, x: float, w: float, line_h: float, text: str, align: str = "L") -> None:
    """``multi_cell(w, line_h, text)`` at ``x`` from the current y, then y below it: the lines
    measured once, a new page whenever the next line does not fit (a text of any length)."""
    m = measure_of(pdf)
    cm = pdf.c_margin
    lines = m.lines(text, w - 2 * cm)
    y = pdf.get_y()
    for line in lines:
        if y + line_h > pdf.page_break_trigger and pdf.auto_page_break:
            pdf.add_page()
            y = pdf.get_y()
        m.draw(x + cm, y, w - 2 * cm, line_h, (line,), align)
        y += line_h
    pdf.set_xy(x, y)
