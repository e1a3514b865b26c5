"""The berita acara's tables: markers (staked, with reference markers), method per marker, saksi."""

from __future__ import annotations

from typing import Any

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.data import KIND_ID, MarkerReport, ReportData
from fieldapp.reports.pdfbase import FONT, HEAD
from fieldapp.reports.textfmt import WITNESS_ID, azimuth_dms, date_short, lat_dms, lon_dms, num
from fieldapp.survey.installation import ReferenceMarkerRecord
from fieldapp.survey.naming import reference_name

DMS_DECIMALS = 4  # 0,0001″ ≈ 3 mm: the DMS agrees with the E/N printed beside it
ROW_H = 3.6
MIN_ROWS = 3  # a table starts on a page only with its header and this many rows


def _marker_table(pdf: BeritaAcaraPDF, widths: tuple[int, ...], align: tuple[str, ...]) -> Any:
    """A table of one row per marker: 7 pt, its header repeated on every page, and never
    started where fewer than a few rows fit under the header."""
    pdf.set_font(FONT, size=7)
    pdf.keep(ROW_H * 3 * (MIN_ROWS + 1) + 4)
    return pdf.table(
        col_widths=widths,
        text_align=align,
        headings_style=HEAD,
        line_height=ROW_H,
        width=pdf.content_width,
        repeat_headings=1,
        padding=0.8,
    )


def reference_text(marker: str, r: ReferenceMarkerRecord) -> str:
    """Azimuth and distance to the true point, saying which azimuth and which distance."""
    g = r.geometry
    ground = (
        f"; {num(g.ground_distance_m)} m di permukaan tanah"
        if g.ground_distance_m is not None
        else ""
    )
    return (
        f"ke TB {marker}: azimut geodetik {azimuth_dms(g.azimuth_deg)}, "
        f"jarak {num(g.distance_m)} m pada elipsoid{ground}"
    )


def _delta_text(m: MarkerReport) -> str:
    d = m.stake.delta
    return f"{num(d.horizontal_m)}\nΔE {num(d.de_m, signed=True)}\nΔN {num(d.dn_m, signed=True)}"


def markers_table(pdf: BeritaAcaraPDF, data: ReportData) -> None:
    """Staked positions: DMS to 0,0001″, the grid E/N of the same point, the delta to design."""
    zone = data.zone_label
    widths = (8, 11, 14, 27, 28, 19, 21, 12, 18, 16)
    with _marker_table(pdf, widths, ("C", "C", "L", "C", "C", "R", "R", "R", "R", "C")) as table:
        head = table.row()
        for text in (
            "No",
            "Nama",
            "Jenis",
            "Lintang (SRGI2013)",
            "Bujur (SRGI2013)",
            f"E (m)\n{zone}",
            f"N (m)\n{zone}",
            "h (m)",
            "Δ desain (m)",
            "Tgl. pasang",
        ):
            head.cell(text, align="C")
        for i, m in enumerate(data.markers, start=1):
            row = table.row()
            for text in (
                str(i),
                m.name,
                KIND_ID[m.marker.kind],
                lat_dms(m.lat, DMS_DECIMALS),
                lon_dms(m.lon, DMS_DECIMALS),
                num(m.e),
                num(m.n),
                num(m.h),
                _delta_text(m),
                date_short(m.installed_at.date()),
            ):
                row.cell(text)
            # Numbered in the order recorded, withdrawn ones included (the SK naming rule):
            # the name printed here is the one the XLSX, the DXF and the deskripsi give.
            for k, r in enumerate(m.installation.references, start=1):
                if r.withdrawn is not None:
                    continue
                e, n = data.grid_of(r.position.lat, r.position.lon)
                row = table.row()
                for text in (
                    "",
                    reference_name(m.name, k),
                    KIND_ID_REFERENCE,
                    lat_dms(r.position.lat, DMS_DECIMALS),
                    lon_dms(r.position.lon, DMS_DECIMALS),
                    num(e),
                    num(n),
                    num(r.position.h),
                ):
                    row.cell(text)
                row.cell(reference_text(m.name, r), colspan=2, align="L")
    pdf.set_font(FONT, size=9.5)


KIND_ID_REFERENCE = "Referensi"


def method_table(pdf: BeritaAcaraPDF, data: ReportData) -> None:
    """How each marker was measured, as recorded: method with base/station, epochs, σ, antenna."""
    widths = (8, 11, 45, 13, 30, 27, 40)
    with _marker_table(pdf, widths, ("C", "C", "L", "C", "C", "C", "L")) as table:
        head = table.row()
        for text in (
            "No",
            "Nama",
            "Metode (base / stasiun)",
            "Epoch\n(detik)",
            "σ tercapai (m)",
            "Tinggi antena (m)\nsebelum / sesudah",
            "Alat (nomor seri)",
        ):
            head.cell(text, align="C")
        for i, m in enumerate(data.markers, start=1):
            mm = m.method
            epochs = "-" if mm.epochs is None else f"{mm.epochs}"
            if mm.span_s is not None:
                epochs += f"\n({mm.span_s:.0f} s)"
            sigma = mm.sigma_text.replace(" (", "\n(").replace(" / σV", "\nσV")
            row = table.row()
            for text in (
                str(i), m.name, mm.summary, epochs, sigma, mm.antenna_text, mm.instrument,
            ):  # fmt: skip
                row.cell(text)
    pdf.set_font(FONT, size=9.5)


def marker_runs(data: ReportData, names: list[str]) -> str:
    """Names in table order, consecutive runs of three or more as ``B000–B040``."""
    if len(names) == len(data.markers):
        return f"semua ({len(names)} tanda batas)"
    order = {m.name: i for i, m in enumerate(data.markers)}
    idx = sorted(order[n] for n in names)
    parts: list[str] = []
    start = prev = idx[0]
    for i in [*idx[1:], None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        a, b = data.markers[start].name, data.markers[prev].name
        parts.append(a if start == prev else (f"{a}, {b}" if prev == start + 1 else f"{a}–{b}"))
        if i is not None:
            start = prev = i
    return ", ".join(parts)


def witness_rows(data: ReportData) -> list[tuple[str, str, str, str]]:
    rows: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for m in data.markers:
        for w in m.installation.witnesses:
            if w.withdrawn is None:
                _, names = rows.setdefault((w.name, w.institution), (WITNESS_ID[w.category], []))
                names.append(m.name)
    return [(n, i, c, marker_runs(data, ms)) for (n, i), (c, ms) in rows.items()]


def rows_height(
    pdf: BeritaAcaraPDF, widths: tuple[float, ...], rows: list[tuple[str, ...]]
) -> float:
    """Height of these rows as :func:`simple_table` prints them (to keep a heading with them)."""
    scale = pdf.content_width / sum(widths)
    pdf.set_font(FONT, size=8.5)
    total = 0.0
    for values in rows:
        total += (
            max(pdf.text_height(w * scale - 2, 4.4, v) for w, v in zip(widths, values, strict=True))
            + 2
        )
    pdf.set_font(FONT, size=9.5)
    return total


def simple_table(
    pdf: BeritaAcaraPDF,
    head: tuple[str, ...],
    widths: tuple[float, ...],
    rows: list[tuple[str, ...]],
) -> None:
    pdf.set_font(FONT, size=8.5)
    with pdf.table(
        col_widths=widths,
        headings_style=HEAD,
        line_height=4.4,
        padding=1,
        width=pdf.content_width,
        text_align="LEFT",
        repeat_headings=1,
    ) as table:
        for values in (head, *rows):
            row = table.row()
            for v in values:
                row.cell(v)
    pdf.set_font(FONT, size=9.5)
