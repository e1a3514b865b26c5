"""The laporan pemeliharaan's words: conditions, actions, the check shot, basis, one row per marker.

The PDF table and the XLSX sheet take their columns from :func:`marker_cells`, so the two
say the same thing about every marker.
"""

from __future__ import annotations

from fieldapp.reports.maintenance_data import MaintenanceData, MarkerMaintenance
from fieldapp.reports.method import QUALITY_ID
from fieldapp.reports.textfmt import date_short, num
from fieldapp.store.inspections import CheckShot, Inspection

CONDITION_ID = {
    "baik": "Baik",
    "rusak": "Rusak",
    "tercabut": "Tercabut",
    "hilang": "Hilang",
    "bergeser": "Bergeser",
}
# What the marker needs, by what was found: the decree asks a damaged, pulled-out or lost
# marker to be reinstalled (and a moved one set back at its own coordinates).
ACTION_NEEDED = {
    "rusak": "Pemasangan ulang (perbaikan atau penggantian tanda batas yang rusak), "
    "diukur ulang dan dibuatkan berita acara pemasangan ulang",
    "tercabut": "Pemasangan ulang pada koordinat semula: stake out, pemasangan, pengukuran "
    "dan berita acara pemasangan ulang",
    "hilang": "Pemasangan ulang: stake out koordinat semula, pemasangan tanda batas baru, "
    "pengukuran dan berita acara pemasangan ulang",
    "bergeser": "Pemasangan ulang pada koordinat semula: stake out ulang, pemasangan, "
    "pengukuran dan berita acara pemasangan ulang",
}
CHECK_FAILED = (
    "Ukuran kontrol di luar toleransi: periksa posisi tanda batas; pemasangan ulang bila "
    "terbukti bergeser"
)
SOURCE_ID = {"gnss": "GNSS", "ts": "Total Station"}
NOT_VISITED = "TIDAK DIKUNJUNGI"
NOT_VISITED_FILL = "tidak dikunjungi dalam periode ini"
HEAD = (
    "No",
    "Tanda Batas",
    "Jenis",
    "Tanggal periksa",
    "Juru ukur",
    "Kondisi",
    "Vegetasi ≤ 1 m dibersihkan",
    "Kondisi akses",
    "Tindakan yang dilakukan",
    "Ukuran kontrol (Δ, hasil, cara)",
    "Tindakan yang diperlukan",
)

BASIS = (
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1825 K/30/MEM/2018 tentang Pedoman "
    "Pemasangan Tanda Batas Wilayah Izin Usaha Pertambangan dan Wilayah Izin Usaha "
    "Pertambangan Khusus Operasi Produksi, bagian Pasca Penetapan: pemegang izin memelihara "
    "setiap tanda batas beserta aksesnya, membersihkan vegetasi dalam radius 1 m dari tanda "
    "batas, memasang ulang tanda batas yang rusak, tercabut atau hilang, dan melaporkan "
    "pemeliharaan tanda batas kepada Direktur Jenderal setiap 6 (enam) bulan;",
    "Lampiran IX keputusan tersebut memuat format laporan pemeliharaan tanda batas. Format "
    "tersebut tidak ditemukan pada sumber yang dapat dijangkau saat laporan ini disusun; "
    "karena itu tata letak laporan ini mengikuti ketentuan berita acara pengukuran titik batas "
    "dan pemasangan tanda batas (nomor dokumen, penomoran halaman, paraf pada setiap halaman, "
    "blok tanda tangan, dan status DRAF sampai laporan lengkap).",
)


def yes_no(value: bool) -> str:
    return "Ya" if value else "Tidak"


def check_words(c: CheckShot) -> str:
    """Delta to the installed position, the verdict against the tolerance, and how measured."""
    dh = f", Δh {num(c.dh_m, signed=True)}" if c.dh_m is not None else ""
    verdict = "LULUS" if c.passed else "TIDAK LULUS"
    return (
        f"{num(c.horizontal_m)} m (ΔN {num(c.dn_m, signed=True)}, ΔE {num(c.de_m, signed=True)}"
        f"{dh}); toleransi {num(c.tolerance_m, 2)} m: {verdict}; {how_measured(c)}"
    )


def how_measured(c: CheckShot) -> str:
    """The instrument and fix in words, then the record's own detail (file, epochs) as kept."""
    if c.source == "gnss":
        how = f"GNSS {QUALITY_ID.get(c.fix_quality or 0, 'tanpa kualitas tercatat')}"
        if c.sigma_h_m is not None:
            how += f", σH {num(c.sigma_h_m)} m"
    else:
        how = SOURCE_ID.get(c.source, c.source)
    return how + (f"; rincian: {c.detail}" if c.detail else "")


def action_needed(m: MarkerMaintenance, short: bool = False) -> str:
    """What the marker needs now; ``short``: the few words of the one-row-per-marker table
    (the full sentence is in the list of markers needing action)."""
    i = m.inspection
    if i is None:
        return "Kunjungi dan periksa" if short else (
            "Pemeriksaan tanda batas (belum dikunjungi dalam periode ini)"
        )  # fmt: skip
    if i.condition in ACTION_NEEDED:
        need = "Pemasangan ulang" if short else ACTION_NEEDED[i.condition]
    elif m.check_failed:
        need = "Periksa posisi (ukuran kontrol tidak lulus)" if short else CHECK_FAILED
    else:
        return "-"
    if m.reinstallation is not None:
        opened, closed = m.reinstallation
        if closed is not None:
            return f"Pemasangan ulang selesai {date_short(closed)} (dibuka {date_short(opened)})"
        state = f"dibuka {date_short(opened)}, belum selesai"
        return f"Pemasangan ulang ({state})" if short else f"{need}. Pemasangan ulang {state}"
    return need


def last_seen(m: MarkerMaintenance) -> str:
    """For a marker not visited: when it was last inspected, or that it never was."""
    again = m.reinstalled_on
    if m.before is not None and (again is None or m.before.inspected_on >= again):
        b = m.before
        return f"pemeriksaan terakhir {date_short(b.inspected_on)} ({CONDITION_ID[b.condition]})"
    if again is not None:
        return f"belum pernah diperiksa sejak dipasang ulang {date_short(again)}"
    return f"belum pernah diperiksa sejak dipasang {date_short(m.installed_on)}"


def installed_text(m: MarkerMaintenance) -> str:
    """The installation date, and the reinstallation's where the monument was replaced."""
    first = date_short(m.installed_on)
    return first if m.reinstalled_on is None else f"{first}, ulang {date_short(m.reinstalled_on)}"


def inspection_cells(i: Inspection) -> tuple[str, ...]:
    """Date, surveyor, condition, vegetation, access, what was done, check: as printed."""
    done = "; ".join(x for x in (i.action_taken, i.note) if x) or "-"
    return (
        date_short(i.inspected_on),
        i.surveyor or "-",
        CONDITION_ID[i.condition],
        yes_no(i.vegetation_cleared),
        i.access_condition or "-",
        done,
        check_words(i.check) if i.check is not None else "Tidak diukur",
    )


def marker_cells(k: int, m: MarkerMaintenance) -> tuple[str, ...]:
    """One marker's row under :data:`HEAD` (a marker not visited says so in its cells)."""
    visit: tuple[str, ...]
    if m.inspection is None:
        visit = (NOT_VISITED, "-", "-", "-", "-", last_seen(m), "-")
    else:
        visit = inspection_cells(m.inspection)
    return (str(k), m.name, m.kind, *visit, action_needed(m, short=True))


def summary_rows(data: MaintenanceData) -> list[tuple[str, str]]:
    """Counts: markers, visited, not visited, by condition, check shots, needing action."""
    total = len(data.markers)
    visited = data.visited
    rows = [
        ("Jumlah tanda batas", f"{total} buah"),
        ("Diperiksa dalam periode", f"{len(visited)} buah"),
        ("Tidak dikunjungi", f"{len(data.not_visited)} buah"),
    ]
    for key, word in CONDITION_ID.items():
        n = sum(1 for m in visited if m.inspection and m.inspection.condition == key)
        rows.append((f"Kondisi {word.lower()}", f"{n} buah"))
    cleared = sum(1 for m in visited if m.inspection and m.inspection.vegetation_cleared)
    rows.append(("Vegetasi ≤ 1 m dibersihkan", f"{cleared} dari {len(visited)} yang diperiksa"))
    checks = [m.inspection.check for m in visited if m.inspection and m.inspection.check]
    passed = sum(1 for c in checks if c.passed)
    failed = len(checks) - passed
    rows.append(("Ukuran kontrol", f"{len(checks)} diukur: {passed} lulus, {failed} tidak lulus"))
    rows.append(("Memerlukan tindakan (bagian VI)", f"{len(data.needing_action)} buah"))
    return rows
