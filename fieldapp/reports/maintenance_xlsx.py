"""The laporan pemeliharaan as a table: one row per marker, the PDF's columns, then the figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from fieldapp.reports.maintenance_data import MaintenanceData, MarkerMaintenance
from fieldapp.reports.maintenance_text import HEAD, how_measured, marker_cells, summary_rows
from fieldapp.reports.pdfbase import atomic_path

HEAD_FILL = PatternFill("solid", fgColor="E1E6EE")
NOT_VISITED_FILL = PatternFill("solid", fgColor="F8D7D7")
# After the PDF's columns: the check shot's figures as numbers, for whoever sums or filters.
FIGURES = ("ΔN (m)", "ΔE (m)", "Δh (m)", "Δ horizontal (m)", "Toleransi (m)", "Lulus",
           "Cara ukur")  # fmt: skip
WIDTHS = (5, 12, 10, 13, 22, 11, 12, 24, 32, 44, 44, 9, 9, 9, 11, 11, 7, 40)
Value = str | float | dt.date | None
DATE_COL = HEAD.index("Tanggal periksa")


def _figures(m: MarkerMaintenance) -> list[Value]:
    c = m.inspection.check if m.inspection else None
    if c is None:
        return [None] * len(FIGURES)
    return [c.dn_m, c.de_m, c.dh_m, c.horizontal_m, c.tolerance_m, "Ya" if c.passed else "Tidak",
            how_measured(c)]  # fmt: skip


def write_maintenance_xlsx(data: MaintenanceData, target: Path, status: str) -> Path:
    """``status``: "FINAL" or "DRAF", as the PDF built from the same data says."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pemeliharaan"
    p = data.permit
    ws.append([f"Laporan Pemeliharaan Tanda Batas — WIUP {p.wiup_code or '-'} — {p.holder or '-'}"])
    ws.cell(1, 1).font = Font(bold=True, size=12)
    ws.append([f"Periode {data.period.label}; SK {p.sk_number or '-'}; status {status}; "
               f"SHA-256 data {data.sha256}"])  # fmt: skip
    head = [*HEAD, *FIGURES]
    ws.append(head)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for k, m in enumerate(data.markers, start=1):
        cells: list[Value] = [k, *marker_cells(k, m)[1:], *_figures(m)]
        if m.inspection is not None:
            cells[DATE_COL] = m.inspection.inspected_on  # a date the office can sort and filter
        ws.append(cells)
        ws.cell(ws.max_row, DATE_COL + 1).number_format = "dd/mm/yyyy"
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if not m.visited:
                cell.fill = NOT_VISITED_FILL
        for col in range(len(HEAD) + 1, len(HEAD) + 6):
            ws.cell(ws.max_row, col).number_format = "0.000"
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[ws.cell(head_row, i).column_letter].width = width
    ws.freeze_panes = ws.cell(head_row + 1, 3)
    summary = wb.create_sheet("Ringkasan")
    for key, value in summary_rows(data):
        summary.append([key, value])
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 40
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
