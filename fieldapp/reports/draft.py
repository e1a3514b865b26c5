"""A berita acara that is not yet final: the DRAF watermark on every page and the annex.

The annex ("Lampiran: kekurangan") lists, per marker, what the job still lacks before the
berita acara may be signed as final. Both are drawn by fpdf2 on the rendered document, so the
watermark lies over the content of every page, the annex pages included.
"""

from __future__ import annotations

from fieldapp.reports.completeness import Completeness
from fieldapp.reports.flowtable import Cell, TableStyle, flow_table
from fieldapp.reports.pdfbase import FONT, DocumentPDF

WATERMARK = "DRAF"
RED = (190, 30, 30)
ANNEX_TITLE = "Lampiran: kekurangan"


def add_annex(pdf: DocumentPDF, completeness: Completeness) -> None:
    """New pages after the document: why it is a DRAF, marker by marker."""
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, ANNEX_TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        f"Berita acara ini masih DRAF: {len(completeness.gaps)} dari {completeness.markers} "
        "tanda batas yang tercantum belum lengkap"
        + (", dan penanda tangannya belum lengkap" if completeness.general else "")
        + ". Berita acara baru dapat ditandatangani dan dicetak sebagai ASLI setelah semua "
        "kekurangan di bawah ini dipenuhi dan berita acara dibuat ulang (Nomor akan berubah)."
    )
    for item in completeness.general:
        pdf.para(f"• Berita acara: {item}")
    pdf.ln(2)
    if not completeness.gaps:
        return
    style = TableStyle((8, 22, pdf.content_width - 30), 4.4, 1, 8.5, ("C", "C", "L"), ANNEX_TITLE)
    rows = [
        (str(i), gap.marker, "\n".join(f"• {item}" for item in gap.items))
        for i, gap in enumerate(completeness.gaps, start=1)
    ]
    flow_table(pdf, style, [[Cell(t, "C") for t in ("No", "Tanda batas", "Kekurangan")]], rows)


def watermark_pages(pdf: DocumentPDF) -> None:
    """A diagonal DRAF across every page, drawn over the content, half transparent."""
    last = pdf.page
    for page in range(1, pdf.pages_count + 1):
        pdf.page = page
        x, y = pdf.w / 2, pdf.h / 2
        with pdf.local_context(fill_opacity=0.16, text_color=RED):
            pdf.set_font(FONT, "B", 150)
            with pdf.rotation(55, x=x, y=y):
                width = pdf.get_string_width(WATERMARK)
                pdf.text(x - width / 2, y + 18, WATERMARK)
        with pdf.local_context(text_color=RED):
            pdf.set_font(FONT, "B", 8)
            pdf.text(pdf.l_margin, 12.5, f"{WATERMARK}: belum final, lihat {ANNEX_TITLE}")
    pdf.page = last
    pdf.set_font(FONT, size=9.5)


def mark_draft(pdf: DocumentPDF, completeness: Completeness) -> None:
    """Make ``pdf`` a DRAF: the annex, then the watermark on every page (annex included)."""
    if completeness.final:
        return
    add_annex(pdf, completeness)
    watermark_pages(pdf)
