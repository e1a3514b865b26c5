"""Every real capture replays; positions agree with gpsd's own decoding (the .chk files)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from testpaths import SHARED_DATA

from fieldapp.gnss.capture import read_capture, replay_bytes
from fieldapp.gnss.fix import Fix, SigmaSource

NMEA = SHARED_DATA / "nmea"
LOGS = sorted(p.name for p in NMEA.glob("*.log")) if NMEA.is_dir() else ["(shared data missing)"]
CHKS = sorted(p.name for p in NMEA.glob("*.log.chk")) if NMEA.is_dir() else ["(missing).chk"]
TOLERANCE_DEG = 1e-7
REQUIRED_SHARE = 0.98


@dataclass(frozen=True)
class KnownDivergence:
    share: float  # measured share of gpsd epochs we match at 1e-7 degrees
    tolerance_deg: float  # the tolerance at which all of them do match
    reason: str


# Investigated, not waived: each entry states why gpsd and we differ and is re-measured below.
KNOWN = {
    "tcp-test.log": KnownDivergence(
        share=0.0,
        tolerance_deg=1e-6,
        reason=(
            "one epoch only; gpsd's last TPV for 19:32:21 takes the position from RMC "
            "(2037.7279 N, 4-decimal minutes), written after the GGA of the same epoch "
            "(2037.72792 N, 5 decimals). We keep the GGA position, which is more precise; "
            "the difference, 3.3e-7 deg (3.7 cm), is RMC's rounding, below 1e-6 deg."
        ),
    ),
}


def _ms(iso: str) -> int:
    clock = iso.split("T", 1)[1].rstrip("Z")
    h, m, sec = clock.split(":")
    return int(h) * 3_600_000 + int(m) * 60_000 + round(float(sec) * 1000)


def gpsd_positions(chk: Path) -> dict[int, tuple[float, float]]:
    """gpsd's last TPV with a position per time of day (earlier ones are partial)."""
    out: dict[int, tuple[float, float]] = {}
    for line in chk.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith('{"class":"TPV"'):
            continue
        tpv = json.loads(line)
        if "time" in tpv and "lat" in tpv and "lon" in tpv:
            out[_ms(tpv["time"])] = (tpv["lat"], tpv["lon"])
    return out


def ours_by_time(fixes: tuple[Fix, ...]) -> dict[int, Fix]:
    out: dict[int, Fix] = {}
    for f in fixes:
        t = f.time_of_day
        if t is not None:
            out[((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.microsecond // 1000] = f
    return out


def match_share(name: str, tolerance: float) -> tuple[float, int]:
    reference = gpsd_positions(NMEA / name)
    ours = ours_by_time(replay_bytes(read_capture(NMEA / name.removesuffix(".chk")).data).fixes)
    hits = 0
    for t, (lat, lon) in reference.items():
        f = ours.get(t)
        if f is not None and f.lat is not None and f.lon is not None:
            hits += abs(f.lat - lat) <= tolerance and abs(f.lon - lon) <= tolerance
    return hits / len(reference), len(reference)


@pytest.mark.parametrize("name", LOGS)
def test_capture_replays_without_exception(shared_data: Path, name: str) -> None:
    replay = replay_bytes(read_capture(shared_data / "nmea" / name).data)
    c = replay.counters
    assert c.accepted + c.rejected > 0
    for f in replay.fixes:
        assert (f.lat is None) == (f.lon is None)
        if f.lat is not None and f.lon is not None:
            assert -90 <= f.lat <= 90 and -180 <= f.lon <= 180
            assert (f.lat, f.lon) != (0.0, 0.0)
        if f.sigma_source is SigmaSource.GST:
            assert f.sigma_lat is not None and 0 < f.sigma_lat <= 1000


@pytest.mark.parametrize("name", CHKS)
def test_positions_match_gpsd(shared_data: Path, name: str) -> None:
    share, epochs = match_share(name, TOLERANCE_DEG)
    assert epochs > 0
    known = KNOWN.get(name.removesuffix(".chk"))
    if known is None:
        assert share >= REQUIRED_SHARE, f"{name}: {share:.1%} of {epochs} gpsd epochs"
    else:
        # The documented figure must still be the measured one, and the stated cause must
        # explain all of it: everything matches at the looser, justified tolerance.
        assert share == pytest.approx(known.share), known.reason
        assert match_share(name, known.tolerance_deg)[0] == 1.0, known.reason


def test_zed_f9p_nonsense_gst_is_not_reported_as_measured(shared_data: Path) -> None:
    replay = replay_bytes(read_capture(shared_data / "nmea" / "ublox-zed-f9p-nmea.log").data)
    sources = {f.sigma_source for f in replay.fixes}
    assert sources == {SigmaSource.GST, SigmaSource.ESTIMATED}
    assert replay.epoch_stats.gst_rejected > 0
    assert all(f.sigma_lat is not None and f.sigma_lat < 10 for f in replay.fixes)


def test_rtk_capture_keeps_eight_decimal_minutes(shared_data: Path) -> None:
    replay = replay_bytes(read_capture(shared_data / "nmea" / "nmea-rtk.log").data)
    first = next(f for f in replay.fixes if f.lat is not None)
    assert first.lat == pytest.approx(41 + 34.49795459 / 60, abs=1e-12)
    assert {f.quality for f in replay.fixes} == {2, 4}
