"""Streaming replay, whole process: `fieldapp gnss replay FILE --jsonl` against a bare pynmea2 loop.

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/gnss_replay_stream.py [--repeat N] [--lines N]
     [--rss-lines N]

The input is built from every ``.log`` in ``../shared/data/nmea``: the lines beginning with
``$`` that carry a checksum, concatenated and cycled to ``--lines`` (200,000). Goals (issue 16):

- throughput: the replay process (interpreter start included, stdout to /dev/null)
  >= 0.8x a bare loop in its own child process that reads the same file and calls
  ``pynmea2.parse(line, check=True)`` on each line (interpreter start included too); medians
  of ``--repeat`` runs, the two interleaved so both see the same machine state;
- peak RSS of the replay process on ``--rss-lines`` (2,000,000) lines < 80 MB, read from the
  kernel (``os.wait4`` rusage of that one child);
- the first JSONL record on stdout < 1 s after the process was started (read from a pipe).

Figures on a shared machine vary with its load (4 helpers on 2 cores gave 0.58-0.89 for the
same code); the ratio from CPU time, printed beside it, is the steadier one.
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

ROOT = Path(__file__).resolve().parents[1]
NMEA_DIR = ROOT.parent / "shared" / "data" / "nmea"

BARE = """
import sys
import pynmea2
ok = 0
with open(sys.argv[1], encoding="ascii", errors="replace") as fh:
    for line in fh:
        try:
            pynmea2.parse(line, check=True)
            ok += 1
        except Exception:  # the bare loop must survive bad lines too
            pass
print(ok)
"""


def checksummed_lines(folder: Path) -> list[bytes]:
    """Every line starting with ``$`` that ends in ``*hh``, from every capture in ``folder``."""
    out: list[bytes] = []
    for path in sorted(folder.glob("*.log")):
        for raw in path.read_bytes().splitlines():
            line = raw.strip()
            if line.startswith(b"$") and line[-3:-2] == b"*":
                out.append(line)
    return out


def build_input(path: Path, lines: list[bytes], n: int) -> None:
    """``n`` lines, the pool cycled, CRLF-terminated as receivers write them."""
    with path.open("wb") as fh:
        written = 0
        while written < n:
            take = lines[: n - written]
            fh.write(b"\r\n".join(take) + b"\r\n")
            written += len(take)


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def run_child(argv: list[str], *, pipe: bool) -> tuple[float, float, float | None, float]:
    """Wall time, peak RSS (MB), time to the first stdout line and CPU time of one child.

    ``pipe``: stdout read through a pipe (the first line timed), else sent to /dev/null.
    """
    t0 = time.perf_counter()
    out = subprocess.PIPE if pipe else subprocess.DEVNULL
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=_env())
    first: float | None = None
    if proc.stdout is not None:
        line = proc.stdout.readline()
        if line:
            first = time.perf_counter() - t0
        while proc.stdout.read(1 << 16):
            pass
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed with status {status}")
    return wall, usage.ru_maxrss / 1024, first, usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--rss-lines", type=int, default=2_000_000)
    args = ap.parse_args()
    pool = checksummed_lines(NMEA_DIR)
    if not pool:
        raise SystemExit(f"no NMEA captures in {NMEA_DIR}")
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "mix.nmea"
        build_input(data, pool, args.lines)
        ours_cmd = [py, "-m", "fieldapp", "gnss", "replay", str(data), "--jsonl"]
        bare_cmd = [py, "-c", BARE, str(data)]
        t_ours: list[float] = []
        t_bare: list[float] = []
        cpu_ours: list[float] = []
        cpu_bare: list[float] = []
        firsts: list[float] = []
        piped: list[float] = []
        for _ in range(args.repeat):
            wall, _, _, cpu = run_child(bare_cmd, pipe=False)
            t_bare.append(wall)
            cpu_bare.append(cpu)
            wall, _, _, cpu = run_child(ours_cmd, pipe=False)
            t_ours.append(wall)
            cpu_ours.append(cpu)
        # The first record is timed through a pipe that is read as the records come; on a
        # busy machine the reader's own scheduling adds to the wall time, so the throughput
        # figure above is taken with stdout on /dev/null.
        for _ in range(max(3, args.repeat // 2)):
            wall, _, first, _ = run_child(ours_cmd, pipe=True)
            piped.append(wall)
            if first is not None:
                firsts.append(first)
        med = statistics.median
        ours = args.lines / med(t_ours)
        bare = args.lines / med(t_bare)
        print(f"input: {args.lines:,} lines from {len(pool):,} checksummed lines of {NMEA_DIR}")
        print(
            f"bare pynmea2.parse(check=True) process: {bare:10,.0f} lines/s "
            f"(median {med(t_bare):.2f} s wall, {med(cpu_bare):.2f} s CPU, of {args.repeat})"
        )
        print(
            f"fieldapp gnss replay --jsonl process:   {ours:10,.0f} lines/s "
            f"(median {med(t_ours):.2f} s wall, {med(cpu_ours):.2f} s CPU, of {args.repeat})"
        )
        print(f"throughput ratio ours/bare: {ours / bare:.2f}  (goal >= 0.80)")
        # On a shared machine the wall clock also counts time spent waiting for a core;
        # CPU time of each child is the steadier figure of the same work.
        print(
            f"  the same from CPU time: {med(cpu_bare) / med(cpu_ours):.2f}; "
            f"best of {args.repeat} (least disturbed runs): wall {min(t_bare) / min(t_ours):.2f}, "
            f"CPU {min(cpu_bare) / min(cpu_ours):.2f}"
        )
        if firsts:
            print(
                f"first JSONL record after: {med(firsts):.3f} s (median; goal < 1 s), "
                f"stdout read through a pipe (whole run {med(piped):.2f} s wall)"
            )
        else:
            print("first JSONL record after: no record written")

        big = Path(tmp) / "big.nmea"
        data.unlink()
        build_input(big, pool, args.rss_lines)
        wall, peak, first, _ = run_child(
            [py, "-m", "fieldapp", "gnss", "replay", str(big), "--jsonl"], pipe=True
        )
        big_bare, bare_peak, _, _ = run_child([py, "-c", BARE, str(big)], pipe=False)
        print(
            f"{args.rss_lines:,} lines: peak RSS {peak:.1f} MB (goal < 80 MB), "
            f"bare loop {bare_peak:.1f} MB; wall {wall:.1f} s vs bare {big_bare:.1f} s; "
            f"first record after {first if first is None else round(first, 3)} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
