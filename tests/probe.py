"""Runs the CLI on one crafted input as a real process and measures what it cost.

A probe is how a hostile file is tested: the `fieldapp` command in its own process, under an
address-space cap so a bomb cannot take the machine down with it, and the child's own peak
resident memory read back from the kernel (``os.wait4``), not estimated.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Every probe must stay under this (the bound for any crafted input).
PEAK_MB_LIMIT = 300
# A safety net only: far above the limit, so a bomb fails the assertion rather than the machine.
_ADDRESS_SPACE_CAP = 4 * 1024**3


@dataclass(frozen=True)
class ProbeResult:
    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    def describe(self) -> str:
        return (
            f"{' '.join(self.argv)} -> exit {self.returncode}, peak {self.peak_mb:.0f} MB\n"
            f"stderr: {self.stderr[-2000:]}"
        )


_WRAPPER = """
import os, resource, subprocess, sys, json
cap = int(sys.argv[1])
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
p = subprocess.run(
    sys.argv[2:], capture_output=True, preexec_fn=limit,
    timeout=float(os.environ.get("PROBE_TIMEOUT", "120")),
)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
text = {k: v.decode(errors="replace") for k, v in (("out", p.stdout), ("err", p.stderr))}
sys.stdout.write(json.dumps({"rc": p.returncode, "peak_kb": peak_kb, **text}))
"""


def probe(*args: str | Path, cwd: Path | None = None, timeout: float = 120) -> ProbeResult:
    """Like ``run_cli`` but with the child's peak resident memory (MB) measured.

    A small wrapper process runs the command so RUSAGE_CHILDREN holds exactly one child.
    """
    import json

    argv = (sys.executable, "-m", "fieldapp", *(str(a) for a in args))
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8", PROBE_TIMEOUT=str(timeout))
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(_ADDRESS_SPACE_CAP), *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout + 30,
    )
    if done.returncode != 0:
        raise AssertionError(f"probe wrapper failed: {done.stderr.decode(errors='replace')}")
    data = json.loads(done.stdout)
    return ProbeResult(argv[3:], data["rc"], data["out"], data["err"], data["peak_kb"] / 1024)


def assert_clean_refusal(result: ProbeResult, names: str) -> None:
    """Exit 1 or 2, one line on stderr naming ``names`` (the file), no traceback, bounded memory."""
    assert not result.traceback, result.describe()
    assert result.returncode in (1, 2), result.describe()
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.describe()
    assert names in lines[0], result.describe()
    assert result.peak_mb < PEAK_MB_LIMIT, result.describe()
