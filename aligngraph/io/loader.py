"""Load OKR files (YAML or JSON) into one validated :class:`Organisation`.

Every problem is collected before anything is raised, and each is located: the file,
the line and column, the path of the field, and what was expected.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pydantic

from ..errors import InputError, Problem
from ..integrity import find_flaws
from ..model import Cycle, Document, Organisation, Origin
from .parsed import Parsed, unknown_keys_of
from .errors import describe_validation_error, dotted, unknown_key_message
from .tables import TABLE_SUFFIXES, TableDocument, TableOptions, is_table, read_workbooks
from .yaml_source import Locator, parse_yaml

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_EXPECTED_SUFFIXES = "a .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods suffix"

#: Validates a ``settings:`` block: every problem as ``(dotted path, message)``. The
#: checks own their options, and io sits below them, so the caller passes this in.
SettingsCheck = Callable[[Mapping[str, Any]], list[tuple[str, str]]]


def load(paths: Sequence[str | Path], *, settings_check: SettingsCheck | None = None,
         tables: TableOptions | None = None) -> Organisation:
    """Read, validate and merge OKR files and folders into one organisation.

    ``settings_check`` validates the files' ``settings:`` blocks, each problem located;
    without it they are read as they are (``aligngraph.load`` passes the checks').
    Spreadsheets (CSV, TSV, XLSX, ODS) are read by :mod:`.tables`, as ``tables`` says.

    Raises
    ------
    InputError
        With every problem found, each located in its file.
    """
    files, problems = expand_paths(paths)
    texts, sheets = [], []
    for path in files:
        content, problem = _read_bytes(path) if is_table(path.name) else _read_text(path)
        if problem:
            problems.append(problem)
        elif isinstance(content, bytes):
            sheets.append((str(path), content))
        else:
            texts.append((str(path), content))
    return _load(texts, sheets, problems, settings_check, tables)


def load_bytes(files: Sequence[tuple[str, bytes]], *,
               settings_check: SettingsCheck | None = None,
               tables: TableOptions | None = None) -> Organisation:
    """Validate and merge OKR documents given as ``(name, bytes)``, e.g. uploads."""
    texts, problems = [], []
    sheets = [(name, data) for name, data in files if is_table(name)]
    for name, data in files:
        if is_table(name):
            continue
        if Path(name).suffix.lower() not in SUFFIXES:
            problems.append(Problem(name, "", f"not an OKR file: expected {_EXPECTED_SUFFIXES}"))
            continue
        try:
            texts.append((name, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, "", f"cannot be read as UTF-8 text: {exc}"))
    if not files:
        problems.append(Problem("(none)", "", "no OKR file given"))
    return _load(texts, sheets, problems, settings_check, tables)


def load_texts(texts: Sequence[tuple[str, str]], problems: list[Problem] | None = None, *,
               settings_check: SettingsCheck | None = None) -> Organisation:
    """Validate and merge OKR documents given as ``(name, text)`` pairs.

    The name's suffix chooses the parser: ``.json`` for JSON, anything else YAML.
    """
    return _load(texts, [], list(problems or []), settings_check, None)


def _load(texts: Sequence[tuple[str, str]], sheets: Sequence[tuple[str, bytes]],
          problems: list[Problem], settings_check: SettingsCheck | None,
          tables: TableOptions | None) -> Organisation:
    sources = _Sources()
    documents = []
    for name, text in texts:
        parsed, found = _read_document(name, text, sources)
        problems += found
        if parsed is not None:
            documents.append(parsed)
    workbooks, found = read_workbooks(sheets, tables) if sheets else ([], [])
    problems += found
    for workbook in workbooks:
        parsed, found = _read_workbook(workbook, sources)
        problems += found
        documents.append(parsed)
    org, merge_problems = _merge(documents, sources)
    org.notices = [notice for workbook in workbooks for notice in workbook.notices]
    problems += merge_problems
    if settings_check is not None:
        problems += _settings_problems(settings_check(org.settings), sources)
    dropped = set().union(*(parsed.dropped_ids for parsed in documents))
    flaws = [flaw for flaw in find_flaws(org) if not _about(flaw, dropped)]
    problems += [sources.locate_flaw(flaw, org) for flaw in flaws]
    if problems:
        raise InputError(problems)
    return org


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The OKR files named by paths (folders: every .yaml, .yml, .json below), and a
    problem for each path that is missing or a folder that holds none."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in SUFFIXES or p.suffix.lower() in TABLE_SUFFIXES)
            if not found:
                problems.append(Problem(str(path), "", "no .yaml, .yml, .json, .csv, .tsv, "
                                        ".xlsx or .ods files in this folder"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "", "no such file or folder"))
    if not paths:
        problems.append(Problem("(none)", "", "no OKR file given"))
    return files, problems


class _Sources:
    """The text of each file, kept to locate problems after validation."""

    def __init__(self):
        self._texts: dict[str, str] = {}
        self._locators: dict[str, Locator] = {}
        self._tables: dict[str, TableDocument] = {}
        self.settings_files: dict[str, str] = {}

    def add(self, file: str, text: str) -> None:
        self._texts[file] = text

    def add_table(self, workbook: TableDocument) -> None:
        self._tables[workbook.name] = workbook

    def problem(self, file: str, loc: tuple, message: str, *, key: bool = False) -> Problem:
        if file in self._tables:
            return self._tables[file].locator.problem(loc, message)
        if file not in self._locators:
            self._locators[file] = Locator(self._texts.get(file, ""))
        position = self._locators[file].find(loc, key=key)
        line, column = position if position else (None, None)
        return Problem(file, dotted(loc), message, line, column)

    def locate_flaw(self, flaw, org: Organisation) -> Problem:
        origin = org.origins[(flaw.kind, flaw.id)]
        return self.problem(origin.file, origin.loc + flaw.loc, flaw.message)


def _read_text(path: Path) -> tuple[str, Problem | None]:
    if path.suffix.lower() not in SUFFIXES:
        return "", Problem(str(path), "", f"not an OKR file: expected {_EXPECTED_SUFFIXES}")
    try:
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        return "", Problem(str(path), "", f"cannot be read as UTF-8 text: {exc}")


def _read_bytes(path: Path) -> tuple[bytes, Problem | None]:
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return b"", Problem(str(path), "", f"cannot be read: {exc.strerror}")


def _read_workbook(workbook: TableDocument, sources: _Sources) -> tuple[Parsed, list[Problem]]:
    """A spreadsheet's document, validated like a file's; its problems located in cells."""
    sources.add_table(workbook)
    parsed, problems = _validate(workbook.name, workbook.data, sources)
    return parsed, workbook.problems + problems


def _read_document(file: str, text: str, sources: _Sources) -> tuple[Parsed | None, list[Problem]]:
    sources.add(file, text)
    data, problems = parse_document(text, file)
    if problems:
        return None, problems
    return _validate(file, data, sources)


def _validate(file: str, data: Any, sources: _Sources) -> tuple[Parsed, list[Problem]]:
    try:
        parsed, errors = Parsed.whole(file, Document.model_validate(data)), []
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        parsed = Parsed.salvage(file, data, errors)
    problems = [_locate_error(error, file, sources) for error in errors]
    problems += [sources.problem(file, (*loc, key), unknown_key_message(loc, key), key=True)
                 for loc, key in unknown_keys_of(parsed, data)]
    return parsed, problems


def parse_document(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse JSON for a ``.json`` name, YAML for any other; return data and problems."""
    if file.lower().endswith(".json"):
        return parse_json(text, file)
    return parse_yaml(text, file)


def parse_json(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse JSON text, reporting duplicate keys rather than dropping one."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict:
        data = dict(items)
        if len(data) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    duplicates.append(key)
                seen.add(key)
        return data

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        return None, [Problem(file, "", f"not valid JSON: {exc.msg}", exc.lineno, exc.colno)]
    problems = [Problem(file, "", f"duplicate key {key!r} in one object; the later value "
                        "would silently replace the earlier one") for key in duplicates]
    return data, problems


def _locate_error(error: Mapping[str, Any], file: str, sources: _Sources) -> Problem:
    loc, message = describe_validation_error(error)
    return sources.problem(file, loc, message)


def _merge(documents: Iterable[Parsed], sources: _Sources
           ) -> tuple[Organisation, list[Problem]]:
    merger = _Merger(sources)
    for parsed in documents:
        merger.add(parsed)
    return merger.org, merger.problems


def _settings_problems(found: list[tuple[str, str]], sources: _Sources) -> list[Problem]:
    """Locate each problem of the files' settings in the file that set it."""
    located = []
    for path, message in found:
        loc = tuple(path.split("."))
        file = sources.settings_files.get(loc[1], "settings")
        located.append(sources.problem(file, loc, message, key="unknown" in message))
    return located


def _about(flaw, dropped_ids: set[str]) -> bool:
    """Whether a flaw only repeats that a record with its own errors is missing."""
    return flaw.ref is not None and flaw.ref in dropped_ids


class _Merger:
    def __init__(self, sources: _Sources):
        self.sources = sources
        self.org = Organisation(cycle=Cycle())
        self.problems: list[Problem] = []
        self._cycle_from: str | None = None

    def add(self, parsed: Parsed) -> None:
        file = parsed.file
        self._add_cycle(file, parsed.cycle)
        self._add_settings(file, parsed.settings)
        for index, team in parsed.teams:
            self._claim("team", team.id, Origin(file, ("teams", index)))
            self.org.teams.append(team)
        if parsed.people is not None:
            self.org.people = self.org.people or []
            for index, person in parsed.people:
                self._claim("person", person.id, Origin(file, ("people", index)))
                self.org.people.append(person)
        for index, objective in parsed.objectives:
            at = ("objectives", index)
            self._claim("goal", objective.id, Origin(file, at))
            for kr_index, kr in enumerate(objective.key_results):
                self._claim("goal", kr.id, Origin(file, (*at, "key_results", kr_index)))
            self.org.objectives.append(objective)

    def _claim(self, kind: str, id_: str, origin: Origin) -> None:
        first = self.org.origins.setdefault((kind, id_), origin)
        if first is not origin:
            noun = "objective or key result" if kind == "goal" else kind
            self.problems.append(self.sources.problem(
                origin.file, origin.loc + ("id",),
                f"duplicate {noun} id {id_!r}; first defined at {self._where(first)}. "
                "Ids must be unique across all files"))

    def _where(self, origin: Origin) -> str:
        first = self.sources.problem(origin.file, origin.loc, "")
        line = f":{first.line}" if first.line else ""
        return f"{first.file}{line} ({first.path})"

    def _add_cycle(self, file: str, cycle: Cycle | None) -> None:
        if cycle is None:
            return
        if self._cycle_from is None:
            self.org.cycle, self._cycle_from = cycle, file
        elif cycle != self.org.cycle:
            self.problems.append(Problem(
                file, "cycle", f"differs from the cycle given in {self._cycle_from}; "
                "files merged into one organisation must share one cycle"))

    def _add_settings(self, file: str, settings: dict) -> None:
        for check, options in settings.items():
            self.sources.settings_files.setdefault(check, file)
            merged = self.org.settings.get(check)
            if not isinstance(options, dict) or not isinstance(merged, dict):
                self.org.settings.setdefault(check, options)
                continue
            for name, value in options.items():
                if name in merged and merged[name] != value:
                    self.problems.append(self.sources.problem(
                        file, ("settings", check, name),
                        f"{value!r} conflicts with {merged[name]!r} set in another file"))
                merged[name] = value
