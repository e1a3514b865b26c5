"""Large WIUPs: boundary validation and marker planning at 100, 1,000 and 4,000 vertices.

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/survey_scale.py [--sizes 100 1000 4000]
     [--repeat 3] [--old-rev REV] [--old-repeat 1] [--no-old] [--no-cli] [--sides 4]

Goal (issue 16): time per vertex at 4,000 within 3x of that at 100, for validate and for plan
separately. Each size is a job built by ``tests/wiupgen.py``: a rectilinear, irregular,
non-convex WIUP in UTM 50S (East Kalimantan), edges ~60 m whatever the size, among four
neighbouring permits (each along three fifths of one side) with a pit inside, so planning
meets shared and activity stretches everywhere (``--sides 1`` for one neighbour). The
boundary goes into the job through the store (an SK import stops at 1,000 points). Timed
through what the CLI calls: ``operations.validate_job`` (`fieldapp job validate`) and
``fieldwork.plan_job`` (the inputs and planner of `fieldapp job plan`), medians of
``--repeat`` runs; then the whole `fieldapp job validate/plan --json` processes at the
largest size.

The baseline is the same measurement on the code before the spatial indexes (``--old-rev``,
default the commit this work started from), exported with ``git archive`` into a temporary
folder and run in a child process on the same job folders, in the same run; skipped with
``--no-old`` or when git or the revision is missing. The old code grows with the square of
the vertex count: at 4,000 vertices it takes a while (``--old-repeat``, default 1 run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
OLD_REV = "5bb9576"  # fieldapp before the spatial indexes (issue 16)
GOAL = 3.0

# Run in a child process on either code tree: prints {"validate": [...], "plan": [...]}.
CHILD = r"""
import json, sys, time
from fieldapp.fieldwork import plan_job
from fieldapp.operations import validate_job
from fieldapp.store import JobStore
from fieldapp.operations import job_grid
from fieldapp.store import records as rec
from fieldapp.survey.boundary import validate_boundary
from fieldapp.survey.edges import to_grid
job, repeat = sys.argv[1], int(sys.argv[2])
out = {"validate": [], "plan": []}
clock = time.perf_counter
with JobStore.open(job) as store:
    # Warm-up outside the clock: imports (shapely) and the grid transformer, on 8 points.
    import numpy, shapely
    validate_boundary(rec.load_boundary_points(store.db)[:8])
    to_grid(job_grid(store), numpy.array([116.9]), numpy.array([-0.5]))
    for _ in range(repeat):
        t = clock(); validate_job(store); out["validate"].append(clock() - t)
        t = clock(); plan_job(store); out["plan"].append(clock() - t)
print(json.dumps(out))
"""


def measure(tree: Path, job: Path, repeat: int) -> dict[str, float]:
    """Medians of validate and plan on ``job`` with the fieldapp of ``tree``, in a child."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(job), str(repeat)],
        capture_output=True, text=True, env=env, check=True, cwd=tree,
    )  # fmt: skip
    times = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: statistics.median(v) for k, v in times.items()}


def cli_time(tree: Path, job: Path, command: str, repeat: int) -> float:
    """Median wall time of a whole `fieldapp job COMMAND JOB --json` process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "fieldapp", "job", command, str(job), "--json"],
            capture_output=True, env=env, cwd=tree,
        )  # fmt: skip
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def old_tree(rev: str, into: Path) -> Path | None:
    """The fieldapp package of ``rev`` exported into ``into``, or None without git/revision."""
    into.mkdir(exist_ok=True)
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "fieldapp", "resources"],
            capture_output=True, check=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return into


def table(name: str, sizes: list[int], figures: dict[int, dict[str, float]]) -> None:
    print(f"\n{name}")
    print(f"{'vertices':>9} {'validate s':>11} {'ms/vertex':>10} {'plan s':>9} {'ms/vertex':>10}")
    for n in sizes:
        v, p = figures[n]["validate"], figures[n]["plan"]
        print(f"{n:>9} {v:>11.3f} {1000 * v / n:>10.4f} {p:>9.3f} {1000 * p / n:>10.4f}")
    lo, hi = sizes[0], sizes[-1]
    for step in ("validate", "plan"):
        ratio = (figures[hi][step] / hi) / (figures[lo][step] / lo)
        verdict = "goal met" if ratio <= GOAL else "goal MISSED"
        print(f"  {step}: per-vertex({hi}) / per-vertex({lo}) = {ratio:.2f}"
              f" (goal <= {GOAL:g}: {verdict})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--old-rev", default=OLD_REV)
    parser.add_argument("--old-repeat", type=int, default=1)
    parser.add_argument("--no-old", action="store_true")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--sides", type=int, default=4, choices=(1, 2, 3, 4))
    args = parser.parse_args()
    from wiupgen import create_large_job

    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="survey_scale_") as tmp:
        jobs = {
            n: create_large_job(Path(tmp) / f"wiup{n}.fieldapp", n, sides=args.sides) for n in sizes
        }
        new = {n: measure(ROOT, jobs[n], args.repeat) for n in sizes}
        table(f"this code (medians of {args.repeat})", sizes, new)
        old_root = None if args.no_old else old_tree(args.old_rev, Path(tmp) / "old")
        if old_root is None and not args.no_old:
            print(f"\nbaseline skipped: git or revision {args.old_rev} not available")
        elif old_root is not None:
            old = {n: measure(old_root, jobs[n], args.old_repeat) for n in sizes}
            table(f"baseline {args.old_rev} (medians of {args.old_repeat})", sizes, old)
            print("\nspeed-up (baseline / this code)")
            for n in sizes:
                print(f"{n:>9}  validate {old[n]['validate'] / new[n]['validate']:6.1f}x"
                      f"  plan {old[n]['plan'] / new[n]['plan']:6.1f}x")  # fmt: skip
        if not args.no_cli:
            n = sizes[-1]
            print(f"\nwhole CLI at {n} vertices (process start included, medians of {args.repeat})")
            for command in ("validate", "plan"):
                ours = cli_time(ROOT, jobs[n], command, args.repeat)
                line = f"  fieldapp job {command:<9} {ours:7.2f} s"
                if old_root is not None:
                    base = cli_time(old_root, jobs[n], command, args.old_repeat)
                    line += f"   baseline {base:7.2f} s   ratio {ours / base:.2f}"
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
