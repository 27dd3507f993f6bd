"""Write an organisation as layout 1: an XLSX workbook, or a folder of CSV files.

The tables come from the v1 document (:func:`aligngraph.io.writer.document_data`), so
whatever YAML keeps, the sheets keep: people, contributors, check-ins, scores, the
cycle, settings and every ``x-`` field. openpyxl writes XLSX (in its streaming mode);
it is imported only here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cells import encode_value, join_list, neutralise
from .headers import OWN_COLUMNS

Cell = str | int | float | dt.date | None
LIST_FIELDS = ("aligns_to", "depends_on", "contributors")


@dataclass
class Table:
    """One sheet of layout 1: its name, columns and rows of typed cells."""

    name: str
    columns: list[str]
    rows: list[list[Cell]]


def tables_of(data: dict[str, Any]) -> list[Table]:
    """The sheets of layout 1 for a v1 document."""
    teams = data.get("teams", [])
    goals, check_ins = _goal_rows(data.get("objectives", []))
    tables = [_records("teams", teams), _records("people", data.get("people") or [])]
    tables.append(_records("goals", goals))
    tables.append(_records("check_ins", check_ins))
    tables.append(Table("cycle", ["key", "value"],
                        [[key, _cell(key, value)] for key, value in data.get("cycle", {}).items()]))
    tables.append(Table("settings", ["key", "value"], list(_settings_rows(data.get("settings", {})))))
    if data.get("people") is None:
        tables = [t for t in tables if t.name != "people"]
    return tables


def _goal_rows(objectives: list[dict]) -> tuple[list[dict], list[dict]]:
    goals, check_ins = [], []
    for objective in objectives:
        goals.append({"type": "objective", **{k: v for k, v in objective.items()
                                              if k != "key_results"}})
        for kr in objective.get("key_results", []):
            goals.append({"type": "key_result", "team": objective.get("team"),
                          "objective": objective.get("id"),
                          **{k: v for k, v in kr.items() if k != "check_ins"}})
            check_ins += [{"key_result": kr.get("id"), **entry}
                          for entry in kr.get("check_ins", [])]
    return goals, check_ins


def _records(name: str, records: list[dict]) -> Table:
    columns = list(OWN_COLUMNS[name])
    extra: dict[str, None] = {}
    for record in records:
        extra.update(dict.fromkeys(k for k in record if k.startswith("x-")))
    columns += list(extra)
    rows = [[_cell(column, record.get(column)) for column in columns] for record in records]
    return Table(name, columns, rows)


def _settings_rows(settings: dict[str, Any]) -> Iterable[list[Cell]]:
    for check, options in settings.items():
        if isinstance(options, dict) and options:
            for option, value in options.items():
                yield [f"{check}.{option}", encode_value(value)]
        else:
            yield [check, encode_value(options)]


def _cell(column: str, value: Any) -> Cell:
    if value is None:
        return None
    if column.startswith("x-"):
        return encode_value(value)
    if column in LIST_FIELDS:
        return join_list([str(item) for item in value])
    if isinstance(value, (bool, dt.date, int, float)) and not isinstance(value, bool):
        return value
    return str(value)


def write_csv_folder(tables: list[Table], folder: Path) -> list[Path]:
    """One CSV file a sheet; text that a spreadsheet would run as a formula is quoted."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        path.write_text(csv_text(table), encoding="utf-8")
        written.append(path)
    return written


def csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


#: Data validation by column: a list of choices, or a date, or a share from 0 to 1.
_CHOICES = {"type": "objective,key_result", "origin": "team,top-down"}
_SHARES = ("score", "confidence")
_WIDEST = 60


def write_xlsx(tables: list[Table], target: Path | io.BytesIO,
               instructions: list[str] | None = None) -> None:
    """A workbook with a sheet a table: header frozen, columns sized, validation on the
    type, origin, date, score and confidence columns."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    if instructions:
        _instructions_sheet(book, instructions)
    for table in tables:
        _sheet(book, table)
    book.save(target)


def _sheet(book, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(table.name)
    sheet.freeze_panes = "A2"
    last_row = max(len(table.rows) + 1, 1000)
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(table, index - 1)
        _validate(sheet, column, f"{letter}2:{letter}{last_row}")
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_text_cell(sheet, WriteOnlyCell, value) for value in row])


def _text_cell(sheet, make, value: Cell):
    """Text stays text: openpyxl would store ``=…`` as a formula unless told otherwise."""
    if isinstance(value, str) and value[:1] == "=":
        cell = make(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _width(table: Table, index: int) -> float:
    sample = [table.columns[index]] + [str(row[index]) for row in table.rows[:200]
                                       if row[index] is not None]
    return min(max(len(text) for text in sample) + 2, _WIDEST)


def _validate(sheet, column: str, cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if column in _CHOICES:
        rule = DataValidation(type="list", formula1=f'"{_CHOICES[column]}"', allow_blank=True)
    elif column == "date":
        rule = DataValidation(type="date", operator="greaterThan", formula1="1",
                              allow_blank=True)
    elif column in _SHARES:
        rule = DataValidation(type="decimal", operator="between", formula1="0",
                              formula2="1", allow_blank=True)
    else:
        return
    rule.error = f"{column}: see the instructions sheet"
    rule.showErrorMessage = True
    rule.add(cells)
    sheet.data_validations.append(rule)


def _instructions_sheet(book, lines: list[str]) -> None:
    sheet = book.create_sheet("instructions")
    sheet.column_dimensions["A"].width = 110
    for line in lines:
        sheet.append([line])
