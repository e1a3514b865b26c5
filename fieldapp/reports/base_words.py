"""The base of a GNSS measurement in a surveyor's Indonesian: which control point, from where."""

from __future__ import annotations

from fieldapp.survey.base_point import BaseUsed
from fieldapp.survey.models import ControlKind, ControlPoint

KIND_LABEL = {ControlKind.BM: "BM", ControlKind.TITIK_BANTU: "TB", ControlKind.JKHN: "JKHN"}
NOT_CONTROL = "bukan titik kontrol pekerjaan"


def _n(value: float, decimals: int = 3, sign: bool = False) -> str:
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    return text.replace("-", "−").replace(".", ",")


def point_label(name: str, kind: ControlKind | None) -> str:
    """ "BM 3040", "TB 07", "JKHN 0759"; a name that already says its kind is kept as it is."""
    if kind is None:
        return name
    prefix = KIND_LABEL[kind]
    squeezed = name.replace(" ", "").replace("-", "").casefold()
    if squeezed.startswith(prefix.casefold()) or squeezed.startswith("titikbantu"):
        return name
    return f"{prefix} {name}"


def _sigma(p: ControlPoint) -> str:
    if p.sigma_h is None:
        return ""
    if p.sigma_h < 0.1:
        return f", σH {_n(p.sigma_h * 1000, 1)} mm"
    return f", σH {_n(p.sigma_h)} m"


def base_provenance(b: BaseUsed) -> str:
    """ "BM 3040 (baseline statik #3 dari JKHN 0759, fixed, σH 0,9 mm)": the coordinate used."""
    p = b.used
    label = point_label(p.name, p.kind)
    if b.baseline_id is not None:
        tied = point_label(p.tied_to, b.tied_to_kind) if p.tied_to else "base tidak tercatat"
        fix = f", {b.baseline_fix}" if b.baseline_fix else ""
        return f"{label} (baseline statik #{b.baseline_id} dari {tied}{fix}{_sigma(p)})"
    # Office or imported coordinates: their source text is the control list's, not ours (and
    # too long for the deskripsi's one page); the σ says what they are worth.
    return f"{label} (koordinat impor{_sigma(p)})"


def base_change(b: BaseUsed) -> str | None:
    """The warning for an occupation whose base point got another coordinate afterwards."""
    if not b.changed:
        return None
    label = point_label(b.used.name, b.used.kind)
    shift = b.shift
    if shift is None:
        return f"base {label}: titik kontrol sudah tidak ada di pekerjaan setelah pengukuran"
    vertical = "" if shift.dh_m is None else f", vertikal {_n(shift.dh_m, sign=True)} m"
    now = (
        f"; kini dari baseline statik #{b.current_baseline_id}"
        if b.current_baseline_id is not None
        else ""
    )
    return (
        f"base {label}: koordinat diubah setelah pengukuran (selisih horizontal "
        f"{_n(shift.horizontal_m)} m{vertical}{now})"
    )
