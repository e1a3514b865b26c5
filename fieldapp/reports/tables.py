"""XLSX coordinate tables of the report (Kepmen 1806 Lampiran XXIII): points, markers, ties."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from pyproj import Geod

from fieldapp.reports.data import KIND_ID, ReportData
from fieldapp.reports.pdfbase import atomic_path
from fieldapp.reports.textfmt import lat_dms, lon_dms
from fieldapp.survey.models import ControlKind
from fieldapp.survey.scale import grid_factors

GEOD = Geod(ellps="GRS80")
Cell = str | float | int | None


def _sheet(wb: Workbook, title: str, head: list[str], rows: list[list[Cell]]) -> Worksheet:
    ws = wb.create_sheet(title)
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E1E6EE")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(row)
    for i, h in enumerate(head, start=1):
        width = max([len(h)] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(max(width + 2, 8), 40)
    ws.freeze_panes = "A2"
    return ws


def _decimals(ws: Worksheet, columns: dict[int, str]) -> None:
    for col, fmt in columns.items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = fmt


def tie_rows(data: ReportData, kind: ControlKind) -> list[list[Cell]]:
    """Ties of BMs (to JKHN) or Titik Bantu (to their BM): from-point, azimuth, distances."""
    by_name = {c.name: c for c in data.control}
    rows: list[list[Cell]] = []
    for c in data.control:
        if c.kind is not kind:
            continue
        e, n = data.grid_of(c.lat, c.lon)
        base = by_name.get(c.tied_to or "")
        az = dist = ground = dh = None
        if base is not None:
            fwd, _, dist = GEOD.inv(base.lon, base.lat, c.lon, c.lat)
            az = fwd % 360.0
            be, bn = data.grid_of(base.lat, base.lon)
            grid_d = ((e - be) ** 2 + (n - bn) ** 2) ** 0.5
            f = grid_factors(
                data.grid,
                (c.lon + base.lon) / 2,
                (c.lat + base.lat) / 2,
                ((c.h or 0) + (base.h or 0)) / 2,
            )
            ground = grid_d / f.combined
            dh = None if c.h is None or base.h is None else c.h - base.h
        rows.append(
            [
                c.name,
                c.tied_to,
                lat_dms(c.lat),
                lon_dms(c.lon),
                c.lat,
                c.lon,
                e,
                n,
                c.h,
                az,
                dist,
                ground,
                dh,
                c.sigma_h,
                c.sigma_v,
                c.source,
            ]
        )
    return rows


def write_tables(data: ReportData, target: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    z = data.zone_label
    ws = _sheet(
        wb,
        "Titik Batas",
        [
            "No",
            "Lintang (SK)",
            "Bujur (SK)",
            "Lintang (desimal)",
            "Bujur (desimal)",
            f"E (m) {z}",
            f"N (m) {z}",
        ],
        [
            [b.number, b.lat_text, b.lon_text, b.lat, b.lon, *data.grid_of(b.lat, b.lon)]
            for b in data.boundary
        ],
    )
    _decimals(ws, {4: "0.000000000", 5: "0.000000000", 6: "0.000", 7: "0.000"})
    ws = _sheet(
        wb,
        "Tanda Batas",
        [
            "Nama",
            "Jenis",
            "Garis batas",
            "Lintang",
            "Bujur",
            "Lintang (desimal)",
            "Bujur (desimal)",
            f"E (m) {z}",
            f"N (m) {z}",
            "h elipsoid (m)",
            "dN desain (m)",
            "dE desain (m)",
            "Δ horizontal (m)",
            "Toleransi (m)",
            "Tanggal pasang",
            "Status",
        ],
        [
            [
                m.name,
                KIND_ID[m.marker.kind],
                "–".join(m.marker.edge or ()),
                lat_dms(m.lat, 5),
                lon_dms(m.lon, 5),
                m.lat,
                m.lon,
                m.e,
                m.n,
                m.h,
                m.stake.delta.dn_m,
                m.stake.delta.de_m,
                m.stake.delta.horizontal_m,
                m.stake.delta.tolerance_m,
                m.installed_at.date().isoformat(),
                m.installation.status.value,
            ]
            for m in data.markers
        ],
    )
    _decimals(
        ws,
        {
            6: "0.000000000",
            7: "0.000000000",
            8: "0.000",
            9: "0.000",
            10: "0.000",
            11: "0.000",
            12: "0.000",
            13: "0.000",
            14: "0.00",
        },
    )
    tie_head = [
        "Nama",
        "Terikat ke",
        "Lintang",
        "Bujur",
        "Lintang (desimal)",
        "Bujur (desimal)",
        f"E (m) {z}",
        f"N (m) {z}",
        "h (m)",
        "Azimut dari titik ikat (°)",
        "Jarak elipsoid (m)",
        "Jarak permukaan (m)",
        "Beda tinggi (m)",
        "σH (m)",
        "σV (m)",
        "Sumber",
    ]
    fmt = {
        5: "0.000000000",
        6: "0.000000000",
        7: "0.000",
        8: "0.000",
        9: "0.000",
        10: "0.0000",
        11: "0.000",
        12: "0.000",
        13: "0.000",
        14: "0.000",
        15: "0.000",
    }
    _decimals(_sheet(wb, "Ikatan BM-JKHN", tie_head, tie_rows(data, ControlKind.BM)), fmt)
    _decimals(
        _sheet(wb, "Ikatan Titik Bantu-BM", tie_head, tie_rows(data, ControlKind.TITIK_BANTU)), fmt
    )
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
