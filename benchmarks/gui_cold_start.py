"""Cold start of `fieldapp demo` to the main window shown, beside a bare pyqtgraph window.

Run: .venv/bin/python benchmarks/gui_cold_start.py [--rounds 7]

Each measurement is a fresh process on the offscreen platform, timed from spawn to the
moment the window has been shown and painted (the child prints CLOCK_MONOTONIC then, which is
shared by all processes), and, second, from spawn to exit:
  fieldapp: `fieldapp demo --job J --exit-when-shown`: the demo job opened, planned markers
            loaded, the views built, the simulator connected, the window shown, the event loop
            run once, the window closed (the link stopped) and the process gone.
  with background: the same on a copy of the demo job with a background map set (the demo's
            starter background; a small generated MBTiles pack around the WIUP when the demo
            job has none): the pack opened and its tiles asked for; they are drawn after the
            first paint, off the GUI thread.
  baseline: a bare script that shows a QMainWindow holding one pyqtgraph PlotWidget and quits
            the same way (the floor of our stack: Python + PySide6 + pyqtgraph + numpy).
The two alternate, so load on the machine hits both alike; each child's CPU time (user +
system) is printed too, as it moves less than wall time on a busy machine. The demo job is
created (and planned) by an untimed warm-up run of each, which also warms the file cache and
compiles the bytecode (into a private cache, as an installed app has it); settings and the job
live in a temporary folder so the user's own are untouched. Goal: median ratio <= 1.5, with
and without a background.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.5

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
import time

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.showMaximized()

def shown():
    print("SHOWN", time.monotonic(), flush=True)
    window.close()

QTimer.singleShot(0, shown)
app.exec()
"""


def _fieldapp() -> list[str]:
    script = Path(sys.executable).with_name("fieldapp")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "fieldapp"]


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawn to shown and to exit, and the child's CPU seconds (user + system)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            text = err.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{text}")
        out.seek(0)
        marks = [ln.split() for ln in out.read().decode().splitlines() if ln.startswith("SHOWN")]
        if not marks:
            raise SystemExit(f"{' '.join(cmd)} never said SHOWN")
    return float(marks[0][1]) - t0, elapsed, usage.ru_utime + usage.ru_stime


def _jobs_with_and_without(job: Path, env: dict[str, str]) -> Path:
    """``job`` left with no background; a copy of it beside with one (the starter, else made)."""
    import shutil

    sys.path.insert(0, str(ROOT))
    from fieldapp.store import JobStore
    from fieldapp.store.backgrounds import add_background, load_backgrounds, remove_background

    with_bg = job.with_name("WIUP-Demo-Latar.fieldapp")
    shutil.copytree(job, with_bg)
    with JobStore.open(with_bg) as store:
        if not load_backgrounds(store):
            from tests.tilekit import make_mbtiles, painter

            lons, lats = zip(*store.db.execute("SELECT lon, lat FROM boundary_point"), strict=True)
            bounds = (min(lons) - 0.01, min(lats) - 0.01, max(lons) + 0.01, max(lats) + 0.01)
            pack = make_mbtiles(job.parent / "latar.mbtiles", bounds, range(12, 16), painter(),
                                "jpg", name="Latar uji")  # fmt: skip
            add_background(store, pack, copy=True)
    with JobStore.open(job) as store:
        for bg in load_backgrounds(store):
            remove_background(store, bg.id)
    return with_bg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7, help="timed runs of each (default 7)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="coldstart-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env.update(XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data")
        # Bytecode cached as in an installed app (this shell may set PYTHONDONTWRITEBYTECODE);
        # a private cache tree, so the working tree gets no __pycache__ folders.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
        job = Path(tmp) / "WIUP-Demo.fieldapp"
        fieldapp = [*_fieldapp(), "demo", "--job", str(job), "--exit-when-shown"]
        bare = [sys.executable, "-c", BARE]
        # Warm-up, untimed: creates and plans the demo job, fills the file cache.
        _timed(fieldapp, env)
        with_bg = _jobs_with_and_without(job, env)
        background = [*_fieldapp(), "demo", "--job", str(with_bg), "--exit-when-shown"]
        _timed(background, env)
        _timed(bare, env)
        names = ("baseline", "fieldapp", "background")
        shown: dict[str, list[float]] = {n: [] for n in names}
        wall: dict[str, list[float]] = {n: [] for n in names}
        cpu: dict[str, list[float]] = {n: [] for n in names}
        for i in range(args.rounds):
            order = [("baseline", bare), ("fieldapp", fieldapp), ("background", background)]
            for name, cmd in order if i % 2 == 0 else order[::-1]:
                s, w, c = _timed(cmd, env)
                shown[name].append(s)
                wall[name].append(w)
                cpu[name].append(c)

    med = statistics.median
    print(f"cold start to main window shown, offscreen, {args.rounds} rounds (alternating)")
    for name, label in (
        ("baseline", "baseline: QMainWindow + PlotWidget"),
        ("fieldapp", "fieldapp demo (job, views, simulator)"),
        ("background", "fieldapp demo, a background set"),
    ):
        print(
            f"  {label:<40} shown median {med(shown[name]):6.3f} s  min {min(shown[name]):6.3f} s"
            f"   to exit {med(wall[name]):6.3f} s   cpu {med(cpu[name]):6.3f} s"
        )
    ratio = med(shown["fieldapp"]) / med(shown["baseline"])
    ratio_min = min(shown["fieldapp"]) / min(shown["baseline"])
    ratio_exit = med(wall["fieldapp"]) / med(wall["baseline"])
    ratio_cpu = med(cpu["fieldapp"]) / med(cpu["baseline"])
    print(
        f"  ratio to shown, median {ratio:.2f}  (min {ratio_min:.2f}; to exit {ratio_exit:.2f};"
        f" cpu {ratio_cpu:.2f})"
    )
    ratio_bg = med(shown["background"]) / med(shown["baseline"])
    ratio_bg_cpu = med(cpu["background"]) / med(cpu["baseline"])
    print(f"  with a background: ratio to shown, median {ratio_bg:.2f}  (cpu {ratio_bg_cpu:.2f})")
    print(f"  goal ratio <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'} without a background,"
          f" {'met' if ratio_bg <= GOAL else 'NOT met'} with one")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
