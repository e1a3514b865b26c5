"""A static baseline by RTKLIB (rnx2rtkp), from raw logs or RINEX, read back as a solution.

Epochs: rnx2rtkp runs with one output line per epoch (out-solstatic=all) and the epochs
counted are those lines: the epochs the solution actually rests on. Counting common epochs in
the two RINEX files would count epochs RTKLIB could not pair (its 5 ms time-tag tolerance: the
GEONET pair's last five epochs differ by 9 ms) or could not solve, and overstate the session.
The last line is the final static solution (the filter has accumulated every epoch by then).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import shutil
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.gnss.baseline import BaselineSolution, FixState, GeodeticPosition, StaticSettings
from fieldapp.gnss.ecef import ecef_to_enu, ecef_to_geodetic, geodetic_to_ecef
from fieldapp.gnss.obsfiles import ObsFile, ObsFileError, identify
from fieldapp.gnss.rinex import RinexNav, RinexObs, gpst_iso, scan_rinex
from fieldapp.gnss.rtklib_conf import static_options
from fieldapp.gnss.rtklib_convert import ConversionError, convert_raw
from fieldapp.gnss.rtklib_engine import (
    INSTALL_HINT,
    EngineFailed,
    EngineMissing,
    ProcessingCancelled,
    engine_version,
    find_engine,
    run_program,
)
from fieldapp.gnss.rtklib_pos import PosEpoch, PosFileError, read_pos

__all__ = [
    "BaselineError",
    "EngineMissing",
    "ProcessingCancelled",
    "process_static",
]

Progress = Callable[[float, str], None]
_PROCESSING = re.compile(r"processing : (\d{4})/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)")
# How far from an ephemeris' epoch it is still used (RTKLIB: 2 h for GPS, MAXDTOE).
NAV_MARGIN = dt.timedelta(hours=3)
# Share of the progress bar the conversions of raw logs take before rnx2rtkp runs.
_CONVERT_SHARE = 0.1


class BaselineError(ValueError):
    """Input that cannot give a baseline: the message names the file and what is missing."""


@dataclass(frozen=True, slots=True)
class _Side:
    """One end of the baseline once its files are RINEX: observation file, its scan, navs."""

    label: str  # "rover" or "base"
    source: Path  # the file the user gave (raw log or RINEX)
    obs: Path  # RINEX observation file in the work folder
    scan: RinexObs
    navs: list[_Nav]


@dataclass(frozen=True, slots=True)
class _Nav:
    """A navigation file copied into (or converted in) the work folder, with its time span."""

    source: Path
    copy: Path
    first: dt.datetime | None
    last: dt.datetime | None


def process_static(
    rover_files: Sequence[Path],
    base_files: Sequence[Path],
    base_position: GeodeticPosition | None,
    settings: StaticSettings,
    *,
    work_dir: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BaselineSolution:
    """The rover's static position relative to the base (see the module docstring)."""
    engine = find_engine()
    rnx2rtkp = engine.program("rnx2rtkp")  # EngineMissing before any work is done
    work_dir.mkdir(parents=True, exist_ok=True)
    report = progress or (lambda _f, _m: None)
    rover_in = [_identify(Path(p)) for p in rover_files]
    base_in = [_identify(Path(p)) for p in base_files]
    approx = _approx_start(rover_in + base_in)
    rover = _prepare("rover", rover_in, work_dir, engine.convbin, approx, report, cancel)
    base = _prepare("base", base_in, work_dir, engine.convbin, approx, report, cancel)
    navs = rover.navs + base.navs
    if not navs:
        raise BaselineError(
            f"{rover.source}: no navigation data: give the broadcast ephemeris (a RINEX "
            "navigation file, .nav or .YYn) with the observations, or a raw log with them"
        )
    _check_overlap(rover, base)
    _check_nav_span(navs, _span(rover.scan, base.scan))
    base_xyz = _base_xyz(base, base_position)
    conf = work_dir / "static.conf"
    conf.write_text(static_options(settings, base_xyz), encoding="ascii")
    out = work_dir / "baseline.pos"
    out.unlink(missing_ok=True)
    args = [str(rnx2rtkp), "-k", conf.name, "-o", out.name]
    if settings.interval_s:
        args += ["-ti", f"{settings.interval_s:g}"]
    args += [_rel(rover.obs, work_dir), _rel(base.obs, work_dir)]
    args += [_rel(n.copy, work_dir) for n in navs]
    watch = _ProgressLine(_span(rover.scan, base.scan), report)
    try:
        run_program(args, cwd=work_dir, cancel=cancel, on_stderr_line=watch)
    except EngineFailed as exc:
        raise BaselineError(f"{rover.source} against {base.source}: {exc}") from None
    try:
        pos = read_pos(out) if out.is_file() else None
    except PosFileError as exc:
        raise BaselineError(f"rnx2rtkp's solution does not read back: {exc}") from None
    if pos is None or not pos.epochs:
        raise BaselineError(
            f"{rover.source}: no solution against {base.source}: rnx2rtkp solved no epoch "
            "(too few common satellites above the mask, or epochs that do not pair)"
        )
    report(1.0, "done")
    version = engine_version(rnx2rtkp)
    base_llh = base_position or GeodeticPosition(*ecef_to_geodetic(*base_xyz))
    engine_name = f"RTKLIB rnx2rtkp {version}"
    return _solution(pos.epochs, base_xyz, base_llh, settings, rover.scan, engine_name)


def _identify(path: Path) -> ObsFile:
    try:
        return identify(path)
    except ObsFileError as exc:
        raise BaselineError(str(exc)) from None


def _approx_start(files: list[ObsFile]) -> dt.datetime | None:
    """A time near the data for convbin's RTCM 3 week: the first dated file's first epoch."""
    for f in files:
        if f.first_gpst:
            return dt.datetime.fromisoformat(f.first_gpst)
    return None


def _prepare(
    label: str,
    files: list[ObsFile],
    work_dir: Path,
    convbin: Path | None,
    approx: dt.datetime | None,
    report: Progress,
    cancel: threading.Event | None,
) -> _Side:
    observations = [f for f in files if f.kind != "rinex-nav"]
    if len(observations) != 1:
        names = ", ".join(str(f.path) for f in observations) or "none"
        raise BaselineError(
            f"{label}: expected exactly one observation file (raw log or RINEX observation), "
            f"got {len(observations)}: {names}"
        )
    source = observations[0]
    navs: list[_Nav] = []
    for i, f in enumerate(x for x in files if x.kind == "rinex-nav"):
        copy = work_dir / f"{label}-nav{i + 1}.nav"
        shutil.copyfile(f.path, copy)
        navs.append(_Nav(f.path, copy, _time(f.first_gpst), _time(f.last_gpst)))
    if source.kind == "rinex-obs":
        obs = work_dir / f"{label}.obs"
        shutil.copyfile(source.path, obs)
        # identify() has read it through already (a day at 1 s takes a second or two).
        return _Side(label, source.path, obs, _obs_header(source, obs), navs)
    if convbin is None:
        raise EngineMissing(f"RTKLIB's convbin not found (needed for raw logs); {INSTALL_HINT}")
    report(0.0, f"converting {source.path.name}")
    try:
        converted = convert_raw(
            convbin,
            source.path,
            source.kind,
            work_dir,
            label,
            approx_start=approx,
            cancel=cancel,
        )
    except ConversionError as exc:
        raise BaselineError(str(exc)) from None
    obs = converted.obs
    nav = _nav_scan(converted.nav)
    if nav is not None and nav.records:
        navs.append(_Nav(source.path, converted.nav, nav.first, nav.last))
    try:
        scan = scan_rinex(obs)
    except ValueError as exc:
        raise BaselineError(f"{source.path}: convbin's RINEX does not read back: {exc}") from None
    if not isinstance(scan, RinexObs) or scan.epochs == 0:
        raise BaselineError(f"{source.path}: convbin found no observation epochs in it")
    return _Side(label=label, source=source.path, obs=obs, scan=scan, navs=navs)


def _obs_header(f: ObsFile, copy: Path) -> RinexObs:
    assert f.first_gpst and f.last_gpst  # identify() refuses a file without epochs
    return RinexObs(
        path=copy,
        version=f.rinex_version or "",
        marker_name=f.marker_name or "",
        receiver=f.receiver or "",
        antenna_type=f.antenna_type or "",
        approx_xyz=f.approx_xyz,
        antenna_delta_hen=f.antenna_delta_hen or (0.0, 0.0, 0.0),
        interval_s=f.interval_s,
        epochs=f.epochs,
        first=dt.datetime.fromisoformat(f.first_gpst),
        last=dt.datetime.fromisoformat(f.last_gpst),
    )


def _nav_scan(path: Path) -> RinexNav | None:
    try:
        scan = scan_rinex(path)
    except ValueError:
        return None
    return scan if isinstance(scan, RinexNav) else None


def _time(iso: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(iso) if iso else None


def _check_nav_span(navs: list[_Nav], span: tuple[dt.datetime, dt.datetime]) -> None:
    # Broadcast ephemerides serve a couple of hours around their epoch: navigation files of
    # another day are refused by name rather than left to RTKLIB, which would solve nothing.
    margin = NAV_MARGIN
    for nav in navs:
        if nav.first is None or nav.last is None:
            return  # times not readable: let RTKLIB judge
        if nav.first - margin <= span[1] and nav.last + margin >= span[0]:
            return
    names = ", ".join(str(n.source) for n in navs)
    times = "; ".join(f"{gpst_iso(n.first)} to {gpst_iso(n.last)}" for n in navs)
    raise BaselineError(
        f"{names}: no navigation data for the observations ({gpst_iso(span[0])} to "
        f"{gpst_iso(span[1])} GPS time): its ephemerides are from {times}; give the "
        "navigation file of the same day"
    )


def _check_overlap(rover: _Side, base: _Side) -> None:
    r, b = rover.scan, base.scan
    assert r.first and r.last and b.first and b.last  # epochs > 0 was checked
    if max(r.first, b.first) > min(r.last, b.last):
        raise BaselineError(
            f"{rover.source}: no common epochs with the base {base.source}: rover "
            f"{gpst_iso(r.first)} to {gpst_iso(r.last)}, base {gpst_iso(b.first)} to "
            f"{gpst_iso(b.last)} (GPS time)"
        )


def _base_xyz(base: _Side, given: GeodeticPosition | None) -> tuple[float, float, float]:
    if given is not None:
        lat, lon, h = given.lat, given.lon, given.h
        if not (
            all(math.isfinite(v) for v in (lat, lon, h))
            and -90 <= lat <= 90
            and -180 <= lon <= 180
            and -1000 <= h <= 10000
        ):
            raise BaselineError(
                f"{base.source}: the base position given ({lat}, {lon}, {h}) is not a position "
                "(latitude -90..90, longitude -180..180 degrees, height -1000..10000 m)"
            )
        return geodetic_to_ecef(lat, lon, h)
    if base.scan.approx_xyz is None:
        raise BaselineError(
            f"{base.source}: no base position: its RINEX header has no APPROX POSITION XYZ; "
            "give the base position (LAT LON H)"
        )
    return base.scan.approx_xyz


def _rel(path: Path, work_dir: Path) -> str:
    return str(path.relative_to(work_dir)) if path.is_relative_to(work_dir) else str(path)


def _span(rover: RinexObs, base: RinexObs) -> tuple[dt.datetime, dt.datetime]:
    assert rover.first and rover.last and base.first and base.last
    return max(rover.first, base.first), min(rover.last, base.last)


class _ProgressLine:
    """Turns rnx2rtkp's "processing : yyyy/mm/dd hh:mm:ss" lines into fractions of the span.

    It prints one per epoch (86,400 for a day at 1 s): only steps of half a percent are passed
    on, so a window's progress bar is not flooded.
    """

    STEP = 0.005

    def __init__(self, span: tuple[dt.datetime, dt.datetime], report: Progress) -> None:
        self.span = span
        self.report = report
        self.last = -1.0

    def __call__(self, line: str) -> None:
        m = _PROCESSING.search(line)
        if m is None:
            return
        year, month, day, hour, minute, second = (int(g) for g in m.groups())
        t = dt.datetime(year, month, day, hour, minute, second)
        total = (self.span[1] - self.span[0]).total_seconds()
        done = (t - self.span[0]).total_seconds() / total if total > 0 else 1.0
        fraction = _CONVERT_SHARE + (1 - _CONVERT_SHARE) * min(1.0, max(0.0, done))
        if fraction - self.last >= self.STEP:
            self.last = fraction
            self.report(fraction, f"processing {t.isoformat(sep=' ')} GPST")


def _fix(q: int) -> FixState:
    return FixState.FIXED if q == 1 else FixState.FLOAT if q == 2 else FixState.OTHER


def _interval(epochs: list[PosEpoch], settings: StaticSettings, rover: RinexObs) -> float:
    steps = Counter(
        round((b.time - a.time).total_seconds(), 2) for a, b in itertools.pairwise(epochs)
    )
    if steps:
        return float(steps.most_common(1)[0][0])
    return float(settings.interval_s or rover.interval_s or 0.0)


def _solution(
    epochs: list[PosEpoch],
    base_xyz: tuple[float, float, float],
    base: GeodeticPosition,
    settings: StaticSettings,
    rover: RinexObs,
    engine: str,
) -> BaselineSolution:
    final = epochs[-1]
    interval = _interval(epochs, settings, rover)
    rover_xyz = geodetic_to_ecef(final.lat, final.lon, final.h)
    vector = (
        rover_xyz[0] - base_xyz[0],
        rover_xyz[1] - base_xyz[1],
        rover_xyz[2] - base_xyz[2],
    )
    start, end = epochs[0].time, final.time
    return BaselineSolution(
        position=GeodeticPosition(final.lat, final.lon, final.h),
        fix=_fix(final.q),
        ratio=final.ratio,
        sigma_e_m=final.sde,
        sigma_n_m=final.sdn,
        sigma_u_m=final.sdu,
        base=base,
        baseline_m=math.sqrt(sum(c * c for c in vector)),
        vector_ecef_m=vector,
        vector_enu_m=ecef_to_enu(vector, base.lat, base.lon),
        epochs=len(epochs),
        start_gpst=gpst_iso(start) or "",
        end_gpst=gpst_iso(end) or "",
        # Each epoch stands for one interval: 120 epochs at 30 s are a 1 h session.
        duration_s=(end - start).total_seconds() + interval,
        interval_s=interval,
        elevation_mask_deg=settings.elevation_mask_deg,
        rover_antenna_height_m=settings.rover_antenna_height_m,
        base_antenna_height_m=settings.base_antenna_height_m,
        engine=engine,
    )
