"""The rnx2rtkp options file (RTKLIB 2.4.3 keys) for a static baseline, 697/1996 settings."""

from __future__ import annotations

from fieldapp.gnss.baseline import StaticSettings

AMBIGUITY_MODES = ("off", "continuous", "instantaneous", "fix-and-hold")
# GPS 1, SBAS 2, GLONASS 4, Galileo 8, QZSS 16, BeiDou 32 (RTKLIB's navsys bits): every
# system a u-blox or CORS file may carry except SBAS, whose ranging is too coarse.
NAVSYS = 1 + 4 + 8 + 16 + 32


def static_options(settings: StaticSettings, base_xyz: tuple[float, float, float]) -> str:
    """Options text; the base position is given as ECEF so no conversion happens in between."""
    if settings.ambiguity_mode not in AMBIGUITY_MODES:
        modes = ", ".join(AMBIGUITY_MODES)
        raise ValueError(f"ambiguity mode {settings.ambiguity_mode!r}: expected one of {modes}")
    options = {
        "pos1-posmode": "static",
        # "l1+2" is how 2.4.3 spells dual frequency ("l1+l2" is refused there).
        "pos1-frequency": "l1+2",
        "pos1-soltype": "forward",
        "pos1-elmask": f"{settings.elevation_mask_deg:g}",
        "pos1-dynamics": "off",
        "pos1-tidecorr": "off",
        "pos1-ionoopt": "brdc",
        "pos1-tropopt": "saas",
        "pos1-sateph": "brdc",
        "pos1-navsys": str(NAVSYS),
        "pos2-armode": settings.ambiguity_mode,
        # GLONASS ambiguities between receivers of different makes carry inter-frequency
        # biases; fixing them needs calibration RTKLIB 2.4.3 does not have.
        "pos2-gloarmode": "off",
        "pos2-arthres": "3",
        "out-solformat": "llh",
        "out-outhead": "on",
        "out-outopt": "off",
        "out-timesys": "gpst",
        "out-timeform": "hms",
        "out-timendec": "3",
        "out-height": "ellipsoidal",
        # One line per epoch: the last is the final static solution, the count is the
        # number of epochs the solution rests on (see rtklib.py).
        "out-solstatic": "all",
        "ant1-antdele": "0",
        "ant1-antdeln": "0",
        "ant1-antdelu": f"{settings.rover_antenna_height_m:.4f}",
        "ant2-postype": "xyz",
        "ant2-pos1": f"{base_xyz[0]:.4f}",
        "ant2-pos2": f"{base_xyz[1]:.4f}",
        "ant2-pos3": f"{base_xyz[2]:.4f}",
        "ant2-antdele": "0",
        "ant2-antdeln": "0",
        "ant2-antdelu": f"{settings.base_antenna_height_m:.4f}",
    }
    return "".join(f"{key:<18} ={value}\n" for key, value in options.items())
