"""A processed static baseline in the words of the documents: columns, figures, rule verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp.gnss.baseline import BaselineSolution, FixState
from fieldapp.reports.textfmt import num

if TYPE_CHECKING:
    from fieldapp.store.baselines import StoredBaseline

FIX_ID = {FixState.FIXED: "fixed", FixState.FLOAT: "float", FixState.OTHER: "tanpa solusi fase"}
# The rules of Kepdirjen 697.K/29/DDJP/1996 as check_static_rules names them, in its order.
RULES = ("duration", "interval", "mask", "fixed", "sigma_h", "sigma_v")
RULE_HEAD = {
    "duration": "Lama ≥ 1 jam (< 20 km) / ≥ 4 jam",
    "interval": "Interval ≤ 15 s",
    "mask": "Mask elevasi ≥ 15°",
    "fixed": "Ambiguitas fixed",
    "sigma_h": "σH ≤ 0,15 m",
    "sigma_v": "σV ≤ 0,25 m",
}
BASELINE_HEAD = [
    "Baseline (nomor)", "Panjang baseline (m)", "dX (m)", "dY (m)", "dZ (m)", "dE (m)", "dN (m)",
    "dU (m)", "σE (m)", "σN (m)", "σU (m)", "Mulai (GPST)", "Selesai (GPST)", "Lama pengamatan",
    "Jumlah epoch", "Interval (s)", "Mask (°)", "Solusi", "Rasio", "Pengolah",
    *(RULE_HEAD[r] for r in RULES), "Alasan diterima walau tidak memenuhi",
]  # fmt: skip
# Columns of BASELINE_HEAD holding metres (three decimals in the sheet).
METRE_COLUMNS = tuple(range(1, 11))


def duration_text(seconds: float) -> str:
    m = round(seconds / 60)
    return f"{m // 60} jam {m % 60:02d} mnt"


def figure(rule: str, s: BaselineSolution) -> str:
    """What the solution has for ``rule``, in the document's notation (decimal comma)."""
    if rule == "duration":
        return duration_text(s.duration_s)
    if rule == "interval":
        return f"{num(s.interval_s, 0)} s"
    if rule == "mask":
        return f"{num(s.elevation_mask_deg, 0)}°"
    if rule == "fixed":
        return FIX_ID[s.fix] + (f", rasio {num(s.ratio, 1)}" if s.ratio is not None else "")
    if rule == "sigma_h":
        return f"{num(s.sigma_h_m, 3)} m"
    return f"{num(s.sigma_u_m, 3)} m"


def verdict_cells(b: StoredBaseline) -> list[str]:
    """Per rule ``Memenuhi (figure)`` or ``Tidak memenuhi (figure)``; ``-`` if not checked."""
    passed = {v.rule: v.passed for v in b.verdicts}
    out = []
    for rule in RULES:
        if rule not in passed:
            out.append("-")
            continue
        word = "Memenuhi" if passed[rule] else "Tidak memenuhi"
        out.append(f"{word} ({figure(rule, b.solution)})")
    return out


def all_passed(b: StoredBaseline) -> bool:
    return bool(b.verdicts) and all(v.passed for v in b.verdicts)


def baseline_cells(b: StoredBaseline) -> list[str | float | int | None]:
    """The BASELINE_HEAD columns of one baseline: numbers stay numbers for the spreadsheet."""
    s = b.solution
    dx, dy, dz = s.vector_ecef_m
    de, dn, du = s.vector_enu_m
    return [
        f"#{b.id}: {b.base_point} → {b.rover_point}", s.baseline_m, dx, dy, dz, de, dn, du,
        s.sigma_e_m, s.sigma_n_m, s.sigma_u_m, s.start_gpst.replace("T", " "),
        s.end_gpst.replace("T", " "), duration_text(s.duration_s), s.epochs, s.interval_s,
        s.elevation_mask_deg, FIX_ID[s.fix], s.ratio, s.engine, *verdict_cells(b),
        b.override_reason or None,
    ]  # fmt: skip


def accepted_by_rover(baselines: Sequence[StoredBaseline]) -> dict[str, StoredBaseline]:
    """The baseline each point's coordinate came from: its latest accepted one."""
    out: dict[str, StoredBaseline] = {}
    for b in sorted(baselines, key=lambda b: (b.accepted_at or "", b.id)):
        if b.status == "accepted":
            out[b.rover_point] = b
    return out
