"""Parse YAML (and JSON) text, and find the line of any path inside it afterwards.

Parsing uses libyaml's ``CSafeLoader`` where present. Positions are not kept during the
normal parse: they cost memory and time on large files. Only when there is a problem to
report is the text composed again to find the line and column of each path.

Values are built from libyaml's nodes by a tight recursive builder when the document
is plain (strings, numbers, booleans, nulls, dates, lists and mappings of scalar keys, no
anchors, no duplicate keys), which is nearly every OKR file and three times faster than
PyYAML's general constructor; anything else, and any error, is built again by PyYAML's
constructor, which reports it as it always has.

Aliases are bounded before any value is built: a pass over the parser's events sums,
at each alias, the size of the value its anchor names, and fails at the alias's line
once the document would grow by more than the limit ``max_alias_nodes``. The pass runs
only when the text may hold an anchor, so files without aliases pay nothing for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from ..errors import Problem, excerpt
from .limits import Limits, how_to_raise

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An anchor is '&' right after a space, a flow indicator or the start of a line; text
# such as "R&D" matches too, which only costs the exact pass below.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)
MAX_DIGITS = 4300  # Python's own limit on converting a whole number from text


@lru_cache(maxsize=1)
def _not_yaml() -> re.Pattern:
    """What YAML refuses and JSON allows. Compiled on first use: the class of nearly all
    of Unicode takes 13 ms to compile, and only locating a problem needs it."""
    return re.compile("[^\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that records duplicate mapping keys instead of dropping one."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicates: list[tuple[Any, yaml.Mark]] = []

    def construct_mapping(self, node, deep=False):  # noqa: D102 - libyaml hook
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.duplicates.append((key_node.value, key_node.start_mark))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node, deep=False):  # noqa: D102 - PyYAML hook
        if node.tag.endswith(":int") and len(node.value) > MAX_DIGITS:
            raise _unreadable(node, f"a whole number of {len(node.value):,} digits; at most "
                              f"{MAX_DIGITS:,} can be read")
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            what = "a date that does not exist" if node.tag.endswith(":timestamp") else "a value"
            raise _unreadable(node, f"{what}: {excerpt(node.value)} ({exc})") from None


def _unreadable(node, message: str) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, f"cannot read {message}",
                                             node.start_mark)


_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _INT = _TAG + "str", _TAG + "seq", _TAG + "map", _TAG + "int"
#: The scalars built by their constructors in the plain case (strings are their text).
_PLAIN_SCALARS = frozenset(_TAG + name for name in ("null", "bool", "int", "float", "timestamp"))


class _NotPlain(Exception):
    """The document needs PyYAML's general constructor."""


class _QuickLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that resolves tags as PyYAML's resolver does, faster.

    libyaml asks the Python resolver for the tag of every node, and the resolver tries
    regular expressions chosen by the scalar's first character: a quarter of composing a
    large file. Here a quoted scalar, or a plain one whose first character starts no
    implicit tag, is a string at once; the tag of any other plain scalar is kept for its
    text, as keys and small numbers repeat all through a file. Once path resolvers exist,
    everything is left to PyYAML.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        resolvers = self.yaml_implicit_resolvers
        self._quick = not self.yaml_path_resolvers and None not in resolvers
        self._tagged_first = frozenset(resolvers)  # '' included: the empty scalar is null
        self._tags: dict[str, str] = {}

    def resolve(self, kind, value, implicit):  # noqa: D102 - libyaml hook
        if kind is not yaml.ScalarNode or not self._quick:
            return super().resolve(kind, value, implicit)
        if not implicit[0] or value[:1] not in self._tagged_first:
            return self.DEFAULT_SCALAR_TAG
        tag = self._tags.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._tags) < _KEPT:
                self._tags[value] = tag
        return tag


_KEPT = 10_000  # tags and scalars kept for their text: a bound on memory, not a limit


def _plain_data(text: str) -> Any:
    """The document's data, as PyYAML's safe constructor builds it, for a plain
    document; :class:`_NotPlain` (or the error itself) for anything else."""
    return _plain_read(text)[0]


def _plain_read(text: str) -> tuple[Any, int]:
    """:func:`_plain_data`, and how many levels it nests (the document is level 1)."""
    loader = _QuickLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, 0
        builder = _PlainBuilder(loader)
        return builder.build(root), builder.nesting
    finally:
        loader.dispose()


class _PlainBuilder:
    """Builds values from the nodes of a plain document. Strings, nearly every scalar of
    a file, are taken in place; other scalars are built once for each text (they are
    immutable) while a few thousand are kept."""

    def __init__(self, loader: _QuickLoader):
        self._loader = loader
        self._constructors = loader.yaml_constructors
        self._built: dict[tuple[str, str], Any] = {}
        self.nesting = 0  # the most levels built, counted as limits.deepest_path counts

    def build(self, node: yaml.Node, depth: int = 1) -> Any:
        kind, tag = type(node), node.tag
        if kind is yaml.ScalarNode:
            return self.scalar(node)
        if depth > self.nesting:
            self.nesting = depth
        if kind is yaml.SequenceNode and tag == _SEQ:
            return [child.value if type(child) is yaml.ScalarNode and child.tag == _STR
                    else self.build(child, depth + 1) for child in node.value]
        if tag != _MAP or kind is not yaml.MappingNode:
            raise _NotPlain
        data: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise _NotPlain
            key = key_node.value if key_node.tag == _STR else self.scalar(key_node)
            if key in data:
                raise _NotPlain  # a duplicate key, reported by the general path
            data[key] = (value_node.value if type(value_node) is yaml.ScalarNode
                         and value_node.tag == _STR else self.build(value_node, depth + 1))
        return data

    def scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _PLAIN_SCALARS or (tag == _INT and len(node.value) > MAX_DIGITS):
            raise _NotPlain
        key = (tag, node.value)
        value = self._built.get(key, self._built)
        if value is self._built:
            value = self._constructors[tag](self._loader, node)
            if len(self._built) < _KEPT:
                self._built[key] = value
        return value


def parse_yaml(text: str, file: str, limits: Limits | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; return the data and any problems, located."""
    data, problems, _ = read_yaml(text, file, limits)
    return data, problems


def read_yaml(text: str, file: str, limits: Limits | None = None
              ) -> tuple[Any, list[Problem], int | None]:
    """:func:`parse_yaml`, and how many levels the data nests when the plain path built
    it (else None)."""
    limits = limits or Limits()
    if _MAYBE_ANCHOR.search(text):
        problem = _alias_problem(text, file, limits.max_alias_nodes)
        if problem:
            return None, [problem], None
    else:
        try:
            data, nesting = _plain_read(text)
            return data, [], nesting
        except Exception:  # noqa: BLE001 - the general path reports it
            pass
    return (*_general_read(text, file), None)


def _general_read(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The data by PyYAML's constructor, every error and duplicate key a problem."""
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, file)]
    except yaml.reader.ReaderError as exc:
        line, column = position_of(text, exc.position)
        return None, [Problem(file, "", f"not valid YAML: {_reader_message(exc)}", line, column)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, "", f"not valid YAML: {exc}")]
    finally:
        loader.dispose()
    problems = [
        Problem(file, "", f"duplicate key {excerpt(key)} in one mapping; the later value would "
                "silently replace the earlier one", mark.line + 1, mark.column + 1)
        for key, mark in loader.duplicates
    ]
    return data, problems


def _alias_problem(text: str, file: str, budget: int) -> Problem | None:
    """A problem at the first alias that grows the document past ``budget`` nodes, or at
    an alias inside the value its own anchor names (a structure that contains itself)."""
    sizes: dict[str, int] = {}
    open_anchors: list[str | None] = []
    counts: list[int] = [0]
    added = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                open_anchors.append(event.anchor)
                counts.append(1)
            elif isinstance(event, yaml.CollectionEndEvent):
                size, anchor = counts.pop(), open_anchors.pop()
                if anchor is not None:
                    sizes[anchor] = size
                counts[-1] += size
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                counts[-1] += 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in open_anchors:
                    return _alias_at(file, event, f"alias *{excerpt(event.anchor, 30)[1:-1]} is "
                                     "inside the value its anchor names: a value that contains "
                                     "itself cannot be loaded")
                size = sizes.get(event.anchor or "", 1)
                added += size
                counts[-1] += size
                if added > budget:
                    return _alias_at(file, event, (
                        f"aliases expand the document by more than {budget:,} values (this one "
                        f"adds {size:,}) {how_to_raise('max_alias_nodes')}"))
    except yaml.YAMLError:
        return None  # the parse proper reports the syntax error, located
    return None


def _alias_at(file: str, event: yaml.AliasEvent, message: str) -> Problem:
    line, column = _position(event)
    return Problem(file, "", message, line, column)


def _position(event: yaml.Event) -> tuple[int | None, int | None]:
    """An event's 1-based line and column (libyaml always marks its events)."""
    mark = event.start_mark
    return (None, None) if mark is None else (mark.line + 1, mark.column + 1)


def position_of(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    character = exc.character
    code = ord(character) if isinstance(character, str) else character
    return f"the character U+{code:04X} is not allowed in YAML (control characters are not)"


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(file, "", f"not valid YAML: {what}", line, column)


class Locator:
    """Finds the line and column of a path such as ``("objectives", 2, "team")``.

    The positions come from libyaml's events, read only as far as the paths asked for
    need: no nodes are composed and no tags resolved, and each step of a path is one
    dictionary or list lookup. Locating problems near the top of a large file reads
    only the top of it.
    """

    def __init__(self, text: str):
        # JSON allows what YAML refuses (tabs around tokens, DEL, C1 controls); a space
        # in their place keeps every position and lets libyaml read on.
        text = _not_yaml().sub(" ", text)
        self._events = iter(yaml.parse(text, Loader=_BaseLoader))
        self._root: _Container | Any = None
        self._open: list[_Container] = []

    def find(self, loc: tuple, *, key: bool = False) -> tuple[int, int] | None:
        """The 1-based (line, column) of the value at ``loc``, or of its key.

        When the path goes deeper than the document (a missing field), the position of
        the deepest mapping or sequence that exists is returned.
        """
        while self._root is None and self._advance():
            pass
        node, key_mark = self._root, None
        for part in loc:
            child = _child(node, part)
            while child is None and isinstance(node, _Container) and not node.closed \
                    and self._advance():
                child = _child(node, part)
            if child is None:
                break
            key_mark, node = child
        if node is None:
            return None
        mark = key_mark if key and key_mark is not None else _mark(node)
        return mark.line + 1, mark.column + 1

    def _advance(self) -> bool:
        """Read one more event into the position tree; False at the end or an error."""
        try:
            event = next(self._events)
        except (StopIteration, yaml.YAMLError):
            self._events = iter(())
            return False
        if isinstance(event, yaml.CollectionEndEvent):
            self._open.pop().closed = True
            return True
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            node: Any = event.start_mark
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            node = _Container(event.start_mark,
                              {} if isinstance(event, yaml.MappingStartEvent) else [])
        else:
            return True
        if self._open:
            self._open[-1].attach(node, event)
        elif self._root is None:
            self._root = node
        if isinstance(node, _Container):
            self._open.append(node)
        return True


def duplicate_key_positions(text: str) -> list[tuple[str, int | None, int | None]]:
    """Every repeated key of a mapping with its 1-based line and column, in the order of
    the text: for JSON, whose parser reports duplicates without a position."""
    found: list[tuple[str, int | None, int | None]] = []
    mappings: list[tuple[set[str], list[bool]] | None] = []  # keys seen, awaiting a key
    try:
        for event in yaml.parse(_not_yaml().sub(" ", text), Loader=_BaseLoader):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                if mappings and mappings[-1] is not None:
                    keys, awaiting = mappings[-1]
                    if awaiting[0] and isinstance(event, yaml.ScalarEvent):
                        if event.value in keys:
                            found.append((event.value, *_position(event)))
                        keys.add(event.value)
                    awaiting[0] = not awaiting[0]
                if isinstance(event, yaml.MappingStartEvent):
                    mappings.append((set(), [True]))
                elif isinstance(event, yaml.SequenceStartEvent):
                    mappings.append(None)
            elif isinstance(event, yaml.CollectionEndEvent):
                mappings.pop()
    except yaml.YAMLError:
        pass
    return found


_AWAITING_KEY = object()


class _Container:
    """A mapping ({key: (key mark, child)}, the first of duplicate keys kept) or a
    sequence ([child]) of the position tree; a scalar or alias is just its start mark."""

    __slots__ = ("mark", "children", "closed", "_key")

    def __init__(self, mark: Any, children: dict | list):
        self.mark, self.children, self.closed = mark, children, False
        self._key: Any = _AWAITING_KEY

    def attach(self, node: Any, event: Any) -> None:
        if isinstance(self.children, list):
            self.children.append(node)
        elif self._key is _AWAITING_KEY:
            text = event.value if isinstance(event, yaml.ScalarEvent) else None
            self._key = (text, node)
        else:
            name, key_mark = self._key
            if name is not None:
                self.children.setdefault(name, (key_mark, node))
            self._key = _AWAITING_KEY


def _mark(node: Any) -> Any:
    return node.mark if isinstance(node, _Container) else node


def _child(node: Any, part: Any) -> tuple[Any, Any] | None:
    if not isinstance(node, _Container):
        return None
    children = node.children
    if isinstance(children, dict):
        return children.get(str(part))
    if isinstance(part, int) and 0 <= part < len(children):
        return None, children[part]
    return None
