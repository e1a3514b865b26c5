"""Rows from delimited text and XLSX files, each with the line (or sheet row) it came from.

Both readers are bounded (see ``limits``): a file, line, row count or column count over the
limits is refused with its line, and an XLSX is checked as a zip before openpyxl opens it.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.exchange import limits
from fieldapp.exchange.limits import refuse
from fieldapp.exchange.problems import ImportFailed


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


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


def _row(name: str, line: int, cells: Iterable[object]) -> Row:
    values = list(cells)
    if any(not _blank(v) for v in values[limits.MAX_COLUMNS :]):
        raise refuse(name, f"more than {limits.MAX_COLUMNS} columns: not an SK table", line)
    return Row(line, tuple(_cell_text(v) for v in values[: limits.MAX_COLUMNS]))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_delimited(path: Path) -> list[Row]:
    name = str(path)
    text = limits.decode_text(limits.read_bounded(path, limits.MAX_TABLE_BYTES, "a table"), name)
    sample = [line for _, line in zip(range(20), limits.capped_lines(text, name), strict=False)]
    reader = csv.reader(limits.capped_lines(text, name), delimiter=_delimiter(sample))
    rows: list[Row] = []
    try:
        for cells in reader:
            rows.append(_row(name, reader.line_num, cells))
    except csv.Error as exc:
        raise refuse(name, f"bad CSV: {exc}", reader.line_num) from exc
    return rows


def read_xlsx(path: Path) -> list[Row]:
    """The first sheet's real cells; numbers are rendered back to text as a surveyor typed them.

    The sheet's declared dimension is ignored (a crafted ``A1:XFD1048576`` would make openpyxl
    pad every row to 16,384 cells and yield a million rows): only cells present are read.
    """
    from openpyxl import load_workbook

    name = str(path)
    limits.check_xlsx_container(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise refuse(name, f"not a readable XLSX file: {_brief(exc)}") from exc
    index = 0
    try:
        if not wb.worksheets:
            raise refuse(name, "the workbook has no worksheet")
        ws = wb.worksheets[0]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
        rows: list[Row] = []
        for index, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if index > limits.MAX_ROWS:
                raise refuse(name, f"more than {limits.MAX_ROWS} rows: not an SK table", index)
            rows.append(_row(name, index, values))
        return rows
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged cell surfaces only while openpyxl streams the sheet
        raise refuse(name, f"sheet row {index + 1}: unreadable cell: {_brief(exc)}") from exc
    finally:
        wb.close()


def _brief(exc: BaseException) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:160]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "#NUM!"
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, dt.timedelta) and value >= dt.timedelta(0):
        # "116:54:10,125" typed into Excel becomes a duration of 116 hours: read it back as D:M:S.
        micros = value // dt.timedelta(microseconds=1)
        minutes, micro_s = divmod(micros, 60_000_000)
        seconds = f"{micro_s / 1e6:.6f}".rstrip("0").rstrip(".")
        return f"{minutes // 60}:{minutes % 60:02d}:{seconds}"
    return str(value).strip()


def read_rows(path: Path) -> list[Row]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_delimited(path)
