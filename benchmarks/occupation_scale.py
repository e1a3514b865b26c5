"""Occupation cost against its plain replay: a synthetic 4-hour 10 Hz RTK-fixed session.

Run: .venv/bin/python benchmarks/occupation_scale.py [--hours 4] [--hz 10] [--repeat 3]
     [--store] [--old-rev REV]

The capture (RMC+GGA+GSA+GST per epoch, centimetre noise, a slow drift, a few float epochs
and spikes) is generated into a temporary file. Both loops read it the way `marker occupy`
does (``fixes_from_capture``: framing, parsing, epochs); one only iterates the fixes (the
plain replay), the other feeds them to an :class:`Occupation` and asks for the result. The
figure that matters is the ratio (goal < 2), measured in the same run on the same machine.

``--store`` also times the whole `marker occupy` path (every epoch written to a job) for
information. ``--old-rev`` (default: the commit before incremental statistics) loads the old
``survey/occupation.py`` from git and shows its quadratic growth beside the new one at 4,000
and 12,000 epochs; skipped when git or that revision is not available.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import io
import math
import operator
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from fieldapp.commands.marker_occupy import fixes_from_capture
from fieldapp.gnss.fix import Fix
from fieldapp.survey.occupation import Occupation, profile_named

ROOT = Path(__file__).resolve().parents[1]
LAT0, LON0, H0 = -1.3675583, 116.0867625, 42.0
OLD_REV = "ced232d"  # fieldapp before incremental occupation statistics (issue 14)


def _nmea(body: str) -> str:
    return f"${body}*{functools.reduce(operator.xor, body.encode(), 0):02X}\r\n"


def _ddmm(deg: float, width: int) -> str:
    a = abs(deg)
    return f"{int(a):0{width}d}{(a % 1) * 60:011.8f}"


def synthetic_capture(path: Path, epochs: int, hz: float, seed: int = 14) -> None:
    """A static RTK-fixed session: 8 mm / 15 mm noise, 1 float epoch in 300, 1 spike in 2,000."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, [0.008, 0.008, 0.015], size=(epochs, 3))
    kn, ke = 110_574.0, 111_283.0  # metres per degree near the equator: close enough here
    with path.open("w", encoding="ascii", newline="") as f:
        f.write("# synthetic static RTK session for benchmarks/occupation_scale.py\n")
        for i in range(epochs):
            t_s = 3600.0 + i / hz
            hh, rest = divmod(t_s, 3600)
            mm, ss = divmod(rest, 60)
            t = f"{int(hh):02d}{int(mm):02d}{ss:05.2f}"
            dn, de, du = noise[i]
            dn += 0.003 * i / epochs  # a slow drift of a few millimetres
            if i % 2000 == 1999:
                de += 0.35
            q = 5 if i % 300 == 150 else 4
            lat, lon = LAT0 + dn / kn, LON0 + de / ke
            la, lo = _ddmm(lat, 2), _ddmm(lon, 3)
            f.write(
                _nmea(f"GNRMC,{t},A,{la},S,{lo},E,0.0,0.0,050324,,,R,V")
                + _nmea(
                    f"GNGGA,{t},{la},S,{lo},E,{q},24,0.6,{H0 - 10.0 + du:.4f},M,10.0,M,1.0,0001"
                )
                + _nmea("GNGSA,A,3,01,02,03,04,05,06,07,08,09,10,11,12,1.2,0.6,1.0,1")
                + _nmea(f"GNGST,{t},0.5,0.012,0.009,30.0,0.010,0.011,0.018")
            )


def replay(path: Path) -> int:
    n = 0
    for _ in fixes_from_capture(path):
        n += 1
    return n


def occupy(path: Path) -> int:
    occ = Occupation(profile_named("default"))
    for fix in fixes_from_capture(path):
        occ.add(fix)
    return occ.result().epochs_used


def occupy_store(path: Path, folder: Path) -> int:
    """The whole `marker occupy` in this process: a job, every epoch stored, the result."""
    from fieldapp.cli import main
    from fieldapp.store import JobStore
    from fieldapp.store.records import replace_boundary_points
    from fieldapp.survey.models import BoundaryPoint

    job = folder / f"bench-{time.monotonic_ns()}.fieldapp"
    store = JobStore.create(job, "bench")
    corners = [(LAT0, LON0), (LAT0, LON0 + 0.01), (LAT0 - 0.01, LON0 + 0.01), (LAT0 - 0.01, LON0)]
    points = [
        BoundaryPoint(str(i), la, lo, f"{la}", f"{lo}") for i, (la, lo) in enumerate(corners, 1)
    ]
    replace_boundary_points(store.db, points)
    store.close()
    with contextlib.redirect_stdout(io.StringIO()):  # its report is not the benchmark's
        main(["marker", "add", str(job), "1", "--lat", str(LAT0), "--lon", str(LON0)])
        return main(["marker", "occupy", str(job), "1", "--replay", str(path), "--no-stake"])


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def old_module(rev: str) -> ModuleType | None:
    try:
        source = subprocess.run(
            ["git", "show", f"{rev}:fieldapp/survey/occupation.py"], cwd=ROOT,
            capture_output=True, check=True, text=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    spec = importlib.util.spec_from_loader("occupation_old", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["occupation_old"] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:occupation.py", "exec"), module.__dict__)
    return module


def feed(cls: Callable[[], Any], fixes: list[Fix]) -> tuple[float, Any, list[tuple[bool, str]]]:
    """Time, result and (provisional + final) verdicts of one implementation."""
    occ = cls()
    t0 = time.perf_counter()
    live = [occ.add(f) for f in fixes]
    result = occ.result()
    elapsed = time.perf_counter() - t0
    final = occ.verdicts() if hasattr(occ, "verdicts") else [r.verdict for r in occ.epochs()]
    return elapsed, result, [(v.used, str(v.reason)) for v in (*live, *final)]


def _largest_difference_m(a: Any, b: Any) -> float:
    """The largest difference of mean position (as metres), height and scatter."""
    kn, ke = 110_574.0, 111_283.0
    pairs = [(a.lat, b.lat, kn), (a.lon, b.lon, ke), (a.h, b.h, 1.0), (a.std_n_m, b.std_n_m, 1.0),
             (a.std_e_m, b.std_e_m, 1.0), (a.std_u_m, b.std_u_m, 1.0)]  # fmt: skip
    return max(abs(x - y) * k for x, y, k in pairs)


def scaling(folder: Path, hz: float, sizes: tuple[int, ...], rev: str) -> None:
    old = old_module(rev)
    if old is None:
        print(f"old implementation ({rev}) not available from git: scaling figure skipped")
        return
    path = folder / "scaling.nmea"
    synthetic_capture(path, max(sizes), hz)
    fixes = list(fixes_from_capture(path))
    print(f"\nold ({rev}) vs new occupation, fixes already parsed:")
    print(f"{'epochs':>8} {'old s':>8} {'new s':>8} {'old/new':>8} {'old us/ep':>10} "
          f"{'new us/ep':>10}  same verdicts  largest difference")  # fmt: skip
    for n in sizes:
        t_old, r_old, v_old = feed(old.Occupation, fixes[:n])
        t_new, r_new, v_new = feed(Occupation, fixes[:n])
        same = (
            "yes"
            if v_old == v_new
            else f"no ({sum(a != b for a, b in zip(v_old, v_new, strict=True))})"
        )
        print(f"{n:8,} {t_old:8.2f} {t_new:8.3f} {t_old / t_new:8.0f} "
              f"{t_old / n * 1e6:10.0f} {t_new / n * 1e6:10.1f}  {same:>13}  "
              f"{_largest_difference_m(r_old, r_new):.1e} m")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--hours", type=float, default=4.0)
    ap.add_argument("--hz", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", action="store_true", help="also time the whole marker occupy")
    ap.add_argument("--old-rev", default=OLD_REV, help="git revision of the old occupation")
    ap.add_argument("--no-old", action="store_true", help="skip the old-vs-new scaling figure")
    args = ap.parse_args()
    epochs = int(args.hours * 3600 * args.hz)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "session.nmea"
        t_gen = timed(lambda: synthetic_capture(path, epochs, args.hz))
        size_mb = path.stat().st_size / 1e6
        print(f"synthetic session: {epochs:,} epochs at {args.hz:g} Hz, {size_mb:.0f} MB "
              f"(generated in {t_gen:.1f} s)")  # fmt: skip
        n_fix = replay(path)
        used = occupy(path)
        # Interleaved, best of N: both loops see the same machine state.
        t_replay = t_occ = math.inf
        for _ in range(args.repeat):
            t_replay = min(t_replay, timed(lambda: replay(path)))
            t_occ = min(t_occ, timed(lambda: occupy(path)))
        print(f"plain replay (read + parse + epochs): {t_replay:7.2f} s  {n_fix:,} fixes")
        print(f"replay + occupation + result:          {t_occ:7.2f} s  {used:,} epochs used")
        ratio = t_occ / t_replay
        print(f"ratio occupation/replay: {ratio:.2f}  (goal < 2)  "
              f"occupation alone {(t_occ - t_replay) / n_fix * 1e6:.1f} us/epoch")  # fmt: skip
        if args.store:
            t_store = timed(lambda: occupy_store(path, Path(tmp)))
            print(f"whole marker occupy (every epoch stored): {t_store:7.2f} s, "
                  f"ratio to replay {t_store / t_replay:.2f}")  # fmt: skip
        if not args.no_old:
            scaling(Path(tmp), args.hz, (4000, 12000), args.old_rev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
