"""Raw receiver logs (UBX, RTCM 3) to RINEX 3.04 observation + navigation with RTKLIB's convbin."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from fieldapp.gnss.rtklib_engine import EngineFailed, run_program

# convbin 2.4.3's own default; RINEX 3 is needed for multi-GNSS observation codes (GPS L2C,
# Galileo, BeiDou) and both RTKLIB and our scanner read it.
RINEX_VERSION = "3.04"
FORMATS = {"ubx": "ubx", "rtcm3": "rtcm3"}


class ConversionError(ValueError):
    """convbin produced no usable observations from a raw log."""


@dataclass(frozen=True, slots=True)
class Converted:
    source: Path
    obs: Path
    nav: Path


def convert_raw(
    convbin: Path,
    source: Path,
    kind: str,
    work_dir: Path,
    name: str,
    *,
    approx_start: dt.datetime | None = None,
    cancel: threading.Event | None = None,
) -> Converted:
    """Writes `name.obs` and `name.nav` into work_dir.

    RTCM 3 observations carry the time of week only: convbin takes the week from
    `approx_start` (-tr, which must be within half a week of the data) or else, on its own,
    from the file's modification time, so a log copied days later needs approx_start.
    """
    if kind not in FORMATS:
        raise ValueError(f"{source}: {kind!r} is not a raw format convbin is given ({FORMATS})")
    # RTKLIB opens files with the C library: a copy under a plain ASCII name in the work
    # folder keeps a non-ASCII job path (Windows code pages) out of its way.
    local = work_dir / f"{name}.{kind}"
    shutil.copyfile(source, local)
    # -od -os: Doppler and SNR too (off unless asked for in 2.4.3, whatever its help says).
    args = [str(convbin), "-r", FORMATS[kind], "-v", RINEX_VERSION, "-od", "-os"]
    if kind == "rtcm3" and approx_start is not None:
        args += ["-tr", approx_start.strftime("%Y/%m/%d"), approx_start.strftime("%H:%M:%S")]
    args += ["-o", f"{name}.obs", "-n", f"{name}.nav", local.name]
    try:
        run_program(args, cwd=work_dir, cancel=cancel)
    except EngineFailed as exc:
        raise ConversionError(f"{source}: convbin could not convert it: {exc}") from None
    obs, nav = work_dir / f"{name}.obs", work_dir / f"{name}.nav"
    if not obs.is_file() or obs.stat().st_size == 0:
        raise ConversionError(f"{source}: convbin found no observations in it")
    if not nav.is_file():
        nav.write_text("")
    return Converted(source=source, obs=obs, nav=nav)
