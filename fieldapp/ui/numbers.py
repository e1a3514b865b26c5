"""Numbers as the surveyor reads them: the UI language's decimal sign, no thousands grouping.

In Bahasa Indonesia 1,5 m is one and a half metres; a grid coordinate 9940000 stays in one
piece (a grouping dot would read as a decimal sign to some and not to others).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def _locale() -> QLocale:
    loc = QLocale()  # the default follows the UI language (install_language sets it)
    loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return loc


def fixed(value: float, decimals: int, sign: bool = False) -> str:
    """``value`` with ``decimals`` digits after the decimal sign; ``sign`` shows a plus too."""
    text = _locale().toString(float(value), "f", decimals)
    return f"+{text}" if sign and value >= 0 else text


def short(value: float) -> str:
    """Like ``%g``: no trailing zeros (scale bars, round lengths)."""
    return _locale().toString(float(value), "g", 6)
