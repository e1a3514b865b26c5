"""The berita acara's words: legal basis as each regulation reads, the method as measured, place."""

from __future__ import annotations

from collections import Counter

from fieldapp.reports.data import ReportData
from fieldapp.reports.textfmt import num

# Each regulation cited with its own title and for what it actually prescribes.
LEGAL_BASIS = (
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1825 K/30/MEM/2018 tentang Pedoman "
    "Pemasangan Tanda Batas Wilayah Izin Usaha Pertambangan dan Wilayah Izin Usaha "
    "Pertambangan Khusus Operasi Produksi, yang mengatur Pengukuran Titik Batas (pengikatan BM "
    "ke JKHN, pengikatan Titik Bantu ke BM, pengolahan data, dan stake out) serta pemasangan "
    "tanda batas;",
    "Keputusan Direktur Jenderal Pertambangan Umum Nomor 697.K/29/DDJP/1996 tentang Penataan "
    "Batas Wilayah Pertambangan antara KP/KK/PKP2B Bidang Pertambangan Umum, yang lampirannya "
    "menetapkan pengukuran GPS metode statik relatif;",
    "Keputusan Menteri Energi dan Sumber Daya Mineral Nomor 1806 K/30/MEM/2018 tentang Pedoman "
    "Pelaksanaan Penyusunan, Evaluasi, Persetujuan Rencana Kerja dan Anggaran Biaya, serta "
    "Laporan pada Kegiatan Usaha Pertambangan Mineral dan Batubara, yang mengatur pelaporan "
    "hasil pemasangan tanda batas.",
)
STATIC_1996 = (
    "Lampiran Kepdirjen 697.K/29/DDJP/1996 menetapkan pengamatan GPS statik relatif (fase "
    "pembawa, beda dua kali): sekurang-kurangnya 1 jam untuk baseline kurang dari 20 km, "
    "interval perekaman 15 detik, sudut elevasi minimum 15°, tinggi antena diukur sebelum dan "
    "sesudah pengamatan, ambiguitas fase terselesaikan (fixed), dengan simpangan baku kurang "
    "dari 15 cm horizontal dan 25 cm tinggi."
)
_METHOD_WORDS = {
    "rtk": "GNSS metode RTK",
    "dgnss": "GNSS metode DGNSS",
    "gnss": "GNSS tanpa koreksi diferensial",
    "ts": "Total Station dari Titik Bantu",
    "static": "GNSS statik",
}


def place_text(data: ReportData) -> str:
    """Desa, kecamatan, kabupaten and province of the first described marker."""
    for m in data.markers:
        d = m.installation.description
        if d is not None and d.desa:
            parts = [
                f"Desa {d.desa}",
                f"Kecamatan {d.kecamatan}" if d.kecamatan else None,
                f"Kabupaten {d.kabupaten}" if d.kabupaten else None,
                f"Provinsi {d.provinsi}" if d.provinsi else None,
            ]
            return ", ".join(p for p in parts if p)
    p = data.permit
    parts = [
        f"Kabupaten {p.regency}" if p.regency else None,
        f"Provinsi {p.province}" if p.province else None,
    ]
    return ", ".join(x for x in parts if x) or "lokasi WIUP"


def _worst(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def method_paragraphs(data: ReportData) -> list[str]:
    """What was done, counted per method, the sigma achieved, and how that compares."""
    kinds = Counter(m.method.kind for m in data.markers)
    used = ", ".join(f"{_METHOD_WORDS[k]} ({n} tanda batas)" for k, n in kinds.items())
    tol = max((m.stake.delta.tolerance_m for m in data.markers), default=0.1)
    first = (
        f"Posisi tanda batas diukur dengan {used}; metode, base atau stasiun, jumlah epoch, "
        "ketelitian yang tercapai, tinggi antena dan alat untuk setiap tanda batas tercantum "
        "pada tabel di bawah. Koordinat dinyatakan dalam datum SRGI2013 (geografis) dan "
        f"proyeksi {data.grid_label}; tinggi dinyatakan sebagai tinggi elipsoid (h) dan tinggi "
        f"ortometrik (H = h − N) dengan geoid {data.geoid_name}. Titik kontrol (BM) terikat "
        "ke Jaring Kontrol Horizontal Nasional (JKHN). Toleransi penempatan terhadap koordinat "
        f"desain ± {num(tol, 2)} m."
    )
    gnss = [m for m in data.markers if m.method.kind != "ts"]
    out = [first]
    if gnss:
        sh = _worst([m.method.sigma_h_m for m in gnss])
        sv = _worst([m.method.sigma_v_m for m in gnss])
        occ = next((m.occupation for m in gnss if m.occupation and m.occupation.result), None)
        gates = ""
        if occ is not None and occ.result is not None:
            p = occ.result.profile
            gates = (
                f" Setiap pengamatan GNSS dirata-ratakan dari sekurang-kurangnya {p.min_epochs} "
                f"epoch selama {p.min_seconds:.0f} detik; sebuah epoch dipakai bila σ horizontal "
                f"≤ {num(p.max_sigma_h_m, 2)} m, σ tinggi ≤ {num(p.max_sigma_v_m, 2)} m dan "
                f"PDOP ≤ {num(p.max_pdop, 0)}."
            )
        achieved = (
            "σ tidak tercatat"
            if sh is None
            else f"σ horizontal terbesar {num(sh)} m dan σ tinggi terbesar {num(sv)} m"
        )
        verdict = ""
        if sh is not None and sv is not None:
            ok = sh < 0.15 and sv < 0.25
            verdict = (
                " — memenuhi" if ok else " — TIDAK memenuhi"
            ) + " batas ketelitian lampiran tersebut (15 cm / 25 cm)"
        static = kinds.get("static", 0)
        out.append(
            f"{STATIC_1996} "
            + (
                ""
                if static == len(gnss)
                else f"Pengukuran GNSS pada berita acara ini bukan sesi statik tersebut "
                f"melainkan {'RTK' if kinds.get('rtk') else 'GNSS'} dengan perataan epoch; "
            )
            + f"ketelitian yang tercapai: {achieved}{verdict}.{gates}"
        )
    return out
