"""Live GNSS over a real pty: (b) epoch latency at 20 Hz, (c) CPU share; each beside a baseline.

Run: .venv/bin/python benchmarks/gnss_live_latency.py [--epochs 400] [--cpu-seconds 20]

The writer is a separate process (so its CPU is not counted) writing simulated multi-GNSS epochs
(GGA RMC 4xGSA GSV for GPS/GLONASS/Galileo/BeiDou, GST) to the pty master. Both processes stamp
with CLOCK_MONOTONIC, which is system-wide on Linux, so write and delivery times compare.
(b) latency = time the Fix reaches the callback - time the epoch's last byte was written.
    Baseline: a bare pyserial loop (read(in_waiting or 1)) that only spots the epoch's last line.
(c) CPU = process CPU time / wall time while ingesting, vs the same link on a silent port.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import tty
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.gnss.sources import SerialSource

RATE_HZ = 20.0


def _sim_config() -> SimConfig:
    return SimConfig(rate_hz=RATE_HZ, sats_per_system=10, target_lat=-0.49, target_lon=117.16)


def writer_main(fd: int, epochs: int, rate: float) -> None:
    """Child process: write `epochs` epochs at `rate` Hz; print [[time_of_day, t_end], ...]."""
    sim = Simulator(_sim_config())
    period = 1.0 / rate
    out = []
    start = time.monotonic() + 0.3
    for i in range(epochs):
        data = sim.next_epoch()
        due = start + i * period
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        out.append([data[7:16].decode(), time.monotonic()])
    json.dump(out, sys.stdout)


def _spawn_writer(master: int, epochs: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, "--writer", str(master), str(epochs), str(RATE_HZ)],
        pass_fds=(master,),
        stdout=subprocess.PIPE,
        text=True,
    )


def _tod_key(fix: Fix) -> str:
    t = fix.time_of_day
    assert t is not None
    return f"{t.hour:02d}{t.minute:02d}{t.second:02d}.{t.microsecond // 10000:02d}"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(name: str, lat_s: list[float]) -> str:
    ms = [v * 1000 for v in lat_s]
    return (
        f"  {name:<34} n={len(ms):4d}  median {statistics.median(ms):6.2f} ms  "
        f"p99 {_percentile(ms, 0.99):6.2f} ms  max {max(ms):6.2f} ms"
    )


def baseline_latency(master: int, slave_path: str, epochs: int) -> list[float]:
    """Bare pyserial: read chunks, note when the epoch's last line (GST) has fully arrived."""
    import serial

    ser = serial.Serial(slave_path, 115200, timeout=0.05)
    arrivals: list[float] = []
    writer = _spawn_writer(master, epochs)
    buf = b""
    deadline = time.monotonic() + epochs / RATE_HZ + 5
    while len(arrivals) < epochs and time.monotonic() < deadline:
        buf += ser.read(ser.in_waiting or 1)
        while True:
            at = buf.find(b"GST,")
            end = buf.find(b"\n", at) if at >= 0 else -1
            if end < 0:
                break
            arrivals.append(time.monotonic())
            buf = buf[end + 1 :]
    written = json.loads(writer.communicate()[0])
    ser.close()
    return [a - w[1] for a, w in zip(arrivals, written, strict=False)]


def link_latency(master: int, slave_path: str, epochs: int) -> tuple[list[float], int]:
    delivered: dict[str, float] = {}
    live = threading.Event()

    def on_fix(fix: Fix) -> None:
        delivered[_tod_key(fix)] = time.monotonic()

    def on_status(s: LinkStatus) -> None:
        if s.state == LinkState.CONNECTING and "waiting" in s.reason:
            live.set()

    link = GnssLink(SerialSource(slave_path, 115200), on_fix, on_status)
    link.start()
    live.wait(5)
    writer = _spawn_writer(master, epochs)
    written = json.loads(writer.communicate()[0])
    time.sleep(0.5)
    link.stop()
    lat = [delivered[tod] - t_end for tod, t_end in written if tod in delivered]
    return lat, len(written) - len(lat)


def cpu_share(master: int, slave_path: str, seconds: float, mode: str) -> tuple[float, int]:
    """Process CPU / wall over `seconds`: mode 'link', 'idle-link' or 'bare'."""
    count = [0]
    stop = threading.Event()
    writer = None
    if mode == "bare":
        import serial

        ser = serial.Serial(slave_path, 115200, timeout=0.05)

        def loop() -> None:
            while not stop.is_set():
                data = ser.read(ser.in_waiting or 1)
                count[0] += data.count(b"\n")

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
    else:
        link = GnssLink(
            SerialSource(slave_path, 115200), lambda f: count.__setitem__(0, count[0] + 1)
        )
        link.start()
    time.sleep(0.3)
    if mode != "idle-link":
        writer = _spawn_writer(master, int(seconds * RATE_HZ) + 40)
    time.sleep(0.5)  # past the writer's start-up
    cpu0, wall0 = time.process_time(), time.monotonic()
    time.sleep(seconds)
    cpu1, wall1 = time.process_time(), time.monotonic()
    if writer is not None:
        writer.communicate()
    if mode == "bare":
        stop.set()
        thread.join(2)
        ser.close()
    else:
        link.stop()
    return (cpu1 - cpu0) / (wall1 - wall0), count[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--epochs", type=int, default=400, help="epochs for the latency runs")
    ap.add_argument("--cpu-seconds", type=float, default=20.0)
    ap.add_argument("--writer", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.writer:
        writer_main(int(args.writer[0]), int(args.writer[1]), float(args.writer[2]))
        return 0

    master, slave = os.openpty()
    tty.setraw(slave)
    slave_path = os.ttyname(slave)
    sample = Simulator(_sim_config()).next_epoch()
    print(
        f"pty {slave_path}; {RATE_HZ:.0f} Hz, {sample.count(b'$')} sentences / "
        f"{len(sample)} bytes per epoch ({len(sample) * RATE_HZ / 1024:.1f} KiB/s)"
    )
    print("(b) latency, last byte of an epoch written -> delivered")
    base = baseline_latency(master, slave_path, args.epochs)
    print(_summary("baseline: bare pyserial line end", base))
    lat, missing = link_latency(master, slave_path, args.epochs)
    print(_summary("GnssLink -> NmeaStream -> Fix", lat) + f"  missing {missing}")
    p99 = _percentile([v * 1000 for v in lat], 0.99)
    print(f"  goal p99 < 20 ms: {'met' if p99 < 20 else 'NOT met'} ({p99:.2f} ms)")

    print(f"(c) CPU share of one core over {args.cpu_seconds:.0f} s")
    idle, _ = cpu_share(master, slave_path, args.cpu_seconds, "idle-link")
    print(f"  baseline: idle GnssLink (no data)     {idle * 100:6.2f} %")
    bare, lines = cpu_share(master, slave_path, args.cpu_seconds, "bare")
    print(f"  baseline: bare pyserial read loop     {bare * 100:6.2f} %  ({lines} lines)")
    busy, n = cpu_share(master, slave_path, args.cpu_seconds, "link")
    print(f"  GnssLink ingesting 20 Hz multi-GNSS   {busy * 100:6.2f} %  ({n} epochs)")
    print(f"  goal < 2 %: {'met' if busy < 0.02 else 'NOT met'}")
    os.close(master)
    os.close(slave)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
