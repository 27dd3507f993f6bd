"""Load OKR files (YAML, JSON or spreadsheets) into one validated :class:`Organisation`.

Every problem is collected before anything is raised, and each is located: the file,
the line and column, the path of the field, and what was expected.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pydantic

from ..errors import InputError, Problem, excerpt
from ..integrity import find_flaws
from ..model import Cycle, Document, Organisation, Origin
from .parsed import Parsed, first_errors, unknown_keys_of
from .errors import describe_validation_error, dotted, unknown_key_message
from .limits import (
    Limits, deepest_path, depth_message, long_titles, records_problem, size_problem,
)
from .tables import TABLE_SUFFIXES, TableDocument, TableOptions, is_table, read_workbooks
from .yaml_source import MAX_DIGITS, Locator, duplicate_key_positions, position_of, read_yaml

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_EXPECTED_SUFFIXES = "a .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods suffix"
MAX_PROBLEMS_PER_FILE = 1000  # located one by one; past it, a file's problems are counted

#: Validates a ``settings:`` block: every problem as ``(dotted path, message)``. The
#: checks own their options, and io sits below them, so the caller passes this in.
SettingsCheck = Callable[[Mapping[str, Any]], list[tuple[str, str]]]


def load(paths: Sequence[str | Path], limits: Limits | None = None, *,
         settings_check: SettingsCheck | None = None,
         tables: TableOptions | None = None) -> Organisation:
    """Read, validate and merge OKR files and folders into one organisation.

    ``limits`` bound what each file may cost; by default, :class:`Limits` as the
    environment sets them. ``settings_check`` validates the files' ``settings:`` blocks,
    each problem located; without it they are read as they are (``aligngraph.load``
    passes the checks'). Spreadsheets (CSV, TSV, XLSX, ODS) are read by :mod:`.tables`,
    as ``tables`` says.

    Raises
    ------
    InputError
        With every problem found, each located in its file.
    """
    limits = limits or Limits.from_environment()
    files, problems = expand_paths(paths)
    texts: list[tuple[str, str]] = []
    sheets: list[tuple[str, bytes]] = []
    for path in files:
        if is_table(path.name):
            content, problem = _read_bytes(path, limits)
            if problem is None:
                sheets.append((str(path), content))
        else:
            text, problem = _read_text(path, limits)
            if problem is None:
                texts.append((str(path), text))
        if problem:
            problems.append(problem)
    return _load(texts, sheets, problems, limits, settings_check, tables)


def load_bytes(files: Sequence[tuple[str, bytes]], limits: Limits | None = None, *,
               settings_check: SettingsCheck | None = None,
               tables: TableOptions | None = None) -> Organisation:
    """Validate and merge OKR documents given as ``(name, bytes)``, e.g. uploads."""
    limits = limits or Limits.from_environment()
    texts, sheets, problems = [], [], []
    for name, data in files:
        if Path(name).suffix.lower() not in SUFFIXES and not is_table(name):
            problems.append(Problem(name, "", f"not an OKR file: expected {_EXPECTED_SUFFIXES}"))
            continue
        too_big = size_problem(len(data), limits)
        if too_big:
            problems.append(Problem(name, "", too_big))
            continue
        if is_table(name):
            sheets.append((name, data))
            continue
        try:
            texts.append((name, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, "", f"cannot be read as UTF-8 text: {exc}"))
    if not files:
        problems.append(Problem("(none)", "", "no OKR file given"))
    return _load(texts, sheets, problems, limits, settings_check, tables)


def load_texts(texts: Sequence[tuple[str, str]], problems: list[Problem] | None = None,
               limits: Limits | None = None, *,
               settings_check: SettingsCheck | None = None) -> Organisation:
    """Validate and merge OKR documents given as ``(name, text)`` pairs.

    The name's suffix chooses the parser: ``.json`` for JSON, anything else YAML.
    """
    return _load(texts, [], list(problems or []), limits, settings_check, None)


def _load(texts: Sequence[tuple[str, str]], sheets: Sequence[tuple[str, bytes]],
          problems: list[Problem], limits: Limits | None,
          settings_check: SettingsCheck | None, tables: TableOptions | None) -> Organisation:
    limits = limits or Limits.from_environment()
    sources = _Sources()
    documents = []
    for name, text in texts:
        parsed, found = _read_document(name, text, sources, limits)
        problems += found
        if parsed is not None:
            documents.append(parsed)
    workbooks, found = read_workbooks(sheets, tables) if sheets else ([], [])
    problems += found
    for workbook in workbooks:
        parsed, found = _read_workbook(workbook, sources, limits)
        problems += found
        if parsed is not None:
            documents.append(parsed)
    notices = [notice for workbook in workbooks for notice in workbook.notices]
    return _organisation(documents, sources, problems, settings_check, notices)


def organisation_of(documents: Sequence[Parsed], settings_check: SettingsCheck | None = None
                    ) -> Organisation:
    """Merge documents validated already into one organisation, checking the rules across
    records (unique ids, references, cycles) and the settings. Raises InputError; its
    problems carry no line numbers, as the texts are not at hand."""
    return _organisation(documents, _Sources(), [], settings_check, [])


def _organisation(documents: Sequence[Parsed], sources: _Sources, problems: list[Problem],
                  settings_check: SettingsCheck | None, notices: list[str]) -> Organisation:
    org, merge_problems = _merge(documents, sources)
    org.notices = notices
    problems += merge_problems
    if settings_check is not None:
        problems += _settings_problems(settings_check(org.settings), sources)
    dropped = set().union(*(parsed.dropped_ids for parsed in documents))
    flaws = [flaw for flaw in find_flaws(org) if not _about(flaw, dropped)]
    problems += [sources.locate_flaw(flaw, org) for flaw in flaws[:MAX_PROBLEMS_PER_FILE]]
    if len(flaws) > MAX_PROBLEMS_PER_FILE:
        problems.append(Problem(_flaws_file(flaws[MAX_PROBLEMS_PER_FILE:], org), "",
                                f"{len(flaws) - MAX_PROBLEMS_PER_FILE:,} more problems of "
                                "references and links are not listed one by one (at most "
                                f"{MAX_PROBLEMS_PER_FILE:,} are)",
                                stands_for=len(flaws) - MAX_PROBLEMS_PER_FILE))
    if problems:
        raise InputError(problems)
    return org


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The OKR files named by paths (folders: every .yaml, .yml, .json and spreadsheet
    below), and a problem for each path that is missing or a folder that holds none."""
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


def _read_text(path: Path, limits: Limits) -> tuple[str, Problem | None]:
    if path.suffix.lower() not in SUFFIXES:
        return "", Problem(str(path), "", f"not an OKR file: expected {_EXPECTED_SUFFIXES}")
    try:
        too_big = size_problem(path.stat().st_size, limits)
        if too_big:
            return "", Problem(str(path), "", too_big)
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        return "", Problem(str(path), "", f"cannot be read as UTF-8 text: {exc}")


def _read_bytes(path: Path, limits: Limits) -> tuple[bytes, Problem | None]:
    try:
        too_big = size_problem(path.stat().st_size, limits)
        if too_big:
            return b"", Problem(str(path), "", too_big)
        return path.read_bytes(), None
    except OSError as exc:
        return b"", Problem(str(path), "", f"cannot be read: {exc.strerror}")


def _read_workbook(workbook: TableDocument, sources: _Sources, limits: Limits
                   ) -> tuple[Parsed | None, list[Problem]]:
    """A spreadsheet's document, validated like a file's; its problems located in cells."""
    sources.add_table(workbook)
    parsed, problems = _validate(workbook.name, workbook.data, sources, limits)
    return parsed, workbook.problems + problems


def _read_document(file: str, text: str, sources: _Sources, limits: Limits
                   ) -> tuple[Parsed | None, list[Problem]]:
    sources.add(file, text)
    try:
        too_big = size_problem(len(text.encode("utf-8")), limits)
    except UnicodeEncodeError as exc:  # only text handed in by a program can hold one
        line, column = position_of(text, exc.start)
        return None, [Problem(file, "", f"holds a lone surrogate U+{ord(text[exc.start]):04X}, "
                              "which is not a character: expected valid Unicode text",
                              line, column)]
    if too_big:
        return None, [Problem(file, "", too_big)]
    data, problems, nesting = _parse_document(text, file, limits)
    if problems:
        return None, problems
    return _validate(file, data, sources, limits, nesting)


def _validate(file: str, data: Any, sources: _Sources, limits: Limits,
              nesting: int | None = None) -> tuple[Parsed | None, list[Problem]]:
    """Validate a parsed document against the format, every problem located. ``nesting``
    is how many levels the data nests, when the parser learnt it."""
    problems = [sources.problem(file, loc, message)
                for loc, message in _over_limits(data, limits, nesting)]
    if problems:
        return None, problems
    junk = _records_not_mappings(data)
    try:
        if junk > MAX_PROBLEMS_PER_FILE:
            raise _TooManyErrors(junk + _errors_besides_junk(data))
        parsed, errors, total = Parsed.whole(file, Document.model_validate(data)), [], 0
    except (pydantic.ValidationError, _TooManyErrors) as exc:
        if exc.error_count() > MAX_PROBLEMS_PER_FILE:
            # Listing every error of a file full of junk costs more than reading it.
            errors = first_errors(data, MAX_PROBLEMS_PER_FILE)
            parsed = Parsed.dropped(file, data)
            total = exc.error_count()
        else:
            assert isinstance(exc, pydantic.ValidationError)  # junk is past the limit
            errors = list(exc.errors())
            parsed = Parsed.salvage(file, data, errors)
            total = len(errors)
    unknown = unknown_keys_of(parsed, data)
    problems = [_locate_error(error, file, sources) for error in errors[:MAX_PROBLEMS_PER_FILE]]
    problems += [sources.problem(file, (*loc, key), unknown_key_message(loc, key), key=True)
                 for loc, key in itertools.islice(unknown, MAX_PROBLEMS_PER_FILE)]
    untold = max(total - len(problems), 0) + sum(1 for _ in unknown)
    if untold:
        problems.append(Problem(file, "", f"{untold:,} more problems of the same kinds in this "
                                f"file are not listed one by one (at most "
                                f"{MAX_PROBLEMS_PER_FILE:,} of each kind are)",
                                stands_for=untold))
    return parsed, problems


class _TooManyErrors(Exception):
    """Raised before validation when a file surely has more errors than are listed."""

    def __init__(self, count: int):
        super().__init__(count)
        self.count = count

    def error_count(self) -> int:
        return self.count


_RECORD_LISTS = ("teams", "people", "objectives")


def _records_not_mappings(data: Any) -> int:
    """How many items of the record lists are not mappings: each is an error, and a
    file of nothing else is answered without validating (and describing) them all."""
    if not isinstance(data, dict):
        return 0
    lists = [data.get(key) for key in _RECORD_LISTS]
    return sum(type(item) is not dict for items in lists if isinstance(items, list)
               for item in items)


def _errors_besides_junk(data: dict) -> int:
    """How many errors the file has besides its records that are not mappings: validating
    the rest costs no more than a file of that size."""
    rest = {key: [item for item in value if type(item) is dict]
            if key in _RECORD_LISTS and isinstance(value, list) else value
            for key, value in data.items()}
    try:
        Document.model_validate(rest)
    except pydantic.ValidationError as exc:
        return exc.error_count()
    return 0


def _flaws_file(flaws: list, org: Organisation) -> str:
    """The file of the first of some flaws, to report how many more there are."""
    return org.origins[(flaws[0].kind, flaws[0].id)].file


def _over_limits(data: Any, limits: Limits, nesting: int | None
                 ) -> list[tuple[tuple, str]]:
    """Where the parsed data passes a limit; the nesting first, since the other walks
    assume it is bounded. Data known to nest within the limit is not walked for it."""
    deep = None if nesting is not None and nesting <= limits.max_depth else deepest_path(
        data, limits.max_depth)
    if deep is not None:
        return [(deep, depth_message(limits.max_depth))]
    too_many = records_problem(data, limits)
    return [too_many] if too_many else list(long_titles(data, limits))


def parse_document(text: str, file: str, limits: Limits | None = None
                   ) -> tuple[Any, list[Problem]]:
    """Parse JSON for a ``.json`` name, YAML for any other; return data and problems."""
    data, problems, _ = _parse_document(text, file, limits)
    return data, problems


def _parse_document(text: str, file: str, limits: Limits | None
                    ) -> tuple[Any, list[Problem], int | None]:
    """:func:`parse_document`, and how many levels the data nests when the parser learnt
    it on the way (else None)."""
    if file.lower().endswith(".json"):
        return (*parse_json(text, file, limits), None)
    return read_yaml(text, file, limits)


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONG_NUMBER = re.compile(r"-?[0-9]{%d,}" % (MAX_DIGITS + 1))


def parse_json(text: str, file: str, limits: Limits | None = None) -> tuple[Any, list[Problem]]:
    """Parse JSON text, reporting duplicate keys rather than dropping one."""
    limits = limits or Limits()
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows tools write
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
    except RecursionError:
        line, column = _json_depth_position(text, limits.max_depth)
        return None, [Problem(file, "", depth_message(limits.max_depth), line, column)]
    except ValueError:
        return None, [_long_number_problem(text, file)]
    located: list[tuple[str, int | None, int | None]] = []
    located += duplicate_key_positions(text) if duplicates else []
    if len(located) != len(duplicates):  # the two parsers disagree: keep what JSON found
        located = [(key, None, None) for key in duplicates]
    problems = [Problem(file, "", f"duplicate key {excerpt(key)} in one object; the later "
                        "value would silently replace the earlier one", line, column)
                for key, line, column in located]
    if _ESCAPED_SURROGATE.search(text):
        problems += _lone_surrogates(data, file)
    return data, problems


def _json_depth_position(text: str, limit: int) -> tuple[int | None, int | None]:
    """Where JSON text opens its object or array number ``limit + 1`` inside one another."""
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        opening = token.group()
        if opening in "[{":
            depth += 1
            if depth > limit:
                return position_of(text, token.start())
        elif opening in "]}":
            depth -= 1
    return None, None


def _long_number_problem(text: str, file: str) -> Problem:
    found = _LONG_NUMBER.search(text)
    line, column = position_of(text, found.start()) if found else (None, None)
    digits = f"{len(found.group().lstrip('-')):,} digits" if found else "too many digits"
    return Problem(file, "", f"cannot read a whole number of {digits}; at most "
                   f"{MAX_DIGITS:,} can be read", line, column)


def _lone_surrogates(data: Any, file: str) -> list[Problem]:
    """Text escaped as half of a UTF-16 pair (``\\ud800``) is no character: refuse it
    here, or it breaks whatever later prints or writes it."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    found: list[Problem] = []
    while stack:
        value, loc = stack.pop()
        items = (value.items() if isinstance(value, dict) else enumerate(value)
                 if isinstance(value, list) else ())
        for key, child in items:
            for text in (key, child):
                if isinstance(text, str) and not _encodes(text):
                    found.append(Problem(file, dotted((*loc, _printable(key))),
                                         "holds an escaped lone surrogate (\\ud800 to \\udfff), "
                                         "which is not a character: expected valid Unicode text"))
            stack.append((child, (*loc, _printable(key))))
    return found


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(key: Any) -> Any:
    return key if not isinstance(key, str) or _encodes(key) else key.encode(
        "utf-8", "backslashreplace").decode("ascii")


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
                f"duplicate {noun} id {excerpt(id_)}; first defined at {self._where(first)}. "
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
                        f"{excerpt(value)} conflicts with {excerpt(merged[name])} set in "
                        "another file"))
                merged[name] = value
