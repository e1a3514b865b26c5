"""CPU the window costs under a live 20 Hz receiver, beside the link alone; job open at scale.

Run: .venv/bin/python benchmarks/gui_cpu.py [--seconds 30] [--rounds 3] [--open-rounds 5]
                                             [--profile]

Part 1, CPU share of one core. Each side runs in its own child process, so the measured
process is that side alone; the NMEA feeder is a third process (a grandchild) writing 20 Hz
simulated RTK-fixed epochs (GGA RMC GSA GSV GST, four constellations, the rover walking to
the selected marker, as in gui_responsiveness.py) into the master end of os.openpty():
  window:   the main window (offscreen, 1366x768) with the planned demo job, on the stake-out
            tab, its DeviceAdapter reading the pty slave through SerialSource/GnssLink with
            the raw log written into the job, as `Hubungkan` does;
  baseline: the same QApplication and DeviceAdapter on the same kind of feed, no window (the
            receiver link alone: reader thread, NMEA parsing, raw log, queued signals).
  map tab:  the same window on the map tab (informative, no goal: the live position moves).
Each child settles 2 s, then counts its own CPU time (user + system, all threads) over
--seconds of event loop and prints it as a share of one core. Rounds alternate the two.
Goal: window - baseline < 5 % of one core. --profile prints the window child's cProfile top.

Part 2, opening a job: a fresh process per measurement (alternating), its window already up
with another job open (imports warm, as when a surveyor switches jobs), times open_job() of
the demo job (planned) and of a 1,000-marker job (the demo job with 1,000 markers along its
boundary, as benchmarks/reports_build.py lays them) up to the map painted with its labels
placed. Goal: 1,000-marker job / demo job <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RATE_HZ = 20.0
GOAL_CPU_PCT = 5.0
GOAL_OPEN_RATIO = 1.5
SETTLE_S = 2.0
MARKERS = 1000


def feed(fd: int, lat: float, lon: float, seconds: float) -> None:
    """Grandchild: writes 20 Hz epochs into the pty master ``fd`` for ``seconds``."""
    from fieldapp.gnss.simulator import SimConfig, Simulator

    cfg = SimConfig(start_lat=lat - 0.00008, start_lon=lon - 0.00006, target_lat=lat,
                    target_lon=lon, speed_mps=1.2, rate_hz=RATE_HZ, quality=4,
                    sats_per_system=10, height_m=60.0)  # fmt: skip
    sim = Simulator(cfg)
    period = 1.0 / RATE_HZ
    start = time.monotonic()
    epochs = 0
    while time.monotonic() - start < seconds:
        view = memoryview(sim.next_epoch())
        while view:
            view = view[os.write(fd, view) :]
        epochs += 1
        delay = start + epochs * period - time.monotonic()
        if delay > 0:
            time.sleep(delay)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(tmp / "home"))
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return env


def _isolate(tmp: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["FIELDAPP_HOME"] = str(tmp / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "cfg"))


def make_demo(path: Path) -> None:
    from fieldapp.demo_job import create_demo_job
    from fieldapp.ui.demo import ensure_planned

    with create_demo_job(path) as store:
        ensure_planned(store)


def make_big(path: Path, n_markers: int = MARKERS) -> None:
    """The demo job with ``n_markers`` markers evenly along its boundary (reports_build.py)."""
    from fieldapp.demo_job import create_demo_job
    from fieldapp.demo_many import markers_along_boundary
    from fieldapp.store import records as rec

    with create_demo_job(path) as store:
        ring = rec.load_boundary_points(store.db)
        rec.upsert_markers(store.db, markers_along_boundary(ring, n_markers))


def child_cpu(role: str, job: Path, seconds: float, tmp: Path, profile: bool) -> dict[str, float]:
    """One side of part 1 in this process: its CPU share over ``seconds`` of event loop."""
    import tty

    _isolate(tmp)
    from PySide6.QtCore import QEventLoop, QTimer

    from fieldapp.gnss.sources import SerialSource
    from fieldapp.store import JobStore
    from fieldapp.ui.app import create_app
    from fieldapp.ui.device_adapter import DeviceAdapter
    from fieldapp.ui.main_window import MainWindow

    app = create_app()
    store = JobStore.open(job)
    window = None
    if role != "baseline":
        window = MainWindow()
        window.set_store(store)
        window.resize(1366, 768)
        window.show()
        page = window.stakeout_page if role == "stakeout" else window.tabs.widget(0)
        window.tabs.setCurrentWidget(page)  # the page holds the view: the tab is the page
        window.stakeout_page.view()  # built either way: stake-out guidance runs every epoch
        assert window.tabs.currentWidget() is page
        adapter = window.adapter
        session = window.session
        assert session is not None and session.selected is not None
        marker = session.layers.marker(session.selected)
    else:
        from fieldapp.store import records as rec

        adapter = DeviceAdapter()
        marker = rec.load_markers(store.db)[0]
    assert marker is not None
    master, slave = os.openpty()
    tty.setraw(slave)
    adapter.connect_source(SerialSource(os.ttyname(slave), 115200), raw_dir=store.raw_dir)
    feeder = subprocess.Popen(
        [sys.executable, __file__, "--feed", str(master), str(marker.lat), str(marker.lon),
         str(SETTLE_S + seconds + 2)],
        pass_fds=(master,), env=_env(tmp),
    )  # fmt: skip

    def loop(s: float) -> None:
        ev = QEventLoop()
        QTimer.singleShot(int(s * 1000), ev.quit)
        ev.exec()

    loop(SETTLE_S)
    epochs0 = adapter.epochs
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    cpu0, t0 = time.process_time(), time.monotonic()
    loop(seconds)
    cpu, wall = time.process_time() - cpu0, time.monotonic() - t0
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    epochs = adapter.epochs - epochs0
    feeder.kill()
    feeder.wait()
    adapter.disconnect_device()
    if window is not None:
        window.close()
    else:
        store.close()
    os.close(master)
    os.close(slave)
    app.processEvents()
    return {"cpu_pct": 100 * cpu / wall, "epochs": epochs, "wall": wall}


def child_open(job: Path, warm: Path, tmp: Path) -> dict[str, float]:
    """Part 2 in this process: open ``warm``, then time opening ``job`` to the map painted."""
    _isolate(tmp)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.app import create_app
    from fieldapp.ui.main_window import MainWindow

    app = create_app()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.open_job(warm)
    # The loop runs past the outbox's delayed start (1.5 s), as it would for a surveyor.
    ev = QEventLoop()
    QTimer.singleShot(1800, ev.quit)
    ev.exec()
    window.grab()
    t0 = time.perf_counter()
    window.open_job(job)
    QApplication.processEvents()
    window.map.declutter()  # the labels placed now, not when the timer would have fired
    window.grab()  # painted: every item, every label
    elapsed = time.perf_counter() - t0
    markers = len(window.map._layers.markers) if window.map._layers else 0
    window.close()
    app.processEvents()
    return {"open_s": elapsed, "markers": markers}


def _run_child(args: list[str], tmp: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, *args], env=_env(tmp), check=True,
                         stdout=subprocess.PIPE, text=True).stdout  # fmt: skip
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=30.0, help="measured seconds per child")
    ap.add_argument("--rounds", type=int, default=3, help="CPU rounds of each (default 3; 0: none)")
    ap.add_argument("--open-rounds", type=int, default=5, help="job-open rounds (default 5)")
    ap.add_argument("--profile", action="store_true", help="cProfile the window children")
    ap.add_argument("--no-map-tab", dest="map_tab", action="store_false",
                    help="skip the (informative) map-tab run")  # fmt: skip
    ap.add_argument("--feed", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.feed:
        fd, lat, lon, secs = args.feed
        feed(int(fd), float(lat), float(lon), float(secs))
        return 0
    if args.child:
        kind, *rest = args.child
        if kind == "cpu":
            role, job, secs, tmp, prof = rest
            result = child_cpu(role, Path(job), float(secs), Path(tmp), prof == "1")
        else:
            job, warm, tmp = rest
            result = child_open(Path(job), Path(warm), Path(tmp))
        print(json.dumps(result))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="gui-cpu-"))
    try:
        demo, demo2, big = tmp / "Demo.fieldapp", tmp / "Warm.fieldapp", tmp / "Big.fieldapp"
        make_demo(demo)
        make_demo(demo2)
        make_big(big)
        roles = ["baseline", "stakeout", "map"] if args.map_tab else ["baseline", "stakeout"]
        cpu: dict[str, list[float]] = {r: [] for r in roles}
        epochs: dict[str, list[float]] = {r: [] for r in roles}
        for i in range(args.rounds):
            for role in roles if i % 2 == 0 else roles[::-1]:
                prof = "1" if args.profile and role != "baseline" and i == 0 else "0"
                r = _run_child(["--child", "cpu", role, str(demo), str(args.seconds), str(tmp),
                                prof], tmp)  # fmt: skip
                cpu[role].append(r["cpu_pct"])
                epochs[role].append(r["epochs"])
        opened: dict[str, list[float]] = {"demo": [], "big": []}
        counts = {}
        for i in range(args.open_rounds):
            order = [("demo", demo), ("big", big)]
            for name, job in order if i % 2 == 0 else order[::-1]:
                r = _run_child(["--child", "open", str(job), str(demo2), str(tmp)], tmp)
                opened[name].append(r["open_s"])
                counts[name] = int(r["markers"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    med = statistics.median
    if args.rounds > 0:
        print(f"CPU share of one core, {RATE_HZ:.0f} Hz NMEA on a pty, {args.seconds:.0f} s per"
              f" child, {args.rounds} rounds (alternating), medians")  # fmt: skip
        base, ours = med(cpu["baseline"]), med(cpu["stakeout"])
        labels = {
            "baseline": "baseline: link alone (no window)",
            "stakeout": "window, stake-out tab (the goal)",
            "map": "window, map tab (info)",
        }
        for role in roles:
            print(
                f"  {labels[role]:<34} {med(cpu[role]):6.2f} %   epochs {med(epochs[role]):4.0f}"
                f"   runs {_fmt(cpu[role])}"
            )
        if "map" in cpu:
            print(f"  map tab - baseline {med(cpu['map']) - base:.2f} % of a core (no goal)")
        diff = ours - base
        print(
            f"  window - baseline {diff:.2f} % of a core (ratio {ours / base:.2f});"
            f" goal < {GOAL_CPU_PCT:.0f} %: {'PASS' if diff < GOAL_CPU_PCT else 'FAIL'}"
        )
    if not args.open_rounds:
        return 0
    print(f"opening a job to the map painted, {args.open_rounds} rounds (alternating), medians")
    d, b = med(opened["demo"]), med(opened["big"])
    for name, value, label in (("demo", d, f"baseline: demo job ({counts['demo']} markers)"),
                               ("big", b, f"{counts['big']}-marker job")):  # fmt: skip
        print(f"  {label:<34} {value:6.3f} s   runs {_fmt(opened[name], 3)}")
    ratio = b / d
    print(f"  ratio {ratio:.2f}; goal <= {GOAL_OPEN_RATIO}: "
          f"{'PASS' if ratio <= GOAL_OPEN_RATIO else 'FAIL'}")  # fmt: skip
    return 0


def _fmt(values: list[float], digits: int = 2) -> str:
    return " ".join(f"{v:.{digits}f}" for v in values)


if __name__ == "__main__":
    raise SystemExit(main())
