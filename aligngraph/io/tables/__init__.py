"""Spreadsheets and other tools' exports: CSV, TSV, XLSX and ODS in five layouts.

:func:`read_workbooks` turns table files into v1 documents (plain data) that the loader
validates and merges like YAML, with a locator that gives every problem its file, sheet,
row and column. pandas is imported only when a table is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import Problem
from .document import TableDocument, TableLocator
from .goal_rows import READERS, Rows
from .headers import (
    LAYOUTS, TEAM_SHEET, Role, classify, column_map, mappable_fields, normalise_header, skipped,
)
from .infer import build_goals
from .own import read_own
from .sheets import CSV_SUFFIXES, TABLE_SUFFIXES, Sheet, read_sheets

__all__ = ["LAYOUTS", "TABLE_SUFFIXES", "TableDocument", "TableOptions", "is_table",
           "read_workbooks"]


@dataclass(frozen=True)
class TableOptions:
    """``--layout`` (a name or number) and ``--columns`` (``{header: field}``)."""

    layout: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


def load_column_map(path: str | Path) -> tuple[dict[str, str], str | None]:
    """A ``--columns`` file: ``{header: field}``, or a ``columns:`` block with an
    optional ``layout:``. Returns the map and the layout it names."""
    import yaml

    from ...errors import InputError

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError([Problem(str(path), "", f"cannot read the column map: {exc}")]) from None
    layout = None
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        layout = data.get("layout")
        data = data["columns"]
    if not isinstance(data, dict):
        raise InputError([Problem(str(path), "", "expected a mapping of headers to fields, "
                                  "e.g. {'Objective Name': objective}")])
    mapping = {str(k): str(v) for k, v in data.items()}
    problems = [Problem(str(path), "columns", p.message) for p in _column_map(mapping)[1]]
    if problems:
        raise InputError(problems)
    return mapping, (str(layout) if layout else None)


def is_table(name: str) -> bool:
    return Path(name).suffix.lower() in TABLE_SUFFIXES


def read_workbooks(files: Sequence[tuple[str, bytes]], options: TableOptions | None = None
                   ) -> tuple[list[TableDocument], list[Problem]]:
    """The documents in table files: every CSV and TSV file given together is one
    workbook (each file a sheet); each XLSX or ODS file is a workbook of its own."""
    options = options or TableOptions()
    layout, problems = _layout(options.layout)
    mapping, map_problems = _column_map(options.columns)
    problems += map_problems
    if problems:
        return [], problems
    csvs = [(n, d) for n, d in files if Path(n).suffix.lower() in CSV_SUFFIXES]
    books = [[(n, d)] for n, d in files if Path(n).suffix.lower() not in CSV_SUFFIXES]
    documents = []
    for group in ([csvs] if csvs else []) + books:
        sheets: list[Sheet] = []
        for name, data in group:
            found, read_problems = read_sheets(name, data)
            sheets += found
            problems += read_problems
        if sheets:
            documents.append(read_workbook(_workbook_name(group), sheets, layout, mapping))
    return documents, problems


def _workbook_name(group: Sequence[tuple[str, bytes]]) -> str:
    """The name messages give a workbook: its file, or its CSV files."""
    names = [name for name, _ in group]
    if len(names) <= 3:
        return " + ".join(names)
    return f"{names[0]} + {len(names) - 1} more CSV files"


def read_workbook(name: str, sheets: list[Sheet], layout: int | None = None,
                  mapping: Mapping[str, str] | None = None) -> TableDocument:
    """One workbook's sheets, each recognised by its header, as one document."""
    roles: dict[Role, list[Sheet]] = {}
    problems: list[Problem] = []
    for sheet in sheets:
        if skipped(sheet) or not sheet.header:
            continue
        if mapping:
            sheet.written = list(sheet.header)
            sheet.header = [_mapped(h, mapping) for h in sheet.header]
        role = classify(sheet, layout)
        if role is None:
            problems.append(_unknown_sheet(sheet, layout))
        else:
            roles.setdefault(role, []).append(sheet)
    goal_layouts = sorted({role.layout for role in roles if role.table == "goals"})
    if len(goal_layouts) > 1:
        problems.append(Problem(name, "", "goal sheets in different layouts ("
                                + ", ".join(_layout_name(n) for n in goal_layouts)
                                + "): one workbook, one layout (or give --layout)"))
    own = goal_layouts == [1] or (not goal_layouts and any(r.layout == 1 for r in roles))
    problems += _stray_sheets(roles, own)
    if own:
        doc = read_own(name, {role.table: found for role, found in roles.items()
                              if role.layout == 1})
    else:
        doc = _read_goal_layout(name, roles, goal_layouts[0] if goal_layouts else None)
    doc.problems = problems + doc.problems
    return doc


def _read_goal_layout(name: str, roles: dict[Role, list[Sheet]], layout: int | None
                      ) -> TableDocument:
    doc = TableDocument(name, {"teams": [], "objectives": []}, TableLocator(name))
    rows = Rows()
    for role, sheets in roles.items():
        if role.table == "goals" and role.layout == layout:
            for sheet in sheets:
                READERS[role.layout](sheet, rows)
    build_goals(doc, rows, roles.get(TEAM_SHEET, []))
    return doc


def _stray_sheets(roles: dict[Role, list[Sheet]], own: bool) -> list[Problem]:
    """Sheets of aligngraph's layout among another layout's (or the reverse) would be
    ignored: say so instead."""
    stray = [sheet for role, sheets in roles.items() for sheet in sheets
             if (role.layout == 1) != own]
    return [Problem(sheet.where, "", "this sheet is in "
                    + ("another layout than" if own else "aligngraph's layout, unlike")
                    + " the workbook's goal sheets; one workbook, one layout",
                    sheet.header_row, None) for sheet in stray]


def _mapped(header: str, mapping: Mapping[str, str]) -> str:
    return mapping.get(normalise_header(header), header)


def _layout_name(number: int) -> str:
    return next(f"{name} ({n})" for name, n in LAYOUTS.items() if n == number)


def _unknown_sheet(sheet: Sheet, layout: int | None) -> Problem:
    shown = ", ".join(h for h in sheet.header if h)
    forced = f" in layout {_layout_name(layout)}" if layout else ""
    return Problem(sheet.where, "", f"cannot tell what this sheet holds{forced} from its "
                   f"header ({shown}); see docs/spreadsheets.md for the layouts and their "
                   "headers, or map columns with --columns", sheet.header_row, None)


def _layout(text: str | None) -> tuple[int | None, list[Problem]]:
    if text is None:
        return None, []
    wanted = text.strip().lower()
    if wanted in LAYOUTS:
        return LAYOUTS[wanted], []
    if wanted.isdigit() and int(wanted) in LAYOUTS.values():
        return int(wanted), []
    names = ", ".join(f"{name} ({n})" for name, n in LAYOUTS.items())
    return None, [Problem("--layout", "", f"unknown layout {text!r}; expected one of {names}")]


def _column_map(columns: Mapping[str, str]) -> tuple[dict[str, str], list[Problem]]:
    valid = set(mappable_fields())
    bad = [f"{header!r}: unknown field {field_!r}" for header, field_ in columns.items()
           if not str(field_).startswith("x-") and field_ not in valid]
    if bad:
        return {}, [Problem("--columns", "", "; ".join(bad) + ". Valid fields: "
                            + ", ".join(sorted(valid)))]
    return column_map({str(k): str(v) for k, v in columns.items()}), []
