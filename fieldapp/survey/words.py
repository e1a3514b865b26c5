"""Whole numbers in Indonesian words ("dua ribu dua puluh enam"), for documents and speech."""

from __future__ import annotations

UNITS = (
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
# Largest scale first; "se-" replaces "satu" only for seratus and seribu (never sejuta).
_SCALES = ((1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"))


def terbilang(n: int) -> str:
    """``2026`` -> ``dua ribu dua puluh enam``; negative numbers get ``minus``."""
    if n < 0:
        return f"minus {terbilang(-n)}"
    if n < 12:
        return UNITS[n]
    if n < 20:
        return f"{UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return _join(f"{UNITS[tens]} puluh", rest)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{UNITS[hundreds]} ratus"
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
