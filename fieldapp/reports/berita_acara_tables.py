"""The berita acara's tables: markers (staked, with reference markers), method per marker, saksi."""

from __future__ import annotations

from fieldapp.reports.berita_acara_layout import BeritaAcaraPDF
from fieldapp.reports.data import KIND_ID, MarkerReport, ReportData
from fieldapp.reports.flowtable import Cell, FlowTable, TableStyle, flow_table
from fieldapp.reports.heights_text import orthometric
from fieldapp.reports.layout import measure_of
from fieldapp.reports.pdfbase import FONT
from fieldapp.reports.textfmt import (
    EQUIPMENT_ID,
    WITNESS_ID,
    azimuth_dms,
    date_short,
    lat_dms,
    lon_dms,
    num,
)
from fieldapp.survey.installation import ReferenceMarkerRecord
from fieldapp.survey.naming import reference_name

DMS_DECIMALS = 4  # 0,0001″ ≈ 3 mm: the DMS agrees with the E/N printed beside it
ROW_H = 3.6
MIN_ROWS = 3  # a table starts on a page only with its header and this many rows
START_H = ROW_H * 3 * (MIN_ROWS + 1) + 4  # room a marker table needs to start on a page


def _marker_table(
    pdf: BeritaAcaraPDF,
    widths: tuple[int, ...],
    align: tuple[str, ...],
    head: tuple[str, ...],
    title: str | None,
) -> FlowTable:
    """A table of one row per marker: 7 pt, its header repeated on every page, and never
    started where fewer than a few rows fit under the header."""
    pdf.set_font(FONT, size=7)
    pdf.keep(START_H)
    style = TableStyle(widths, ROW_H, 0.8, 7, align, title)
    return FlowTable(pdf, style, [[Cell(t, "C") for t in head]])


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


def heights_text(h: float | None, big_h: float | None) -> str:
    """h over H in one cell (two columns would squeeze the DMS onto two lines)."""
    return "-" if h is None else f"h {num(h)}\nH {num(big_h)}"


def _delta_text(m: MarkerReport) -> str:
    d = m.stake.delta
    return f"{num(d.horizontal_m)}\nΔE {num(d.de_m, signed=True)}\nΔN {num(d.dn_m, signed=True)}"


def markers_table(pdf: BeritaAcaraPDF, data: ReportData, title: str | None = None) -> None:
    """Staked positions: DMS to 0,0001″, the grid E/N of the same point, the delta to design."""
    zone = data.zone_label
    widths = (8, 11, 14, 27, 28, 17, 19, 18, 16, 16)
    head = ("No", "Nama", "Jenis", "Lintang (SRGI2013)", "Bujur (SRGI2013)", f"E (m)\n{zone}",
            f"N (m)\n{zone}", "h elipsoid /\nH orto-\nmetrik (m)", "Δ desain (m)",
            "Tgl. pasang")  # fmt: skip
    align = ("C", "C", "L", "C", "C", "R", "R", "R", "R", "C")
    table = _marker_table(pdf, widths, align, head, title)
    for i, m in enumerate(data.markers, start=1):
        table.row(
            (
                str(i),
                m.name,
                KIND_ID[m.marker.kind],
                lat_dms(m.lat, DMS_DECIMALS),
                lon_dms(m.lon, DMS_DECIMALS),
                num(m.e),
                num(m.n),
                heights_text(m.h, orthometric(m.heights)),
                _delta_text(m),
                date_short(m.installed_at.date()),
            )
        )
        # Numbered in the order recorded, withdrawn ones included (the SK naming rule):
        # the name printed here is the one the XLSX, the DXF and the deskripsi give.
        for k, r in enumerate(m.installation.references, start=1):
            if r.withdrawn is not None:
                continue
            e, n = data.grid_of(r.position.lat, r.position.lon)
            table.row(
                (
                    "",
                    reference_name(m.name, k),
                    KIND_ID_REFERENCE,
                    lat_dms(r.position.lat, DMS_DECIMALS),
                    lon_dms(r.position.lon, DMS_DECIMALS),
                    num(e),
                    num(n),
                    heights_text(
                        r.position.h,
                        orthometric(data.heights_at(r.position.lat, r.position.lon, r.position.h)),
                    ),
                    Cell(reference_text(m.name, r), "L", colspan=2),
                )
            )
    pdf.set_font(FONT, size=9.5)


KIND_ID_REFERENCE = "Referensi"


def method_table(pdf: BeritaAcaraPDF, data: ReportData, title: str | None = None) -> None:
    """How each marker was measured, as recorded: method with base/station, epochs, σ, antenna."""
    widths = (8, 11, 45, 13, 30, 27, 40)
    head = ("No", "Nama", "Metode (base / stasiun)", "Epoch\n(detik)", "σ tercapai (m)",
            "Tinggi antena (m)\nsebelum / sesudah", "Alat (nomor seri)")  # fmt: skip
    table = _marker_table(pdf, widths, ("C", "C", "L", "C", "C", "C", "L"), head, title)
    for i, m in enumerate(data.markers, start=1):
        mm = m.method
        epochs = "-" if mm.epochs is None else f"{mm.epochs}"
        if mm.span_s is not None:
            epochs += f"\n({mm.span_s:.0f} s)"
        sigma = mm.sigma_text.replace(" (", "\n(").replace(" / σV", "\nσV")
        table.row((str(i), m.name, mm.summary, epochs, sigma, mm.antenna_text, mm.instrument))
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


SIMPLE_LINE_H = 4.4


def rows_height(
    pdf: BeritaAcaraPDF, widths: tuple[float, ...], rows: list[tuple[str, ...]]
) -> float:
    """Height of these rows as :func:`simple_table` prints them (to keep a heading with them)."""
    scale = pdf.content_width / sum(widths)
    pdf.set_font(FONT, size=8.5)
    m = measure_of(pdf)
    total = 0.0
    for values in rows:
        # A row taller than a page is split by the table: count what a page can hold.
        lines = max(len(m.lines(v, w * scale - 2)) for w, v in zip(widths, values, strict=True))
        total += min(lines * SIMPLE_LINE_H + 2, pdf.page_break_trigger / 2)
    pdf.set_font(FONT, size=9.5)
    return total


def simple_table(
    pdf: BeritaAcaraPDF,
    head: tuple[str, ...],
    widths: tuple[float, ...],
    rows: list[tuple[str, ...]],
    title: str | None = None,
) -> None:
    style = TableStyle(widths, SIMPLE_LINE_H, 1, 8.5, "L", title)
    flow_table(pdf, style, [head], rows)


def surveyors_table(pdf: BeritaAcaraPDF, data: ReportData, title: str) -> None:
    """The juru ukur with their certificate and KPO card numbers."""
    simple_table(
        pdf,
        ("No", "Nama", "No. Sertifikat Kompetensi", "No. KPO"),
        (9, 51, 55, 55),
        [
            (str(i), s.name, s.certificate_no or "-", s.kpo_no or "-")
            for i, s in enumerate(data.surveyors, start=1)
        ],
        title,
    )


def equipment_table(pdf: BeritaAcaraPDF, data: ReportData, title: str) -> None:
    simple_table(
        pdf,
        ("No", "Jenis", "Merek / Model", "Nomor Seri"),
        (9, 39, 72, 50),
        [
            (str(i), EQUIPMENT_ID[e.kind], e.model, e.serial)
            for i, e in enumerate(data.equipment, start=1)
        ]
        or [("-", "Peralatan belum dicatat", "-", "-")],
        title,
    )


def witness_table(
    pdf: BeritaAcaraPDF, data: ReportData, heading: str, title: str | None = None
) -> None:
    """The saksi under their heading; ``title`` repeats on the pages the table runs onto."""
    head = ("No", "Nama", "Instansi", "Unsur", "Tanda batas")
    widths = (9, 38, 50, 36, 37)
    rows: list[tuple[str, ...]] = [
        (str(i), *r) for i, r in enumerate(witness_rows(data), start=1)
    ] or [("-", "Tidak ada saksi tercatat", "-", "-", "-")]
    # The heading stays with the table's header and its first rows.
    pdf.heading_with(heading, rows_height(pdf, widths, [head, *rows[:3]]))
    simple_table(pdf, head, widths, rows, title or heading)
