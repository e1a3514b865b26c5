"""The method as measured, per marker: how, from where, with what, and the sigma achieved."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.reports.base_words import NOT_CONTROL, base_change, base_provenance
from fieldapp.store.equipment import Equipment, EquipmentKind
from fieldapp.store.quality import StakeQuality
from fieldapp.survey.installation import OccupationRecord, StakeRecord, StakeSource
from fieldapp.survey.occupation import OccupationResult

# GGA fix quality in the words of an Indonesian survey report.
QUALITY_ID = {
    1: "absolut (tanpa koreksi)",
    2: "DGNSS",
    4: "RTK ambiguitas fixed",
    5: "RTK ambiguitas float",
}
RTK_QUALITIES = (4, 5)


@dataclass(frozen=True, slots=True)
class MarkerMethod:
    """What the berita acara says about how one marker's position was measured."""

    kind: str  # "rtk", "dgnss", "gnss", "ts"
    summary: str  # one line in Indonesian, the base/station named
    base: str | None  # base station, benchmark, mountpoint or TS station
    backsight: str | None
    epochs: int | None
    span_s: float | None
    sigma_h_m: float | None  # achieved, from the receiver (mean per epoch) or the stake row
    sigma_v_m: float | None
    sigma_measured: bool  # GST for every epoch used; otherwise only estimated from DOP
    antenna_before_m: float | None  # vertical, mark to the antenna reference point
    antenna_after_m: float | None
    antenna_change_m: float | None
    antenna_changed: bool  # > 5 mm apart: flagged in the document
    instrument: str  # model and serial, or what is known of it
    # The base's control point got another coordinate after the measurement: the warning.
    base_changed: str | None = None

    @property
    def sigma_text(self) -> str:
        if self.sigma_h_m is None:
            return "tidak ada"
        v = "-" if self.sigma_v_m is None else _n(self.sigma_v_m)
        label = "terukur" if self.sigma_measured else "estimasi"
        return f"σH {_n(self.sigma_h_m)} / σV {v} m ({label})"

    @property
    def antenna_text(self) -> str:
        if self.antenna_before_m is None:
            return "-"
        after = "tidak diukur" if self.antenna_after_m is None else _n(self.antenna_after_m)
        text = f"{_n(self.antenna_before_m)} / {after}"
        if self.antenna_changed and self.antenna_change_m is not None:
            text += f" (BEDA {_n(self.antenna_change_m * 1000, 0)} mm)"
        return text


def _n(value: float, decimals: int = 3) -> str:
    return f"{value:.{decimals}f}".replace("-", "−").replace(".", ",")


def _instrument(
    equipment: dict[int, Equipment], occ: OccupationRecord | None, kind: EquipmentKind
) -> str:
    if occ is not None and occ.equipment_id in equipment:
        e = equipment[occ.equipment_id]
        return f"{e.model}, No. Seri {e.serial}"
    of_kind = [e for e in equipment.values() if e.kind is kind]
    if len(of_kind) == 1:
        # The only instrument of that kind in the job is the one that was used.
        return f"{of_kind[0].model}, No. Seri {of_kind[0].serial}"
    if occ is not None and occ.device:
        return f"{occ.device} (nomor seri tidak tercatat)"
    return "tidak tercatat"


def parse_ts_shot(text: str | None) -> tuple[str | None, str | None]:
    """Station and backsight from a total-station stake's shot line ``STN>BS Hz ...``."""
    if not text or ">" not in text:
        return None, None
    head, _, rest = text.partition(">")
    station = head.strip() or None
    back = rest.split(" Hz ")[0].strip() or None
    if station == "station":
        station = None
    if back is not None and back.startswith("ori "):
        back = f"azimut {back.removeprefix('ori ')}"
    return station, back


def _gnss_base(occ: OccupationRecord | None) -> str | None:
    if occ is None:
        return None
    if occ.base_point is not None:
        return occ.base_point.used.name
    if occ.base_station:
        return occ.base_station
    if occ.base_ids:
        return "stasiun referensi ID " + ", ".join(occ.base_ids)
    return None


def _base_words(occ: OccupationRecord | None, base: str | None) -> str:
    """The base as the documents name it: a control point with its provenance, else as typed."""
    if occ is not None and occ.base_point is not None:
        return base_provenance(occ.base_point)
    if occ is not None and occ.base_station:
        return f"{occ.base_station} ({NOT_CONTROL})"
    return base or "(tidak tercatat)"


def marker_method(
    stake: StakeRecord,
    occ: OccupationRecord | None,
    quality: StakeQuality | None,
    fix_quality: int | None,
    equipment: dict[int, Equipment],
) -> MarkerMethod:
    """The method of the stake actually recorded (never the job's defaults)."""
    if stake.source is StakeSource.TOTAL_STATION:
        station, back = parse_ts_shot(stake.ts_shot)
        summary = (
            f"Total Station dari stasiun {station or '(tidak tercatat)'}"
            f", backsight {back or '(tidak tercatat)'}"
        )
        return MarkerMethod(
            "ts", summary, station, back, None, None, None, None, False,
            None, None, None, False,
            _instrument(equipment, None, EquipmentKind.TOTAL_STATION),
        )  # fmt: skip
    r: OccupationResult | None = occ.result if occ else None
    base = _gnss_base(occ)
    words = _base_words(occ, base)
    q = fix_quality if fix_quality is not None else (quality.fix_quality if quality else None)
    if q in RTK_QUALITIES:
        kind = "rtk"
        fixed = "fixed" if q == 4 else "float"
        summary = f"GNSS RTK ({fixed}) dari base {words}"
    elif q == 2:
        kind, summary = "dgnss", f"GNSS DGNSS dari base {words}"
    else:
        kind, summary = "gnss", f"GNSS {QUALITY_ID.get(q or 0, 'tanpa kualitas tercatat')}"
    changed = None
    if kind != "gnss" and occ is not None and occ.base_point is not None:
        changed = base_change(occ.base_point)  # an absolute fix owes nothing to the base
    if changed is not None:
        # Stated where the method is, never silently recomputed onto the new coordinate.
        summary += f"; PERHATIAN: {changed}"
    sigma_h = quality.sigma_h_m if quality else (r.mean_sigma_h_m if r else None)
    sigma_v = quality.sigma_v_m if quality else (r.mean_sigma_v_m if r else None)
    measured = (
        quality.sigma_kind.value == "measured"
        if quality
        else bool(r and r.sigma_source is not None and r.sigma_source.value == "GST")
    )
    antenna = r.antenna if r else None
    return MarkerMethod(
        kind=kind,
        summary=summary,
        base=base,
        backsight=None,
        epochs=r.epochs_used if r else None,
        span_s=r.span_s if r else None,
        sigma_h_m=sigma_h,
        sigma_v_m=sigma_v,
        sigma_measured=measured,
        antenna_before_m=antenna.vertical_m if antenna else None,
        antenna_after_m=(
            occ.antenna_after_m
            if occ is None or antenna is None or occ.antenna_after_m is None
            else antenna.vertical_m + (occ.antenna_change_m or 0.0)
        ),
        antenna_change_m=occ.antenna_change_m if occ else None,
        antenna_changed=bool(occ and occ.antenna_changed),
        instrument=_instrument(equipment, occ, EquipmentKind.GNSS_RECEIVER),
        base_changed=changed,
    )


def method_gaps(m: MarkerMethod) -> list[str]:
    """What the recorded method of one marker lacks, in Indonesian (for a DRAF annex)."""
    out = []
    if m.kind == "ts":
        if m.base is None:
            out.append("stasiun Total Station tidak tercatat")
        if m.backsight is None:
            out.append("backsight Total Station tidak tercatat")
        return out
    if m.kind in ("rtk", "dgnss") and m.base is None:
        out.append("base / BM koreksi tidak tercatat")
    if m.base_changed is not None:
        out.append(f"{m.base_changed}: ukur ulang dari koordinat yang berlaku")
    if m.sigma_h_m is None:
        out.append("σ yang tercapai tidak tercatat")
    if m.antenna_before_m is None:
        out.append("tinggi antena tidak tercatat")
    elif m.antenna_after_m is None:
        out.append("tinggi antena sesudah pengamatan tidak diukur")
    elif m.antenna_changed:
        out.append("tinggi antena sebelum dan sesudah berbeda lebih dari 5 mm")
    if m.instrument == "tidak tercatat" or "tidak tercatat)" in m.instrument:
        out.append("nomor seri alat tidak tercatat")
    return out
