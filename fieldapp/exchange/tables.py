"""Rows from delimited text and XLSX files, each with the line (or sheet row) it came from."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from fieldapp.exchange.problems import ImportFailed, Problem


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


def _decode(raw: bytes, name: str) -> str:
    # Spreadsheets on Indonesian Windows machines save CSV as cp1252 as often as UTF-8.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed([Problem(name, None, "cannot decode the file as UTF-8 or Windows-1252")])


def _delimiter(sample_lines: list[str]) -> str:
    """Semicolon or tab when present (decimal commas make comma the last resort)."""
    for line in sample_lines:
        if not line.strip():
            continue
        if ";" in line:
            return ";"
        if "\t" in line:
            return "\t"
    return ","


def read_delimited(path: Path) -> list[Row]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed([Problem(str(path), None, f"cannot read: {exc.strerror}")]) from exc
    text = _decode(raw, str(path))
    delimiter = _delimiter(text.splitlines()[:20])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    try:
        for cells in reader:
            rows.append(Row(reader.line_num, tuple(c.strip() for c in cells)))
    except csv.Error as exc:
        raise ImportFailed([Problem(str(path), reader.line_num, f"bad CSV: {exc}")]) from exc
    return rows


def read_xlsx(path: Path) -> list[Row]:
    """The first sheet's rows; numbers are rendered back to text as a surveyor typed them."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFailed([Problem(str(path), None, f"not a readable XLSX file: {exc}")]) from exc
    try:
        ws = wb.worksheets[0]
        rows: list[Row] = []
        for index, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = tuple(_cell_text(v) for v in values)
            rows.append(Row(index, cells))
        return rows
    finally:
        wb.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def read_rows(path: Path) -> list[Row]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_delimited(path)
