"""The laporan pemeliharaan's tables: every marker's visit, not visited, to reinstall."""

from __future__ import annotations

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.berita_acara_tables import START_H, simple_table
from fieldapp.reports.flowtable import Cell, FlowTable, TableStyle
from fieldapp.reports.maintenance_data import MaintenanceData
from fieldapp.reports.maintenance_text import (
    CONDITION_ID,
    HEAD,
    NOT_VISITED,
    action_needed,
    installed_text,
    last_seen,
    marker_cells,
)
from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.textfmt import date_short

ROW_H = 3.3
# No, TB, Jenis, Tgl, Juru ukur, Kondisi, Vegetasi, Akses, Dilakukan, Kontrol, Diperlukan
WIDTHS = (5, 11, 10, 17, 15, 12, 17, 15, 20, 30, 22)
ALIGN = ("C", "C", "C", "C", "L", "C", "C", "L", "L", "L", "L")


def inspections_table(pdf: BeritaAcaraPDF, data: MaintenanceData, title: str) -> None:
    """One row per marker, under the same header as the XLSX; a marker not visited says so
    across the visit's columns."""
    pdf.set_font(FONT, size=6.5)
    pdf.keep(START_H)
    style = TableStyle(WIDTHS, ROW_H, 0.7, 6.5, ALIGN, title)
    table = FlowTable(pdf, style, [[Cell(t, "C") for t in HEAD]])
    for k, m in enumerate(data.markers, start=1):
        cells = marker_cells(k, m)
        if m.visited:
            table.row(cells)
        else:
            gap = Cell(f"{NOT_VISITED} — {last_seen(m)}", "C", colspan=7)
            table.row((*cells[:3], gap, cells[-1]))
    pdf.set_font(FONT, size=9.5)


def not_visited_table(pdf: BeritaAcaraPDF, data: MaintenanceData, title: str) -> None:
    rows: list[tuple[str, ...]] = [
        (str(k), m.name, m.kind, installed_text(m), last_seen(m).capitalize())
        for k, m in enumerate(data.not_visited, start=1)
    ]
    head = ("No", "Tanda Batas", "Jenis", "Tgl. pasang", "Keterangan")
    simple_table(pdf, head, (9, 22, 20, 24, 95), rows, title)


def action_table(pdf: BeritaAcaraPDF, data: MaintenanceData, title: str) -> None:
    """Markers found rusak, tercabut, hilang or bergeser (or off at the check shot)."""
    rows: list[tuple[str, ...]] = []
    for k, m in enumerate(data.needing_action, start=1):
        i = m.inspection
        assert i is not None  # needing action means visited
        found = CONDITION_ID[i.condition] + ("; ukuran kontrol tidak lulus" if m.check_failed
                                             else "")  # fmt: skip
        done = "; ".join(x for x in (i.action_taken, i.note) if x) or "-"
        rows.append((str(k), m.name, date_short(i.inspected_on), found, done, action_needed(m)))
    head = ("No", "Tanda Batas", "Tanggal periksa", "Temuan", "Tindakan yang dilakukan",
            "Tindakan yang diperlukan")  # fmt: skip
    simple_table(pdf, head, (8, 17, 23, 24, 45, 53), rows, title)


def surveyors_table(pdf: BeritaAcaraPDF, data: MaintenanceData, title: str) -> None:
    rows: list[tuple[str, ...]] = [
        (str(k), s.name, s.certificate_no or "-", s.kpo_no or "-")
        for k, s in enumerate(data.surveyors, start=1)
    ] or [("-", "Tidak ada pemeriksaan dalam periode ini", "-", "-")]
    simple_table(pdf, ("No", "Nama", "No. Sertifikat Kompetensi", "No. KPO"), (9, 51, 55, 55),
                 rows, title)  # fmt: skip
