"""Format detection and one entry point: bytes (or a file) in, ParseResult out."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from fieldapp.gnss.totalstation.gsi import parse_gsi
from fieldapp.gnss.totalstation.model import MAX_FILE_BYTES, ParseResult, TsFileError
from fieldapp.gnss.totalstation.sdr import parse_sdr
from fieldapp.gnss.totalstation.sokkia_set import parse_set_stream
from fieldapp.gnss.totalstation.text_formats import parse_gts7, parse_ruide_raw, parse_tcr705
from fieldapp.gnss.totalstation.topcon_gts import parse_topcon_gts

Parser = Callable[[bytes], ParseResult]

PARSERS: dict[str, Parser] = {
    "gsi": parse_gsi,
    "sdr33": parse_sdr,
    "topcon-gts": parse_topcon_gts,
    "topcon-gts7": parse_gts7,
    "ruide-raw": parse_ruide_raw,
    "leica-tcr705": parse_tcr705,
    "sokkia-set": parse_set_stream,
}

_GSI_LINE = re.compile(rb"^\*?\d{2}[0-9.]{4}[+-]")
_SET_LINE = re.compile(rb"^(\d{7}|E\d{3}) (\d{7}|E\d{3}) (\d{7}|E\d{3})( [0-9A-F]{2})?$")


class UnknownFormatError(ValueError):
    pass


def detect_format(data: bytes) -> str:
    """Look at the first meaningful lines; the content decides, never the file extension."""
    head = data[:4096]
    if head.lstrip()[:1] == b"\x02" and (b"_+" in head or b"?+" in head):
        return "topcon-gts"
    lines = [ln.strip(b" \x02") for ln in head.splitlines() if ln.strip(b" \x02")][:20]
    if not lines:
        raise UnknownFormatError("file is empty")
    first = lines[0]
    if first.startswith(b"00NM"):
        return "sdr33"
    if sum(bool(_GSI_LINE.match(ln)) for ln in lines) >= max(1, len(lines) // 2):
        return "gsi"
    if all(ln[:3] in (b"CO,", b"UP,", b"ST,", b"F1,", b"F2,", b"SS,") for ln in lines):
        return "ruide-raw"
    if any(ln.startswith((b"STN ", b"TopSURV")) for ln in lines):
        return "topcon-gts7"
    if any(ln.startswith(b"SETUP SN") for ln in lines) or b"TCR" in head[:512]:
        return "leica-tcr705"
    if all(_SET_LINE.match(ln) for ln in lines):
        return "sokkia-set"
    raise UnknownFormatError(f"unknown total-station format (starts {first[:30]!r})")


def parse_bytes(data: bytes, fmt: str | None = None) -> ParseResult:
    name = fmt or detect_format(data)
    parser = PARSERS.get(name)
    if parser is None:
        raise UnknownFormatError(f"unknown format {name!r}; known: {', '.join(PARSERS)}")
    return parser(data)


def read_limited(path: str | Path) -> bytes:
    """The file's bytes; :class:`TsFileError` past MAX_FILE_BYTES (read no further than that)."""
    with Path(path).open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise TsFileError(
            0, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: not a total-station download"
        )
    return data


def parse_file(path: str | Path, fmt: str | None = None) -> ParseResult:
    """Parse a file; OSError, UnknownFormatError or TsFileError when it cannot be read at all."""
    return parse_bytes(read_limited(path), fmt)
