"""Cut a RINEX 2 observation file to a time window (tests make short or disjoint sessions)."""

from __future__ import annotations

import re
from pathlib import Path

EPOCH_LINE = re.compile(r"^ \d\d [ \d]\d [ \d]\d [ \d]\d [ \d]\d [ \d]\d\.\d{7}  \d")


def slice_rinex2(source: Path, target: Path, keep: tuple[float, float]) -> Path:
    """Copies the header and the epochs from keep[0] to before keep[1] (seconds of the day)."""
    lines = source.read_text().splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines) if "END OF HEADER" in line)
    out = lines[: end + 1]
    take = False
    for line in lines[end + 1 :]:
        if EPOCH_LINE.match(line):
            t = int(line[10:12]) * 3600 + int(line[13:15]) * 60 + float(line[15:26])
            take = keep[0] - 0.5 <= t < keep[1] - 0.5
        if take:
            out.append(line)
    target.write_text("".join(out))
    return target
