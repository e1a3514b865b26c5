"""Heights as the surveyor reads them: h (ellipsoidal) beside H (orthometric), the geoid named.

The N behind each H comes from the session's HeightCache (one PROJ lookup per place), so a
readout that repaints at several Hz formats numbers and nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.survey.height_cache import HeightCache
from fieldapp.ui.numbers import fixed


def height_pair(
    heights: HeightCache | None, lat: float, lon: float, h: float | None, named: bool = True
) -> str:
    """ "h 45,123 m (ellipsoid) · H 12,345 m (EGM96 …)"; h alone where H cannot be had.

    ``named=False`` leaves the geoid's name out (a line under one that names it).
    """
    if h is None:
        return QCoreApplication.translate("Heights", "no height")
    hs = None if heights is None else heights.heights(lat, lon, h)
    if hs is None:
        return QCoreApplication.translate(
            "Heights", "h {0} m (ellipsoid) · H unknown (outside the geoid)"
        ).format(fixed(h, 3))
    if not named:
        return QCoreApplication.translate("Heights", "h {0} m (ellipsoid) · H {1} m").format(
            fixed(h, 3), fixed(hs.orthometric, 3)
        )
    return QCoreApplication.translate("Heights", "h {0} m (ellipsoid) · H {1} m ({2})").format(
        fixed(h, 3), fixed(hs.orthometric, 3), hs.geoid
    )


def orthometric(heights: HeightCache | None, lat: float, lon: float, h: float | None) -> str:
    """H alone, "12,345" (the column says which geoid), or "–"."""
    hs = None if heights is None or h is None else heights.heights(lat, lon, h)
    return "–" if hs is None else fixed(hs.orthometric, 3)


def system_word(system: str) -> str:
    return (
        QCoreApplication.translate("Heights", "orthometric")
        if system == "orthometric"
        else QCoreApplication.translate("Heights", "ellipsoidal")
    )


def design_dh(
    heights: HeightCache | None,
    here: tuple[float, float, float | None],
    target: tuple[float, float, float | None],
    system: str,
) -> tuple[float | None, str]:
    """dH = design - here in the system the design was given in, and that system.

    An orthometric design compares H with H (N of each place); an ellipsoidal one h with h.
    Where the geoid cannot give H, h with h, and it says so.
    """
    (lat, lon, h), (tlat, tlon, th) = here, target
    if h is None or th is None:
        return None, system
    if system == "orthometric":
        a = None if heights is None else heights.heights(lat, lon, h)
        b = None if heights is None else heights.heights(tlat, tlon, th)
        if a is not None and b is not None:
            return b.orthometric - a.orthometric, system
    return th - h, "ellipsoidal"


def dh_text(dh: float | None, system: str) -> str:
    """ "dH +0,123 m (orthometric)": the readout's vertical line, its system said."""
    if dh is None:
        return "dH –"
    return QCoreApplication.translate("Heights", "dH {0} m ({1})").format(
        fixed(dh, 3, sign=True), system_word(system)
    )


def stake_heights_text(
    heights: HeightCache | None,
    here: tuple[float, float, float | None] | None,
    target: tuple[float, float, float | None],
    system: str,
) -> str:
    """Two lines: the design's heights (and how it was given), then the pole's."""
    if target[2] is None:
        design = QCoreApplication.translate("Heights", "Design: no design height")
    else:
        design = QCoreApplication.translate("Heights", "Design ({0}): {1}").format(
            given_word(system), height_pair(heights, *target)
        )
    if here is None:
        return design
    named = target[2] is None  # else the design's line above named the geoid
    here_text = height_pair(heights, *here, named=named)
    return design + "\n" + QCoreApplication.translate("Heights", "Here: {0}").format(here_text)


def given_word(system: str) -> str:
    return (
        QCoreApplication.translate("Heights", "given as orthometric")
        if system == "orthometric"
        else QCoreApplication.translate("Heights", "given as ellipsoidal")
    )
