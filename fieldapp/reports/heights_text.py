"""Heights as the documents print them: h and H side by side, and the geoid that relates them."""

from __future__ import annotations

from fieldapp.survey.geoid import Heights

H_ELLIPSOID = "h elipsoid (m)"
H_ORTHOMETRIC = "H ortometrik (m)"


def orthometric(heights: Heights | None) -> float | None:
    """H, or None where h is missing or the geoid has no value there (printed as a dash)."""
    return heights.orthometric if heights is not None else None


def height_note(geoid_name: str) -> str:
    """The one sentence every document gives under its heights, naming the geoid."""
    return (
        "Tinggi elipsoid h terhadap elipsoid GRS80 (SRGI2013); tinggi ortometrik "
        f"H = h − N, dengan N undulasi geoid; geoid: {geoid_name}."
    )
