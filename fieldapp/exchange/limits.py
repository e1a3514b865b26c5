"""Size limits on imported files, and the bounded readers that enforce them before any parser.

Every limit is far above what a WIUP's SK table, KML or GeoJSON holds (tens to hundreds of
points), and far below what would let a crafted file take the laptop's memory: a file over a
limit is refused with one line saying which limit, never truncated silently.
"""

from __future__ import annotations

import codecs
import io
import json
import reprlib
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from fieldapp.exchange.problems import ImportFailed, Problem

MB = 1024 * 1024
MAX_TABLE_BYTES = 8 * MB  # CSV/TXT on disk
MAX_DOCUMENT_BYTES = 4 * MB  # GeoJSON/KML on disk: parsed whole, about 25x in memory at worst
MAX_XLSX_BYTES = 16 * MB  # the zip on disk
MAX_LINE_CHARS = 4096
MAX_ROWS = 10_000  # lines of a CSV/TXT, rows of a sheet
MAX_COLUMNS = 64
# Of one boundary: validation and planning are indexed (O(n log n)); 4,000 points validate in
# under a second and plan in seconds (benchmarks/survey_scale.py). An SK table has tens.
MAX_VERTICES = 10_000
# All neighbour/activity polygons of one file together: the planner's cost grows faster than
# linearly (measured: 4,000 vertices 2.7 s, 40,000 vertices 145 s and 1.9 GB).
MAX_AREA_VERTICES = 5_000
MAX_XML_DEPTH = 64
MAX_XML_ELEMENTS = 100_000
# XLSX is a zip: checked from its directory before openpyxl reads a byte of a member.
MAX_ZIP_MEMBERS = 500
MAX_MEMBER_BYTES = 16 * MB  # a worksheet part: openpyxl streams it
# Parts openpyxl reads whole into objects: shared strings cost ~10x their size and ~1.5 s/MB.
MAX_LOADED_PART_BYTES = {"xl/sharedStrings.xml": 4 * MB}
MAX_OTHER_PART_BYTES = 8 * MB
MAX_UNZIPPED_BYTES = 48 * MB
MAX_ZIP_RATIO = 100  # deflated XML rarely compresses beyond 20x; bombs do 1000x
_RATIO_FLOOR = MB  # small members may compress as they like

_short = reprlib.Repr()
_short.maxstring = 40
_short.maxother = 40
_short.maxlevel = 2  # repr of a deeply nested value stays short and never recurses far


def show(value: object) -> str:
    """A short, safe repr of a value from a file for a message."""
    return _short.repr(value)


def refuse(name: str, message: str, line: int | None = None) -> ImportFailed:
    return ImportFailed([Problem(name, line, message)])


def not_a_file(path: Path) -> str:
    """Why ``path`` cannot be read as a file: missing, a folder, or a device/pipe."""
    if not path.exists():
        return "no such file"
    return "a folder, not a file" if path.is_dir() else "not a regular file"


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The file's bytes, or a refusal when it is larger than ``limit`` (read no further)."""
    name = str(path)
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise refuse(name, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > limit:
        raise refuse(name, f"larger than {limit // MB} MB, too big for {what}")
    if not raw.strip():
        raise refuse(name, "the file is empty")
    return raw


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), or cp1252."""
    if raw.startswith(b"PK\x03\x04"):
        raise refuse(name, "this is a ZIP archive (an XLSX workbook?), not a text table")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        # Spreadsheets on Indonesian Windows machines save CSV as cp1252 as often as UTF-8.
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise refuse(name, "binary data (NUL bytes): expected a text table")
        return text
    raise refuse(name, "cannot decode the file as UTF-8, UTF-16 or Windows-1252 text")


def capped_lines(text: str, name: str) -> Iterator[str]:
    """The text's lines, refusing a line or a line count over the limits as it goes."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if number > MAX_ROWS:
            raise refuse(name, f"more than {MAX_ROWS} lines: not an SK table", number)
        if len(line) > MAX_LINE_CHARS:
            raise refuse(name, f"line longer than {MAX_LINE_CHARS} characters", number)
        yield line


def load_json(path: Path) -> object:
    """A GeoJSON document, size-capped; NaN/Infinity literals and deep nesting refused."""
    name = str(path)
    raw = read_bounded(path, MAX_DOCUMENT_BYTES, "a GeoJSON file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(name, f"not UTF-8 text (byte {exc.start}): GeoJSON is UTF-8") from exc

    def constant(word: str) -> object:
        raise ValueError(f"{word} is not a number GeoJSON allows")

    try:
        return json.loads(text, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise refuse(name, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from exc
    except RecursionError:
        raise refuse(name, "JSON nested too deeply: not a GeoJSON geometry") from None
    except ValueError as exc:  # from ``constant``
        raise refuse(name, f"not valid GeoJSON: {exc}") from exc


class _Refused(Exception):
    pass


def _clark(tag: str) -> str:
    # expat gives "uri}local" with namespace_separator="}"; ElementTree spells it "{uri}local".
    return "{" + tag if "}" in tag else tag


def parse_xml(path: Path) -> ET.Element:
    """A KML document as an ElementTree, parsed without DOCTYPE or entities and size-capped.

    expat directly, so a DOCTYPE (the door to entity-expansion bombs and external entities)
    is refused before any entity is declared, and depth and element count are bounded.
    """
    name = str(path)
    raw = read_bounded(path, MAX_DOCUMENT_BYTES, "a KML file")
    parser = expat.ParserCreate(namespace_separator="}")
    builder = ET.TreeBuilder()
    depth = 0
    count = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth, count
        depth += 1
        count += 1
        if depth > MAX_XML_DEPTH:
            raise _Refused(f"elements nested deeper than {MAX_XML_DEPTH}: not KML")
        if count > MAX_XML_ELEMENTS:
            raise _Refused(f"more than {MAX_XML_ELEMENTS} elements: too big for a KML boundary")
        builder.start(_clark(tag), {_clark(k): v for k, v in attrs.items()})

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(_clark(tag))

    def doctype(*_: object) -> None:
        raise _Refused("a DOCTYPE/ENTITY declaration: not allowed in KML (entity expansion)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(raw, True)
        return builder.close()
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise refuse(name, f"not valid KML/XML: {message}", exc.lineno) from None
    except _Refused as exc:
        raise refuse(name, str(exc), parser.CurrentLineNumber) from None


def _zip_entry_count(path: Path) -> int | None:
    """Entries the zip's end record declares, read before zipfile builds its directory."""
    with path.open("rb") as f:
        f.seek(0, io.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 65_557))  # end record (22 bytes) + the longest comment
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    return int(struct.unpack("<H", tail[at + 10 : at + 12])[0])


def check_xlsx_container(path: Path) -> None:
    """Refuse an XLSX whose zip directory promises more than a boundary table can need."""
    import zipfile

    name = str(path)
    try:
        size = path.stat().st_size
        entries = _zip_entry_count(path) if size <= MAX_XLSX_BYTES else None
    except OSError as exc:
        raise refuse(name, f"cannot read: {exc.strerror or exc}") from exc
    if size > MAX_XLSX_BYTES:
        raise refuse(name, f"larger than {MAX_XLSX_BYTES // MB} MB, too big for an SK table")
    if entries is None:
        raise refuse(name, "not an XLSX workbook (no ZIP directory found)")
    if entries > MAX_ZIP_MEMBERS:
        raise refuse(name, f"the workbook holds {entries} parts (limit {MAX_ZIP_MEMBERS})")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except OSError as exc:
        raise refuse(name, f"cannot read: {exc.strerror or exc}") from exc
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error) as exc:
        raise refuse(name, f"not an XLSX workbook (damaged ZIP: {exc})") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise refuse(name, f"the workbook holds {len(infos)} parts (limit {MAX_ZIP_MEMBERS})")
    total = 0
    for info in infos:
        if info.filename.startswith("xl/worksheets/"):
            limit = MAX_MEMBER_BYTES
        else:
            limit = MAX_LOADED_PART_BYTES.get(info.filename, MAX_OTHER_PART_BYTES)
        if info.file_size > limit:
            raise refuse(
                name,
                f"part {show(info.filename)} unpacks to {info.file_size / MB:.1f} MB"
                f" (limit {limit // MB} MB)",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
            raise refuse(
                name,
                f"part {show(info.filename)} is compressed {ratio:.0f} times"
                f" (limit {MAX_ZIP_RATIO}): a zip bomb, not a workbook",
            )
        total += info.file_size
    if total > MAX_UNZIPPED_BYTES:
        limit = MAX_UNZIPPED_BYTES // MB
        raise refuse(name, f"the workbook unpacks to {total / MB:.1f} MB (limit {limit} MB)")
