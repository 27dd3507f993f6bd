"""What a workbook becomes: a v1 document as plain data, and where each record came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...errors import Problem
from ..errors import dotted
from .sheets import Sheet

#: ``{field: (row or None for the record's own row, 1-based column, header)}``
Columns = dict[str, tuple[int | None, int, str]]


class TableLocator:
    """Finds the sheet, row and column of a path such as ``("objectives", 2, "target")``.

    Each record (a team, an objective, a key result, a check-in, the cycle, a settings
    entry) is registered with its row and the columns of its sheet; a path is located at
    its deepest registered record and, when the next part names a column, that column.
    """

    def __init__(self, name: str):
        self.name = name
        self._records: dict[tuple, tuple[str, int, Columns]] = {}

    def add(self, loc: tuple, where: str, row: int, columns: Columns) -> None:
        self._records[loc] = (where, row, columns)

    def extend(self, loc: tuple, where: str, row: int, columns: Columns) -> None:
        """Add columns to a record, registering it at ``row`` if it is new (a key/value
        sheet gives each field of one record its own row)."""
        found = self._records.get(loc)
        if found:
            self._records[loc] = (found[0], found[1], {**found[2], **columns})
        else:
            self._records[loc] = (where, row, dict(columns))

    def problem(self, loc: tuple, message: str) -> Problem:
        for cut in range(len(loc), 0, -1):
            found = self._records.get(loc[:cut])
            if found:
                break
        else:
            return Problem(self.name, dotted(loc), message)
        where, row, columns = found
        name = next((part for part in loc[cut:] if isinstance(part, str)), None)
        if name is not None and name in columns:
            cell_row, column, header = columns[name]
            return Problem(where, header, message, cell_row or row, column or None)
        return Problem(where, name or "", message, row, None)


@dataclass
class TableDocument:
    """One workbook read: the v1 document it holds, its locator, and what reading found."""

    name: str
    data: dict[str, Any]
    locator: TableLocator
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def cell_problem(sheet: Sheet, row: int, index: int | None, message: str,
                 field_name: str = "") -> Problem:
    """A problem at one cell of a sheet (``index`` 0-based; None for the whole row)."""
    if index is None:
        return Problem(sheet.where, field_name, message, row, None)
    header = sheet.label(index) if index < len(sheet.header) else field_name
    return Problem(sheet.where, header or field_name, message, row, index + 1)
