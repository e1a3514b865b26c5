"""Indonesian numbers, days and months in words, as a berita acara writes its date."""

from __future__ import annotations

import datetime as dt

_UNITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # date.weekday() order
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# Largest scale first; "se-" replaces "satu" only for seratus and seribu (never sejuta).
_SCALES = ((1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"))


def terbilang(n: int) -> str:
    """``2026`` -> ``dua ribu dua puluh enam``; negative numbers get ``minus``."""
    if n < 0:
        return f"minus {terbilang(-n)}"
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return _join(f"{_UNITS[tens]} puluh", rest)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_UNITS[hundreds]} ratus"
        return _join(head, rest)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "seribu" if thousands == 1 else f"{terbilang(thousands)} ribu"
        return _join(head, rest)
    for size, word in _SCALES:
        if n >= size:
            big, rest = divmod(n, size)
            return _join(f"{terbilang(big)} {word}", rest)
    raise AssertionError("unreachable")  # pragma: no cover


def _join(head: str, rest: int) -> str:
    return head if rest == 0 else f"{head} {terbilang(rest)}"


def hari(day: dt.date) -> str:
    return HARI[day.weekday()]


def bulan(month: int) -> str:
    return BULAN[month - 1]


def tanggal_panjang(day: dt.date) -> str:
    """``11 Mei 2026``: the short form used in tables and signature lines."""
    return f"{day.day} {bulan(day.month)} {day.year}"


def kalimat_tanggal(day: dt.date) -> str:
    """The opening of a berita acara: ``hari Senin tanggal sebelas bulan Mei tahun ...``."""
    return (
        f"hari {hari(day)} tanggal {terbilang(day.day)} bulan {bulan(day.month)} "
        f"tahun {terbilang(day.year)}"
    )


def decimal_words(value: float, decimals: int = 2) -> str:
    """``745.54`` -> ``tujuh ratus empat puluh lima koma lima empat`` (digits after koma)."""
    text = f"{abs(value):.{decimals}f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    words = terbilang(int(whole))
    if frac:
        words += " koma " + " ".join(_UNITS[int(d)] for d in frac)
    return f"minus {words}" if value < 0 else words
