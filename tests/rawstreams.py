"""Reference frames of the shared raw files, cut by pyubx2/pyrtcm (independent of our framer)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyrtcm import RTCMReader
from pyubx2 import UBXReader

UBX_FILE = ("gnss-raw", "ubx_20080526.ubx")
RTCM_FILE = ("gnss-raw", "GMSD7_20121014.rtcm3")


# pyrtcm takes a second over the RTCM file: parsed once per test session, shared read-only.
@lru_cache(maxsize=4)
def ubx_reference(path: Path) -> list[tuple[bytes, object]]:
    """Every complete UBX frame of the file with pyubx2's parse (NMEA and the cut tail skipped)."""
    with path.open("rb") as handle:
        reader = UBXReader(handle, protfilter=2, quitonerror=0, validate=1)
        return [(raw, parsed) for raw, parsed in reader if parsed is not None]


@lru_cache(maxsize=4)
def rtcm_reference(path: Path) -> list[tuple[bytes, object]]:
    with path.open("rb") as handle:
        reader = RTCMReader(handle, quitonerror=0, validate=1)
        return [(raw, parsed) for raw, parsed in reader if parsed is not None]


def ubx_epochs(reference: list[tuple[bytes, object]]) -> list[tuple[int, int]]:
    """Distinct (week, time of week) of RXM-RAW/RAWX in order, per pyubx2."""
    out: list[tuple[int, int]] = []
    for _, msg in reference:
        identity = getattr(msg, "identity", "")
        if identity == "RXM-RAW":
            key = (msg.week, msg.iTOW)  # type: ignore[attr-defined]
        elif identity == "RXM-RAWX":
            key = (msg.week, round(msg.rcvTow * 1000))  # type: ignore[attr-defined]
        else:
            continue
        if not out or out[-1] != key:
            out.append(key)
    return out


def rtcm_epochs(reference: list[tuple[bytes, object]]) -> int:
    """MSM epochs per pyrtcm: each observation message that clears the multiple-message bit."""
    count = 0
    for _, msg in reference:
        identity = str(getattr(msg, "identity", ""))
        if identity.isdigit() and 1071 <= int(identity) <= 1137 and msg.DF393 == 0:  # type: ignore[attr-defined]
            count += 1
    return count
