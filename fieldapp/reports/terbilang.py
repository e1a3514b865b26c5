"""Indonesian numbers, days and months in words, as a berita acara writes its date."""

from __future__ import annotations

import datetime as dt

from fieldapp.survey.words import UNITS as _UNITS
from fieldapp.survey.words import terbilang

__all__ = ["BULAN", "HARI", "kalimat_tanggal", "tanggal_panjang", "terbilang"]

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
