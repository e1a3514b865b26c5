"""XLSX coordinate tables of the report as Kepmen 1806 Lampiran XXIII asks: title, ties, markers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from pyproj import Geod

from fieldapp.reports.baseline_cells import (
    BASELINE_HEAD,
    METRE_COLUMNS,
    accepted_by_rover,
    baseline_cells,
)
from fieldapp.reports.data import KIND_ID, ReportData
from fieldapp.reports.heights_text import H_ELLIPSOID, H_ORTHOMETRIC, height_note, orthometric
from fieldapp.reports.marker_facts import (
    STATUS_ID,
    achieved_sigma,
    instrument_text,
    method_text,
    reference_facts,
)
from fieldapp.reports.pdfbase import atomic_path
from fieldapp.reports.textfmt import azimuth_dms, lat_dms, lon_dms
from fieldapp.survey.models import ControlKind, ControlPoint, MarkerKind
from fieldapp.survey.scale import grid_factors

if TYPE_CHECKING:
    from fieldapp.store.baselines import StoredBaseline

GEOD = Geod(ellps="GRS80")
Cell = str | float | int | dt.date | dt.datetime | None
DMS_DECIMALS = 5  # one notation on every sheet: 0,00001″ is 0,3 mm
DATE_FMT = "dd/mm/yyyy"
DATETIME_FMT = "dd/mm/yyyy hh:mm"
HEAD_FILL = PatternFill("solid", fgColor="E1E6EE")
NOTE_FONT = Font(italic=True, color="7A2E00")
NO_TIES = "Tidak ada data ikatan {what} dalam pekerjaan ini; kolom disediakan untuk diisi."


def _dms(lat: float, lon: float) -> tuple[str, str]:
    return lat_dms(lat, DMS_DECIMALS), lon_dms(lon, DMS_DECIMALS)


def _sheet(
    wb: Workbook, title: str, head: list[str], rows: list[list[Cell]], caption: str | None = None
) -> Worksheet:
    """A table with a bold header row (one caption line above it when given)."""
    ws = wb.create_sheet(title)
    if caption:
        ws.append([caption])
        ws.cell(1, 1).font = Font(bold=True, size=12)
    ws.append(head)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(row)
    for i, h in enumerate(head, start=1):
        cells = [r[i - 1] for r in rows if i - 1 < len(r) and r[i - 1] is not None]
        width = max([len(h) // 2 + 2] + [len(_width_text(c)) for c in cells])
        ws.column_dimensions[ws.cell(head_row, i).column_letter].width = min(max(width + 2, 9), 44)
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    return ws


def _width_text(value: Cell) -> str:
    if isinstance(value, dt.datetime):
        return "00/00/0000 00:00"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _formats(ws: Worksheet, first_row: int, columns: dict[int, str]) -> None:
    for col, fmt in columns.items():
        for (cell,) in ws.iter_rows(min_row=first_row, min_col=col, max_col=col):
            cell.number_format = fmt


def _note(ws: Worksheet, row: int, text: str) -> None:
    cell = ws.cell(row, 1, text)
    cell.font = NOTE_FONT


def _title_sheet(wb: Workbook, data: ReportData, made: dt.datetime) -> None:
    ws = wb.create_sheet("Judul")
    p = data.permit
    surveyors = ", ".join(s.name for s in data.surveyors) or "-"
    rows: list[tuple[str, Cell]] = [
        ("Pekerjaan", p.name),
        ("Pemegang IUP", p.holder or "-"),
        ("Kode WIUP", p.wiup_code or "-"),
        ("Nomor SK IUP", p.sk_number or "-"),
        ("Tanggal SK", dt.date.fromisoformat(p.sk_date[:10]) if p.sk_date else "-"),
        ("Luas menurut SK (ha)", p.sk_area_ha if p.sk_area_ha is not None else "-"),
        ("Provinsi", p.province or "-"),
        ("Kabupaten / Kota", p.regency or "-"),
        ("Datum", "SRGI2013 (EPSG:9470), elipsoid GRS80"),
        ("Proyeksi / zona", data.grid.name.replace(" zone ", " zona ")),
        ("Satuan", "meter; sudut dalam derajat, menit, detik (DMS) atau derajat desimal"),
        ("Notasi DMS", f"DD° MM′ SS,{'s' * DMS_DECIMALS}″ LU/LS, BT/BB (semua lembar)"),
        ("Tinggi", height_note(data.geoid_name)),
        ("Geoid", data.geoid_name),
        ("Azimut", "geodetik (utara sebenarnya) kecuali disebut grid"),
        ("Jarak", "elipsoid, grid atau permukaan tanah: disebut pada tiap kolom"),
        ("Juru ukur", surveyors),
        ("Dibuat", made),
        ("Dibuat oleh", "fieldapp, dari data pekerjaan"),
        ("SHA-256 data", data.sha256),
        ("Lembar", "Tabel I (BM ke JKHN), Tabel II (Titik Bantu ke BM), Tanda Batas, Titik Batas"),
    ]
    ws.append(["TABEL KOORDINAT TANDA BATAS WIUP"])
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.append(["Lampiran XXIII Kepmen ESDM 1806 K/30/MEM/2018"])
    ws.append([])
    for key, value in rows:
        ws.append([key, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        cell = ws.cell(ws.max_row, 2)
        if isinstance(value, dt.datetime):
            cell.number_format = DATETIME_FMT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FMT
        cell.alignment = Alignment(horizontal="left")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 80


def _tie(data: ReportData, c: ControlPoint, base: ControlPoint | None) -> list[Cell]:
    """Azimuth and distances from the tie point to ``c``; blank when the tie point is unknown."""
    e, n = data.grid_of(c.lat, c.lon)
    az = dist = ground = dh = None
    if base is not None:
        fwd, _, dist = GEOD.inv(base.lon, base.lat, c.lon, c.lat)
        az = azimuth_dms(fwd % 360.0)
        be, bn = data.grid_of(base.lat, base.lon)
        grid_d = ((e - be) ** 2 + (n - bn) ** 2) ** 0.5
        mid_h = ((c.h or 0) + (base.h or 0)) / 2
        f = grid_factors(data.grid, (c.lon + base.lon) / 2, (c.lat + base.lat) / 2, mid_h)
        ground = grid_d / f.combined
        dh = None if c.h is None or base.h is None else c.h - base.h
    return [az, dist, ground, dh, c.sigma_h, c.sigma_v]


def _solved_base(name: str, b: StoredBaseline) -> ControlPoint:
    """A base station outside the job's control data (a CORS), where the baseline put it."""
    p = b.solution.base
    return ControlPoint(name, ControlKind.JKHN, p.lat, p.lon, p.h, "SRGI2013", p.lat, p.lon)


def _tie_sheet(
    wb: Workbook, data: ReportData, kind: ControlKind, base_kind: ControlKind, title: str
) -> None:
    by_name = {c.name: c for c in data.control}
    what, base_word = ("BM", "JKHN") if kind is ControlKind.BM else ("Titik Bantu", "BM")
    solved = accepted_by_rover(data.baselines)
    z = data.zone_label
    head = [
        f"{what}", "Lintang", "Bujur", f"E (m) {z}", f"N (m) {z}", H_ELLIPSOID, H_ORTHOMETRIC,
        f"Titik {base_word}", f"Lintang {base_word}", f"Bujur {base_word}",
        f"h {base_word} (m)", "Metode / sumber", f"Azimut geodetik dari {base_word}",
        "Baseline elipsoid (m)", "Jarak permukaan (m)", "Beda tinggi (m)", "σH (m)", "σV (m)",
    ]  # fmt: skip
    mine = [c for c in data.control if c.kind is kind]
    # The baseline columns only when a point of this table has an accepted baseline: a job
    # without a control survey of its own keeps the table it always had.
    with_baselines = any(c.name in solved for c in mine)
    if with_baselines:
        head += BASELINE_HEAD
    rows: list[list[Cell]] = []
    for c in mine:
        tie = solved.get(c.name)
        base = by_name.get(tie.base_point if tie else (c.tied_to or ""))
        if tie is not None and base is None:
            base = _solved_base(tie.base_point, tie)
        if tie is None and base is not None and base.kind is not base_kind:
            base = None
        lat, lon = _dms(c.lat, c.lon)
        if base is not None:
            b_lat, b_lon = _dms(base.lat, base.lon)
            base_cells: list[Cell] = [base.name, b_lat, b_lon, base.h]
        else:
            # Named in the tie but not in the job's control data: say so, do not invent.
            named = c.tied_to or "-"
            base_cells = [named, "tidak ada dalam data pekerjaan", "-", None]
        e, n = data.grid_of(c.lat, c.lon)
        source = c.source or "-"
        if tie is not None:
            source = f"GNSS statik, baseline #{tie.id} ({tie.solution.engine})"
        hs = orthometric(data.heights_at(c.lat, c.lon, c.h))
        row = [c.name, lat, lon, e, n, c.h, hs, *base_cells, source, *_tie(data, c, base)]
        if with_baselines:
            row += baseline_cells(tie) if tie is not None else [None] * len(BASELINE_HEAD)
        rows.append(row)
    ws = _sheet(wb, title, head, rows, caption=title.replace("Tabel", "TABEL"))
    _formats(ws, 3, {4: "0.000", 5: "0.000", 6: "0.000", 7: "0.000", 11: "0.000", 14: "0.000",
                     15: "0.000", 16: "0.000", 17: "0.000", 18: "0.000"})  # fmt: skip
    if with_baselines:
        _formats(ws, 3, {19 + i: "0.000" for i in METRE_COLUMNS})
        _note(ws, 3 + len(rows), "Titik dengan nomor baseline: koordinat dari baseline GNSS "
              "statik yang diolah dan diterima dalam pekerjaan ini (Kepdirjen 697.K/29/DDJP/1996);"
              " vektor dari titik ikat ke titik, σ satu simpangan baku.")  # fmt: skip
    elif not rows:
        _note(ws, 3, NO_TIES.format(what=f"{what} ke {base_word}"))
    elif all(r[7] is not None and r[8] == "tidak ada dalam data pekerjaan" for r in rows):
        _note(
            ws,
            3 + len(rows),
            f"Koordinat titik {base_word} tidak ada dalam data pekerjaan: baseline dan azimut "
            "tidak dihitung; σ sebagaimana tercatat pada titik.",
        )


MARKER_HEAD = [
    "Nama", "Jenis", "Garis batas", "Lintang", "Bujur", "E (m)", "N (m)", H_ELLIPSOID,
    H_ORTHOMETRIC, "Δ desain (m)", "Toleransi (m)", "σH tercapai (m)", "σV tercapai (m)", "Epoch",
    "Metode", "Alat (nomor seri)", "Tanggal pasang", "Status", "Ke titik sebenarnya",
]  # fmt: skip


def _marker_rows(data: ReportData) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for m in data.markers:
        sigma = achieved_sigma(m)
        lat, lon = _dms(m.lat, m.lon)
        rows.append(
            [
                m.name, KIND_ID[m.marker.kind], "–".join(m.marker.edge or ()) or "-", lat, lon,
                m.e, m.n, m.h, orthometric(m.heights), m.stake.delta.horizontal_m,
                m.stake.delta.tolerance_m,
                sigma.h_m, sigma.v_m, sigma.epochs, method_text(m),
                instrument_text(m), m.installed_at.replace(tzinfo=None),
                STATUS_ID[m.installation.status.value], "-",
            ]
        )  # fmt: skip
        for ref in reference_facts(data, m):
            r_lat, r_lon = _dms(ref.record.position.lat, ref.record.position.lon)
            when = dt.datetime.fromisoformat(ref.record.recorded_at).replace(microsecond=0)
            rows.append(
                [
                    ref.name, KIND_ID[MarkerKind.REFERENCE], "-", r_lat, r_lon,
                    ref.e, ref.n, ref.record.position.h,
                    orthometric(data.heights_at(ref.record.position.lat,
                                                ref.record.position.lon, ref.record.position.h)),
                    None, None, None, None, None,
                    "Tanda Batas Referensi" + (f" ({ref.record.note})" if ref.record.note else ""),
                    "-", data.zone.local(when).replace(tzinfo=None),
                    STATUS_ID[m.installation.status.value],
                    f"ke Tanda Batas {m.name}: {ref.text()}",
                ]
            )  # fmt: skip
    return rows


def write_tables(data: ReportData, target: Path, made: dt.datetime | None = None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    made = made or dt.datetime.now().replace(microsecond=0)
    _title_sheet(wb, data, made)
    _tie_sheet(wb, data, ControlKind.BM, ControlKind.JKHN, "Tabel I BM-JKHN")
    _tie_sheet(wb, data, ControlKind.TITIK_BANTU, ControlKind.BM, "Tabel II Titik Bantu-BM")
    z = data.zone_label
    head = [h if h not in ("E (m)", "N (m)") else f"{h} {z}" for h in MARKER_HEAD]
    ws = _sheet(wb, "Tanda Batas", head, _marker_rows(data))
    _formats(ws, 2, {6: "0.000", 7: "0.000", 8: "0.000", 9: "0.000", 10: "0.000", 11: "0.00",
                     12: "0.000", 13: "0.000", 17: DATETIME_FMT})  # fmt: skip
    boundary: list[list[Cell]] = []
    for b in data.boundary:
        lat, lon = _dms(b.lat, b.lon)
        boundary.append([b.number, lat, lon, *data.grid_of(b.lat, b.lon), b.lat_text, b.lon_text])
    ws = _sheet(
        wb,
        "Titik Batas",
        ["No", "Lintang", "Bujur", f"E (m) {z}", f"N (m) {z}", "Lintang (teks SK)",
         "Bujur (teks SK)"],
        boundary,
    )  # fmt: skip
    _formats(ws, 2, {4: "0.000", 5: "0.000"})
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
