"""Facts the deliverables state per marker, derived from ReportData: method, σ, heights, grid.

The berita acara has its own wording (reports/berita_acara.py); this module feeds the deskripsi,
the XLSX and the DXF so that the three say the same thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.reports.data import MarkerReport, ReportData
from fieldapp.reports.textfmt import azimuth_dms, num
from fieldapp.survey.geoid import Heights
from fieldapp.survey.installation import ReferenceMarkerRecord
from fieldapp.survey.naming import reference_name
from fieldapp.survey.scale import elevation_factor, grid_factors

STATUS_ID = {
    "planned": "direncanakan",
    "staked": "dipatok",
    "installed": "terpasang",
    "documented": "terdokumentasi",
}


@dataclass(frozen=True, slots=True)
class AchievedSigma:
    """What the occupation achieved: the scatter of the used epochs, metres."""

    h_m: float | None
    v_m: float | None
    epochs: int | None


@dataclass(frozen=True, slots=True)
class ReferenceFacts:
    """A Tanda Batas Referensi and the way from it to the true point, in both reckonings."""

    record: ReferenceMarkerRecord
    name: str  # by the SK rule: 4B-R, 4B-R2 ...
    e: float
    n: float
    geodetic_azimuth_deg: float  # true north, on the ellipsoid
    grid_azimuth_deg: float  # grid north of the job's projection
    ellipsoid_m: float
    grid_m: float
    ground_m: float | None

    def text(self) -> str:
        ground = f", permukaan tanah {num(self.ground_m)} m" if self.ground_m else ""
        return (
            f"azimut geodetik {azimuth_dms(self.geodetic_azimuth_deg)} "
            f"(azimut grid {azimuth_dms(self.grid_azimuth_deg)}); jarak elipsoid "
            f"{num(self.ellipsoid_m)} m{ground}, jarak grid {num(self.grid_m)} m"
        )


def achieved_sigma(m: MarkerReport) -> AchievedSigma:
    r = m.occupation.result if m.occupation is not None else None
    if r is None:
        return AchievedSigma(None, None, None)
    return AchievedSigma(r.std_h_m, r.std_u_m, r.epochs_used)


def method_text(m: MarkerReport) -> str:
    """The method as recorded (the berita acara's words: base or station named), with epochs."""
    method = m.method
    if method.epochs is None:
        return method.summary
    span = "" if method.span_s is None else f", {method.span_s:.0f} detik"
    return f"{method.summary}, {method.epochs} epoch{span}"


def instrument_text(m: MarkerReport) -> str:
    """The instrument of the method with its serial, as the berita acara states it."""
    return m.method.instrument


def convergence_deg(data: ReportData, lat: float, lon: float, h: float | None) -> float:
    return grid_factors(data.grid, lon, lat, h or 0.0).convergence_deg


def reference_facts(data: ReportData, m: MarkerReport) -> list[ReferenceFacts]:
    out = []
    # Numbered over every record, withdrawn ones too, so a printed name never moves.
    for nth, r in enumerate(m.installation.references, start=1):
        if r.withdrawn is not None:
            continue
        g = r.geometry
        f = grid_factors(data.grid, r.position.lon, r.position.lat, r.position.h or 0.0)
        e, n = data.grid_of(r.position.lat, r.position.lon)
        out.append(
            ReferenceFacts(
                r,
                reference_name(m.name, nth),
                e,
                n,
                g.azimuth_deg,
                (g.azimuth_deg - f.convergence_deg) % 360.0,
                g.distance_m,
                g.distance_m * f.point_scale,
                _ground(g.ground_distance_m, g.distance_m, r.position.lat, m.h),
            )
        )
    return out


def _ground(ground: float | None, ellipsoid: float, lat: float, h: float | None) -> float | None:
    """The stored ground distance, else the one at the true point's measured height."""
    if ground is not None or h is None:
        return ground
    return ellipsoid / elevation_factor(lat, h)


def orthometric_text(heights: Heights | None) -> str:
    """``H m (N = … m)``: the geoid is named on its own line beside it."""
    if heights is None:
        return "-"
    return f"{num(heights.orthometric)} m (N = {num(heights.undulation)} m)"
