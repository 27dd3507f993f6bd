"""Parse YAML (and JSON) text, and find the line of any path inside it afterwards.

Parsing uses libyaml's ``CSafeLoader`` where present. Positions are not kept during the
normal parse: they cost memory and time on large files. Only when there is a problem to
report is the text composed again to find the line and column of each path.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; return the data and any problems, located."""
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, file)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, "", f"not valid YAML: {exc}")]
    finally:
        loader.dispose()
    problems = [
        Problem(file, "", f"duplicate key {key!r} in one mapping; the later value would "
                "silently replace the earlier one", mark.line + 1, mark.column + 1)
        for key, mark in loader.duplicates
    ]
    return data, problems


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(file, "", f"not valid YAML: {what}", line, column)


class Locator:
    """Finds the line and column of a path such as ``("objectives", 2, "team")``."""

    def __init__(self, text: str):
        self._root = _compose(text)

    def find(self, loc: tuple, *, key: bool = False) -> tuple[int, int] | None:
        """The 1-based (line, column) of the value at ``loc``, or of its key.

        When the path goes deeper than the document (a missing field), the position of
        the deepest mapping or sequence that exists is returned.
        """
        node, key_node = self._root, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        if node is None:
            return None
        mark = (key_node if key and key_node is not None else node).start_mark
        return mark.line + 1, mark.column + 1


def _compose(text: str):
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None


def _child(node, part):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(part):
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
    return None
