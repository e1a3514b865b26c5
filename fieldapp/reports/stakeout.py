"""Stake-out and occupation report: design vs staked, deltas, gates, epochs, sigma, antenna."""

from __future__ import annotations

from fieldapp.gnss.fix import SigmaSource
from fieldapp.reports.data import MarkerReport, ReportData, ReportInputError
from fieldapp.reports.flowtable import TableStyle, flow_table
from fieldapp.reports.method import QUALITY_ID
from fieldapp.reports.pdfbase import FONT, DocumentPDF, Paper
from fieldapp.reports.textfmt import date_id, num

TITLE = "Laporan Stake Out dan Pengamatan Tanda Batas"
REASON_ID = {
    "no_time": "tanpa waktu",
    "no_position": "tanpa posisi",
    "not_fixed": "bukan fixed",
    "no_height": "tanpa tinggi",
    "no_sigma": "tanpa sigma",
    "sigma_estimated": "sigma estimasi",
    "sigma_h": "σH > batas",
    "sigma_v": "σV > batas",
    "no_pdop": "tanpa PDOP",
    "pdop": "PDOP > 10",
    "duplicate_time": "waktu ganda",
    "outlier": "pencilan",
}


def sigma_label(source: SigmaSource | None) -> str:
    """Honesty: a sigma from GST was measured by the receiver; from DOP it is only estimated."""
    if source is SigmaSource.GST:
        return "terukur (GST)"
    if source is SigmaSource.ESTIMATED:
        return "estimasi (DOP)"
    return "tidak ada"


def _rows(data: ReportData, m: MarkerReport) -> list[str]:
    design_e, design_n = data.grid_of(m.marker.lat, m.marker.lon)
    d = m.stake.delta
    occ = m.occupation
    r = occ.result if occ else None
    if r is None:
        occ_cells = ["-", "-", "-", "-", "-", "-"]
    else:
        rejected = ", ".join(
            f"{REASON_ID.get(k.value, k.value)} {n}" for k, n in r.rejected_by_reason.items() if n
        )
        sig = (
            f"H {num(r.mean_sigma_h_m)} V {num(r.mean_sigma_v_m)}\n"
            f"{sigma_label(r.sigma_source)}\nsebaran H {num(r.std_h_m)}"
        )
        first = r.first_utc.strftime("%H:%M:%S") if r.first_utc else "-"
        last = r.last_utc.strftime("%H:%M:%S") if r.last_utc else "-"
        ant = "-" if r.antenna is None else _antenna_cell(m)
        occ_cells = [
            f"{r.epochs_used}",
            f"{r.epochs_rejected}" + (f"\n{rejected}" if rejected else ""),
            sig,
            m.fix_type or "-",
            ant,
            f"{first}–\n{last} UTC\n{r.span_s:.0f} s",
        ]
    return [
        m.name,
        f"{num(design_e)}\n{num(design_n)}",
        f"{num(m.e)}\n{num(m.n)}",
        f"{num(d.dn_m, signed=True)}\n{num(d.de_m, signed=True)}\n{num(d.dh_m, signed=True)}",
        f"{num(d.horizontal_m)}\n≤ {num(d.tolerance_m, 2)}\n{'memenuhi' if d.passed else 'TIDAK'}",
        m.method.summary + (f"\n{m.stake.ts_shot}" if m.stake.ts_shot else ""),
        *occ_cells,
    ]


PROFILE_ID = {"default": "standar", "rapid": "cek ulang cepat", "strict": "ketat"}
HEIGHT_METHOD_ID = {"vertical": "tegak", "slant": "miring"}


def _antenna_cell(m: MarkerReport) -> str:
    """Before (as measured, and its method), after, and the total to the phase centre."""
    occ = m.occupation
    a = occ.result.antenna if occ and occ.result else None
    if occ is None or a is None:
        return "-"
    after = "-" if occ.antenna_after_m is None else num(occ.antenna_after_m)
    flag = "\nBEDA > 5 mm" if occ.antenna_changed else ""
    return (
        f"sebelum {num(a.measured_m)} ({HEIGHT_METHOD_ID[a.method.value]})\n"
        f"sesudah {after}{flag}\ntotal {num(a.total_m)}"
    )


def _gates_note(data: ReportData) -> str:
    """The gates this job applied, said to be the app's gates, with what 697/1996 prescribes."""
    occ = next((m.occupation for m in data.markers if m.occupation and m.occupation.result), None)
    if occ is None or occ.result is None:
        return ""
    p = occ.result.profile
    fixes = ", ".join(QUALITY_ID.get(int(q), str(q)) for q in sorted(p.allowed_qualities))
    return (
        f"Ambang mutu pengamatan yang diterapkan aplikasi (profil "
        f"{PROFILE_ID.get(p.name, p.name)}): {fixes}, "
        f"σH ≤ {num(p.max_sigma_h_m, 2)} m, σV ≤ {num(p.max_sigma_v_m, 2)} m, "
        f"PDOP ≤ {num(p.max_pdop, 0)}, minimal {p.min_epochs} epoch. Ambang ini bukan ketentuan "
        "Kepdirjen 697.K/29/DDJP/1996, yang menetapkan pengamatan GPS statik relatif (≥ 1 jam, "
        "interval 15 detik, elevasi minimum 15°) dengan simpangan baku < 0,15 m horizontal dan "
        "< 0,25 m tinggi; nilai yang tercapai tercantum per tanda batas pada tabel."
    )


def render_stakeout(data: ReportData, paper: Paper = "a4") -> DocumentPDF:
    if not data.markers:
        raise ReportInputError(f"{data.job_path}: no staked marker to report", path=data.job_path)
    pdf = DocumentPDF(TITLE, f"SO-{data.sha256[:12]}", data.sha256, paper, landscape=True)
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 7, TITLE.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    p = data.permit
    pdf.set_font(FONT, size=9)
    pdf.cell(
        0,
        5,
        f"WIUP {p.wiup_code or '-'} · {p.holder or p.name} · proyeksi {data.grid_label}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    days = sorted({m.installed_at.date() for m in data.markers})
    pdf.cell(
        0,
        5,
        f"Periode pengukuran: {date_id(days[0])} – {date_id(days[-1])} "
        f"({data.zone.name}); {len(data.markers)} tanda batas",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    z = data.zone_label
    head = (
        "Nama",
        f"Desain E/N (m)\n{z}",
        f"Dipatok E/N (m)\n{z}",
        "ΔN / ΔE / ΔH\n(m)",
        "Δ horiz. (m)\ntoleransi",
        "Metode\n(base / stasiun)",
        "Epoch\ndipakai",
        "Epoch ditolak\n(alasan)",
        "σ tercapai (m)",
        "Tipe fix",
        "Tinggi antena (m)",
        "Rentang waktu",
    )
    widths = (12, 25, 25, 18, 19, 27, 13, 27, 27, 18, 26, 25)
    style = TableStyle(widths, 3.4, 0.8, 7, "C", TITLE)
    flow_table(pdf, style, [head], [_rows(data, m) for m in data.markers])
    pdf.ln(2)
    pdf.set_font(FONT, size=7.5)
    pdf.multi_cell(
        0,
        3.8,
        "Δ = dipatok − desain. σ rata-rata: rata-rata sigma per epoch dari receiver; "
        '"terukur (GST)" bila setiap epoch yang dipakai membawa GST, "estimasi (DOP)" bila '
        "sebagian atau seluruhnya diperkirakan dari DOP — bukan ukuran ketelitian terukur. "
        "Sebaran H: simpangan baku horizontal posisi epoch yang dipakai. Tinggi antena diukur "
        "sebelum dan sesudah pengamatan; selisih lebih dari 5 mm ditandai BEDA. "
        + _gates_note(data),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return pdf
