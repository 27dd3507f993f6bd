"""Where a record is written: the file, line and column of its ``id``, for findings.

The loader keeps every team's, person's, objective's and key result's file and path
inside that file (``Organisation.origins``), but not its line: positions cost time and
memory on large files, and most records never need one. Findings need them, for the few
records they are about, so they are found afterwards, file by file, only for those:

1. the file's text is scanned once with a regular expression for every ``id`` key and
   its value (C speed, whatever the file's size);
2. a record whose id is written once in its file (in YAML, once in its top-level
   section: ``teams:``, ``people:`` or ``objectives:``) is found at once;
3. any other (an id written twice, escapes, anchors) is found exactly: by composing the
   YAML with libyaml (:class:`~aligngraph.io.yaml_source.Locator`), or by walking the
   JSON with the standard library's decoder.

A person who has no record of their own (no file lists ``people``) is placed at the
record that first names them: the team they lead, else the goal they own, are the
liaison of, or contribute to.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path

from ..model import Location, Organisation, Origin
from .yaml_source import Locator

_YAML_ID = re.compile(
    r"""(?:^|[{,])[ \t]*(?:-[ \t]+)*(?P<key>id|"id"|'id')[ \t]*:[ \t]+"""
    r"""(?:"(?P<dq>[^"\\\n]*)"|'(?P<sq>[^'\n]*)'|(?P<plain>[^\s"'#,\[\]{}&*!|>%@`][^\n#,\[\]{}]*?))"""
    r"""[ \t]*(?=$|[,}\]]|[ \t]\#)""", re.MULTILINE)
_JSON_ID = re.compile(r'"id"\s*:\s*"(?P<dq>(?:[^"\\]|\\.)*)"')
_YAML_SECTION = re.compile(r"""^["']?([A-Za-z_][\w-]*)["']?[ \t]*:""", re.MULTILINE)


def locate_records(org: Organisation, records: Iterable[tuple[str, str]],
                   texts: Mapping[str, str] | None = None) -> dict[tuple[str, str], Location]:
    """The location of each record, by its origin key: ``("team" | "person" | "goal", id)``.

    ``texts`` gives the text of files by name; files not in it are read from disk. A
    record whose file cannot be read gets a location without a line.
    """
    finder = _Finder(org, texts or {})
    return {record: location for record in dict.fromkeys(records)
            if (location := finder.locate(*record)) is not None}


class _Finder:
    """Locates records by node key, reading and indexing each file once."""

    def __init__(self, org: Organisation, texts: Mapping[str, str]):
        self._org = org
        self._texts = texts
        self._files: dict[str, _FileIndex | None] = {}
        self._references: dict[str, tuple[str, str]] | None = None

    def locate(self, kind: str, id_: str) -> Location | None:
        origin_key = (kind, id_)
        if origin_key not in self._org.origins and origin_key[0] == "person":
            origin_key = self._first_reference(id_) or origin_key
        origin = self._org.origins.get(origin_key)
        if origin is None:
            return None
        index = self._index(origin.file)
        if index is None:
            return Location(origin.file)
        return Location(origin.file, *index.position(origin, origin_key[1]))

    def _index(self, file: str) -> _FileIndex | None:
        if file not in self._files:
            self._files[file] = _FileIndex.of(file, self._read(file))
        return self._files[file]

    def _read(self, file: str) -> str | None:
        if file in self._texts:
            return self._texts[file]
        try:
            return Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _first_reference(self, person: str) -> tuple[str, str] | None:
        if self._references is None:
            self._references = first_references(self._org)
        return self._references.get(person)


def first_references(org: Organisation) -> dict[str, tuple[str, str]]:
    """For each person named anywhere, the origin key of the first record naming them:
    teams by ``lead`` first, then goals by ``owner``, ``liaison`` and ``contributors``."""
    found: dict[str, tuple[str, str]] = {}
    for team in org.teams:
        if team.lead:
            found.setdefault(team.lead, ("team", team.id))
    for objective in org.objectives:
        for goal in (objective, *objective.key_results):
            for person in (goal.owner, goal.liaison, *getattr(goal, "contributors", ())):
                if person:
                    found.setdefault(person, ("goal", goal.id))
    return found


class _FileIndex:
    """One file's text, its line starts, and where each ``id`` value is written."""

    def __init__(self, text: str, is_json: bool):
        self.text = text
        self.is_json = is_json
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._ids = _json_ids(text) if is_json else _yaml_ids(text)
        self._sections = [] if is_json else [
            (m.start(), m.group(1)) for m in _YAML_SECTION.finditer(text)]
        self._exact: Locator | _JsonWalker | None = None

    @classmethod
    def of(cls, file: str, text: str | None) -> _FileIndex | None:
        if text is None:
            return None
        return cls(text, file.lower().endswith(".json"))

    def position(self, origin: Origin, id_: str) -> tuple[int | None, int | None]:
        """The 1-based line and column of the ``id`` key of the record at ``origin``."""
        candidates = self._ids.get(id_, [])
        if self._sections:
            candidates = [c for c in candidates if self._section_at(c) == origin.loc[0]]
        if len(candidates) == 1:
            return self._line_column(candidates[0])
        return self._exact_position((*origin.loc, "id"))

    def _section_at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self._sections, (offset, "\uffff")) - 1
        return self._sections[index][1] if index >= 0 else None

    def _line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _exact_position(self, loc: tuple) -> tuple[int | None, int | None]:
        if self.is_json:
            if not isinstance(self._exact, _JsonWalker):
                self._exact = _JsonWalker(self.text)
            offset = self._exact.key_offset(loc)
            return self._line_column(offset) if offset is not None else (None, None)
        if not isinstance(self._exact, Locator):
            self._exact = Locator(self.text)
        return self._exact.find(loc, key=True) or (None, None)


def _json_ids(text: str) -> dict[str, list[int]]:
    """The offsets of the ``"id"`` keys in JSON text, by their (unescaped) values."""
    ids: dict[str, list[int]] = defaultdict(list)
    for match in _JSON_ID.finditer(text):
        raw = match["dq"]
        ids[json.loads(f'"{raw}"') if "\\" in raw else raw].append(match.start())
    return ids


def _yaml_ids(text: str) -> dict[str, list[int]]:
    """The offsets of the ``id`` keys in YAML text (after any ``{``, ``,`` or ``- ``
    before them), by their values as written."""
    ids: dict[str, list[int]] = defaultdict(list)
    for match in _YAML_ID.finditer(text):
        double, single, plain = match.group("dq", "sq", "plain")
        value = double if double is not None else single if single is not None else plain
        ids[value.rstrip()].append(match.start("key"))
    return ids


_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _JsonWalker:
    """Finds the offset of a path's last key in JSON text, parsing only what it must."""

    def __init__(self, text: str):
        self.text = text
        self._decoder = json.JSONDecoder()
        self._members: dict[int, dict[str, tuple[int, int]]] = {}
        self._items: dict[int, list[int]] = {}

    def key_offset(self, loc: tuple) -> int | None:
        """The offset of the key that names ``loc[-1]`` inside ``loc[:-1]``, or None."""
        offset, key = self._skip(0), None
        for part in loc:
            opener = self.text[offset:offset + 1]
            if opener == "{" and isinstance(part, str):
                members = self._object(offset)
                if part not in members:
                    return None
                key, offset = members[part]
            elif opener == "[" and isinstance(part, int):
                items = self._array(offset)
                if not 0 <= part < len(items):
                    return None
                key, offset = None, items[part]
            else:
                return None
        return key

    def _skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        return match.end() if match else offset

    def _value_end(self, offset: int) -> int:
        return self._decoder.raw_decode(self.text, offset)[1]

    def _object(self, start: int) -> dict[str, tuple[int, int]]:
        """Each member's key offset and value offset, for the object at ``start``."""
        if start not in self._members:
            members: dict[str, tuple[int, int]] = {}
            offset = self._skip(start + 1)
            while self.text.startswith('"', offset):
                key, after = scanstring(self.text, offset + 1)
                value = self._skip(self._skip(after) + 1)
                members.setdefault(key, (offset, value))
                offset = self._skip(self._value_end(value))
                offset = self._skip(offset + 1) if self.text.startswith(",", offset) else offset
            self._members[start] = members
        return self._members[start]

    def _array(self, start: int) -> list[int]:
        """The offset of each item of the array at ``start``."""
        if start not in self._items:
            items: list[int] = []
            offset = self._skip(start + 1)
            while not self.text.startswith("]", offset) and offset < len(self.text):
                items.append(offset)
                offset = self._skip(self._value_end(offset))
                offset = self._skip(offset + 1) if self.text.startswith(",", offset) else offset
            self._items[start] = items
        return self._items[start]
