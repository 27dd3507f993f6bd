"""What one input file may cost: its size, its nesting, its records, its titles.

Every limit has a documented default (docs/format.md, "Limits") that fits the
10,000-team synthetic organisation with room to spare, and can be raised through an
environment variable, ``ALIGNGRAPH_`` followed by its name in capitals
(``ALIGNGRAPH_MAX_RECORDS=3000000``); the size limit also through ``--max-input-mb``.
The YAML alias budget is enforced while parsing (:mod:`aligngraph.io.yaml_source`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError

ENV_PREFIX = "ALIGNGRAPH_"
RECORD_LISTS = ("teams", "people", "objectives")
NAMED = {"teams": "name", "people": "name", "objectives": "title"}


@dataclass(frozen=True)
class Limits:
    """The most one input file may hold. Zero or less is refused, not "unlimited"."""

    max_input_mb: float = 100.0
    max_depth: int = 64
    max_records: int = 1_000_000
    max_title_length: int = 2_000
    max_alias_nodes: int = 100_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each overridden by ``ALIGNGRAPH_<NAME>`` when it is set."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            raw = environ.get(env_name(field.name))
            if raw is not None and raw.strip():
                values[field.name] = _positive(field.name, raw, float if field.name ==
                                               "max_input_mb" else int)
        return cls(**values)

    @property
    def max_input_bytes(self) -> int:
        """The size limit in bytes (a megabyte being 1,000,000 bytes, as Streamlit counts)."""
        return int(self.max_input_mb * 1_000_000)


def env_name(limit: str) -> str:
    """The environment variable that sets a limit.

    >>> env_name("max_depth")
    'ALIGNGRAPH_MAX_DEPTH'
    """
    return ENV_PREFIX + limit.upper()


def how_to_raise(limit: str) -> str:
    """The sentence that ends every limit's message: which limit, and how to raise it."""
    flag = "--max-input-mb N or " if limit == "max_input_mb" else ""
    return f"(limit {limit}; raise it with {flag}the environment variable {env_name(limit)})"


def _positive(name: str, raw: str, kind: type) -> float | int:
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise UsageError(f"{env_name(name)}: expected a {'number' if kind is float else 'whole number'} "
                         f"above 0, got {raw[:40]!r}")
    return value


def size_problem(size: int, limits: Limits) -> str | None:
    """The message for a file over the size limit, or None."""
    if size <= limits.max_input_bytes:
        return None
    return (f"the file is {_megabytes(size)}, over the limit of {limits.max_input_mb:g} MB "
            f"{how_to_raise('max_input_mb')}")


def _megabytes(size: int) -> str:
    digits = 1 if size >= 100_000 else 3
    return f"{size / 1_000_000:,.{digits}f} MB ({size:,} bytes)"


def deepest_path(data: Any, limit: int) -> tuple | None:
    """The path of the first value nested more than ``limit`` levels deep, or None.

    The document itself is level 1, and each mapping or list inside adds one. Aliases
    were bounded while parsing, so a shared value is simply walked again.
    """
    stack: list[tuple[Any, int]] = [(data, 1)] if isinstance(data, (dict, list)) else []
    push = stack.append
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return _path_to_depth(data, limit + 1)
        # The hottest loop of a large file's load: exact type tests, no generator.
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict or type(child) is list:
                push((child, depth + 1))
    return None


def _path_to_depth(data: Any, depth: int) -> tuple:
    """The path to one container at ``depth``, found again now that one is known to exist."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) + 1 >= depth:
            return path
        items = value.items() if isinstance(value, dict) else enumerate(value)
        stack.extend((child, (*path, key)) for key, child in items
                     if isinstance(child, (dict, list)))
    return ()


def depth_message(limit: int) -> str:
    """The message for a value nested past the depth limit."""
    return (f"nested more than {limit} levels deep (mappings and lists inside one another) "
            f"{how_to_raise('max_depth')}")


def records_problem(data: Any, limits: Limits) -> tuple[tuple, str] | None:
    """The list at which the records (teams, people, objectives, key results and
    check-ins) pass the limit, and the message; or None."""
    if not isinstance(data, dict):
        return None
    total = 0
    for key, count in _record_counts(data):
        total += count
        if total > limits.max_records:
            return (key,), (f"the file holds more than {limits.max_records:,} records (teams, "
                            f"people, objectives, key results and check-ins; {total:,} counted "
                            f"up to here) {how_to_raise('max_records')}")
    return None


def _record_counts(data: dict) -> Iterator[tuple[str, int]]:
    for key in RECORD_LISTS:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        yield key, len(items)
        if key == "objectives":
            key_results = [kr for o in items if isinstance(o, dict)
                           for kr in _list(o.get("key_results"))]
            yield key, len(key_results)
            yield key, sum(len(_list(kr.get("check_ins"))) for kr in key_results
                           if isinstance(kr, dict))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def long_titles(data: Any, limits: Limits) -> Iterator[tuple[tuple, str]]:
    """Every title or name longer than the limit: its path and the message."""
    if not isinstance(data, dict):
        return
    for key, field in NAMED.items():
        for index, record in enumerate(_list(data.get(key))):
            if not isinstance(record, dict):
                continue
            yield from _long_text(record, (key, index), field, limits)
            if key == "objectives":
                for kr_index, kr in enumerate(_list(record.get("key_results"))):
                    if isinstance(kr, dict):
                        yield from _long_text(kr, (key, index, "key_results", kr_index),
                                              "title", limits)


def _long_text(record: dict, loc: tuple, field: str, limits: Limits
               ) -> Iterator[tuple[tuple, str]]:
    text = record.get(field)
    if isinstance(text, str) and len(text) > limits.max_title_length:
        yield (*loc, field), (f"{len(text):,} characters long, over the limit of "
                              f"{limits.max_title_length:,} {how_to_raise('max_title_length')}; "
                              f"it begins {text[:40]!r}")
