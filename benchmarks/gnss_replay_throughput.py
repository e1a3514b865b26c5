"""Replay throughput: our full NMEA path (framing + parsing + epochs) against a bare pynmea2 loop.

Run: .venv/bin/python benchmarks/gnss_replay_throughput.py [CAPTURE] [--repeat N]
Both loops run over the same lines of the same capture in the same process; the figure that
matters is the ratio (goal >= 0.8), which is far less machine-dependent than lines/s.
The whole-process figure of issue 16 (interpreter start included, 200,000 lines of every shared
capture, peak RSS, first record) is benchmarks/gnss_replay_stream.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pynmea2

from fieldapp.gnss.capture import read_capture, replay_bytes
from fieldapp.gnss.stream import NmeaStream

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/nmea/quectel-l76k-nmea.log"


def bare_loop(lines: list[str]) -> int:
    ok = 0
    for line in lines:
        try:
            pynmea2.parse(line, check=True)
            ok += 1
        except Exception:  # the bare loop must survive bad lines too
            continue
    return ok


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("capture", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    cap = read_capture(args.capture)
    data = cap.data
    lines = [ln.strip() for ln in data.decode("ascii", "replace").splitlines() if ln.strip()]
    n = len(lines)

    # Interleave the two so both see the same machine state (2 shared cores, other jobs).
    t_ours = t_bare = t_own = float("inf")
    for _ in range(args.repeat):
        t_bare = min(t_bare, best_of(lambda: bare_loop(lines), 1))
        t_ours = min(t_ours, best_of(lambda: replay_bytes(data), 1))
        t_own = min(t_own, best_of(lambda: replay_bytes(data, NmeaStream(via_pynmea2=True)), 1))
    epochs = len(replay_bytes(data).fixes)
    parsed = bare_loop(lines)

    ours = n / t_ours
    bare = n / t_bare
    print(f"capture: {args.capture.name}  lines: {n}  epochs: {epochs}  bare parsed: {parsed}")
    print(f"bare pynmea2.parse(check=True): {bare:12,.0f} lines/s  ({t_bare * 1e3:.1f} ms)")
    print(f"fieldapp NmeaStream (full path): {ours:12,.0f} lines/s  ({t_ours * 1e3:.1f} ms)")
    print(f"ratio ours/bare: {ours / bare:.2f}  (goal >= 0.80)")
    own = n / t_own
    print(
        f"for reference, full path through pynmea2.parse (the tests' reference route): "
        f"{own:,.0f} lines/s, ratio {own / bare:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
