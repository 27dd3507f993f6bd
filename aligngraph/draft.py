"""The workshop's editable draft: an organisation as two tables, and edits back.

Pure domain code, on v1 documents as plain data (what :func:`aligngraph.io.writer.
document_data` makes and the loader reads). The explorer shows the objectives and the
key results as tables; an edit of a table (cells changed, rows added, rows deleted, by
row position, as ``st.data_editor`` reports them) becomes a new document, which the
caller validates with the loader like any file. Nothing here validates: a bad value is
written as given, so that the loader's located message says what is wrong with it.

Deleting a goal removes every ``aligns_to`` link to it (it has gone, so nothing can align
to it); renaming a goal's id renames the links to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

OBJECTIVES, KEY_RESULTS = "objectives", "key_results"
#: The columns of each table, in order.
OBJECTIVE_COLUMNS = ("id", "team", "title", "owner", "aligns_to", "depends_on", "liaison",
                     "intentional")
KEY_RESULT_COLUMNS = ("id", "objective", "title", "owner", "aligns_to", "depends_on",
                      "liaison", "target", "current")
LIST_COLUMNS = ("aligns_to", "depends_on")
NUMBER_COLUMNS = ("target", "current")
#: Fields a record must keep even when blank: the loader then says what is missing.
REQUIRED = ("id", "title", "team")
_SEPARATORS = re.compile(r"[;,\n]")
_TRAILING_NUMBER = re.compile(r"[0-9]+$")


class DraftProblem(Exception):
    """An edit that cannot become a document at all (a key result with no objective):
    ``table``, 0-based ``row`` and ``column`` locate it. Not raised to users: the
    explorer shows it beside the table, as it does the loader's problems."""

    def __init__(self, table: str, row: int, column: str, message: str):
        super().__init__(message)
        self.table, self.row, self.column, self.message = table, row, column, message


@dataclass(frozen=True)
class TableEdit:
    """What an editor reports: ``{row: {column: value}}`` for changed cells, new rows,
    and the positions of deleted rows (all in the table as it was shown)."""

    edited: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)
    added: tuple[Mapping[str, Any], ...] = ()
    deleted: tuple[int, ...] = ()

    @classmethod
    def from_state(cls, state: Mapping[str, Any] | None) -> TableEdit:
        """From ``st.data_editor``'s state: ``edited_rows`` (keys may be text),
        ``added_rows`` and ``deleted_rows``."""
        state = state or {}
        edited = {int(row): dict(cells) for row, cells in (state.get("edited_rows") or {}).items()}
        return cls(edited, tuple(dict(r) for r in state.get("added_rows") or ()),
                   tuple(int(r) for r in state.get("deleted_rows") or ()))

    def __bool__(self) -> bool:
        return bool(self.edited or self.added or self.deleted)


def split_ids(text: Any) -> list[str]:
    """The ids written in one cell, separated by ``,``, ``;`` or new lines.

    >>> split_ids("ENG1, PRD2;  ")
    ['ENG1', 'PRD2']
    """
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        return [str(item).strip() for item in text if str(item).strip()]
    return [item.strip() for item in _SEPARATORS.split(str(text)) if item.strip()]


def objective_rows(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per objective, in the document's order; lists joined with ``, ``."""
    return [_row(objective, OBJECTIVE_COLUMNS) for objective in data.get(OBJECTIVES, [])]


def key_result_rows(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per key result, objective by objective, with its objective's id."""
    return [_row({**kr, "objective": objective.get("id")}, KEY_RESULT_COLUMNS)
            for objective in data.get(OBJECTIVES, []) for kr in objective.get(KEY_RESULTS, [])]


def _row(record: Mapping[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in columns:
        value = record.get(column)
        if column in LIST_COLUMNS:
            row[column] = ", ".join(str(item) for item in value or [])
        elif column in NUMBER_COLUMNS:
            row[column] = value
        else:
            row[column] = "" if value is None else str(value)
    return row


def apply_edit(data: Mapping[str, Any], table: str, edit: TableEdit) -> dict[str, Any]:
    """A new document: ``data`` with one table's edit applied (``data`` is not changed).

    Raises :class:`DraftProblem` for a key result row that names no existing objective.
    """
    doc = _copied(data)
    objectives: list[dict[str, Any]] = doc[OBJECTIVES]
    if table == OBJECTIVES:
        _edit_objectives(doc, objectives, edit)
    elif table == KEY_RESULTS:
        _edit_key_results(doc, objectives, edit)
    else:
        raise ValueError(f"unknown table {table!r}")
    return doc


def _copied(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the document deep enough for an edit: every goal's mapping and every
    objective's list of key results are new; the values in them, which an edit replaces
    rather than changes, are shared (a deep copy of a 1,000-team document takes 0.2 s).
    """
    doc = dict(data)
    doc[OBJECTIVES] = [
        {**objective, KEY_RESULTS: [dict(kr) for kr in objective[KEY_RESULTS]]}
        if KEY_RESULTS in objective else dict(objective)
        for objective in data.get(OBJECTIVES, [])]
    return doc


def _edit_objectives(doc: dict, objectives: list[dict], edit: TableEdit) -> None:
    renamed: dict[str, str] = {}
    for row, cells in edit.edited.items():
        if 0 <= row < len(objectives):
            old_id = objectives[row].get("id")
            _set_cells(objectives[row], cells)
            if old_id and objectives[row].get("id") and objectives[row]["id"] != old_id:
                renamed[old_id] = objectives[row]["id"]
    taken = _goal_ids(doc)  # before deleting: a deleted goal's id is not given again at once
    gone = {objectives[row].get("id") for row in edit.deleted if 0 <= row < len(objectives)}
    gone |= {kr.get("id") for row in edit.deleted if 0 <= row < len(objectives)
             for kr in objectives[row].get(KEY_RESULTS, [])}
    deleted = set(edit.deleted)
    objectives[:] = [o for row, o in enumerate(objectives) if row not in deleted]
    for cells in edit.added:
        objective: dict[str, Any] = {}
        _set_cells(objective, cells)
        for name in REQUIRED:
            objective.setdefault(name, "")
        if not objective["id"]:
            objective["id"] = _new_id(_prefix(objectives, objective["team"]), taken)
        taken.add(objective["id"])
        objectives.append(objective)
    _relink(doc, renamed, {str(goal) for goal in gone if goal})


def _edit_key_results(doc: dict, objectives: list[dict], edit: TableEdit) -> None:
    rows = [(objective, kr) for objective in objectives for kr in objective.get(KEY_RESULTS, [])]
    by_id = {objective.get("id"): objective for objective in objectives}
    renamed: dict[str, str] = {}
    moves: list[tuple[dict, dict, dict]] = []
    for row, cells in edit.edited.items():
        if not 0 <= row < len(rows):
            continue
        objective, kr = rows[row]
        old_id = kr.get("id")
        _set_cells(kr, {k: v for k, v in cells.items() if k != "objective"})
        if old_id and kr.get("id") and kr["id"] != old_id:
            renamed[old_id] = kr["id"]
        if "objective" in cells and cells["objective"] != objective.get("id"):
            target = by_id.get(str(cells["objective"] or "").strip())
            if target is None:
                raise DraftProblem(KEY_RESULTS, row, "objective",
                                   _unknown_objective(cells["objective"]))
            moves.append((objective, target, kr))
    for source, target, kr in moves:
        source[KEY_RESULTS] = [k for k in source[KEY_RESULTS] if k is not kr]
        target.setdefault(KEY_RESULTS, []).append(kr)
    taken = _goal_ids(doc)
    deleted = [rows[row] for row in edit.deleted if 0 <= row < len(rows)]
    for objective, kr in deleted:
        objective[KEY_RESULTS] = [k for k in objective[KEY_RESULTS] if k is not kr]
    for index, cells in enumerate(edit.added):
        name = str(cells.get("objective") or "").strip()
        home = by_id.get(name)
        if home is None:
            raise DraftProblem(KEY_RESULTS, len(rows) + index, "objective",
                               _unknown_objective(name))
        new: dict[str, Any] = {}
        _set_cells(new, {k: v for k, v in cells.items() if k != "objective"})
        new.setdefault("title", "")
        if not new.get("id"):
            new["id"] = _new_id(f"{name}.", taken)
        taken.add(new["id"])
        home.setdefault(KEY_RESULTS, []).append(new)
    _relink(doc, renamed, {kr.get("id") for _, kr in deleted} - {None})


def _unknown_objective(name: Any) -> str:
    if not str(name or "").strip():
        return "a key result needs its objective: write the objective's id"
    return f"unknown objective {str(name)!r}: write the id of an objective in the table above"


def _set_cells(record: dict[str, Any], cells: Mapping[str, Any]) -> None:
    """Write edited cells into a record: blank optional cells remove the field."""
    for column, value in cells.items():
        if column in LIST_COLUMNS:
            ids = split_ids(value)
            if ids:
                record[column] = ids
            else:
                record.pop(column, None)
        elif column in NUMBER_COLUMNS:
            number = _number(value)
            if number is None:
                record.pop(column, None)
            else:
                record[column] = number
        else:
            text = "" if value is None else str(value).strip()
            if text or column in REQUIRED:
                record[column] = text
            else:
                record.pop(column, None)


def _number(value: Any) -> Any:
    """A number cell: blank is None, whole floats become ints, text stays as written (the
    loader says it is not a number)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        if value != value:  # NaN: an emptied cell
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        try:
            return _number(float(value))
        except ValueError:
            return value.strip()
    return value


def _goal_ids(doc: Mapping[str, Any]) -> set[str]:
    return {str(goal["id"]) for goal in goals_of(doc) if goal.get("id")}


def goals_of(doc: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    """Every objective and key result of a document, each objective before its key results."""
    for objective in doc.get(OBJECTIVES, []):
        yield objective
        yield from objective.get(KEY_RESULTS, [])


def _prefix(objectives: list[dict], team: str) -> str:
    """What a team's objective ids start with (``MOB`` for ``MOB1``), or its id."""
    for objective in objectives:
        if objective.get("team") == team and objective.get("id"):
            return _TRAILING_NUMBER.sub("", str(objective["id"])) or str(objective["id"])
    return f"{team.upper()}-" if team else "O"


def _new_id(prefix: str, taken: set[str]) -> str:
    """The first of ``prefix1``, ``prefix2``… not taken.

    >>> _new_id("MOB", {"MOB1", "MOB2"})
    'MOB3'
    """
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _relink(doc: dict, renamed: Mapping[str, str], gone: set[str]) -> None:
    """Links to renamed goals follow them; links to deleted goals go."""
    if not renamed and not gone:
        return
    for goal in goals_of(doc):
        links = goal.get("aligns_to")
        if not links:
            continue
        kept = [renamed.get(link, link) for link in links if link not in gone]
        if kept:
            goal["aligns_to"] = kept
        else:
            del goal["aligns_to"]


def describe_edit(table: str, edit: TableEdit, rows: list[dict[str, Any]]) -> str:
    """A short description of an edit, for the undo list: ``title of MOB1``.

    >>> describe_edit("objectives", TableEdit({0: {"title": "x"}}), [{"id": "MOB1"}])
    'objectives: title of MOB1'
    """
    parts = []
    for row, cells in sorted(edit.edited.items()):
        name = rows[row].get("id", f"row {row + 1}") if row < len(rows) else f"row {row + 1}"
        parts.append(f"{', '.join(cells)} of {name}")
    if edit.added:
        parts.append(f"{len(edit.added)} added")
    for row in edit.deleted:
        name = rows[row].get("id", f"row {row + 1}") if row < len(rows) else f"row {row + 1}"
        parts.append(f"{name} deleted")
    return f"{table.replace('_', ' ')}: " + "; ".join(parts)


def row_of(path: str, data: Mapping[str, Any]) -> tuple[str, int] | None:
    """The table and row a loader problem's path points at: ``objectives[3].team`` is row
    3 of the objectives; ``objectives[3].key_results[1].target`` a row of the key results.

    >>> row_of("objectives[1].key_results[0].target",
    ...        {"objectives": [{"key_results": [{}, {}]}, {"key_results": [{}]}]})
    ('key_results', 2)
    """
    found = re.match(r"objectives\[([0-9]+)\](?:\.key_results\[([0-9]+)\])?", path)
    if not found:
        return None
    objective = int(found.group(1))
    if found.group(2) is None:
        return OBJECTIVES, objective
    before = sum(len(o.get(KEY_RESULTS, [])) for o in data.get(OBJECTIVES, [])[:objective])
    return KEY_RESULTS, before + int(found.group(2))
