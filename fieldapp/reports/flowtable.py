"""Tables of any length: header repeated under "(lanjutan)" on every page, rows split when taller
than a page, each cell measured once (fpdf2's table refuses such a row and measures twice)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

from fieldapp.reports.layout import Measure, measure_of
from fieldapp.reports.pdfbase import FONT

HEAD_FILL = (225, 230, 238)  # pdfbase.HEAD's fill: the same look as the fpdf2 tables had
MIN_SPLIT_LINES = 3  # a split row leaves at least this many lines on the page it starts on
CONTINUED = "(lanjutan)"


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    align: str | None = None  # L, C or R; None: the column's
    colspan: int = 1


Row = Sequence[str | Cell]


@dataclass(slots=True)
class _Laid:
    """A row laid out: per cell its x, width, alignment and lines still to draw."""

    xs: list[float]
    ws: list[float]
    aligns: list[str]
    lines: list[tuple[str, ...]]
    head: bool

    def height(self, line_h: float, pad: float) -> float:
        return max(len(c) for c in self.lines) * line_h + 2 * pad


@dataclass(frozen=True, slots=True)
class TableStyle:
    widths: tuple[float, ...]  # relative; scaled to the content width
    line_h: float
    padding: float
    size: float  # font size, pt
    align: tuple[str, ...] | str = "L"
    title: str | None = None  # said again with "(lanjutan)" above a repeated header


class FlowTable:
    """Lays rows out on the document as they come; the header rows repeat on each new page."""

    def __init__(self, pdf: FPDF, style: TableStyle, head: Sequence[Row] = ()) -> None:
        self.pdf = pdf
        self.style = style
        self.m: Measure = measure_of(pdf)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        scale = width / sum(style.widths)
        self.col_w = [w * scale for w in style.widths]
        self.col_x = [pdf.l_margin + sum(self.col_w[:i]) for i in range(len(self.col_w))]
        aligns = style.align
        self.aligns = [aligns] * len(self.col_w) if isinstance(aligns, str) else list(aligns)
        self.head = [self._lay(r, head=True) for r in head]
        self._fresh = False  # nothing but the header drawn on this page yet
        for laid in self.head:
            self._draw(laid, self.pdf.get_y())

    # -- layout ---------------------------------------------------------------------------
    def _lay(self, row: Row, head: bool = False) -> _Laid:
        pdf, pad = self.pdf, self.style.padding
        pdf.set_font(FONT, "B" if head else "", self.style.size)
        xs, ws, aligns, lines = [], [], [], []
        col = 0
        for item in row:
            c = item if isinstance(item, Cell) else Cell(item)
            w = sum(self.col_w[col : col + c.colspan])
            xs.append(self.col_x[col])
            ws.append(w)
            aligns.append((c.align or self.aligns[col])[0])
            lines.append(self.m.lines(c.text, w - 2 * pad))  # as fpdf2: padding, no margin
            col += c.colspan
        if col < len(self.col_w):  # a short row: the rest stays empty, bordered
            w = sum(self.col_w[col:])
            xs.append(self.col_x[col])
            ws.append(w)
            aligns.append("L")
            lines.append(("",))
        return _Laid(xs, ws, aligns, lines, head)

    def _head_height(self) -> float:
        return sum(h.height(self.style.line_h, self.style.padding) for h in self.head)

    def _fresh_room(self) -> float:
        """Room under the repeated header on a new page (the page title line included)."""
        pdf = self.pdf
        caption = 5.0 if self.style.title else 0.0
        return pdf.page_break_trigger - pdf.t_margin - 6 - caption - self._head_height()

    # -- drawing --------------------------------------------------------------------------
    def _draw(self, laid: _Laid, y: float, take: int | None = None) -> float:
        """The row (or its first ``take`` lines) at ``y``; returns the y below it."""
        pdf, pad, lh = self.pdf, self.style.padding, self.style.line_h
        n = max(len(c) for c in laid.lines) if take is None else take
        h = n * lh + 2 * pad
        pdf.set_font(FONT, "B" if laid.head else "", self.style.size)
        prev = pdf.fill_color
        if laid.head:
            pdf.set_fill_color(*HEAD_FILL)
        for x, w, align, lines in zip(laid.xs, laid.ws, laid.aligns, laid.lines, strict=True):
            pdf.rect(x, y, w, h, style="DF" if laid.head else "D")
            part = lines if take is None else lines[:take]
            # Whole rows are centred vertically (as fpdf2's tables); a split row reads from top.
            top = y + pad + ((n - len(part)) * lh / 2 if take is None else 0.0)
            self.m.draw(x + pad, top, w - 2 * pad, lh, part, align)
        if laid.head and prev is not None:
            pdf.set_fill_color(*(round(c * 255) for c in prev.colors))
        pdf.set_y(y + h)
        return y + h

    def _new_page(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        if self.style.title:
            pdf.set_font(FONT, "B", 8)
            pdf.cell(0, 5, f"{self.style.title} {CONTINUED}", new_x="LMARGIN", new_y="NEXT")
        for laid in self.head:
            self._draw(laid, pdf.get_y())
        self._fresh = True

    def row(self, row: Row) -> None:
        pdf, pad, lh = self.pdf, self.style.padding, self.style.line_h
        laid = self._lay(row)
        while True:
            y = pdf.get_y()
            room = pdf.page_break_trigger - y
            h = laid.height(lh, pad)
            if h <= room:
                self._draw(laid, y)
                self._fresh = False
                return
            fit = int((room - 2 * pad) / lh + 1e-9)
            if not self._fresh and (h <= self._fresh_room() or fit < MIN_SPLIT_LINES):
                self._new_page()  # the row goes whole onto the next page, as any table's
                continue
            # Taller than a page: as many lines as fit here, the rest under the next header.
            fit = max(fit, 1)
            self._draw(laid, y, take=fit)
            laid.lines = [c[fit:] or ("",) for c in laid.lines]
            self._new_page()


def flow_table(pdf: FPDF, style: TableStyle, head: Sequence[Row], rows: Sequence[Row]) -> None:
    """A whole table from the current y; the font is left at 9.5 pt as the documents expect."""
    table = FlowTable(pdf, style, head)
    for r in rows:
        table.row(r)
    pdf.set_font(FONT, size=9.5)
