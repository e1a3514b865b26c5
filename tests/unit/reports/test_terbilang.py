"""Indonesian numbers, day and month names in words."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.reports.terbilang import decimal_words, hari, kalimat_tanggal, terbilang


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
        (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"),
        (31, "tiga puluh satu"), (100, "seratus"), (101, "seratus satu"),
        (111, "seratus sebelas"), (250, "dua ratus lima puluh"), (1000, "seribu"),
        (1100, "seribu seratus"), (2000, "dua ribu"), (2026, "dua ribu dua puluh enam"),
        (11000, "sebelas ribu"), (100000, "seratus ribu"), (1000000, "satu juta"),
        (2500000, "dua juta lima ratus ribu"), (-5, "minus lima"),
    ],
)  # fmt: skip
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_day_names_follow_the_calendar() -> None:
    start = dt.date(2026, 11, 16)  # a Monday
    names = [hari(start + dt.timedelta(days=i)) for i in range(7)]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2000, 1, 1), "hari Sabtu tanggal satu bulan Januari tahun dua ribu"),
        (dt.date(2026, 5, 11), "hari Senin tanggal sebelas bulan Mei tahun dua ribu dua "
         "puluh enam"),
        (dt.date(2026, 12, 21), "hari Senin tanggal dua puluh satu bulan Desember tahun "
         "dua ribu dua puluh enam"),
        (dt.date(2026, 8, 31), "hari Senin tanggal tiga puluh satu bulan Agustus tahun "
         "dua ribu dua puluh enam"),
    ],
)  # fmt: skip
def test_date_sentence(day: dt.date, text: str) -> None:
    assert kalimat_tanggal(day) == text


def test_decimal_words() -> None:
    assert decimal_words(745.54) == "tujuh ratus empat puluh lima koma lima empat"
    assert decimal_words(12.0) == "dua belas"
