"""Layouts 2 to 5, other tools' sheets: read each row as a goal, then build the v1 document.

- 2, ``key-result-rows``: one row per key result, the objective repeated (Google Sheets).
- 3, ``parent-references``: a row reference and the references of its parents (Viva
  Goals, Ally.io, Peoplebox).
- 4, ``outline``: outline numbers ``1``, ``1.2``, ``1.2.1`` (Appfire OKR for Jira).
- 5, ``indented``: ``Main``, ``L1``…``Ln``, a title in the column of its depth (Goalscape).

What a layout lacks is inferred in :mod:`.infer`: ids, people, teams and the team tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...errors import Problem
from ...text import normalise
from .cells import split_list
from .document import Columns, cell_problem
from .headers import GOAL_SYNONYMS, field_columns, level_of, normalise_header
from .sheets import Sheet

#: Fields that go into the record as they are (after people and teams get their ids).
VALUE_FIELDS = ("owner", "baseline", "target", "current", "unit", "score", "confidence",
                "depends_on", "liaison", "contributors", "origin", "intentional")
KEY_RESULT_ONLY = ("baseline", "target", "current", "unit", "score", "confidence",
                   "contributors")
_TYPES = {"objective": "objective", "obj": "objective", "o": "objective", "goal": "objective",
          "keyresult": "key_result", "kr": "key_result", "keyresults": "key_result"}
_ORDER = re.compile(r"[0-9]+(\.[0-9]+)*")


@dataclass
class Item:
    """One goal as a row gave it, before ids, parents and teams are settled."""

    where: str
    row: int
    columns: Columns
    title: str
    kind: str | None  # "objective", "key_result", or None: inferred from the tree
    ref: str = ""
    team: str = ""
    parents: list[int] = field(default_factory=list)
    parent_texts: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    unplaced: bool = False  # its parent is already reported as unresolved


@dataclass
class Rows:
    """What the goal sheets of one workbook gave."""

    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    quarters: list[tuple[str, Sheet, int, int]] = field(default_factory=list)
    team_column: bool = False
    inherit_team: bool = False


class _Reader:
    """One goal sheet's columns, and cell access by field."""

    def __init__(self, sheet: Sheet, out: Rows):
        self.sheet, self.out = sheet, out
        self.fields, self.extra, repeated = field_columns(sheet, GOAL_SYNONYMS)
        for index in repeated:
            out.problems.append(cell_problem(sheet, sheet.header_row, index,
                                             "a second column for the same field"))
        out.team_column |= "team" in self.fields

    def columns(self, **renamed: str) -> Columns:
        """Columns by the v1 field they fill (``title`` may come from ``summary``…)."""
        names = {"team": "team", "parent": "aligns_to", "reference": "id",
                 **{name: name for name in VALUE_FIELDS}}
        names.update({source: target for target, source in renamed.items()})
        found: Columns = {}
        for source, target in names.items():
            if source in self.fields:
                index = self.fields[source]
                found[target] = (None, index + 1, self.sheet.label(index))
        for index, key in self.extra.items():
            found[key] = (None, index + 1, self.sheet.label(index))
        found.setdefault("id", found.get("title", (None, 0, "id")))
        return found

    def get(self, cells: list[str], name: str) -> str:
        index = self.fields.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    def values(self, cells: list[str], names=VALUE_FIELDS) -> dict[str, Any]:
        found = {name: self.get(cells, name) for name in names}
        found = {name: text for name, text in found.items() if text}
        for index, key in self.extra.items():
            if index < len(cells) and cells[index]:
                found[key] = cells[index]
        return found

    def problem(self, row: int, name: str, message: str) -> None:
        self.out.problems.append(cell_problem(self.sheet, row, self.fields.get(name),
                                              message, name))

    def quarter(self, row: int, cells: list[str]) -> None:
        text = self.get(cells, "quarter")
        if text:
            self.out.quarters.append((text, self.sheet, row, self.fields["quarter"]))

    def kind(self, row: int, cells: list[str]) -> str | None:
        written = self.get(cells, "type")
        kind = _TYPES.get(normalise_header(written))
        if kind is None:
            message = (f"unknown type {written!r}" if written else "missing type")
            self.problem(row, "type", message + "; expected Objective or Key Result")
        return kind


def read_key_result_rows(sheet: Sheet, out: Rows) -> None:
    """Layout 2: objectives repeated on each of their key results' rows."""
    reader = _Reader(sheet, out)
    objective_columns = reader.columns(title="objective")
    kr_columns = reader.columns(title="key_result")
    objectives: dict[tuple[str, str], int] = {}
    parent_rows: dict[int, tuple[str, int]] = {}
    team = objective = ""
    for row, cells in sheet.rows:
        team = reader.get(cells, "team") or team
        objective = reader.get(cells, "objective") or objective
        reader.quarter(row, cells)
        if not objective:
            reader.problem(row, "objective", "missing objective")
            continue
        key = (team, objective)
        if key not in objectives:
            objectives[key] = len(out.items)
            out.items.append(Item(sheet.where, row, objective_columns, objective, "objective",
                                  team=team, values=reader.values(cells, ("origin", "intentional"))))
        index = objectives[key]
        _agree_on_parent(reader, out.items[index], parent_rows, index, row, cells)
        title = reader.get(cells, "key_result")
        if title:
            out.items.append(Item(sheet.where, row, kr_columns, title, "key_result",
                                  parents=[index], values=reader.values(
                                      cells, [*VALUE_FIELDS[:-2]])))
        else:
            _objective_values(reader, out.items[index], row, cells)


def _agree_on_parent(reader: _Reader, item: Item, first: dict[int, tuple[str, int]],
                     index: int, row: int, cells: list[str]) -> None:
    """An objective's ``Aligns To`` must be the same on every row that gives it."""
    text = reader.get(cells, "parent")
    if not text:
        return
    if index not in first:
        first[index] = (text, row)
        item.parent_texts = split_list(text)
    elif _folded(text) != _folded(first[index][0]):
        given, at = first[index]
        reader.problem(row, "parent", f"{text!r} differs from {given!r} on row {at} for "
                       f"the same objective {item.title!r}; give one value on every row")


def _folded(text: str) -> list[str]:
    return [normalise(part) for part in split_list(text)]


def _objective_values(reader: _Reader, item: Item, row: int, cells: list[str]) -> None:
    """A row with an objective and no key result: its owner, liaison, dependencies."""
    for name, text in reader.values(cells).items():
        if name in KEY_RESULT_ONLY:
            reader.problem(row, name, f"{name} on a row with no key result; give the key "
                           "result's title on this row")
        else:
            item.values.setdefault(name, text)


def read_parent_references(sheet: Sheet, out: Rows) -> None:
    """Layout 3: each row has a reference; parents are named by reference (or title)."""
    reader = _Reader(sheet, out)
    columns = reader.columns()
    seen: dict[str, int] = {_ref(item.ref): item.row for item in out.items if item.ref}
    for row, cells in sheet.rows:
        reader.quarter(row, cells)
        title, ref = reader.get(cells, "title"), reader.get(cells, "reference")
        kind = reader.kind(row, cells)
        if not title:
            reader.problem(row, "title", "missing title")
        if ref and _ref(ref) in seen:
            reader.problem(row, "reference", f"duplicate reference {ref!r}; first on row "
                           f"{seen[_ref(ref)]}")
            continue
        if ref:
            seen[_ref(ref)] = row
        if title and kind:
            out.items.append(Item(sheet.where, row, columns, title, kind, ref=ref,
                                  team=reader.get(cells, "team"),
                                  parent_texts=split_list(reader.get(cells, "parent")),
                                  values=reader.values(cells)))


def _ref(text: str) -> str:
    return text.strip().lower()


def read_outline(sheet: Sheet, out: Rows) -> None:
    """Layout 4: ``Order`` numbers place each goal under the one whose number it extends."""
    reader = _Reader(sheet, out)
    out.inherit_team = True
    columns = reader.columns(aligns_to="order")
    by_order: dict[str, int] = {}
    for row, cells in sheet.rows:
        reader.quarter(row, cells)
        order = reader.get(cells, "order").rstrip(".")
        title, kind = reader.get(cells, "title"), reader.kind(row, cells)
        if not _ORDER.fullmatch(order):
            reader.problem(row, "order", f"expected an outline number such as 1.2.1, got "
                           f"{order!r}" if order else "missing outline number")
            continue
        if order in by_order:
            reader.problem(row, "order", f"duplicate reference {order!r}; first on row "
                           f"{out.items[by_order[order]].row}")
            continue
        if not title:
            reader.problem(row, "title", "missing title")
        teams = split_list(reader.get(cells, "team"))
        if len(teams) > 1:
            reader.problem(row, "team", f"{len(teams)} teams given; an objective belongs to "
                           "one team")
        if title and kind:
            by_order[order] = len(out.items)
            out.items.append(Item(sheet.where, row, columns, title, kind, ref=order,
                                  team=teams[0] if teams else "", values=reader.values(cells)))
    for item in out.items:
        if item.where == sheet.where and "." in item.ref:
            parent = item.ref.rsplit(".", 1)[0]
            if parent in by_order:
                item.parents = [by_order[parent]]
            else:
                item.unplaced = True
                reader.problem(item.row, "order", f"the parent reference {parent!r} resolves "
                               f"to nothing: no row is numbered {parent}")
        item.ref = ""  # outline numbers change when goals move: ids come from titles


def read_indented(sheet: Sheet, out: Rows) -> None:
    """Layout 5: ``Main``, ``L1``…: each title in the column of its depth."""
    reader = _Reader(sheet, out)
    out.inherit_team = True
    levels = {index: depth for index, header in enumerate(sheet.header)
              if (depth := level_of(header)) is not None}
    for index in levels:
        reader.extra.pop(index, None)
    columns_at: dict[int, Columns] = {}
    stack: list[int] = []
    for row, cells in sheet.rows:
        reader.quarter(row, cells)
        titles = [(depth, index) for index, depth in levels.items()
                  if index < len(cells) and cells[index]]
        if len(titles) != 1:
            _indent_problem(sheet, out, row, titles, min(levels, default=0))
            continue
        depth, index = titles[0]
        if depth > len(stack):
            out.problems.append(cell_problem(sheet, row, index, f"a goal at level {depth} "
                                             f"with no goal at level {depth - 1} above it"))
            continue
        if depth not in columns_at:
            cell = (None, index + 1, sheet.label(index))
            columns_at[depth] = {**reader.columns(), "title": cell, "id": cell, "aligns_to": cell}
        del stack[depth:]
        out.items.append(Item(sheet.where, row, columns_at[depth], cells[index], None,
                              team=reader.get(cells, "team"),
                              parents=stack[-1:], values=reader.values(cells)))
        stack.append(len(out.items) - 1)


def _indent_problem(sheet: Sheet, out: Rows, row: int, titles: list, first: int) -> None:
    if titles:
        names = " and ".join(sheet.label(index) for _, index in titles)
        out.problems.append(cell_problem(sheet, row, titles[1][1], f"titles in {names}; "
                                         "write one goal a row, in the column of its depth"))
    else:
        out.problems.append(cell_problem(sheet, row, first, "missing title: a row with no "
                                         "title in Main, L1, L2…"))


READERS: dict[int, Callable[[Sheet, Rows], None]] = {
    2: read_key_result_rows, 3: read_parent_references, 4: read_outline, 5: read_indented}
