"""rnx2rtkp's solution file (llh, hms time, GPS time): the per-epoch lines and the header."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path


class PosFileError(ValueError):
    """A solution file that does not read as rnx2rtkp's llh output."""


@dataclass(frozen=True, slots=True)
class PosEpoch:
    time: dt.datetime  # GPS time
    lat: float
    lon: float
    h: float
    q: int  # 1 fixed, 2 float, 3 SBAS, 4 DGPS, 5 single, 6 PPP
    ns: int
    sdn: float
    sde: float
    sdu: float
    ratio: float | None


@dataclass(frozen=True, slots=True)
class PosFile:
    program: str  # "RTKLIB ver.2.4.3" from the header
    epochs: list[PosEpoch]


def read_pos(path: Path) -> PosFile:
    program = ""
    epochs: list[PosEpoch] = []
    with path.open("r", encoding="ascii", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("%"):
                if "program" in line and ":" in line:
                    program = line.split(":", 1)[1].strip()
                continue
            if not line.strip():
                continue
            epochs.append(_epoch(path, number, line.split()))
    return PosFile(program=program, epochs=epochs)


def _epoch(path: Path, number: int, f: list[str]) -> PosEpoch:
    # date time lat lon h Q ns sdn sde sdu sdne sdeu sdun age ratio
    if len(f) < 10:
        raise PosFileError(f"{path}:{number}: expected at least 10 fields, got {len(f)}")
    try:
        time = dt.datetime.strptime(f"{f[0]} {f[1]}", "%Y/%m/%d %H:%M:%S.%f")
        lat, lon, h = float(f[2]), float(f[3]), float(f[4])
        sdn, sde, sdu = float(f[7]), float(f[8]), float(f[9])
        ratio = float(f[14]) if len(f) > 14 else None
        q, ns = int(f[5]), int(f[6])
    except ValueError as exc:
        raise PosFileError(f"{path}:{number}: {exc}") from None
    if not all(math.isfinite(v) for v in (lat, lon, h, sdn, sde, sdu)):
        raise PosFileError(f"{path}:{number}: a position or sigma is not finite")
    return PosEpoch(time, lat, lon, h, q, ns, sdn, sde, sdu, ratio)
