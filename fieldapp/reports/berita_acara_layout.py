"""The berita acara's page: paraf boxes on every page, and blocks kept with what follows them."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper

PARAF_H = 7.0  # height of a paraf box, mm
BOTTOM = 30.0  # page-break margin: the footer (15 mm) plus the paraf row
SIGN_SPACE = 24.0  # room for a hand signature, mm
METERAI_W, METERAI_H = 30.0, 24.0  # a Rp10.000 meterai is 40 x 25 mm on its own; room for it


class BeritaAcaraPDF(DocumentPDF):
    """A berita acara page: every page carries a paraf box per signing party above the footer."""

    doc_id_label = "Nomor"  # the one identity it has: the Nomor on its first page

    def __init__(
        self, title: str, doc_id: str, data_sha256: str, paper: Paper, paraf: list[str]
    ) -> None:
        super().__init__(title, doc_id, data_sha256, paper)
        self.paraf = paraf
        self.set_auto_page_break(True, margin=BOTTOM)

    def footer(self) -> None:
        self._paraf_row()
        super().footer()

    def _paraf_row(self) -> None:
        if not self.paraf:
            return
        top = self.h - 15 - PARAF_H - 4
        self.set_font(FONT, size=6.5)
        self.set_text_color(60)
        self.set_xy(self.l_margin, top)
        self.cell(11, PARAF_H, "Paraf:")
        width = min(16.0, (self.content_width - 11) / len(self.paraf))
        self.set_draw_color(120)
        for k, label in enumerate(self.paraf):
            x = self.l_margin + 11 + k * width
            self.rect(x, top, width - 1, PARAF_H)
            self.set_xy(x, top + PARAF_H - 2.6)
            self.set_font(FONT, size=4.5)
            self.cell(width - 1, 2.4, label[:14], align="C")
        self.set_text_color(0)
        self.set_draw_color(0)

    def title_block(self, title: str, subtitle: str, number: str) -> None:
        """The document's name, what it is about (centred, bold) and its Nomor."""
        self.set_font(FONT, "B", 13)
        self.cell(0, 7, title, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "B", 11)
        self.multi_cell(0, 5.5, subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, size=10)
        self.cell(0, 6, f"Nomor: {number}", align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    # --- keeping things together ---------------------------------------------------
    def room(self) -> float:
        """Millimetres left above the page-break line."""
        return self.page_break_trigger - self.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` mm fit here (a heading stays with its content)."""
        if self.room() < height:
            self.add_page()

    def text_height(self, width: float, line_h: float, text: str) -> float:
        lines = self.multi_cell(width, line_h, text, dry_run=True, output="LINES")
        return len(lines) * line_h

    def heading_with(self, text: str, following: float) -> None:
        """A section heading, on a new page unless ``following`` mm of its content fit too."""
        self.keep(10 + following)
        self.heading(text)


@dataclass(frozen=True, slots=True)
class SignBox:
    """One signature: the capacity the person signs in, their name and position."""

    role: str  # "Pemegang IUP", "Juru Ukur", "Saksi (...)"
    institution: str
    name: str  # empty: the line is left for the name to be written in, marked as missing
    position: str = ""  # jabatan
    meterai: bool = False  # the permit holder signs over a Rp10.000 meterai and the stamp


def _box_height(pdf: BeritaAcaraPDF, box: SignBox, width: float) -> float:
    pdf.set_font(FONT, "B", 9)
    h = pdf.text_height(width, 4.5, box.role)
    pdf.set_font(FONT, size=8.5)
    h += pdf.text_height(width, 4, box.institution)
    h += SIGN_SPACE + (4 if box.meterai else 0)
    pdf.set_font(FONT, size=9)
    h += pdf.text_height(width, 4.5, box.name or "(nama belum diisi)")
    if box.position:
        pdf.set_font(FONT, size=8.5)
        h += pdf.text_height(width, 4, box.position)
    return h + 4


def pair_height(pdf: BeritaAcaraPDF, pair: list[SignBox]) -> float:
    col = pdf.content_width / 2 - 6
    return max(_box_height(pdf, b, col) for b in pair)


def _head_height(pdf: BeritaAcaraPDF, box: SignBox, width: float) -> float:
    pdf.set_font(FONT, "B", 9)
    h = pdf.text_height(width, 4.5, box.role)
    pdf.set_font(FONT, size=8.5)
    return h + pdf.text_height(width, 4, box.institution)


def sign_row(pdf: BeritaAcaraPDF, pair: list[SignBox], centred: bool = False) -> None:
    """Two signatures side by side (or one centred); never split across a page.

    The name lines of the pair sit level, below the taller heading: a long institution
    wraps and pushes both down rather than eating the room for the signature.
    """
    col = pdf.content_width / 2
    w = col - 6
    height = pair_height(pdf, pair)
    pdf.keep(height)
    top = pdf.get_y() + 2
    head = max(_head_height(pdf, b, w) for b in pair)
    extra = 4 if any(b.meterai for b in pair) else 0
    line_y = top + head + SIGN_SPACE + extra
    bottom = top
    for k, box in enumerate(pair):
        x = pdf.l_margin + (col / 2 if centred else k * col)
        pdf.set_xy(x, top)
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(w, 4.5, box.role, align="C", new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, size=8.5)
        pdf.multi_cell(w, 4, box.institution, align="C", new_x="LEFT", new_y="NEXT")
        if box.meterai:
            _meterai(pdf, x, top + head)
        pdf.line(x + 10, line_y, x + w - 10, line_y)
        pdf.set_xy(x, line_y + 0.5)
        pdf.set_font(FONT, "B" if box.name else "", 9)
        pdf.multi_cell(
            w, 4.5, box.name or "(nama belum diisi)", align="C", new_x="LEFT", new_y="NEXT"
        )
        if box.position:
            pdf.set_font(FONT, size=8.5)
            pdf.multi_cell(w, 4, box.position, align="C", new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom + 2)
    pdf.set_font(FONT, size=9.5)


def _meterai(pdf: BeritaAcaraPDF, x: float, top: float) -> None:
    """A dashed frame where the meterai is stuck and the company stamp overlaps it."""
    left = x + 4
    pdf.set_draw_color(140)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.rect(left, top + 1, METERAI_W, METERAI_H)
    pdf.set_font(FONT, size=6)
    pdf.set_text_color(110)
    pdf.set_xy(left, top + 8)
    pdf.multi_cell(
        METERAI_W, 3, "Meterai\nRp10.000\ndan cap\nperusahaan", align="C", new_x="LEFT",
        new_y="NEXT",
    )  # fmt: skip
    pdf.set_text_color(0)
    pdf.set_draw_color(0)
