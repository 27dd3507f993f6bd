"""Read CSV, TSV, XLSX and ODS files into plain sheets of text cells.

pandas does the reading (its C parser for CSV, python-calamine for XLSX and ODS) and is
imported only here, only when a spreadsheet is read. Every cell becomes text: numbers
as written, dates as ``YYYY-MM-DD``, an empty cell as ``""``. A formula is never
evaluated: a CSV cell ``=1+2`` is the text ``=1+2``, and for XLSX the value the
spreadsheet saved is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import Problem

CSV_SUFFIXES = (".csv", ".tsv")
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
TABLE_SUFFIXES = CSV_SUFFIXES + BOOK_SUFFIXES

#: First characters a spreadsheet would read as a formula (OWASP's CSV injection list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A cell that starts with an apostrophe before a trigger: only then is unquoting needed.
_QUOTED_FORMULA = re.compile(r"(?:^|[,\t\"\n])\s*'+[=+\-@\t\r]", re.MULTILINE)


@dataclass
class Sheet:
    """One sheet (or CSV file): its header and its data rows, as the spreadsheet numbers
    them (the header's row is ``header_row``; blank rows are kept out of ``rows``)."""

    where: str  # "okrs.xlsx:goals", or "goals.csv" for a CSV file
    name: str  # the sheet's name, or the CSV file's stem
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    written: list[str] | None = None  # the header as written, when --columns renamed it

    def label(self, index: int) -> str:
        """A column's header as the spreadsheet shows it."""
        return (self.written or self.header)[index]


def read_sheets(name: str, data: bytes) -> tuple[list[Sheet], list[Problem]]:
    """The sheets of one CSV, TSV, XLSX or ODS file given as bytes."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            text = data.decode("utf-8-sig")
            separator = "\t" if suffix == ".tsv" else csv_separator(text)
            grid = _csv_grid(text, separator)
            quoted = _QUOTED_FORMULA.search(text) is not None
            return [_sheet(name, Path(name).stem, grid, csv=True, quoted=quoted)], []
        return [_sheet(f"{name}:{title}", title, grid) for title, grid in _book_grids(data)], []
    except UnicodeDecodeError as exc:
        return [], [Problem(name, "", f"cannot be read as UTF-8 text: {exc}")]
    except Exception as exc:  # noqa: BLE001 - pandas and calamine raise many kinds
        kind = "CSV" if suffix in CSV_SUFFIXES else "spreadsheet"
        return [], [Problem(name, "", f"cannot be read as a {kind}: {_reason(exc)}")]


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def csv_separator(text: str) -> str:
    """``,``, or ``;`` or a tab when the header line uses that instead (spreadsheets in
    languages that write decimal commas save CSV with ``;``).

    >>> csv_separator("Team;Objective;Key Result\\n"), csv_separator("a,b;c\\n")
    (';', ',')
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def _csv_grid(text: str, separator: str) -> list[list[str]]:
    import pandas as pd

    if not text.strip():
        return []
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator, header=None, dtype=str,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            engine="c")
    except pd.errors.ParserError:
        # Rows longer than the first one: the standard library's reader takes them.
        return [row for row in csv.reader(io.StringIO(text), delimiter=separator)]
    return frame.to_numpy(dtype=object).tolist()


def _book_grids(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    import pandas as pd

    frames = pd.read_excel(io.BytesIO(data), engine="calamine", header=None,
                           sheet_name=None, dtype=object, keep_default_na=False,
                           na_filter=False)
    return [(str(title), frame.to_numpy(dtype=object).tolist())
            for title, frame in frames.items()]


def _sheet(where: str, name: str, grid: Sequence[Sequence[Any]], *, csv: bool = False,
           quoted: bool = False) -> Sheet:
    """Cells as stripped text; the header is the first row with any text in it.

    ``quoted``: the CSV has cells that :func:`unquote_formula` must undo."""
    header: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(grid, start=1):
        cells = _csv_cells(raw, quoted) if csv else [cell_text(value) for value in raw]
        if not any(cells):
            continue
        if header is None:
            header, header_row = cells, number
        else:
            rows.append((number, cells))
    header = header or []
    while header and not header[-1]:
        header.pop()
    return Sheet(where, name, header, header_row, rows)


def _csv_cells(raw: Sequence[str], quoted: bool) -> list[str]:
    cells = [value.strip() for value in raw]
    return [unquote_formula(cell) for cell in cells] if quoted else cells


def unquote_formula(text: str) -> str:
    """Undo :func:`aligngraph.io.tables.cells.neutralise`: drop the apostrophe that keeps
    a spreadsheet from reading text as a formula.

    >>> unquote_formula("'=SUM(A1)"), unquote_formula("''=x"), unquote_formula("'quoted'")
    ('=SUM(A1)', "'=x", "'quoted'")
    """
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_TRIGGERS and text.lstrip("'"):
        return text[1:]
    return text


def cell_text(value: Any) -> str:
    """A cell's value as text: whole numbers without ``.0``, dates as ``YYYY-MM-DD``.

    >>> cell_text(700.0), cell_text(0.66), cell_text(dt.datetime(2026, 7, 1)), cell_text(None)
    ('700', '0.66', '2026-07-01', '')
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return cell_text(value.to_pydatetime())
    return str(value).strip()
