"""The check shot of an inspection from a GNSS capture or a total-station point, as a measurement.

A GNSS capture is averaged with the occupation gates (profile ``rapid`` by default: the
re-check of a point already occupied, same gates as an installation, shorter), exactly as
`fieldapp marker occupy` does, but nothing of it is stored as an occupation or a stake: the
result only feeds the inspection row. What the averaging says is wrong (too few RTK-fixed
epochs, too short, scatter) becomes the measurement's ``failures``; the store refuses those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from fieldapp.gnss.capture import CaptureError, replay_file
from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.store.inspections import CheckMeasurement
from fieldapp.survey.crs import GridSpec
from fieldapp.survey.occupation import (
    AntennaHeight,
    FailReason,
    Occupation,
    OccupationResult,
    RejectReason,
    profile_named,
)
from fieldapp.survey.stake_quality import SigmaKind, fix_name
from fieldapp.survey.stakeout import position_from_grid

CHECK_PROFILE = "rapid"
# Weakest first: an averaged position is only as good as its weakest used epoch.
_STRENGTH = {4: 5, 5: 4, 2: 3, 3: 3, 1: 2}
# The gates' reasons as the surveyor says them (the rest: the code with spaces).
_WORDS = {
    RejectReason.NOT_FIXED: "not RTK fixed",
    RejectReason.NO_SIGMA: "without sigma",
    RejectReason.SIGMA_H: "sigma H above the gate",
    RejectReason.SIGMA_V: "sigma V above the gate",
    RejectReason.NO_POSITION: "without position",
}


class CheckShotError(ValueError):
    """The check shot's file cannot be read; the message names it."""


def gnss_measurement(
    path: str | Path,
    antenna: AntennaHeight | None = None,
    profile: str = CHECK_PROFILE,
    fixes: Iterable[Fix] | None = None,
) -> CheckMeasurement:
    """Average a capture (NMEA) of the pole on the monument; ``fixes`` instead of the file."""
    src = Path(path)
    occ = Occupation(profile_named(profile), antenna)
    qualities: list[int | None] = []
    try:
        for fix in replay_file(src) if fixes is None else fixes:
            occ.add(fix)
            qualities.append(fix.quality)
    except CaptureError as exc:
        raise CheckShotError(f"{src}: {exc}") from exc
    result = occ.result(antenna)
    used = [qualities[v.seq] for v in occ.verdicts() if v.used]
    known = [q for q in used if q is not None]
    weakest = min(known, key=lambda q: _STRENGTH.get(q, 0), default=None)
    kind = (
        SigmaKind.MISSING
        if result.mean_sigma_h_m is None or result.sigma_source is None
        else SigmaKind.MEASURED
        if result.sigma_source is SigmaSource.GST
        else SigmaKind.ESTIMATED
    )
    detail = (
        f"{src.name}, {result.epochs_used} epochs ({result.span_s:.0f} s, profile "
        f"{profile}), {fix_name(weakest)}"
    )
    if antenna is not None:
        detail += f", antenna {antenna.total_m:.3f} m"
    lat, lon = result.lat, result.lon
    return CheckMeasurement(
        source="gnss",
        detail=detail,
        lat=lat if lat is not None else float("nan"),
        lon=lon if lon is not None else float("nan"),
        h=result.mark_h,
        fix_quality=weakest,
        sigma_h_m=result.mean_sigma_h_m,
        sigma_kind=kind,
        failures=_failures(result, len(qualities)),
    )


def _failures(r: OccupationResult, epochs: int) -> tuple[str, ...]:
    p = r.profile
    rejected = Counter(
        {_WORDS.get(k, k.value.replace("_", " ")): n for k, n in r.rejected_by_reason.items() if n}
    )
    why = ", ".join(f"{n} {k}" for k, n in rejected.most_common(3))
    words = {
        FailReason.NO_EPOCHS: f"none of {epochs} epochs passed the gates"
        + (f" (rejected: {why})" if why else ""),
        FailReason.TOO_FEW_EPOCHS: f"{r.epochs_used} usable epochs, {p.min_epochs} required"
        + (f" (rejected: {why})" if why else ""),
        FailReason.TOO_SHORT: f"{r.span_s:.0f} s of usable epochs, {p.min_seconds:.0f} s required",
        FailReason.SCATTER_H: "horizontal scatter of the epochs above the profile's sigma",
        FailReason.SCATTER_V: "vertical scatter of the epochs above the profile's sigma",
    }
    return tuple(words[f] for f in r.failures)


def ts_measurement(
    grid: GridSpec, file: str | Path, point_id: str, e: float, n: float, h: float | None,
    station: str | None, line: int,
) -> CheckMeasurement:  # fmt: skip
    """A total-station point reduced from its file (grid E/N/H) as a measurement.

    The height passes through as the stake-out screen's total-station stakes keep it.
    """
    pos = position_from_grid(grid, e, n, h, "total_station")
    at = f" from station {station}" if station else ""
    detail = f"{Path(file).name} line {line}, point {point_id}{at}"
    return CheckMeasurement("ts", detail, pos.lat, pos.lon, h)
