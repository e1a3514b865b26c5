"""`fieldapp gnss replay` streams: records come out while input is still arriving, memory stays
flat on a field day's log, and the output is what it was before the pipeline was reworked."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.probe import probe
from tests.testpaths import FIXTURES, PROJECT_ROOT

BEFORE = FIXTURES / "gnss_replay_before_16"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "gnss", "replay", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(PROJECT_ROOT)),
    )


@pytest.mark.parametrize("name", ["ublox-zed-f9p-nmea.log", "st-teseo-liv4f.log", "triton400.log"])
def test_output_is_what_it_was_before_the_streaming_rework(shared_data: Path, name: str) -> None:
    # Outputs recorded from the replay of issue 15 (pynmea2 route, json.dumps): summary,
    # epochs and counts must not change by a character.
    folder = shared_data / "nmea"
    summary = _cli(name, cwd=folder)
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout == (BEFORE / f"{name}.summary").read_text()
    jsonl = _cli(name, "--jsonl", cwd=folder)
    assert jsonl.returncode == 0, jsonl.stderr
    assert jsonl.stdout == (BEFORE / f"{name}.jsonl").read_text()
    assert jsonl.stderr == (BEFORE / f"{name}.err").read_text()


def _lines_of(stream: object, into: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)
    into.put(None)


@pytest.mark.skipif(sys.platform == "win32", reason="reads the capture from /dev/stdin")
def test_first_record_comes_out_while_the_input_is_still_open(shared_data: Path) -> None:
    data = (shared_data / "nmea" / "nmea-rtk.log").read_bytes()
    head, rest = data[:4000], data[4000:]
    proc = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "gnss", "replay", "/dev/stdin", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=False,
        env=dict(os.environ, PYTHONPATH=str(PROJECT_ROOT)),
    )
    assert proc.stdin is not None and proc.stdout is not None
    out: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_lines_of, args=(proc.stdout, out), daemon=True)
    reader.start()
    try:
        # Part of the capture, the pipe left open: epochs must arrive before the rest does.
        proc.stdin.write(head)
        proc.stdin.flush()
        first = out.get(timeout=60)
        assert first is not None and first.startswith(b'{"time": "'), first
        assert proc.poll() is None  # still waiting for the rest of its input
        proc.stdin.write(rest)
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(timeout=10)
    lines = [first]
    while (line := out.get(timeout=10)) is not None:
        lines.append(line)
    whole = _cli(str(shared_data / "nmea" / "nmea-rtk.log"), "--jsonl", cwd=PROJECT_ROOT)
    assert b"".join(lines).decode() == whole.stdout


def _field_day(path: Path, lines: int, shared: Path) -> None:
    """``lines`` checksummed sentences from the shared captures, cycled, CRLF-terminated."""
    pool = [
        ln.strip()
        for log in sorted((shared / "nmea").glob("*.log"))
        for ln in log.read_bytes().splitlines()
        if ln.startswith(b"$") and ln.strip()[-3:-2] == b"*"
    ]
    block = b"\r\n".join(pool) + b"\r\n"
    with path.open("wb") as fh:
        for _ in range(lines // len(pool)):
            fh.write(block)
        fh.write(b"\r\n".join(pool[: lines % len(pool)]) + b"\r\n")


@pytest.mark.slow
def test_two_million_lines_replay_in_bounded_memory(tmp_path: Path, shared_data: Path) -> None:
    # About an hour and a half of a 20 Hz receiver with satellites; before issue 16 a replay
    # kept every epoch (~300 MB at this size). The child's peak RSS is the kernel's figure.
    capture = tmp_path / "field-day.nmea"
    _field_day(capture, 2_000_000, shared_data)
    result = probe("gnss", "replay", capture, "--jsonl", timeout=300)
    assert result.returncode == 0, result.describe()
    assert result.stdout.count("\n") > 200_000
    assert result.peak_mb < 150, result.describe()
