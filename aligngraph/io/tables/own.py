"""Layout 1, aligngraph's own tables: what ``convert`` writes and ``template`` starts.

Sheets ``teams``, ``people``, ``goals`` (one row per objective or key result),
``check_ins``, and ``cycle`` and ``settings`` as key/value rows. Column names are the
format's field names; ``x-`` columns are extension fields.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ...errors import Problem
from .cells import decode_value, split_list
from .document import Columns, TableDocument, TableLocator, cell_problem
from .headers import OWN_COLUMNS, extension_key, normalise_header
from .sheets import Sheet

LISTS = ("aligns_to", "depends_on", "contributors")
OBJECTIVE_ONLY = ("origin", "intentional")
_TYPES = {"objective": "objective", "o": "objective", "obj": "objective",
          "keyresult": "key_result", "kr": "key_result", "key_result": "key_result"}


class _Table:
    """One sheet's columns: ``{field: index}``, and a problem for each unknown column."""

    def __init__(self, sheet: Sheet, table: str):
        self.sheet = sheet
        self.fields: dict[str, int] = {}
        self.problems: list[Problem] = []
        known = {normalise_header(name): name for name in OWN_COLUMNS[table]}
        for index, header in enumerate(sheet.header):
            if not header:
                continue
            name = extension_key(header) or known.get(normalise_header(header))
            if name is None:
                self.problems.append(cell_problem(sheet, sheet.header_row, index,
                                                  _unknown_column(header, known.values())))
            elif name in self.fields:
                self.problems.append(cell_problem(
                    sheet, sheet.header_row, index,
                    f"a second {name!r} column; each field has one column"))
            else:
                self.fields[name] = index
        self.columns: Columns = {
            name: (None, index + 1, sheet.label(index)) for name, index in self.fields.items()}
        self._lists = [name for name in LISTS if name in self.fields]
        self._extensions = [name for name in self.fields if name.startswith("x-")]

    def typed(self, record: dict[str, Any]) -> dict[str, Any]:
        """Lists split, ``x-`` values typed; the rest stays text for the model to check."""
        for name in self._lists:
            if name in record:
                record[name] = split_list(record[name])
        for name in self._extensions:
            if name in record:
                record[name] = decode_value(record[name])
        return record

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """Each row as ``(row number, {field: text})``, empty cells left out."""
        fields = list(self.fields.items())
        for row, cells in self.sheet.rows:
            width = len(cells)
            yield row, {name: cells[i] for name, i in fields if i < width and cells[i]}

    def stray_cells(self) -> Iterator[Problem]:
        """Values in columns with no header: never dropped silently."""
        width = len(self.sheet.header)
        if all(self.sheet.header) and all(len(cells) <= width for _, cells in self.sheet.rows):
            return
        for row, cells in self.sheet.rows:
            for index in range(len(cells)):
                if cells[index] and (index >= width or not self.sheet.header[index]):
                    yield cell_problem(self.sheet, row, index,
                                       "a value in a column with no header")
                    break


def _unknown_column(header: str, valid) -> str:
    close = difflib.get_close_matches(header.lower(), list(valid), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return (f"unknown column {header!r}{hint} Valid columns here: {', '.join(valid)} "
            "(and x-… extension columns).")


def read_own(name: str, sheets: dict[str, list[Sheet]]) -> TableDocument:
    """The v1 document of a workbook in layout 1."""
    doc = TableDocument(name, {}, TableLocator(name))
    builder = _Builder(doc)
    for table in ("cycle", "settings", "teams", "people", "goals", "check_ins"):
        for sheet in sheets.get(table, ()):
            parsed = _Table(sheet, table)
            doc.problems += parsed.problems
            doc.problems += parsed.stray_cells()
            getattr(builder, table)(parsed)
    builder.finish()
    return doc


class _Builder:
    def __init__(self, doc: TableDocument):
        self.doc = doc
        self.data = doc.data
        self.data.update(teams=[], objectives=[])
        self.objectives: dict[str, tuple[int, dict]] = {}
        self.key_results: dict[str, tuple[int, int, dict]] = {}
        self.pending: list[tuple[_Table, int, dict]] = []

    def problem(self, table: _Table, row: int, name: str, message: str) -> None:
        index = table.fields.get(name)
        self.doc.problems.append(cell_problem(table.sheet, row, index, message, name))

    def teams(self, table: _Table) -> None:
        self._records(table, "teams")

    def people(self, table: _Table) -> None:
        self.data.setdefault("people", [])
        self._records(table, "people")

    def _records(self, table: _Table, key: str) -> None:
        for row, record in table.records():
            loc = (key, len(self.data[key]))
            self.doc.locator.add(loc, table.sheet.where, row, table.columns)
            self.data[key].append(table.typed(record))

    def cycle(self, table: _Table) -> None:
        cycle = self.data.setdefault("cycle", {})
        for key, value, cell in self._pairs(table):
            cycle[key] = decode_value(value) if key.startswith("x-") else value
            self._locate(("cycle",), table, {key: cell})

    def settings(self, table: _Table) -> None:
        settings = self.data.setdefault("settings", {})
        for key, value, cell in self._pairs(table):
            check, _, option = key.partition(".")
            if option:
                block = settings.setdefault(check, {})
                if isinstance(block, dict):
                    block[option] = decode_value(value)
                self._locate(("settings", check), table, {option: cell})
            else:
                settings[check] = decode_value(value)
                self._locate(("settings",), table, {check: cell})

    def _locate(self, loc: tuple, table: _Table, columns: Columns) -> None:
        first_row = next(iter(columns.values()))[0] or 0
        self.doc.locator.extend(loc, table.sheet.where, first_row, columns)

    def _pairs(self, table: _Table) -> Iterator[tuple[str, str, tuple[int | None, int, str]]]:
        value_index = table.fields.get("value")
        for row, record in table.records():
            key = record.get("key")
            if not key:
                self.problem(table, row, "key", "a value with no key")
                continue
            column = (value_index + 1) if value_index is not None else 0
            header = table.sheet.label(value_index) if value_index is not None else "value"
            yield key, record.get("value", ""), (row, column, f"{key} ({header})")

    def goals(self, table: _Table) -> None:
        last_objective: str | None = None
        for row, record in table.records():
            kind = self._kind(table, row, record)
            if kind == "objective":
                record.pop("objective", None)
                last_objective = record.get("id", last_objective)
                self._objective(table, row, table.typed(record))
            elif kind == "key_result":
                record.setdefault("objective", last_objective or "")
                self.pending.append((table, row, table.typed(record)))

    def _kind(self, table: _Table, row: int, record: dict[str, str]) -> str | None:
        written = record.pop("type", None)
        if written is None:
            return "key_result" if record.get("objective") else "objective"
        kind = _TYPES.get(written) or _TYPES.get(normalise_header(written))
        if kind is None:
            self.problem(table, row, "type", f"unknown type {written!r}; expected objective "
                         "or key_result (or key result, KR)")
        return kind

    def _objective(self, table: _Table, row: int, record: dict) -> None:
        index = len(self.data["objectives"])
        self.doc.locator.add(("objectives", index), table.sheet.where, row, table.columns)
        record["key_results"] = []
        self.data["objectives"].append(record)
        self.objectives.setdefault(str(record.get("id", "")), (index, record))

    def check_ins(self, table: _Table) -> None:
        for row, record in table.records():
            self.pending.append((table, row, {"check_in": True, **table.typed(record)}))

    def finish(self) -> None:
        """Key results join their objectives, and check-ins their key results, wherever
        in the workbook those were written."""
        check_ins = []
        for table, row, record in self.pending:
            if record.pop("check_in", False):
                check_ins.append((table, row, record))
            else:
                self._key_result(table, row, record)
        for table, row, record in check_ins:
            self._check_in(table, row, record)

    def _key_result(self, table: _Table, row: int, record: dict) -> None:
        objective_id = record.pop("objective")
        found = self.objectives.get(objective_id)
        if found is None:
            message = (f"unknown objective {objective_id!r}" if objective_id else
                       "a key result with no objective: name it in the objective column")
            self.problem(table, row, "objective", message + _nearest(objective_id, self.objectives))
            return
        index, objective = found
        team = record.pop("team", None)
        if team is not None and team != objective.get("team"):
            self.problem(table, row, "team", f"team {team!r} differs from the team "
                         f"{objective.get('team')!r} of its objective {objective_id!r}; a key "
                         "result belongs to its objective's team (leave the cell empty)")
        kr_index = len(objective["key_results"])
        loc = ("objectives", index, "key_results", kr_index)
        self.doc.locator.add(loc, table.sheet.where, row, table.columns)
        record["check_ins"] = []
        objective["key_results"].append(record)
        self.key_results.setdefault(str(record.get("id", "")), (index, kr_index, record))

    def _check_in(self, table: _Table, row: int, record: dict) -> None:
        kr_id = record.pop("key_result", "")
        found = self.key_results.get(kr_id)
        if found is None:
            self.problem(table, row, "key_result", f"unknown key result {kr_id!r}"
                         + _nearest(kr_id, self.key_results))
            return
        index, kr_index, kr = found
        loc = ("objectives", index, "key_results", kr_index, "check_ins", len(kr["check_ins"]))
        self.doc.locator.add(loc, table.sheet.where, row, table.columns)
        kr["check_ins"].append(record)


def _nearest(value: str, known) -> str:
    if not value or len(known) > 20000:
        return ""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
