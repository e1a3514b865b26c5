"""The page every document shares: paper, embedded DejaVu fonts, page numbers, data footer."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.fonts import FontFace

from fieldapp.reports.files import atomic_path as atomic_path  # its old home
from fieldapp.resources import resource_path

Paper = Literal["a4", "f4"]
PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "f4": (215.0, 330.0)}
FONT = "DejaVu"
HEAD = FontFace(emphasis="BOLD", fill_color=(225, 230, 238))


def font_path(bold: bool = False) -> Path:
    return resource_path("fonts", "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


class DocumentPDF(FPDF):
    """A4/F4 page with the DejaVu font embedded (core fonts are Latin-1: no ° ′ ″ ±)."""

    doc_id_label = "ID dokumen"  # a berita acara is known by its Nomor

    def __init__(
        self,
        title: str,
        doc_id: str,
        data_sha256: str,
        paper: Paper = "a4",
        landscape: bool = False,
    ) -> None:
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}: a4 or f4")
        super().__init__(orientation="L" if landscape else "P", unit="mm", format=PAPERS[paper])
        self.doc_title = title
        self.doc_id = doc_id
        self.data_sha256 = data_sha256
        # What the build should tell the user (a background left out): never printed.
        self.notes: list[str] = []
        self.add_font(FONT, "", str(font_path()))
        self.add_font(FONT, "B", str(font_path(bold=True)))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_title(title)
        self.set_creator("fieldapp")
        self.set_font(FONT, size=10)

    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def header(self) -> None:
        if self.page_no() > 1:
            # Later pages carry the title small, so a loose page still says what it belongs to.
            self.set_font(FONT, size=7)
            self.set_text_color(90)
            self.cell(0, 4, self.doc_title, align="R")
            self.set_text_color(0)
            self.ln(6)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_draw_color(150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_font(FONT, size=6.5)
        self.set_text_color(70)
        self.cell(0, 3.5, f"{self.doc_id_label}: {self.doc_id}", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 3.5, f"SHA-256 data: {self.data_sha256}")
        self.set_font(FONT, size=8)
        self.set_xy(self.l_margin, self.h - 15)
        self.cell(0, 4, f"Halaman {self.page_no()} dari {{nb}}", align="R")
        self.set_text_color(0)
        self.set_draw_color(0)

    def heading(self, text: str, size: float = 10.5) -> None:
        self.ln(2)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, size=9.5)
        self.ln(0.5)

    def para(self, text: str, size: float = 9.5, height: float = 5.0) -> None:
        self.set_font(FONT, size=size)
        self.multi_cell(0, height, text, align="J", new_x="LMARGIN", new_y="NEXT")

    def key_values(self, rows: list[tuple[str, str]], key_width: float = 48) -> None:
        """Label : value lines, the label column fixed so the colons line up."""
        self.set_font(FONT, size=9.5)
        for key, value in rows:
            self.set_x(self.l_margin + 4)
            self.cell(key_width, 5, key)
            self.cell(4, 5, ":")
            self.multi_cell(0, 5, value or "-", new_x="LMARGIN", new_y="NEXT")


def save_pdf(pdf: FPDF, target: Path) -> Path:
    """Render and write; a failure leaves no file at ``target`` (nor a stray temp file)."""
    with warnings.catch_warnings():
        # "Halaman 1 dari 1000": four digits overrun the width fpdf2 kept for "{nb}" by a
        # hair in a right-aligned footer; the page number prints whole, the warning is noise.
        warnings.filterwarnings("ignore", message="The total page count", category=UserWarning)
        data = pdf.output()
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target
